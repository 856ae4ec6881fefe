"""The events stage adds under 10% to analyze time.

Analyses N articles (the bundled samples, each copy made distinct by a numbered last line, plus as many short
event notes written for this benchmark) in one process, timing the language pipeline and each stage separately,
and prints the time of the events stage relative to the rest of analyze (parse + every other stage). Each run
is repeated ``--repeat`` times and the best kept.

    .venv/bin/python bench/bench_events.py [N] [--repeat R]
"""

from __future__ import annotations

import argparse
import logging

from common import sample_articles, stage_seconds

NOTES = [
    "On {d} March 2021, police fired tear gas at hundreds of protesters in the capital.",
    "Gunmen killed {d} villagers and wounded several others in an attack on a market on Sunday.",
    "Rebels shelled government positions near the border town overnight, killing {d} soldiers.",
    "At least {d} people were arrested after demonstrators set fire to cars outside the parliament.",
    "The president dismissed the government on {d} May after weeks of strikes.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description="events stage cost relative to analyze")
    parser.add_argument("n", nargs="?", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    from newsprism.settings import Settings

    settings = Settings.load()
    todo = sample_articles(args.n, "events", NOTES)
    stage_seconds(settings, sample_articles(1, "events", NOTES))  # warm-up: the language pipeline, models and lexicons load once
    best = min((stage_seconds(settings, todo) for _ in range(args.repeat)), key=lambda s: s["events"])
    rest = sum(v for k, v in best.items() if k != "events")
    for name, seconds in best.items():
        print(f"{name:10} {1000 * seconds / len(todo):8.2f} ms/article")
    print(f"events adds {100 * best['events'] / rest:.1f}% to analyze time (budget: 10%)")


if __name__ == "__main__":
    main()
