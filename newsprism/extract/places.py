"""Stage 'places': place mentions geocoded against the offline gazetteer (no network, no Elasticsearch).

Fills ``places``: one :class:`~newsprism.model.Place` per distinct name as written and its resolution,
with every mention as a span. Mentions come from spaCy's GPE/LOC/FAC entities and from capitalised
names in place contexts ("in X", "X district", "village of X", "in X, Y"); see
:mod:`newsprism.geo.mentions`. Resolution (exact names, then fuzzy, disambiguated by the article's
countries, containers and population) is :mod:`newsprism.geo.resolve`. What cannot be resolved is
``Place(resolved=False, reason=...)`` — never a guess.

Helpers for later stages (events, claims):

* :func:`places_in` — resolved places with a mention inside a character range (a sentence, a clause);
* :func:`main_place` — the article's main place (the most mentioned town or region, else country);
* :func:`context_countries` — ISO3 codes the article is about, most mentioned first;
* :func:`place_at` — the place whose mention covers a character offset.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..geo.brackets import credit_abbreviations
from ..geo.gazetteer import Gazetteer, name_key, open_gazetteer
from ..geo.mentions import PLACE_LABELS, Mention, find_mentions, words
from ..geo.resolve import demonym_countries, resolve
from ..model import Place
from ..nlp.pipeline import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def extract(parsed: ParsedArticle) -> dict[str, Any]:
    gaz = open_gazetteer(parsed.settings)
    mentions = find_mentions(parsed.doc)
    people, organisations = _known_non_places(parsed)
    for m in mentions:  # the entities stage knows "Doug Madoury" ... "Madoury" is a person: not a place
        if m.text in people and m.cue not in ("type", "before"):
            m.cue, m.hint = "currency", "not-a-place"
        elif m.text in organisations and m.cue not in ("type", "before", "dateline") and m.label not in PLACE_LABELS:
            m.cue, m.hint = "currency", "not-a-place"  # but "LAHORE, Pakistan —" and "in Lahore" stay places
    demonym_ctx = demonym_countries(tok.text for tok in parsed.doc) + _organisation_countries(parsed.doc, gaz)
    expanded = _expand_abbreviations(mentions, gaz, demonym_ctx)
    places = resolve(mentions, gaz, parsed.text, demonym_ctx)
    return {"places": _as_written(places, expanded) if expanded else places}


def _organisation_countries(doc: Doc, gaz: Gazetteer) -> Counter[str]:
    """ "the Nepal Police", "Nepal Armed Police", "Iraq Ministry of Health": a country named at the head of an
    organisation's name says which country the article is about, as a demonym does ("Nepali police"); it is
    context, not a place of the article."""
    org_words = words()["not_place_words"]
    found: Counter[str] = Counter()
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
            j += 1
        if j - i >= 2 and any(doc[k].lower_ in org_words for k in range(i + 1, j)):
            for n in (2, 1):
                countries = [c.country for c in gaz.lookup(doc[i:i + n].text) if c.kind == "country" and c.country]
                if n < j - i and countries:
                    found[countries[0]] += 1
                    break
        i = j + 1
    return found


def _expand_abbreviations(mentions: list[Mention], gaz: Gazetteer, demonym_ctx: Counter[str]) -> set[int]:
    """ "(Salem, TN)": a state abbreviation is looked up as the state it stands for; of several ("TN": Tamil Nadu,
    Tennessee) the one the towns it contains lie in, else the one of a country the article's demonyms name, else
    the first listed. Returns the start offsets of the mentions looked up under another name."""
    expanded = set()
    article: set[str] | None = None
    for idx, m in enumerate(mentions):
        if not m.expansions:
            continue
        if m.text in credit_abbreviations():  # "AP": a state only where the article names its country's places
            if article is None:
                article = set(demonym_ctx) | {c.country for o in mentions if not o.expansions and o.located
                                              for c in gaz.lookup(o.text) if c.country}
            m.expansions = tuple(e for e in m.expansions if e[1] in article)
            if not m.expansions:
                m.cue, m.hint = "currency", "not-a-place"  # the news agency's credit
                continue
        inside = [o for o in mentions if o.container == idx and not o.expansions]
        votes: Counter[int] = Counter()
        for o in inside:
            cands = gaz.lookup(o.text)
            for k, (name, iso3) in enumerate(m.expansions):
                if any(c.admin1 and name_key(c.admin1) == name_key(name) for c in cands):
                    votes[k] += 2
                elif any(c.country == iso3 for c in cands):
                    votes[k] += 1
        for k, (_, iso3) in enumerate(m.expansions):
            votes[k] += 0.5 * (demonym_ctx.get(iso3, 0) > 0)
        best = max(range(len(m.expansions)), key=lambda k: (votes[k], -k))
        m.text = m.expansions[best][0]
        expanded.add(m.start)
    return expanded


def _as_written(places: list[Place], expanded: set[int]) -> list[Place]:
    """Places found under an abbreviation's full name keep the name as written ("TN") as their name."""
    return [
        dataclasses.replace(p, name=p.mentions[0].text) if p.mentions and p.mentions[0].start in expanded else p
        for p in places
    ]


def _known_non_places(parsed: ParsedArticle) -> tuple[set[str], set[str]]:
    """Names of people (and media) and of organisations that the entities stage merged with aliases. An
    organisation's name may still be a place where a dateline or the NER says so (the small model calls a
    dateline's "LAHORE" an organisation and merges it with "Lahore")."""
    people: set[str] = set()
    organisations: set[str] = set()
    for e in parsed.entities:
        if e.kind == "media" or (e.kind == "person" and e.aliases):
            people.update((e.name, *e.aliases))
        elif e.kind == "organisation" and e.aliases:
            organisations.update((e.name, *e.aliases))
    return people, organisations


def places_in(places: list[Place], start: int, end: int) -> list[Place]:
    """Resolved places with at least one mention inside ``[start, end)``, in order of that mention."""
    found = []
    for place in places:
        if not place.resolved:
            continue
        inside = [m.start for m in place.mentions if start <= m.start and m.end <= end]
        if inside:
            found.append((min(inside), place))
    return [p for _, p in sorted(found, key=lambda t: t[0])]


def place_at(places: list[Place], offset: int) -> Place | None:
    """The place (resolved or not) whose mention covers character ``offset``."""
    for place in places:
        if any(m.start <= offset < m.end for m in place.mentions):
            return place
    return None


def main_place(places: list[Place]) -> Place | None:
    """The article's main place: the most mentioned resolved town or region (ties: the first mentioned);
    when the article names only countries, the most mentioned country."""
    resolved = [p for p in places if p.resolved]
    if not resolved:
        return None
    local = [p for p in resolved if p.precision in (1, 2) and p.country]
    pool = local or [p for p in resolved if p.precision == 3 and p.country] or resolved
    return max(pool, key=lambda p: (len(p.mentions), -p.mentions[0].start))


def context_countries(places: list[Place]) -> list[str]:
    """ISO3 codes of the resolved places, most mentioned first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in places:
        if p.resolved and p.country:
            counts[p.country] += len(p.mentions)
            first.setdefault(p.country, p.mentions[0].start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))
