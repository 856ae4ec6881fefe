"""The article's country context: the countries its confident places, containers and demonyms agree on.

Each mention votes for one country when its readings agree on it: a country name (1.5), a name whose
own-spelled readings all lie in one country (1.0 when one of them is an area or a sizeable town, 0.5 for
a hamlet's word), a name known there only as an alternate name or a transliteration variant (less).
A name the text does not put in a place context still votes, at half weight, when it can hardly be
anything else (a country, a province's own name, a big city's own name: "Accra" that the NER calls an
organisation). Demonyms add their country ("Kazakh police").

A mention is scored against the votes of all names, but its own vote is dropped when it is weak (a
hamlet's name, an alternate name, a transliteration) and the *other* names point elsewhere: a small
foreign homonym must not make its own country the context ("Salim [..] and Human villages (Qaatabah,
Ad Dali)"). A name alone in its article keeps its own vote ("Halba", a town of one country).
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .build import lexicon_text
from .gazetteer import Candidate, Gazetteer, name_key
from .mentions import Mention

CURATED = {"country": 4.0, "continent": 3.0, "region": 3.0}
CONTEXT_TOWN = 20_000  # a town this big, known in one country only, says the country as much as its name
CONTEXT_FULL = 1.0  # votes that make a country the article's context with full weight
OBVIOUS_CITY = 100_000  # a big city's own name says its country even with no place cue
OWN_VOTE = 1.0  # a name's own vote this strong (its own spelling, a sizeable place) is never overruled by the others
UNPLACED = 0.5  # the weight of a vote from a name the text does not put in a place context
HAMLET = 5_000  # a transliteration variant of a place this small says little


def countries_in_names(mentions: Sequence[Mention], gaz: Gazetteer) -> Counter[str]:
    """ "Panama City", "Kuwait City", "Guatemala City": a town named after its country says which country."""
    found: Counter[str] = Counter()
    for m in mentions:
        parts = m.text.split()
        if len(parts) == 2 and parts[1].lower() == "city":
            for c in gaz.lookup(parts[0]):
                if c.kind == "country" and c.country:
                    found[c.country] += 2
    return found


@functools.lru_cache(maxsize=1)
def context_words() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(lexicon_text("context_words.v1.json"))
    suffixes = "|".join(re.escape(w) for w in data["sponsor_suffixes"])
    data["sponsor_re"] = re.compile(rf"\s?-\s?(?:{suffixes})\b", re.IGNORECASE)
    data["numbered_re"] = re.compile(data["numbered_after"])
    bodies = "|".join(re.escape(w) for w in data["organisation_after"])
    data["organisation_re"] = re.compile(rf"\s+(?:{bodies})\b", re.IGNORECASE)
    return data


def sponsor(text: str, end: int) -> bool:
    """ "Saudi-led", "Turkey-backed", "Russian-made": a country named as a sponsor or maker, not as where things happen."""
    return bool(context_words()["sponsor_re"].match(text, end))


def numbered(text: str, end: int) -> bool:
    """ "Mine 6/7", "Block 4": a name followed by a number names a numbered site."""
    return bool(context_words()["numbered_re"].match(text[end:end + 40]))


def area_type_word(text: str, start: int, end: int) -> str | None:
    """The area type word the text gives a name: "Bolivar state", "the state of Punjab" (else None)."""
    words = context_words()["area_type_words"]
    after = re.match(r"\s+([A-Za-z]+)\b", text[end:end + 30])
    if after and after.group(1).lower() in words:
        return after.group(1).lower()
    before = re.search(r"\b([A-Za-z]+)\s+of\s+(?:the\s+)?$", text[max(0, start - 30):start])
    if before and before.group(1).lower() in words:
        return before.group(1).lower()
    return None


@functools.lru_cache(maxsize=4096)
def subdivision_type(gid: str) -> str | None:
    """ISO 3166-2 type of a subdivision entry ("iso3166-2:VE-F" -> "state"), lower case; None if unknown."""
    if not gid.startswith("iso3166-2:"):
        return None
    import pycountry

    sub = pycountry.subdivisions.get(code=gid.split(":", 1)[1])
    return sub.type.lower() if sub is not None and sub.type else None


def typed_areas(cands: tuple[Candidate, ...], word: str, others: dict[str, float]) -> tuple[Candidate, ...]:
    """Among areas of this name, those the type word fits ("Bolivar state": Venezuela's state, not Colombia's
    department), unless the article's other names give the other area's country; towns are kept, and nothing
    is dropped when no area's type fits."""
    areas = [c for c in cands if c.kind in ("admin1", "admin2")]
    fits = area_fits(cands, word)
    if not fits or len(fits) == len(areas):
        return cands
    return tuple(c for c in cands if c.kind not in ("admin1", "admin2") or c in fits or subdivision_type(c.gid) is None
                 or others.get(c.country or "", 0.0) >= 0.5)


def area_fits(cands: Sequence[Candidate], word: str) -> list[Candidate]:
    """The areas among ``cands`` whose ISO 3166-2 type the type word names."""
    return [c for c in cands if c.kind in ("admin1", "admin2") and word in (subdivision_type(c.gid) or "").split()]


def organisation(text: str, end: int) -> bool:
    """ "the Meade company's office", "the Audi bank": a name followed by a word for a company or body."""
    return bool(context_words()["organisation_re"].match(text, end))


def _hamlet_beside(c: Candidate, top: int) -> bool:
    return c.kind == "city" and c.population < HAMLET and top >= OBVIOUS_CITY


def _big(c: Candidate) -> bool:
    return c.kind != "city" or c.population >= OBVIOUS_CITY or (c.main and c.population >= CONTEXT_TOWN)


def vote(m: Mention, cands: Sequence[Candidate]) -> tuple[str, float] | None:
    """The country this mention's readings agree on, and the weight of that vote (None: no vote)."""
    if not cands:
        return None
    weight = 2.0 if m.cue == "dateline" else 1.0
    country = next((c for c in cands if c.kind == "country" and c.country), None)
    if not m.located:
        if m.label in ("PERSON", "NORP") and m.cue != "list":  # "in Tripoli and Sidon": a place's list-mate votes
            return None
        if country is not None:  # "the Nepal Police" (an ORG to the NER) still says Nepal, at half weight
            return country.country, (UNPLACED if m.label == "ORG" else 1.5 * weight)  # type: ignore[return-value]
        own = [c for c in cands if not c.loose and (c.main or c.kind != "city")]
        main_top = max((c.population for c in own if c.main), default=0)
        own = [c for c in own if not _hamlet_beside(c, main_top)]  # "In Tripoli and Sidon": not Sidon, Illinois
        sure = [c for c in own if c.kind in CURATED or c.kind == "admin1" or c.population >= OBVIOUS_CITY]
        if sure and len({c.country for c in own}) == 1 and sure[0].country:
            return sure[0].country, UNPLACED  # "Accra" (an ORG to the NER), "Greater Accra"
        return None
    if country is not None:
        return country.country, 1.5 * weight  # type: ignore[return-value]
    own = [c for c in cands if not c.loose and (c.main or c.kind != "city")]
    if own:
        top = max(c.population for c in own)
        main_top = max((c.population for c in own if c.main), default=0)
        # a hamlet of the same name abroad does not make a big city's own name ambiguous ("Sidon"); a sizeable
        # place known by this name as an alternate one does
        countries = {c.country for c in cands
                     if not c.loose and (c in own and not _hamlet_beside(c, main_top) or 2 * c.population >= top)}
        if len(countries) == 1 and own[0].country:
            return own[0].country, weight * (1.0 if any(_big(c) for c in own) else 0.5)
        if len(countries) > 1:
            return None
    other = [c for c in cands if not c.loose]  # known there only by an alternate name
    pool = other or list(cands)  # ... or only as a transliteration variant
    countries = {c.country for c in pool}
    if len(countries) != 1 or not pool[0].country:
        return None
    big = any(c.population >= OBVIOUS_CITY for c in pool)
    if big and other:
        return pool[0].country, weight  # "Al-Hasakeh": a big city's other name
    # a transliteration that drops the entry's article ("Shadadah" for "Ash Shaddadah") is a usual spelling;
    # one that drops a word of the text ("El Bouni" for "Bouni") or changes its letters is weaker
    usual = not other and any(len(name_key(c.name).split()) > len(name_key(m.text).split()) for c in pool)
    return pool[0].country, weight * (0.5 if big or other or usual or pool[0].population >= HAMLET else 0.25)


class Context:
    """Votes per mention, and the context each mention is scored against (the others' votes)."""

    def __init__(self, mentions: Sequence[Mention], exact: Sequence[Sequence[Candidate]], extra: Counter[str], text: str):
        self.keys = [name_key(m.text) for m in mentions]
        self.votes = [None if sponsor(text, m.end) else vote(m, cands) for m, cands in zip(mentions, exact, strict=True)]
        self.readings = [{c.country for c in cands if c.country} for cands in exact]
        self.extra = Counter({iso3: min(1.5, 0.5 * n) for iso3, n in extra.items()})
        self._cache: dict[str, dict[str, float]] = {}

    def others(self, idx: int) -> dict[str, float]:
        """The context of every name but mention ``idx``'s own."""
        votes: Counter[str] = Counter(self.extra)
        for k, v in zip(self.keys, self.votes, strict=True):
            if v is not None and k != self.keys[idx]:
                votes[v[0]] += v[1]
        return _normalise(votes)

    def revote(self, idx: int, m: Mention, cands: Sequence[Candidate]) -> None:
        """Mention ``idx`` now has only these readings."""
        self.votes[idx] = vote(m, cands)
        self._cache.clear()

    def overall(self) -> dict[str, float]:
        return self._for_key(None)

    def of(self, idx: int) -> dict[str, float]:
        """The context for mention ``idx``: the votes of every name, its own dropped when weak and contradicted."""
        return self._for_key(self.keys[idx])

    def _for_key(self, key: str | None) -> dict[str, float]:
        cache_key = "\0all" if key is None else key
        if cache_key in self._cache:
            return self._cache[cache_key]
        others: Counter[str] = Counter()
        own: Counter[str] = Counter()
        for k, v in zip(self.keys, self.votes, strict=True):
            if v is None:
                continue
            if k == key:  # the name itself counts once, however often it is repeated ("El Bouni (El Bouni)")
                own[v[0]] = max(own[v[0]], v[1])
            else:
                others[v[0]] += v[1]
        # only other place names overrule a name's own vote, and only names with no reading in its country
        # ("Kagara (Rafi LGA, Niger)": Niger is also a Nigerian state); demonyms are often foreign forces
        # ("Saudi forces [..] the capital Hadibu"): they add to the context
        against: Counter[str] = Counter()
        for k, v, countries in zip(self.keys, self.votes, self.readings, strict=True):
            if v is not None and k != key and not countries & set(own):
                against[v[0]] += v[1]
        overruled = bool(own) and self._overruled(own, against)
        others.update(self.extra)
        if own and not overruled:
            others.update(own)
        out = _normalise(others)
        self._cache[cache_key] = out
        return out

    @staticmethod
    def _overruled(own: Counter[str], others: Counter[str]) -> bool:
        """A weak vote of the name itself (a hamlet's, an alternate name's) that the other names contradict."""
        if not others or max(own.values()) >= OWN_VOTE:
            return False
        best = max(others.values())
        return best >= 0.5 and best > max(own.values()) and all(others.get(iso3, 0.0) < 0.25 * best for iso3 in own)


def _normalise(votes: Counter[str]) -> dict[str, float]:
    votes.pop("", None)
    votes = Counter({k: v for k, v in votes.items() if v > 0})
    if not votes:
        return {}
    best = max(votes.values())
    # relative to the article's main country, and absolute: one hamlet alone is weak evidence
    return {iso3: min(v / best, v / CONTEXT_FULL) for iso3, v in votes.items()}
