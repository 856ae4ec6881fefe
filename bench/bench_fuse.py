"""Fusion speed on synthetic coverage: N articles x 5 events in one country over 30 days (no language pipeline).

Prints the time to fuse and the ratio to fusing a tenth as many articles (how the cost grows); run as
`.venv/bin/python bench/bench_fuse.py [N]`.
"""

from __future__ import annotations

import hashlib
import random
import sys
import time

from newsprism.fuse import fuse
from newsprism.model import Actor, Analysis, Article, Count, Event, EventDate, Place, Span

TYPES = [("Protests", "Peaceful protest", 6), ("Riots", "Violent demonstration", 5),
         ("Violence against civilians", "Attack", 1), ("Strategic developments", "Arrests", 1),
         ("Battles", "Armed clash", 2)]


def corpus(n: int, seed: int = 7) -> list[Analysis]:
    rng = random.Random(seed)
    towns = [(f"Town{i}", 40 + rng.random() * 10, 60 + rng.random() * 20) for i in range(60)]
    out = []
    for a in range(n):
        text = f"Article {a}. " + " ".join(f"word{rng.randrange(5000)}" for _ in range(300))
        day = 1 + rng.randrange(30)
        events = []
        for e in range(5):
            etype, sub, inter = rng.choice(TYPES)
            name, lat, lon = rng.choice(towns)
            precision = rng.choice([1, 1, 1, 2, 3])
            place = Place(name=name, resolved_name=name if precision < 3 else "Country", country="KAZ", admin1=name[:5],
                          latitude=lat, longitude=lon, precision=precision)
            dprec = rng.choice(["day", "day", "reported", "month", None])
            value = None if dprec is None else (f"2022-01-{day:02d}" if dprec != "month" else "2022-01")
            events.append(Event(id=f"e{e}", event_type=etype, sub_event_type=sub, plover_type=None,
                                actor1=Actor("Group", inter), actor2=None, date=EventDate(value, dprec), place=place,
                                fatalities=Count(rng.randrange(20), None, 1) if rng.random() < 0.2 else None,
                                trigger=Span.of(text, 0, 7), evidence=[Span.of(text, 0, 40)]))
        article = Article(id=f"a{a}", text=text, outlet=f"Outlet{a % 40}", published=f"2022-01-{day:02d}",
                          content_hash=hashlib.sha256(text.encode()).hexdigest())
        out.append(Analysis(id=article.id, article=article, events=events))
    return out


def timed(analyses: list[Analysis]) -> float:
    start = time.perf_counter()
    result = fuse(analyses)
    took = time.perf_counter() - start
    print(f"{len(analyses):6d} articles, {sum(len(a.events) for a in analyses):6d} events -> {len(result.stories):6d} stories "
          f"in {took:.2f} s")
    return took


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    small = timed(corpus(max(1, n // 10)))
    large = timed(corpus(n))
    print(f"ratio {large / small:.1f}x for {n // max(1, n // 10)}x the articles (linear would be {n // max(1, n // 10)}x)")
