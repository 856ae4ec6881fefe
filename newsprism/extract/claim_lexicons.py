"""The versioned word lists of the claims stage (``lexicons/*.v1.*``), loaded once per process.

Heuristics are data: cue verbs, hedges, source words and claim-kind markers
live in ``newsprism/extract/lexicons/`` and this module only reads them.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

CUES_FILE = "cues.v1.tsv"
HEDGES_FILE = "hedges.v1.tsv"
SOURCES_FILE = "sources.v1.json"
KINDS_FILE = "claimkinds.v1.json"


@dataclass(frozen=True)
class Cue:
    lemma: str
    part: str  # verb | noun | prep | adverb
    kind: str  # report | opinion | speculation | prediction
    takes_object: bool = False
    sure: bool = False  # the cue model is sure of this word here: it reports even without a clause or a subject


@dataclass(frozen=True)
class Hedge:
    words: tuple[str, ...]
    level: str  # probable | possible | doubtful
    tags: frozenset[str] = frozenset()
    weak: bool = False  # vague wording ("some", "often"): lowers certainty, makes no author's claim alone


@dataclass(frozen=True)
class ClaimLexicons:
    verb_cues: dict[str, Cue]
    noun_cues: dict[str, Cue]
    adverb_cues: dict[str, Cue]
    hedges: tuple[Hedge, ...]
    sources: dict[str, Any]
    kinds: dict[str, Any]
    # multi-word cues by their first word's lemma: ("make", "it", "clear"), ("take", "issue", "with"), ...
    idioms: dict[str, tuple[tuple[tuple[str, ...], Cue], ...]] = field(default_factory=dict)
    # phrases in which a cue verb says nothing unless it governs a clause ("adding to his wins", "you know")
    not_cues: tuple[tuple[str, ...], ...] = ()
    # words that stand for a whole answer after a speech verb ("said no", "said so")
    proforms: frozenset[str] = frozenset()
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, key: str) -> frozenset[str]:
        """A list of ``sources.v1.json`` as a set (lower-case), made once."""
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(self.sources[key])
        return found


def _read(name: str) -> str:
    return resources.files("newsprism.extract").joinpath("lexicons", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in _read(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@functools.lru_cache(maxsize=1)
def load() -> ClaimLexicons:
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    adverbs: dict[str, Cue] = {}
    idioms: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    not_cues: list[tuple[str, ...]] = []
    proforms: set[str] = set()
    for row in _rows(CUES_FILE):
        cue = Cue(row[0], row[1], row[2], len(row) > 3 and row[3] == "obj")
        if cue.part == "proform":
            proforms.add(row[0].lower())
            continue
        if cue.part == "not":
            not_cues.append(tuple(row[0].lower().split()))
            continue
        if cue.part == "idiom":
            words = tuple(row[0].lower().split())
            idioms.setdefault(words[0], []).append((words, cue))
            continue
        {"verb": verbs, "noun": nouns, "adverb": adverbs}.get(cue.part, {})[cue.lemma] = cue
    hedges = []
    for row in _rows(HEDGES_FILE):
        tags = frozenset(t for t in row[2].split(",") if t) if len(row) > 2 else frozenset()
        hedges.append(Hedge(tuple(row[0].lower().split()), row[1], tags, len(row) > 3 and row[3] == "weak"))
    sources = json.loads(_read(SOURCES_FILE))
    kinds = json.loads(_read(KINDS_FILE))
    # longer idioms first: "make it clear" before "make clear"
    by_first = {w: tuple(sorted(v, key=lambda i: -len(i[0]))) for w, v in idioms.items()}
    return ClaimLexicons(verbs, nouns, adverbs, tuple(hedges), sources, kinds, by_first, tuple(not_cues),
                         frozenset(proforms))
