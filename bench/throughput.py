"""Throughput: full analysis against bare ``nlp.pipe`` over the same texts, in the same run.

    .venv/bin/python bench/throughput.py                  # N=40 articles: articles/s for both and their ratio
    .venv/bin/python bench/throughput.py --without places # also: the share of the time the places stage takes
    .venv/bin/python bench/throughput.py --each           # the share of every configured stage

The articles are the bundled samples and variants of them (paragraphs shuffled,
the headline kept first), so that no two texts are the same. Everything is
loaded and warmed up before timing; each configuration is timed --repeat times
and the best run is kept. Timings depend on the machine: read the ratios.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any


def variants(texts: list[str], n: int, seed: int = 0) -> list[str]:
    """``n`` texts: the originals, then copies with their body paragraphs shuffled."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = texts[i % len(texts)]
        if i < len(texts):
            out.append(base)
            continue
        head, *body = base.split("\n\n")
        rng.shuffle(body)
        out.append("\n\n".join([head, *body]))
    return out


def best_of(repeat: int, fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--articles", type=int, default=40, help="number of articles (default 40)")
    parser.add_argument("--repeat", type=int, default=1, help="time each configuration this many times, keep the best")
    parser.add_argument("--without", action="append", default=[], metavar="STAGE",
                        help="also time the analysis without STAGE and print its share (repeatable)")
    parser.add_argument("--each", action="store_true", help="--without every configured stage in turn")
    parser.add_argument("--config", default=None, help="a TOML settings file")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the library's warnings (stage failures)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.verbose else logging.ERROR, stream=sys.stderr)

    from newsprism.api import analyze_many
    from newsprism.ingest import read_inputs
    from newsprism.model import Analysis, Article
    from newsprism.nlp import load_pipeline
    from newsprism.settings import Settings

    settings = Settings.load(args.config)
    without = list(settings.stages) if args.each else args.without
    unknown = [s for s in without if s not in settings.stages]
    if unknown:
        parser.error(f"--without {', '.join(unknown)}: not among the configured stages ({', '.join(settings.stages)})")

    samples = Path(str(resources.files("newsprism").joinpath("data/samples")))
    originals = [a.text for a in read_inputs([samples], settings) if isinstance(a, Article)]
    texts = variants(originals, args.articles)
    records = [{"id": f"bench-{i}", "text": t} for i, t in enumerate(texts)]
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars:,} characters; pipeline {settings.spacy_model}; stages {', '.join(settings.stages)}")

    nlp = load_pipeline(settings.spacy_model)

    def analyse(s: Settings) -> list[Any]:
        return list(analyze_many(records, settings=s))

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass

    # warm up: the pipeline, and whatever each stage loads once (gazetteers, models, lexicons)
    warm = analyse(settings)
    failed = sorted({r.stage for a in warm if isinstance(a, Analysis) for r in a.rejections})
    if failed:
        print(f"warning: stages that failed on some articles (their time is not representative): {', '.join(failed)}")
    bare()

    t_bare = best_of(args.repeat, bare)
    t_full = best_of(args.repeat, lambda: analyse(settings))
    t_ingest = best_of(args.repeat, lambda: list(read_inputs(records, settings)))
    n = len(texts)
    print(f"{'bare nlp.pipe':<28}{n / t_bare:10.1f} articles/s")
    print(f"{'analyze (all stages)':<28}{n / t_full:10.1f} articles/s")
    print(f"ratio analyze / nlp.pipe time: {t_full / t_bare:.2f}x")
    print(f"{'ingest alone':<28}{n / t_ingest:10.1f} articles/s   {t_ingest / t_full:6.1%} of the analysis time "
          f"(reading, layout, language)")
    for stage in without:
        reduced = settings.replace(stages=tuple(s for s in settings.stages if s != stage))
        analyse(reduced)  # warm
        t_without = best_of(args.repeat, lambda reduced=reduced: analyse(reduced))
        share = (t_full - t_without) / t_full
        print(f"{'without ' + stage:<28}{n / t_without:10.1f} articles/s   stage {stage}: {share:6.1%} of the analysis time, "
              f"{(t_full - t_without) / t_bare:.2f}x bare nlp.pipe time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
