"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``) with feedparser: each item is an article.

The item's content (or, failing that, its summary) is the text; its link, title,
authors and date are the metadata; the feed's title is the outlet.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..model import Article, Rejection
from .decode import reject
from .html import fragment_text
from .meta import dedupe, iso_date
from .patterns import load_patterns

log = logging.getLogger(__name__)


def read_feed(data: bytes, *, path: str, stem: str) -> Iterator[Article | Rejection]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.bozo:
            yield reject(path, "malformed-feed", f"not a readable RSS or Atom feed ({feed.bozo_exception}); check the file")
        else:
            yield reject(path, "empty-feed", "the feed has no items; nothing to analyse")
        return
    if feed.bozo:
        log.warning("%s: the feed is not well-formed (%s); read %d items anyway", path, feed.bozo_exception, len(feed.entries))
    outlet = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, start=1):
        ref = f"{path}#{n}"
        text = _content(entry)
        entry_id = (entry.get("id") or entry.get("link") or "").strip() or f"{stem}-{n}"
        if not text:
            yield reject(ref, "no-text", f"the feed item {entry_id!r} has no content or summary; nothing to analyse")
            continue
        authors = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")] or (
            [entry["author"]] if entry.get("author") else []
        )
        yield Article(
            id=entry_id,
            text=text,
            title=(entry.get("title") or "").strip() or None,
            authors=dedupe(authors),
            outlet=outlet,
            url=entry.get("link"),
            published=_published(entry),
            source=ref,
        )


def _content(entry: Any) -> str:
    candidates = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    best = ""
    for part in candidates:
        value = part.get("value") or ""
        kind = part.get("type") or "text/plain"
        text = fragment_text(value) if "html" in kind else value.strip()
        if "html" in kind:  # the text is built from blocks: leave bylines and boilerplate out, as for web pages
            patterns = load_patterns()
            text = "\n\n".join(b for b in text.split("\n\n") if not (patterns.boilerplate(b) or patterns.byline(b)))
        if len(text) > len(best):
            best = text
    return best


def _published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        value = iso_date(entry.get(key)) if entry.get(key) else None
        if value:
            return value
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    return None
