"""Actor mentions in a sentence and their ACLED inter codes (``lexicons/actors.v1.tsv``).

An actor mention is a generic actor word ("police", "militants", "protesters") with the words that
qualify it in front ("Afghan security forces", "Taliban militants"): the name is taken from the text, the
inter code from the word. Names of groups, places and people are never listed in the lexicon.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from ..model import Actor, Entity

INTER_NAMES = {1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias", 5: "Rioters",
               6: "Protesters", 7: "Civilians", 8: "External/Other forces"}


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    name: str
    inter: int
    label: str


@dataclass(frozen=True)
class _Lex:
    pattern: re.Pattern[str]
    words: dict[str, tuple[int, str]]


@functools.lru_cache(maxsize=1)
def lexicon() -> _Lex:
    words: dict[str, tuple[int, str]] = {}
    text = resources.files(__package__).joinpath("lexicons/actors.v1.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, inter, label = line.split("\t")
        words[word.lower()] = (int(inter), label)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    # not the "government" of "anti-government protesters": a qualifier of another actor
    return _Lex(re.compile(rf"\b(?<!pro-)(?<!anti-)(?P<w>{alternation})(?:e?s)?\b", re.I), words)


# words in front of an actor word that belong to its name: capitalised words, adjectives of nationality, hyphenated
_QUALIFIER = re.compile(r"(?:(?<![\w'.-])(?:[A-Z][\w'.-]*|pro-[\w-]+|anti-[\w-]+|unidentified|unknown|suspected|presumed|"
                        r"armed|local|riot|regime|government|state|federal|national|opposition|rival)[ \t]+){1,4}$")


def mentions_in(text: str, start: int, end: int) -> list[ActorMention]:
    """Actor mentions in ``text[start:end]`` in text order (longest words first, no overlaps)."""
    lex = lexicon()
    out: list[ActorMention] = []
    for m in lex.pattern.finditer(text, start, end):
        key = re.sub(r"\s+", " ", m.group("w").lower())
        inter, label = lex.words.get(key, (7, "Civilians"))
        head = m.start()
        q = _QUALIFIER.search(text, max(start, head - 60), head)
        name_start = q.start() if q else head
        name = text[name_start:m.end()]
        if name[:1].isupper() and name_start == start:
            # sentence-initial capital: keep it only when more than one word precedes the actor word
            name = name if " " in text[name_start:head].strip() else text[head:m.end()]
            name_start = name_start if " " in text[name_start:head].strip() else head
        out.append(ActorMention(name_start, m.end(), re.sub(r"\s+", " ", text[name_start:m.end()]), inter, label))
    return out


def actor_of(mention: ActorMention | None, inter: int, entities: list[Entity], country: str | None = None) -> Actor:
    """An :class:`Actor` from a mention (its words as the name), or ACLED's generic name for the inter code."""
    if mention is not None and mention.inter == inter:
        return Actor(mention.name, inter, _entity_id(mention, entities))
    label = INTER_NAMES.get(inter, "Unidentified")
    generic = {1: "State forces", 5: "Rioters", 6: "Protesters", 7: "Civilians"}.get(inter, label)
    return Actor(f"{generic} ({country})" if country else generic, inter, None)


def _entity_id(mention: ActorMention, entities: list[Entity]) -> str | None:
    for entity in entities:
        for span in entity.mentions:
            if span.start < mention.end and mention.start < span.end:
                return entity.id
    return None


def pick_actor1(mentions: list[ActorMention], trigger_start: int, text: str) -> ActorMention | None:
    """The agent: the actor after "by" following the trigger (passive), else the nearest actor before the trigger."""
    agent = named_agent(mentions, trigger_start, text)
    return agent if agent is not None else mentions[0] if mentions else None


def named_agent(mentions: list[ActorMention], trigger_start: int, text: str) -> ActorMention | None:
    """The actor the sentence makes the agent: after "by" following the trigger, else the nearest before it (none
    where the only actors come after the trigger: "X shelled the camp, killing 30 civilians")."""
    for m in mentions:
        if m.start > trigger_start and re.search(r"\bby\s+((the|an?|their|its)\s+)?$", text[max(0, m.start - 12):m.start], re.I):
            return m
    before = [m for m in mentions if m.end <= trigger_start]
    return before[-1] if before else None


def pick_actor2(mentions: list[ActorMention], actor1: ActorMention | None, trigger_start: int) -> ActorMention | None:
    """The target: the first actor after the trigger that is not the agent; in a passive sentence (agent after
    "by"), the nearest actor before the trigger."""
    if actor1 is not None and actor1.start > trigger_start:
        before = [m for m in mentions if m.end <= trigger_start and m.inter != actor1.inter]
        if before:
            return before[-1]
    for m in mentions:
        if m is actor1 or (actor1 is not None and m.inter == actor1.inter):
            continue
        if m.start >= trigger_start:
            return m
    return None
