"""Docs that cannot drift: every command has help, and docs/cli.md is what the commands say today."""

from __future__ import annotations

from pathlib import Path

from newsprism.cli import main
from newsprism.cli.reference import reference, walk

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_every_command_has_help_text():
    missing = [" ".join(path) for path, command, _ in walk(main, ["newsprism"]) if not (command.help or "").strip()]
    assert missing == []


def test_docs_cli_md_is_current():
    assert DOCS.read_text(encoding="utf-8") == reference(), "regenerate: python -m newsprism.cli.reference > docs/cli.md"


def test_every_top_level_command_is_in_the_readme():
    readme = (DOCS.parents[1] / "README.md").read_text(encoding="utf-8")
    commands = [path[1] for path, _, _ in walk(main, ["newsprism"]) if len(path) == 2]
    assert [c for c in commands if f"newsprism {c}" not in readme] == []
