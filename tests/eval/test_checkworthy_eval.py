"""The ranking measures of `newsprism eval checkworthy`."""

from __future__ import annotations

import pytest

from newsprism.eval.checkworthy import average_precision, map_per_debate


def test_average_precision_over_one_ranking():
    assert average_precision([True, False, True], [0.9, 0.8, 0.1]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([False, False], [0.5, 0.4]) == 0.0


def test_map_averages_each_debate_and_skips_debates_without_positives():
    debates = ["a", "a", "b", "b", "c", None]
    gold = [True, False, False, True, False, True]
    scores = [0.9, 0.1, 0.8, 0.2, 0.95, 0.99]
    # debate a: AP 1; debate b: the positive is second, AP 1/2; c has no positive; the record with no debate is left out
    assert map_per_debate(debates, gold, scores) == pytest.approx(0.75)
    assert map_per_debate([None, None], [True, False], [0.1, 0.2]) is None
