"""Exports: one writer per output format, in one registry.

A writer is ``writer(analyses: Iterable[Analysis], out: TextIO) -> None``; it
streams (writes each record as it comes, never holding the whole run).
:data:`FORMATS` maps a format name to its writer, or to ``"module:function"``
so that a writer with heavy imports is loaded only when used; ``newsprism
analyze --format`` offers exactly these names. To add a format, add one line
here.

The record formats (``json``, ``jsonl``) also carry the rejections, in input
order, as ``{"rejection": {"input", "stage", "code", "message"}}`` items; other
writers get only analyses (the CLI reports rejections on stderr in any case).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from ..model import Analysis, Rejection, to_dict

Writer = Callable[[Iterable[Any], TextIO], None]


def write_jsonl(results: Iterable[Analysis | Rejection], out: TextIO) -> None:
    """One JSON object per line: an analysis record, or ``{"rejection": {...}}``."""
    for item in results:
        out.write(json.dumps(record(item), ensure_ascii=False) + "\n")
        out.flush()


def write_json(results: Iterable[Analysis | Rejection], out: TextIO) -> None:
    """One JSON array of analysis records (and ``{"rejection": {...}}`` items), written as it goes."""
    out.write("[")
    first = True
    for item in results:
        out.write("\n" if first else ",\n")
        out.write(json.dumps(record(item), ensure_ascii=False, indent=2))
        out.flush()
        first = False
    out.write("\n]\n" if not first else "]\n")


def write_text(results: Iterable[Analysis], out: TextIO) -> None:
    """A readable summary per article, for a person."""
    from .summary import summarise

    for n, analysis in enumerate(results):
        out.write(("\n" if n else "") + summarise(analysis) + "\n")
        out.flush()


def record(item: Analysis | Rejection) -> dict[str, Any]:
    """The JSON-ready form of one result in the record formats."""
    if isinstance(item, Rejection):
        return {"rejection": to_dict(item)}
    return item.to_dict()


#: format name -> writer, or "module:function" of a writer imported on first use
FORMATS: dict[str, Writer | str] = {
    "text": write_text,
    "json": write_json,
    "jsonl": write_jsonl,
    "parquet": "newsprism.present.parquet:write_analyses",
    "acled-csv": "newsprism.present.acled:write_acled_csv",
    "geojson": "newsprism.present.acled:write_geojson",
}

#: formats whose writer also receives the rejections (as Rejection records among the analyses)
WITH_REJECTIONS: set[str] = {"json", "jsonl"}


def write(
    fmt: str,
    results: Iterable[Analysis | Rejection],
    out: TextIO,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> None:
    """Write ``results`` in format ``fmt``; every rejection also goes to ``on_rejection``, as it comes."""
    target = FORMATS.get(fmt)
    if target is None:
        raise KeyError(f"unknown format {fmt!r}; known formats: {', '.join(FORMATS)}")
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        target = getattr(importlib.import_module(module), attr)
    assert callable(target)
    target(_route(results, on_rejection, keep=fmt in WITH_REJECTIONS), out)


def _route(
    results: Iterable[Analysis | Rejection], on_rejection: Callable[[Rejection], None] | None, keep: bool
) -> Iterator[Any]:
    for item in results:
        if isinstance(item, Rejection):
            if on_rejection is not None:
                on_rejection(item)
            if keep:
                yield item
        else:
            yield item
