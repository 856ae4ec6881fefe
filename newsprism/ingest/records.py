"""JSON records (``.json``: one object or a list of them; ``.jsonl``: one object per line).

A record::

    {"id": "afp-0042", "text": "...", "title": "...", "url": "...", "outlet": "AFP",
     "published": "2022-01-07T10:00:00Z", "reference_date": "2022-01-07", "authors": ["..."]}

``text`` or ``html`` is required; for a record with ``text`` the article's text
is that text exactly and the article keeps the record's ``id``. Other fields
are ignored. A line that is not JSON, or a record without text, gives a
rejection naming ``FILE:LINE``, and the rest of the file goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from typing import IO, Any

from ..model import Article, Rejection
from .decode import check_size, looks_binary, reject
from .html import read_html
from .meta import dedupe, iso_date
from .text import read_text

log = logging.getLogger(__name__)

#: the fields a record may have; the documentation (docs/input-formats.md) lists the same
STRING_FIELDS = ("title", "url", "outlet", "published", "reference_date")


def read_record(record: Any, *, input_ref: str, fallback_id: str, source: str | None, max_bytes: int) -> Article | Rejection:
    """One record (a parsed JSON object or a dict given to the API) as an article."""
    if not isinstance(record, dict):
        return reject(input_ref, "malformed-json", f"expected a JSON object (a record), got {type(record).__name__}")
    bad = _check_types(record)
    if bad:
        return reject(input_ref, "invalid-record", bad)
    record_id = record.get("id")
    article_id = str(record_id) if record_id not in (None, "") else fallback_id
    text, html = record.get("text"), record.get("html")
    body = text if isinstance(text, str) and text.strip() else None
    page = html if isinstance(html, str) and html.strip() else None
    if body is None and page is None:
        return reject(
            input_ref,
            "no-text",
            f'the record {article_id!r} has no "text" or "html" field with content; add one (the article\'s text or page)',
        )
    rejected = check_size(input_ref, len((body or page or "").encode("utf-8", "surrogatepass")), max_bytes)
    if rejected:
        return rejected
    src = source if source is not None else article_id
    if body is not None:
        article: Article | Rejection = read_text(body, article_id=article_id, source=src)
    else:
        article = read_html(page or "", article_id=article_id, source=src, input_ref=input_ref)
        if isinstance(article, Rejection):
            return article
    assert isinstance(article, Article)
    return _with_record_fields(article, record)


def read_json_file(data: str, *, path: str, stem: str, max_bytes: int) -> Iterator[Article | Rejection]:
    """A ``.json`` file: one record, or a list of records."""
    try:
        parsed = json.loads(data)
    except json.JSONDecodeError as exc:
        yield reject(
            path, "malformed-json", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}; fix the file "
            f"(for one record per line name it .jsonl)"
        )
        return
    if isinstance(parsed, list):
        if not parsed:
            yield reject(path, "empty", "the JSON list holds no records")
        for n, record in enumerate(parsed):
            ref = f"{path}[{n}]"
            yield read_record(record, input_ref=ref, fallback_id=f"{stem}-{n}", source=ref, max_bytes=max_bytes)
    else:
        yield read_record(parsed, input_ref=path, fallback_id=stem, source=path, max_bytes=max_bytes)


def read_jsonl(stream: IO[bytes], *, path: str, stem: str, max_bytes: int) -> Iterator[Article | Rejection]:
    """A ``.jsonl`` file, read line by line (the size limit applies to each line, not the file)."""
    head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
    if head and looks_binary(head):
        yield reject(path, "binary", "the file is binary, not JSON lines; remove it from the inputs")
        return
    records = 0
    for lineno, raw in enumerate(stream, start=1):
        ref = f"{path}:{lineno}"
        if not raw.strip():
            continue
        records += 1
        if len(raw) > max_bytes:
            yield check_size(ref, len(raw), max_bytes) or reject(ref, "too-large", "the line is too large")
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield reject(
                ref, "undecodable", f"the line is not UTF-8 (bad byte at position {exc.start}); JSON lines must be UTF-8"
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield reject(ref, "malformed-json", f"not valid JSON: {exc.msg} at column {exc.colno}; fix or remove the line")
            continue
        yield read_record(record, input_ref=ref, fallback_id=f"{stem}-{lineno}", source=ref, max_bytes=max_bytes)
    if records == 0:
        yield reject(path, "empty", "the file holds no JSON lines; nothing to analyse")


def _check_types(record: dict[str, Any]) -> str | None:
    for key in ("text", "html", *STRING_FIELDS):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return f'the field "{key}" must be a string, not {type(value).__name__}'
    rid = record.get("id")
    if rid is not None and not isinstance(rid, (str, int)):
        return f'the field "id" must be a string or a number, not {type(rid).__name__}'
    authors = record.get("authors")
    if authors is not None and not (
        isinstance(authors, str) or (isinstance(authors, list) and all(isinstance(a, str) for a in authors))
    ):
        return 'the field "authors" must be a list of strings (or one string)'
    return None


def _with_record_fields(article: Article, record: dict[str, Any]) -> Article:
    """The record's own metadata wins over what the text's layout or the page suggested."""
    changes: dict[str, Any] = {}
    for key in ("title", "url", "outlet"):
        if record.get(key):
            changes[key] = record[key].strip()
    for key in ("published", "reference_date"):
        if record.get(key):
            value = iso_date(record[key])
            if value is None:
                log.warning("record %s: cannot read %s %r; left empty", article.id, key, record[key])
            changes[key] = value
    authors = record.get("authors")
    if authors:
        changes["authors"] = dedupe([authors] if isinstance(authors, str) else list(authors))
    return replace(article, **changes) if changes else article
