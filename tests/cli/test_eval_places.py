"""``newsprism eval places`` through click's runner, on a few ACLED-format records written here."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsprism.cli import main

pytestmark = pytest.mark.slow

RECORDS = [
    {"id": "T1", "text": "On 2 March 2021, residents protested in Springfield, Illinois, over water prices.",
     "reference_date": "2021-03-05",
     "gold": {"location": "Springfield", "iso3": "USA", "latitude": 39.80, "longitude": -89.64, "geo_precision": 1}},
    {"id": "T2", "text": "On 3 March 2021, police detained 12 people in Taraz, Kazakhstan.", "reference_date": "2021-03-05",
     "gold": {"location": "Taraz", "iso3": "KAZ", "latitude": 42.90, "longitude": 71.37, "geo_precision": 1}},
    {"id": "T3", "text": "On 4 March 2021, clashes were reported in Blorptown village.", "reference_date": "2021-03-05",
     "gold": {"location": "Blorptown", "iso3": "NGA", "latitude": 9.0, "longitude": 7.0, "geo_precision": 2}},
    {"id": "T4", "text": "On 5 March 2021, teachers marched in Mumbai, India, over unpaid wages.", "reference_date": "2021-03-05",
     "gold": {"location": "Bombay", "iso3": "IND", "latitude": 19.07, "longitude": 72.88, "geo_precision": 2}},
]


@pytest.fixture()
def data(tmp_path):
    path = tmp_path / "acled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def test_json_metrics(data, settings, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_CACHE_DIR", settings.cache_dir)
    result = CliRunner().invoke(main, ["eval", "places", "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    assert metrics["records"] == 4
    assert metrics["country"] == pytest.approx(3 / 4, abs=1e-3)  # the unknown village is not guessed
    assert metrics["within_25km"] == 1.0  # both geo_precision 1 records
    assert metrics["name_found"] == 1.0  # the unresolved village is still found as a mention; "Bombay" is Mumbai's
    assert metrics["name_found_mention"] == pytest.approx(3 / 4, abs=1e-3)  # ... but no mention's own or resolved name


def test_limit_and_write_docs(data, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_CACHE_DIR", settings.cache_dir)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["eval", "places", "--data", str(data), "--limit", "1", "--write-docs"])
    assert result.exit_code == 0, result.output
    assert "records" in result.stdout and " 1" in result.stdout
    quality = (tmp_path / "docs" / "quality.md").read_text(encoding="utf-8")
    assert "<!-- eval:places -->" in quality and "within_25km" in quality


def test_missing_data_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["eval", "places", "--data", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2 and "does not exist" in result.output
