"""Shared fixtures. Slow tests load the real language pipeline (once per session)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The demo corpus bundled inside the package."""
    return Path(str(resources.files("newsprism").joinpath("data/samples")))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def settings(tmp_path_factory):
    from newsprism.settings import Settings

    return Settings.load(env={}, cache_dir=str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def pravda(samples_dir, settings):
    """The analysis of the bundled Pravda sample (text version), computed once."""
    import newsprism

    return newsprism.analyze(samples_dir / "kazakhstan-pravda-2022-01-07.txt", settings=settings)


@pytest.fixture(scope="session")
def pravda_html(samples_dir, settings):
    import newsprism

    return newsprism.analyze(samples_dir / "kazakhstan-pravda-2022-01-07.html", settings=settings)


# --------------------------------------------------------------------------- the store on SQLite and PostgreSQL

@pytest.fixture(scope="session")
def pg_url():
    """A PostgreSQL URL whose search_path is a schema of this test session alone (dropped at the end).

    Skipped when NEWSPRISM_TEST_PG_URL is unset (`eval "$(bash scripts/test-services.sh)"` sets it), but a failure
    when CI is set: CI must test the store on both databases.
    """
    import os
    import uuid

    url = os.environ.get("NEWSPRISM_TEST_PG_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI is set but NEWSPRISM_TEST_PG_URL is not: run `eval \"$(bash scripts/test-services.sh)\"` first")
        pytest.skip("NEWSPRISM_TEST_PG_URL is not set (eval \"$(bash scripts/test-services.sh)\" starts PostgreSQL)")
    from sqlalchemy import create_engine, text

    schema = f"np_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in url else "?"
    yield f"{url}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """An empty store: a fresh SQLite file, or the session's PostgreSQL schema emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'newsprism.db'}"
    url = request.getfixturevalue("pg_url")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return url
