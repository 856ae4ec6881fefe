"""The CLI answers --help without importing the heavy libraries, and every command has help."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsprism.cli import COMMANDS, main

HEAVY = ("spacy", "thinc", "trafilatura", "lxml", "lingua", "feedparser", "charset_normalizer", "dateparser", "rich",
         "numpy", "sklearn", "sqlalchemy", "pyarrow", "dask", "pydantic", "jinja2")

PROBE = """
import json, sys
from click.testing import CliRunner
import newsprism.cli
result = CliRunner().invoke(newsprism.cli.main, sys.argv[1:])
print(json.dumps({"exit": result.exit_code, "output": result.output, "modules": sorted(sys.modules)}))
"""


def _probe(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["--version"]])
def test_help_imports_no_heavy_module(args):
    probe = _probe(*args)
    assert probe["exit"] == 0, probe["output"]
    loaded = {m.split(".")[0] for m in probe["modules"]}
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_every_command_is_listed_and_has_help():
    top = CliRunner().invoke(main, ["--help"])
    assert top.exit_code == 0
    for name in COMMANDS:
        assert name in top.output
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output


def test_format_choices_come_from_the_export_registry():
    from newsprism.present.export import FORMATS

    result = CliRunner().invoke(main, ["analyze", "--help"])
    assert "[" + "|".join(FORMATS) + "]" in result.output
