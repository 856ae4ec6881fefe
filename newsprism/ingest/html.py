"""HTML (``.html``, ``.htm``): the main text and metadata of a web page, with trafilatura.

The article text is built from trafilatura's main-content tree, one paragraph
(or heading, list item, table row) per block, blocks separated by a blank line.
On top of trafilatura:

- the standfirst goes back at the start of the text (trafilatura leaves it out
  of the body and only keeps it as the page description);
- bylines (``Author`s name X / Editor Y``) give clean authors and editors and
  never stay in the text, nor do "Subscribe to ..." lines;
- the outlet comes from ``og:site_name``, the publication time from the page's
  meta tags (``article:published_time`` and the like) with its time and offset.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from ..model import Article, Rejection
from .decode import reject
from .meta import dedupe, iso_date
from .patterns import Patterns, load_patterns

log = logging.getLogger(__name__)

_WS = re.compile(r"\s+")
_HTML_SNIFF = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|div|p|section)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2048]))


def read_html(html: str, *, article_id: str, source: str, input_ref: str) -> Article | Rejection:
    """An article from a web page, or a rejection when the page holds no article text."""
    import trafilatura
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    p = load_patterns()
    try:
        tree = lxml_html.document_fromstring(html)
    except (ParserError, ValueError) as exc:
        return reject(input_ref, "malformed-html", f"the HTML cannot be parsed ({exc}); is it really an HTML page?")
    page = _page_meta(tree, p)
    doc = None
    for precision in (True, False):  # precise first; a page where that finds nothing gets a second, looser look
        doc = trafilatura.bare_extraction(
            lxml_html.document_fromstring(html),  # a copy: trafilatura prunes the tree it is given
            with_metadata=True, favor_precision=precision, include_comments=False,
        )
        if doc is not None and doc.body is not None and len(doc.body):
            break
    if doc is None or doc.body is None or not len(doc.body):
        return reject(
            input_ref,
            "no-text",
            "no article text found in the HTML (trafilatura found no main content); give the article page itself, "
            "or its text as a .txt file",
        )
    blocks = [b for b in _blocks(doc.body) if not (p.boilerplate(b) or p.byline(b))]

    if blocks and doc.title and _fold(blocks[0]) == _fold(doc.title):
        blocks.pop(0)  # the headline is the title, not body text
    authors = dedupe([n for a in _split(doc.author) for n in (_clean_author(a, p) or [])] + page["authors"])
    standfirst = page["standfirst"]
    if standfirst is not None and blocks and not _before_body(tree, page["standfirst_element"], blocks[0]):
        standfirst = None  # a teaser or caption elsewhere on the page, not this article's standfirst
    if standfirst and blocks and _fold(standfirst) not in _fold(blocks[0]) and _fold(blocks[0]) not in _fold(standfirst):
        blocks.insert(0, standfirst)  # trafilatura left it out of the body: it goes first
    if not blocks:
        return reject(input_ref, "no-text", "the HTML page holds no article text after removing bylines and boilerplate")
    title = doc.title
    outlet = page["outlet"] or doc.sitename or next(filter(None, (p.dateline_agency(b) for b in blocks[:3])), None)
    if title and outlet:
        title, _ = p.strip_title_suffix(title, outlet)
    return Article(
        id=article_id,
        text="\n\n".join(blocks),
        title=title,
        standfirst=standfirst,
        authors=authors,
        editors=dedupe(page["editors"]),
        outlet=outlet,
        url=doc.url,
        published=page["published"] or iso_date(doc.date),
        source=source,
    )


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content): one block per paragraph."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        root = lxml_html.document_fromstring(f"<html><body><div>{fragment}</div></body></html>").find("body")
    except (ParserError, ValueError):
        root = None
    if root is None:
        return _WS.sub(" ", fragment).strip()
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    blocks: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(pending)).strip()
        if text:
            blocks.append(text)
        pending.clear()

    block_tags = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre", "section", "article"}

    def walk(el: Any) -> None:
        if el.tag in block_tags:
            flush()
        if el.tag == "br":
            flush()
        if el.text:
            pending.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                pending.append(child.tail)
        if el.tag in block_tags:
            flush()

    walk(root)
    flush()
    return "\n\n".join(blocks)


# --------------------------------------------------------------------------- pieces


def _blocks(body: Any) -> list[str]:
    out: list[str] = []
    for el in body:
        if el.tag == "list":
            out.extend(t for t in (_text(item) for item in el.iter("item")) if t)
        elif el.tag == "table":
            for row in el.iter("row"):
                cells = [_text(c) for c in row]
                line = " | ".join(c for c in cells if c)
                if line:
                    out.append(line)
        else:
            t = _text(el)
            if t:
                out.append(t)
    return out


def _text(el: Any) -> str:
    return _WS.sub(" ", "".join(el.itertext())).strip()


def _short_text(el: Any, limit: int) -> str | None:
    """The text of ``el`` when it is at most ``limit`` characters long (without reading all of a long one)."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > 2 * limit:
            return None
        parts.append(piece)
    text = _WS.sub(" ", "".join(parts)).strip()
    return text if len(text) <= limit else None


def _fold(s: str) -> str:
    return _WS.sub(" ", s).strip().casefold()


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _clean_author(value: str, p: Patterns) -> list[str]:
    """Names in an author string, without "Author`s name", "By" and the like."""
    byline = p.byline(value)
    if byline:
        return [n for name, names in byline if name == "authors" for n in names]
    return p.names(value) or [value.strip()]


def _meta(tree: Any, names: list[str]) -> list[str]:
    wanted = {n.lower() for n in names}
    found: list[tuple[int, str]] = []
    order = {n.lower(): i for i, n in enumerate(names)}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = (el.get("content") or "").strip()
        if key in wanted and content:
            found.append((order[key], content))
    return [c for _, c in sorted(found, key=lambda pair: pair[0])]


def _has_class(el: Any, classes: set[str]) -> bool:
    names = set((el.get("class") or "").lower().split()) | {(el.get("itemprop") or "").lower()}
    return bool(names & classes)


def _page_meta(tree: Any, p: Patterns) -> dict[str, Any]:
    """Metadata trafilatura does not give (editors, the standfirst element) or gives without the time."""
    raw = p.raw
    ld = _json_ld(tree)
    published = next((d for d in (iso_date(v) for v in _meta(tree, raw["html_published_meta"])) if d), None)
    published = published or iso_date(ld.get("datePublished"))
    if published is None:
        for el in tree.iter("time"):
            published = iso_date(el.get("datetime"))
            if published:
                break
    authors: list[str] = []
    editors: list[str] = []
    byline_classes = {c.lower() for c in raw["html_byline_classes"]}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "head", "title"):
            continue
        if not (_has_class(el, byline_classes) or el.tag in ("p", "div", "span", "footer", "address")):
            continue
        text = _short_text(el, 300)
        if text:
            for name, names in p.byline(text) or []:
                (authors if name == "authors" else editors).extend(names)
    standfirst = standfirst_element = None
    standfirst_classes = {c.lower() for c in raw["html_standfirst_classes"]}
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in ("meta", "head", "html", "body") and _has_class(el, standfirst_classes):
            text = _short_text(el, 600)
            if text:
                standfirst, standfirst_element = text, el
                break
    outlet = next(iter(_meta(tree, raw["html_outlet_meta"])), None) or ld.get("publisher")
    description = next(iter(_meta(tree, ["og:description", "description", "twitter:description"])), None)
    shown = None if standfirst else _visible_description(tree, description)
    return {
        "published": published,
        "authors": [a for v in _meta(tree, raw["html_author_meta"]) for a in _clean_author(v, p) if not v.startswith("http")]
        + authors,
        "editors": editors,
        "standfirst": standfirst or (shown[0] if shown else None),
        "standfirst_element": standfirst_element if standfirst else (shown[1] if shown else None),
        "outlet": outlet,
    }


def _json_ld(tree: Any) -> dict[str, str]:
    """``datePublished`` and the publisher's name of the page's schema.org article (JSON-LD), when it has one."""
    out: dict[str, str] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except json.JSONDecodeError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
                continue  # NewsArticle, ReportageNewsArticle, Article, ...
            if isinstance(item.get("datePublished"), str):
                out.setdefault("datePublished", item["datePublished"])
            publisher = item.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                out.setdefault("publisher", publisher["name"].strip())
    return out


def _visible_description(tree: Any, description: str | None) -> tuple[str, Any] | None:
    """The page description and its element when the page also shows it (a standfirst), else None."""
    if not description:
        return None
    target = _fold(description)
    for el in tree.iter("p", "div", "h2", "h3", "span", "strong", "em"):
        text = _short_text(el, len(description) + 40)
        if text and _fold(text) == target:
            return text, el
    return None


def _before_body(tree: Any, element: Any, first_block: str) -> bool:
    """Whether ``element`` comes before the body's first paragraph in the page."""
    if element is None:
        return False
    head = _fold(first_block)[:60]
    seen = False
    for el in tree.iter():
        if el is element:
            seen = True
        elif isinstance(el.tag, str) and el.tag in ("p", "div", "h2", "h3", "li", "blockquote", "section"):
            if _fold(_prefix(el, len(head) + 20)).startswith(head):
                return seen
    return seen


def _prefix(el: Any, size: int) -> str:
    parts: list[str] = []
    total = 0
    for piece in el.itertext():
        parts.append(piece)
        total += len(piece.strip()) + 1
        if total > size:
            break
    return "".join(parts)
