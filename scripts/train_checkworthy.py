"""Train the check-worthiness model (newsprism/extract/models/checkworthy.v1.json).

Reads the CLEF-2019 CheckThat! sentences of ../shared/eval/checkworthy/clef.jsonl, keeps
split == "train" only (the test split is for `newsprism eval checkworthy`), parses them with
the project's spaCy pipeline and fits the three components of newsprism.extract.checkworthy:
two tf-idf linear models (logistic regression, C chosen by 5-fold cross-validation grouped by
debate) and gradient-boosted trees over the readable features. Their held-out scores are
standardised, averaged and calibrated. Only weights are written (the features kept are those seen
in at least --min-df sentences), no sentence of the data.

    .venv/bin/python scripts/train_checkworthy.py [--data FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve
from sklearn.model_selection import GroupKFold

from newsprism.extract.checkworthy import FEATURES, FORMAT, bags, features, tree_score
from newsprism.nlp.pipeline import load_pipeline
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
LINEAR = ({"name": "lexical", "bags": ["w", "e"], "dense_weight": 0.3},
          {"name": "words", "bags": ["r"], "dense_weight": 0.0})
TREES = {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 8, "min_samples_leaf": 50, "random_state": 0}


def fit_linear(spec: dict, grams: list[dict], dense: np.ndarray, y: np.ndarray, fit: np.ndarray, c: float,
               min_df: int) -> dict:
    """One linear component fitted on the rows ``fit``, as stored in the model file."""
    df: dict[str, int] = {}
    for i in fit:
        for kind in spec["bags"]:
            for g in grams[i][kind]:
                key = f"{kind}|{g}"
                df[key] = df.get(key, 0) + 1
    keys = sorted(k for k, n in df.items() if n >= min_df)
    index = {k: j for j, k in enumerate(keys)}
    idf = np.array([math.log((1 + len(fit)) / (1 + df[k])) + 1.0 for k in keys])
    x = _lexical(spec, grams, fit, index, idf)
    mean, scale = dense[fit].mean(axis=0), dense[fit].std(axis=0) + 1e-9
    if spec["dense_weight"]:
        x = sp.hstack([x, sp.csr_matrix((dense[fit] - mean) / scale * spec["dense_weight"])]).tocsr()
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, y[fit])
    coef = clf.coef_[0]
    out = {"kind": "linear", "name": spec["name"], "bags": spec["bags"], "c": c, "bias": float(clf.intercept_[0]),
           "dense_weight": spec["dense_weight"],
           "vocab": {k: [float(idf[j]), float(coef[j])] for k, j in index.items()}}
    if spec["dense_weight"]:
        out.update(mean=[float(v) for v in mean], scale=[float(v) for v in scale],
                   weights=[float(w * spec["dense_weight"]) for w in coef[len(keys):]])
    return out


def _lexical(spec: dict, grams: list[dict], rows: np.ndarray, index: dict, idf: np.ndarray) -> sp.csr_matrix:
    data, ri, ci = [], [], []
    for r, i in enumerate(rows):
        cols = [index[f"{kind}|{g}"] for kind in spec["bags"] for g in grams[i][kind] if f"{kind}|{g}" in index]
        norm = math.sqrt(sum(idf[c] ** 2 for c in cols)) or 1.0
        for c in cols:
            data.append(idf[c] / norm)
            ri.append(r)
            ci.append(c)
    return sp.csr_matrix((data, (ri, ci)), shape=(len(rows), len(index)))


def linear_scores(component: dict, grams: list[dict], dense: np.ndarray, rows: np.ndarray) -> np.ndarray:
    from newsprism.extract.checkworthy import linear_score

    return np.array([linear_score(component, grams[i], dense[i]) for i in rows])


def fit_trees(dense: np.ndarray, y: np.ndarray, fit: np.ndarray) -> dict:
    est = HistGradientBoostingClassifier(**TREES).fit(dense[fit], y[fit])
    trees = []
    for (predictor,) in est._predictors:
        nodes = []
        for node in predictor.nodes:
            if node["is_leaf"]:
                nodes.append([float(node["value"])])
            else:
                nodes.append([int(node["feature_idx"]), float(node["num_threshold"]), int(node["left"]),
                              int(node["right"]), int(node["missing_go_to_left"])])
        trees.append(nodes)
    component = {"kind": "trees", "name": "trees", "baseline": float(np.ravel(est._baseline_prediction)[0]),
                 "trees": trees}
    check = np.array([tree_score(component, dense[i]) for i in fit[:200]])
    if not np.allclose(check, est.decision_function(dense[fit[:200]]), atol=1e-6):
        raise RuntimeError("the exported trees do not reproduce scikit-learn's scores")
    return component


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/eval/checkworthy/clef.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "newsprism/extract/models/checkworthy.v1.json"))
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument("--c", type=float, nargs="+", default=[0.3, 1.0, 3.0],
                        help="regularisation strengths to try per linear component; the best 5-fold (grouped by debate) "
                             "held-out AP on train wins")
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    rows = [r for r in rows if r["split"] == "train"]
    nlp = load_pipeline(Settings.load(env={}).spacy_model)
    dense_rows, grams = [], []
    for doc in nlp.pipe((r["text"] for r in rows), batch_size=256):
        dense_rows.append(features(list(doc)))
        grams.append(bags(list(doc)))
    y = np.array([bool(r["gold"]["checkworthy"]) for r in rows])
    dense = np.array(dense_rows)
    debates = [r.get("debate", r["id"]) for r in rows]
    folds = list(GroupKFold(5).split(dense, y, debates))
    everything = np.arange(len(rows))
    components, held = [], []
    for spec in LINEAR:
        best = (-1.0, None, None)
        for c in args.c:
            out = np.zeros(len(rows))
            for fit, test in folds:
                out[test] = linear_scores(fit_linear(spec, grams, dense, y, fit, c, args.min_df), grams, dense, test)
            ap = average_precision_score(y, out)
            print(f"{spec['name']} C={c}: 5-fold held-out AP {ap:.3f}")
            if ap > best[0]:
                best = (ap, c, out)
        components.append(fit_linear(spec, grams, dense, y, everything, best[1], args.min_df))
        held.append(best[2])
    out = np.zeros(len(rows))
    for fit, test in folds:
        trees = fit_trees(dense, y, fit)
        out[test] = [tree_score(trees, dense[i]) for i in test]
    print(f"trees: 5-fold held-out AP {average_precision_score(y, out):.3f}")
    components.append(fit_trees(dense, y, everything))
    held.append(out)
    for component, scores in zip(components, held, strict=True):
        component["mean_score"], component["std_score"] = float(scores.mean()), float(scores.std())
        component["cv_ap_train"] = round(float(average_precision_score(y, scores)), 4)
    z = np.mean([(s - s.mean()) / s.std() for s in held], axis=0)
    ap = average_precision_score(y, z)
    calib = LogisticRegression(C=100.0, max_iter=1000).fit(z.reshape(-1, 1), y)
    prob = calib.predict_proba(z.reshape(-1, 1))[:, 1]
    p, r, t = precision_recall_curve(y, prob)
    f = 2 * p * r / np.maximum(p + r, 1e-9)
    best_f = int(np.argmax(f[:-1]))
    print(f"train split: {len(rows)} sentences, {int(y.sum())} check-worthy; ensemble 5-fold held-out AP {ap:.3f}, "
          f"best F1 {f[best_f]:.3f} at {t[best_f]:.3f}")
    for component in components:
        if component["kind"] == "linear":
            component["bias"] = round(component["bias"], 5)
            component["vocab"] = {k: [round(i, 3), round(w, 4)] for k, (i, w) in component["vocab"].items()}
    model = {
        "format": FORMAT,
        "about": "Check-worthiness ensemble of newsprism.extract.checkworthy; trained by scripts/train_checkworthy.py "
                 "on the train split of CLEF-2019 CheckThat! task 1 (see docs/model-card-claims.md).",
        "cv_ap_train": round(float(ap), 4),
        "threshold": round(float(t[best_f]), 4),  # best held-out F1 on train: a sentence at or above it is check-worthy
        "features": list(FEATURES),
        "calibration": [float(calib.coef_[0][0]), float(calib.intercept_[0])],
        "components": components,
    }
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {sum(len(c.get('vocab', ())) for c in components)} word features")


if __name__ == "__main__":
    main()
