"""The events stage adds under 10% to analyze time.

Analyses N articles (the bundled samples, each copy made distinct by a numbered last line, plus as many short
event notes written for this benchmark) in one process, timing the language pipeline and each stage separately,
and prints the time of the events stage relative to the rest of analyze (parse + every other stage). Each run
is repeated ``--repeat`` times and the best kept.

    .venv/bin/python bench/bench_events.py [N] [--repeat R]
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import time
from collections import defaultdict
from importlib import resources
from pathlib import Path

NOTES = [
    "On {d} March 2021, police fired tear gas at hundreds of protesters in the capital.",
    "Gunmen killed {d} villagers and wounded several others in an attack on a market on Sunday.",
    "Rebels shelled government positions near the border town overnight, killing {d} soldiers.",
    "At least {d} people were arrested after demonstrators set fire to cars outside the parliament.",
    "The president dismissed the government on {d} May after weeks of strikes.",
]


def articles(n: int):
    from newsprism.model import Article

    samples = sorted(Path(str(resources.files("newsprism").joinpath("data/samples"))).glob("*.txt"))
    out = []
    for i in range(n):
        path = samples[i % len(samples)]
        text = path.read_text(encoding="utf-8") + f"\n\nCopy {i} for the events benchmark.\n"
        out.append(Article(id=f"{path.stem}-{i}", text=text, published="2022-01-07",
                           content_hash=hashlib.sha256(text.encode()).hexdigest()))
        note = NOTES[i % len(NOTES)].format(d=i % 27 + 2)
        out.append(Article(id=f"note-{i}", text=note, reference_date="2022-01-07",
                           content_hash=hashlib.sha256(note.encode()).hexdigest()))
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
            except Exception:  # a stage still in progress must not stop the benchmark
                updates = {}
            for key, value in updates.items():
                setattr(parsed, key, value)
            spent[name] += time.perf_counter() - t0
        start = time.perf_counter()
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description="events stage cost relative to analyze")
    parser.add_argument("n", nargs="?", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    from newsprism.settings import Settings

    settings = Settings.load()
    todo = articles(args.n)
    timed(settings, articles(1))  # warm-up: the language pipeline, models and lexicons load once
    best = min((timed(settings, todo) for _ in range(args.repeat)), key=lambda s: s["events"])
    rest = sum(v for k, v in best.items() if k != "events")
    for name, seconds in best.items():
        print(f"{name:10} {1000 * seconds / len(todo):8.2f} ms/article")
    print(f"events adds {100 * best['events'] / rest:.1f}% to analyze time (budget: 10%)")


if __name__ == "__main__":
    main()
