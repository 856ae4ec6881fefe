"""Places (with entities and dates): per-mention resolution time and the share they add to analyze time.

1. Resolution (mention finding + gazetteer + scoring, the spaCy parse excluded): the bundled samples and
   short notes, once to warm up and again (cached names); then notes naming towns drawn from the
   gazetteer, so that every name is new to the caches, and notes naming provinces spelled another way (the
   transliteration key and fuzzy matching); prints ms per mention (budget: under 1 ms).
2. Stage cost: the same articles through the language pipeline and every configured stage; prints the time
   of the places stage (and of entities and dates) relative to the rest of analyze (parse + the other
   stages) in the same process (budget: places under 10%).

    .venv/bin/python bench/bench_places.py [N] [--repeat R]
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from collections import Counter

from common import sample_articles, stage_seconds

NOTES = [
    "On {d} March 2021, police dispersed protesters in Springfield, Illinois, and in Peoria.",
    "Gunmen attacked a market in Taraz district, Zhambyl, on {d} May, a Kazakh official said.",
    "Troops shelled positions near Kharkiv and Izium on {d} April, Ukrainian officials reported.",
    "On {d} June 2020, residents of Cordoba, Spain, marched to the town hall.",
]


def resolution_ms_per_mention(settings, docs) -> tuple[float, int]:
    from newsprism.extract.places import extract

    mentions = 0
    start = time.perf_counter()
    for parsed in docs:
        mentions += sum(len(p.mentions) for p in extract(parsed)["places"])
    return 1000 * (time.perf_counter() - start) / max(mentions, 1), mentions


def fresh_notes(settings, n: int):
    """Notes naming towns drawn from the gazetteer itself (seeded), so that every lookup is new to the caches."""
    import random
    import sqlite3

    from newsprism.geo.gazetteer import gazetteer_path
    from newsprism.model import Article

    con = sqlite3.connect(gazetteer_path(settings))
    rows = con.execute(
        "SELECT name, country_name FROM place WHERE kind = 'city' AND population >= 20000 AND country_name IS NOT NULL"
    ).fetchall()
    con.close()
    rng = random.Random(7)
    out = []
    for i, (town, country) in enumerate(rng.sample(rows, n)):
        text = f"On {i % 27 + 1} May 2021, protesters gathered in {town}, {country}, and marched to the town hall."
        out.append(Article(id=f"fresh-{i}", text=text, reference_date="2021-06-01"))
    return out


def variant_notes(settings, n: int):
    """Notes naming first-level areas spelled another way (a vowel changed: "Galgaduud" for Galguduud), so that the
    names miss the exact and loose keys and go through the transliteration key, the English-word check and fuzzy."""
    import random
    import re
    import sqlite3

    from newsprism.geo.gazetteer import gazetteer_path
    from newsprism.model import Article

    con = sqlite3.connect(gazetteer_path(settings))
    rows = con.execute("SELECT name FROM place WHERE kind = 'admin1' AND length(name) >= 6").fetchall()
    con.close()
    rng = random.Random(11)
    swap = {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o"}
    out = []
    for i, (name,) in enumerate(rng.sample(rows, n)):
        vowels = [m.start() for m in re.finditer(r"[aeiou]", name)]
        if vowels:
            k = vowels[len(vowels) // 2]
            name = name[:k] + swap[name[k]] + name[k + 1:]
        text = f"On {i % 27 + 1} May 2021, protesters gathered in {name} province and marched to the governor's office."
        out.append(Article(id=f"variant-{i}", text=text, reference_date="2021-06-01"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=20, help="articles (and as many notes)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    from newsprism.geo.gazetteer import open_gazetteer
    from newsprism.nlp import parse_many
    from newsprism.settings import Settings

    with tempfile.TemporaryDirectory() as cache:
        settings = Settings.load(cache_dir=cache)
        t0 = time.perf_counter()
        open_gazetteer(settings)
        print(f"gazetteer index built in {time.perf_counter() - t0:.1f} s (first use; cached afterwards)")
        todo = sample_articles(args.n, "places", NOTES)
        docs = list(parse_many(todo, settings.replace(stages=())))
        resolution_ms_per_mention(settings, docs)  # warm-up: gazetteer opened, lexicons loaded
        ms, mentions = resolution_ms_per_mention(settings, docs)
        print(f"place resolution, repeated mentions (cached): {ms:.3f} ms per mention ({mentions} mentions)")
        fresh = list(parse_many(fresh_notes(settings, 10 * args.n), settings.replace(stages=())))
        ms, mentions = resolution_ms_per_mention(settings, fresh)
        print(f"place resolution after warm-up, new names: {ms:.3f} ms per mention ({mentions} mentions; budget < 1 ms)")
        variants = list(parse_many(variant_notes(settings, 5 * args.n), settings.replace(stages=())))
        ms, mentions = resolution_ms_per_mention(settings, variants)
        print(f"place resolution after warm-up, areas spelled otherwise: {ms:.3f} ms per mention ({mentions} mentions)")

        stage_seconds(settings, todo[:4])  # warm-up of every stage
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            spent = stage_seconds(settings, todo)
            total = sum(spent.values())
            for name in ("places", "entities", "dates"):
                ratio = spent.get(name, 0.0) / max(total - spent.get(name, 0.0), 1e-9)
                best[name] = min(best.get(name, ratio), ratio)
        counts = Counter(s for s in settings.stages)
        print(f"{len(todo)} articles, stages: {', '.join(counts)}")
        for name in ("places", "entities", "dates"):
            budget = "  (budget < 0.10)" if name == "places" else ""
            print(f"{name:9} adds {best[name]:.3f} of the rest of analyze time{budget}")


if __name__ == "__main__":
    main()
