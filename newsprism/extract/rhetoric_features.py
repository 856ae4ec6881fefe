"""Features for the rhetoric models: per token (span identification) and per span (technique classification).

Both work over a spaCy ``Doc`` whose character offsets are the article's. The cue
lexicon (``lexicons/rhetoric_cues.v1.json``) is matched once per document into a
:class:`DocFeatures` that both feature functions read. Features are plain strings
(``"w=brutal"``) mapped to columns by the model's vocabulary, so the shipped model is a
vocabulary plus a weight matrix and needs no pickles.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CUES_FILE = "rhetoric_cues.v1.json"
_WORD = re.compile(r"\w", re.U)
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[tuple[str, ...], ...]]:
    """technique -> cue phrases as tuples of lower-case words."""
    raw = json.loads(resources.files("newsprism.extract").joinpath("lexicons", CUES_FILE).read_text(encoding="utf-8"))
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for technique, phrases in raw.items():
        if technique.startswith("_") or not isinstance(phrases, list):
            continue
        out[technique] = tuple(tuple(p.lower().split()) for p in phrases if p.strip())
    return out


@functools.lru_cache(maxsize=1)
def _cue_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """first word -> [(phrase, technique)], longest phrases first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for technique, phrases in cue_lexicon().items():
        for phrase in phrases:
            index.setdefault(phrase[0], []).append((phrase, technique))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@dataclass
class DocFeatures:
    """What the feature functions need from one document, computed once."""

    doc: Doc
    text: str  # doc.text, built once (spaCy rebuilds it on every access)
    tokens: list[Token]  # the document's non-space tokens
    lower: list[str]
    cues: list[set[str]]  # per token: techniques whose cue covers it
    sent_cues: dict[int, Counter[str]]  # sentence start token index -> technique -> cue phrases found
    sent_of: list[int]  # per token: index (in tokens) of its sentence's first token
    sent_len: dict[int, int]
    lemma_counts: Counter[str]
    text_lower: str
    in_quotes: list[bool] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # per token: its start offset


def doc_features(doc: Doc) -> DocFeatures:
    text = doc.text
    tokens = [t for t in doc if not t.is_space]
    lower = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    cues: list[set[str]] = [set() for _ in tokens]
    starts_at: list[set[str]] = [set() for _ in tokens]  # techniques with a cue phrase starting at the token
    index = _cue_index()
    for i in range(len(tokens)):
        for key in {lower[i], lemmas[i]}:
            for phrase, technique in index.get(key, ()):
                n = len(phrase)
                if technique in cues[i]:  # inside a longer cue of the same technique: counted once
                    continue
                if n == 1 or tuple(lower[i:i + n]) == phrase:
                    starts_at[i].add(technique)
                    for j in range(i, min(i + n, len(tokens))):
                        cues[j].add(technique)
    sent_of: list[int] = []
    sent_len: dict[int, int] = {}
    sent_cues: dict[int, Counter[str]] = {}
    first = 0
    for i, tok in enumerate(tokens):
        if i == 0 or tok.is_sent_start or _newline_between(text, tokens[i - 1], tok):
            first = i
        sent_of.append(first)
        sent_len[first] = sent_len.get(first, 0) + 1
        counter = sent_cues.setdefault(first, Counter())
        for technique in starts_at[i]:
            counter[technique] += 1
    content = Counter(lemmas[i] for i, t in enumerate(tokens) if t.is_alpha and not t.is_stop)
    in_quotes = _quote_state(tokens)
    return DocFeatures(
        doc=doc, text=text, tokens=tokens, lower=lower, cues=cues, sent_cues=sent_cues, sent_of=sent_of, sent_len=sent_len,
        lemma_counts=content, text_lower=text.lower(), in_quotes=in_quotes,
        starts=[t.idx for t in tokens],

    )


def _newline_between(text: str, prev: Token, tok: Token) -> bool:
    return "\n" in text[prev.idx + len(prev.text):tok.idx]


def _quote_state(tokens: list[Token]) -> list[bool]:
    """Per token: inside double quotation marks (a rough state machine, reset at each new paragraph)."""
    state, out = False, []
    for tok in tokens:
        text = tok.text
        if text in ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "``", "''"):
            if text in ("\u201c", "\u00ab", "``"):
                state = True
            elif text in ("\u201d", "\u00bb", "''"):
                state = False
            else:
                state = not state
            out.append(True)
            continue
        out.append(state)
    return out


def _bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    if n <= 4:
        return "3-4"
    if n <= 8:
        return "5-8"
    if n <= 16:
        return "9-16"
    if n <= 32:
        return "17-32"
    return "33+"


def _shape(tok: Token) -> str:
    if tok.is_upper and len(tok.text) > 1:
        return "UPPER"
    if tok.is_title:
        return "Title"
    if tok.is_digit or tok.like_num:
        return "num"
    if tok.is_punct:
        return "punct"
    return "lower"


def token_features(df: DocFeatures, i: int) -> list[str]:
    """The features of token ``i`` (index into ``df.tokens``) for span identification."""
    toks, low = df.tokens, df.lower
    tok = toks[i]
    n = len(toks)
    w = low[i]
    feats = [
        "bias", f"w={w}", f"lem={tok.lemma_.lower()}", f"pos={tok.pos_}", f"tag={tok.tag_}", f"dep={tok.dep_}",
        f"shape={_shape(tok)}", f"suf3={w[-3:]}",
    ]
    if tok.ent_type_:
        feats.append(f"ent={tok.ent_type_}")
    if tok.is_stop:
        feats.append("stop")
    for k in (-2, -1, 1, 2):
        j = i + k
        if 0 <= j < n and df.sent_of[j] == df.sent_of[i]:
            feats.append(f"w{k}={low[j]}")
            feats.append(f"pos{k}={toks[j].pos_}")
        else:
            feats.append(f"w{k}=<S>")
    if i > 0:
        feats.append(f"bi-={low[i - 1]}|{w}")
    if i + 1 < n:
        feats.append(f"bi+={w}|{low[i + 1]}")
    feats.append(f"head={tok.head.lemma_.lower()}")
    feats.append(f"headpos={tok.head.pos_}|{tok.dep_}")
    for technique in df.cues[i]:
        feats.append(f"cue={technique}")
    start = df.sent_of[i]
    for technique, count in df.sent_cues[start].items():
        feats.append(f"scue={technique}")
        if count > 1:
            feats.append(f"scue2={technique}")
    slen = df.sent_len[start]
    feats.append(f"slen={_bucket(slen)}")
    pos_in = (i - start) / max(slen, 1)
    feats.append(f"spos={int(pos_in * 4)}")
    if start == 0:
        feats.append("title")
    if df.in_quotes[i]:
        feats.append("inq")
    if tok.is_alpha and not tok.is_stop:
        count = df.lemma_counts[tok.lemma_.lower()]
        feats.append(f"rep={_bucket(count)}")
    return feats


def span_features(df: DocFeatures, start: int, end: int) -> list[str]:
    """The features of the character span ``start:end`` for technique classification."""
    toks = span_tokens(df, start, end)
    text = df.text[start:end]
    low = text.lower().strip()
    words = [df.lower[i] for i in toks]
    feats = ["bias", f"ntok={_bucket(len(toks))}", f"nchar={_bucket(int(math.log2(len(text) + 1)) * 4)}"]
    for w in words:
        feats.append(f"w={w}")
    for a, b in zip(words, words[1:], strict=False):
        feats.append(f"b={a}|{b}")
    if words:
        feats += [f"first={words[0]}", f"last={words[-1]}"]
    for i in toks:
        tok = df.tokens[i]
        feats.append(f"lem={tok.lemma_.lower()}")
        feats.append(f"pos={tok.pos_}")
        if tok.ent_type_:
            feats.append(f"ent={tok.ent_type_}")
        for technique in df.cues[i]:
            feats.append(f"cue={technique}")
    if len(toks) <= 4:
        feats.append("pospat=" + " ".join(df.tokens[i].pos_ for i in toks))
    # repetition: how often the span's words occur in the article
    occurrences = df.text_lower.count(low) if low and len(low) > 2 else 1
    feats.append(f"occ={_bucket(occurrences)}")
    content = [df.tokens[i].lemma_.lower() for i in toks if df.tokens[i].is_alpha and not df.tokens[i].is_stop]
    if content:
        top = max(df.lemma_counts[c] for c in content)
        feats.append(f"maxrep={_bucket(top)}")
        feats.append(f"minrep={_bucket(min(df.lemma_counts[c] for c in content))}")
    if toks:
        first = toks[0]
        sent = df.sent_of[first]
        cover = len(toks) / max(df.sent_len[sent], 1)
        feats.append(f"cover={min(int(cover * 4), 4)}")
        for technique in df.sent_cues[sent]:
            feats.append(f"scue={technique}")
        for k in (-2, -1):
            j = first + k
            feats.append(f"ctx{k}={df.lower[j] if j >= 0 and df.sent_of[j] == sent else '<S>'}")
        last = toks[-1]
        for k in (1, 2):
            j = last + k
            inside = j < len(df.tokens) and df.sent_of[j] == sent
            feats.append(f"ctx+{k}={df.lower[j] if inside else '<S>'}")
        if df.in_quotes[first]:
            feats.append("inq")
        if sent == 0:
            feats.append("title")
    if any(c in QUOTE_CHARS for c in text[:1] + text[-1:]) or (start > 0 and df.text[start - 1] in QUOTE_CHARS):
        feats.append("quoted")
    if "!" in text:
        feats.append("excl")
    if "?" in text:
        feats.append("quest")
    if any(t.isupper() and len(t) > 2 for t in text.split()):
        feats.append("caps")
    return feats


def span_tokens(df: DocFeatures, start: int, end: int) -> list[int]:
    """Indices (into ``df.tokens``) of the tokens overlapping ``start:end``."""
    i = max(bisect.bisect_right(df.starts, start) - 1, 0)
    out = []
    while i < len(df.tokens) and df.starts[i] < end:
        if df.starts[i] + len(df.tokens[i].text) > start:
            out.append(i)
        i += 1
    return out
