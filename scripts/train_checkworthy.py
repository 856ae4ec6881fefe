"""Train the check-worthiness model (newsprism/extract/models/checkworthy.v1.json).

Reads the CLEF-2019 CheckThat! sentences of ../shared/eval/checkworthy/clef.jsonl, keeps
split == "train" only (the test split is for `newsprism eval checkworthy`), parses them with
the project's spaCy pipeline, and fits a logistic regression over the readable features and the
word / word-pair presence of newsprism.extract.checkworthy. Only weights are written (the
words kept are those seen in at least --min-df sentences), no sentence of the data.

    .venv/bin/python scripts/train_checkworthy.py [--data FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve
from sklearn.model_selection import GroupKFold, cross_val_predict

from newsprism.extract.checkworthy import FEATURES, features, ngrams
from newsprism.nlp.pipeline import load_pipeline
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/eval/checkworthy/clef.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "newsprism/extract/models/checkworthy.v1.json"))
    parser.add_argument("--min-df", type=int, default=3)
    parser.add_argument("--c", type=float, nargs="+", default=[0.1, 0.3, 1.0, 3.0],
                        help="regularisation strengths to try; the best 5-fold (grouped by debate) held-out AP on train wins")
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    rows = [r for r in rows if r["split"] == "train"]
    nlp = load_pipeline(Settings.load(env={}).spacy_model)
    dense, grams = [], []
    for doc in nlp.pipe((r["text"] for r in rows), batch_size=256):
        dense.append(features(list(doc)))
        grams.append(ngrams(list(doc)))
    y = np.array([bool(r["gold"]["checkworthy"]) for r in rows])
    x = np.array(dense)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    df: dict[str, int] = {}
    for g in grams:
        for w in g:
            df[w] = df.get(w, 0) + 1
    vocab = {w: i for i, w in enumerate(sorted(w for w, n in df.items() if n >= args.min_df))}
    data, ri, ci = [], [], []
    for r, g in enumerate(grams):
        kept = [vocab[w] for w in g if w in vocab]
        norm = 1.0 / math.sqrt(len(g)) if g else 0.0
        for c in kept:
            data.append(norm)
            ri.append(r)
            ci.append(c)
    lexical = sp.csr_matrix((data, (ri, ci)), shape=(len(rows), len(vocab)))
    xs = sp.hstack([sp.csr_matrix((x - mean) / scale), lexical]).tocsr()
    debates = [r.get("debate", r["id"]) for r in rows]
    best_c, held_out, ap = None, None, -1.0
    for c in args.c:
        clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
        held = cross_val_predict(clf, xs, y, cv=GroupKFold(5), groups=debates, method="predict_proba")[:, 1]
        score = average_precision_score(y, held)
        print(f"C={c}: 5-fold held-out AP {score:.3f}")
        if score > ap:
            best_c, held_out, ap = c, held, score
    clf = LogisticRegression(C=best_c, class_weight="balanced", max_iter=3000)
    p, r, t = precision_recall_curve(y, held_out)
    f = 2 * p * r / np.maximum(p + r, 1e-9)
    best = int(np.argmax(f[:-1]))
    print(f"train split: {len(rows)} sentences, {int(y.sum())} check-worthy; 5-fold held-out AP {ap:.3f} at C={best_c}, "
          f"best F1 {f[best]:.3f} at {t[best]:.3f}")
    clf.fit(xs, y)
    coef = clf.coef_[0]
    n_dense = len(FEATURES)
    words = sorted(vocab, key=vocab.get)
    model = {
        "version": 1,
        "about": "Logistic regression over newsprism.extract.checkworthy features; trained by scripts/train_checkworthy.py "
                 "on the train split of CLEF-2019 CheckThat! task 1 (see docs/model-card-claims.md).",
        "cv_ap_train": round(float(ap), 4),
        "c": best_c,
        "threshold": round(float(t[best]), 4),  # best held-out F1 on train: a sentence at or above it is check-worthy
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 5) for v in coef[:n_dense]],
        "bias": round(float(clf.intercept_[0]), 5),
        "lexical": {w: round(float(v), 4) for w, v in zip(words, coef[n_dense:], strict=True) if abs(v) >= 0.05},
    }
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(model['lexical'])} word weights")


if __name__ == "__main__":
    main()
