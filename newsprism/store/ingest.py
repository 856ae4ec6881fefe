"""Analyse inputs into the store: read, skip what is stored already, analyse the rest in batches, commit per batch.

Because every batch is committed and stored articles are skipped *before* analysis (by content hash), a run that was
interrupted continues where it stopped when it is run again, and ingesting the same input twice changes nothing.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import Analysis, Article, Rejection
from ..settings import Settings
from .repository import Repository
from .rows import content_hash

logger = logging.getLogger(__name__)


@dataclass
class BatchReport:
    """What one committed batch did."""

    read: int = 0  # articles read
    stored: int = 0  # new articles stored
    skipped: int = 0  # articles already in the store (or repeated in the input)
    rejections: list[Rejection] = field(default_factory=list)  # inputs that could not be read
    stage_rejections: int = 0  # parts of stored articles a stage could not process


def ingest(
    repo: Repository,
    inputs: Iterable[Any],
    settings: Settings,
    *,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Iterator[BatchReport]:
    """Analyse and store ``inputs`` (what :func:`newsprism.analyze_many` takes); yields a report per committed batch."""
    from ..api import analyze_articles
    from ..ingest import Defaults, read_inputs

    items = read_inputs(inputs, settings, Defaults(published=published, outlet=outlet, url=url))
    seen: set[str] = set()
    while True:
        chunk = list(itertools.islice(items, max(1, settings.batch_size)))
        if not chunk:
            return
        report = BatchReport()
        report.rejections = [item for item in chunk if isinstance(item, Rejection)]
        articles = [item for item in chunk if isinstance(item, Article)]
        report.read = len(articles)
        stored = repo.stored_hashes(content_hash(a) for a in articles)
        todo: list[Article] = []
        for article in articles:
            key = content_hash(article)
            if key in stored or key in seen:
                report.skipped += 1
                continue
            refused = repo.refusal(article)
            if refused is not None:
                report.rejections.append(refused)
                continue
            seen.add(key)
            todo.append(article)
        analyses: list[Analysis] = list(analyze_articles(todo, settings)) if todo else []
        report.stored = repo.add_analyses(analyses)
        report.skipped += len(analyses) - report.stored  # stored meanwhile by another process
        report.stage_rejections = sum(len(a.rejections) for a in analyses)
        repo.add_rejections(report.rejections)
        yield report
        if settings.fail_fast and report.rejections:
            return


def recompute_fusion(repo: Repository) -> Any | None:
    """Fuse every stored analysis into stories, contradictions and predictions, and save them.

    The one place the store calls the fusion (``newsprism.fuse.fuse(analyses)``). Returns its result, or None
    when this build has no fusion.
    """
    import importlib
    import importlib.util

    if importlib.util.find_spec("newsprism.fuse") is None:
        logger.warning("stories were not recomputed: this build of newsprism has no fusion (newsprism.fuse)")
        return None
    module = importlib.import_module("newsprism.fuse")
    fuse = getattr(module, "fuse", None)
    if fuse is None:
        logger.warning("stories were not recomputed: newsprism.fuse has no fuse() yet")
        return None
    result = fuse(list(repo.analyses()))
    repo.save_fusion(result)
    return result
