"""The plain-text reader: the text is never rewritten; the layout gives the metadata."""

from __future__ import annotations

import pytest

from newsprism.ingest.text import analyse_layout, lines, read_text


def _read(text: str):
    return read_text(text, article_id="t", source="t.txt")


def test_pravda_text_metadata_and_text_unchanged(samples_dir):
    raw = (samples_dir / "kazakhstan-pravda-2022-01-07.txt").read_text(encoding="utf-8")
    a = _read(raw)
    assert a.text == raw
    assert a.title == "Where will Kazakhstan go after the riots?"
    assert a.standfirst == "Another 'revolution of dignity' sparks in Kazakhstan. Where will the country go?"
    assert a.authors == ["Lyuba Lulko"]
    assert a.editors == ["Dmitry Sudakov"]
    marked = [s.text for s in a.boilerplate]
    assert marked == [
        "Subscribe to Pravda.Ru Telegram channel, Facebook, RSS!", "Author`s name Lyuba Lulko", "Editor Dmitry Sudakov"
    ]


@pytest.mark.parametrize(
    ("name", "title", "outlet", "author", "published"),
    [
        ("kazakhstan-zdnet-2022-01-05.txt", "Kazakhstan leaders shut down internet amid gas price protests", "ZDNet",
         "Jonathan Greig", "2022-01-05T19:53:00"),
        ("kazakhstan-therecord-2022-01-06.txt", "Massive internet outages continue to sow confusion amid Kazakhstan protests",
         "The Record", "Andrea Peterson", "2022-01-06T22:51:42+00:00"),
    ],
)
def test_header_lines(samples_dir, name, title, outlet, author, published):
    raw = (samples_dir / name).read_text(encoding="utf-8")
    a = _read(raw)
    assert a.text == raw
    assert (a.title, a.outlet, a.authors, a.published) == (title, outlet, [author], published)
    assert [s.text.split(":")[0] for s in a.boilerplate] == ["Source", "Author", "Date"]


def test_every_boilerplate_span_indexes_the_text():
    raw = (
        "Riots in the capital\r\nBy Jane Doe\r\n\r\nPolice fired on protesters.\r\nMore text here.\r\n\r\n"
        "  Subscribe to our newsletter  \r\n"
    )
    a = _read(raw)
    assert a.text == raw
    assert a.title == "Riots in the capital"
    assert a.authors == ["Jane Doe"]
    for span in a.boilerplate:
        assert raw[span.start:span.end] == span.text
    assert [s.text for s in a.boilerplate] == ["By Jane Doe", "Subscribe to our newsletter"]


def test_trailing_reuters_style_byline():
    a = _read(
        "Troops deployed\n\nSoldiers moved into the city on Friday.\n\n"
        "Reporting by Anna Smith and Olzhas Auyezov; Editing by Tom Hogue\n"
    )
    assert a.authors == ["Anna Smith", "Olzhas Auyezov"]
    assert a.editors == ["Tom Hogue"]


def test_sentences_that_start_like_bylines_are_text():
    a = _read("Talks stall\n\nThe ministers met on Monday.\n\nBy the end of the day, no deal had been reached.\n")
    assert a.authors == []
    assert a.boilerplate == []


def test_a_text_that_is_only_a_byline_like_line_is_text():
    a = _read("By Monday Police Arrested Dozens\n")
    assert a.authors == [] and a.boilerplate == []


def test_single_paragraph_has_no_headline():
    a = _read("On 27 April 2020, police forces repelled an attack on a check post in Kunduz.")
    assert a.title is None and a.standfirst is None and a.boilerplate == []


def test_long_first_line_is_not_a_headline():
    first = "word " * 60
    assert _read(first + "\n\nsecond paragraph.").title is None


def test_title_suffix_naming_the_outlet_is_removed():
    meta = analyse_layout("Protests spread | Example News\nSource: Example News\n\nText of the article.\n")
    assert meta.title == "Protests spread"
    assert meta.outlet == "Example News"


def test_title_suffix_not_naming_the_outlet_stays():
    meta = analyse_layout("Left - right - centre\nSource: Example News\n\nText of the article.\n")
    assert meta.title == "Left - right - centre"


def test_unreadable_date_header_leaves_published_empty():
    meta = analyse_layout("A headline here\nDate: sometime soon\n\nBody text.\n")
    assert meta.published is None


def test_lines_offsets_cover_the_stripped_content():
    text = "  a b \r\nc\n\n\td\u2028e"
    for line in lines(text):
        assert text[line.start:line.end] == line.text
    assert [line.text for line in lines(text)] == ["a b", "c", "", "d", "e"]


def test_the_outlet_named_in_a_boilerplate_line_is_the_outlet_when_no_header_gives_one():
    from newsprism.ingest.text import read_text

    body = "Police detained ten people on Friday in the port city.\n\n"
    got = read_text("A headline of some words\n\n" + body + "Subscribe to Example.Com Telegram channel!\n",
                    article_id="a", source="a.txt")
    assert got.outlet == "Example.Com"
    got = read_text("A headline of some words\n\n" + body + "© 2020 Daily Planet. All rights reserved.\n",
                    article_id="b", source="b.txt")
    assert got.outlet == "Daily Planet"
    got = read_text("A headline of some words\nSource: The Record\n\n" + body + "Subscribe to Example.Com now!\n",
                    article_id="c", source="c.txt")
    assert got.outlet == "The Record"
    got = read_text("A headline of some words\n\n" + body + "Subscribe to our newsletter\n", article_id="d", source="d.txt")
    assert got.outlet is None


@pytest.mark.parametrize(("first", "outlet"), [
    ("COLOMBO, July 9 (Reuters) - Protesters stormed the residence on Saturday.", "Reuters"),
    ("KYIV (AP) \u2014 Shelling hit the city overnight, officials said.", "AP"),
    ("Bamako, Mali (AFP) - Gunmen attacked two villages.", "AFP"),
    ("Protesters stormed the residence on Saturday (Reuters) - witnesses.", None),
    ("The AFP news agency said - nothing more.", None),
])
def test_a_wire_dateline_names_the_outlet_when_nothing_else_does(first, outlet):
    text = "A headline of some words here\n\n" + first + "\n\nMore text follows in a second paragraph.\n"
    got = read_text(text, article_id="w", source="w.txt")
    assert got.outlet == outlet and got.text == text
    named = read_text("A headline of some words here\nSource: The Record\n\n" + first + "\n", article_id="x", source="x.txt")
    assert named.outlet == "The Record"


@pytest.mark.parametrize("date_line, published", [
    ("June 25, 2024", "2024-06-25"), ("25 June 2024", "2024-06-25"), ("Tue 25 Jun 2024 10.30 BST", "2024-06-25")])
def test_a_date_alone_on_a_line_under_the_headline_is_the_publication_date(date_line, published):
    text = (f"Police shoot protesters as anger spreads\n\nBy Staff Reporter\n{date_line}\n\n"
            "NAIROBI — Police opened fire on protesters on Tuesday, killing at least five people.\n")
    article = _read(text)
    assert article.published is not None and article.published.startswith(published)
    assert article.text == text  # never rewritten


def test_a_body_line_opening_with_a_date_is_not_a_header():
    article = _read("Police shoot protesters\n\nOn June 25, 2024 police opened fire on protesters.\n\nJune 26, 2024\n")
    assert article.published is None
