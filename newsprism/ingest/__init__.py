"""Readers: every input becomes an :class:`~newsprism.model.Article` or a :class:`~newsprism.model.Rejection`.

(Minimal first cut: plain text only. The ingest work of issue 2 replaces this.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, Rejection
from ..settings import Settings


@dataclass(frozen=True)
class Defaults:
    """Metadata given by the caller for inputs that lack it (``--published``, ``--outlet``, ``--url``)."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def read_inputs(inputs: Iterable[Any], settings: Settings, defaults: Defaults | None = None) -> Iterator[Article | Rejection]:
    defaults = defaults or Defaults()
    for item in inputs:
        path = Path(item)
        text = path.read_text(encoding="utf-8")
        yield Article(
            id=path.stem,
            text=text,
            published=defaults.published,
            outlet=defaults.outlet,
            url=defaults.url,
            source=str(path),
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
