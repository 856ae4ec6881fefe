"""Storing analysed articles costs under 10% of analysing them.

Analyses N articles (the bundled samples, each copy made distinct by a numbered last line), then stores them in a
fresh SQLite file (and in PostgreSQL when NEWSPRISM_TEST_PG_URL is set), in the same process, and prints the ratio
store time / analysis time.

    .venv/bin/python bench/bench_store.py [N]
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time

from common import sample_articles


def articles(n: int):
    return sample_articles(n, "store")


def store(url: str, analyses) -> float:
    from newsprism.store import open_repository

    with open_repository(url) as repo:  # migrations run here, outside the timing
        start = time.perf_counter()
        for i in range(0, len(analyses), 64):
            repo.add_analyses(analyses[i : i + 64])
        return time.perf_counter() - start


def main() -> None:
    logging.disable(logging.WARNING)  # stages still in progress may warn per article
    from newsprism.api import analyze_articles
    from newsprism.settings import Settings

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    settings = Settings.load()
    list(analyze_articles(articles(1), settings))  # warm-up: models and lexicons loaded once
    todo = articles(n)
    start = time.perf_counter()
    analyses = list(analyze_articles(todo, settings))
    analyse_s = time.perf_counter() - start
    print(f"analyse {n} articles: {analyse_s:.2f} s ({1000 * analyse_s / n:.1f} ms/article)")
    with tempfile.TemporaryDirectory() as tmp:
        targets = {"sqlite": f"sqlite:///{tmp}/bench.db"}
        if os.environ.get("NEWSPRISM_TEST_PG_URL"):
            targets["postgresql"] = _fresh_pg_schema(os.environ["NEWSPRISM_TEST_PG_URL"])
        for name, url in targets.items():
            store_s = store(url, analyses)
            print(f"store on {name}: {store_s:.3f} s ({1000 * store_s / n:.1f} ms/article) "
                  f"ratio store/analyse = {store_s / analyse_s:.3f} (budget 0.10)")
        if "postgresql" in targets:
            _drop_pg_schema(os.environ["NEWSPRISM_TEST_PG_URL"])


_SCHEMA = "np_bench"


def _fresh_pg_schema(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {_SCHEMA}"))
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{_SCHEMA}"


def _drop_pg_schema(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {_SCHEMA} CASCADE"))
    engine.dispose()


if __name__ == "__main__":
    main()
