"""Stories: events from different articles that are the same real-world event.

Two events of different articles are *linked* when nothing about them conflicts
(event types compatible, dates within the tolerance, places within ``max_km`` or
the same region, actors compatible) and the agreement is specific enough:

- both places at town/site or region precision and near each other, or
- a country-level (or missing) place on either side, and then the sub-event
  types are the same and the dates agree exactly (day precision, within the
  tolerance) or a named, non-generic actor is shared.

Links are merged best first (agglomerative); two groups are merged only when no
pair of their events from different articles conflicts (so one loose link cannot
chain unrelated events). Every event ends up in exactly one story; an event no
other article reports is a story of its own with corroboration 1.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlparse

from ..model import Analysis, Article, Claim, Event, EventDate, EventRef, Evidence, Figure, Place, ReportedBy, Span, Story
from .config import FuseConfig, default_config

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Member:
    """An event with the article it came from (what clustering works on)."""

    ref: EventRef
    event: Event
    article: Article
    outlet: str
    order: int
    claims: tuple[Claim, ...] = ()  # the article's claims: who gives each figure


def outlet_label(article: Article) -> str:
    """The outlet an article counts for: its outlet, else its web site, else the article itself."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    if article.url:
        host = urlparse(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    name = " ".join((article.title or article.id).split())
    return f"unknown outlet ({name if len(name) <= 32 else name[:31].rstrip() + '…'})"


def members_of(analyses: Sequence[Analysis]) -> list[Member]:
    out: list[Member] = []
    for analysis in analyses:
        outlet = outlet_label(analysis.article)
        for event in analysis.events:
            out.append(Member(EventRef(analysis.id, event.id), event, analysis.article, outlet, len(out),
                              tuple(analysis.claims)))
    return out


# --------------------------------------------------------------------------- pairwise relations

def date_interval(value: EventDate | None, cfg: FuseConfig) -> tuple[date, date] | None:
    """The days a (precision-aware) event date allows, or None when unknown."""
    if value is None or not value.value:
        return None
    raw = value.value.strip()
    try:
        year = int(raw[0:4])
        month = int(raw[5:7]) if len(raw) >= 7 else None
        day = int(raw[8:10]) if len(raw) >= 10 else None
    except ValueError:
        return None
    precision = value.precision or ("day" if day else "month" if month else "year")
    try:
        if precision == "year" or month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if precision == "month" or day is None:
            first = date(year, month, 1)
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return first, last
        exact = date(year, month, day)
    except ValueError:
        return None
    if precision == "reported":  # reported on that day: happened on it or shortly before
        return exact - timedelta(days=cfg.reported_lookback_days), exact
    return exact, exact


def date_relation(a: EventDate | None, b: EventDate | None, cfg: FuseConfig) -> tuple[str, float]:
    """("exact" | "overlap" | "unknown" | "conflict", score)."""
    ia, ib = date_interval(a, cfg), date_interval(b, cfg)
    if ia is None or ib is None:
        return "unknown", 0.0
    gap = (max(ia[0], ib[0]) - min(ia[1], ib[1])).days
    if gap > cfg.day_tolerance:
        return "conflict", 0.0
    if a and b and a.precision == "day" and b.precision == "day":
        return "exact", 2.0 if ia[0] == ib[0] else 1.5
    return "overlap", 1.0


def km_between(a: Place, b: Place) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _usable(place: Place | None) -> Place | None:
    return place if place is not None and place.resolved and (place.country or place.latitude is not None) else None


def place_relation(a: Place | None, b: Place | None, cfg: FuseConfig) -> tuple[str, float]:
    """("near" | "region" | "country" | "unknown" | "conflict", score)."""
    a, b = _usable(a), _usable(b)
    if a is None or b is None:
        return "unknown", 0.0
    if a.country and b.country and a.country != b.country:
        return "conflict", 0.0
    pa, pb = a.precision or 3, b.precision or 3
    if pa >= 3 or pb >= 3:
        return "country", 0.5
    km = km_between(a, b)
    if pa == 1 and pb == 1:
        if km is None:
            return ("near", 1.0) if _same_name(a, b) else ("country", 0.5)
        return ("near", 2.0 * (1 - km / cfg.max_km) + 0.5) if km <= cfg.max_km else ("conflict", 0.0)
    # a region on at least one side
    if a.admin1 and b.admin1:
        if a.admin1.casefold() == b.admin1.casefold():
            return "region", 1.5
        if km is not None and km <= cfg.max_km:
            return "near", 1.0
        return "conflict", 0.0
    if km is not None:
        return ("near", 1.0) if km <= cfg.max_km else ("conflict", 0.0)
    return "country", 0.5


def _same_name(a: Place, b: Place) -> bool:
    return (a.resolved_name or a.name).casefold() == (b.resolved_name or b.name).casefold()


def type_relation(a: Event, b: Event, cfg: FuseConfig) -> tuple[str, float]:
    """("same" | "type" | "compatible" | "conflict", score)."""
    if a.event_type == b.event_type:
        if a.sub_event_type == b.sub_event_type:
            return "same", 3.0
        if a.event_type in cfg.exact_subtype_types:
            return "conflict", 0.0
        return "type", 2.0
    if frozenset((a.event_type, b.event_type)) in cfg.compatible_event_types:
        return "compatible", 1.0
    return "conflict", 0.0


def _actors(event: Event) -> list:
    return [actor for actor in (event.actor1, event.actor2) if actor is not None and (actor.name or actor.inter)]


_PARENS = re.compile(r"\([^)]*\)")


def _named(actor, event: Event, cfg: FuseConfig) -> str | None:
    """The normalised name of an actor that identifies someone (not "protesters", "State forces (Kazakhstan)")."""
    if actor.inter in cfg.generic_inters:
        return None
    words = _WORD.findall(_PARENS.sub(" ", actor.name or "").casefold())
    place = event.place
    country = set(_WORD.findall((place.country_name or "").casefold())) if place else set()
    if not words or all(w in cfg.generic_actor_words or w in country for w in words):
        return None
    return " ".join(words)


def actor_relation(a: Event, b: Event, cfg: FuseConfig) -> tuple[str, float]:
    """("named" | "compatible" | "unknown" | "conflict", score)."""
    from rapidfuzz import fuzz

    actors_a, actors_b = _actors(a), _actors(b)
    if not actors_a or not actors_b:
        return "unknown", 0.0
    for x in actors_a:
        for y in actors_b:
            nx, ny = _named(x, a, cfg), _named(y, b, cfg)
            if not (nx and ny):
                continue
            if (x.entity_id and x.entity_id == y.entity_id) or fuzz.token_set_ratio(nx, ny) >= cfg.actor_match_ratio:
                return "named", 1.0
    inters_a = {cfg.inter_classes.get(x.inter, x.inter) for x in actors_a if x.inter}
    inters_b = {cfg.inter_classes.get(y.inter, y.inter) for y in actors_b if y.inter}
    if not inters_a or not inters_b:
        return "unknown", 0.0
    return ("compatible", 0.5) if inters_a & inters_b else ("conflict", 0.0)


def relate(a: Member, b: Member, cfg: FuseConfig) -> tuple[bool, bool, float]:
    """(conflicts, links, score) for two events of different articles."""
    kind_t, s_t = type_relation(a.event, b.event, cfg)
    if kind_t == "conflict":
        return True, False, 0.0
    kind_p, s_p = place_relation(a.event.place, b.event.place, cfg)
    if kind_p == "conflict":
        return True, False, 0.0
    kind_d, s_d = date_relation(a.event.date, b.event.date, cfg)
    if kind_d == "conflict":
        return True, False, 0.0
    kind_a, s_a = actor_relation(a.event, b.event, cfg)
    if kind_a == "conflict":
        return True, False, 0.0
    if kind_p in ("near", "region"):
        links = True
    else:  # a country-level or missing place needs strong agreement elsewhere
        links = kind_t == "same" and (kind_d == "exact" or kind_a == "named")
    if links and kind_t == "same" and a.event.sub_event_type in cfg.catch_all_subtypes and kind_a != "named":
        # "Other" says little: the two reports must also share words of their evidence
        links = word_overlap(a.event, b.event) >= cfg.catch_all_min_overlap
    return False, links, s_t + s_d + s_p + s_a


def _stems(event: Event) -> set[str]:
    spans = ([event.trigger] if event.trigger else []) + list(event.evidence)
    return {w[:5] for s in spans for w in _WORD.findall(s.text.casefold()) if len(w) >= 4 and not w.isdigit()}


def word_overlap(a: Event, b: Event) -> float:
    """Shared word stems of two events' evidence, over the smaller set (0 when either has none)."""
    x, y = _stems(a), _stems(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


# --------------------------------------------------------------------------- clustering

def _grid_keys(place: Place, cfg: FuseConfig) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The grid cell of a place (cells of 0.5 degrees) and the cells within ``max_km`` of it."""
    lat, lon = place.latitude or 0.0, place.longitude or 0.0
    cell = (math.floor(lat / 0.5), math.floor(lon / 0.5))
    dlat = math.ceil(cfg.max_km / 55.0)
    dlon = min(720, math.ceil(cfg.max_km / (55.0 * max(math.cos(math.radians(lat)), 0.02))))
    return cell, [(cell[0] + x, cell[1] + y) for x in range(-dlat, dlat + 1) for y in range(-dlon, dlon + 1)]


def _windowed(idxs: list[int], intervals: list, tol: int, pairs: set[tuple[int, int]], need=None) -> None:
    """Add the pairs of ``idxs`` whose date intervals come within ``tol`` days (an unknown date pairs with all).

    ``need(i, j)``, when given, must accept a pair for it to be added.
    """
    known = sorted((intervals[i][0], intervals[i][1], i) for i in idxs if intervals[i] is not None)
    unknown = [i for i in idxs if intervals[i] is None]
    for x, (_, hi, i) in enumerate(known):
        for lo_j, _, j in known[x + 1:]:
            if (lo_j - hi).days > tol:
                break
            if need is None or need(i, j):
                pairs.add(_pair(i, j))
    for x, i in enumerate(unknown):
        for j in unknown[x + 1:] + [k for _, _, k in known]:
            if need is None or need(i, j):
                pairs.add(_pair(i, j))


def _close(a: tuple | None, b: tuple | None, tol: int) -> bool:
    """Whether two date intervals come within ``tol`` days (an unknown date is close to all): as :func:`_windowed`."""
    if a is None or b is None:
        return True
    first, second = (a, b) if (a[0], a[1]) <= (b[0], b[1]) else (b, a)
    return (second[0] - first[1]).days <= tol


def _candidate_pairs(members: Sequence[Member], cfg: FuseConfig) -> list[tuple[int, int]]:
    """The pairs of events of different articles that may link (see the module's rules), found by blocking:

    - two town/region-level places: the same or a neighbouring grid cell, or the same admin1, and dates close;
    - a country-level or missing place on either side: the same sub-event type in the same (or an unknown)
      country, and both dates at day precision and close, or a word of a named actor in common.
    """
    intervals = [date_interval(m.event.date, cfg) for m in members]
    places = [_usable(m.event.place) for m in members]
    precise = [p is not None and (p.precision or 3) <= 2 for p in places]
    pairs: set[tuple[int, int]] = set()

    cells: dict[tuple[str | None, tuple[int, int]], list[int]] = {}
    near: dict[int, list[tuple[str | None, tuple[int, int]]]] = {}
    regions: dict[tuple[str | None, str], list[int]] = {}
    for i, place in enumerate(places):
        if not precise[i] or place is None:
            continue
        if place.latitude is not None and place.longitude is not None:
            cell, around = _grid_keys(place, cfg)
            cells.setdefault((place.country, cell), []).append(i)
            near[i] = [(place.country, c) for c in around]
        if place.admin1:
            regions.setdefault((place.country, place.admin1.casefold()), []).append(i)
    for i, keys in near.items():  # each located event with the later ones in its grid neighbourhood, dates close
        for j in {j for key in keys for j in cells.get(key, []) if j > i}:
            if _close(intervals[i], intervals[j], cfg.day_tolerance):
                pairs.add((i, j))
    # the same admin1 pairs a region with what lies in it, and towns without coordinates; two towns with coordinates
    # are paired by the grid above when near enough, and conflict when farther (relate), so they are not paired here
    located = [i in near and (places[i].precision or 3) == 1 for i in range(len(members))]  # type: ignore[union-attr]
    for idxs in regions.values():
        _windowed(idxs, intervals, cfg.day_tolerance, pairs, need=lambda x, y: not (located[x] and located[y]))

    coarse = [i for i in range(len(members)) if not precise[i]]
    if coarse:
        by_type: dict[tuple[str | None, str], list[int]] = {}
        for i, m in enumerate(members):
            country = places[i].country if places[i] is not None else None
            by_type.setdefault((country, m.event.sub_event_type), []).append(i)
        for (country, sub), idxs in list(by_type.items()):
            if country is not None:
                idxs = idxs + by_type.get((None, sub), [])
            if not any(not precise[i] for i in idxs):
                continue
            day = [i for i in idxs if members[i].event.date and members[i].event.date.precision == "day" and intervals[i]]
            one_coarse = lambda x, y: not (precise[x] and precise[y])  # noqa: E731
            _windowed(day, intervals, cfg.day_tolerance, pairs, need=one_coarse)
            by_word: dict[str, list[int]] = {}
            for i in idxs:
                for actor in _actors(members[i].event):
                    name = _named(actor, members[i].event, cfg)
                    for word in set((name or "").split()):
                        if word not in cfg.generic_actor_words:
                            by_word.setdefault(word, []).append(i)
            for group in by_word.values():
                for x, i in enumerate(group):
                    for j in group[x + 1:]:
                        if one_coarse(i, j):
                            pairs.add(_pair(i, j))
    return sorted(p for p in pairs if members[p[0]].ref.article_id != members[p[1]].ref.article_id)


def _pair(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def cluster(members: Sequence[Member], cfg: FuseConfig | None = None) -> list[list[Member]]:
    """Group events into stories; returns the groups in order of their first event."""
    cfg = cfg or default_config()
    relations: dict[tuple[int, int], tuple[bool, bool, float]] = {}

    def related(i: int, j: int) -> tuple[bool, bool, float]:
        pair = _pair(i, j)
        if pair not in relations:
            relations[pair] = relate(members[pair[0]], members[pair[1]], cfg)
        return relations[pair]

    links = []
    for i, j in _candidate_pairs(members, cfg):
        conflict, link, score = related(i, j)
        if link and not conflict:
            links.append((-score, i, j))
    group_of = list(range(len(members)))
    groups: dict[int, list[int]] = {i: [i] for i in range(len(members))}
    for _, i, j in sorted(links):
        gi, gj = group_of[i], group_of[j]
        if gi == gj or _any_conflict(groups[gi], groups[gj], members, related):
            continue
        keep, gone = (gi, gj) if gi < gj else (gj, gi)
        for k in groups[gone]:
            group_of[k] = keep
        groups[keep].extend(groups.pop(gone))
    return [[members[k] for k in sorted(idx)] for _, idx in sorted(groups.items())]


def _any_conflict(a: list[int], b: list[int], members: Sequence[Member], related) -> bool:
    """Whether two groups may not become one story: two of their events conflict, or two are one article's (its
    events stage told them apart: a third outlet's report close to both must not join them)."""
    for i in a:
        for j in b:
            if members[i].ref.article_id == members[j].ref.article_id or related(i, j)[0]:
                return True
    return False


# --------------------------------------------------------------------------- story records

_DATE_RANK = {"day": 0, "month": 1, "year": 2, "reported": 3, None: 4}


def story_id(refs: Iterable[EventRef]) -> str:
    key = "\n".join(sorted(f"{r.article_id}\t{r.event_id}" for r in refs))
    return "s-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def make_story(group: Sequence[Member], cfg: FuseConfig | None = None) -> Story:
    """The story record of a group of events (without contradictions; see :mod:`.contradictions`).

    Its type is the most severe sub-event type of its members (``subtype_precedence``), else the most common.
    """
    cfg = cfg or default_config()
    rank = {sub: n for n, sub in enumerate(cfg.subtype_precedence)}
    subs = Counter((m.event.event_type, m.event.sub_event_type) for m in group)
    first = {key: min(m.order for m in group if (m.event.event_type, m.event.sub_event_type) == key) for key in subs}
    event_type, sub_event_type = min(subs, key=lambda k: (rank.get(k[1], len(rank)), -subs[k], first[k]))
    outlets = list(dict.fromkeys(m.outlet for m in group))
    reported: dict[tuple[str, str], ReportedBy] = {}
    for m in group:
        rb = m.event.reported_by
        if rb is not None:
            reported.setdefault((rb.name.casefold(), rb.kind), rb)
    evidence: dict[tuple[str, int, int], Evidence] = {}
    for m in group:
        for span in event_spans(m.event):
            evidence.setdefault((m.ref.article_id, span.start, span.end), Evidence(m.ref.article_id, span))
    refs = [m.ref for m in group]
    return Story(
        id=story_id(refs),
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=_best_date(group),
        place=_best_place(group),
        members=refs,
        outlets=outlets,
        corroboration=len(outlets),
        article_ids=list(dict.fromkeys(m.ref.article_id for m in group)),
        reported_by=list(reported.values()),
        fatalities=_figures(group, "fatalities"),
        injured=_figures(group, "injured"),
        arrested=_figures(group, "arrested"),
        evidence=list(evidence.values()),
    )


def event_spans(event: Event) -> list[Span]:
    """An event's evidence spans, and its trigger when no evidence span covers it (no repeats)."""
    spans = list(dict.fromkeys(event.evidence))
    trigger = event.trigger
    if trigger is not None and not any(s.start <= trigger.start and trigger.end <= s.end for s in spans):
        spans.insert(0, trigger)
    return spans


def _best_date(group: Sequence[Member]) -> EventDate:
    dated = [m.event.date for m in group if m.event.date is not None and m.event.date.value]
    if not dated:
        return EventDate(None, None)
    rank = min(_DATE_RANK.get(d.precision, 4) for d in dated)
    best = [d for d in dated if _DATE_RANK.get(d.precision, 4) == rank]
    counts = Counter(d.value for d in best)
    value = min(counts, key=lambda v: (-counts[v], v or ""))
    return next(d for d in best if d.value == value)


def _best_place(group: Sequence[Member]) -> Place | None:
    places = [m.event.place for m in group if _usable(m.event.place) is not None]
    if not places:
        return next((m.event.place for m in group if m.event.place is not None), None)
    rank = min(p.precision or 3 for p in places)
    best = [p for p in places if (p.precision or 3) == rank]
    counts = Counter((p.resolved_name or p.name) for p in best)
    name = max(counts, key=lambda n: counts[n])
    return next(p for p in best if (p.resolved_name or p.name) == name)


def _figures(group: Sequence[Member], field_name: str) -> list[Figure]:
    out = []
    for m in group:
        count = getattr(m.event, field_name)
        if count is None:
            continue
        span = count.span or (m.event.trigger if m.event.trigger else None)
        out.append(Figure(
            low=count.low, high=count.high, best=count.best, outlet=m.outlet, ref=m.ref,
            evidence=Evidence(m.ref.article_id, span) if span else None,
            reported_by=_figure_source(m, count.span),
        ))
    return out


def _figure_source(m: Member, span: Span | None) -> str | None:
    """Who gives a figure: the source of the claim whose content holds the number.

    "Eyewitnesses said that several were injured" credits the eyewitnesses with the injured, even
    when the event as a whole is reported by a news agency; a figure no claim holds is the outlet's
    own (None), not lent the source of another sentence. The event's source gives the figure when the
    number stands in the sentence of the event's trigger, or when the number's span is not known.
    """
    event_source = m.event.reported_by.name if m.event.reported_by else None
    if span is None:
        return event_source
    for claim in m.claims:
        if claim.speaker.kind != "author" and claim.content.start <= span.start and span.end <= claim.content.end:
            return claim.speaker.name
    trigger = m.event.trigger
    if trigger is not None and any(e.start <= trigger.start and trigger.end <= e.end and e.start <= span.start
                                   and span.end <= e.end for e in m.event.evidence):
        return event_source
    return None
