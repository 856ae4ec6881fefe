"""RSS and Atom feeds: each item an article, the feed title the outlet."""

from __future__ import annotations

import pytest

from newsprism.ingest import read_inputs
from newsprism.model import Article, Rejection

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Steppe Wire</title><link>https://steppe.test/</link>
<item><title>Protests spread</title><link>https://steppe.test/1</link><guid>steppe-1</guid>
<author>jane@steppe.test (Jane Doe)</author><pubDate>Thu, 06 Jan 2022 10:00:00 +0300</pubDate>
<description>&lt;p&gt;Protesters gathered in the square.&lt;/p&gt;&lt;p&gt;Police watched.&lt;/p&gt;
&lt;p&gt;The post Protests spread appeared first on Steppe Wire.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://steppe.test/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Daily</title><id>urn:atom-daily</id><updated>2022-01-07T00:00:00Z</updated>
<entry><title>Government resigns</title><id>urn:atom-daily:1</id><link href="https://atom.test/1"/>
<updated>2022-01-05T12:00:00Z</updated><author><name>John Roe</name></author>
<content type="html">&lt;p&gt;The government resigned on Wednesday.&lt;/p&gt;</content></entry></feed>"""


@pytest.mark.parametrize("suffix", [".rss", ".xml"])
def test_rss_items(tmp_path, settings, suffix):
    path = tmp_path / f"wire{suffix}"
    path.write_text(RSS, encoding="utf-8")
    first, second = read_inputs([path], settings)
    assert isinstance(first, Article)
    assert first.id == "steppe-1"
    assert first.text == "Protesters gathered in the square.\n\nPolice watched."
    assert (first.title, first.outlet, first.url) == ("Protests spread", "Steppe Wire", "https://steppe.test/1")
    assert first.published == "2022-01-06T10:00:00+03:00"
    assert first.source == f"{path}#1"
    assert isinstance(second, Rejection) and second.code == "no-text" and second.input == f"{path}#2"


def test_atom_entry(tmp_path, settings):
    path = tmp_path / "daily.atom"
    path.write_text(ATOM, encoding="utf-8")
    (a,) = read_inputs([path], settings)
    assert isinstance(a, Article)
    assert (a.text, a.outlet, a.authors, a.url) == ("The government resigned on Wednesday.", "Atom Daily", ["John Roe"],
                                                   "https://atom.test/1")
    assert a.published == "2022-01-05T12:00:00+00:00"


def test_malformed_and_empty_feeds(tmp_path, settings):
    broken = tmp_path / "broken.rss"
    broken.write_text("this is not XML, let alone a feed", encoding="utf-8")
    empty = tmp_path / "empty.xml"
    empty.write_text("<rss version='2.0'><channel><title>Nothing</title></channel></rss>", encoding="utf-8")
    a, b = read_inputs([broken, empty], settings)
    assert isinstance(a, Rejection) and a.code == "malformed-feed"
    assert isinstance(b, Rejection) and b.code == "empty-feed"


def test_cut_feed_keeps_the_items_it_can_read(tmp_path, settings):
    path = tmp_path / "cut.rss"
    path.write_text(RSS[: RSS.index("<item><title>No body")] + "<item><title>cu", encoding="utf-8")
    results = list(read_inputs([path], settings))
    assert isinstance(results[0], Article) and results[0].id == "steppe-1"


def test_feed_sniffed_without_a_known_extension(tmp_path, settings):
    path = tmp_path / "feed"
    path.write_text(ATOM, encoding="utf-8")
    (a,) = read_inputs([path], settings)
    assert isinstance(a, Article) and a.outlet == "Atom Daily"
