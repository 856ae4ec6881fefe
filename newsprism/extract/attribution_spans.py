"""Attribution records and the parse helpers the attribution patterns share (spans of tokens, subjects, agents)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TRIM = " \t\n\xa0,;:.—–-“”\"‘"


@dataclass(frozen=True)
class Attribution:
    cue: tuple[int, int]
    content: tuple[int, int] | None
    source: tuple[int, int] | None = None
    source_token: int | None = None  # token index of the source's head (for resolving it)
    cue_kind: str = "report"
    channel: tuple[str, int, int] | None = None  # name, start, end
    unnamed: bool = False  # passive or adverb cue: an unnamed source
    pattern: str = "verb"  # which pattern found it: verb, speech-tag, colon, according-to, adverb, noun
    joined_at: int | None = None  # where the clause of a coordinated cue starts: "X said A, and Y said B" (at "and")
    cue_prob: float | None = None  # the cue model's probability for the cue word, where it was asked


# --------------------------------------------------------------------------- per-doc caches

_CACHE_KEY = "newsprism.claims"


def doc_cache(doc: Doc) -> dict:
    """The doc's text and the sentence of each token, computed once (``Doc.text`` and ``Token.sent`` are not cheap)."""
    cache = doc.user_data.get(_CACHE_KEY)
    if cache is None:
        sent_of: list[Span] = []
        for sent in doc.sents:
            sent_of.extend([sent] * len(sent))
        cache = {"text": doc.text, "sent_of": sent_of}
        doc.user_data[_CACHE_KEY] = cache
    return cache


def doc_text(doc: Doc) -> str:
    return doc_cache(doc)["text"]


def sent_of(tok: Token) -> Span:
    return doc_cache(tok.doc)["sent_of"][tok.i]


def release(doc: Doc) -> None:
    """Drop the per-doc cache (the doc may be kept and pickled later)."""
    doc.user_data.pop(_CACHE_KEY, None)


# --------------------------------------------------------------------------- spans of tokens


def subtree_span(tok: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    """Token index range [lo, hi] of a subtree, cut where an excluded token starts."""
    idxs = sorted(t.i for t in tok.subtree)
    if exclude:
        # keep the contiguous run of the subtree that holds ``tok`` and avoids excluded tokens
        lo = hi = tok.i
        sub = set(idxs)
        while lo - 1 in sub and lo - 1 not in exclude:
            lo -= 1
        while hi + 1 in sub and hi + 1 not in exclude:
            hi += 1
        return lo, hi
    return idxs[0], idxs[-1]


def chars(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Character offsets of tokens lo..hi, with punctuation and spaces trimmed off both ends."""
    text = doc_text(doc)
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return (start, end) if start < end else None


def trimmed_text_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return (start, end) if start < end else None


# a wire dateline opening a paragraph: "KYIV, Ukraine (AP) — ", "BEIRUT, Nov 3 (Reuters) - ", "Kyiv (AFP) - "
_PART = r"[A-Z][\w.'’\-]*(?: [A-Z\d][\w.'’\-]*){0,3}"
_CAPS = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"
_AGENCY = r"\([^()\n]{1,40}\) ?"
DATELINE = re.compile(
    rf"(?:{_CAPS}(?:, ?{_PART}){{0,3}} ?(?:{_AGENCY})?|{_PART}(?:, ?{_PART}){{0,3}} ?{_AGENCY})"
    r"[—–-]{1,2} ?(?=[A-Z\d“\"‘'])"
)


# a live blog's time stamp opening a paragraph: "09:15 - ", "7.55am GMT — "
TIMESTAMP = re.compile(r"\d{1,2}[:.]\d{2} ?(?:[ap]\.?m\.?)? ?(?:[A-Z]{2,4} )?[—–-]{1,2} ?(?=[A-Z\d“\"‘'])")


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a wire dateline that opens the paragraph of ``text[start:end]`` ends ("MANILA, Dec 4 — "); ``start``
    when there is none."""
    if start > 0 and text[start - 1] not in "\n\r":
        return start
    m = DATELINE.match(text, start, end) or TIMESTAMP.match(text, start, end)
    return m.end() if m else start


def skip_dateline(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span that opens a paragraph with a wire dateline starts after it: what is claimed is the news, not where
    it was filed."""
    start, end = span
    after = dateline_end(text, start, end)
    if after == start:
        return span
    return trimmed_text_span(text, after, end) or span


# --------------------------------------------------------------------------- sources


def source_token(tok: Token) -> Token | None:
    """The subject of a cue verb: its own, a coordinated head's, or the object of a control verb."""
    seen = 0
    while tok is not None and seen < 4:
        seen += 1
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
            if child.dep_ == "nsubjpass":
                return child
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.tag_ == "VBG":
            return tok.head  # "officials saying ...", "a statement calling for ..."
        if tok.dep_ in ("conj", "advcl", "xcomp", "acl") and tok.head.i != tok.i:
            if tok.dep_ == "xcomp":
                for child in tok.head.children:
                    if child.dep_ in ("dobj", "obj"):
                        return child
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "began by saying ...": the subject of the verb the phrase hangs on
            continue
        if tok.dep_ in ("acomp", "oprd") and tok.pos_ == "ADJ" and tok.head.i != tok.i:
            tok = tok.head  # "X is likely to say ...", "quick to point out": the subject of the verb "be"
            continue
        return None
    return None


def agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def np_span(tok: Token) -> tuple[int, int]:
    """Token range of a noun phrase: the subtree without relative clauses that follow a comma."""
    lo, hi = subtree_span(tok)
    return lo, hi


LEARNED_PREPS = frozenset({"about", "of", "against", "as"})


def reports_something(tok: Token) -> bool:
    """Whether a verb has a clause, an infinitive or an "about ..." phrase after it (what a reporting verb governs)."""
    return any(
        c.dep_ in ("ccomp", "xcomp", "parataxis") or c.dep_ == "prep" and c.i > tok.i and c.lower_ in LEARNED_PREPS
        for c in tok.children
    )


def in_any(span: tuple[int, int] | None, regions: list[tuple[int, int]]) -> bool:
    return span is not None and any(s <= span[0] and span[1] <= e for s, e in regions)


def has_dep(tok: Token, deps: tuple[str, ...]) -> bool:
    return any(c.dep_ in deps for c in tok.children)


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children
    )


def with_quote(att: Attribution, text: str, regions: list[tuple[int, int]]) -> Attribution:
    """Widen the content of an attribution to a whole quotation it overlaps (or that it introduces with ':')."""
    if att.content is not None:
        s, e = att.content
        for qs, qe in regions:
            if qs < e and s < qe and not (qs <= att.cue[0] < qe):
                if qs <= s and e <= qe or (qe - qs) >= (e - s) // 2:
                    return replace(att, content=(qs, qe))
        return att
    # "X said:" followed by a quotation
    after = text[att.cue[1] : att.cue[1] + 4]
    if ":" in after or "," in after:
        for qs, qe in regions:
            if 0 <= qs - att.cue[1] <= 4:
                return replace(att, content=(qs, qe))
    return att
