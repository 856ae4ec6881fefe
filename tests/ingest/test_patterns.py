"""The line patterns are data (patterns.v1.json); the matchers read them."""

from __future__ import annotations

import pytest

from newsprism.ingest.patterns import load_patterns


@pytest.fixture(scope="module")
def p():
    return load_patterns()


def test_versioned_data_file(p):
    assert p.version == 1
    assert p.header_lines and p.byline_lines and p.boilerplate_lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Author`s name Lyuba Lulko", [("authors", ["Lyuba Lulko"])]),
        ("Author's name Lyuba Lulko / Editor Dmitry Sudakov", [("authors", ["Lyuba Lulko"]), ("editors", ["Dmitry Sudakov"])]),
        ("By Jane Doe and John Roe", [("authors", ["Jane Doe", "John Roe"])]),
        ("Edited by Ana de la Cruz", [("editors", ["Ana de la Cruz"])]),
        ("By the end of the week", None),
        ("Editor of the paper said that", None),
        ("By 2030 the country will", None),
    ],
)
def test_bylines(p, line, expected):
    assert p.byline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Source: ZDNet", ("outlet", "ZDNet")),
        ("Author: Jonathan Greig", ("authors", "Jonathan Greig")),
        ("Date: 2022-01-05 19:53:00", ("published", "2022-01-05 19:53:00")),
        ("Sources said the talks failed.", None),
    ],
)
def test_headers(p, line, expected):
    assert p.header(line) == expected


def test_boilerplate(p):
    assert p.boilerplate("Subscribe to Pravda.Ru Telegram channel, Facebook, RSS!")
    assert p.boilerplate("Read more: the timeline")
    assert not p.boilerplate("Subscribers to the service lost access on Tuesday.")
    assert not p.boilerplate("Subscribe to " + "x" * 300)
