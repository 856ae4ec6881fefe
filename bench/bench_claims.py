"""The claims stage (attribution, certainty, check-worthiness) adds under 15% to analyze time.

Analyses N copies of the bundled samples (each made distinct by a numbered last line) in one process,
timing the language pipeline and each stage separately, and prints the time of the claims stage
relative to the rest of analyze (parse + every other stage). Best of ``--repeat`` runs.

    .venv/bin/python bench/bench_claims.py [N] [--repeat R]
"""

from __future__ import annotations

import argparse

from common import sample_articles, stage_seconds

BUDGET = 0.15


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from newsprism.nlp.pipeline import load_pipeline
    from newsprism.settings import Settings

    settings = Settings.load(env={})
    load_pipeline(settings.spacy_model)
    stage_seconds(settings, sample_articles(3, "claims"))  # warm up: lexicons, models, caches
    best: dict[str, float] | None = None
    for _ in range(args.repeat):
        spent = stage_seconds(settings, sample_articles(args.n, "claims"))
        if best is None or spent["claims"] < best["claims"]:
            best = spent
    assert best is not None
    rest = sum(v for k, v in best.items() if k != "claims")
    ratio = best["claims"] / rest if rest else 0.0
    for key, value in sorted(best.items()):
        print(f"{key:10} {value:8.3f} s")
    print(f"claims / rest of analyze = {ratio:.3f} (budget {BUDGET:.2f}) -> {'ok' if ratio < BUDGET else 'OVER BUDGET'}")


if __name__ == "__main__":
    main()
