"""The shipped rhetoric model: two linear models over string features, stored as numpy arrays + JSON.

* ``si`` — a binary logistic regression over token features (is this token inside a
  persuasion-technique span?);
* ``tc`` — a multinomial logistic regression over span features (which technique?).

Files (``newsprism/extract/models/``): ``rhetoric.v1.json`` holds the vocabularies, the
class names, the decoding threshold and how the model was trained; ``rhetoric.v1.npz``
holds the weight matrices. Loading needs numpy only (no pickles, no scikit-learn), so
the model reads the same on any numpy version. ``scripts/train_rhetoric.py`` writes them.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsprismError

log = logging.getLogger(__name__)

MODEL_NAME = "rhetoric.v1"


@dataclass
class LinearModel:
    """``scores = X @ coef + intercept`` over a vocabulary of string features."""

    vocab: dict[str, int]
    coef: np.ndarray  # (n_features, n_outputs)
    intercept: np.ndarray  # (n_outputs,)
    classes: list[str] = field(default_factory=list)  # empty for a binary model

    def scores(self, rows: Sequence[Iterable[str]]) -> np.ndarray:
        out = np.tile(self.intercept, (len(rows), 1)).astype(np.float64)
        vocab, coef = self.vocab, self.coef
        for r, feats in enumerate(rows):
            idx = [vocab[f] for f in set(feats) if f in vocab]
            if idx:
                out[r] += coef[idx].sum(axis=0)
        return out

    def proba(self, rows: Sequence[Iterable[str]]) -> np.ndarray:
        """Binary: P(positive) per row, shape (n,). Multiclass: softmax, shape (n, n_classes)."""
        s = self.scores(rows)
        if not self.classes:
            return 1.0 / (1.0 + np.exp(-s[:, 0]))
        s -= s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}_coef": self.coef.astype(np.float32), f"{prefix}_intercept": self.intercept.astype(np.float32)}

    def vocab_list(self) -> list[str]:
        names = [""] * len(self.vocab)
        for name, i in self.vocab.items():
            names[i] = name
        return names


@dataclass
class RhetoricModel:
    si: LinearModel
    tc: LinearModel
    threshold: float  # token probability from which a token may be inside a span
    peak: float  # a span is kept when one of its tokens reaches this probability
    gap: int = 2  # runs this many tokens apart (same sentence) are joined
    meta: dict[str, Any] = field(default_factory=dict)

    def save(self, directory: str | Path, name: str = MODEL_NAME) -> tuple[Path, Path]:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        arrays = {**self.si.arrays("si"), **self.tc.arrays("tc")}
        npz = directory / f"{name}.npz"
        np.savez_compressed(npz, **arrays)
        info = {
            "format": 1,
            "threshold": self.threshold,
            "peak": self.peak,
            "gap": self.gap,
            "classes": self.tc.classes,
            "meta": self.meta,
            "si_vocab": self.si.vocab_list(),
            "tc_vocab": self.tc.vocab_list(),
        }
        js = directory / f"{name}.json"
        js.write_text(json.dumps(info, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        return js, npz

    @classmethod
    def load(cls, directory: str | Path, name: str = MODEL_NAME) -> RhetoricModel:
        directory = Path(directory)
        js, npz = directory / f"{name}.json", directory / f"{name}.npz"
        if not js.exists() or not npz.exists():
            raise NewsprismError(
                f"the rhetoric model {name} is missing from {directory}; rebuild it with `make train-rhetoric`"
            )
        info = json.loads(js.read_text(encoding="utf-8"))
        with np.load(npz) as arrays:
            si = LinearModel(
                {f: i for i, f in enumerate(info["si_vocab"])}, arrays["si_coef"], arrays["si_intercept"],
            )
            tc = LinearModel(
                {f: i for i, f in enumerate(info["tc_vocab"])}, arrays["tc_coef"], arrays["tc_intercept"], info["classes"],
            )
        return cls(si=si, tc=tc, threshold=float(info["threshold"]), peak=float(info["peak"]), gap=int(info["gap"]),
                   meta=info.get("meta", {}))


@functools.lru_cache(maxsize=1)
def shipped_model() -> RhetoricModel:
    """The model bundled with newsprism, loaded once per process."""
    directory = Path(str(resources.files("newsprism.extract").joinpath("models")))
    model = RhetoricModel.load(directory)
    log.info("loaded rhetoric model %s (%d + %d features)", MODEL_NAME, len(model.si.vocab), len(model.tc.vocab))
    return model
