"""Where and when an event happened, and who reported it: helpers over what the earlier stages found
(claims, dates, places, entities) for the events stage and its verbal events."""

from __future__ import annotations

import logging

from ..model import Claim, DateRef, Place, Sentence
from ..nlp.pipeline import ParsedArticle

log = logging.getLogger(__name__)


def claim_at(claims: list[Claim], offset: int) -> Claim | None:
    inside = [c for c in claims if c.content.start <= offset < c.content.end]
    return min(inside, key=lambda c: c.content.end - c.content.start) if inside else None


def own_date(dates: list[DateRef], sent: Sentence) -> DateRef | None:
    own = [d for d in dates if d.value and sent.start <= d.span.start < sent.end]
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
