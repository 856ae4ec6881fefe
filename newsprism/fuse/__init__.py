"""Fusion across articles: stories, contradictions, timeline, outlet profiles, the prediction ledger.

Pure functions over :class:`~newsprism.model.Analysis` records::

    from newsprism.fuse import fuse
    result = fuse(analyses)
    result.stories          # events counted once, with corroboration and contradictions
    result.contradictions   # every contradiction of every story
    result.timeline         # stories by day and country
    result.outlets          # outlet profiles
    result.predictions      # the prediction ledger (status "open")

Duplicate articles (same id, content hash or near-identical text) count once; the
ones left out are listed in ``result.duplicates``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Analysis, Contradiction, OutletProfile, Prediction, Story, TimelineEntry
from .cluster import cluster, make_story, members_of, outlet_label
from .config import FuseConfig, default_config
from .contradictions import find_contradictions
from .dedupe import dedupe
from .predictions import prediction_id, prediction_ledger
from .profiles import outlet_profiles
from .timeline import timeline

__all__ = ["Fusion", "fuse", "select", "story_query", "outlet_label", "prediction_id", "timeline", "FuseConfig"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fusion:
    """What :func:`fuse` returns."""

    stories: list[Story]
    contradictions: list[Contradiction]
    timeline: list[TimelineEntry]
    outlets: list[OutletProfile]
    predictions: list[Prediction]
    analyses: list[Analysis] = field(default_factory=list)  # the articles fused (duplicates left out)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (left-out id, id of the article kept)


def fuse(analyses: Iterable[Analysis], config: FuseConfig | None = None) -> Fusion:
    """Fuse analysed articles into stories, contradictions, a timeline, outlet profiles and a prediction ledger."""
    cfg = config or default_config()
    kept, duplicates = dedupe(list(analyses))
    for dropped, twin in duplicates:
        log.info("article %s duplicates %s; counted once", dropped, twin)
    members = members_of(kept)
    stories: list[Story] = []
    for group in cluster(members, cfg):
        story = make_story(group, cfg)
        found = find_contradictions(story, group, cfg)
        if found:
            story = _with(story, contradictions=found)
        stories.append(story)
    stories.sort(key=_story_order)
    return Fusion(
        stories=stories,
        contradictions=[c for s in stories for c in s.contradictions],
        timeline=timeline(stories),
        outlets=outlet_profiles(kept, cfg),
        predictions=prediction_ledger(kept, cfg),
        analyses=kept,
        duplicates=duplicates,
    )


def select(result: Fusion, where: Callable[[Story], bool]) -> Fusion:
    """The part of a fusion about the stories ``where`` accepts (a query: a country, dates, a type ...).

    Only the articles that report one of those stories are kept, and the outlet profiles and the
    prediction ledger are those of these articles; the timeline is the selected stories'.
    """
    stories = [s for s in result.stories if where(s)]
    wanted = {ref.article_id for s in stories for ref in s.members}
    analyses = [a for a in result.analyses if a.id in wanted]
    return Fusion(
        stories=stories,
        contradictions=[c for s in stories for c in s.contradictions],
        timeline=timeline(stories),
        outlets=outlet_profiles(analyses),
        predictions=[p for p in result.predictions if p.article_id in wanted],
        analyses=analyses,
        duplicates=[d for d in result.duplicates if d[1] in wanted],
    )


def story_query(country: str | None = None, date_from: str | None = None, date_to: str | None = None):
    """A ``where`` for :func:`select`: the story's country (ISO alpha-3 or name, any case) and its date range
    (ISO dates, inclusive; a story without a date is left out when a range is given)."""

    def where(story: Story) -> bool:
        if country:
            place = story.place
            names = {(place.country or "").casefold(), (place.country_name or "").casefold()} if place else set()
            if country.casefold() not in names:
                return False
        if date_from or date_to:
            day = story.date.value
            if not day:
                return False
            if date_from and day[: len(date_from)] < date_from:
                return False
            if date_to and day[: len(date_to)] > date_to:
                return False
        return True

    return where


def _with(story: Story, **changes) -> Story:
    import dataclasses

    return dataclasses.replace(story, **changes)


def _story_order(story: Story) -> tuple:
    return (-story.corroboration, story.date.value is None, story.date.value or "", story.id)
