"""What the stage benchmarks share: distinct copies of the bundled samples, and time per stage.

Imported by the bench scripts beside it (``python bench/bench_events.py`` puts this folder on the path).
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Sequence
from importlib import resources
from pathlib import Path


def sample_articles(n: int, label: str, notes: Sequence[str] = ()) -> list:
    """``n`` copies of the bundled samples, each made distinct by a numbered last line, and after each copy
    one of ``notes`` (a format string taking ``d``, a day number) as a short article of its own."""
    from newsprism.model import Article

    samples = sorted(Path(str(resources.files("newsprism").joinpath("data/samples"))).glob("*.txt"))
    out = []
    for i in range(n):
        path = samples[i % len(samples)]
        text = path.read_text(encoding="utf-8") + f"\n\nCopy {i} for the {label} benchmark.\n"
        out.append(Article(id=f"{path.stem}-{i}", text=text, outlet=path.stem.split("-")[1], published="2022-01-07",
                           source=str(path), content_hash=hashlib.sha256(text.encode()).hexdigest()))
        if notes:
            note = notes[i % len(notes)].format(d=i % 27 + 2)
            out.append(Article(id=f"note-{i}", text=note, reference_date="2022-01-07",
                               content_hash=hashlib.sha256(note.encode()).hexdigest()))
    return out


def stage_seconds(settings, todo) -> dict[str, float]:
    """Seconds spent in the language pipeline ("parse") and in each configured stage, over ``todo``."""
    from newsprism.extract import stage_function
    from newsprism.nlp import parse_many

    spent: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    for parsed in parse_many(todo, settings):
        spent["parse"] += time.perf_counter() - start
        for name in settings.stages:
            t0 = time.perf_counter()
            for key, value in stage_function(name)(parsed).items():
                setattr(parsed, key, value)
            spent[name] += time.perf_counter() - t0
        start = time.perf_counter()
    return spent
