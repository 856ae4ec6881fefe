"""Stage 'rhetoric': persuasion-technique spans (SemEval-2020 Task 11 taxonomy) and scare quotes.

How a span is found:

1. **span identification** — a token model (:mod:`.rhetoric_model`, trained on the PTC
   corpus, see docs/model-card-rhetoric.md) gives each token the probability that it lies
   inside a persuasion span; runs of tokens above the model's threshold become spans;
2. **technique classification** — a span model picks the technique of each span
   (:func:`classify_spans` exposes it for spans given by the caller);
3. **sentence-level techniques** — a sentence holding several cues of a sentence-level
   technique (fear, causal, flag-waving ... from ``lexicons/rhetoric_cues.v1.json``), or a
   span found in step 1, is classified whole and kept as a span when the span model gives
   such a technique enough probability (``lexicons/rhetoric_rules.v1.json``);
4. **scare quotes** — short unattributed quoted phrases (:mod:`.rhetoric_quotes`).

Every span is a :class:`~newsprism.model.RhetoricSpan` over the article's text with a
confidence in [0, 1].
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import NewsprismError
from ..model import RhetoricSpan, Span
from ..nlp.pipeline import ParsedArticle
from .rhetoric_features import DocFeatures, doc_features, span_features, token_features
from .rhetoric_model import RhetoricModel, shipped_model
from .rhetoric_quotes import scare_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..settings import Settings

TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum", "Black-and-White_Fallacy",
    "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation", "Flag-Waving", "Loaded_Language",
    "Name_Calling,Labeling", "Repetition", "Slogans", "Thought-terminating_Cliches", "Whataboutism,Straw_Men,Red_Herring",
)
SCARE_QUOTES = "Scare_Quotes"
RULES_FILE = "rhetoric_rules.v1.json"
_TRIM = set(" \t\n\r.,:;")


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    text = resources.files("newsprism.extract").joinpath("lexicons", RULES_FILE).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def extract(parsed: ParsedArticle) -> dict[str, Any]:
    found = detect(parsed.doc, shipped_model())
    skip = parsed.article.boilerplate  # "Subscribe to ...", bylines: not the article's voice
    if skip:
        found = [r for r in found if not any(b.start < r.end and r.start < b.end for b in skip)]
    return {"rhetoric": found}


def detect(doc: Doc, model: RhetoricModel, *, with_sentences: bool = True, with_quotes: bool = True) -> list[RhetoricSpan]:
    """All rhetoric spans of one parsed document, sorted by position."""
    df = doc_features(doc)
    found: list[RhetoricSpan] = []
    spans = identify_spans(df, model)
    if spans:
        probs = model.tc.proba([span_features(df, s, e) for s, e, _ in spans])
        for (start, end, p_span), row in zip(spans, probs, strict=True):
            k = int(np.argmax(row))
            confidence = math.sqrt(p_span * float(row[k]))
            found.append(_span(df.text, model.tc.classes[k], start, end, confidence))
    if with_sentences:
        found += sentence_spans(df, model, found)
    if with_quotes:
        found += scare_quotes(df)
    found.sort(key=lambda r: (r.start, r.end, r.technique))
    return found


def identify_spans(df: DocFeatures, model: RhetoricModel) -> list[tuple[int, int, float]]:
    """(start, end, peak token probability) of each span the token model finds."""
    if not df.tokens:
        return []
    p = model.si.proba([token_features(df, i) for i in range(len(df.tokens))])
    return decode(df, p, model.threshold, model.peak, model.gap)


def decode(df: DocFeatures, p: np.ndarray, low: float, high: float, gap: int = 2) -> list[tuple[int, int, float]]:
    """Hysteresis decoding: runs of tokens with probability >= ``low`` within one sentence (gaps of up to
    ``gap`` tokens bridged), kept when some token of the run reaches ``high``; ends trimmed of space and punctuation."""
    inside = p >= low
    idx = np.flatnonzero(inside)
    for a, b in zip(idx, idx[1:], strict=False):
        if 1 < b - a <= gap + 1 and df.sent_of[a] == df.sent_of[b]:
            inside[a + 1:b] = True
    out = []
    n, i, text = len(inside), 0, df.text
    while i < n:
        if not inside[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and inside[j + 1] and df.sent_of[j + 1] == df.sent_of[i]:
            j += 1
        peak = float(p[i:j + 1].max())
        start, end = _trimmed(text, df.starts[i], df.starts[j] + len(df.tokens[j].text))
        if peak >= high and end > start and any(ch.isalnum() for ch in text[start:end]):
            out.append((start, end, peak))
        i = j + 1
    return out


def sentence_spans(df: DocFeatures, model: RhetoricModel, found: Sequence[RhetoricSpan]) -> list[RhetoricSpan]:
    """Whole sentences carrying a sentence-level technique (fear, causal oversimplification, flag-waving ...).

    Two kinds of candidate sentence are classified by the span model: one with at least
    ``min_cues`` cue phrases of such a technique (kept when that technique gets at least
    ``min_probability``), and one holding a span the token model found (kept when the
    sentence's most probable technique is such a technique with at least ``min_top_probability``).
    """
    cfg = rules()["sentence_spans"]
    techniques = set(cfg["techniques"])
    candidates: dict[tuple[int, int], set[str]] = {}  # sentence span -> cued techniques (empty: model-found)
    for first, counts in df.sent_cues.items():
        last = first + df.sent_len[first] - 1
        start, end = _trimmed(df.text, df.starts[first], df.starts[last] + len(df.tokens[last].text))
        if end - start < cfg["min_chars"]:
            continue
        cued = {t for t, c in counts.items() if t in techniques and c >= cfg["min_cues"]}
        modelled = any(r.start < end and start < r.end and r.technique != SCARE_QUOTES for r in found)
        if cued or modelled:
            candidates[(start, end)] = cued
    if not candidates:
        return []
    spans = list(candidates)
    probs = model.tc.proba([span_features(df, s, e) for s, e in spans])
    index = {c: k for k, c in enumerate(model.tc.classes)}
    out = []
    for (start, end), row in zip(spans, probs, strict=True):
        keep = {t: float(row[index[t]]) for t in candidates[(start, end)] if row[index[t]] >= cfg["min_probability"]}
        top = model.tc.classes[int(np.argmax(row))]
        if top in techniques and row.max() >= cfg["min_top_probability"]:
            keep[top] = float(row.max())
        for technique, p in sorted(keep.items()):
            if not any(r.technique == technique and r.start < end and start < r.end for r in found):
                out.append(_span(df.text, technique, start, end, p))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _span(text: str, technique: str, start: int, end: int, confidence: float) -> RhetoricSpan:
    span = Span.of(text, start, end)
    return RhetoricSpan(technique, span.start, span.end, span.text, round(float(confidence), 3))


def technique_probabilities(doc: Doc, spans: Sequence[tuple[int, int]], model: RhetoricModel) -> np.ndarray:
    """(n_spans, n_techniques) probabilities of each technique for each span, columns in ``model.tc.classes``."""
    if not spans:
        return np.zeros((0, len(model.tc.classes)))
    df = doc_features(doc)
    return model.tc.proba([span_features(df, s, e) for s, e in spans])


def classify_spans(
    text: str, spans: Iterable[Span | tuple[int, int]], *, settings: Settings | None = None
) -> list[RhetoricSpan]:
    """The most likely persuasion technique of each given span of ``text`` (one result per span, in order).

    ``spans`` are :class:`~newsprism.model.Span` records or ``(start, end)`` character offsets.
    """
    from ..nlp.pipeline import load_pipeline
    from ..settings import Settings

    settings = settings or Settings.load()
    pairs = [(s.start, s.end) if isinstance(s, Span) else (int(s[0]), int(s[1])) for s in spans]
    for start, end in pairs:
        if not 0 <= start < end <= len(text):
            raise NewsprismError(f"span {start}:{end} is outside the text (0:{len(text)}); give offsets into this text")
    model = shipped_model()
    doc = load_pipeline(settings.spacy_model)(text)
    probs = technique_probabilities(doc, pairs, model)
    out = []
    for (start, end), row in zip(pairs, probs, strict=True):
        k = int(np.argmax(row))
        out.append(_span(text, model.tc.classes[k], start, end, float(row[k])))
    return out


def density(rhetoric: Iterable[RhetoricSpan], text: str, *, min_confidence: float = 0.5) -> float:
    """Rhetoric spans per 1,000 words of ``text``, counting spans of at least ``min_confidence``.

    The model was trained on propaganda-dense articles, so low-confidence spans also turn up in
    plain reporting; a confidence floor of about 0.5 separates outlets better than the raw count.
    """
    words = len(text.split())
    if not words:
        return 0.0
    return 1000 * sum(1 for r in rhetoric if r.confidence >= min_confidence) / words
