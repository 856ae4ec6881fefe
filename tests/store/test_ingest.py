"""Ingesting: stored articles are skipped before analysis, each batch is committed, an interrupted run resumes."""

from __future__ import annotations

import pytest

from newsprism.store import open_repository
from newsprism.store.ingest import ingest, recompute_fusion

pytestmark = pytest.mark.slow


@pytest.fixture
def analysed(monkeypatch):
    """The ids of the articles that reach the analysis."""
    import newsprism.api

    seen: list[str] = []
    real = newsprism.api.analyze_articles

    def counting(articles, settings):
        articles = list(articles)
        seen.extend(a.id for a in articles)
        return real(articles, settings)

    monkeypatch.setattr(newsprism.api, "analyze_articles", counting)
    return seen


def test_an_interrupted_ingest_resumes_and_skips_stored_articles(db_url, samples_dir, settings, analysed):
    inputs = sorted(str(p) for p in samples_dir.glob("*.txt"))
    one_at_a_time = settings.replace(batch_size=1)
    with open_repository(db_url) as repo:
        run = ingest(repo, inputs, one_at_a_time)
        first = next(run)
        run.close()  # interrupted after the first committed batch
        assert (first.read, first.stored) == (1, 1)
        assert repo.counts()["articles"] == 1
    assert len(analysed) == 1

    with open_repository(db_url) as repo:
        reports = list(ingest(repo, inputs, one_at_a_time))
        assert [(r.stored, r.skipped) for r in reports] == [(0, 1)] + [(1, 0)] * (len(inputs) - 1)
        assert repo.counts()["articles"] == len(inputs)
    assert len(analysed) == len(inputs)  # the stored article was not analysed again

    with open_repository(db_url) as repo:
        assert sum(r.stored for r in ingest(repo, inputs + inputs, settings)) == 0
    assert len(analysed) == len(inputs)


def test_fusion_is_recomputed_over_the_whole_store(db_url, samples_dir, settings):
    inputs = sorted(str(p) for p in samples_dir.glob("*.txt"))
    with open_repository(db_url) as repo:
        list(ingest(repo, inputs, settings))
        result = recompute_fusion(repo)
        assert result is not None
        assert [s["id"] for s in repo.stories()] == [s.id for s in result.stories]
        assert {p["id"] for p in repo.predictions()} >= {p.id for p in result.predictions}
