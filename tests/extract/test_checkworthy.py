"""Check-worthiness scores from the shipped model."""

from __future__ import annotations

import pytest

from newsprism.extract import checkworthy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp(settings):
    from newsprism.nlp.pipeline import load_pipeline

    return load_pipeline(settings.spacy_model)


def test_scores_are_probabilities(nlp):
    for text in ("Thank you.", "Unemployment fell to 4 percent in 2015, the lowest rate in a decade.", "", "  "):
        value = checkworthy.score(list(nlp(text)))
        assert 0.0 <= value <= 1.0
    assert checkworthy.score([]) == 0.0


def test_a_statistic_outranks_a_greeting(nlp):
    fact = checkworthy.score(list(nlp("We cut taxes by $3 billion and created 200,000 jobs last year.")))
    greeting = checkworthy.score(list(nlp("Thank you very much, good evening everyone.")))
    assert fact > greeting


def test_entity_types_replace_the_names(nlp):
    grams = checkworthy.bags(list(nlp("The Senate voted against the bill in March.")))
    assert "E:ORG" in grams["e"] and "E:DATE" in grams["e"]
    assert not any("march" in g for g in grams["e"])
    assert "voted against" in grams["r"] and "." not in " ".join(grams["r"])


def test_model_matches_the_features():
    model = checkworthy.load_model()
    assert model["format"] == checkworthy.FORMAT
    assert model["features"] == list(checkworthy.FEATURES)
    kinds = {c["kind"] for c in model["components"]}
    assert kinds == {"linear", "trees"}
    for component in model["components"]:
        assert component["std_score"] > 0
        if component.get("dense_weight"):
            assert len(component["weights"]) == len(checkworthy.FEATURES)


def test_trees_follow_the_thresholds():
    component = {"kind": "trees", "baseline": -1.0,
                 "trees": [[[0, 0.5, 1, 2, 1], [0.25], [2.0]], [[1, 3.0, 1, 2, 0], [-0.5], [0.5]]]}
    assert checkworthy.tree_score(component, [0.0, 5.0]) == pytest.approx(-1.0 + 0.25 + 0.5)
    assert checkworthy.tree_score(component, [1.0, 1.0]) == pytest.approx(-1.0 + 2.0 - 0.5)


def test_pravda_figures_outrank_its_opinions(pravda):
    """In the bundled article, sentences with figures or reported facts rank above speculation and opinion."""
    def score_of(words: str) -> float:
        found = [s.checkworthiness for s in pravda.sentences if words in s.text]
        assert found, words
        return found[0]

    facts = [score_of(w) for w in PRAVDA_FACTS]
    opinions = [score_of(w) for w in PRAVDA_OPINIONS]
    assert min(facts) > max(opinions), (facts, opinions)


PRAVDA_FACTS = ("Over 2,000 protester have been detained", "authorities doubled the prices", "(85% of them go to the West)")
PRAVDA_OPINIONS = ("Perhaps they were planning", "This is unlikely to happen", "It appears that neither the army",
                   "They want a person outside the system", "Subscribe to Pravda", "Who will come to power")
