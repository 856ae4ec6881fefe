"""Train the check-worthiness model (newsprism/extract/models/checkworthy.v1.json).

Reads the CLEF-2019 CheckThat! sentences of ../shared/eval/checkworthy/clef.jsonl, keeps
split == "train" only (the test split is for `newsprism eval checkworthy`), parses them with
the project's spaCy pipeline, and fits a logistic regression over the readable features of
newsprism.extract.checkworthy. Only the weights are written, no sentence of the data.

    .venv/bin/python scripts/train_checkworthy.py [--data FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import cross_val_predict

from newsprism.extract.checkworthy import FEATURES, features
from newsprism.nlp.pipeline import load_pipeline
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/eval/checkworthy/clef.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "newsprism/extract/models/checkworthy.v1.json"))
    args = parser.parse_args()
    rows = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    rows = [r for r in rows if r["split"] == "train"]
    nlp = load_pipeline(Settings.load(env={}).spacy_model)
    x = np.array([features(list(doc)) for doc in nlp.pipe((r["text"] for r in rows), batch_size=256)])
    y = np.array([bool(r["gold"]["checkworthy"]) for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    xs = (x - mean) / scale
    clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)
    held_out = cross_val_predict(clf, xs, y, cv=5, method="predict_proba")[:, 1]
    print(f"train split: {len(rows)} sentences, {int(y.sum())} check-worthy; 5-fold AP {average_precision_score(y, held_out):.3f}")
    clf.fit(xs, y)
    model = {
        "version": 1,
        "about": "Logistic regression over newsprism.extract.checkworthy.FEATURES; trained by scripts/train_checkworthy.py "
                 "on the train split of CLEF-2019 CheckThat! task 1 (see docs/model-card-claims.md).",
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in clf.coef_[0]],
        "bias": round(float(clf.intercept_[0]), 6),
    }
    Path(args.out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    for name, w in sorted(zip(FEATURES, model["weights"], strict=True), key=lambda p: -abs(p[1])):
        print(f"{name:18s} {w:+.3f}")


if __name__ == "__main__":
    main()
