"""The Python API: :func:`analyze` and :func:`analyze_many`."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import RejectedInput
from .ingest import Defaults, read_inputs
from .model import Analysis, Article, Rejection
from .settings import Settings


def analyze(
    text_or_html_or_path: Any,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article: plain text, HTML, a path to a file, or a record dict.

    Raises :class:`~newsprism.errors.RejectedInput` when the input cannot be read.
    """
    for result in analyze_many([text_or_html_or_path], published=published, url=url, outlet=outlet, settings=settings):
        if isinstance(result, Rejection):
            raise RejectedInput(result)
        return result
    raise RejectedInput(Rejection(str(text_or_html_or_path)[:80], "ingest", "no-article", "the input holds no article"))


def analyze_many(
    inputs: Iterable[Any],
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
) -> Iterator[Analysis | Rejection]:
    """Analyse many inputs (paths, directories, globs, texts, records); streams in input order.

    Yields one :class:`Analysis` per article and one :class:`Rejection` per input
    that could not be read, so that articles + rejections account for every input.
    Texts go through the language pipeline in batches (``nlp.pipe``).
    """
    settings = settings or Settings.load()
    items = read_inputs(inputs, settings, Defaults(published=published, outlet=outlet, url=url))
    while True:
        chunk = list(itertools.islice(items, settings.batch_size))
        if not chunk:
            return
        yield from _analyze_chunk(chunk, settings)


def analyze_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Analysis]:
    """Analyse articles already read (the pure core; Dask workers call this)."""
    from .extract import run_stages
    from .nlp import parse_many

    for parsed in parse_many(articles, settings):
        parsed = run_stages(parsed)
        yield Analysis(
            id=parsed.article.id,
            article=parsed.article,
            sentences=parsed.sentences,
            entities=parsed.entities,
            places=parsed.places,
            dates=parsed.dates,
            events=parsed.events,
            claims=parsed.claims,
            rhetoric=parsed.rhetoric,
            rejections=parsed.rejections,
        )


def _analyze_chunk(chunk: list[Article | Rejection], settings: Settings) -> Iterator[Analysis | Rejection]:
    articles = [item for item in chunk if isinstance(item, Article)]
    analysed = analyze_articles(articles, settings)
    for item in chunk:
        yield item if isinstance(item, Rejection) else next(analysed)
