"""``newsprism analyze`` through click's runner: formats, rejections, exit codes, stdin, --out, --fail-fast."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsprism.cli import main

pytestmark = pytest.mark.slow  # the readers' output goes through the real language pipeline

#: no extraction stages: these tests are about reading inputs and writing records
ENV = {"NEWSPRISM_STAGES": "[]"}


def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), input=input, env={**ENV, **(env or {})}, catch_exceptions=False)


@pytest.fixture
def mixed_dir(tmp_path, samples_dir):
    d = tmp_path / "inputs"
    d.mkdir()
    (d / "good.txt").write_bytes((samples_dir / "kazakhstan-zdnet-2022-01-05.txt").read_bytes())
    (d / "empty.txt").write_bytes(b"")
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "lines.jsonl").write_text('{"id": "cut", "text": "no end\n', encoding="utf-8")
    return d


def test_pravda_html_as_json(samples_dir):
    result = run("analyze", str(samples_dir / "kazakhstan-pravda-2022-01-07.html"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(result.stdout)
    a = record["article"]
    assert record["id"] == "kazakhstan-pravda-2022-01-07"
    assert a["title"] == "Where will Kazakhstan go after the riots?"
    assert a["text"].startswith("Another 'revolution of dignity' sparks")
    assert (a["authors"], a["editors"], a["outlet"]) == (["Lyuba Lulko"], ["Dmitry Sudakov"], "Pravda.Ru")
    assert a["published"].startswith("2022-01-07")
    assert "Subscribe" not in a["text"]
    assert set(record) >= {"id", "article", "sentences", "entities", "places", "dates", "events", "claims", "rhetoric",
                           "rejections", "schema_version"}


def test_pravda_txt_text_unchanged(samples_dir):
    path = samples_dir / "kazakhstan-pravda-2022-01-07.txt"
    result = run("analyze", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    a = json.loads(line)["article"]
    assert a["text"] == path.read_text(encoding="utf-8")
    assert (a["title"], a["authors"], a["editors"]) == ("Where will Kazakhstan go after the riots?", ["Lyuba Lulko"],
                                                         ["Dmitry Sudakov"])


def test_directory_with_bad_inputs_gives_one_article_three_rejections_exit_1(mixed_dir):
    result = run("analyze", str(mixed_dir), "--format", "jsonl")
    assert result.exit_code == 1
    items = [json.loads(line) for line in result.stdout.splitlines()]
    analyses = [i for i in items if "rejection" not in i]
    rejections = [i["rejection"] for i in items if "rejection" in i]
    assert [a["id"] for a in analyses] == ["good"]
    assert sorted(r["code"] for r in rejections) == ["binary", "empty", "malformed-json"]
    assert all(set(r) == {"input", "stage", "code", "message"} for r in rejections)
    assert result.stderr.count("rejected ") == 3
    assert "lines.jsonl:1" in result.stderr
    assert "1 analysed, 3 rejected" in result.stderr


def test_text_format_is_a_summary_for_people(samples_dir):
    result = run("analyze", str(samples_dir / "kazakhstan-zdnet-2022-01-05.txt"))
    assert result.exit_code == 0
    first, meta, *_ = result.stdout.splitlines()
    assert first == "Kazakhstan leaders shut down internet amid gas price protests"
    assert "ZDNet" in meta and "2022-01-05" in meta and "by Jonathan Greig" in meta


def test_fail_fast_stops_at_the_first_rejection(mixed_dir):
    result = run("analyze", str(mixed_dir), "--format", "json", "--fail-fast")
    assert result.exit_code == 1
    items = json.loads(result.stdout)  # still one valid JSON document
    assert len(items) == 1 and items[0]["rejection"]["code"] == "empty"  # empty.txt sorts first


def test_out_file_and_metadata_flags(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("Police dispersed a rally in the capital on Monday.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("analyze", str(src), "--format", "jsonl", "--out", str(out), "--published", "2022-01-10",
                 "--outlet", "Wire", "--url", "https://wire.test/n")
    assert result.exit_code == 0 and result.stdout == ""
    a = json.loads(out.read_text(encoding="utf-8"))["article"]
    assert (a["published"], a["outlet"], a["url"], a["source"]) == ("2022-01-10", "Wire", "https://wire.test/n", str(src))


def test_stdin():
    result = run("analyze", "-", "--format", "jsonl", input='{"id": "in-1", "text": "Troops left the city."}\n')
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["id"] == "in-1"


def test_missing_input_is_a_rejection_not_a_crash(tmp_path):
    result = run("analyze", str(tmp_path / "nope.txt"), "--format", "json")
    assert result.exit_code == 1
    expected = {"input": str(tmp_path / "nope.txt"), "stage": "ingest", "code": "not-found",
                "message": "no such file or directory; check the path"}
    assert json.loads(result.stdout) == [{"rejection": expected}]


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", "x.txt", "--format", "yaml"],
        ["analyze", "x.txt", "--published", "not a date"],
        ["--config", "/no/such/settings.toml", "analyze", "x.txt"],
        ["analyze", "x.txt", "--out", "/no/such/folder/out.json"],
    ],
)
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2
    assert "Error" in result.stderr


def test_bad_setting_from_the_environment_is_a_usage_error(samples_dir):
    result = run("analyze", str(samples_dir / "kazakhstan-zdnet-2022-01-05.txt"), env={"NEWSPRISM_MAX_BYTES": "lots"})
    assert result.exit_code == 2
    assert "NEWSPRISM_MAX_BYTES" in result.stderr


@pytest.fixture
def failing_stage(monkeypatch):
    """A stage registered for the test that always fails."""
    import sys
    import types

    from newsprism import extract

    module = types.ModuleType("newsprism_test_failing_stage")

    def boom(parsed):
        raise RuntimeError("stage broke")

    module.extract = boom
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(extract.STAGES, "boom", module.__name__)
    return {"NEWSPRISM_STAGES": '["boom"]'}


def test_a_failing_stage_is_reported_and_the_article_kept(failing_stage, samples_dir):
    result = run("analyze", str(samples_dir / "kazakhstan-zdnet-2022-01-05.txt"), "--format", "json", env=failing_stage)
    assert result.exit_code == 1
    (record,) = json.loads(result.stdout)
    assert record["rejections"][0]["stage"] == "extract:boom"
    assert record["article"]["title"].startswith("Kazakhstan leaders")
    assert "[extract:boom:stage-error]" in result.stderr


def test_fail_fast_on_a_failing_stage_keeps_the_output_valid(failing_stage, samples_dir):
    result = run("analyze", str(samples_dir), "--format", "json", "--fail-fast", env=failing_stage)
    assert result.exit_code == 1
    (item,) = json.loads(result.stdout)
    assert item["rejection"]["code"] == "stage-error" and "stage broke" in item["rejection"]["message"]


def test_progress_only_on_a_terminal(monkeypatch):
    import io
    import sys

    from newsprism.cli.common import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress(many=True) is None
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert progress(many=False) is None
    assert progress(many=True) is not None


def test_an_article_in_another_language_keeps_its_places_and_skips_the_english_stages(tmp_path):
    text = ("Протесты в Алматы\n\nВ Алматы 5 января полиция задержала более двухсот протестующих, сообщает ТАСС. "
            "Власти ввели режим чрезвычайного положения во всей стране до девятнадцатого января.\n")
    (tmp_path / "ru.txt").write_text(text, encoding="utf-8")
    result = run("analyze", str(tmp_path / "ru.txt"), "--format", "json", env={
        "NEWSPRISM_STAGES": '["entities", "places", "dates", "claims", "events", "rhetoric"]'})
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    if isinstance(record, list):
        record = record[0]
    assert record["article"]["language"] == "ru"
    assert [p["resolved_name"] for p in record["places"]] == ["Almaty"]
    skipped = {r["stage"] for r in record["rejections"] if r["code"] == "unsupported-language"}
    assert skipped == {"extract:entities", "extract:claims", "extract:events", "extract:rhetoric"}
    assert "skipped ru:" in result.stderr and "rejected ru:" not in result.stderr
    # a short text's language cannot be told: every stage runs
    result = run("analyze", "-", "--format", "json", input="Yes, I do.\n",
                 env={"NEWSPRISM_STAGES": '["entities", "claims"]'})
    assert "unsupported-language" not in result.stdout
