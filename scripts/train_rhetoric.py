"""Train the rhetoric model shipped in newsprism/extract/models/ (rhetoric.v1.json + rhetoric.v1.npz).

    .venv/bin/python scripts/train_rhetoric.py [--data ../shared/eval/rhetoric/ptc] [--seed 13]

Deterministic for a given data directory, seed, spaCy model and scikit-learn version
(pinned in pyproject.toml). See docs/model-card-rhetoric.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "rhetoric" / "ptc"
DEFAULT_OUT = ROOT / "newsprism" / "extract" / "models"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PTC directory (articles/, labels-*.tsv)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the model files are written")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--tune-folds", type=int, default=3, help="inner folds for the span threshold")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s", stream=sys.stderr)

    from newsprism.eval.rhetoric import parse_articles, read_ptc
    from newsprism.extract.rhetoric_train import FeatureSpace, prepare, train
    from newsprism.settings import Settings

    started = time.monotonic()
    settings = Settings.load()
    articles = read_ptc(args.data)
    docs = parse_articles(articles, settings)
    space = FeatureSpace()
    prepared = [prepare(a.id, d, a.si, a.tc, space) for a, d in zip(articles, docs, strict=True)]
    model = train(prepared, space, seed=args.seed, tune_folds=args.tune_folds)
    model.meta.update({"data": "SemEval-2020 Task 11 PTC (aschern/semeval2020_task11, training partition)",
                       "spacy_model": settings.spacy_model})
    for path in model.save(args.out):
        logging.info("wrote %s (%.1f MB)", path, path.stat().st_size / 1e6)
    logging.info("trained on %d articles in %.0f s; threshold %.2f", len(articles), time.monotonic() - started,
                 model.threshold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
