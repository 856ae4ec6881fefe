"""The situation report over hand-built records: highlights, escaping, links, self-containment, Markdown."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from newsprism.fuse import fuse
from newsprism.model import Analysis, Article, Claim, Count, Event, EventDate, Place, ReportedBy, Span, Speaker
from newsprism.present.report import build_context, highlight, md_escape, render_html, render_markdown, write_report

KUMASI = Place(name="Kumasi", resolved_name="Kumasi", country="GHA", country_name="Ghana", admin1="Ashanti",
               latitude=6.69, longitude=-1.62, precision=1)


def _analysis(aid: str, outlet: str, text: str, *, killed: str, low: int, high: int | None, claim: str | None = None,
              speaker: str = "Officials", kind: str = "report", place: Place = KUMASI) -> Analysis:
    def span(phrase: str) -> Span:
        start = text.index(phrase)
        return Span.of(text, start, start + len(phrase))

    event = Event(id="e1", event_type="Protests", sub_event_type="Excessive force against protesters", plover_type=None,
                  actor1=None, actor2=None, date=EventDate("2023-03-03", "day"), place=place,
                  fatalities=Count(low, high, low, span(killed)), reported_by=ReportedBy("hospital staff", "collective"),
                  trigger=span("fire"), evidence=[span("fire")])
    claims = [Claim(id="c1", speaker=Speaker(speaker, "person"), content=span(claim), kind=kind)] if claim else []
    article = Article(id=aid, text=text, outlet=outlet, title=f"Report by {outlet}", published="2023-03-04",
                      content_hash=hashlib.sha256(text.encode()).hexdigest())
    return Analysis(id=aid, article=article, events=[event], claims=claims)


def two_outlets():
    a = _analysis("a", "Daily A", "Troops opened fire in Kumasi. At least 40 people were killed. The army will withdraw soon.",
                  killed="At least 40 people were killed", low=40, high=None, claim="The army will withdraw soon",
                  speaker="General Mensah", kind="prediction")
    b = _analysis("b", "Wire B", "Police opened fire on a crowd in Kumasi; eight people died, the ministry said.",
                  killed="eight people died", low=8, high=8)
    return fuse([a, b])


HOSTILE_TEXT = (
    "Police opened fire in Kumasi. <script>window.__pwned = 1; alert('x')</script> "
    "<img src=x onerror=\"window.__pwned = 2\"> \u202eevil\u202c \u200b\u200d\ufeff killed 3. "
    "</textarea></mark><b>bold</b> \" ' & done."
)


def hostile():
    place = Place(name="<img src=x onerror=alert(3)>", resolved_name="<svg onload=alert(4)>", country="GHA",
                  latitude=6.69, longitude=-1.62, precision=1)
    a = _analysis("<script>id</script>", "<b>Outlet</b>", HOSTILE_TEXT, killed="<script>window.__pwned = 1; alert('x')</script>",
                  low=3, high=3, claim="<img src=x onerror=\"window.__pwned = 2\">", speaker="<script>alert(5)</script>",
                  kind="speculation", place=place)
    return fuse([a])


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            if not self._in_script.get("type"):
                self.scripts.append("")

    def handle_data(self, data):
        if self._in_script is not None and not self._in_script.get("type"):
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def test_highlight_escapes_every_segment_and_cuts_overlaps():
    text = "a <b>x</b> & y"
    html = highlight(text, [(2, 10, "event", "m1"), (5, 14, "claim", "m2")])
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert html.count("<mark") == 3  # [2,5) event, [5,10) both, [10,14) claim
    assert '<mark class="ev-claim ev-event">x&lt;/b&gt;</mark>' in html
    assert html.index('id="m1"') < html.index('id="m2"')
    assert re.sub(r"<[^>]+>", "", str(html)).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_report_links_every_item_to_a_highlighted_span_in_the_article_view():
    html = render_html(two_outlets(), generated="2023-03-05 00:00 UTC")
    parsed = _parse(html)
    ids = {attrs["id"] for _, attrs in parsed.tags if "id" in attrs}
    links = [attrs["href"] for tag, attrs in parsed.tags if tag == "a" and attrs.get("href", "").startswith("#")]
    assert links and all(href[1:] in ids for href in links), [h for h in links if h[1:] not in ids]
    for phrase in ("At least 40 people were killed", "eight people died", "The army will withdraw soon"):
        assert re.search(r'<span class="anchor" id="m\d+"></span><mark class="[^"]*">' + re.escape(phrase), html), phrase
    # the contradiction and both sides with their outlets
    assert 'data-field="fatalities"' in html and "<b>8</b> — Wire B" in html and "<b>40+</b> — Daily A" in html
    assert "8–40+" in html  # the headline range
    assert "General Mensah" in html and "soon" in html  # the prediction and its horizon


def test_report_is_self_contained_and_only_its_own_scripts_may_run():
    html = render_html(two_outlets())
    parsed = _parse(html)
    assert not [a for t, a in parsed.tags if "src" in a or (t == "link" and a.get("rel") == "stylesheet")]
    markup = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//""", markup)
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src" not in csp  # default-src covers fetches
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    assert len(parsed.scripts) == 3
    for script in parsed.scripts:
        assert base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() in hashes


def test_hostile_article_text_is_escaped_everywhere():
    html = render_html(hostile())
    parsed = _parse(html)
    assert [t for t, _ in parsed.tags].count("script") == 5  # 2 JSON blocks + 3 of ours
    assert not [t for t, _ in parsed.tags if t in ("img", "svg", "textarea")]
    assert not any("onerror" in a or "onload" in a for _, a in parsed.tags)
    assert "window.__pwned" not in "".join(parsed.scripts)
    assert "&lt;script&gt;window.__pwned" in html
    assert "\u202e" in html and "\u200b" in html  # kept as text (the view isolates it), not stripped
    data = re.search(r'<script type="application/json" id="sitrep-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data and "\\u003csvg onload" in data


def test_context_groups_claims_by_speaker_and_marks_the_kind():
    context = build_context(two_outlets())
    speaker, = context["speakers"]
    assert speaker["speaker"] == "General Mensah" and speaker["claims"][0]["kind"] == "prediction"
    assert [f["range"] for f in context["headline"]["figures"]] == ["8–40+", None, None]
    assert context["headline"]["events"] == 1 and context["headline"]["corroborated"] == 1
    assert context["map"]["countries"] == ["288"] and context["map"]["markers"][0]["lat"] == 6.69
    assert [row["date"] for row in context["timeline"]] == ["2023-03-03"]


def test_markdown_memo_has_every_section_and_escapes_article_text(tmp_path):
    md = render_markdown(two_outlets())
    for heading in ("## Headline figures", "## Timeline", "## Stories", "## Who says what", "## Predictions",
                    "## Outlets compared", "## Articles"):
        assert heading in md
    assert "**Contradiction (fatalities)**" in md and "8 — Wire B" in md and "40+ — Daily A" in md
    hostile_md = render_markdown(hostile())
    assert "<script>" not in hostile_md and "<img" not in hostile_md and "&lt;script&gt;" in hostile_md
    assert md_escape("a|b *c* <d>") == "a\\|b \\*c\\* &lt;d&gt;"
    assert write_report(two_outlets(), tmp_path / "memo.md").read_text().startswith("# Situation report")
    assert write_report(two_outlets(), tmp_path / "page.html").read_text().startswith("<!DOCTYPE html>")


def test_empty_input_still_renders():
    empty = fuse([])
    assert "No events were found" in render_html(empty) and "No events were found" in render_markdown(empty)


def test_dates_are_labelled_at_their_precision():
    from newsprism.present.report import date_label

    assert date_label("2022-01-01", "month") == "2022-01"
    assert date_label("2022-01-01", "year") == "2022"
    assert date_label("2022-01-06", "day") == "2022-01-06"
    assert date_label("2022-01-07", "reported") == "reported 2022-01-07"
    assert date_label(None, None) == "date not reported"


def test_countries_are_named_as_the_gazetteer_names_their_places():
    from newsprism.present.report import _country

    assert _country("IRN") == ("Iran", "364")  # not "Iran, Islamic Republic of"
    assert _country("PSE")[0] == "Palestinian Territory"  # as its places' country_name reads in the same report
    assert _country("XXX") == ("XXX", None)
