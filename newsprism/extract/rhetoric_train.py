"""Training the rhetoric model (scikit-learn), used by scripts/train_rhetoric.py and the cross-validated eval.

Features are computed once per document (:func:`prepare`) and interned into integer
columns of a :class:`FeatureSpace`; a training run keeps the columns seen at least
``min_count`` times in its own training documents, fits the two models and stores the
weights as plain arrays (:class:`~newsprism.extract.rhetoric_model.RhetoricModel`):

* tokens: logistic loss by SGD (fast on ~200k tokens, deterministic with the seed);
* spans: multinomial logistic regression.

The decoding thresholds are chosen on out-of-fold token probabilities inside the training
documents only, so cross-validation never sees its held-out fold while tuning.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .rhetoric_features import DocFeatures, doc_features, span_features, token_features
from .rhetoric_model import LinearModel, RhetoricModel

log = logging.getLogger(__name__)

MAX_COLUMNS = 1 << 30  # matrices are narrowed to the features actually seen before fitting
LOWS = (0.08, 0.1, 0.12, 0.15, 0.2)
PEAKS = (0.25, 0.3, 0.35, 0.4, 0.45)
GAP = 2


class FeatureSpace:
    """Interns feature strings into column numbers, shared by all documents of one run."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def rows(self, rows: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        indptr, indices = [0], []
        for feats in rows:
            cols = {self.ids.setdefault(f, len(self.ids)) for f in feats}
            indices.extend(sorted(cols))
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.float32)
        return sparse.csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(rows), MAX_COLUMNS))

    def names(self) -> list[str]:
        out = [""] * len(self.ids)
        for name, i in self.ids.items():
            out[i] = name
        return out


@dataclass
class Prepared:
    """One training document: its features, token labels, gold spans and technique examples."""

    doc_id: str
    df: DocFeatures
    x_tok: sparse.csr_matrix
    y_tok: np.ndarray
    x_span: sparse.csr_matrix
    y_span: list[str]
    si_spans: list[tuple[int, int]]


def prepare(doc_id: str, doc, si_spans, tc_spans, space: FeatureSpace) -> Prepared:
    df = doc_features(doc)
    y = np.zeros(len(df.tokens), dtype=np.int8)
    for i, tok in enumerate(df.tokens):
        a, b = tok.idx, tok.idx + len(tok.text)
        if any(s < b and a < e for s, e in si_spans):
            y[i] = 1
    x_tok = space.rows([token_features(df, i) for i in range(len(df.tokens))])
    x_span = space.rows([span_features(df, s, e) for s, e, _ in tc_spans])
    return Prepared(doc_id, df, x_tok, y, x_span, [t for _, _, t in tc_spans], list(si_spans))


def _stack(mats: list[sparse.csr_matrix], width: int) -> sparse.csr_matrix:
    narrowed = [sparse.csr_matrix((m.data, m.indices, m.indptr), shape=(m.shape[0], width)) for m in mats]
    return sparse.vstack(narrowed, format="csr")


def _select(x: sparse.csr_matrix, min_count: int) -> np.ndarray:
    counts = np.asarray((x > 0).sum(axis=0)).ravel()
    return np.flatnonzero(counts >= min_count)


def fit_linear(x, y, cols, names, *, c: float, seed: int, multiclass: bool) -> LinearModel:
    """Multiclass: multinomial logistic regression (C=c). Binary: logistic loss by SGD (alpha=c)."""
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from threadpoolctl import threadpool_limits

    cols = np.array(sorted(cols, key=lambda j: names[j]), dtype=np.int64)  # vocabulary order independent of hashing
    xs = x[:, cols].tocsr()
    xs.sort_indices()  # the solver's sums then run in the same order whatever the interning order was
    if multiclass:
        clf = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    else:
        clf = SGDClassifier(loss="log_loss", alpha=c, max_iter=15, tol=None, random_state=seed)
    with threadpool_limits(limits=1):  # one BLAS thread: the same weights on every run and machine load
        clf.fit(xs, y)
    vocab = {names[j]: k for k, j in enumerate(cols)}
    classes = [str(k) for k in clf.classes_] if multiclass else []
    return LinearModel(vocab, clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32), classes)


def train(
    docs: Sequence[Prepared], space: FeatureSpace, *, seed: int = 13, tune_folds: int = 3,
    si_alpha: float = 3e-5, tc_c: float = 0.5, min_count: int = 2,
) -> RhetoricModel:
    """Fit the token and span models on ``docs``; decoding thresholds tuned by ``tune_folds`` inner folds."""
    width = len(space.ids)
    names = space.names()
    low, peak = 0.12, 0.35
    if tune_folds > 1:
        low, peak = _tune(docs, width, names, seed, tune_folds, si_alpha, min_count)
    si = _fit_si(docs, width, names, si_alpha, seed, min_count)
    x_span = _stack([d.x_span for d in docs if d.y_span], width)
    y_span = [t for d in docs for t in d.y_span]
    tc = fit_linear(x_span, y_span, _select(x_span, 1), names, c=tc_c, seed=seed, multiclass=True)
    meta = {"seed": seed, "si_alpha": si_alpha, "tc_c": tc_c, "min_count": min_count, "documents": len(docs),
            "tc_examples": len(y_span), "tuned_threshold_folds": tune_folds}
    return RhetoricModel(si=si, tc=tc, threshold=low, peak=peak, gap=GAP, meta=meta)


def _tune(docs, width, names, seed, tune_folds, si_alpha, min_count) -> tuple[float, float]:
    from ..eval.rhetoric import si_scores
    from .rhetoric import decode

    order = np.random.default_rng(seed).permutation(len(docs))
    gold: dict[str, list[tuple[int, int]]] = {}
    probs: dict[str, np.ndarray] = {}
    for k in range(tune_folds):
        held = set(order[k::tune_folds].tolist())
        si = _fit_si([d for i, d in enumerate(docs) if i not in held], width, names, si_alpha, seed, min_count)
        for i in held:
            gold[docs[i].doc_id] = docs[i].si_spans
            probs[docs[i].doc_id] = _token_proba(si, docs[i], names)
    by_id = {d.doc_id: d for d in docs}
    scores = {}
    for low in LOWS:
        for peak in PEAKS:
            pred = {i: [(s, e) for s, e, _ in decode(by_id[i].df, p, low, peak, GAP)] for i, p in probs.items()}
            scores[(low, peak)] = si_scores(gold, pred)["f1"]
    best = max(scores, key=lambda k: scores[k])
    log.info("decoding low %.2f peak %.2f (inner CV SI F1 %.3f)", best[0], best[1], scores[best])
    return best


def _fit_si(docs: Sequence[Prepared], width: int, names: list[str], alpha: float, seed: int, min_count: int) -> LinearModel:
    x = _stack([d.x_tok for d in docs], width)
    y = np.concatenate([d.y_tok for d in docs])
    return fit_linear(x, y, _select(x, min_count), names, c=alpha, seed=seed, multiclass=False)


def _token_proba(si: LinearModel, d: Prepared, names: list[str]) -> np.ndarray:
    x = d.x_tok
    rows = [[names[j] for j in x.indices[x.indptr[r]:x.indptr[r + 1]]] for r in range(x.shape[0])]
    return si.proba(rows)
