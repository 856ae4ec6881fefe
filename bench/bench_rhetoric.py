"""The rhetoric stage adds under 20% to analyze time.

Analyses N articles (the bundled samples, each copy made distinct by a numbered last line) in the same process
with every stage and with every stage but "rhetoric", interleaved over ``--repeat`` rounds (best round kept), and
also times the rhetoric stage alone over the same articles already parsed. Prints the extra time as a share of
analyze time without the stage, end to end and from the stage's own timing (the steadier number on a busy machine).

    .venv/bin/python bench/bench_rhetoric.py [N] [--repeat R]
"""

from __future__ import annotations

import argparse
import logging
import time

from common import sample_articles


def articles(n: int):
    return sample_articles(n, "rhetoric")


def timed(settings, todo) -> float:
    from newsprism.api import analyze_articles

    start = time.perf_counter()
    for _analysis in analyze_articles(todo, settings):
        pass
    return time.perf_counter() - start


def stage_only(settings, todo) -> float:
    """The rhetoric stage alone, over articles already parsed (the same work analyze adds)."""
    from newsprism.extract.rhetoric import extract
    from newsprism.nlp import parse_many

    parsed = list(parse_many(todo, settings))
    start = time.perf_counter()
    for p in parsed:
        extract(p)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="rhetoric stage cost relative to analyze")
    parser.add_argument("n", nargs="?", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each configuration's best round is kept")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # stages still in progress may warn per article
    from newsprism.settings import Settings

    full = Settings.load()
    without = full.replace(stages=tuple(s for s in full.stages if s != "rhetoric"))
    todo = articles(args.n)
    timed(full, articles(1))  # warm-up: the language pipeline, models and lexicons load once
    base = with_stage = stage = float("inf")
    for _ in range(args.repeat):  # interleaved, so that load from other processes hits both alike
        base = min(base, timed(without, todo))
        with_stage = min(with_stage, timed(full, todo))
        stage = min(stage, stage_only(full, todo))
    print(f"analyze without rhetoric: {1000 * base / args.n:.1f} ms/article")
    print(f"analyze with rhetoric:    {1000 * with_stage / args.n:.1f} ms/article")
    print(f"rhetoric stage alone:     {1000 * stage / args.n:.1f} ms/article")
    print(f"rhetoric adds {100 * (with_stage - base) / base:.1f}% to analyze time (end to end; budget: 20%)")
    print(f"rhetoric stage / analyze without it: {100 * stage / base:.1f}% (stage timed alone)")


if __name__ == "__main__":
    main()
