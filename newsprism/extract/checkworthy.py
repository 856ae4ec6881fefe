"""Check-worthiness: how much a fact-checker would want to verify a stretch of text (0-1).

Three small models over one sentence (or a claim's content), averaged after standardising each score:

* ``lexical``: a linear model over the spaCy words and word pairs (numbers as "0"), the named-entity
  types and entity-typed word pairs ("voted E:LAW"), tf-idf weighted and L2-normalised, plus a few
  readable features (numbers, named entities, factual past-tense verbs, comparisons, questions, first
  person ...) scaled down;
* ``words``: a second linear model over plain word tokens of two or more letters and their pairs;
* ``trees``: gradient-boosted trees over the readable features alone.

A logistic calibration turns the average into a probability. The weights live in
``models/checkworthy.v1.json``, trained by ``scripts/train_checkworthy.py`` (see docs/model-card-claims.md).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MODEL_FILE = "checkworthy.v1.json"
FORMAT = 2

FACT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
QUANT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
TIME_ENTS = frozenset({"DATE", "TIME"})
FIRST_SINGULAR = frozenset({"i", "me", "my"})
SECOND = frozenset({"you", "your"})
MODALS_FUTURE = frozenset({"will", "would", "shall", "'ll", "going"})
STAT_WORDS = frozenset({"percent", "%", "million", "billion", "trillion", "thousand", "hundred", "rate", "number",
                        "tax", "jobs", "increase", "decrease", "cut", "raise", "rose", "fell", "doubled", "tripled",
                        "voted", "spent", "budget", "deficit", "debt", "killed", "died", "injured", "arrested",
                        "detained", "largest", "highest", "lowest", "most", "least", "first", "record"})
GREETINGS = frozenset({"thank", "thanks", "applause", "laughter", "crosstalk", "welcome", "hello", "congratulations"})

FEATURES = (
    "has_number", "n_quant_ents", "n_fact_ents", "has_date", "past_tense", "present_perfect", "comparative",
    "stat_word", "first_singular", "second_person", "question", "future", "modal", "greeting", "log_len", "short",
    "negation", "has_verb",
)
WORD = re.compile(r"\b\w\w+\b")


def features(tokens: Sequence[Token]) -> list[float]:
    """The readable feature vector of consecutive tokens (a sentence or a claim's content)."""
    lows = [t.lower_ for t in tokens]
    tags = [t.tag_ for t in tokens]
    ents = [t.ent_type_ for t in tokens if t.ent_iob_ == "B"]
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    n = len(words)
    return [
        float(any(t.like_num or any(ch.isdigit() for ch in t.text) for t in tokens)),
        float(sum(e in QUANT_ENTS for e in ents)),
        float(min(sum(e in FACT_ENTS for e in ents), 4)),
        float(any(e in TIME_ENTS for e in ents)),
        float(any(tag == "VBD" for tag in tags)),
        float(any(t.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in t.children) for t in tokens)),
        float(any(tag in ("JJR", "JJS", "RBR", "RBS") for tag in tags)),
        float(any(w in STAT_WORDS or t.lemma_.lower() in STAT_WORDS for w, t in zip(lows, tokens, strict=True))),
        float(any(w in FIRST_SINGULAR for w in lows)),
        float(any(w in SECOND for w in lows)),
        float(bool(tokens) and "?" in tokens[-1].text or any(t.text == "?" for t in tokens[-2:])),
        float(any(w in MODALS_FUTURE for w in lows)),
        float(any(tag == "MD" for tag in tags)),
        float(any(t.lemma_.lower() in GREETINGS for t in tokens)),
        math.log1p(n),
        float(n < 6),
        float(any(t.dep_ == "neg" for t in tokens)),
        float(any(t.pos_ in ("VERB", "AUX") for t in tokens)),
    ]


def _pairs(items: list[str]) -> set[str]:
    return set(items) | {f"{a} {b}" for a, b in zip(items, items[1:], strict=False)}


def bags(tokens: Sequence[Token]) -> dict[str, set[str]]:
    """The presence features of the tokens by kind.

    ``w``: lower-cased words and word pairs (numbers as "0"); ``e``: entity types ("E:GPE") and word
    pairs with entities replaced by their type; ``r``: words of two or more letters or digits in the
    text (punctuation dropped) and their pairs.
    """
    toks = [t for t in tokens if not t.is_space]
    words = ["0" if t.like_num else t.lower_ for t in toks]
    typed = []
    for t, w in zip(toks, words, strict=True):
        if not t.ent_type_:
            typed.append(w)
        elif t.ent_iob_ == "B" or not typed or typed[-1] != f"E:{t.ent_type_}":
            typed.append(f"E:{t.ent_type_}")
    entity_pairs = {g for g in _pairs(typed) if "E:" in g}
    # the text from the first to the last word (the tokens are consecutive), as doc.text[start:end] would give it
    first = next((i for i, t in enumerate(tokens) if not t.is_space), len(tokens))
    text = "".join(t.text_with_ws for t in tokens[first:])
    return {"w": _pairs(words), "e": entity_pairs, "r": _pairs(WORD.findall(text.lower()))}


@functools.lru_cache(maxsize=1)
def load_model() -> dict:
    path = resources.files("newsprism.extract").joinpath("models", MODEL_FILE)
    model = json.loads(path.read_text(encoding="utf-8"))
    if model.get("format") != FORMAT or list(model["features"]) != list(FEATURES):
        raise ValueError(f"{MODEL_FILE} was trained on other features; retrain it with scripts/train_checkworthy.py")
    return model


def linear_score(component: dict, grams: dict[str, set[str]], dense: Sequence[float]) -> float:
    """A linear component: tf-idf (binary tf) of the present features, L2-normalised, plus scaled dense features."""
    vocab = component["vocab"]
    present = [vocab[f"{kind}|{g}"] for kind in component["bags"] for g in grams[kind] if f"{kind}|{g}" in vocab]
    norm = math.sqrt(sum(idf * idf for idf, _ in present))
    z = component["bias"] + (sum(idf * w for idf, w in present) / norm if norm else 0.0)
    if component.get("dense_weight"):
        spread = zip(dense, component["mean"], component["scale"], component["weights"], strict=True)
        z += sum((x - m) / s * w for x, m, s, w in spread)
    return z


def tree_score(component: dict, dense: Sequence[float]) -> float:
    """Gradient-boosted trees: nodes are [feature, threshold, left, right, missing_left] or [value] for a leaf."""
    z = component["baseline"]
    for tree in component["trees"]:
        node = tree[0]
        while len(node) > 1:
            feature, threshold, left, right, _ = node
            node = tree[int(left) if dense[int(feature)] <= threshold else int(right)]
        z += node[0]
    return z


def raw_scores(tokens: Sequence[Token], model: dict) -> list[float]:
    """Each component's score of the tokens, before standardising."""
    dense = features(tokens)
    grams = bags(tokens)
    out = []
    for component in model["components"]:
        if component["kind"] == "trees":
            out.append(tree_score(component, dense))
        else:
            out.append(linear_score(component, grams, dense))
    return out


def combine(raw: Sequence[float], model: dict) -> float:
    """The probability from the components' scores: mean of the standardised scores, then calibration."""
    comps = model["components"]
    z = sum((r - c["mean_score"]) / c["std_score"] for r, c in zip(raw, comps, strict=True)) / len(comps)
    a, b = model["calibration"]
    return 1.0 / (1.0 + math.exp(-(a * z + b)))


def score(tokens: Sequence[Token]) -> float:
    """Probability (0-1) that a fact-checker would want to check this text."""
    if not any(not t.is_space for t in tokens):
        return 0.0
    model = load_model()
    return combine(raw_scores(tokens, model), model)
