"""Resolve place mentions against the gazetteer, with the article's own context.

Order of evidence: exact and alternate names first, then fuzzy matches (misspellings) for mentions that
their context says are places. Among candidates, the score adds

* the kind of entry (a country name is a country; curated regions beat homonymous hamlets);
* the type word around the mention ("X district" wants an area, "village of X" a town);
* the article's country context: countries it names, names that exist in one country only, demonyms
  ("Kazakh" -> KAZ), and the mention's container ("Imam Sahib district, Kunduz": a candidate in or near
  Kunduz wins);
* population (the bigger place is the likelier one).

A fuzzy match is only taken when it agrees with the context or names a big place; otherwise the
mention stays unresolved with the reason, never a guess.

Before scoring, :mod:`newsprism.geo.refine` settles what the gazetteer can tell about the mentions themselves
(whole names cut at "of", "Town, State", "Northern Iraq", country-specific area words such as "LGA").
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Place, Span
from .boundaries import SITE_TOWN_MIN, join_adjacent, route_ends, split_run_on
from .build import lexicon_text
from .context import (
    CURATED,
    OBVIOUS_CITY,
    Context,
    area_fits,
    area_type_word,
    context_words,
    countries_in_names,
    numbered,
    organisation,
    typed_areas,
)
from .gazetteer import Candidate, Gazetteer, haversine_km, loose_key, name_key
from .mentions import Mention, words
from .refine import (
    ADMIN_AFTER_PLACE_FUZZY,
    area_word_context,
    areas_for_lone_countries,
    areas_of_contents,
    join_whole_names,
    refine,
    restrict_to_area_countries,
)

FUZZY_MIN = 85.0  # rapidfuzz ratio a misspelling needs on its own
FUZZY_MIN_IN_CONTEXT = 80.0  # ... and when the candidate is in the article's country or container
BIG_PLACE = 250_000  # a fuzzy match outside the article's countries must be at least this big ...
FUZZY_MIN_OUT_OF_CONTEXT = 92.0  # ... and this close
FUZZY_CLOSE = 94.0  # a one-letter variant ("Kokshetaou") of a town this big is taken when no country contradicts
FUZZY_CLOSE_POPULATION = 100_000
FUZZY_ADMIN = 92.0  # ... and a spelling variant of a first-level area (provinces are few and their names distinctive)
OBVIOUS_ALTERNATE = 250_000  # ... or this big when the name is only one of its alternate names
NEAR_KM = 150.0
OTHER_ADMIN1 = 1.5  # a town known to lie in another first-level area than the one the text puts it in
NO_POINT = 1.5
NO_POINT_AREA = 0.5
MAIN_NAME = 1.0  # an entry's own name beats a ten times bigger place's alternate name
SHORT_FORM = 0.5  # "Obregon" for "Ciudad Obregón": half an own name (a place called just that keeps more)
LOOSE = 0.8  # a transliteration variant ("Kuttaisi" ~ "Kutaisi") counts less than a spelling the entry has
JOINT_TOP = 15  # candidates per name tried when a container is chosen with its contents
JOINT_RATIO = 10  # ... and not for a town this many times smaller than its own choice
JOINT_SLACK = 1.0  # ... among those scoring within this of the container's own best
CUES = ("loc-prep", "strong-prep", "before", "type", "list", "dateline", "chain", "contained")
FOREIGN_MIN_POPULATION = 50_000  # smaller places outside the article's countries are not taken
FOREIGN_ALTERNATE_MIN_POPULATION = 250_000  # ... nor, by an alternate name only, places smaller than this
FOREIGN_TYPED_MIN_POPULATION = 500_000  # ... nor, for a name with a type word ("X township"), towns abroad
FOREIGN_HAMLET = 5_000  # ... and where the article's other countries are only hinted at, hamlets abroad are not taken


@dataclass
class _Choice:
    cand: Candidate
    score: float  # internal ranking score
    confidence: float  # 0-1, what Place.score reports
    fuzzy: float | None = None
    sure: bool = False  # as a container: a town whose own container agrees (its country is the text's word)


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    out = {}
    for line in lexicon_text("demonyms.v1.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            word, iso3 = line.split("\t")[:2]
            out[word.strip()] = iso3.strip()
    return out


def demonym_countries(tokens: Iterable[str]) -> Counter[str]:
    """Countries named by demonyms among ``tokens`` (all the article's tokens, in order): "Kazakh", "Kazakhs",
    "Afghan", and two-word ones before their last word alone ("South Sudanese" is not "Sudanese"); not a
    sponsor or maker ("Saudi-led coalition", "Russian-made")."""
    table = demonyms()
    sponsors = set(context_words()["sponsor_suffixes"])
    found: Counter[str] = Counter()
    words_ = [t for t in tokens if not t.isspace()]
    k = 0
    while k < len(words_):
        tok = words_[k]
        if not tok[:1].isupper() or (words_[k + 1:k + 2] == ["-"] and words_[k + 2:k + 3]
                                     and words_[k + 2].lower() in sponsors):
            k += 1
            continue
        if k + 1 < len(words_):
            pair = f"{tok} {words_[k + 1]}"
            iso3 = table.get(pair) or (table.get(pair[:-1]) if pair.endswith("s") else None)
            if iso3:
                found[iso3] += 1
                k += 2
                continue
        iso3 = table.get(tok) or (table.get(tok[:-1]) if tok.endswith("s") else None)
        if iso3:
            found[iso3] += 1
        k += 1
    return found


def resolve(mentions: list[Mention], gaz: Gazetteer, text: str, demonym_ctx: Counter[str]) -> list[Place]:
    """One :class:`Place` per distinct (name as written, resolution), with all its mentions."""
    mentions = split_run_on(join_adjacent(join_whole_names(mentions, gaz, text), gaz, text), gaz, text)
    route_ends(mentions, text)
    refine(mentions, gaz, text)
    exact = [_exact(m, gaz, text) for m in mentions]
    found = list(exact)  # every reading, for the reason of a name left unresolved
    restrict_to_area_countries(mentions, exact, text)
    ctx = Context(mentions, exact, demonym_ctx + countries_in_names(mentions, gaz) + area_word_context(text, mentions), text)
    for idx, m in enumerate(mentions):
        if len(exact[idx]) > 1 and (word := area_type_word(text, m.start, m.end)):
            # "Bolivar state" is Venezuela's, not Colombia's department (unless the other names say Colombia, or a
            # town written inside it lies in Colombia's: "Cartagena, Bolivar state")
            pinned = areas_of_contents(idx, mentions, exact)
            typed = typed_areas(exact[idx], word, {**ctx.others(idx), **pinned})
            fits = area_fits(typed, word)
            if typed != exact[idx] or fits:
                exact[idx] = typed
                # "Busia district": the district of that name says its country, for the town of that name too
                ctx.revote(idx, m, fits if len({c.country for c in fits}) == 1 and not pinned else typed)
        if exact[idx] and (numbered(text, m.end) or organisation(text, m.end)):
            # "Mine 6/7" is a numbered site, "the Meade company" a company: not a small town abroad
            others = ctx.others(idx)
            exact[idx] = tuple(c for c in exact[idx] if c.kind != "city" or c.population >= OBVIOUS_CITY
                               or others.get(c.country or "", 0.0) >= 0.5)
            ctx.revote(idx, m, exact[idx])
    first = [_choose(m, cands, gaz, ctx.of(k), None) for k, (m, cands) in enumerate(zip(mentions, exact, strict=True))]
    for idx, m in enumerate(mentions):  # a container is chosen together with what it contains
        heads = [k for k, h in enumerate(mentions) if h.container == idx and h.located and not h.subject and exact[k]]
        if heads and first[idx] is not None:
            first[idx] = _joint_container(m, exact[idx], [(mentions[k], exact[k]) for k in heads], ctx.of(idx), first[idx])
    final: list[_Choice | None] = list(first)
    done: set[int] = set()
    for idx in reversed(range(len(mentions))):  # outer areas first: "Miango (Bassa LGA, Plateau)"
        m = mentions[idx]
        box = _box_of(idx, mentions)
        if box is None:
            continue
        container = final[box] if box in done else first[box]
        outer = _outer(box, mentions, final, done)
        if container is None and outer is not None and not m.subject:
            # "Shewan area of Bala Buluk district, Farah": an unknown district still lies in the province after it
            # (when the article's other names agree on the province's country, and no big town of the name lies elsewhere)
            far = final[outer]
            if _outer_holds(far, exact[idx], ctx.of(idx), exact[outer]):  # type: ignore[arg-type]
                final[idx] = _choose(m, exact[idx], gaz, ctx.of(idx), far)
            done.add(idx)
            continue
        if container is not None and outer is not None and container.cand.country == final[outer].cand.country:  # type: ignore[union-attr]
            container = dataclasses.replace(container, sure=True)  # "Mandoli (Bandiagara, Mopti)"
        chained = m.cue in ("loc-prep", "strong-prep") and _comma_chain(text, m, mentions[box])
        if container is not None and not m.subject and chained:
            m.cue, m.label = "contained", None  # "near X, Y": the chain outweighs the NER's label
        if container is not None and m.cue in (None, "prep") and not m.subject:
            m.cue = "contained"  # "residents of Daret Azza in Aleppo" (but not "Merkel in Berlin said")
        if container is not None:
            final[idx] = _choose(m, exact[idx], gaz, ctx.of(idx), container)
        done.add(idx)
    resolved_lists = {m.list_id for m, c in zip(mentions, final, strict=True) if c is not None and m.list_id}
    for idx, m in enumerate(mentions):  # "Daret Azza in Aleppo": inside a resolved place, an unknown name is a place
        if final[idx] is None and m.cue is None and not m.subject and _in_resolved(idx, mentions, final):
            m.cue = "contained"
        anchor = _list_end(idx, mentions)
        if (final[idx] is None and not m.subject and m.cue in (None, "contained", "prep", "strong-prep", "loc-prep", "list")
                and _bracket_chain(text, mentions[anchor], mentions) and _in_resolved(anchor, mentions, final)):
            m.cue, m.label = "contained", None  # "attacked Wolkenau (Kigoma, Tanzania)": the brackets say where it is
            if m.list_id is not None:
                resolved_lists.add(m.list_id)  # "Wolkenau, Ndekoville and Mbarali Juu (Kigoma, Tanzania)"
    areas_for_lone_countries(final, exact, demonym_ctx)
    same_name: dict[str, _Choice] = {}
    for m, ch in zip(mentions, final, strict=True):
        if ch is not None:
            same_name.setdefault(name_key(m.text), ch)
    for idx, m in enumerate(mentions):  # one place per name in an article: a placey mention left open takes the other's
        if final[idx] is None and (m.placey or m.list_id in resolved_lists) and name_key(m.text) in same_name:
            final[idx] = same_name[name_key(m.text)]
    return _group(text, mentions, final, resolved_lists, found)


def _box_of(idx: int, mentions: list[Mention]) -> int | None:
    """The mention's container; list members share the container of the list's last member."""
    m = mentions[idx]
    box = m.container
    if box is None and m.list_id is not None:
        last = max(i for i, o in enumerate(mentions) if o.list_id == m.list_id)
        box = mentions[last].container
    return box if box != idx else None


def _outer(box: int, mentions: list[Mention], final: list[_Choice | None], done: set[int]) -> int | None:
    """The nearest resolved container around container ``box`` (already chosen: outer areas come first)."""
    seen = {box}
    nxt = _box_of(box, mentions)
    while nxt is not None and nxt not in seen and len(seen) < 4:
        if final[nxt] is not None and (nxt in done or _box_of(nxt, mentions) is None):
            return nxt
        seen.add(nxt)
        nxt = _box_of(nxt, mentions)
    return None


def _outer_holds(far: _Choice, cands: tuple[Candidate, ...], context: dict[str, float],
                 outer_cands: tuple[Candidate, ...]) -> bool:
    """An area two levels out ("X (unknown district, Province)") constrains X when its country is the article's
    and X is not the own name of a big town elsewhere ("Freetown city (Western Area Urban, Western)" is not in Sri
    Lanka's Western; "Kurla town (Mumbai Suburban, Maharashtra)" is not Korla, China, that also goes by "Kurla")."""
    iso3 = far.cand.country or ""
    big_elsewhere = any(c.kind == "city" and c.main and c.population >= OBVIOUS_CITY and c.country != iso3 for c in cands)
    # "Kagara (Rafi LGA, Niger)": the area's name has a reading in the name's own country (Niger, a Nigerian state)
    other_reading = {o.country for o in outer_cands if o.kind != "city"} & {c.country for c in cands} - {iso3}
    return context.get(iso3, 0.0) >= 0.5 and not big_elsewhere and not other_reading


def _list_end(idx: int, mentions: list[Mention]) -> int:
    """The last member of the list the mention is in (the one a following container is linked to), else itself."""
    list_id = mentions[idx].list_id
    if list_id is None:
        return idx
    return max(i for i, o in enumerate(mentions) if o.list_id == list_id)


def _bracket_chain(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """ "X (Y, Z)", "X village (Y": the name's container opens a bracket right after it."""
    if m.container is None:
        return False
    between = text[m.end:mentions[m.container].start]
    return 0 < len(between) <= 25 and between.rstrip().endswith("(") and between.count("(") == 1 and not any(
        ch in between for ch in ").;\n")


def _comma_chain(text: str, m: Mention, box: Mention) -> bool:
    """ "X, Y" or "X (Y": the container follows the name directly, after a comma or a bracket."""
    return m.end < box.start and text[m.end:box.start].strip() in (",", "(") and m.label not in ("PERSON",)


def _joint_container(
    m: Mention, cands: tuple[Candidate, ...], heads: list[tuple[Mention, tuple[Candidate, ...]]],
    context: dict[str, float], chosen: _Choice,
) -> _Choice:
    """The container's candidate that best fits it and its contents together ("San Jose (San Jose)",
    "Tijuana, Baja California"), among those as good as its own choice could be on their own."""
    own = sorted(((_score(m, c, context, None), c) for c in cands), key=lambda t: -t[0])[:JOINT_TOP]
    floor = chosen.score - JOINT_SLACK
    best: tuple[float, Candidate] | None = None
    for sc, ct in own:
        if sc < floor or _foreign(ct, context) or _much_smaller(ct, chosen.cand):
            continue
        box = _Choice(ct, sc, chosen.confidence)
        total = sc + sum(
            max(_score(h, ch, context, box) for ch in sorted(hc, key=lambda c: -c.population)[:JOINT_TOP]) for h, hc in heads
        )
        if best is None or total > best[0]:
            best = (total, ct)
    if best is None or best[1].pid == chosen.cand.pid:
        return chosen
    return _Choice(best[1], _score(m, best[1], context, None), chosen.confidence)


def _much_smaller(c: Candidate, chosen: Candidate) -> bool:
    """ "a hamlet, Y": a hamlet inside does not move a container to a town ten times smaller."""
    return c.kind == "city" and c.population * JOINT_RATIO < chosen.population


def _in_resolved(idx: int, mentions: list[Mention], final: list[_Choice | None]) -> bool:
    seen = set()
    k = mentions[idx].container
    while k is not None and k not in seen:
        if final[k] is not None:
            return True
        seen.add(k)
        k = mentions[k].container
    return False


def _exact(m: Mention, gaz: Gazetteer, text: str) -> tuple[Candidate, ...]:
    """Exact candidates; "Volga region" as a whole first (then the mention grows to include its type word)."""
    if not _lookup_ok(m) or m.cue == "currency":
        return ()
    if m.lookup_as:  # "Northern Iraq" -> "Iraq", "Khutir Vilny" -> "Vilny"
        return gaz.lookup(m.lookup_as)
    if m.text.isupper() and len(m.text) <= 5 and m.cue != "dateline":  # acronyms name countries ("UAE", "DRC"),
        # not hamlets; a dateline's capitals are a city's name ("KABUL, March 3", "LAGOS (Reuters)")
        return tuple(c for c in gaz.lookup(m.text) if c.kind in CURATED)
    if m.typed_end is not None:
        named = text[m.end:m.typed_end].strip()[:1].isupper()  # "Gaza City" (a name: Gaza's), not "Hyderabad city"
        whole = tuple(c for c in gaz.lookup(text[m.start:m.typed_end])  # "Guatemala City"
                      if c.kind != "city" or c.main or named and name_key(c.name) == name_key(m.text))
        if whole:
            m.end, m.text, m.typed_end = m.typed_end, text[m.start:m.typed_end], None
            return whole
    found = gaz.lookup(m.text)
    if m.hint == "site" and not found:
        return _site_town(m, gaz)
    if not found and (numbered := re.match(words()["numbered_site_pattern"], m.text)):  # "X-4": a numbered mine of X
        return tuple(c for c in gaz.lookup(numbered.group(1)) if c.kind == "city" and c.main)
    return found


def _named_site(m: Mention) -> bool:
    """ "Kutaisi Airbase" (that the NER calls an organisation): a site word after a town's name."""
    parts = m.text.split()
    return m.hint == "site" and len(parts) > 1 and parts[-1].lower() in set(words()["site_words"])


def _site_town(m: Mention, gaz: Gazetteer) -> tuple[Candidate, ...]:
    """ "Donetsk Airport", "Donetsk Filtration Station": a site named after its town is placed at the town."""
    site_words = set(words()["site_words"])
    parts = m.text.split()
    while len(parts) > 1 and parts[-1].lower() in site_words:
        parts.pop()
    if len(parts) == len(m.text.split()):
        return ()
    return tuple(c for c in gaz.lookup(" ".join(parts)) if c.kind == "city" and c.population >= SITE_TOWN_MIN)


def _lookup_ok(m: Mention) -> bool:
    if m.text.isupper() and len(m.text) <= 5 and m.label not in ("GPE", "LOC"):
        return m.cue is not None or m.label is None  # acronyms: "UAE" yes, "NAF" only as a country
    return True


def _score(m: Mention, c: Candidate, context: dict[str, float], container: _Choice | None) -> float:
    s = CURATED.get(c.kind, 0.0)
    hint = m.hint
    if c.kind in ("admin1", "admin2"):
        s += 1.0 + (1.5 if hint == "admin" and c.kind == "admin1" else 1.2 if hint == "admin" else 0.0)
        s += 0.8 if hint == "district" and c.kind == "admin2" else 0.0
        s -= 1.0 if hint in ("town", "site") else 0.0
        s += 0.4 * max(0.0, 5.0 - math.log10(c.population + 1))  # an area counts as at least 100,000 people
    elif c.kind == "city":
        s += 1.1 + (1.0 if hint in ("town", "district", "site") else 0.0)
        s -= 1.0 if hint == "admin" and m.cue == "type" else 0.0  # "Lara state" is the state
    if c.main:
        s += MAIN_NAME
    elif _short_form(m.text, c.name):
        s += SHORT_FORM
    if c.loose:
        s -= LOOSE
    if c.lat is None:  # an entry with no coordinates helps less than one with them
        s -= NO_POINT_AREA if c.kind in ("admin1", "admin2") else NO_POINT
    s += 0.4 * math.log10(c.population + 1)
    if c.country:
        s += 3.0 * context.get(c.country, 0.0)
    if container is not None:
        s += _container_bonus(c, container.cand)
    return s


def _short_form(written: str, name: str) -> bool:
    """ "Valle" for "Valle de Bravo", "Obregon" for "Ciudad Obregón": the everyday short
    form of a compound name counts as the entry's own name."""
    key, full = name_key(written), name_key(name)
    if not key or len(key) < 4 or key == full:
        return False
    short = words()["short_form_words"]
    if full.startswith(key + " "):  # "Valle de Bravo": cut before "de"
        return full[len(key):].split()[0] in short
    if full.endswith(" " + key):  # "Ciudad Obregón": only the leading word dropped
        return full[: -len(key)].strip() in short
    return False


def _container_bonus(c: Candidate, cont: Candidate) -> float:
    if c.pid == cont.pid:
        return 1.0  # "Hyderabad city (Hyderabad, TS)": the second names the district around the first
    bonus = 0.0
    if cont.country and c.country == cont.country:
        bonus += 2.0
    if c.admin1 and cont.kind in ("admin1", "region", "city") and name_key(c.admin1) == name_key(cont.admin1 or cont.name):
        bonus += 2.0
    elif c.admin1 and cont.kind == "admin1" and c.country == cont.country:
        bonus -= OTHER_ADMIN1  # "Springfield, Illinois": not a Springfield known to lie in another state
    if None not in (c.lat, c.lon, cont.lat, cont.lon) and cont.kind != "country":
        if haversine_km(c.lat, c.lon, cont.lat, cont.lon) <= NEAR_KM:  # type: ignore[arg-type]
            bonus += 2.0
    return bonus


def _choose(
    m: Mention,
    cands: tuple[Candidate, ...],
    gaz: Gazetteer,
    context: dict[str, float],
    container: _Choice | None,
) -> _Choice | None:
    w = words()
    if m.label in ("PERSON", "ORG", "NORP") and m.cue not in CUES and not _named_site(m):
        cands = tuple(c for c in cands if c.kind in CURATED)  # with no place cue, a "person" is a place only if a country
    if cands:
        pops = gaz.country_population  # equal scores ("North East": a region of several countries): the bigger country
        scored = sorted(((_score(m, c, context, container), c) for c in cands),
                        key=lambda t: (-round(t[0], 6), t[1].kind != "city", -pops.get(t[1].country or "", 0)))
        if not m.located and not _obvious(scored[0][1], context, w, m):
            return None
        ok = [(sc, c) for sc, c in scored
              if not _foreign(c, context, m) and not _outside(c, container) and not _stray_variant(c, context, container, m)
              and not _small_site_town(m, c, context, container) and not _named_like_town(m, c, cands, context, container)]
        if not ok:
            return None  # the only entries of this name lie outside the countries or the area the text puts it in
        best_score, best = ok[0]
        second = ok[1][0] if len(ok) > 1 else best_score - 4.0
        confidence = min(1.0, 0.55 + 0.1 * (best_score - second)) * (1.0 if best.main else 0.95)
        return _Choice(best, best_score, round(max(confidence, 0.3), 3))
    if not m.placey or len(name_key(m.text)) < 4:
        return None
    if m.label in ("PERSON", "ORG", "NORP") and m.cue not in ("before", "type", "list"):
        return None
    options = []
    initial = name_key(m.text)[:1]
    for c, ratio, key in gaz.fuzzy_keys(m.text, 78.0):
        if key[:1] != initial and loose_key(key)[:1] != initial:  # "Qusair" ~ "Al Qusair": the loose key drops the article
            continue  # a misspelling keeps its first letter ("Arytau" is not "Sarytau", Saratov)
        in_context = bool(c.country and (context.get(c.country, 0) >= 0.5 or (container and container.cand.country == c.country)))
        if ratio < (FUZZY_MIN_IN_CONTEXT if in_context else FUZZY_MIN):
            continue
        if container is not None and container.cand.country and c.country != container.cand.country:
            continue  # a misspelling inside a container lies in the container's country
        if container is not None and c.kind == "city" and not _near_container(c, container.cand):
            continue  # ... and in or near the container (not a namesake 800 km away)
        if not in_context and (c.population < BIG_PLACE or ratio < FUZZY_MIN_OUT_OF_CONTEXT) and not (
            (ratio >= FUZZY_CLOSE and c.population >= FUZZY_CLOSE_POPULATION or c.kind == "admin1" and ratio >= _fuzzy_admin(m))
            and len(key) >= 5 and not _clear_elsewhere(c, context)
        ):  # a province spelled one letter apart
            continue
        options.append((_score(m, c, context, container) + (ratio - 100) / 5, c, ratio))
    if not options:
        return None
    options.sort(key=lambda t: -t[0])
    score, best, ratio = options[0]
    rivals = [r for _, c, r in options[1:] if c.kind in ("admin1", "admin2") and c.name != best.name and r > ratio - 1.5]
    if best.kind in ("admin1", "admin2") and rivals and not in_context_of(best, context, container):
        return None  # as close to one province as to another, out of context -- not a guess
    return _Choice(best, score, round(0.9 * ratio / 100, 3), fuzzy=ratio)


def _fuzzy_admin(m: Mention) -> float:
    """ "San Juan de los Cerritos, San Luis de Potosi": a first-level area written after a place takes a looser spelling."""
    return ADMIN_AFTER_PLACE_FUZZY if m.chain_tail and m.hint == "admin" and m.cue == "chain" else FUZZY_ADMIN


def _near_container(c: Candidate, cont: Candidate) -> bool:
    """In the container's first-level area, or within NEAR_KM of its point (when either is known)."""
    if cont.kind == "country":
        return True
    if c.admin1 and cont.kind in ("admin1", "region") and name_key(c.admin1) == name_key(cont.admin1 or cont.name):
        return True
    if None in (c.lat, c.lon, cont.lat, cont.lon):
        return cont.kind not in ("admin1", "region") or not c.admin1
    return haversine_km(c.lat, c.lon, cont.lat, cont.lon) <= NEAR_KM  # type: ignore[arg-type]


def in_context_of(c: Candidate, context: dict[str, float], container: _Choice | None) -> bool:
    return bool(c.country and (context.get(c.country, 0) >= 0.5 or (container and container.cand.country == c.country)))


def _clear_elsewhere(c: Candidate, context: dict[str, float]) -> bool:
    """The article clearly names a country, and it is not this candidate's."""
    return bool(context) and max(context.values()) >= 0.99 and context.get(c.country or "", 0.0) < 0.5


def _outside(c: Candidate, container: _Choice | None) -> bool:
    """Outside the country of a container that is an area (or a big town) the text names with certainty."""
    if container is None or (container.fuzzy is not None and not container.sure) or container.cand.country in (None, c.country):
        return False
    return container.cand.kind != "city" or container.cand.population >= OBVIOUS_CITY or container.sure


def _foreign(c: Candidate, context: dict[str, float], m: Mention | None = None) -> bool:
    """A small place in a country the article does not otherwise name, while it clearly names another (a place
    known by that name only as an alternate name counts as small up to a bigger size: "Komo" is not Como; a town
    read for a name with a type word, "Kani township" in an article on Myanmar, up to a city of half a million)."""
    if not context or c.kind in CURATED or c.kind == "admin1" or not c.country:
        return False
    strength = max(context.values())
    if strength >= 0.99:
        big = FOREIGN_MIN_POPULATION if c.main else FOREIGN_ALTERNATE_MIN_POPULATION
        if m is not None and m.cue == "type" and c.kind == "city":
            big = max(big, FOREIGN_TYPED_MIN_POPULATION)
    elif strength >= 0.5:  # weaker evidence (one demonym, one hamlet's name) still outweighs a foreign hamlet
        big = FOREIGN_HAMLET
    else:
        return False
    return c.population < big and context.get(c.country, 0.0) < 0.25


def _obvious(c: Candidate, context: dict[str, float], w: dict[str, object], m: Mention) -> bool:
    """A capitalised name with no place cue is taken only when it can hardly be anything else."""
    if m.text.lower() in w["never_alone"]:  # type: ignore[operator]
        return False
    if c.kind in CURATED or c.kind == "admin1":
        return True
    in_context = c.population >= 20_000 and context.get(c.country or "", 0) >= 0.5
    if not (c.main or _short_form(m.text, c.name) or in_context) and c.population < OBVIOUS_ALTERNATE:
        return False  # "Workers' Day" does not name Dayton, whose other names include "Day"
    return c.kind == "city" and (c.population >= OBVIOUS_CITY or in_context)


def _group(text: str, mentions: list[Mention], choices: list[_Choice | None], resolved_lists: set[int | None],
           found: list[tuple[Candidate, ...]]) -> list[Place]:
    first: dict[tuple[str, str], Place] = {}
    spans: dict[tuple[str, str], list[Span]] = {}
    for m, ch, cands in zip(mentions, choices, found, strict=True):
        if ch is None:
            if not (m.placey or m.list_id in resolved_lists):
                continue
            key = (name_key(m.text), "?")
            place = Place(name=m.text, resolved=False, reason=_reason(m, cands))
        else:
            c = ch.cand
            key = (name_key(m.text), c.gid)
            precision = c.precision
            if c.kind == "city" and m.hint in ("district", "admin"):
                precision = 2  # "X district": the district named after its seat
            place = Place(
                name=m.text, resolved=True, resolved_name=c.name, country=c.country, country_name=c.country_name,
                admin1=c.admin1, latitude=c.lat, longitude=c.lon, precision=precision, gazetteer_id=c.gid,
                score=ch.confidence, kind=c.kind,
            )
        first.setdefault(key, place)
        spans.setdefault(key, []).append(Span.of(text, m.start, m.end))
    out = [dataclasses.replace(place, mentions=spans[key]) for key, place in first.items()]
    return sorted(out, key=lambda p: p.mentions[0].start)


def _reason(m: Mention, cands: tuple[Candidate, ...]) -> str:
    if m.hint == "site":
        return "a site (street, square, building) that the gazetteer does not list"
    if cands:
        seen = ", ".join(sorted({f"{c.name} ({c.country or c.kind})" for c in cands[:3]}))
        return (f"the gazetteer's places of this name ({seen}) are small or partial matches outside the countries "
                "and the area the text puts it in: not a guess")
    return "not in the gazetteer: no exact name, and no close spelling in the article's countries or among big places"


def _stray_variant(c: Candidate, context: dict[str, float], container: _Choice | None, m: Mention | None = None) -> bool:
    """A transliteration variant only ("Naameh" ~ "Namur"), of a town outside the article's countries and not big;
    or, whatever its size, one that drops a word of the text ("el Mina" ~ "Minna"); or an area spelled
    otherwise in another country than the one the article clearly names (the surname "Bittel" ~ North Macedonia's Butel)."""
    if not c.loose or in_context_of(c, context, container):
        return False
    if c.kind in ("admin1", "admin2"):  # "Bangu" in Rio is not Bangui, "Misseriya" not Missouri; but an area the
        # text writes as one ("Ninewa province", "(Jowhar, Middle Shabelle)") is one
        return _clear_elsewhere(c, context) and not (m is not None and (m.chain_tail or m.cue in ("type", "chain")))
    if c.kind != "city":
        return False
    partial = m is not None and len(name_key(m.text).split()) > len(name_key(c.name).split())
    return partial or c.population < OBVIOUS_CITY


def _small_site_town(m: Mention, c: Candidate, context: dict[str, float], container: _Choice | None) -> bool:
    """ "the Ring bridge", "the Banks building": a site is placed at a town of its name only if the town is big
    or in the article's countries (as for "Donetsk Airport")."""
    return (m.hint == "site" and m.cue == "type" and c.kind == "city" and c.population < SITE_TOWN_MIN
            and not in_context_of(c, context, container))


def _named_like_town(m: Mention, c: Candidate, cands: tuple[Candidate, ...], context: dict[str, float],
                     container: _Choice | None) -> bool:
    """ "Vargas state" names an area: a small town of that name abroad is not it (when no area of that name is known)."""
    if c.kind != "city" or c.population >= OBVIOUS_CITY or in_context_of(c, context, container):
        return False
    return m.hint == "admin" and m.cue == "type" and not any(o.kind != "city" for o in cands)
