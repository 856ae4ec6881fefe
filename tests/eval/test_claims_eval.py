"""The attribution, certainty and check-worthiness scorers and their CLI commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsprism.cli import main
from newsprism.eval.attribution import GoldSpan, read_ann, score_role
from newsprism.eval.checkworthy import average_precision

TEXT = 'The mayor said that the bridge will reopen. "It is safe," she added.'
ANN = (
    "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 42\tthat the bridge will reopen\n"
    "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    'T5\tContent 44 56\t"It is safe,"\nT6\tSource 57 60\tshe\nT7\tCue 61 66\tadded\n'
)


def test_read_ann_roles():
    spans = read_ann(TEXT, ANN)
    assert [s.fragments for s in spans["source"]] == [((0, 9),), ((57, 60),)]
    assert len(spans["cue"]) == 2 and len(spans["content"]) == 2


def test_exact_trims_quotes_and_overlap_matches_each_gold_once():
    gold = [GoldSpan(((44, 56),))]
    counts = score_role(TEXT, [(45, 54)], gold)  # without the quote marks and the comma
    assert counts.tp_overlap == 1 and counts.tp_exact == 0
    counts = score_role(TEXT, [(44, 56), (50, 52)], gold)
    assert counts.tp_overlap == 1 and counts.tp_exact == 1 and counts.predicted == 2


def test_average_precision():
    assert average_precision([True, False, True], [0.9, 0.8, 0.1]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([False, False], [0.5, 0.4]) == 0.0


@pytest.mark.slow
def test_attribution_command_on_a_tiny_split(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_0001.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "a_0002.ann").write_text("", encoding="utf-8")  # sorts second: ignored
    result = CliRunner().invoke(main, ["eval", "attribution", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["articles"] == 1 and metrics["source gold"] == 2
    assert metrics["cue overlap F1"] > 0.5


@pytest.mark.slow
def test_certainty_and_checkworthy_commands(tmp_path):
    hedge = tmp_path / "hedge.jsonl"
    hedge.write_text("\n".join(json.dumps(r) for r in [
        {"id": "1", "text": "The results may indicate a link.", "gold": {"uncertain": True}},
        {"id": "2", "text": "The bridge opened in 1932.", "gold": {"uncertain": False}},
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "certainty", "--data", str(hedge), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.strip().splitlines()[-1])["F1"] == 1.0
    clef = tmp_path / "clef.jsonl"
    clef.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "split": "test", "text": "Thank you.", "gold": {"checkworthy": False}},
        {"id": "b", "split": "test", "text": "Crime rose 40 percent in 2015.", "gold": {"checkworthy": True}},
        {"id": "c", "split": "train", "text": "Ignored.", "gold": {"checkworthy": True}},
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "checkworthy", "--data", str(clef), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["sentences"] == 2 and metrics["AP"] == 1.0


def test_missing_data_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["eval", "attribution", "--data", str(tmp_path)])
    assert result.exit_code == 2 and "text/ and attributions/" in result.output
