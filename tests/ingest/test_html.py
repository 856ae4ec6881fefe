"""The HTML reader: trafilatura's main text, the standfirst put back first, clean metadata."""

from __future__ import annotations

import pytest

from newsprism.ingest.html import fragment_text, looks_like_html, read_html
from newsprism.model import Article, Rejection


def _read(html: str):
    return read_html(html, article_id="p", source="p.html", input_ref="p.html")


@pytest.fixture(scope="module")
def pravda(samples_dir) -> Article:
    article = _read((samples_dir / "kazakhstan-pravda-2022-01-07.html").read_text(encoding="utf-8"))
    assert isinstance(article, Article)
    return article


def test_pravda_page_metadata(pravda):
    assert pravda.title == "Where will Kazakhstan go after the riots?"
    assert pravda.authors == ["Lyuba Lulko"]
    assert pravda.editors == ["Dmitry Sudakov"]
    assert pravda.outlet == "Pravda.Ru"
    assert pravda.published == "2022-01-07T10:00:00+03:00"
    assert pravda.standfirst == "Another 'revolution of dignity' sparks in Kazakhstan. Where will the country go?"


def test_pravda_body_starts_with_the_standfirst_and_holds_only_the_article(pravda):
    standfirst = "Another 'revolution of dignity' sparks in Kazakhstan. Where will the country go?"
    assert pravda.text.startswith(standfirst + "\n\nHeavy shooting")
    assert pravda.text.endswith("prices on literally everything have been rising steadily.")
    for junk in ("Subscribe", "Author`s name", "Editor", "Related", "CSTO to send peacekeeping", "Privacy policy", "Politics\n"):
        assert junk not in pravda.text
    assert "\n\nKazakhstan elites flee to the West\n\n" in pravda.text  # sub-headings stay, as their own block


def test_pravda_html_and_txt_agree(pravda, samples_dir):
    from newsprism.ingest.text import read_text

    txt = read_text((samples_dir / "kazakhstan-pravda-2022-01-07.txt").read_text(encoding="utf-8"), article_id="p", source="p")
    assert (txt.title, txt.authors, txt.editors) == (pravda.title, pravda.authors, pravda.editors)


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


PARAS = "".join(
    f"<p>Paragraph {n}: police and protesters clashed again near the square on Friday, witnesses told reporters "
    f"who were at the scene.</p>" for n in range(4)
)


def test_author_meta_is_cleaned_and_bylines_leave_the_text():
    html = _page(
        f"<h1>Clashes go on</h1>{PARAS}<p class='byline'>By Jane Doe</p><p>Subscribe to our newsletter!</p>",
        head="<meta name='author' content='By Jane Doe'><meta property='og:site_name' content='Example Times'>"
        "<meta name='date' content='2022-01-06'>",
    )
    a = _read(html)
    assert isinstance(a, Article)
    assert a.authors == ["Jane Doe"]
    assert a.outlet == "Example Times"
    assert a.published == "2022-01-06"
    assert "By Jane Doe" not in a.text and "Subscribe" not in a.text
    assert a.text.startswith("Paragraph 0")


def test_json_ld_gives_the_time_and_the_publisher():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, '
          '{"@type": "NewsArticle", "datePublished": "2022-01-06T08:30:00+06:00", "publisher": {"name": "Steppe Daily"}}]}'
          '</script><script type="application/ld+json">{not json</script>')
    a = _read(_page(f"<h1>Clashes go on</h1>{PARAS}", head=ld))
    assert (a.published, a.outlet) == ("2022-01-06T08:30:00+06:00", "Steppe Daily")


def test_description_not_shown_on_the_page_is_not_put_in_the_text():
    html = _page(f"<h1>Clashes go on</h1>{PARAS}", head="<meta name='description' content='An SEO blurb nobody sees.'>")
    a = _read(html)
    assert isinstance(a, Article)
    assert "SEO blurb" not in a.text


def test_a_teaser_after_the_article_is_not_its_standfirst():
    html = _page(f"<h1>Clashes go on</h1>{PARAS}").replace(
        "</article>", "</article><aside><p class='summary'>Read our other story about the weather.</p></aside>")
    a = _read(html)
    assert isinstance(a, Article)
    assert a.standfirst is None and "weather" not in a.text


def test_a_standfirst_element_goes_first():
    html = _page(f"<h1>Clashes go on</h1><p class='dek'>Protesters and police clash for a third day.</p>{PARAS}")
    a = _read(html)
    assert a.standfirst == "Protesters and police clash for a third day."
    assert a.text.startswith("Protesters and police clash for a third day.\n\nParagraph 0")


@pytest.mark.parametrize(("html", "code"), [
    ("<!-- only a comment -->", "malformed-html"),
    ("<html", "malformed-html"),
    ("<html><body></body></html>", "no-text"),
])
def test_pages_without_an_article_are_rejected(html, code):
    r = _read(html)
    assert isinstance(r, Rejection)
    assert (r.input, r.stage, r.code) == ("p.html", "ingest", code)
    assert r.message


def test_fragment_text_keeps_paragraphs():
    assert fragment_text("<p>One <b>two</b>.</p><p>Three<br>four</p><script>x()</script>") == "One two.\n\nThree\n\nfour"


def test_looks_like_html():
    assert looks_like_html("<!DOCTYPE html><html>")
    assert looks_like_html("  <p>text</p>")
    assert not looks_like_html("Riots <in> the capital")


def test_a_wire_dateline_names_the_outlet_of_a_page_without_a_site_name():
    got = _read(_page("<h1>Clashes go on</h1><p>BEIRUT, May 2 (Reuters) - Police and protesters clashed again near the "
                      "square on Friday, witnesses told reporters who were at the scene.</p>" + PARAS))
    assert isinstance(got, Article) and got.outlet == "Reuters"
