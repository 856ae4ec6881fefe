"""Place mentions refined once the gazetteer can be asked, before :mod:`newsprism.geo.resolve` resolves them.

* A name cut at "of" or "and" that the gazetteer holds whole is one name ("Port of Spain", "Trinidad and
  Tobago", "Kohgiluyeh and Boyer-Ahmad" that it lists as "Kohgiluyeh va ..."), not a name and its container
  ("Port" in "Spain") or two names.
* A people's word hyphened to a place's name ("the Nagorno Karabakh-Azerbaijani frontline") is not part of it.
* Compass words before a country's name ("Northern Iraq", "North-West Syria") name a part of that country: the
  mention is looked up as the country (the name as written is kept).
* A settlement word at the head of a name the gazetteer lacks ("Khutir Vilnyi", a farmstead) is looked up without it.
* "Town, State": a first-level area written after a place and a comma ("Los Angeles Tetela, Puebla", "San Juan de
  los Cerritos, San Luis de Potosi") contains the place, even where the NER took the area for a person or the
  subject of the sentence; a spelling variant of the area's name counts when it is close.
* The name a typed area lies in, or a name in a bracket right after a place, is an area: "Khabb district (Al
  Jawf)" is the governorate, not a town of that name abroad.
* Area types that only one or two countries use (``lexicons/area_countries.v1.tsv``: "Rafi LGA (Niger)", "the
  partido of La Matanza", "barangay X") say the article's country, and where the typed name and the areas
  written around it are looked for ("Niger" there is Niger State, Nigeria, not the country Niger).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .boundaries import join_pair, reindexed
from .build import lexicon_text
from .gazetteer import Candidate, Gazetteer, name_key
from .mentions import NOT_PLACE_LABELS, Mention, strip_type_word, words

ADMIN_AFTER_PLACE_FUZZY = 88.0  # a spelling variant of a first-level area after "Town, " ("San Luis de Potosi")
PINNING_TOWN = 20_000  # a town this big, written inside an area, says which of the areas of that name it is
_JOINERS = {"of": "any", "and": "area", "&": "area"}  # "Port of Spain" (any kind); "Trinidad and Tobago" (areas only)
# (neighbours parted by a space only are joined when the whole is a town of the area written after them)
_AFTER_AREA = ",.;:)(\n—–"  # what may follow an area name ending "Town, State" (not "in Kabul, Victoria said")


def join_whole_names(mentions: list[Mention], gaz: Gazetteer, text: str) -> list[Mention]:
    """ "Port" + "of" + "Spain", "Trinidad" + "and" + "Tobago": neighbours the gazetteer knows as one name (its own
    name, not an alternate one) are one mention; so are "Los Angeles" + "Tetela" before ", Puebla" where the
    gazetteer has a Los Angeles Tetela in Puebla."""
    out: list[Mention] = []
    new_index: dict[int, int] = {}
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        joiner = _JOINERS.get(text[m.end:nxt.start].strip().lower()) if nxt is not None else None
        if nxt is not None and text[m.end:nxt.start] == " ":
            joiner = "in-area"  # "Los Angeles" "Tetela", Puebla: a town of that whole name in the area written after it
        if (nxt is not None and joiner is not None and re.fullmatch(r" (?:\S+ )?", text[m.end:nxt.start])
                and m.cue != "currency" and nxt.cue != "currency"):
            whole = text[m.start:nxt.end]
            area = mentions[i + 2] if joiner == "in-area" and i + 2 < len(mentions) else None
            if area is not None and text[nxt.end:area.start].strip() != ",":
                area = None
            lookup_as = _local_and(m, nxt, gaz) if joiner == "area" and not gaz.lookup(whole) else None
            # an area may be known whole under another of its names ("Kohgiluyeh and Boyer-Ahmad", the gazetteer's
            # "and" form of "Kohgīlūyeh va Bowyer Aḩmad"); a town or "Trinidad and Tobago" only under its own
            if lookup_as or any((c.main or joiner == "area") and (joiner == "any" or joiner == "area" and c.kind != "city"
                                            or area is not None and name_key(c.admin1 or "") == name_key(area.text))
                                for c in gaz.lookup(whole)):
                new_index[i] = new_index[i + 1] = len(out)
                out.append(join_pair(m, nxt, whole, chain_tail=m.chain_tail, lookup_as=lookup_as,
                                     label=m.label if m.label == nxt.label else None,
                                     list_id=m.list_id if m.list_id == nxt.list_id else None))
                i += 2
                continue
        new_index[i] = len(out)
        out.append(m)
        i += 1
    if len(out) == len(mentions):
        return mentions
    return reindexed(out, new_index)


def _local_and(m: Mention, nxt: Mention, gaz: Gazetteer) -> str | None:
    """ "Kohgiluyeh and Boyer-Ahmad": the area's name with the local word for "and" ("Kohgiluyeh va Boyer-Ahmad",
    "Khabb wa ash Shaaf") as the gazetteer lists it."""
    for word in words()["and_words"]:
        variant = f"{m.text} {word} {nxt.text}"
        if any(c.kind != "city" for c in gaz.lookup(variant)):
            return variant
    return None


def refine(mentions: list[Mention], gaz: Gazetteer, text: str) -> None:
    """Look-up names, containers and area hints that the gazetteer settles (see the module's docstring)."""
    _subject_after_comma(mentions, gaz, text)
    _look_up_as(mentions, gaz)
    _demonym_tails(mentions, gaz)
    _admin_after_place(mentions, gaz, text)
    _area_containers(mentions, text)


def _subject_after_comma(mentions: Sequence[Mention], gaz: Gazetteer, text: str) -> None:
    """ "In Kabul, Victoria said ...": a name after "Town, " that a verb follows is the subject of the clause, not
    the area the town lies in ("in San Carlos, Sonora, two men ..." is; so is "Baker of Columbia, South Carolina
    says", where the gazetteer puts a Columbia in South Carolina)."""
    for m in mentions:
        if m.container is None or text[m.end:mentions[m.container].start].strip() != ",":
            continue
        box = mentions[m.container]
        after = text[box.end:box.end + 30].lstrip(" ")
        if (box.subject and after[:1].islower() and box.cue == "chain" and not box.expansions
                and not _town_of_area([m], box.text, gaz)):
            m.container = None
            box.cue, box.chain_tail = None, False
            if box.hint == "admin":
                box.hint = None


def _look_up_as(mentions: Sequence[Mention], gaz: Gazetteer) -> None:
    w = words()
    directions = set(w["direction_words"])
    prefixes = set(w["settlement_prefixes"])
    for m in mentions:
        parts = m.text.split()
        if m.lookup_as or m.cue == "currency" or len(parts) < 2 or gaz.lookup(m.text):
            continue
        k = 0
        while k < len(parts) - 1 and all(p in directions for p in parts[k].lower().split("-")):
            k += 1
        rest = " ".join(parts[k:])
        if k and any(c.kind == "country" and c.main for c in gaz.lookup(rest)):
            m.lookup_as = rest  # "Northern Iraq", "North-West Syria": a part of the country (by its own name: "Central
            # America" is not the United States)
        elif parts[0].lower() in prefixes and m.located and gaz.lookup(" ".join(parts[1:])):
            m.lookup_as = " ".join(parts[1:])  # "Khutir Vilny"


def _demonym_tails(mentions: Sequence[Mention], gaz: Gazetteer) -> None:
    """ "the Nagorno Karabakh-Azerbaijani frontline", "the Kashmir-Pakistani border": a people's word joined to a
    place's name by a hyphen is the other side of a line, not part of the name; the mention ends at the hyphen."""
    from .resolve import demonyms

    table = demonyms()
    for m in mentions:
        head, dash, tail = m.text.rpartition("-")
        if not dash or not head or m.lookup_as or gaz.lookup(m.text):
            continue
        if (tail in table or tail.endswith("s") and tail[:-1] in table) and any(
                c.kind != "city" or c.main for c in gaz.lookup(head)):
            m.end, m.text = m.start + len(head), head
            m.typed_end = None


def _admin_after_place(mentions: list[Mention], gaz: Gazetteer, text: str) -> None:
    """ "in San Carlos Nuevo Guaymas, Sonora, two men": the first-level area after the comma contains the place
    (and the names run on before it, that the NER cut in two)."""
    type_words = words()["admin_words"]
    for idx in range(1, len(mentions)):
        m, prev = mentions[idx], mentions[idx - 1]
        if m.cue in ("type", "before", "dateline", "currency") or m.expansions or m.lookup_as:
            continue
        between = text[prev.end:m.start]
        after = text[m.end:m.end + 3].lstrip(" ")
        if strip_type_word(between, type_words).strip() != "," or "\n" in between or (after and after[0] not in _AFTER_AREA):
            continue
        anchors = _run_before(mentions, idx - 1, text)
        if not any(a.located for a in anchors):
            continue
        area, lookup_as = _first_level_area(m.text, gaz)
        if not area or m.list_id is not None and not _town_of_area(anchors, lookup_as or m.text, gaz):
            continue  # "primaries in California, New Jersey, New Mexico and South Dakota": a list of areas
        m.cue, m.hint, m.subject, m.chain_tail, m.lookup_as = "chain", "admin", False, True, lookup_as
        if m.label in NOT_PLACE_LABELS:
            m.label = None  # "San Luis de Potosi" is no person
        for a in anchors:
            if a.container is None:
                a.container = idx


def _town_of_area(anchors: Sequence[Mention], area: str, gaz: Gazetteer) -> bool:
    """One of the names before the area is the own name of a town the gazetteer puts in that area ("San Pedro,
    California, and Fairfax County": a town and its state in a list of places)."""
    names = {name_key(c.admin1 or c.name) for c in gaz.lookup(area) if c.kind == "admin1"}
    return any(c.kind == "city" and c.main and not c.loose and name_key(c.admin1 or "") in names
               for a in anchors for c in gaz.lookup(a.text))


def _run_before(mentions: Sequence[Mention], idx: int, text: str) -> list[Mention]:
    """The mention ``idx`` and the names right before it that only a space parts from it ("San Carlos" "Nuevo
    Guaymas": one name the NER cut in two)."""
    run = [mentions[idx]]
    while idx > 0 and text[mentions[idx - 1].end:mentions[idx].start] == " " and len(run) < 3:
        idx -= 1
        run.append(mentions[idx])
    return run


def _first_level_area(name: str, gaz: Gazetteer) -> tuple[bool, str | None]:
    """A first-level area's name, the name without a connector ("San Luis de Potosi": "San Luis Potosí"; returned as
    the name to look up), or a close spelling of one (same first letter) that no other area's is as close to."""
    known = gaz.lookup(name)
    if any(c.kind == "admin1" for c in known):
        return True, None
    if known:
        return False, None  # a name the gazetteer knows as something else ("Lagos, Nigeria") is no misspelt area
    parts = name.split()
    connectors = words()["connectors"]
    for k in range(1, len(parts) - 1):
        if parts[k].lower() in connectors:
            variant = " ".join(parts[:k] + parts[k + 1:])
            if any(c.kind == "admin1" and c.main for c in gaz.lookup(variant)):
                return True, variant
    key = name_key(name)
    if len(key) < 5:
        return False, None
    close = [(ratio, c.name) for c, ratio, k in gaz.fuzzy_keys(name, ADMIN_AFTER_PLACE_FUZZY)
             if c.kind == "admin1" and k[:1] == key[:1]]
    if not close:
        return False, None
    best = max(r for r, _ in close)
    return len({n for r, n in close if r > best - 1.5}) == 1, None


def _area_containers(mentions: Sequence[Mention], text: str) -> None:
    """ "Khabb district (Al Jawf)", "X LGA, Y", "X (Y)": the name around a typed area, or in a bracket right after
    a place, is an area (its 'admin' hint prefers the governorate to a town of that name abroad)."""
    for m in mentions:
        if m.container is None:
            continue
        box = mentions[m.container]
        if box.hint is not None or box.cue in ("type", "before") or box.expansions:
            continue
        typed_area = m.hint in ("district", "admin") and m.cue in ("type", "before")
        in_bracket = (text[m.typed_end or m.end:box.start].strip() == "(" and text[box.end:box.end + 1] == ")"
                      and m.located)
        if typed_area or in_bracket:
            box.hint = "admin"


@functools.lru_cache(maxsize=1)
def area_countries() -> dict[str, tuple[str, ...]]:
    """Area type words of one or two countries ("lga" -> NGA, AUS)."""
    out = {}
    for line in lexicon_text("area_countries.v1.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            word, codes = (part.strip() for part in line.split("\t")[:2])
            out[word.lower()] = tuple(code.strip() for code in codes.split(","))
    return out


@functools.lru_cache(maxsize=1)
def _area_word_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Any area word; one right after a name; one right before it ("partido of", "barangay")."""
    words_ = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(area_countries(), key=len, reverse=True))
    return (re.compile(rf"(?<![\w-])({words_})(?![\w-])", re.IGNORECASE),
            re.compile(rf"\s+({words_})(?![\w-])", re.IGNORECASE),
            re.compile(rf"(?<![\w-])({words_})\s+(?:of\s+(?:the\s+)?)?$", re.IGNORECASE))


def _countries_of(word: str) -> tuple[str, ...]:
    return area_countries().get(" ".join(word.lower().split()), ())


def area_word_context(text: str, mentions: Sequence[Mention] = ()) -> Counter[str]:
    """The countries the article's country-specific area words name, each use of a word that types a name
    ("Rafi LGA", "barangay Pahug", "the partido of X"); not where the word is a place's name itself, a mention
    ("Mandal" in Norway)."""
    found: Counter[str] = Counter()
    for match in _area_word_res()[0].finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        named_before = re.search(r"[A-Z][\w'-]*\)?,?\s+$", text[max(0, match.start() - 40):match.start()])
        named_after = re.match(r"\s+(?:of\s+(?:the\s+)?)?[A-Z]", text[match.end():match.end() + 15])
        if not (named_before or named_after):
            continue  # "flights at LGA" (an airport), "the LGA chairman": no area named
        for iso3 in _countries_of(match.group(1)):
            found[iso3] += 1
    return found


def area_word_countries(text: str, m: Mention) -> tuple[str, ...]:
    """The countries of a country-specific area word right after the name ("Rafi LGA") or right before it ("the
    partido of La Matanza", "barangay Pahug")."""
    _, after, before = _area_word_res()
    match = after.match(text, m.end) or before.search(text[max(0, m.start - 40):m.start])
    return _countries_of(match.group(1)) if match else ()


def restrict_to_area_countries(mentions: Sequence[Mention], exact: list[tuple[Candidate, ...]], text: str) -> None:
    """A name typed by a country-specific area word is looked for in that word's countries (no reading elsewhere:
    "the partido of La Matanza" is no hamlet in Peru), and so are the areas it lies in when they have a reading
    there ("Rafi LGA (Niger)": Niger State)."""
    for idx, m in enumerate(mentions):
        countries = area_word_countries(text, m)
        if not countries:
            continue
        exact[idx] = tuple(c for c in exact[idx] if c.country in countries)
        seen = {idx}
        box = m.container
        while box is not None and box not in seen:
            inside = tuple(c for c in exact[box] if c.country in countries)
            if inside:
                exact[box] = inside
            seen.add(box)
            box = mentions[box].container


def areas_of_contents(idx: int, mentions: Sequence[Mention], exact: Sequence[tuple[Candidate, ...]]) -> dict[str, float]:
    """Countries of the areas named by mention ``idx`` that a sizeable town written inside it lies in ("Cartagena,
    Bolivar state": Colombia's Bolívar, whatever the type word says), as full-weight context for that choice."""
    names = {(c.country, name_key(c.name)) for c in exact[idx] if c.kind in ("admin1", "admin2")}
    out: dict[str, float] = {}
    for k, inner in enumerate(mentions):
        if inner.container != idx or k == idx:
            continue
        for c in exact[k]:
            if c.kind == "city" and c.main and c.population >= PINNING_TOWN and (c.country, name_key(c.admin1 or "")) in names:
                out[c.country or ""] = 1.0
    return out


def areas_for_lone_countries(final: list[Any], exact: Sequence[Sequence[Candidate]], demonym_ctx: Counter[str]) -> None:
    """ "Georgia Gov. Brian Kemp" in an article on Atlanta: a name read as a country that nothing else in the article
    is in (no other place, no people's word) is the first-level area of that name that holds a town the article
    names ("Georgia", the state Atlanta lies in). ``final``: the resolver's choices (with ``cand``), changed in place."""
    for idx, ch in enumerate(final):
        if ch is None or ch.cand.kind != "country" or demonym_ctx.get(ch.cand.country or "", 0):
            continue
        towns = [c.cand for k, c in enumerate(final) if k != idx and c is not None and c.cand.kind != "country"]
        if any(t.country == ch.cand.country for t in towns):
            continue
        area = next((a for a in exact[idx] if a.kind == "admin1" and any(
            t.country == a.country and t.admin1 and name_key(t.admin1) == name_key(a.name) for t in towns)), None)
        if area is not None:
            final[idx] = dataclasses.replace(ch, cand=area)
