"""Counts of dead, injured, arrested and crowd size in a sentence: numbers in digits and words, bounds
("over", "at least", "up to"), ranges ("1-2", "between 3 and 5") and vague amounts ("tens", "dozens",
"several") with ACLED's conservative convention. The words are data: ``lexicons/counts.v1.json``.

A count is a :class:`~newsprism.model.Count` ``{low, high, best}``: ``high`` None is an open range,
``best`` the conservative estimate ACLED would code (the low end of a range).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..model import Count, Span

KINDS = ("fatalities", "injured", "arrested", "size")
#: the kinds a number is tried for, in order: "mixed" (dead and wounded together) before the others
_TRIED = ("mixed", *KINDS)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_UNIT_AFTER = re.compile(r"\s*(%|per ?cent|percent|km|kilomet\w+|miles?|metres?|meters?|years?|months?|weeks?|days?|hours?|"
                         r"minutes?|am\b|pm\b|a\.m|p\.m|o'clock|kg|tons?|tonnes?|dollars?|usd|euros?|times|st\b|nd\b|rd\b|th\b|"
                         rf"(?:{_MONTHS})\b)", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_PART_OF = re.compile(r"\b(including|among them|among whom|of whom|of them|of which|among the dead|among those)\s*$", re.I)
_OBJECT = re.compile(r"\s+(?:\d|(?:a|an|the|one|two|three|four|five|several|dozens|his|her|their|at least)\b)", re.I)
_OWN_VERB = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?(?:were|was|are|is|have|has|had|remain\w*)\b", re.I)
_CAUSE_BETWEEN = re.compile(r"\b(?:against|over|for|after|following)\s+(?:the\s+)?(?:death|killing|murder)", re.I)
_BRACKET = re.compile(r"^(\s+(?!(?:in|at|near|on|from|to|into)\b)[\w'-]+){0,5}?\s*\([^()\n]{1,60}\)", re.I)
_CLAUSE_STOP = re.compile(r"[;:()\[\]]|,\s|\.\s")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    low: int
    high: int | None
    best: int
    vague: bool
    small_word: bool  # "a", "an", "one": weak evidence of a count


@dataclass(frozen=True)
class _Lex:
    number: re.Pattern[str]
    units: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, tuple[int, int | None, int]]
    bounds: dict[str, str]
    after: dict[str, re.Pattern[str]]
    before: dict[str, re.Pattern[str]]
    zero: dict[str, re.Pattern[str]]
    singular: dict[str, re.Pattern[str]]
    not_people: re.Pattern[str]
    unknown: dict[str, re.Pattern[str]]
    unknown_value: tuple[int, int | None, int]
    cause: dict[str, re.Pattern[str]]
    aside: re.Pattern[str] | None = None
    sources: re.Pattern[str] | None = None  # a number opening a report's source ("two residents ... said")


@functools.lru_cache(maxsize=1)
def lexicon() -> _Lex:
    data: dict[str, Any] = json.loads(resources.files(__package__).joinpath("lexicons/counts.v1.json").read_text("utf-8"))
    units, scales = data["units"], data["scales"]
    vague = {k: tuple(v) for k, v in data["vague"].items()}
    bounds = data["bounds"]
    word = "|".join(sorted((w for w in units if w not in ("a", "an", "no", "none", "single")), key=len, reverse=True))
    scale = "|".join(scales)
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    one_number = (rf"(?:(?:{digits})(?:\s+(?:{scale}))?"
                  rf"|(?:(?:a|an)\s+(?:{scale})|(?:{word}|{scale}))(?:(?:[\s-]+|\s+and\s+)(?:{word}|{scale}))*"
                  rf"|a|an|no|single)")
    vague_alt = "|".join(re.escape(v) for v in sorted(vague, key=len, reverse=True))
    bound_alt = "|".join(re.escape(b) for b in sorted(bounds, key=len, reverse=True))
    number = re.compile(
        rf"\b(?:(?P<bound>{bound_alt})\s+)?"
        rf"(?:between\s+(?P<b1>{one_number})\s+and\s+(?P<b2>{one_number})"
        rf"|(?P<vague>{vague_alt})"
        rf"|(?P<n1>{one_number})(?:\s*(?:-|–|to|or)\s*(?P<n2>{one_number}))?)\b",
        re.I,
    )
    # up to nine words between the number and the verb, or a relative clause ("three women who worked at X were found dead")
    lead = (r"^\s+(?:(?:[\w'/.-]+,?\s+){0,9}?|(?:[\w'/.-]+\s+){1,3}?(?:who|that)\s+(?:[\w'/.-]+\s+){1,12}?"
            r"(?=(?:were|was|had been|have been)\s)(?:[\w'/.-]+\s+){0,2}?)")
    after = {k: re.compile(lead + v["after"] + r"\b", re.I) for k, v in data["kinds"].items()}
    before = {k: re.compile(r"\b" + v["before"] + r"\s+$", re.I) for k, v in data["kinds"].items()}
    zero = {k: re.compile(v, re.I) for k, v in data["zero"].items()}
    singular = {k: re.compile(v, re.I) for k, v in data["singular"].items() if k != "about"}
    # "15 livestock", "eight Ukrainian attacks", "14 of 17 drones" - but not across a preposition: "32 civilians in attacks"
    not_people = re.compile(r"\s+(?:(?!(?:in|on|at|near|during|from|and|or|with|by|for|to|after|before|when|while|as)\b)"
                            r"[\w'-]+\s+){0,2}?" + data["not_people"] + r"\b", re.I)
    unknown = {k: re.compile(v, re.I) for k, v in data["unknown"].items() if k not in ("about", "value")}
    value = tuple(data["unknown"]["value"])
    cause = {k: re.compile(v, re.I) for k, v in data.get("cause", {}).items() if k != "about"}
    aside = data.get("aside", {}).get("pattern")
    aside_rx = re.compile(rf",\s*(?:{aside})\b[^,;:()\[\]]*,\s*", re.I) if aside else None
    sources = data.get("sources", {}).get("pattern")
    return _Lex(number, units, scales, vague, bounds, after, before, zero, singular, not_people, unknown, value, cause,
                aside_rx, re.compile(sources, re.I) if sources else None)


def parse_number(words: str) -> int | None:
    """The value of a number in digits or words ("2,000", "twenty-five", "two hundred", "1.5 million")."""
    lex = lexicon()
    text = words.lower().strip()
    parts = re.split(r"[\s-]+", text.replace(" and ", " "))
    total, current = 0, 0.0
    seen = False
    for part in parts:
        if not part:
            continue
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", part):
            current += float(part.replace(",", ""))
            seen = True
        elif part in lex.scales:
            current = (current or 1) * lex.scales[part]
            if lex.scales[part] >= 1000:
                total += int(current)
                current = 0
            seen = True
        elif part in lex.units:
            current += lex.units[part]
            seen = True
        else:
            return None
    return int(total + current) if seen else None


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Number expressions in ``text[start:end]`` (absolute offsets), with their range and best estimate."""
    lex = lexicon()
    end = len(text) if end is None else end
    out: list[Quantity] = []
    for m in lex.number.finditer(text, start, end):
        bound = (m.group("bound") or "").lower()
        if m.group("vague"):
            low, high, best = lex.vague[m.group("vague").lower()]
            vague = True
        else:
            first = m.group("b1") or m.group("n1")
            second = m.group("b2") or m.group("n2")
            low_v = parse_number(first) if first else None
            if low_v is None:
                continue
            high_v = parse_number(second) if second else None
            if high_v is not None and high_v < low_v:
                high_v = None
            low, high, best = low_v, high_v if high_v is not None else low_v, low_v
            vague = False
        kind = lex.bounds.get(bound)
        if kind == "low":
            high = None
        elif kind == "high":
            low, high, best = min(1, low), high if high is not None else low, high if high is not None else low
        small = (m.group("n1") or "").lower() in ("a", "an", "one", "single", "no") and not m.group("n2")
        if _skip(text, m.start(), m.end(), low, bound):
            continue
        out.append(Quantity(m.start(), m.end(), low, high, best, vague, small))
    return out


def _skip(text: str, start: int, end: int, value: int, bound: str) -> bool:
    """Numbers that are dates, times, distances, percentages or years are not counts."""
    if _UNIT_AFTER.match(text, end):
        return True
    if _MONTH_BEFORE.search(text, max(0, start - 12), start):
        return True
    return 1900 <= value <= 2100 and not bound and text[start:end].isdigit()


def has_toll(counts: dict[str, Count]) -> bool:
    """Whether the counts give people dead, injured or arrested (a crowd's size is no toll)."""
    return any(c.best > 0 for kind, c in counts.items() if kind != "size")


def counts_in(text: str, start: int, end: int) -> dict[str, Count]:
    """The counts of each kind one sentence reports (summed over the groups it lists, e.g. "3 militants and 2 soldiers")."""
    lex = lexicon()
    vague_spans = [(m.start(), m.end()) for p in lex.unknown.values() for m in p.finditer(text, start, end)]
    people = [q for q in quantities(text, start, end)  # not "15 livestock", not the "an" of "an unknown number"
              if not lex.not_people.match(text, q.end, end) and not any(a <= q.start < b for a, b in vague_spans)]
    kinds: list[str | None] = [_kind_of(text, q, start, end, lex) for q in people]
    for n in range(1, len(people)):  # "3 militants and 1-2 policemen were killed": one verb for the list
        if kinds[n] is None and kinds[n - 1] is not None and _coordinated(text, people[n - 1], people[n]) \
                and not _OWN_VERB.match(text, people[n].end) and not (lex.sources and lex.sources.match(text, people[n].end)):
            kinds[n] = kinds[n - 1]
    for n in range(len(people) - 2, -1, -1):  # "5 soldiers and 1 officer were killed"
        if kinds[n] is None and kinds[n + 1] is not None and _coordinated(text, people[n], people[n + 1], words=2):
            kinds[n] = kinds[n + 1]
    found: dict[str, list[tuple[Quantity, str]]] = {}
    for q, kind in zip(people, kinds, strict=True):
        if kind is None or _PART_OF.search(text, max(start, q.start - 20), q.start):
            continue  # no count; or "5 killed, including 2 children": a part of a count already taken
        if kind in lex.cause and lex.cause[kind].search(text, max(start, q.start - 90), q.start):
            continue  # "justice for the death of a man", "after two children were killed": the cause, not the toll
        if kind == "size" and (q.small_word or q.best < 3):
            continue
        found.setdefault(kind, []).append((q, kind))
    out: dict[str, Count] = {}
    for kind, items in found.items():
        qs = [q for q, _ in items]
        low = sum(q.low for q in qs)
        high = None if any(q.high is None for q in qs) else sum(q.high or 0 for q in qs)
        best = sum(q.best for q in qs)
        out[kind] = Count(low, high, best, Span.of(text, qs[0].start, qs[-1].end))
    mixed = out.pop("mixed", None)
    if mixed is not None and "fatalities" not in out:  # "killing and injuring dozens": half of them died, ACLED assumes
        half = mixed.best // 2 if mixed.best >= 4 else mixed.best
        out["fatalities"] = Count(mixed.low // 2 if mixed.low >= 4 else mixed.low, None, half, mixed.span)
    for kind, pattern in lex.unknown.items():
        if kind not in out and (m := pattern.search(text, start, end)) is not None:
            low, high, best = lex.unknown_value
            out[kind] = Count(low, high, best, Span.of(text, m.start(), m.end()))
    for kind, pattern in lex.singular.items():  # "A woman died and the man died": one each
        ones = [m for m in pattern.finditer(text, start, end)
                if not (kind in lex.cause and lex.cause[kind].search(text, max(start, m.start() - 90), m.start()))]
        if ones and (kind not in out or (out[kind].best == 1 and len(ones) > 1)):
            out[kind] = Count(len(ones), len(ones), len(ones), Span.of(text, ones[0].start(), ones[-1].end()))
    for kind, pattern in lex.zero.items():
        if kind not in out:
            m = pattern.search(text, start, end)
            if m:
                out[kind] = Count(0, 0, 0, Span.of(text, m.start(), m.end()))
    return out


def _kind_of(text: str, q: Quantity, start: int, end: int, lex: _Lex) -> str | None:
    before_text = text[max(start, q.start - 60):q.start]
    stop = list(_CLAUSE_STOP.finditer(before_text))
    if stop:
        before_text = before_text[stop[-1].end():]
    for kind in _TRIED:
        if lex.before[kind].search(before_text + " "):
            return kind
    # "5 civilians (2 men, 2 women and 1 child) were killed": a bracket within the noun phrase is blanked (same length)
    after_text = _BRACKET.sub(lambda b: " " * len(b.group(0)), text[q.end:end], count=1)
    cut = _CLAUSE_STOP.search(after_text)
    aside = lex.aside.match(after_text, cut.start()) if cut and lex.aside else None
    if aside:  # "39 people, including two police officers, were injured": the verb is after the aside (blanked, same length)
        after_text = after_text[:cut.start()] + " " * (aside.end() - cut.start()) + after_text[aside.end():]
        cut = _CLAUSE_STOP.search(after_text)
    if cut:
        after_text = after_text[:cut.start()]
    nxt = lex.number.search(after_text)
    if nxt and nxt.group(0).lower() not in ("a", "an"):
        after_text = after_text[:nxt.start()]
    for kind in _TRIED:
        m = lex.after[kind].search(after_text)
        if m is None:
            continue
        rest = text[q.end + m.end():end]
        if kind != "size" and _CAUSE_BETWEEN.search(m.group(0)):
            continue  # "a clinic against the death of a woman": the verb tells another clause's deaths
        if kind != "size" and _OBJECT.match(rest):
            continue  # "a sniper killed 2 soldiers": the number is the agent, the count comes after the verb
        return kind
    return None


def _coordinated(text: str, prev: Quantity, q: Quantity, words: int = 4) -> bool:
    """"3 militants and 1-2 policemen": the two numbers share one verb (at most ``words`` words between)."""
    between = text[prev.end:q.start]
    return bool(re.fullmatch(rf"(\s+[\w'/.-]+){{0,{words}}}\s*,?\s*(and|as well as|plus|,)\s+", between, re.I))


_ALSO = re.compile(r"[\w\s'-]{0,40}?\b(?:were|was|have been|had been) also\b"  # "2 militants were also killed"
                   r"|\s+(?:more|others|other \w+)\s+(?:were|was) ", re.I)  # "3 more were killed"


def merge_counts(counts: list[Count | None], text: str = "") -> Count | None:
    """The count of one event from several mentions: the largest figure reported (mentions repeat, they do not add),
    plus the counts told as additional ("Three members of his family were also killed"; needs ``text``)."""
    present = [c for c in counts if c is not None]
    if not present:
        return None
    extra = [c for c in present if text and c.span is not None and _ALSO.match(text, c.span.end)] \
        if len(present) > 1 else []
    main = [c for c in present if c not in extra]
    if not main:
        main, extra = extra[:1], extra[1:]
    best = max(main, key=lambda c: (c.best, c.low))
    if not extra:
        return best
    high = None if best.high is None or any(c.high is None for c in extra) else best.high + sum(c.high or 0 for c in extra)
    return Count(best.low + sum(c.low for c in extra), high, best.best + sum(c.best for c in extra), best.span)
