"""Where and when an event happened, and who reported it: helpers over what the earlier stages found
(claims, dates, places, entities) for the events stage and its verbal events."""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from ..geo import haversine_km
from ..model import Claim, DateRef, Place, Sentence
from ..nlp.pipeline import ParsedArticle
from .attribution_spans import dateline_end

log = logging.getLogger(__name__)


def claim_at(claims: list[Claim], offset: int) -> Claim | None:
    inside = [c for c in claims if c.content.start <= offset < c.content.end]
    return min(inside, key=lambda c: c.content.end - c.content.start) if inside else None


def own_date(dates: list[DateRef], sent: Sentence, text: str | None = None) -> DateRef | None:
    """The first date of the sentence, one of its own words before a wire dateline's ("MANILA, Dec 4 — A bomb
    exploded ... on Sunday": Sunday; the dateline's date is when the story was filed) when ``text`` is given."""
    own = [d for d in dates if d.value and sent.start <= d.span.start < sent.end]
    if text is not None and own:
        after = dateline_end(text, sent.start, sent.end)
        own = [d for d in own if d.span.start >= after] or own
    return own[0] if own else None


def own_places(places: list[Place], sent: Sentence) -> list[Place]:
    out = []
    for place in places:
        spans = [s for s in place.mentions if sent.start <= s.start < sent.end]
        if spans and place.resolved:
            out.append((spans[0].start, place))
    return [p for _, p in sorted(out, key=lambda sp: sp[0])]


def best_places(places: list[Place]) -> list[Place]:
    """The most precise of a sentence's places first (a town before its region before its country)."""
    return sorted(places, key=lambda p: p.precision or 9)


@dataclass(frozen=True)
class PlaceCues:
    origin_before: re.Pattern[str]  # "fighters from X", "the border with X": X is not where it happened
    distance_before: re.Pattern[str]  # "5 km from X": X locates it after all
    country_weight: float
    origin_weight: float
    town_km: float
    city_km: float
    region_km: float
    same_admin1_km: float
    container_bonus: float
    container_between: re.Pattern[str]  # "X area of Y", "X, Y": X lies in Y
    route_after: re.Pattern[str]  # "X road": a road's name, not where it happened
    part_after: re.Pattern[str] | None = None  # "the X suburb of Y": Y says where, X only holds it


@functools.lru_cache(maxsize=1)
def place_cues() -> PlaceCues:
    data = json.loads(resources.files(__package__).joinpath("lexicons", "event_places.v1.json").read_text("utf-8"))
    near = data["near_km"]
    return PlaceCues(re.compile(data["origin_before"]), re.compile(data["distance_before"]),
                     float(data["country_weight"]), float(data["origin_weight"]), float(near["town"]),
                     float(near["city_region"]), float(near["region"]), float(data["same_admin1_km"]),
                     float(data["container_bonus"]), re.compile(data["container_between"], re.I),
                     re.compile(data["route_after"], re.I),
                     re.compile(data["part_after"], re.I) if data.get("part_after") else None)


def _weight(place: Place) -> float:
    """How much a place's reading counts: the resolver's score."""
    return place.score if place.score is not None else 0.9


def pick_place(text: str, places: list[Place], start: int, end: int) -> Place | None:
    """The event's place among the resolved places mentioned in ``text[start:end]`` (its sentence).

    First the country: the one the sentence's places are in, each counting with the resolver's score (a
    country named as such half as much: it is often a side, "forces of X and Y"; a province named after a
    town of another country, "X (Y, Z)", a little more). A town read in another country than the district
    and province named with it is a wrong reading of its name. Then, in that country, the most precise place
    (a town before its district before its country; among equals the first mentioned) unless the sentence's
    other places outweigh it by contradicting it: a homonym far from the district named with it, a town in
    another province. A place named as an origin ("fighters from X", "near the border with X") comes after
    the others, and a country named only so is none (the caller falls back to the article's place).
    Cues and distances: ``lexicons/event_places.v1.json``.
    """
    cues = place_cues()
    dateline = dateline_end(text, start, end)
    found: list[tuple[bool, int, Place]] = []
    for place in places:
        if not place.resolved:
            continue
        inside = [m for m in place.mentions if start <= m.start < end]
        if inside:
            first = min(inside, key=lambda m: m.start)
            part = cues.part_after is not None and text[max(0, first.start - 4):first.start].lower() == "the " \
                and bool(cues.part_after.match(text, first.end)) and any(
                q is not place and q.resolved and any(first.end < m.start < end for m in q.mentions) for q in places)
            aside = part or _is_origin(text, first.start, cues) or bool(cues.route_after.match(text, first.end)) \
                or first.start < dateline  # where the story was filed ("MANILA, Dec 4 — A bomb exploded in Marawi")
            found.append((aside, first.start, place))
    if not found or all(aside and p.precision == 3 for aside, _, p in found):
        return None  # "near the border with Venezuela": a country named only as a side is not where it happened
    found = _one_reading_per_name(found)
    found = _without_far_contained(text, found, cues)
    weight = {id(p): _weight(p) * (cues.country_weight if p.precision == 3 else 1.0)
              * (cues.origin_weight if origin else 1.0) for origin, _, p in found}
    ranked = sorted(found, key=lambda f: (f[0], f[2].precision or 9, f[1]))
    votes: dict[str, float] = {}  # first the country: the one most of the sentence's places are in
    for _, at, place in found:
        if place.country:
            bonus = place.precision == 2 and any(o.country != place.country and o_at < at and (o.precision or 9) < 2
                                                 for _, o_at, o in found)  # the province after a town ("X (Y, Z)")
            votes[place.country] = votes.get(place.country, 0.0) + weight[id(place)] * (
                1.0 + cues.container_bonus if bonus else 1.0)
    if votes:
        top = max(votes.values())
        country = next(p.country for _, _, p in ranked if p.country and votes[p.country] == top)
        found = [f for f in found if f[2].country == country]
        ranked = [f for f in ranked if f[2].country == country]
    for _, at, place in ranked:
        support, against = weight[id(place)], 0.0
        for _, other_at, other in found:
            if other is place:
                continue
            agree = _coherent(place, other, cues)
            if agree > 0:
                support += weight[id(other)]
            elif agree < 0:  # a province named after the town ("X (Y, Z)") is the container the writer meant
                container = other_at > at and (other.precision or 9) > (place.precision or 9)
                against += weight[id(other)] * (1.0 + cues.container_bonus if container else 1.0)
        if against <= support:
            return place
    return ranked[0][2]


def _one_reading_per_name(found: list[tuple[bool, int, Place]]) -> list[tuple[bool, int, Place]]:
    """A name written twice in a sentence for places of one level ("in X city (X, Y)", both read as
    towns) is one place: of its readings keep the one that is the name itself rather than a close spelling, then
    one with coordinates, then the surest."""
    by_name: dict[str, list[tuple[bool, int, Place]]] = {}
    for f in found:
        by_name.setdefault(f"{_fold(f[2].name)}/{f[2].precision}", []).append(f)  # a town and its province may share it
    out = []
    for same in by_name.values():
        best = max(same, key=lambda f: (_fold(f[2].resolved_name or "") == _fold(f[2].name), f[2].latitude is not None,
                                        f[2].score or 0.0, -f[1]))
        out.append((best[0], min(f[1] for f in same), best[2]))
    return sorted(out, key=lambda f: f[1])


def _without_far_contained(text: str, found: list[tuple[bool, int, Place]], cues: PlaceCues) -> list[tuple[bool, int, Place]]:
    """Drop a place the text puts in another it names right after ("Palanpur area of Surat city", "Barangay Pilar,
    Hinigaran") when the two readings cannot be one location: the first is a namesake elsewhere."""
    out = []
    for f in found:
        end = f[1] + len(f[2].name)
        container = next((g for g in found if g is not f and end < g[1] <= end + 45
                          and cues.container_between.match(text[end:g[1]])), None)
        if container is None or not _far(f[2], container[2], cues):
            out.append(f)
    return out or found


def _far(place: Place, container: Place, cues: PlaceCues) -> bool:
    """Two towns further apart than a city's reach (whatever their province says), or any two places that cannot be
    one location."""
    if place.precision == 1 and container.precision == 1 and _is_town(place) and _is_town(container):
        km = _km(place, container)
        if km is not None:
            return km > cues.city_km
    return _coherent(place, container, cues) < 0


def _is_origin(text: str, offset: int, cues: PlaceCues) -> bool:
    before = text[max(0, offset - 60):offset].lower()
    return bool(cues.origin_before.search(before)) and not cues.distance_before.search(before)


def _coherent(a: Place, b: Place, cues: PlaceCues) -> int:
    """+1 when two places of one sentence can be one location (a town and its district, province or country),
    -1 when they cannot (other countries, other provinces far apart, towns far apart), 0 when nothing tells."""
    if not a.country or not b.country:
        return 0
    if a.country != b.country:
        return -1
    if a.precision == 3 or b.precision == 3:
        return 1
    km = _km(a, b)
    if a.admin1 and b.admin1:
        if _fold(a.admin1) == _fold(b.admin1):
            return 1
        if (km is not None and km > cues.same_admin1_km) or "admin1" in (a.kind, b.kind):
            return -1  # another province
    if km is None:
        return 0
    if not (_is_town(a) and _is_town(b)):  # a province's centre can be far from its towns
        limit = cues.region_km
    elif a.precision == 1 and b.precision == 1:
        limit = cues.town_km
    else:
        limit = cues.city_km
    return 1 if km <= limit else -1


def _is_town(place: Place) -> bool:
    return place.kind not in ("admin1", "admin2", "region", "country", "continent")


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isalnum())


def _km(a: Place, b: Place) -> float | None:
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def names(parsed: ParsedArticle) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in parsed.doc.ents if e.label_ in ("ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART")]


def article_place(parsed: ParsedArticle) -> Place | None:
    """The places stage's main place when it offers one, else the resolved place mentioned most (ties: first)."""
    try:
        from . import places as places_stage

        helper = getattr(places_stage, "main_place", None)
        if helper is not None:
            found = helper(parsed.places)
            if found is None or isinstance(found, Place):
                return found
    except Exception as exc:  # the places stage is another module's; its failure must not lose the events
        log.warning("main_place of the places stage failed on %s: %r", parsed.article.id, exc)
    resolved = [p for p in parsed.places if p.resolved and p.mentions]
    if not resolved:
        return None
    return max(resolved, key=lambda p: (len(p.mentions), -(p.precision or 9), -p.mentions[0].start))


def context_date(parsed: ParsedArticle, sent: Sentence) -> DateRef | None:
    """The nearest date before the sentence in its paragraph."""
    para_start = parsed.text.rfind("\n\n", 0, sent.start)
    before = [d for d in parsed.dates if d.value and para_start <= d.span.start < sent.start]
    base = parsed.article.date_base
    before = [d for d in before if not base or d.value[:10] <= base[:10]]
    return before[-1] if before else None


@functools.lru_cache(maxsize=1)
def _merge_data() -> dict:
    return json.loads(resources.files(__package__).joinpath("lexicons", "event_merge.v1.json").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _merge_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = _merge_data()
    return re.compile(data["anaphor_before"], re.I), re.compile(data["partitive_before"], re.I)


@functools.lru_cache(maxsize=1)
def generic_triggers() -> frozenset[str]:
    """Trigger words that name a violent event of any type ("the attack"): ``lexicons/event_merge.v1.json``."""
    return frozenset(_merge_data().get("generic_triggers", ()))


@functools.lru_cache(maxsize=1)
def apart_words() -> re.Pattern[str]:
    """Words that set a mention apart from the scene told before it ("later", "separately"):
    ``lexicons/event_merge.v1.json``."""
    words = _merge_data().get("apart_words", ())
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I) if words else re.compile(r"(?!)")


def refers_back(text: str, trigger_start: int, sentence_start: int) -> bool:
    """Whether the words right before a trigger make it a reference to an event told before ("condemned the
    attack", "after Tuesday's killings"): ``lexicons/event_merge.v1.json``."""
    return bool(_merge_cues()[0].search(text[max(sentence_start, trigger_start - 40):trigger_start]))


def partitive(text: str, trigger_start: int, sentence_start: int) -> bool:
    """Whether the trigger is a casualty word taken as a part of a toll told before ("nineteen of the injured",
    "among the dead"): ``lexicons/event_merge.v1.json``."""
    return bool(_merge_cues()[1].search(text[max(sentence_start, trigger_start - 20):trigger_start]))


def finer_within(coarse: Place, place: Place, km: float = 100.0) -> bool:
    """Whether ``place`` says more precisely where ``coarse`` is: a town or region of a country, a town of a region
    (its first-level area, or within ``km`` of the region's point)."""
    if not place.resolved or place.country != coarse.country or place.precision is None or coarse.precision is None:
        return False
    if coarse.precision == 3:
        return place.precision in (1, 2)
    if coarse.precision != 2 or place.precision != 1:
        return False
    if place.admin1 and place.admin1 in (coarse.resolved_name, coarse.admin1):
        return True
    points = (coarse.latitude, coarse.longitude, place.latitude, place.longitude)
    return None not in points and haversine_km(*points) <= km  # type: ignore[arg-type]

