"""A short, readable summary of one analysis, for a person (``newsprism analyze --format text``).

Written over whatever the analysis holds: every list field of the record that
is not empty gets a section with one short line per item, so fields later
stages add show up without changes here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ..model import Analysis

#: items shown per section before "… and N more"
MAX_ITEMS = 12
QUOTE_CHARS = 90
_SKIP = {"id", "article", "schema_version", "sentences"}


def summarise(analysis: Analysis, max_items: int = MAX_ITEMS) -> str:
    a = analysis.article
    lines = [a.title or analysis.id]
    meta = [
        a.outlet,
        a.published,
        ("by " + ", ".join(a.authors)) if a.authors else None,
        ("edited by " + ", ".join(a.editors)) if a.editors else None,
        f"language {a.language}" if a.language else None,
    ]
    lines.append("  " + " · ".join(m for m in meta if m) if any(meta) else "  (no metadata)")
    if a.url:
        lines.append(f"  {a.url}")
    lines.append(f"  id {analysis.id} · {a.source or '?'} · {len(a.text):,} characters · {len(analysis.sentences)} sentences")
    if a.standfirst:
        lines.append(f"  {_clip(a.standfirst)}")
    for f in dataclasses.fields(analysis):
        if f.name in _SKIP:
            continue
        items = getattr(analysis, f.name)
        if not isinstance(items, list) or not items:
            continue
        lines.append(f"{f.name} ({len(items)})")
        for item in items[:max_items]:
            lines.append("  - " + describe(item))
        if len(items) > max_items:
            lines.append(f"  … and {len(items) - max_items} more")
    return "\n".join(lines)


def describe(item: Any) -> str:
    """One short line for one record."""
    fn = _DESCRIBE.get(type(item).__name__, _generic)
    try:
        return fn(item)
    except (AttributeError, TypeError):  # a record whose shape changed: fall back, never fail the summary
        return _generic(item)


def _clip(text: str | None, limit: int = QUOTE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quote(text: str | None) -> str:
    return f"“{_clip(text)}”" if text else ""


def _event(e: Any) -> str:
    kind = e.sub_event_type or e.event_type
    date = e.date.value if e.date and e.date.value else "date ?"
    if e.date and e.date.value and e.date.precision == "reported":
        date = f"reported {date}"  # no date of its own: the article's date
    elif e.date and e.date.value and e.date.precision in ("month", "year"):
        date = date[:7] if e.date.precision == "month" else date[:4]
    parts = [date, kind]
    if e.place is not None:
        parts.append(f"at {e.place.resolved_name or e.place.name}")
    actors = [x.name for x in (e.actor1, e.actor2) if x is not None]
    if actors:
        parts.append("— " + " vs ".join(actors))
    counts = [f"{label} {c.best}" for label, c in (("dead", e.fatalities), ("injured", e.injured), ("arrested", e.arrested)) if c]
    if counts:
        parts.append("(" + ", ".join(counts) + ")")
    if e.reported_by is not None:
        parts.append(f"reported by {e.reported_by.name}")
    if e.certainty and e.certainty != "certain":
        parts.append(f"[{e.certainty}]")
    evidence = e.trigger.text if e.trigger else (e.evidence[0].text if e.evidence else "")
    return " ".join(parts) + (f" {_quote(evidence)}" if evidence else "")


def _claim(c: Any) -> str:
    head = f"{c.speaker.name} ({c.speaker.kind})"
    if c.channel is not None:
        head += f" via {c.channel.name}"
    tags = ", ".join(t for t in (c.kind, c.certainty) if t)
    return f"{head} [{tags}]: {_quote(c.content.text)}"


def _place(p: Any) -> str:
    if not p.resolved:
        return f"{p.name}: unresolved" + (f" ({p.reason})" if p.reason else "")
    where = ", ".join(x for x in (p.resolved_name, p.admin1, p.country) if x)
    coords = f" ({p.latitude:.2f}, {p.longitude:.2f})" if p.latitude is not None and p.longitude is not None else ""
    precision = f" precision {p.precision}" if p.precision else ""
    return f"{p.name} → {where}{coords}{precision}"


def _entity(e: Any) -> str:
    aliases = [x for x in e.aliases if x != e.name]
    return f"{e.name} ({e.kind}) ×{len(e.mentions)}" + (f", also {', '.join(aliases)}" if aliases else "")


def _date(d: Any) -> str:
    value = d.value or (f"unresolved ({d.reason})" if d.reason else "unresolved")
    return f"{_quote(d.span.text)} → {value}" + (f" ({d.precision})" if d.precision else "")


def _rhetoric(r: Any) -> str:
    return f"{r.technique}: {_quote(r.text)}"


def _rejection(r: Any) -> str:
    return f"{r.stage}:{r.code} {r.message}"


def _generic(item: Any) -> str:
    if not dataclasses.is_dataclass(item):
        return _clip(str(item))
    label = next((str(getattr(item, k)) for k in ("name", "technique", "kind", "label", "type") if getattr(item, k, None)), "")
    text = getattr(item, "text", None)
    if not isinstance(text, str):
        span = next((getattr(item, f.name) for f in dataclasses.fields(item) if hasattr(getattr(item, f.name), "start")), None)
        text = getattr(span, "text", None)
    return " ".join(x for x in (label, _quote(text)) if x) or type(item).__name__


_DESCRIBE: dict[str, Callable[[Any], str]] = {
    "Event": _event,
    "Claim": _claim,
    "Place": _place,
    "Entity": _entity,
    "DateRef": _date,
    "RhetoricSpan": _rhetoric,
    "Rejection": _rejection,
}
