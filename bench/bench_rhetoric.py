"""The rhetoric stage adds under 20% to analyze time.

Analyses N articles (the bundled samples, each copy made distinct by a numbered last line) twice in the same
process — with every stage, and with every stage but "rhetoric" — and prints the ratio of the extra time to the
time without the stage. Each configuration is timed ``--repeat`` times and the best run is kept.

    .venv/bin/python bench/bench_rhetoric.py [N] [--repeat R]
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import time
from importlib import resources
from pathlib import Path


def articles(n: int):
    from newsprism.model import Article

    samples = sorted(Path(str(resources.files("newsprism").joinpath("data/samples"))).glob("*.txt"))
    out = []
    for i in range(n):
        path = samples[i % len(samples)]
        text = path.read_text(encoding="utf-8") + f"\n\nCopy {i} for the rhetoric benchmark.\n"
        out.append(Article(id=f"{path.stem}-{i}", text=text, published="2022-01-07", source=str(path),
                           content_hash=hashlib.sha256(text.encode()).hexdigest()))
    return out


def timed(settings, todo, repeat: int) -> float:
    from newsprism.api import analyze_articles

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _analysis in analyze_articles(todo, settings):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description="rhetoric stage cost relative to analyze")
    parser.add_argument("n", nargs="?", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # stages still in progress may warn per article
    from newsprism.settings import Settings

    full = Settings.load()
    without = full.replace(stages=tuple(s for s in full.stages if s != "rhetoric"))
    todo = articles(args.n)
    timed(full, articles(1), 1)  # warm-up: the language pipeline, models and lexicons load once
    base = timed(without, todo, args.repeat)
    with_stage = timed(full, todo, args.repeat)
    print(f"analyze without rhetoric: {1000 * base / args.n:.1f} ms/article")
    print(f"analyze with rhetoric:    {1000 * with_stage / args.n:.1f} ms/article")
    print(f"rhetoric adds {100 * (with_stage - base) / base:.1f}% to analyze time (budget: 20%)")


if __name__ == "__main__":
    main()
