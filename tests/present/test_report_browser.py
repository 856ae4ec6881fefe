"""The HTML report in a real headless Chromium: the map and the timeline render, and hostile text stays inert.

Needs Debian's chromium (``scripts/test-services.sh`` installs it and exports NEWSPRISM_CHROMIUM) and Playwright for
Python. Skipped when chromium is missing, except on CI (the CI environment variable), where that is a failure.
"""

from __future__ import annotations

import hashlib
import os
import shutil

import pytest

from newsprism.fuse import fuse
from newsprism.model import Analysis, Article, Claim, Count, Event, EventDate, Place, ReportedBy, Span, Speaker
from newsprism.present.report import write_report

pytestmark = pytest.mark.browser

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def _chromium() -> str:
    path = os.environ.get("NEWSPRISM_CHROMIUM") or shutil.which("chromium")
    if not path or not os.path.exists(path):
        if os.environ.get("CI"):
            pytest.fail("headless Chromium is required on CI: run `eval \"$(bash scripts/test-services.sh)\"` first")
        pytest.skip("chromium is not installed (scripts/test-services.sh installs it)")
    return path


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("playwright is not installed")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=path, args=ARGS)
        yield instance
        instance.close()


class Page:
    """A page with every console message, page error, dialog and network request recorded."""

    def __init__(self, browser, path):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url) if not r.url.startswith("file:") else None)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path').length > 100")

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def _place(name: str, lat: float, lon: float) -> Place:
    return Place(name=name, resolved_name=name, country="KEN", country_name="Kenya", admin1="Nairobi", latitude=lat,
                 longitude=lon, precision=1)


def _analysis(aid: str, outlet: str, text: str, killed: str, low: int, high: int | None, place: Place,
              claim: str | None = None, speaker: str = "Officials") -> Analysis:
    def span(phrase: str) -> Span:
        start = text.index(phrase)
        return Span.of(text, start, start + len(phrase))

    event = Event(id="e1", event_type="Protests", sub_event_type="Excessive force against protesters", plover_type=None,
                  actor1=None, actor2=None, date=EventDate("2024-06-25", "day"), place=place,
                  fatalities=Count(low, high, low, span(killed)), reported_by=ReportedBy("witnesses", "collective"),
                  trigger=span(killed), evidence=[span(killed)])
    claims = [Claim(id="c1", speaker=Speaker(speaker, "person"), content=span(claim), kind="speculation")] if claim else []
    article = Article(id=aid, text=text, outlet=outlet, title=f"Report: {outlet}", published="2024-06-26",
                      content_hash=hashlib.sha256(text.encode()).hexdigest())
    return Analysis(id=aid, article=article, events=[event], claims=claims)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    nairobi = _place("Nairobi", -1.29, 36.82)
    a = _analysis("a", "Daily A", "Police opened fire near parliament in Nairobi; at least 40 killed.", "at least 40 killed",
                  40, None, nairobi)
    b = _analysis("b", "Wire B", "Eight people died when police fired on protesters in Nairobi.", "Eight people died",
                  8, 8, nairobi)
    path = tmp_path_factory.mktemp("report") / "sitrep.html"
    return write_report(fuse([a, b]), path)


HOSTILE = (
    "Riot police fired on marchers.\n"
    "<script>window.__pwned = 1; alert('script ran')</script>\n"
    "<img src=x onerror=\"window.__pwned = 2; alert('img ran')\"><svg onload=\"alert('svg ran')\"></svg>\n"
    "Right-to-left: \u202eoverride\u202c and \u2067isolate\u2069; zero-width: a\u200bb\u200cc\u200dd\ufeffe.\n"
    + "x" * 1_000_000 + "\n"
    "</mark></div></article><iframe src=\"javascript:alert('frame ran')\"></iframe> 5 killed."
)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    place = _place("<img src=x onerror=\"alert('place ran')\">", -1.29, 36.82)
    a = _analysis("<b>id</b>", "<script>alert('outlet ran')</script>", HOSTILE, "5 killed", 5, 5, place,
                  claim="<script>window.__pwned = 1; alert('script ran')</script>",
                  speaker="<img src=x onerror=\"alert('speaker ran')\">")
    path = tmp_path_factory.mktemp("hostile") / "sitrep.html"
    return write_report(fuse([a]), path)


def test_map_and_timeline_render_with_no_console_errors(browser, report):
    view = Page(browser, report)
    page = view.page
    assert page.locator(".leaflet-map-pane .leaflet-overlay-pane svg path").count() > 100  # the country shapes
    assert page.locator("path.event-marker").count() == 1
    assert page.locator(".timeline-row").count() == 1
    assert "Excessive force against protesters" in page.locator(".timeline-row").first.inner_text()
    page.locator("path.event-marker").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Nairobi" in popup.inner_text()
    assert view.errors == [] and view.dialogs == [] and view.requests == []


def test_evidence_link_opens_the_article_view_with_the_span_highlighted(browser, report):
    page = Page(browser, report).page
    assert page.locator(".article-view").first.is_hidden()
    side = page.locator('.contradiction .side:has-text("Wire B") a.evidence')
    assert side.inner_text() == "“Eight people died when police fired on protesters in Nairobi.”"  # the figure's sentence
    side.click()
    view = page.locator(".article-view:visible")
    assert view.count() == 1
    target = page.locator(".anchor:target + mark")
    assert target.inner_text() == "Eight people died"


def test_hostile_article_renders_inert(browser, hostile_report):
    view = Page(browser, hostile_report)
    page = view.page
    page.locator("path.event-marker").first.click()  # the popup shows the place name as text
    page.locator(".leaflet-popup-content").wait_for()
    href = page.locator("a.evidence").first.get_attribute("href")
    page.goto(hostile_report.as_uri() + href)  # open the article view at the evidence
    page.wait_for_selector(".article-view:visible")
    assert view.dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img, iframe, main svg:not(.leaflet-zoom-animated), .article-text b").count() == 0
    assert page.evaluate("[...document.querySelectorAll('*')].filter(e => e.hasAttribute('onerror') || "
                         "e.hasAttribute('onload')).length") == 0
    assert page.locator("script").count() == 5  # the report's own: 2 JSON blocks, Leaflet, topojson, the map
    text = page.locator(".article-view:visible .article-text").inner_text()
    assert "<script>window.__pwned = 1" in text and "<iframe" in text and "\u202e" in text and "\u200b" in text
    assert "<img src=x onerror" in page.locator(".leaflet-popup-content").inner_text()
    assert page.locator("#stories").is_visible()  # the closing tags in the text did not end the page's elements
    assert view.requests == []
    assert [e for e in view.errors if "Content Security Policy" not in e] == []
