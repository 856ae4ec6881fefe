"""Scoring rhetoric: the SemEval-2020 Task 11 SI formula, TC micro-F1, the PTC reader and the CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from newsprism.errors import NewsprismError
from newsprism.eval.rhetoric import merge_spans, read_ptc, si_scores, tc_predictions, tc_scores


def test_si_exact_match_scores_one():
    assert si_scores({"a": [(0, 10)]}, {"a": [(0, 10)]}) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_si_partial_overlap_uses_character_fractions():
    # pred 0:10 overlaps gold 5:25 by 5 chars: P = 5/10, R = 5/20
    s = si_scores({"a": [(5, 25)]}, {"a": [(0, 10)]})
    assert s["precision"] == pytest.approx(0.5)
    assert s["recall"] == pytest.approx(0.25)
    assert s["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_si_counts_every_span_and_keeps_articles_apart():
    gold = {"a": [(0, 4), (10, 14)], "b": [(0, 4)]}
    pred = {"a": [(0, 4)], "b": [(10, 14)], "c": [(0, 3)]}
    s = si_scores(gold, pred)
    assert s["precision"] == pytest.approx(1 / 3)
    assert s["recall"] == pytest.approx(1 / 3)


def test_si_without_predictions_is_zero():
    assert si_scores({"a": [(0, 4)]}, {})["f1"] == 0.0


def test_overlapping_spans_are_merged():
    assert merge_spans([(5, 9), (0, 6), (9, 12), (20, 21)]) == [(0, 9), (9, 12), (20, 21)]
    # two predictions over one gold span count as one merged prediction
    assert si_scores({"a": [(0, 10)]}, {"a": [(0, 6), (4, 10)]})["precision"] == 1.0


def test_tc_gives_a_multi_label_span_its_top_k_labels():
    classes = ["Doubt", "Loaded_Language", "Repetition"]
    gold = [(0, 5, "Loaded_Language"), (0, 5, "Repetition"), (7, 9, "Doubt")]
    probs = {(0, 5): np.array([0.1, 0.5, 0.4]), (7, 9): np.array([0.2, 0.7, 0.1])}
    pairs = tc_predictions(gold, probs, classes)
    assert sorted(pairs) == sorted([("Loaded_Language", "Loaded_Language"), ("Repetition", "Repetition"),
                                    ("Doubt", "Loaded_Language")])
    scores = tc_scores(pairs)
    assert scores["micro_f1"] == pytest.approx(2 / 3)
    assert scores["per_technique"]["Doubt"]["recall"] == 0.0


def _write_ptc(root, articles):
    (root / "articles").mkdir(parents=True)
    si, tc = [], []
    for doc_id, text, spans in articles:
        (root / "articles" / f"article{doc_id}.txt").write_text(text, encoding="utf-8")
        for phrase, technique in spans:
            start = text.index(phrase)
            si.append(f"{doc_id}\t{start}\t{start + len(phrase)}")
            tc.append(f"{doc_id}\t{technique}\t{start}\t{start + len(phrase)}")
    (root / "labels-SI.tsv").write_text("\n".join(si) + "\n", encoding="utf-8")
    (root / "labels-TC.tsv").write_text("\n".join(tc) + "\n", encoding="utf-8")
    return root


def _tiny_corpus(root):
    loaded = ["brutal", "disgusting", "evil", "shameful", "vicious", "horrific"]
    names = ["traitors", "thugs", "puppets", "clowns", "crooks", "bandits"]
    articles = []
    for k in range(6):
        text = (f"Title number {k}\n\nThe {loaded[k]} attack shocked the town on Monday.\n"
                f"Officials called the organisers {names[k]} and left.\nThe market opened at nine as usual.\n")
        articles.append((str(100 + k), text, [(loaded[k], "Loaded_Language"), (names[k], "Name_Calling,Labeling")]))
    return _write_ptc(root, articles)


def test_read_ptc_and_its_errors(tmp_path):
    root = _tiny_corpus(tmp_path / "ptc")
    articles = read_ptc(root)
    assert [a.id for a in articles] == [str(100 + k) for k in range(6)]
    a = articles[0]
    assert [a.text[s:e] for s, e, _ in a.tc] == ["brutal", "traitors"]
    with pytest.raises(NewsprismError, match="articles/"):
        read_ptc(tmp_path)
    (root / "labels-SI.tsv").unlink()
    with pytest.raises(NewsprismError, match="labels-SI.tsv"):
        read_ptc(root)


@pytest.mark.slow
def test_cli_scores_the_shipped_model_and_writes_its_section(tmp_path):
    from newsprism.cli import main

    root = _tiny_corpus(tmp_path / "ptc")
    docs = tmp_path / "quality.md"
    env = {"NEWSPRISM_CACHE_DIR": str(tmp_path / "cache")}
    result = CliRunner().invoke(main, ["eval", "rhetoric", "--data", str(root), "--json", "--write-docs",
                                       "--docs", str(docs)], env=env)
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["articles"] == 6 and metrics["tc_examples"] == 12
    assert 0.0 <= metrics["si_f1"] <= 1.0 and 0.0 <= metrics["tc_micro_f1"] <= 1.0
    section = docs.read_text(encoding="utf-8")
    assert "<!-- eval:rhetoric -->" in section and "tc_micro_f1" in section


@pytest.mark.slow
def test_cli_cross_validation_trains_on_the_other_folds(tmp_path):
    from newsprism.cli import main

    root = _tiny_corpus(tmp_path / "ptc")
    env = {"NEWSPRISM_CACHE_DIR": str(tmp_path / "cache")}
    result = CliRunner().invoke(main, ["eval", "rhetoric", "--data", str(root), "--folds", "2", "--json"], env=env)
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["folds"] == 2 and metrics["articles"] == 6
    # the held-out fold's cue words were never seen in training, but their technique is learnable from context
    assert metrics["tc_micro_f1"] > 0.0


def test_cli_rejects_a_folder_that_is_not_ptc(tmp_path):
    from newsprism.cli import main

    result = CliRunner().invoke(main, ["eval", "rhetoric", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "articles/" in result.output
