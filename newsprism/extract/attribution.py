"""Attribution: who says what, with which cue — from the dependency parse and the cue lexicon.

:func:`find_attributions` reads a spaCy ``Doc`` and returns :class:`Attribution`
records of character offsets (source, cue, content). It knows these patterns:

- a cue verb ("said", "warned", "believes") with a clausal complement, a
  quotation, or (for the verbs marked ``obj``) a direct object as content, and
  its subject as source (inherited along conjunctions, "adding that", and object
  control: "prompted experts to assume that ...");
- passive cues without an agent ("It was reported that ...", "is said to") and
  cue adverbs ("reportedly"): no source, an unnamed speaker;
- "according to X" and cue nouns with a "that" clause ("the claim that ...");
- quotations: the content of a cue next to a quotation is the whole quotation
  (across sentences), and a quotation with no cue of its own takes a bare
  speech tag that follows it ("Ash said.") or precedes it ("He added:").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from . import cue_model
from .attribution_links import drop_nested, link_bare_tags, source_apart
from .attribution_patterns import (
    according_to,
    adjective_attribution,
    adverb_attribution,
    colon,
    headline_attribution,
    in_document,
    noun_attribution,
    speech_tag,
    verb_attribution,
)
from .attribution_spans import Attribution, doc_text, release, skip_dateline, trimmed_text_span
from .claim_lexicons import ClaimLexicons, Cue
from .quotes import quote_regions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Attribution", "find_attributions", "quote_regions", "release", "skip_dateline", "trimmed_text_span"]


# --------------------------------------------------------------------------- the whole document


def find_attributions(doc: Doc, lex: ClaimLexicons) -> list[Attribution]:
    """All attributions of a document, in text order (content may be None for a bare speech tag left unlinked)."""
    text = doc_text(doc)
    regions = quote_regions(text)
    found: list[Attribution] = []
    by_cue: dict[int, Attribution] = {}  # cue token -> its attribution, for participles that share its source
    model = cue_model.load_model()
    for tok in doc:
        low, lemma = tok.lower_, tok.lemma_.lower()
        att = None
        if low == ":":
            att = colon(doc, tok, regions)
        elif low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            att = according_to(doc, tok)
        elif low in lex.adverb_cues and tok.pos_ == "ADV":
            att = adverb_attribution(doc, tok, lex)
        elif tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "aux", "auxpass"):
            cue = _verb_cue(tok, lemma, lex, model, regions)
            if cue is not None:
                att = verb_attribution(doc, tok, cue, lex, regions, by_cue)
        if att is None and lemma in lex.verb_cues and tok.dep_ not in ("amod", "aux", "auxpass", "compound"):
            att = speech_tag(doc, tok, lex)
        if att is None and low == "in" and tok.dep_ == "prep":
            att = in_document(doc, tok, lex)
        if att is None and tok.pos_ in ("PROPN", "NOUN") and tok.is_title:
            att = headline_attribution(doc, tok, lex)
        if att is None and tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.head.lemma_ == "be":
            cue = lex.verb_cues.get(lemma) or _noun_cue(tok, lemma, lex, model, regions)
            if cue is not None:
                att = adjective_attribution(doc, tok, cue)
        if att is None and tok.pos_ == "NOUN":
            owned = any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in tok.children)
            cue = lex.noun_cues.get(lemma) or (_noun_cue(tok, lemma, lex, model, regions) if owned else None)
            if cue is not None:
                att = noun_attribution(doc, tok, cue, learned=lemma not in lex.noun_cues)
        if att is not None:
            found.append(att)
            by_cue[tok.i] = att
    found = link_bare_tags(found, text, regions, doc)
    kept = drop_nested([source_apart(att, text) for att in found], text)
    return [replace(a, content=skip_dateline(text, a.content)) if a.content is not None else a for a in kept]


def _verb_cue(tok: Token, lemma: str, lex: ClaimLexicons, model: dict | None, regions: list[tuple[int, int]]) -> Cue | None:
    """The cue a verb is, if it is one: the lexicon's, confirmed (or a new one proposed) by the cue model."""
    known = lex.verb_cues.get(lemma)
    if model is None:
        return known
    if not cue_model.is_candidate(tok):
        return known
    in_quote = any(s <= tok.idx < e for s, e in regions)
    prob = cue_model.probability(cue_model.features(tok, lex, in_quote), model)
    # a word the model is sure of reports even where the parse gives it no clause or no subject
    sure = prob >= model.get("sure_threshold", 1.0)
    if known is not None:
        if sure:
            return replace(known, sure=True)
        return known if prob >= model["threshold"] * model.get("lexicon_factor", 0.5) else None
    if prob >= model["threshold"]:
        # a verb the model proposes reports through its object when the object is itself something said ("dismissed
        # the claim") or when the model is that sure of it ("backed Sanders": PolNeAR counts endorsements), but
        # never when the object is an institution: "dismissed the government" is an act, not a claim
        objects = [c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "obj")]
        said = any(o in lex.noun_cues for o in objects)
        institution = any(o in lex.words("organisation_heads") for o in objects)
        takes_object = said or prob >= model.get("object_threshold", 0.6) and not institution
        return Cue(lemma, "verb", "report", takes_object=takes_object, sure=sure)
    return None


def _noun_cue(tok: Token, lemma: str, lex: ClaimLexicons, model: dict | None, regions: list[tuple[int, int]]) -> Cue | None:
    """A noun or adjective the cue model proposes ("vow", "endorsement", "skeptical"): its pattern needs a source
    and a phrase saying what."""
    if model is None or not cue_model.is_candidate(tok):
        return None
    in_quote = any(s <= tok.idx < e for s, e in regions)
    if cue_model.probability(cue_model.features(tok, lex, in_quote), model) < model["threshold"]:
        return None
    return Cue(lemma, "noun" if tok.pos_ == "NOUN" else "adjective", "opinion" if tok.pos_ == "ADJ" else "report")
