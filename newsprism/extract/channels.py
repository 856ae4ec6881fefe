"""Channels: where a claim was said, when the text says so ("in an interview with CNBC", "in his Telegram channel")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .claim_lexicons import ClaimLexicons

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def channel_of(doc: Doc, cue: Token, lex: ClaimLexicons) -> tuple[tuple[str, int, int], int] | None:
    """A channel phrase attached to the cue ("in an interview with CNBC", "in his Telegram channel", "told CNBC").

    Returns ((name, start, end), last token index of the phrase).
    """
    platforms = lex.words("platforms")
    channel_nouns = lex.words("channel_nouns")
    media = lex.words("media_names")
    preps = lex.words("channel_preps")
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            found = _channel_in(child, platforms, channel_nouns, media)
            if found:
                lo, hi = _subtree_edges(child)
                return found, hi
        if child.dep_ in ("dobj", "dative") and cue.lemma_ == "tell":
            name = _proper_name(child)
            if name and (name[0].lower() in media or child.ent_type_ == "ORG"):
                return name, child.i
    return None


def _channel_in(prep: Token, platforms, channel_nouns, media) -> tuple[str, int, int] | None:
    for tok in prep.subtree:
        low = tok.lower_
        if low in platforms and tok.pos_ in ("PROPN", "NOUN"):
            return (tok.text, tok.idx, tok.idx + len(tok))
        if tok.pos_ == "PROPN" and (tok.ent_type_ in ("ORG", "") or low in media):
            name = _proper_name(tok)
            if name and any(t.lemma_.lower() in channel_nouns for t in prep.subtree):
                return name
        if low in media:
            return (tok.text, tok.idx, tok.idx + len(tok))
    return None


def _proper_name(tok: Token) -> tuple[str, int, int] | None:
    """The run of proper nouns around ``tok`` (compounds included)."""
    if tok.pos_ != "PROPN":
        return None
    doc = tok.doc
    lo = hi = tok.i
    while lo - 1 >= 0 and doc[lo - 1].pos_ == "PROPN":
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN":
        hi += 1
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    return ("".join(t.text_with_ws for t in doc[lo : hi + 1]).strip(), start, end)


def _subtree_edges(tok: Token) -> tuple[int, int]:
    idxs = [t.i for t in tok.subtree]
    return min(idxs), max(idxs)
