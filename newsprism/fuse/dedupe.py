"""Duplicate articles (the same piece read twice, e.g. as text and as its web page) count once.

Two articles are duplicates when they have the same id or content hash, the same
normalised text (letters and digits only, case folded), or when nearly all the
word 5-grams of the shorter one occur in the longer one (containment >= 0.9).
Candidates for the last test come from a bottom-k sketch of each article's
5-gram hashes, so the work stays close to linear in the number of articles.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from ..model import Analysis

_WORD = re.compile(r"\w+")
SHINGLE = 5
SKETCH = 16
CONTAINMENT = 0.9


def _shingles(text: str) -> set[int]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {hash(" ".join(words))} if words else set()
    return {int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE]).encode(), digest_size=8).digest(), "big")
            for i in range(len(words) - SHINGLE + 1)}


def dedupe(analyses: Sequence[Analysis]) -> tuple[list[Analysis], list[tuple[str, str]]]:
    """(kept analyses in input order, [(dropped id, id of the article it duplicates)])."""
    kept: list[Analysis] = []
    dropped: list[tuple[str, str]] = []
    exact: dict[str, str] = {}
    shingles: list[set[int]] = []
    sketch_index: dict[int, list[int]] = {}
    for analysis in analyses:
        article = analysis.article
        norm = " ".join(w.casefold() for w in _WORD.findall(article.text))
        keys = [f"id:{analysis.id}", f"text:{hashlib.sha256(norm.encode()).hexdigest()}"]
        if article.content_hash:
            keys.append(f"hash:{article.content_hash}")
        twin = next((exact[k] for k in keys if k in exact), None)
        grams = _shingles(article.text)
        if twin is None and grams:
            candidates = {i for h in sorted(grams)[:SKETCH] for i in sketch_index.get(h, [])}
            for i in sorted(candidates):
                other = shingles[i]
                if len(grams & other) / min(len(grams), len(other)) >= CONTAINMENT:
                    twin = kept[i].id
                    break
        if twin is not None:
            dropped.append((analysis.id, twin))
            for k in keys:
                exact.setdefault(k, twin)
            continue
        for k in keys:
            exact[k] = analysis.id
        for h in sorted(grams)[:SKETCH]:
            sketch_index.setdefault(h, []).append(len(kept))
        kept.append(analysis)
        shingles.append(grams)
    return kept, dropped
