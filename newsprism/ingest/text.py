"""Plain text (``.txt``): the text is never rewritten; its layout gives the metadata.

``article.text`` is exactly the decoded input. From its lines this reader reads
(with the patterns of :file:`patterns.v1.json`):

- the headline: the first line, when it looks like one (short, no full stop at
  the end, followed by a blank line, a header line or more text);
- header lines at the top: ``Source: ZDNet``, ``Author: Jonathan Greig``,
  ``Date: 2022-01-05 19:53:00``;
- the standfirst: a short first paragraph after the headline;
- byline lines at the end (``Author`s name Lyuba Lulko``, ``Editor Dmitry
  Sudakov``, ``By Jane Doe``) or right under the headline;
- boilerplate lines (``Subscribe to ...``) anywhere.

Header, byline and boilerplate lines stay in the text; their spans are listed in
``article.boilerplate`` so that later stages can skip them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Article, Span
from .meta import dedupe, iso_date
from .patterns import Patterns, load_patterns

_LINE_END = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # the stripped line

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class TextMeta:
    """What the layout of a plain text says about the article."""

    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    boilerplate: list[Span] = field(default_factory=list)


def lines(text: str) -> Iterator[Line]:
    """The lines of ``text`` with the offsets of their stripped content."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip(_LINE_END)
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        start = pos + lead
        yield Line(start, start + len(stripped), stripped)
        pos += len(raw)


def read_text(text: str, *, article_id: str, source: str) -> Article:
    """An article whose text is ``text`` unchanged, with the metadata its layout shows."""
    meta = analyse_layout(text)
    return Article(
        id=article_id,
        text=text,
        title=meta.title,
        standfirst=meta.standfirst,
        authors=meta.authors,
        editors=meta.editors,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
        boilerplate=meta.boilerplate,
        source=source,
    )


def analyse_layout(text: str, patterns: Patterns | None = None) -> TextMeta:
    p = patterns or load_patterns()
    all_lines = list(lines(text))
    meta = TextMeta()
    marked: set[int] = set()  # indexes of header / byline / boilerplate lines

    first = _next_content(all_lines, 0)
    i = first
    if i is not None and p.header(all_lines[i].text) is None and _headline(all_lines, i, p):
        meta.title = all_lines[i].text
        i += 1
    i = _read_header_block(all_lines, i if i is not None else len(all_lines), p, meta, marked)

    # the standfirst: a short first paragraph after the headline, when more text follows
    if meta.title is not None and i is not None:
        meta.standfirst = _standfirst(all_lines, i, p)

    _read_trailing_bylines(all_lines, p, meta, marked)
    for n, line in enumerate(all_lines):
        if n not in marked and line.text and p.boilerplate(line.text):
            marked.add(n)
    meta.boilerplate = [Span.of(text, all_lines[n].start, all_lines[n].end) for n in sorted(marked)]
    if meta.outlet is None:
        meta.outlet = next(filter(None, (p.outlet_in(all_lines[n].text) for n in sorted(marked))), None)
    if meta.outlet is None:  # a wire dateline in the first lines of the body: "COLOMBO, July 9 (Reuters) - ..."
        body = [line.text for n, line in enumerate(all_lines) if n not in marked and line.text and line.text != meta.title]
        meta.outlet = next(filter(None, (p.dateline_agency(line) for line in body[:3])), None)

    if meta.title:
        meta.title, site = p.strip_title_suffix(meta.title, meta.outlet)
        if meta.outlet is None and site:
            meta.outlet = site
    meta.authors = dedupe(meta.authors)
    meta.editors = dedupe(meta.editors)
    return meta


def _next_content(all_lines: list[Line], i: int) -> int | None:
    while i < len(all_lines):
        if not all_lines[i].blank:
            return i
        i += 1
    return None


def _headline(all_lines: list[Line], i: int, p: Patterns) -> bool:
    line = all_lines[i].text
    if len(line) > p.title_max_chars or len(line.split()) < p.title_min_words:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    if p.boilerplate(line) or p.byline(line):
        return False
    nxt = _next_content(all_lines, i + 1)
    return nxt is not None  # a headline heads something


def _read_header_block(all_lines: list[Line], i: int, p: Patterns, meta: TextMeta, marked: set[int]) -> int | None:
    """Read header and byline lines right under the headline; returns the index of the first body line."""
    while True:
        j = _next_content(all_lines, i)
        if j is None:
            return None
        line = all_lines[j].text
        header = p.header(line)
        if header is not None:
            _apply(meta, header[0], header[1], p)
            marked.add(j)
            i = j + 1
            continue
        byline = p.byline(line)
        if byline is not None and meta.title is not None:
            for name, names in byline:
                getattr(meta, name).extend(names)
            marked.add(j)
            i = j + 1
            continue
        return j


def _apply(meta: TextMeta, name: str, value: str, p: Patterns) -> None:
    if name in ("authors", "editors"):
        getattr(meta, name).extend(p.names(value) or [value])
    elif name == "published":
        meta.published = iso_date(value)
    elif name == "title":
        meta.title = meta.title or value
    else:
        setattr(meta, name, value)


def _standfirst(all_lines: list[Line], i: int, p: Patterns) -> str | None:
    """The paragraph starting at line ``i`` when it is short and more paragraphs follow."""
    para: list[Line] = []
    j = i
    while j < len(all_lines) and not all_lines[j].blank:
        para.append(all_lines[j])
        j += 1
    if not para or _next_content(all_lines, j) is None:
        return None
    text = " ".join(line.text for line in para)
    if len(text) > p.standfirst_max_chars or len(_SENTENCE_END.findall(text)) > p.standfirst_max_sentences:
        return None
    if p.boilerplate(text) or p.byline(text):
        return None
    return text


def _read_trailing_bylines(all_lines: list[Line], p: Patterns, meta: TextMeta, marked: set[int]) -> None:
    """Byline and boilerplate lines at the end of the text, read bottom up."""
    authors: list[str] = []
    editors: list[str] = []
    found: set[int] = set()
    for n in range(len(all_lines) - 1, -1, -1):
        line = all_lines[n]
        if line.blank:
            continue
        byline = p.byline(line.text)
        if byline is not None:
            found.add(n)
            for name, names in reversed(byline):
                (authors if name == "authors" else editors)[:0] = names
            continue
        if p.boilerplate(line.text):
            found.add(n)
            continue
        if n in marked:  # a header line: nothing but headers above the bylines
            break
        # content above: these really are trailing lines
        marked.update(found)
        meta.authors.extend(authors)
        meta.editors.extend(editors)
        return
