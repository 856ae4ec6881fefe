"""Diagnostic rows of the places eval: gold names found under another spelling or as an ACLED compound."""

from __future__ import annotations

from newsprism.eval.places import _variant_found
from newsprism.geo.gazetteer import Candidate
from newsprism.model import Place


class _Gaz:
    """A gazetteer stand-in that knows one entry under two names."""

    def __init__(self) -> None:
        self.entry = Candidate(1, "geonames:1", "Beijing", "city", "CHN", "China", None, 39.9, 116.4, 20_000_000, 1, True)

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return (self.entry,) if name.lower() in ("peking", "beijing") else ()


def _place(name: str, gid: str | None) -> Place:
    return Place(name=name, resolved=gid is not None, resolved_name=name if gid else None, gazetteer_id=gid)


def test_another_name_of_the_resolved_entry_counts_as_a_variant():
    places = [_place("Beijing", "geonames:1")]
    assert _variant_found("Peking", places, places, _Gaz())
    assert not _variant_found("Shanghai", places, places, _Gaz())


def test_an_acled_compound_needs_each_part_found():
    places = [_place("Beijing", "geonames:1"), _place("Chaoyang", None)]
    assert _variant_found("Beijing-Chaoyang", places, places[:1], _Gaz())
    assert _variant_found("Beijing - Chaoyang", places, places[:1], _Gaz())
    assert not _variant_found("Beijing-Haidian", places, places[:1], _Gaz())
