"""Scare quotes: a short phrase in quotation marks used ironically, not as a quotation.

A quoted phrase is taken for a quotation (and left alone) when its sentence attributes it:
a speech verb (said, wrote, called ...) or an attribution phrase (according to, known as,
titled ...) outside the quotation marks, or a colon or comma introducing it. It is a scare
quote when it is short (``max_words``), does not hold a whole sentence, and is not
attributed — or when a distancing word (so-called, alleged, self-proclaimed ...) stands just
before it, which wins over attribution. Title-case phrases (names of works, operations,
organisations) need a distancing word. A quote in a sentence that names a person, has a
personal pronoun as subject, or follows a sentence with a speech verb is taken for a partial
quotation. Cues: ``lexicons/rhetoric_quotes.v1.json``.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

from ..model import RhetoricSpan, Span
from .rhetoric_features import DocFeatures

QUOTES_FILE = "rhetoric_quotes.v1.json"
TECHNIQUE = "Scare_Quotes"


@functools.lru_cache(maxsize=1)
def quote_cues() -> dict[str, Any]:
    raw = json.loads(resources.files("newsprism.extract").joinpath("lexicons", QUOTES_FILE).read_text(encoding="utf-8"))
    raw["speech_verbs"] = frozenset(raw["speech_verbs"])
    raw["_attribution"] = [re.compile(r"\b" + re.escape(p) + r"\b", re.I) for p in raw["attribution_phrases"]]
    raw["_distancing"] = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in raw["distancing_cues"]) + r")\s*$", re.I)
    raw["_weak"] = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in raw["weak_distancing_cues"]) + r")\s*$", re.I)
    return raw


def quoted_phrases(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the insides of quotation-mark pairs within ``text[start:end]`` (one sentence or paragraph).

    A straight or curly single quote opens only after a non-word character and closes only
    before one, so apostrophes (Nazarbayev's, don't) are not taken for quotation marks.
    """
    cues = quote_cues()
    out: list[tuple[int, int]] = []
    for open_q, close_q in cues["quote_pairs"]:
        i = start
        while i < end:
            a = text.find(open_q, i, end)
            if a < 0:
                break
            if open_q in "'\u2018" and not _opens(text, a):
                i = a + 1
                continue
            b = a + 1
            while True:
                b = text.find(close_q, b, end)
                if b < 0 or close_q not in "'\u2019" or _closes(text, b):
                    break
                b += 1
            if b < 0:
                break
            if b > a + 1:
                out.append((a + 1, b))
            i = b + 1
    return sorted(set(out))


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def scare_quotes(df: DocFeatures) -> list[RhetoricSpan]:
    """The scare-quoted phrases of one document."""
    cues = quote_cues()
    text = df.text
    out: list[RhetoricSpan] = []
    previous_speaks = False
    for first in df.sent_len:  # sentences in order
        last = first + df.sent_len[first] - 1
        s_start, s_end = df.starts[first], df.starts[last] + len(df.tokens[last].text)
        # look a little past the sentence end: spaCy may split a closing quote off
        s_end = min(len(text), s_end + 1)
        for q_start, q_end in quoted_phrases(text, s_start, s_end):
            confidence = _scare_confidence(df, text, s_start, s_end, q_start, q_end, first, last, cues)
            if previous_speaks and confidence < 0.9:
                confidence = 0.0  # a speaker quoted just before: most likely a partial quotation of them
            while q_end > q_start and text[q_end - 1] in ",;:":
                q_end -= 1  # "time bombs," -> time bombs
            if confidence > 0 and q_end > q_start:
                span = Span.of(text, q_start, q_end)
                out.append(RhetoricSpan(TECHNIQUE, span.start, span.end, span.text, confidence))
        previous_speaks = any(_speech_verb(df.tokens[i], cues) for i in range(first, last + 1))
    return out


def _speech_verb(tok, cues: dict[str, Any]) -> bool:
    return tok.lower_ in cues["speech_verbs"] or (tok.pos_ == "VERB" and tok.lemma_.lower() in cues["speech_verbs"])


def _scare_confidence(
    df: DocFeatures, text: str, s_start: int, s_end: int, q_start: int, q_end: int, first: int, last: int,
    cues: dict[str, Any],
) -> float:
    phrase = text[q_start:q_end]
    words = phrase.split()
    if not words or phrase != phrase.strip() or len(words) > cues["max_words"] or len(phrase) < cues["min_chars"]:
        return 0.0
    if any(ch in phrase for ch in ".!?:;\n\"\u201c\u201d\u00ab\u00bb") or not any(ch.isalpha() for ch in phrase):
        return 0.0
    before = text[s_start:q_start - 1]
    distanced = bool(cues["_distancing"].search(before))
    if distanced:
        return 0.9
    if phrase.strip() == text[s_start:s_end].strip(" \"'\u201c\u201d\u2018\u2019.!?"):
        return 0.0  # the quotation is the whole sentence
    title_case = all(w[:1].isupper() for w in words if w[:1].isalpha())
    if title_case:
        return 0.0
    if before.rstrip().endswith((":", ",")):
        return 0.0  # "He said: 'we will win'"
    outside = (text[s_start:q_start - 1] + " " + text[q_end + 1:s_end]).lower()
    if any(p.search(outside) for p in cues["_attribution"]):
        return 0.0
    for i in range(first, last + 1):
        tok = df.tokens[i]
        if q_start <= tok.idx < q_end:
            continue
        if _speech_verb(tok, cues):
            return 0.0
        if tok.ent_type_ in cues["speaker_entity_labels"]:
            return 0.0  # a named person: most likely a partial quotation of them
        if tok.dep_.startswith("nsubj") and tok.lower_ in cues["speaker_pronouns"]:
            return 0.0
    confidence = 0.6
    if cues["_weak"].search(before):
        confidence += 0.1
    if len(words) <= 3:
        confidence += 0.1
    return round(confidence, 3)
