"""The export registry: streaming json/jsonl writers that carry rejections, one write() for every format."""

from __future__ import annotations

import io
import json

import pytest

from newsprism.model import Analysis, Article, Rejection
from newsprism.present import export
from newsprism.present.export import FORMATS, WITH_REJECTIONS, write

A1 = Analysis(id="a1", article=Article(id="a1", text="First."))
A2 = Analysis(id="a2", article=Article(id="a2", text="Second."))
R1 = Rejection("bad.txt", "ingest", "empty", "the file is empty; nothing to analyse")


def _write(fmt, items):
    out = io.StringIO()
    reported = []
    write(fmt, items, out, on_rejection=reported.append)
    return out.getvalue(), reported


@pytest.mark.parametrize("items", [[], [A1], [A1, R1, A2]])
def test_json_is_one_array_in_input_order(items):
    text, reported = _write("json", items)
    parsed = json.loads(text)
    assert [i.get("id") or i["rejection"]["code"] for i in parsed] == [
        i.id if isinstance(i, Analysis) else i.code for i in items]
    assert reported == [i for i in items if isinstance(i, Rejection)]


def test_jsonl_writes_one_line_per_item_as_it_goes():
    seen = []

    class Spy(io.StringIO):
        def flush(self):
            seen.append(self.getvalue().count("\n"))

    def items():
        yield A1
        assert seen and seen[-1] == 1  # the first line is out before the second item is made
        yield R1

    out = Spy()
    write("jsonl", items(), out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["id"] == "a1"
    assert lines[1] == {"rejection": {"input": "bad.txt", "stage": "ingest", "code": "empty",
                                      "message": "the file is empty; nothing to analyse"}}


def test_text_gets_no_rejections_but_they_are_reported():
    text, reported = _write("text", [A1, R1, A2])
    assert "a1" in text and "a2" in text and "bad.txt" not in text
    assert reported == [R1]


def test_lazy_writer_by_module_path(monkeypatch):
    monkeypatch.setitem(FORMATS, "ids", "tests_present_helper:write_ids")
    import sys
    import types

    module = types.ModuleType("tests_present_helper")
    module.write_ids = lambda analyses, out: out.write(",".join(a.id for a in analyses))
    monkeypatch.setitem(sys.modules, "tests_present_helper", module)
    text, reported = _write("ids", [A1, R1, A2])
    assert text == "a1,a2" and reported == [R1]


def test_unknown_format():
    with pytest.raises(KeyError, match="known formats"):
        write("yaml", [], io.StringIO())


def test_record_formats_carry_rejections():
    assert {"json", "jsonl"} <= WITH_REJECTIONS <= set(FORMATS)
    assert export.record(R1) == {"rejection": {"input": "bad.txt", "stage": "ingest", "code": "empty",
                                               "message": "the file is empty; nothing to analyse"}}
