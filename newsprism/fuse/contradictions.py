"""Contradictions within a story: versions of one fact that cannot all be true.

- counts (dead, injured, arrested): two figures from different articles whose
  ranges do not overlap ("at least 40" and "8");
- dates: day-precision dates that differ;
- places: town-level places with different names more than ``place_conflict_km`` apart.

Each contradiction lists every version (side) with its outlets, the events that
give it and their evidence spans.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..model import Contradiction, ContradictionSide, Evidence, Figure, Story
from .cluster import Member, _usable, event_spans, km_between
from .config import FuseConfig, default_config

COUNT_FIELDS = ("fatalities", "injured", "arrested")


def figure_value(low: int, high: int | None) -> str:
    """A count range as shown: "8", "40+", "10–90"."""
    if high is None:
        return f"{low:,}+"
    if high == low:
        return f"{low:,}"
    return f"{low:,}–{high:,}"


def _disjoint(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    (alo, ahi), (blo, bhi) = a, b
    return (ahi is not None and ahi < blo) or (bhi is not None and bhi < alo)


def _contradiction(story: Story, field: str, sides: list[ContradictionSide]) -> Contradiction:
    cid = "c-" + hashlib.sha256(f"{story.id}\t{field}".encode()).hexdigest()[:12]
    summary = f"{field}: " + " vs ".join(f"{s.value} ({', '.join(s.outlets)})" for s in sides)
    return Contradiction(id=cid, story_id=story.id, field=field, sides=sides, summary=summary)  # type: ignore[arg-type]


def count_contradiction(story: Story, field: str) -> Contradiction | None:
    figures: list[Figure] = getattr(story, field)
    by_range: dict[tuple[int, int | None], list[Figure]] = {}
    for fig in figures:
        by_range.setdefault((fig.low, fig.high), []).append(fig)
    if len(by_range) < 2:
        return None
    ranges = list(by_range)
    clash = any(
        _disjoint(ranges[i], ranges[j])
        and {f.ref.article_id for f in by_range[ranges[i]]} != {f.ref.article_id for f in by_range[ranges[j]]}
        for i in range(len(ranges)) for j in range(i + 1, len(ranges))
    )
    if not clash:
        return None
    sides = []
    for (low, high), figs in sorted(by_range.items(), key=lambda kv: (kv[0][0], kv[0][1] is None, kv[0][1] or 0)):
        sides.append(ContradictionSide(
            value=figure_value(low, high),
            outlets=list(dict.fromkeys(f.outlet for f in figs)),
            refs=[f.ref for f in figs],
            evidence=[f.evidence for f in figs if f.evidence is not None],
            reported_by=list(dict.fromkeys(f.reported_by for f in figs if f.reported_by)),
            low=low, high=high,
        ))
    return _contradiction(story, field, sides)


def _evidence(m: Member) -> list[Evidence]:
    return [Evidence(m.ref.article_id, s) for s in event_spans(m.event)]


def _sides(groups: dict[str, list[Member]]) -> list[ContradictionSide]:
    return [
        ContradictionSide(
            value=value,
            outlets=list(dict.fromkeys(m.outlet for m in ms)),
            refs=[m.ref for m in ms],
            evidence=[e for m in ms for e in _evidence(m)],
            reported_by=list(dict.fromkeys(m.event.reported_by.name for m in ms if m.event.reported_by)),
        )
        for value, ms in sorted(groups.items())
    ]


def _across_articles(groups: dict[str, list[Member]]) -> bool:
    articles = [{m.ref.article_id for m in ms} for ms in groups.values()]
    return len(groups) >= 2 and len(set().union(*articles)) >= 2


def date_contradiction(story: Story, group: Sequence[Member]) -> Contradiction | None:
    """Outlets that date the same kind of event (one sub-event type) on different days. A story also gathers related
    events a day apart (a protest, then the force used on it the next day): those days are no contradiction."""
    by_kind: dict[str, list[Member]] = {}
    for m in group:
        by_kind.setdefault(m.event.sub_event_type, []).append(m)
    for members in by_kind.values():
        groups: dict[str, list[Member]] = {}
        for m in members:
            d = m.event.date
            if d is not None and d.precision == "day" and d.value:
                groups.setdefault(d.value[:10], []).append(m)
        if _across_articles(groups):
            return _contradiction(story, "date", _sides(groups))
    return None


def place_contradiction(story: Story, group: Sequence[Member], cfg: FuseConfig) -> Contradiction | None:
    groups: dict[str, list[Member]] = {}
    for m in group:
        place = _usable(m.event.place)
        if place is not None and place.precision == 1:
            groups.setdefault(place.resolved_name or place.name, []).append(m)
    if not _across_articles(groups):
        return None
    names = list(groups)
    first = {name: groups[name][0].event.place for name in names}
    far = any(
        (km := km_between(first[a], first[b])) is None or km > cfg.place_conflict_km  # type: ignore[arg-type]
        for i, a in enumerate(names) for b in names[i + 1:]
    )
    return _contradiction(story, "place", _sides(groups)) if far else None


def find_contradictions(story: Story, group: Sequence[Member], cfg: FuseConfig | None = None) -> list[Contradiction]:
    """Every contradiction of one story (its member events in ``group``)."""
    cfg = cfg or default_config()
    found = [count_contradiction(story, f) for f in COUNT_FIELDS]
    found += [date_contradiction(story, group), place_contradiction(story, group, cfg)]
    return [c for c in found if c is not None]
