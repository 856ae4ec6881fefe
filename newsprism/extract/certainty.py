"""Certainty: how firmly a stretch of text asserts something, from the hedge lexicon (``hedges.v1.tsv``).

Levels, from firm to weak: certain, probable ("reportedly", "likely", "it appears"),
possible ("may", "might", "perhaps"), doubtful ("unlikely", "doubt"). A negated
probable cue ("not likely") counts as doubtful. The weakest cue found decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .claim_lexicons import ClaimLexicons, Hedge

if TYPE_CHECKING:
    from spacy.tokens import Token

LEVELS = ("certain", "probable", "possible", "doubtful")
RANK = {level: i for i, level in enumerate(LEVELS)}
NEGATIONS = frozenset({"not", "n't", "never", "no"})


def _index(hedges: Iterable[Hedge]) -> dict[str, list[Hedge]]:
    index: dict[str, list[Hedge]] = {}
    for hedge in hedges:
        index.setdefault(hedge.words[0], []).append(hedge)
    for entries in index.values():
        entries.sort(key=lambda h: -len(h.words))
    return index


_INDEX_CACHE: dict[int, dict[str, list[Hedge]]] = {}


def hedge_index(lex: ClaimLexicons) -> dict[str, list[Hedge]]:
    key = id(lex.hedges)
    if key not in _INDEX_CACHE:
        _INDEX_CACHE[key] = _index(lex.hedges)
    return _INDEX_CACHE[key]


def _matches(tok: Token, word: str) -> bool:
    return tok.lower_ == word or tok.lemma_.lower() == word


def find_cues(tokens: Sequence[Token], lex: ClaimLexicons, strong_only: bool = False) -> list[tuple[int, int, str]]:
    """Hedge cues among ``tokens`` (consecutive tokens of one doc) as (start char, end char, level).

    ``strong_only`` leaves out the weak (vague) cues.
    """
    index = hedge_index(lex)
    found: list[tuple[int, int, str]] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        candidates = index.get(tok.lower_, []) + (index.get(tok.lemma_.lower(), []) if tok.lemma_.lower() != tok.lower_ else [])
        matched = None
        for hedge in candidates:
            k = len(hedge.words)
            if hedge.tags and not _tags_ok(tokens, i, k, hedge.tags):
                continue
            if i + k <= n and all(_matches(tokens[i + j], hedge.words[j]) for j in range(k)):
                matched = (hedge, k)
                break
        if matched is None:
            i += 1
            continue
        hedge, k = matched
        if strong_only and hedge.weak:
            i += k
            continue
        level = hedge.level
        if level == "probable" and _negated(tokens, i):
            level = "doubtful"
        last = tokens[i + k - 1]
        found.append((tok.idx, last.idx + len(last), level))
        i += k
    return found


def _tags_ok(tokens: Sequence[Token], i: int, k: int, tags: frozenset[str]) -> bool:
    """The first token has one of the tags; "RB+NUM" also wants a number right after the cue ("about 200")."""
    for tag in tags:
        base, _, after = tag.partition("+")
        if tokens[i].tag_ != base:
            continue
        if after == "NUM" and not (i + k < len(tokens) and tokens[i + k].like_num):
            continue
        return True
    return False


def _negated(tokens: Sequence[Token], i: int) -> bool:
    tok = tokens[i]
    if i > 0 and tokens[i - 1].lower_ in NEGATIONS:
        return True
    return any(child.dep_ == "neg" for child in tok.children) or (
        tok.dep_ in ("advmod", "acomp") and any(c.dep_ == "neg" for c in tok.head.children) and tok.head.i < tok.i
    )


def level_of(cues: Iterable[tuple[int, int, str]]) -> str:
    """The weakest level among cues; certain when there is none."""
    level = "certain"
    for _, _, cue_level in cues:
        if RANK[cue_level] > RANK[level]:
            level = cue_level
    return level

