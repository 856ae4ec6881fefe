"""`newsprism schema` is a valid draft 2020-12 schema, and real output of every sample validates against it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from newsprism.cli import main


@pytest.fixture(scope="module")
def validator():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.slow
def test_every_sample_validates(validator, samples_dir, tmp_path):
    files = sorted(samples_dir.iterdir())
    assert len(files) >= 4
    result = CliRunner().invoke(main, ["analyze", str(samples_dir), "--format", "json"],
                                env={"NEWSPRISM_CACHE_DIR": str(tmp_path)})
    records = json.loads(result.stdout)
    assert len(records) == len(files)
    for record in records:
        assert "rejection" not in record, record
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_schema_rejects_a_broken_record(validator, pravda):
    record = pravda.to_dict()
    assert validator.is_valid(record)
    broken = dict(record, article={**record["article"], "authors": "Lyuba Lulko"})
    assert not validator.is_valid(broken)
    missing = {k: v for k, v in record.items() if k != "events"}
    assert not validator.is_valid(missing)
