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
