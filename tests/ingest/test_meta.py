"""Dates to ISO 8601, names without repeats."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsprism.ingest.meta import content_hash, dedupe, iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-01-07", "2022-01-07"),
        ("2022-01-05 19:53:00", "2022-01-05T19:53:00"),
        ("2022-01-06T22:51:42Z", "2022-01-06T22:51:42+00:00"),
        ("Fri, 07 Jan 2022 10:00:00 +0300", "2022-01-07T10:00:00+03:00"),
        ("7 January 2022", "2022-01-07"),
        ("January 7, 2022 10:15", "2022-01-07T10:15:00"),
        (date(2022, 1, 7), "2022-01-07"),
        (datetime(2022, 1, 7, 10, 0), "2022-01-07T10:00:00"),
        ("2022-13-45", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_dedupe_keeps_the_first_spelling():
    assert dedupe(["Jane  Doe", "jane doe", "John Roe"]) == ["Jane Doe", "John Roe"]


def test_content_hash_is_sha256_of_utf8():
    assert content_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
