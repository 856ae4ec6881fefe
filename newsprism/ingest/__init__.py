"""Readers: every input becomes :class:`~newsprism.model.Article` records or a :class:`~newsprism.model.Rejection`.

:func:`read_inputs` takes what a user gives — paths, directories (read
recursively), globs, ``-`` for standard input, and, from the Python API, texts,
HTML strings and record dicts — and yields, in input order, one article per
article found and one rejection per input (or part of one: a JSONL line, a feed
item) that could not be read. Nothing is dropped silently: articles +
rejections account for every input.

One reader per format, chosen by the file's extension (or, without a known
one, by its content): :mod:`.text`, :mod:`.html`, :mod:`.records`,
:mod:`.feeds`. This module then gives every article its id, content hash,
language and the caller's :class:`Defaults`.
"""

from __future__ import annotations

import dataclasses
import glob
import gzip
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Article, Rejection
from ..settings import Settings
from .decode import check_size, decode, reject
from .meta import content_hash, iso_date

log = logging.getLogger(__name__)

__all__ = ["SUFFIXES", "Defaults", "read_inputs"]

#: file extension -> reader
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

STDIN = "-"
_GLOB_CHARS = re.compile(r"[*?\[]")
_FEED_SNIFF = re.compile(r"^(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


@dataclass(frozen=True)
class Defaults:
    """Metadata given by the caller for inputs that lack it (``--published``, ``--outlet``, ``--url``)."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def read_inputs(
    inputs: Iterable[Any],
    settings: Settings,
    defaults: Defaults | None = None,
) -> Iterator[Article | Rejection]:
    """Articles and rejections from ``inputs``, in order.

    An input is a :class:`~pathlib.Path` (file or directory), a string (a path,
    a glob, ``-`` for standard input, or else the text or HTML of one article),
    ``bytes`` (a file's content) or a ``dict`` (one record, see
    :mod:`.records`).
    """
    defaults = defaults or Defaults()
    if defaults.published:
        published = iso_date(defaults.published)
        if published is None:
            raise ConfigError(f"published={defaults.published!r} cannot be read as a date; use ISO 8601, e.g. 2022-01-07")
        defaults = dataclasses.replace(defaults, published=published)
    seen: dict[str, str] = {}
    for item in inputs:
        for result in _read_one(item, settings):
            yield result if isinstance(result, Rejection) else _unique_id(finish(result, settings, defaults), seen)


def _unique_id(article: Article, seen: dict[str, str]) -> Article:
    """The article, its id made unique within one reading: a later article that reuses an id (two folders each
    with an ``index.html``, a JSONL file repeating a record id) for another text gets ``ID-HASH8``, its content
    hash's first 8 hex digits, so the name stays recognisable and stable across runs. The same text read twice
    keeps its id: it is one article."""
    digest = article.content_hash or ""
    first = seen.setdefault(article.id, digest)
    if first == digest:
        return article
    new_id = f"{article.id}-{digest[:8]}"
    log.warning("%s: the id %r is already used by another input's article; this one is %r", article.source, article.id, new_id)
    seen.setdefault(new_id, digest)
    return dataclasses.replace(article, id=new_id)


def finish(article: Article, settings: Settings, defaults: Defaults) -> Article:
    """Give an article what every reader leaves to this module: hash, id, language, the caller's defaults."""
    from .language import detect_language

    digest = content_hash(article.text)
    published = article.published or defaults.published
    reference_date = article.reference_date
    if not published and not reference_date and article.source:
        reference_date = file_name_date(article.source)
    return dataclasses.replace(
        article,
        reference_date=reference_date,
        id=article.id or digest[:16],
        content_hash=digest,
        source=article.source or article.id or digest[:16],
        published=published,
        outlet=article.outlet or defaults.outlet,
        url=article.url or defaults.url,
        language=article.language or detect_language(article.text, settings.languages),
    )


def file_name_date(source: str) -> str | None:
    """A date written in a file's name (``kazakhstan-pravda-2022-01-07.txt``), used as the reference date.

    Archives often name files by date; when the text itself carries no date this is
    the best anchor for relative dates ("on Thursday"). It is a reference date, not
    a publication date: the record says where it came from.
    """
    from .patterns import load_patterns

    rx = load_patterns().raw.get("file_name_date")
    m = re.search(rx, Path(source).name) if rx else None
    return iso_date(m.group("value")) if m else None


# --------------------------------------------------------------------------- inputs


def _read_one(item: Any, settings: Settings) -> Iterator[Article | Rejection]:
    from .records import read_record

    if isinstance(item, dict):
        ref = str(item.get("id") or "<record>")
        yield read_record(item, input_ref=ref, fallback_id="", source=None, max_bytes=settings.max_bytes)
    elif isinstance(item, os.PathLike):
        yield from _read_path(os.fspath(item), settings)
    elif isinstance(item, (bytes, bytearray)):
        yield from _read_content(bytes(item), name="<bytes>", stem="", settings=settings)
    elif isinstance(item, str):
        if item == STDIN:
            yield from _read_stdin(settings)
        elif looks_like_path(item):
            yield from _read_path(item, settings)
        else:
            yield from _read_string(item, settings)
    else:
        yield reject(
            repr(item)[:80],
            "unsupported-input",
            f"cannot read a {type(item).__name__}; give a path, a text, an HTML string, bytes or a record dict",
        )


def looks_like_path(value: str) -> bool:
    """Whether a string given to the API names a file (or glob) rather than being an article's text."""
    if "\n" in value or len(value) > 4096 or not value.strip():
        return False
    name = value[:-3] if value.lower().endswith(".gz") else value
    if os.path.exists(value) or Path(name).suffix.lower() in SUFFIXES:
        return True
    return bool(_GLOB_CHARS.search(value)) and ("/" in value or "*" in value) and not re.search(r"\s", value)


def _read_path(name: str, settings: Settings) -> Iterator[Article | Rejection]:
    path = Path(name)
    if not path.exists() and _GLOB_CHARS.search(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield reject(name, "not-found", "no file matches this pattern; check the pattern and the current directory")
        for match in matches:
            yield from _read_path_found(Path(match), settings)
        return
    if not path.exists():
        yield reject(name, "not-found", "no such file or directory; check the path")
        return
    yield from _read_path_found(path, settings)


def _read_path_found(path: Path, settings: Settings) -> Iterator[Article | Rejection]:
    if path.is_dir():
        files = _walk(path)
        if not files:
            yield reject(str(path), "no-files", "the directory holds no files to read")
        for file in files:
            yield from _read_file(file, settings)
    else:
        yield from _read_file(path, settings)


def _walk(directory: Path) -> list[Path]:
    """Files under ``directory`` in a stable order, without hidden files and folders."""
    out = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
    return out


def _read_file(path: Path, settings: Settings) -> Iterator[Article | Rejection]:
    """One file, by its extension (``NAME.EXT.gz`` is read as ``NAME.EXT``, decompressed)."""
    name = str(path)
    compressed = path.suffix.lower() == ".gz"
    inner = Path(path.name[: -len(path.suffix)]) if compressed else path
    kind = SUFFIXES.get(inner.suffix.lower())
    stem = inner.name[: -len(inner.suffix)] if inner.suffix else inner.name
    try:
        if path.stat().st_size == 0:
            yield reject(name, "empty", "the file is empty; nothing to analyse")
            return
        if kind == "jsonl":
            from .records import read_jsonl

            with (gzip.open(path, "rb") if compressed else path.open("rb")) as stream:
                yield from read_jsonl(stream, path=name, stem=stem, max_bytes=settings.max_bytes)
            return
        if compressed:
            with gzip.open(path, "rb") as stream:
                data = stream.read(settings.max_bytes + 1)
            if len(data) > settings.max_bytes:
                yield reject(name, "too-large", f"decompressed, the file is over the limit of {settings.max_bytes:,} bytes; "
                             f"split it, or raise max_bytes (NEWSPRISM_MAX_BYTES or max_bytes in the --config file)")
                return
        else:
            rejected = check_size(name, path.stat().st_size, settings.max_bytes)
            if rejected:
                yield rejected
                return
            data = path.read_bytes()
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield reject(name, "malformed-gzip", f"the file is not a complete gzip file ({exc}); check it with gzip -t")
        return
    except PermissionError:
        yield reject(name, "unreadable", "permission denied; check the file's permissions")
        return
    except OSError as exc:
        yield reject(name, "unreadable", f"cannot read the file ({exc.strerror or exc})")
        return
    yield from _read_content(data, name=name, stem=stem, settings=settings, kind=kind)


def _read_stdin(settings: Settings) -> Iterator[Article | Rejection]:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    yield from _read_content(data, name="<stdin>", stem="stdin", settings=settings)


def _read_content(
    data: bytes, *, name: str, stem: str, settings: Settings, kind: str | None = None
) -> Iterator[Article | Rejection]:
    """Bytes of one input, read by ``kind`` (the extension's reader) or by what they look like."""
    from .feeds import read_feed
    from .html import read_html
    from .records import read_json_file, read_jsonl
    from .text import read_text

    text = decode(name, data, settings.max_bytes)
    if isinstance(text, Rejection):
        yield text
        return
    kind = kind or _sniff(text)
    if kind == "feed":
        yield from read_feed(data, path=name, stem=stem)
    elif kind == "json":
        yield from read_json_file(text, path=name, stem=stem, max_bytes=settings.max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(io.BufferedReader(io.BytesIO(data)), path=name, stem=stem, max_bytes=settings.max_bytes)
    elif kind == "html":
        yield read_html(text, article_id=stem, source=name, input_ref=name)
    else:
        yield read_text(text, article_id=stem, source=name)


def _sniff(text: str) -> str:
    from .html import looks_like_html

    head = text.lstrip()[:2048]
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            return "jsonl" if head.startswith("{") else "text"
    if _FEED_SNIFF.match(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    return "text"


def _read_string(value: str, settings: Settings) -> Iterator[Article | Rejection]:
    """The text or HTML of one article, given as a string to the Python API."""
    from .html import looks_like_html, read_html
    from .text import read_text

    ref = "<text>"
    rejected = check_size(ref, len(value.encode("utf-8", "surrogatepass")), settings.max_bytes)
    if rejected:
        yield rejected
    elif not value.strip():
        yield reject(ref, "empty", "the text is empty or only white space; nothing to analyse")
    elif looks_like_html(value):
        yield read_html(value, article_id="", source="<html>", input_ref="<html>")
    else:
        yield read_text(value, article_id="", source=ref)
