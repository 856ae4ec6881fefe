"""Check-worthiness: how much a fact-checker would want to verify a stretch of text (0-1).

A logistic model over a few readable features of the tokens (numbers, named
entities, factual past-tense verbs, comparisons, questions, first person ...)
and the words and word pairs present (binary, scaled by one over the square
root of their number). The weights live in ``models/checkworthy.v1.json``, trained by
``scripts/train_checkworthy.py`` (see docs/model-card-claims.md).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MODEL_FILE = "checkworthy.v1.json"

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


def features(tokens: Sequence[Token]) -> list[float]:
    """The feature vector of consecutive tokens (a sentence or a claim's content)."""
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


@functools.lru_cache(maxsize=1)
def load_model() -> dict:
    path = resources.files("newsprism.extract").joinpath("models", MODEL_FILE)
    model = json.loads(path.read_text(encoding="utf-8"))
    if list(model["features"]) != list(FEATURES):
        raise ValueError(f"{MODEL_FILE} was trained on other features; retrain it with scripts/train_checkworthy.py")
    return model


def ngrams(tokens: Sequence[Token]) -> set[str]:
    """The lower-cased words and adjacent word pairs of the tokens (numbers as "0")."""
    words = ["0" if t.like_num else t.lower_ for t in tokens if not t.is_space]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def score(tokens: Sequence[Token]) -> float:
    """Probability (0-1) that a fact-checker would want to check this text."""
    if not tokens:
        return 0.0
    model = load_model()
    x = features(tokens)
    dense = zip(x, model["mean"], model["scale"], model["weights"], strict=True)
    z = model["bias"] + sum((xi - m) / s * w for xi, m, s, w in dense)
    grams = ngrams(tokens)
    lexical = model.get("lexical", {})
    if grams and lexical:
        z += sum(lexical.get(g, 0.0) for g in grams) / math.sqrt(len(grams))
    return 1.0 / (1.0 + math.exp(-z))
