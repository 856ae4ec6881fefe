from __future__ import annotations

import pytest

from newsprism.fuse import fuse, prediction_id


def _doc(kit):
    text = ("The analyst said the regime will fall by 2025. Experts assume the country may split into two parts in "
            "the coming months. The minister said prices rose. Ivanov predicted unrest.")
    d = kit.Doc(text, "a", outlet="Paper", published="2022-01-07")
    d.claim("the regime will fall by 2025", speaker="The analyst", kind="prediction")
    d.claim("the country may split into two parts in the coming months", speaker="experts", speaker_kind="collective",
            kind="prediction", certainty="possible")
    d.claim("prices rose", speaker="The minister")
    d.claim("unrest", speaker="Ivanov", kind="prediction")
    d.date("2025", "2025", "year")
    return d


def test_every_prediction_claim_is_in_the_ledger_with_speaker_date_and_horizon(kit):
    d = _doc(kit)
    ledger = fuse([d.analysis()]).predictions
    assert [(p.speaker.name, p.content.text, p.made, p.horizon, p.horizon_date, p.status) for p in ledger] == [
        ("The analyst", "the regime will fall by 2025", "2022-01-07", "2025", "2025-12-31", "open"),
        ("experts", "the country may split into two parts in the coming months", "2022-01-07", "in the coming months",
         None, "open"),
        ("Ivanov", "unrest", "2022-01-07", None, None, "open"),
    ]
    assert ledger[1].certainty == "possible" and ledger[1].outlet == "Paper" and ledger[1].claim_id == "c2"
    assert ledger[1].horizon_span is not None and d.text[ledger[1].horizon_span.start:ledger[1].horizon_span.end] == (
        "in the coming months")


def test_prediction_ids_are_stable_and_distinct(kit):
    first = [p.id for p in fuse([_doc(kit).analysis()]).predictions]
    again = [p.id for p in fuse([_doc(kit).analysis()]).predictions]
    assert first == again and len(set(first)) == 3 and all(pid.startswith("p-") for pid in first)


def test_prediction_ids_agree_with_the_store(kit):
    store = pytest.importorskip("newsprism.store")
    analysis = _doc(kit).analysis()
    claim = analysis.claims[0]
    assert prediction_id(analysis.article, claim) == store.prediction_id(analysis.article.content_hash, claim)
