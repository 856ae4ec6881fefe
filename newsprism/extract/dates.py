"""Stage 'dates': date expressions resolved against the article's publication (or reference) date.

Expressions come from spaCy's DATE entities plus explicit dates the NER missed ("27 April 2020",
"May 7, 2020", "2020-05-07"). False hits are filtered with ``lexicons/date_filters.v1.json`` (the modal
"may", "We", "85% of", durations such as "two years" or "every hour", ages). Each kept expression is parsed
by dateparser with ``PREFER_DATES_FROM = past`` and ``RELATIVE_BASE`` = :attr:`Article.date_base`.

``DateRef.value`` is an ISO date ``YYYY-MM-DD``; ``precision`` says how much of it is meant: ``day``,
``month`` (the value is the first of the month) or ``year`` (the first of January). A week ("last week")
is reported with month precision. A weekday name ("on Wednesday", "Tuesday evening") is the most recent
such day on or before the base date, the same day included (news convention), or the next one on or after
it when its verb is future ("will meet on Friday", "plans to vote on Monday"). A range ("30 April-1 May")
resolves to its first day. An expression
that needs a base date (no year in it: "January 6", "yesterday") stays unresolved, with that reason, when
the article has neither ``published`` nor ``reference_date``; so does one dateparser cannot read.

Helper for later stages: :func:`dates_in` — dates whose span lies inside a character range;
:func:`first_date_in` — the first resolved one.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
from importlib import resources
from typing import Any

from ..model import DatePrecision, DateRef, Span
from ..nlp.pipeline import ParsedArticle

log = logging.getLogger(__name__)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
EXPLICIT = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    rf"(?:this\s+)?({'|'.join(_WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night|noon|midday))?", re.I
)
_PERIOD: dict[str, DatePrecision] = {"day": "day", "time": "day", "week": "month", "month": "month", "year": "year"}
NO_BASE = "a relative date, and the article has no publication or reference date to resolve it against"
UNREADABLE = "not a date expression dateparser can read"


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("newsprism.extract").joinpath("lexicons", "date_filters.v1.json").read_text(encoding="utf-8")
    )
    data["drop_exact"] = frozenset(data["drop_exact"])
    data["drop_as_written"] = frozenset(data["drop_as_written"])
    data["drop_patterns"] = [re.compile(p, re.I) for p in data["drop_patterns"]]
    data["strip_leading"] = sorted(data["strip_leading"], key=len, reverse=True)
    data["relative_words"] = frozenset(data["relative_words"])
    return data


def extract(parsed: ParsedArticle) -> dict[str, Any]:
    text = parsed.text
    base = parse_base(parsed.article.date_base)
    found = [_trim(text, ent.start_char, ent.end_char) for ent in parsed.doc.ents if ent.label_ == "DATE"]
    for m in EXPLICIT.finditer(text):  # an explicit date wins over the NER's part of it ("May 2020" of "4 May 2020")
        found = [(s, e) for s, e in found if not (m.start() <= s and e <= m.end())]
        if not any(s < m.end() and m.start() < e for s, e in found):
            found.append((m.start(), m.end()))
    out = []
    for start, end in sorted(set(found)):
        if end <= start or is_false_hit(text, start, end, parsed):
            continue
        value, precision, reason = resolve(text[start:end], base, future=is_future(parsed, start, end))
        out.append(DateRef(Span.of(text, start, end), value, precision, reason))
    return {"dates": out}


def parse_base(value: str | None) -> dt.date | None:
    """The article's date base (``published`` or ``reference_date``, ISO 8601) as a date."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            log.warning("date base %r is not ISO 8601; relative dates stay unresolved", value)
            return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if text[start:start + 4].lower() == "the " and end - start > 4:
        start += 4
    return start, end


def is_false_hit(text: str, start: int, end: int, parsed: ParsedArticle | None = None) -> bool:
    """The modal "may", "We", "85% of", durations and ages are not dates."""
    r = rules()
    expr = text[start:end]
    if expr in r["drop_as_written"]:
        return True
    if expr == "May" and parsed is not None:  # "May I" / "May they ..." at a sentence start: the modal
        nxt = [t for t in parsed.doc if t.idx >= end][:1]
        if nxt and nxt[0].pos_ in ("PRON", "VERB", "AUX", "PROPN"):
            return True
    low = " ".join(expr.lower().split())
    low = low[4:] if low.startswith("the ") else low
    if low in r["drop_exact"] or f"the {low}" in r["drop_exact"] or any(p.search(low) for p in r["drop_patterns"]):
        return True
    if text[end:end + 1] == "%" or text[end:end + 9].lower().startswith(" percent"):
        return True
    if low.isdigit() and not _YEAR.fullmatch(low):
        return True  # a bare number ("12345") is not a year
    return not any(ch.isdigit() for ch in low) and not _has_date_word(low)


def _has_date_word(low: str) -> bool:
    words = set(re.findall(r"[a-z]+", low))
    months = {m.lower() for m in _MONTHS.split("|")}
    return bool(words & months or words & rules()["relative_words"])


def resolve(
    expr: str, base: dt.date | None, future: bool = False
) -> tuple[str | None, DatePrecision | None, str | None]:
    """(ISO value, precision, reason) for one expression.

    A bare weekday ("on Wednesday", "Tuesday evening") is the most recent such day on or before ``base`` (the
    same day when it matches: news convention), or the first one on or after it when ``future`` is true.
    """
    core, coarse = _strip(expr)
    core = rules()["rewrite"].get(core.lower(), core)
    relative = not _YEAR.search(core)
    if relative and base is None:
        return None, None, NO_BASE
    weekday = _WEEKDAY.fullmatch(core.strip())
    if weekday and base is not None:
        delta = (base.weekday() - _WEEKDAYS.index(weekday.group(1).lower())) % 7
        day = base + dt.timedelta(days=(7 - delta) % 7 if future else -delta)
        return day.isoformat(), "day", None
    parsed = _parse(core, base.isoformat() if base else None)
    if parsed is None:
        for sep in rules()["range_separators"]:
            if sep in core:
                first, _, rest = core.partition(sep)
                year = _YEAR.search(rest)
                if year and not _YEAR.search(first):
                    first = f"{first} {year.group(0)}"
                parsed = _parse(first.strip(), base.isoformat() if base else None)
                if parsed:
                    break
    if parsed is None:
        return None, None, UNREADABLE
    day, period = parsed
    precision = _PERIOD.get(period, "day")
    if coarse and precision == "day" and not re.search(r"\d{1,2}(st|nd|rd|th)?\b(?!\d)", core.replace(str(day.year), "")):
        precision = coarse
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return day.isoformat(), precision, None


def is_future(parsed: ParsedArticle, start: int, end: int) -> bool:
    """The verb that governs the expression is future: "will meet on Friday", "plans to vote on Monday"."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    r = rules()
    aux, heads = frozenset(r.get("future_auxiliaries", ())), frozenset(r.get("future_heads", ()))
    tok = span.root
    for _ in range(4):  # up to the governing verb ("on Friday" -> "meet")
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in aux for c in tok.children):
        return True
    # an infinitive under a planning verb: "plans to meet", "is due to vote", "is going to sign"
    if tok.dep_ == "xcomp" and any(c.lower_ == "to" for c in tok.children):
        head = tok.head
        return head.lemma_.lower() in heads or head.lower_ in heads
    return False


def _strip(expr: str) -> tuple[str, DatePrecision | None]:
    core = " ".join(expr.split())
    coarse: DatePrecision | None = None
    changed = True
    while changed:
        changed = False
        low = core.lower()
        for word in rules()["strip_leading"]:
            if low.startswith(word) and (word.endswith("-") or low[len(word):len(word) + 1] in (" ", "-")):
                coarse = coarse or rules()["coarsen"].get(word)
                core = core[len(word):].lstrip(" -")
                changed = bool(core)
                break
    return core or expr, coarse


@functools.lru_cache(maxsize=20_000)
def _parse(core: str, base: str | None) -> tuple[dt.date, str] | None:
    data = _parser(base).get_date_data(core)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")


@functools.lru_cache(maxsize=64)
def _parser(base: str | None) -> Any:
    """One dateparser parser per base date (they are cheap, and their settings are fixed at creation)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base)
    return DateDataParser(languages=["en"], settings=settings)


def dates_in(dates: list[DateRef], start: int, end: int) -> list[DateRef]:
    """Date expressions whose span lies inside ``[start, end)``, in text order."""
    return sorted((d for d in dates if start <= d.span.start and d.span.end <= end), key=lambda d: d.span.start)


def first_date_in(dates: list[DateRef], start: int, end: int) -> DateRef | None:
    """The first resolved date inside ``[start, end)``."""
    return next((d for d in dates_in(dates, start, end) if d.value), None)
