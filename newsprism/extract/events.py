"""Stage 'events': the events an article reports, coded in the ACLED taxonomy.

1. *Candidates*: sentences with an event trigger (``lexicons/event_triggers.v1.tsv``), unless a hedge,
   modal, future or conditional cue governs the trigger (``lexicons/event_hedges.v1.tsv``), the sentence is a
   question, the claim around it is a prediction or speculation, or its own date lies after the publication.
2. *Coding*: a trigger rule with a fixed sub-type decides; otherwise the classifier over masked text
   (:mod:`.event_model`) picks the sub-type among those the trigger families allow. Actors and their inter codes
   come from actor words (:mod:`.actors`) and the classifier; counts from :mod:`.counts`.
3. *Merging*: mentions of one event (same kind, compatible place and date, close by) become one event with
   several evidence spans; a vague mention ("shooting erupted") joins a specific event next to it.
4. *Salience*: the events are ordered so that the first is the article's main event.

Date: the event's own date expression, else the nearest one before it in its paragraph, else the publication
(reference) date with precision ``reported``. Place: its own place mention (or one in the next sentence when that
sentence only locates it), else the article's main place, else none.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from ..model import Claim, Count, DateRef, Event, EventDate, Place, ReportedBy, Sentence, Span
from ..nlp.pipeline import ParsedArticle
from . import actors as actor_words
from . import event_merge
from .counts import counts_in, has_toll, merge_counts
from .event_context import (
    article_place,
    claim_at,
    context_date,
    finer_within,
    own_date,
    own_places,
    pick_place,
)
from .event_model import EventModel, load_model, masked, with_rules
from .verbal import plover_type, with_verbal

log = logging.getLogger(__name__)

ARMED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
EXPLOSIONS = "Explosions/Remote violence"
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
PROPERTY = "Looting/property destruction"
ARMED = {1, 2, 3, 4, 8}  # inter codes of armed actors
#: generic triggers: a sentence with only these and a count ("One suspect died.", "3 were arrested") adds to the event before it
FOLLOWUP_KINDS = {"violence", "arrest", "clash", "explosion"}
#: trigger kinds that tell fighting between two armed sides
BATTLE_KINDS = {"clash", "positions", "territory", "regains", "overtakes"}
#: Strategic developments the classifier may pick where a count of people arrested says Arrests
STRATEGIC_NOT_ARRESTS = {"Change to group/activity", "Other", "Agreement", "Headquarters or base established",
                         "Non-violent transfer of territory", "Disrupted weapons use"}
#: speakers who tell of an event rather than take part in it (named people and organisations may do both)
REPORTER_KINDS = {"collective", "unnamed", "media"}
PROTEST_FORCE = {"Excessive force against protesters", "Protest with intervention"}
#: hedges that qualify a person rather than the event ("a suspected thief was beaten")
_QUALIFIER_CUE = re.compile(r"(suspect|alleged|presum|purported|so-called)", re.I)
#: "around 5 May", "about 500 people": the hedge approximates a date or a number, not the event
_APPROX_CUE = re.compile(r"(?:around|about|approximately|roughly|nearly|almost|some|circa|up to)", re.I)
_APPROX_OF = re.compile(r"\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens|hundreds|thousands|"
                        r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mid|early|late|midnight|noon)\w*\b)", re.I)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_REPORTED = re.compile(r"\b(reportedly|allegedly|apparently|it appears|presumably|presumed|suspected|unconfirmed)\b", re.I)


@dataclass(frozen=True)
class Rule:
    kind: str
    family: str
    sub_event_type: str | None
    inter1: int | None
    inter2: int | None
    pattern: re.Pattern[str]  # case-insensitive
    lower: re.Pattern[str]  # the same, for lower-cased text (faster)


@dataclass(frozen=True)
class Lexicons:
    rules: list[Rule]
    hedges_before: re.Pattern[str]
    hedges_sentence: re.Pattern[str]
    hedges_start: re.Pattern[str]
    type_of: dict[str, str]
    plover: dict[str, str | None]
    family_types: dict[str, list[str]]
    default_actor1: dict[str, list[Any]]
    default_actor2: dict[str, list[Any]]


#: a trigger ends at the end of a word ("mob" is not "mobile"), or with the space its pattern ends with
_WORD_END = r"(?:(?<=\W)|(?!\w))"


@functools.lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    root = resources.files(__package__).joinpath("lexicons")
    rules = []
    for line in root.joinpath("event_triggers.v1.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, family, sub, inter1, inter2, pattern = line.split("\t")
        regex = rf"\b(?:{pattern.strip()}){_WORD_END}"
        rules.append(Rule(kind, family, None if sub == "*" else sub, None if inter1 == "-" else int(inter1),
                          None if inter2 == "-" else int(inter2), re.compile(regex, re.I), re.compile(regex)))
    scopes: dict[str, list[str]] = {"before": [], "sentence": [], "start": []}
    for line in root.joinpath("event_hedges.v1.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cue, scope = line.split("\t")
            scopes[scope.strip()].append(cue.strip())
    taxonomy = json.loads(root.joinpath("acled_taxonomy.v1.json").read_text("utf-8"))
    type_of = {sub: etype for etype, subs in taxonomy["types"].items() for sub in subs}
    families = {k: v for k, v in taxonomy["family_types"].items() if k != "about"}
    return Lexicons(
        rules,
        re.compile(rf"\b(?:{'|'.join(scopes['before'])})\b", re.I),
        re.compile(rf"\b(?:{'|'.join(scopes['sentence'])})\b", re.I),
        re.compile(rf"^\W*(?:{'|'.join(scopes['start'])})\b", re.I),
        type_of, taxonomy["plover"], families, taxonomy["default_actor1"], taxonomy["default_actor2"],
    )


@dataclass
class Candidate:
    index: int  # sentence number
    sentence: Sentence
    trigger: Span
    kind: str
    sub_event_type: str
    confidence: float
    fixed: bool
    vague: bool
    inter1: int | None
    inter2: int | None
    inter1_probs: dict[int, float]
    actors: list[actor_words.ActorMention]
    counts: dict[str, Count]
    date: DateRef | None
    places: list[Place]
    claim: Claim | None
    families: set[str] = field(default_factory=set)
    masked_text: str = ""
    rule_kinds: set[str] = field(default_factory=set)
    trigger_kind: str = ""  # the kind of the rule whose words are the trigger ("air" for "The drone hit ...")
    paragraph: int = 0  # offset of the paragraph break before the sentence
    members: list[Candidate] = field(default_factory=list)
    reference: bool = False  # a later mention that only refers back to the event ("the UN condemned the attack")

    def violent_or_protest(self) -> bool:
        etype = lexicons().type_of.get(self.sub_event_type, "")
        return etype in VIOLENT_TYPES or self.sub_event_type in PROTEST_FORCE or self.sub_event_type == PROPERTY

    def sentence_span(self, parsed: ParsedArticle) -> Span:
        return parsed.span(self.sentence.start, self.sentence.end)


def extract(parsed: ParsedArticle) -> dict[str, Any]:
    return {"events": find_events(parsed)}


def find_events(parsed: ParsedArticle, model: EventModel | None = None) -> list[Event]:
    """The events of one parsed article, the main event first."""
    if model is None:
        model = load_model(str(parsed.settings.extra.get("events_model", "")))
    lex = lexicons()
    candidates = [c for i, s in enumerate(parsed.sentences) if (c := _candidate(parsed, i, s, lex, model)) is not None]
    groups = event_merge.merge(candidates, parsed)
    main_place = article_place(parsed)
    for g in groups:
        _recode(g, model, lex, parsed)
    groups = event_merge.fold_references(groups, parsed.text)
    groups = event_merge.fold_headings(groups, lambda m: _is_heading(parsed, m.sentence))
    events = [_event(parsed, g, n, lex, main_place) for n, g in enumerate(groups)]
    order = sorted(range(len(events)), key=lambda k: (-_salience(groups[k], k), groups[k].index))
    ranked = [events[k] for k in order]
    if _truthy(parsed.settings.extra.get("events_verbal", False)):
        ranked = with_verbal(parsed, ranked, {c.index for g in groups for c in g.members}, main_place)
    return [replace(e, id=f"{parsed.article.id[:16]}-e{rank + 1}") for rank, e in enumerate(ranked)]


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() in ("1", "true", "yes", "on")


# --------------------------------------------------------------------------- candidates

def _candidate(parsed: ParsedArticle, i: int, sent: Sentence, lex: Lexicons, model: EventModel | None) -> Candidate | None:
    text = parsed.text
    if sent.text.rstrip().endswith("?") or lex.hedges_start.search(sent.text) or lex.hedges_sentence.search(sent.text):
        return None
    low = _lowered(parsed)
    cues = [h.end() for h in lex.hedges_before.finditer(text, sent.start, sent.end)]
    dates = [(d.span.start, d.span.end) for d in parsed.dates if sent.start <= d.span.start < sent.end]
    matches = []
    for rule in lex.rules:
        found = rule.lower.finditer(low, sent.start, sent.end) if low is not None else \
            rule.pattern.finditer(text, sent.start, sent.end)
        for m in found:
            if any(m.start() - 50 <= end <= m.end() for end in cues):  # a hedge governs the trigger (or splits it)
                continue
            if any(a <= m.start() < b for a, b in dates):  # "March 3" is a date, not a march
                continue
            matches.append((rule, m))
    if not matches:
        return None
    earliest = min(m.start() for _, m in matches)  # the claim around the first trigger in the text tells the event
    claim = claim_at(parsed.claims, earliest)
    if claim is not None and _speculative(claim, earliest, text):
        return None
    date = own_date(parsed.dates, sent, parsed.text)
    base = parsed.article.date_base
    if date is not None and date.value and base and date.value[:10] > base[:10]:
        return None  # a date after publication: announced or planned, not (yet) an event
    if date is not None and base and _background(date, base[:10], parsed.settings.extra.get("events_max_age_days", 92)):
        return None  # "during protests in Sudan in 2013": background, not news of the day
    if date is not None and _SINCE.search(text, max(sent.start, date.span.start - 12), date.span.start):
        return None  # "has killed 40,000 people since 2009": a toll over a period, not an event
    fixed = next(((r, m) for r, m in matches if r.sub_event_type), None)
    first_rule, first_m = min(matches, key=lambda rm: rm[1].start())
    families = {r.family for r, _ in matches}
    masked_text = with_rules(masked(parsed.doc, sent.start, sent.end), {r.kind for r, _ in matches})
    inter_probs: dict[int, float] = {}
    if model is not None:
        inter_probs = {int(k): v for k, v in model.predict_all(masked_text)["inter1"].items()}
    if fixed is not None:
        rule, m = fixed
        sub, confidence, kind = rule.sub_event_type or "", 0.85, rule.kind
    else:
        rule, m = first_rule, first_m
        sub, confidence = _classify(model, masked_text, families, lex)
        kind = sub
    counts = counts_in(text, sent.start, sent.end)
    if fixed is None and sub in STRATEGIC_NOT_ARRESTS and "arrest" in {r.kind for r, _ in matches} and _arrested(counts):
        sub = "Arrests"  # "police detained 400 supporters ... to stop a planned protest": people were arrested
    mentions = actor_words.mentions_in(text, sent.start, sent.end)
    if claim is not None and claim.source is not None and claim.speaker.kind in REPORTER_KINDS:
        source = claim.source  # "..., killing five people, activists said": the activists tell it, they did not do it
        mentions = [a for a in mentions if a.inter in ARMED or a.end <= source.start or a.start >= source.end]
    followup = fixed is None and {r.kind for r, _ in matches} <= FOLLOWUP_KINDS and has_toll(counts)
    vague = fixed is None and (not mentions or followup) and families <= {"violence", "explosion", "battle", "strategic"}
    vague = vague and (families != {"strategic"} or followup)
    return Candidate(
        index=i, sentence=sent, trigger=Span.of(text, m.start(), m.end()), kind=kind, sub_event_type=sub,
        confidence=confidence, fixed=fixed is not None, vague=vague, inter1=rule.inter1, inter2=rule.inter2,
        inter1_probs=inter_probs, actors=mentions, counts=counts, date=date,
        places=own_places(parsed.places, sent), claim=claim, families=families, masked_text=masked_text,
        rule_kinds={r.kind for r, _ in matches}, paragraph=text.rfind("\n\n", 0, sent.start), trigger_kind=rule.kind,
    )


def _background(date: DateRef, base: str, max_age_days: Any) -> bool:
    """Whether a dated mention ended more than ``max_age_days`` before the article's date."""
    try:
        year, month, day = int(date.value[:4]), int(date.value[5:7] or 1), int(date.value[8:10] or 1)
        published = dt.date.fromisoformat(base)
        if date.precision == "year":
            end = dt.date(year, 12, 31)
        elif date.precision == "month":
            end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            end = dt.date(year, month, day)
        return (published - end).days > int(max_age_days)
    except (TypeError, ValueError):
        return False


def _classify(model: EventModel | None, masked_text: str, families: set[str], lex: Lexicons) -> tuple[str, float]:
    allowed_types = set().union(*(lex.family_types.get(f, []) for f in families))
    if model is None:  # no classifier shipped: the most common sub-type of the first family
        fallback = {"protest": "Peaceful protest", "riot": "Violent demonstration", "violence": "Attack",
                    "explosion": "Shelling/artillery/missile attack", "battle": "Armed clash", "strategic": "Other"}
        return fallback[sorted(families)[0]], 0.4
    probs = model.predict_all(masked_text)["sub_event_type"]
    allowed = {k: v for k, v in probs.items() if lex.type_of.get(k) in allowed_types} or probs
    best = max(allowed, key=allowed.__getitem__)
    return best, allowed[best] / (sum(allowed.values()) or 1.0)


def _lowered(parsed: ParsedArticle) -> str | None:
    """The article's text in lower case when that keeps every offset (it does, but for a few letters), else None."""
    return _lower_of(parsed.text)


@functools.lru_cache(maxsize=8)
def _lower_of(text: str) -> str | None:
    low = text.lower()
    return low if len(low) == len(text) else None


def _has_trigger(parsed: ParsedArticle, sent: Sentence) -> bool:
    low = _lowered(parsed)
    if low is not None:
        return any(r.lower.search(low, sent.start, sent.end) for r in lexicons().rules)
    return any(r.pattern.search(parsed.text, sent.start, sent.end) for r in lexicons().rules)


def _speculative(claim: Claim, trigger_start: int, text: str = "") -> bool:
    """A prediction, or speculation whose hedge governs the trigger ("Perhaps they were planning ...";
    not "a protest over the alleged negligence", where the hedge qualifies something else)."""
    if claim.kind == "prediction":
        return True
    if claim.kind != "speculation":
        return False
    cues = [c for c in claim.certainty_cues if c.start < trigger_start and not _QUALIFIER_CUE.match(c.text)
            and not (_APPROX_CUE.fullmatch(c.text) and _APPROX_OF.match(text, c.end))]
    return bool(cues) or not claim.certainty_cues


def _recode(group: Candidate, model: EventModel | None, lex: Lexicons, parsed: ParsedArticle) -> None:
    """A group the classifier coded is coded again on its sentences together with the rest of its paragraph that
    tells no other event (the context a reader codes it in: "No one was hurt.", "Police later left.")."""
    if model is None or group.fixed or any(m.fixed for m in group.members):
        return
    indexes = {m.index for m in group.members}
    last = max(indexes)
    while last + 1 < len(parsed.sentences) and "\n\n" not in parsed.text[parsed.sentences[last].end:
                                                                          parsed.sentences[last + 1].start]:
        nxt = parsed.sentences[last + 1]
        if _has_trigger(parsed, nxt):
            break
        last += 1
        indexes.add(last)
    if len(indexes) < 2:
        return
    text = " ".join(m.masked_text if (m := next((c for c in group.members if c.index == i), None)) is not None
                    else masked(parsed.doc, parsed.sentences[i].start, parsed.sentences[i].end) for i in sorted(indexes))
    families = set().union(*(m.families for m in group.members))
    sub, confidence = _classify(model, text, families, lex)
    if group.trigger_kind in event_merge.WEAPON_KINDS and lex.type_of.get(group.sub_event_type) == EXPLOSIONS \
            and lex.type_of.get(sub) != EXPLOSIONS:
        return  # an air strike or a shelling told with its dead ("The drone hit the market ... bodies") stays a strike
    if sub in STRATEGIC_NOT_ARRESTS and any(_arrests_counted(m) for m in group.members):
        sub = "Arrests"  # the paragraph read together keeps the people a mention counts as arrested
    group.sub_event_type, group.confidence = sub, confidence
    group.inter1_probs = {int(k): v for k, v in model.predict_all(text)["inter1"].items()}
    for m in group.members:
        if m is not group:
            m.confidence = min(m.confidence, confidence)


def _arrested(counts: dict) -> bool:
    return counts.get("arrested") is not None and counts["arrested"].best > 0


def _arrests_counted(m: Candidate) -> bool:
    """A mention an arrest trigger and a count of arrested people made an arrest ("arrested four suspects")."""
    return "arrest" in m.rule_kinds and _arrested(m.counts)


def _salience(group: Candidate, position: int) -> float:
    counts = any(has_toll(m.counts) for m in group.members)
    return 0.5 * len(group.members) + group.confidence + (1.0 if position == 0 else 0.0) + (0.3 if counts else 0.0)


# --------------------------------------------------------------------------- building the event

def _event(parsed: ParsedArticle, group: Candidate, n: int, lex: Lexicons, main_place: Place | None) -> Event:
    # a headline or subhead sums up what the body tells with its sources and hedges: the body leads
    body = [m for m in group.members if not _is_heading(parsed, m.sentence)] or group.members
    fixed = [m for m in body if m.fixed]
    primary = max(fixed, key=lambda m: (m.confidence, -m.index)) if fixed else (group if group in body else body[0])
    sub = primary.sub_event_type
    etype = lex.type_of.get(sub, "Strategic developments")
    place = _place(parsed, group, main_place, national=etype == "Strategic developments")
    country = place.country_name if place is not None else None
    actor1, actor2 = _actors(parsed, primary, etype, sub, lex, country)
    if etype == "Violence against civilians" and not primary.fixed and actor2 is not None and actor2.inter in ARMED:
        # ACLED: violence against civilians has unarmed victims; an attack on armed forces is a battle
        etype, sub = "Battles", "Armed clash"
    elif etype == "Battles" and sub == "Armed clash" and not primary.fixed and actor2 is not None and actor2.inter == 7 \
            and not any(m.rule_kinds & BATTLE_KINDS for m in group.members):
        # no fighting told, no armed target: a one-sided attack ("armed men shot dead a shopkeeper")
        etype, sub = "Violence against civilians", "Attack"
        actor1, actor2 = _actors(parsed, primary, etype, sub, lex, country)
    elif etype == "Battles" and not primary.fixed and any(a is not None and a.inter in (5, 6) for a in (actor1, actor2)):
        etype, sub = "Riots", "Violent demonstration"  # ACLED: battles are between armed groups; a crowd's fight is a riot
        actor1, actor2 = _actors(parsed, primary, etype, sub, lex, country)
    # who reports the event: a claim around a mention that tells it, not around one that only refers back to it
    claim = next((m.claim for m in group.members
                  if m.claim is not None and m.claim.speaker.kind != "author" and not m.reference), None)
    reported_by = ReportedBy(claim.speaker.name, claim.speaker.kind, claim.id) if claim is not None else None
    told = body + [m for m in group.members if m not in body]  # a figure the body gives is its evidence, not the headline
    counts = {k: merge_counts([m.counts.get(k) for m in told], parsed.text)
              for k in ("fatalities", "injured", "arrested", "size")}
    if sub in ("Peaceful protest", "Protest with intervention"):  # deaths told with a protest that no force killed at
        counts["fatalities"] = None  # are its cause ("over the killing of", "the collapse that killed 15"), not its toll
    certainty = max((_certainty(parsed, m) for m in body), key=_CERTAINTY_ORDER.index)
    confidence = round(primary.confidence * (1.0 if certainty == "certain" else 0.8), 3)
    return Event(
        id=f"e{n}",
        event_type=etype,
        sub_event_type=sub,
        plover_type=plover_type(parsed, primary.sentence, etype, lex.plover.get(sub)),
        actor1=actor1,
        actor2=actor2,
        date=_date(parsed, group),
        place=place,
        fatalities=counts["fatalities"],
        injured=counts["injured"],
        arrested=counts["arrested"],
        size=counts["size"],
        reported_by=reported_by,
        certainty=certainty,
        trigger=primary.trigger,
        evidence=[m.sentence_span(parsed) for m in group.members],
        confidence=confidence,
    )


def _place(parsed: ParsedArticle, group: Candidate, main_place: Place | None, national: bool = False) -> Place | None:
    """The place of the first mention that names one (:func:`.event_context.pick_place`), else the sentence after
    the last mention when it locates the event, else the article's main place; the body's mentions before a
    headline's. A country (or region) is made more precise by a town or region of it (a town of it) that a later
    mention or the locating sentence names. A strategic development that names no place of its own ("the
    government resigned") is placed in the main place's country, not in the town the article is mostly about."""
    members = sorted(group.members, key=lambda m: (_is_heading(parsed, m.sentence), m.index))  # the body leads
    picks = [p for m in members if (p := pick_place(parsed.text, m.places, m.sentence.start, m.sentence.end))]
    if not picks or picks[0].precision == 3:
        after = _next_sentence_place(parsed, group)
        if after is not None:
            picks.append(after)
    if not picks:
        if national and main_place is not None and main_place.precision != 3:
            return next((p for p in parsed.places if p.resolved and p.precision == 3 and p.country == main_place.country),
                        main_place)
        return main_place
    first = picks[0]
    finer = [p for p in picks[1:] if finer_within(first, p)]
    return finer[0] if finer else first


def _next_sentence_place(parsed: ParsedArticle, group: Candidate) -> Place | None:
    """"Such incidents were reported in X": the sentence after the last mention locates the event."""
    last = group.members[-1].index
    if last + 1 >= len(parsed.sentences):
        return None
    nxt = parsed.sentences[last + 1]
    between = parsed.text[parsed.sentences[last].end:nxt.start]
    if "\n\n" in between or _has_trigger(parsed, nxt):
        return None
    return pick_place(parsed.text, own_places(parsed.places, nxt), nxt.start, nxt.end)


def _date(parsed: ParsedArticle, group: Candidate) -> EventDate:
    own = next((m.date for m in group.members if m.date is not None), None)
    if own is None:
        own = context_date(parsed, group.members[0].sentence)
    if own is not None and own.value:
        return EventDate(own.value, own.precision)
    base = parsed.article.date_base
    return EventDate(base[:10] if base else None, "reported" if base else None)


def _actors(parsed: ParsedArticle, c: Candidate, etype: str, sub: str, lex: Lexicons, country: str | None):
    text = parsed.text
    a1 = actor_words.pick_actor1(c.actors, c.trigger.start, text)
    agent = actor_words.named_agent(c.actors, c.trigger.start, text)  # a1 when the sentence makes someone the agent
    default1 = lex.default_actor1.get(etype)
    if c.inter1 is not None and c.fixed:
        inter1 = c.inter1
    elif c.fixed and a1 is not None and default1 is None and (
            not c.inter1_probs or agent is not None):
        inter1 = a1.inter  # an actor the sentence names as the agent; not a victim named after the trigger
    elif default1 is not None:
        inter1 = int(default1[0])
    elif c.inter1_probs:
        inter1 = max(c.inter1_probs, key=c.inter1_probs.__getitem__)
        if a1 is not None and c.inter1_probs.get(a1.inter, 0.0) >= 0.25:
            inter1 = a1.inter
        elif a1 is not None and inter1 in (5, 6) and etype in ARMED_TYPES and not any(m.inter == inter1 for m in c.actors):
            inter1 = a1.inter  # protesters or rioters no word of the sentence names do not fight, bomb or attack
    else:
        inter1 = a1.inter if a1 is not None else 7
    if sub == "Arrests" and not (c.fixed and c.inter1 is not None):  # an armed actor arrests: the one written there,
        inter1 = a1.inter if a1 is not None and a1.inter in ARMED else inter1 if inter1 in ARMED else 1  # else the state
    people = _demonym_before(text, c.trigger.start, c.sentence.start)
    # "... were killed when Russian drones struck": the people of the weapon wherever it is named
    armed_by = people or next((p for m in _WEAPON.finditer(text, c.sentence.start, c.sentence.end)
                               if (p := _demonym_before(text, m.start(), c.sentence.start))), None) if sub in STRIKES else None
    if inter1 == 8 and a1 is not None and a1.inter == 1 and country and (
            _demonym_before(text, a1.end, c.sentence.start) == country or country in text[max(0, a1.start - 25):a1.end]):
        inter1 = 1  # "Myanmar's military" in Myanmar, "Kenyan police" in Kenya: the state's own forces, not external ones
    if sub in STRIKES and armed_by and country and armed_by != country and (agent is None or agent.inter not in ARMED):
        inter1, a1, people = 8, None, armed_by  # "... when Russian drones struck Kyiv, Mayor X said": not the mayor
    if inter1 == 8 and (a1 is None or a1.inter not in ARMED) and country and people in (None, country) and sub in STRIKES:
        inter1 = 1  # a strike in X that no word ties to foreign forces is X's own ("Myanmar junta air strike")
    if sub == "Air/drone strike" and inter1 not in (1, 8) and not (a1 is not None and a1.inter in ARMED):
        inter1 = 8 if people and country and people != country else 1  # aircraft are a state's, a foreign one's is external
    elif sub == "Shelling/artillery/missile attack" and people and inter1 not in (1, 8) and not (
            a1 is not None and a1.inter in ARMED):
        inter1 = 8 if country and people != country else 1  # "a Russian missile strike" in Ukraine: Russia's forces
    if a1 is None or a1.inter != inter1:
        a1 = next((m for m in c.actors if m.inter == inter1), None)
    if a1 is None and inter1 in (1, 8):  # "an Israeli airstrike" in Gaza: forces of the country the word names
        country = people or country
    actor1 = actor_words.actor_of(a1, inter1, parsed.entities, country)
    source = c.claim.source if c.claim is not None else None  # who tells it ("Mayor X said") is not its target
    a2 = actor_words.pick_actor2([m for m in c.actors if source is None or m.end <= source.start or m.start >= source.end],
                                 a1, c.trigger.start)
    if a2 is not None and c.fixed and c.inter2 is not None and a2.inter != c.inter2:  # the rule says who the target is
        a2 = next((m for m in c.actors if m.inter == c.inter2 and m is not a1), None)
    if a2 is not None and inter1 in (5, 6) and a2.inter in (5, 6):
        a2 = None  # the protesters of a riot are its rioters, not its target
    default2 = lex.default_actor2.get(sub) or lex.default_actor2.get(etype)
    if sub == "Peaceful protest":
        actor2 = None
    elif a2 is not None:
        actor2 = actor_words.actor_of(a2, a2.inter, parsed.entities, country)
    elif c.inter2 is not None and c.inter2 != inter1:
        actor2 = actor_words.actor_of(None, c.inter2, parsed.entities, country)
    elif default2 is not None and int(default2[0]) != inter1:
        actor2 = actor_words.actor_of(None, int(default2[0]), parsed.entities, country)
    else:
        actor2 = None
    return actor1, actor2


STRIKES = ("Air/drone strike", "Shelling/artillery/missile attack")
_WEAPON = re.compile(r"\b(?:drones?|warplanes?|(?:fighter )?jets?|aircraft|missiles?|rockets?|artillery|shells|shelling|"
                     r"air ?strikes?|airstrikes?|air raids?|bombers?)\b", re.I)


def _demonym_before(text: str, trigger_start: int, sentence_start: int) -> str | None:
    """The country's name of a people's word among the three words before a trigger ("an Israeli airstrike", "Russian
    shelling"), by ``lexicons/demonyms.v1.tsv``."""
    from ..geo.gazetteer import country_names
    from ..geo.resolve import demonyms

    table, names = demonyms(), country_names()
    for word in reversed(re.findall(r"[A-Z][\w'-]+", text[max(sentence_start, trigger_start - 30):trigger_start])[-3:]):
        name = names.get(table.get(word.removesuffix("-led"), ""))  # "Saudi-led coalition airstrikes": led by Saudi forces
        if name:
            return name  # as the gazetteer names the country of a place, so that it compares with the event's
    return None


_CERTAINTY_ORDER = ["doubtful", "possible", "probable", "certain"]


def _is_heading(parsed: ParsedArticle, sentence: Sentence) -> bool:
    """A line of its own with no closing punctuation: a headline or a subhead."""
    text = parsed.text
    alone = (sentence.start == 0 or text[sentence.start - 1] == "\n") and text[sentence.end:sentence.end + 1] in ("", "\n", "\r")
    return alone and not sentence.text.rstrip().endswith((".", "!", "?", ":", '"', "\u201d", "'"))


def _certainty(parsed: ParsedArticle, c: Candidate):
    if c.claim is not None and c.claim.certainty != "certain":
        return c.claim.certainty
    if c.sentence.certainty is not None and c.sentence.certainty != "certain":
        return c.sentence.certainty
    if _REPORTED.search(c.sentence.text):
        return "probable"
    return "certain"
