"""The fusion rules, read from ``extract/lexicons/fusion.v1.json`` (heuristics are data)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

LEXICON = "fusion.v1.json"


@dataclass(frozen=True)
class FuseConfig:
    max_km: float
    place_conflict_km: float
    day_tolerance: int
    reported_lookback_days: int
    compatible_event_types: frozenset[frozenset[str]]
    exact_subtype_types: frozenset[str]
    catch_all_subtypes: frozenset[str]
    subtype_precedence: tuple[str, ...]
    catch_all_min_overlap: float
    inter_classes: dict[int, int]  # inter code -> the class it is equivalent to
    generic_inters: frozenset[int]
    generic_actor_words: frozenset[str]
    actor_match_ratio: float
    horizon_patterns: tuple[re.Pattern[str], ...]
    rhetoric_min_confidence: float = 0.5
    version: int = 1

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FuseConfig:
        classes: dict[int, int] = {}
        for group in data.get("equivalent_inters", []):
            for code in group:
                classes[int(code)] = int(group[0])
        return cls(
            max_km=float(data["max_km"]),
            place_conflict_km=float(data["place_conflict_km"]),
            day_tolerance=int(data["day_tolerance"]),
            reported_lookback_days=int(data["reported_lookback_days"]),
            compatible_event_types=frozenset(frozenset(pair) for pair in data["compatible_event_types"]),
            exact_subtype_types=frozenset(data["exact_subtype_types"]),
            catch_all_subtypes=frozenset(data.get("catch_all_subtypes", [])),
            subtype_precedence=tuple(data.get("subtype_precedence", [])),
            catch_all_min_overlap=float(data.get("catch_all_min_overlap", 0.0)),
            inter_classes=classes,
            generic_inters=frozenset(int(c) for c in data["generic_inters"]),
            generic_actor_words=frozenset(w.lower() for w in data["generic_actor_words"]),
            actor_match_ratio=float(data["actor_match_ratio"]),
            horizon_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["horizon_patterns"]),
            rhetoric_min_confidence=float(data.get("rhetoric_min_confidence", 0.5)),
            version=int(data.get("version", 1)),
        )


@functools.cache
def default_config() -> FuseConfig:
    """The packaged rules (read once per process)."""
    path = resources.files("newsprism.extract").joinpath("lexicons", LEXICON)
    return FuseConfig.from_dict(json.loads(path.read_text(encoding="utf-8")))
