"""Verbal events (PLOVER acts ACLED does not code: demands, threats, visits) and the PLOVER type of events.

With the ``events_verbal`` setting the events stage also reports sentences whose act is verbal, as
Strategic developments / Other with their PLOVER category (docs/events.md).
"""

from __future__ import annotations

from typing import Any

from ..model import Event, EventDate, Place, ReportedBy, Sentence
from ..nlp.pipeline import ParsedArticle
from . import actors as actor_words
from .event_context import best_places, claim_at, names, own_date, own_places
from .plover import plover_cue

SAYING = {"say", "tell", "report", "announce", "state", "claim", "add", "confirm", "declare", "write", "note"}


def with_verbal(parsed: ParsedArticle, ranked: list[Event], taken: set[int], main_place: Place | None) -> list[Event]:
    """Add the verbal acts: in sentences without an event, and where the sentence's main verb is the verbal act
    ("X rejected the strikers' demands"); such an act in the first sentence with an event becomes the main event."""
    first: list[Event] = []
    rest: list[Event] = []
    first_index = min(taken) if taken else None
    for i, sent in enumerate(parsed.sentences):
        event = verbal(parsed, sent, main_place, root_only=i in taken)
        if event is not None and i in taken and any(e.plover_type == event.plover_type and e.evidence
                                                    and e.evidence[0].start <= sent.start < e.evidence[-1].end + 1
                                                    for e in ranked):
            continue  # the event of this sentence already says it
        if event is not None:
            (first if first_index is None or i <= first_index else rest).append(event)
    return first + ranked + rest


def main_verb(root: Any) -> Any:
    """The verb of what is said when the root is a verb of saying ("X rejected Y, an official said")."""
    for _ in range(3):
        if root.lemma_.lower() not in SAYING:
            return root
        said = [c for c in root.children if c.dep_ in ("ccomp", "parataxis", "xcomp")]
        if not said:
            return root
        root = said[0]
    return root


def verbal(parsed: ParsedArticle, sent: Sentence, main_place: Place | None, root_only: bool = False) -> Event | None:
    """A verbal act ACLED does not code (a demand, a threat, a visit), kept only with ``events_verbal`` on."""
    if sent.text.rstrip().endswith("?"):
        return None
    found = plover_cue(parsed.text, sent.start, sent.end, names(parsed))
    if found is None:
        return None
    category, cue = found
    if root_only:
        span = parsed.doc.char_span(sent.start, sent.end, alignment_mode="expand")
        root = main_verb(span.root) if span is not None else None
        if root is None or not cue.start <= root.idx < cue.end:
            return None
    mentions = actor_words.mentions_in(parsed.text, sent.start, sent.end)
    a1 = actor_words.pick_actor1(mentions, cue.start, parsed.text)
    places = best_places(own_places(parsed.places, sent))
    place = places[0] if places else main_place
    actor1 = actor_words.actor_of(a1, a1.inter, parsed.entities) if a1 is not None else None
    own = own_date(parsed.dates, sent, parsed.text)
    base = parsed.article.date_base
    date = EventDate(own.value, own.precision) if own is not None else EventDate(base[:10] if base else None,
                                                                                 "reported" if base else None)
    claim = claim_at(parsed.claims, cue.start)
    return Event(id="verbal", event_type="Strategic developments", sub_event_type="Other", plover_type=category,
                 actor1=actor1, actor2=None, date=date, place=place,
                 reported_by=ReportedBy(claim.speaker.name, claim.speaker.kind, claim.id)
                 if claim is not None and claim.speaker.kind != "author" else None,
                 certainty=claim.certainty if claim is not None else "certain", trigger=cue,
                 evidence=[parsed.span(sent.start, sent.end)], confidence=0.3)


def plover_type(parsed: ParsedArticle, sent: Sentence, etype: str, mapped: str | None) -> str | None:
    """The PLOVER category: ``mapped`` from the ACLED sub-type, except for Strategic developments, where the verb
    of the sentence says more."""
    if etype == "Strategic developments" or mapped is None:
        found = plover_cue(parsed.text, sent.start, sent.end, names(parsed))
        if found is not None:
            return found[0]
    return mapped
