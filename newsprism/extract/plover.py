"""PLOVER categories of verbal acts (``lexicons/plover_verbs.v1.tsv``).

ACLED codes physical events; PLOVER also codes what actors say and decide (agree, demand, threaten, sanction).
:func:`plover_cue` finds the first PLOVER cue in a stretch of text; the events stage uses it for the PLOVER type
of Strategic developments, and — with the ``events_verbal`` setting — for verbal events ACLED does not code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

from ..model import Span


@functools.lru_cache(maxsize=1)
def cues() -> tuple[re.Pattern[str], list[str]]:
    """One pattern with a named group per category, and the categories in file order."""
    parts, names = [], []
    for line in resources.files(__package__).joinpath("lexicons/plover_verbs.v1.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, pattern = line.split("\t")
        names.append(category)
        parts.append(f"(?P<{category}__{len(parts)}>{pattern.strip()})")  # a category may have several lines
    return re.compile(r"\b(?:" + "|".join(parts) + r")(?:(?<=\W)|(?!\w))", re.I), names  # whole words


def plover_cue(text: str, start: int, end: int, names: Iterable[tuple[int, int]] = ()) -> tuple[str, Span] | None:
    """The PLOVER category of the first cue in ``text[start:end]`` outside the ``names`` spans, and its span."""
    pattern, _ = cues()
    skip = [(s, e) for s, e in names if s < end and e > start]
    for m in pattern.finditer(text, start, end):
        if m.lastgroup is None or any(s <= m.start() < e for s, e in skip):
            continue
        return m.lastgroup.split("__")[0], Span.of(text, m.start(), m.end())
    return None
