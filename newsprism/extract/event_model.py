"""The event classifier: a linear model over *masked* text.

Named entities become their label (``_gpe``, ``_org``, ``_person`` ...), other proper nouns and capitalised
words inside a sentence (names the recogniser missed) ``_name``, numbers ``_num``, so the
model learns how events are described, not which places, groups or people took part in them (the final
test is on another region and period). The kinds of the trigger rules that matched are appended as tokens (``_k_clash``).
Two heads share one vocabulary of word 1-2-grams (TF-IDF):
``sub_event_type`` (ACLED's 25 sub-types) and ``inter1`` (the inter code of the main actor).

Prediction is plain numpy (no scikit-learn import at run time); training (``scripts/train_event_model.py``)
uses scikit-learn's logistic regression with the same featuriser. The model card is docs/model-card-events.md.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_NAME = "events.v1"
MASKED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY",
                 "MONEY", "PERCENT", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
#: a coder's label at the start of an ACLED note ("Non-violent activity: ..."); never seen in news, so stripped in training
CODER_PREFIX = re.compile(r"^\s*[A-Z][A-Za-z/ -]{2,40}:\s+")
_SENTENCE_END = {".", "!", "?", ":", '"', "\u201c", "\n", "\n\n", ";", "(", "-", "\u2014"}
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*|_[a-z_]+|[?!]")


def is_heldout(record_id: str, folds: int = 5) -> bool:
    """The fixed held-out split: a record is held out when the hash of its id falls in the last of ``folds`` buckets."""
    return int(hashlib.md5(record_id.encode("utf-8")).hexdigest(), 16) % folds == 0


def masked(doc: Doc, start: int, end: int) -> str:
    """The words of ``doc`` between character offsets, lower-cased, entities and numbers replaced by placeholders."""
    out: list[str] = []
    span = doc.char_span(start, end, alignment_mode="expand")
    for token in span if span is not None else doc:
        if token.idx < start or token.idx >= end:
            continue
        if token.ent_type_ in MASKED_LABELS:
            if token.ent_iob_ == "B" or token.idx == start:
                out.append("_" + token.ent_type_.lower())
            continue
        if _is_name(token, start):
            if not out or out[-1] != "_name":
                out.append("_name")
            continue
        if token.like_num or any(ch.isdigit() for ch in token.text):
            out.append("_num")
        else:
            out.append(token.lower_)
    return " ".join(out)


def _is_name(token: Token, start: int) -> bool:
    """A name the entity recogniser missed: a proper noun, or a capitalised word inside a sentence."""
    if token.pos_ == "PROPN":
        return True
    if not token.text[:1].isupper() or token.idx == start or token.i == 0:
        return False
    return token.nbor(-1).text not in _SENTENCE_END


def with_rules(masked_text: str, kinds: Iterable[str]) -> str:
    """The masked text followed by one token per trigger rule kind that matched it (``_k_excessive_force``):
    the classifier learns from which rules fired as well as from the words."""
    tokens = " ".join(sorted({"_k_" + k.replace("-", "_") for k in kinds}))
    return f"{masked_text} {tokens}" if tokens else masked_text


def ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams of a masked text (the featuriser shared by training and prediction)."""
    words = _WORD.findall(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass
class Head:
    classes: list[Any]
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray


class EventModel:
    """Vocabulary + IDF + one linear head per target; ``predict`` returns class probabilities."""

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, heads: dict[str, Head], meta: dict[str, Any]):
        self.vocabulary = vocabulary
        self.idf = idf
        self.heads = heads
        self.meta = meta

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(self.vocabulary[g] for g in ngrams(text) if g in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64)
        tf = np.array([1.0 + math.log(c) for c in counts.values()])
        values = tf * self.idf[idx]
        values /= np.linalg.norm(values) or 1.0
        return idx, values

    def predict(self, head: str, text: str) -> dict[Any, float]:
        """Probabilities of each class of ``head`` for one masked text."""
        return self.predict_all(text)[head]

    @functools.lru_cache(maxsize=256)  # noqa: B019 - one model per process; the same text is coded by both heads
    def predict_all(self, text: str) -> dict[str, dict[Any, float]]:
        """Probabilities of each class of every head for one masked text (features computed once)."""
        idx, values = self.features(text)
        out = {}
        for name, h in self.heads.items():
            scores = h.intercept + (h.coef[:, idx] @ values if len(idx) else 0.0)
            scores = np.exp(scores - scores.max())
            probs = scores / scores.sum()
            out[name] = {c: float(p) for c, p in zip(h.classes, probs, strict=True)}
        return out

    def save(self, directory: Path, name: str = MODEL_NAME) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        arrays = {"idf": self.idf.astype(np.float32)}
        for key, h in self.heads.items():
            arrays[f"{key}.coef"] = h.coef.astype(np.float16)
            arrays[f"{key}.intercept"] = h.intercept.astype(np.float32)
        np.savez_compressed(directory / f"{name}.npz", **arrays)
        vocab = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        doc = {"meta": self.meta, "classes": {k: h.classes for k, h in self.heads.items()}, "vocabulary": vocab}
        (directory / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=0), encoding="utf-8")

    @classmethod
    def from_files(cls, npz: Any, meta_json: str) -> EventModel:
        doc = json.loads(meta_json)
        vocabulary = {g: i for i, g in enumerate(doc["vocabulary"])}
        with np.load(npz) as arrays:
            idf = arrays["idf"].astype(np.float64)
            heads = {k: Head(list(classes), arrays[f"{k}.coef"].astype(np.float32), arrays[f"{k}.intercept"].astype(np.float64))
                     for k, classes in doc["classes"].items()}
        return cls(vocabulary, idf, heads, doc["meta"])


@functools.lru_cache(maxsize=4)
def load_model(path: str = "") -> EventModel | None:
    """The shipped model (or the one at ``path``, without extension); None when there is none."""
    if path:
        base = Path(path)
        npz, meta = base.with_suffix(".npz"), base.with_suffix(".json")
        if not npz.exists():
            return None
        with open(npz, "rb") as fh:
            return EventModel.from_files(fh, meta.read_text(encoding="utf-8"))
    root = resources.files(__package__).joinpath("models")
    npz_res, meta_res = root.joinpath(f"{MODEL_NAME}.npz"), root.joinpath(f"{MODEL_NAME}.json")
    if not npz_res.is_file():
        return None
    with npz_res.open("rb") as fh:
        return EventModel.from_files(fh, meta_res.read_text(encoding="utf-8"))


def train(texts: list[str], targets: dict[str, list[Any]], meta: dict[str, Any], c: float = 8.0,
          min_df: int = 2, names: frozenset[str] = frozenset()) -> EventModel:
    """Fit the vocabulary and one logistic-regression head per target on masked texts.

    ``names``: words never to learn (mostly written capitalised in the raw texts: names masking missed).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def analyzer(text: str) -> list[str]:
        return [g for g in ngrams(text) if not names.intersection(g.split(" "))]

    vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=min_df, sublinear_tf=True)
    x = vectorizer.fit_transform(texts)
    heads: dict[str, Head] = {}
    for key, ys in targets.items():
        clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
        clf.fit(x, ys)
        coef, intercept = clf.coef_, clf.intercept_
        if len(clf.classes_) == 2:  # binary: sklearn keeps one row
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        heads[key] = Head([_plain(v) for v in clf.classes_], coef, intercept)
    vocabulary = {g: int(i) for g, i in vectorizer.vocabulary_.items()}
    return EventModel(vocabulary, vectorizer.idf_, heads, meta)


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def capitalised_words(texts: Iterable[str]) -> frozenset[str]:
    """Words written capitalised inside sentences more often than not: names, whatever the recogniser said."""
    upper: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        for m in re.finditer(r"(?<![.!?:\n]\s)(?<!^)\b([A-Za-z][a-z'-]+|[A-Z]{2,})\b", text):
            word = m.group(1).lower()
            total[word] += 1
            upper[word] += m.group(1)[0].isupper()
    return frozenset(w for w, n in total.items() if upper[w] * 2 > n)


def training_texts(docs: Iterable[Doc]) -> list[str]:
    """Masked texts of ACLED notes for training, the coder's leading label removed."""
    out = []
    for doc in docs:
        m = CODER_PREFIX.match(doc.text)
        out.append(masked(doc, m.end() if m else 0, len(doc.text)))
    return out


def first_sentence(masked_text: str) -> str | None:
    """The first sentence of a masked note when the note has more than one (an extra, sentence-sized example:
    at run time the classifier mostly sees single sentences)."""
    head, sep, rest = masked_text.partition(" . ")
    return head + " ." if sep and rest.strip() else None
