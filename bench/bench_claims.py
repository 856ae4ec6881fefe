"""The claims stage (attribution, certainty, check-worthiness) adds under 15% to analyze time.

Analyses N copies of the bundled samples (each made distinct by a numbered last line) in one process,
timing the language pipeline and each stage separately, and prints the time of the claims stage
relative to the rest of analyze (parse + every other stage). Best of ``--repeat`` runs.

    .venv/bin/python bench/bench_claims.py [N] [--repeat R]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import defaultdict
from importlib import resources
from pathlib import Path

BUDGET = 0.15
FAILED: set[str] = set()


def articles(n: int):
    from newsprism.model import Article

    samples = sorted(Path(str(resources.files("newsprism").joinpath("data/samples"))).glob("*.txt"))
    out = []
    for i in range(n):
        path = samples[i % len(samples)]
        text = path.read_text(encoding="utf-8") + f"\n\nCopy {i} for the claims benchmark.\n"
        out.append(Article(id=f"{path.stem}-{i}", text=text, published="2022-01-07",
                           content_hash=hashlib.sha256(text.encode()).hexdigest()))
    return out


def timed(settings, todo) -> dict[str, float]:
    from newsprism.extract import stage_function
    from newsprism.nlp import parse_many

    spent: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    for parsed in parse_many(todo, settings):
        spent["parse"] += time.perf_counter() - start
        for name in settings.stages:
            t0 = time.perf_counter()
            try:
                updates = stage_function(name)(parsed)
            except Exception:  # another stage still in progress must not stop the benchmark
                FAILED.add(name)
                updates = {}
            for key, value in updates.items():
                setattr(parsed, key, value)
            spent[name] += time.perf_counter() - t0
        start = time.perf_counter()
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from newsprism.nlp.pipeline import load_pipeline
    from newsprism.settings import Settings

    settings = Settings.load(env={})
    load_pipeline(settings.spacy_model)
    timed(settings, articles(3))  # warm up: lexicons, models, caches
    best: dict[str, float] | None = None
    for _ in range(args.repeat):
        spent = timed(settings, articles(args.n))
        if best is None or spent["claims"] < best["claims"]:
            best = spent
    assert best is not None
    rest = sum(v for k, v in best.items() if k != "claims")
    ratio = best["claims"] / rest if rest else 0.0
    for key, value in sorted(best.items()):
        print(f"{key:10} {value:8.3f} s")
    if FAILED:
        print(f"(stages that failed and count as zero time: {', '.join(sorted(FAILED))})")
    print(f"claims / rest of analyze = {ratio:.3f} (budget {BUDGET:.2f}) -> {'ok' if ratio < BUDGET else 'OVER BUDGET'}")


if __name__ == "__main__":
    main()
