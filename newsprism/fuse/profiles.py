"""Outlet profiles: how each outlet reports, from the claims and rhetoric of its articles."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Analysis, OutletProfile
from .cluster import outlet_label
from .config import FuseConfig, default_config

_WORD = re.compile(r"\w+")


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _words(analysis: Analysis) -> int:
    text = analysis.article.text
    boiler = sum(len(_WORD.findall(text[s.start:s.end])) for s in analysis.article.boilerplate)
    return max(0, len(_WORD.findall(text)) - boiler)


def outlet_profiles(analyses: Sequence[Analysis], config: FuseConfig | None = None) -> list[OutletProfile]:
    """One profile per outlet, outlets with most articles first.

    ``hedged``: share of claims whose certainty is below "certain"; ``unnamed``: share
    from unnamed sources; ``author_voice``: share in the author's own voice;
    ``rhetoric_per_1000_words``: rhetoric spans of at least the configured confidence
    (``rhetoric_min_confidence``) per 1,000 words of body text.
    """
    floor = (config or default_config()).rhetoric_min_confidence
    grouped: dict[str, list[Analysis]] = {}
    for analysis in analyses:
        grouped.setdefault(outlet_label(analysis.article), []).append(analysis)
    profiles = []
    for outlet, items in grouped.items():
        claims = [c for a in items for c in a.claims]
        words = sum(_words(a) for a in items)
        rhetoric = sum(r.confidence >= floor for a in items for r in a.rhetoric)
        profiles.append(OutletProfile(
            outlet=outlet,
            articles=len(items),
            words=words,
            events=sum(len(a.events) for a in items),
            claims=len(claims),
            hedged=_share(sum(c.certainty != "certain" for c in claims), len(claims)),
            unnamed=_share(sum(c.speaker.kind == "unnamed" for c in claims), len(claims)),
            author_voice=_share(sum(c.speaker.kind == "author" for c in claims), len(claims)),
            rhetoric_spans=rhetoric,
            rhetoric_per_1000_words=round(rhetoric * 1000 / words, 2) if words else None,
        ))
    profiles.sort(key=lambda p: (-p.articles, p.outlet.casefold()))
    return profiles
