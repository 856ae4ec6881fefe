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
  speech tag that follows it ("Ash said.") or precedes it ("He added:");
- pull quotes: a quotation opening its line, a dash and the speaker's name
  ("“…” ― Maria Lopez, a nurse").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from . import cue_model
from .attribution_dash import dash_of, dash_tag
from .attribution_links import link_bare_tags, source_apart, split_nested
from .attribution_nominal import adjective_attribution, noun_attribution
from .attribution_patterns import (
    according_to,
    adverb_attribution,
    colon,
    headline_attribution,
    idiom_at,
    idiom_attribution,
    in_document,
    speech_tag,
    verb_attribution,
)
from .attribution_sources import source_past_dateline
from .attribution_spans import Attribution, doc_text, release, skip_dateline, trimmed_text_span
from .claim_lexicons import ClaimLexicons, Cue
from .quotes import quote_regions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Attribution", "find_attributions", "find_candidates", "quote_regions", "release", "skip_dateline",
           "trimmed_text_span"]


# --------------------------------------------------------------------------- the whole document


def find_attributions(doc: Doc, lex: ClaimLexicons) -> list[Attribution]:
    """All attributions of a document, in text order (content may be None for a bare speech tag left unlinked)."""
    kept, nested = find_candidates(doc, lex)
    return sorted(kept + [a for a in nested if _nested_kept(a)], key=lambda a: a.cue) if nested else kept


def find_candidates(doc: Doc, lex: ClaimLexicons, model: dict | None = None) -> tuple[list[Attribution], list[Attribution]]:
    """The outermost attributions and, apart, those nested in another's content (``model``: another cue model than
    the shipped one, for tuning with models fitted on other folds)."""
    text = doc_text(doc)
    regions = quote_regions(text)
    found: list[Attribution] = []
    by_cue: dict[int, Attribution] = {}  # cue token -> its attribution, for participles that share its source
    model = model or cue_model.load_model()

    def prob(tok: Token) -> float | None:
        if model is None or not cue_model.is_candidate(tok):
            return None
        in_quote = any(s <= tok.idx < e for s, e in regions)
        return cue_model.probability(cue_model.features(tok, lex, in_quote), model)

    idiom_end = -1  # the last token of a multi-word cue found: its words are not cues of their own
    for tok in doc:
        if tok.i <= idiom_end:
            continue
        low, lemma = tok.lower_, tok.lemma_.lower()
        att = None
        p: float | None = None
        idiom = idiom_at(doc, tok, lex) if lemma in lex.idioms and tok.pos_ in ("VERB", "AUX") else None
        if idiom is not None:
            att = idiom_attribution(doc, tok, idiom[0], idiom[1], regions)
            idiom_end = idiom[1] if att is not None else idiom_end
        if att is not None:
            pass
        elif dash_of(tok.text):
            att = dash_tag(doc, tok, regions)
        elif low == ":":
            att = colon(doc, tok, regions, lex.words("colon_topics"), lex.verb_cues)
        elif low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            att = according_to(doc, tok)
        elif low in lex.adverb_cues and tok.pos_ == "ADV":
            att = adverb_attribution(doc, tok, lex)
        elif tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "aux", "auxpass"):
            p = prob(tok)
            cue = _verb_cue(tok, lemma, lex, model, p)
            if cue is not None:
                att = verb_attribution(doc, tok, cue, lex, regions, by_cue)
            if att is not None and p is not None and _weak_object_report(tok, att, model, p):
                att = None
        if att is None and lemma in lex.verb_cues and tok.dep_ not in ("amod", "aux", "auxpass", "compound"):
            att = speech_tag(doc, tok, lex)
        if att is None and low == "in" and tok.dep_ == "prep":
            att = in_document(doc, tok, lex)
        if att is None and tok.pos_ in ("PROPN", "NOUN") and tok.is_title:
            att = headline_attribution(doc, tok, lex)
        if att is None and tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.head.lemma_ == "be":
            p = prob(tok)
            cue = lex.verb_cues.get(lemma) or _noun_cue(tok, lemma, model, p)
            if cue is not None:
                att = adjective_attribution(doc, tok, cue)
        if att is None and tok.pos_ == "NOUN":
            owned = any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in tok.children) or \
                tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB"  # "launched an attack against X"
            p = prob(tok) if owned or lemma in lex.noun_cues else None
            cue = lex.noun_cues.get(lemma) or (_noun_cue(tok, lemma, model, p) if owned else None)
            if cue is not None and lemma in lex.noun_cues and model is not None and p is not None \
                    and p < model["threshold"] * model.get("lexicon_factor", 0.0):
                cue = None  # a lexicon noun the model finds very unlikely here ("his obnoxious views on women")
            if cue is not None:
                att = noun_attribution(doc, tok, cue, learned=lemma not in lex.noun_cues, lex=lex)
        if att is not None:
            if p is None and tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
                p = prob(tok)
            att = replace(att, cue_prob=p)
            found.append(att)
            by_cue[tok.i] = att
    found = link_bare_tags(_without_inner_cues(found), text, regions, doc, model.get("sure_threshold") if model else None)
    # "I think ..." inside a quotation is how the speaker talks, not a claim of its own (PolNeAR never marks it)
    pronouns = lex.words("speaker_pronouns")
    found = [a for a in found if not (a.source_token is not None and doc[a.source_token].lower_ in pronouns
                                      and any(s <= a.cue[0] < e for s, e in regions))]
    kept, nested = split_nested([source_apart(att, text) for att in found], text)
    return _no_dateline(kept, doc), _no_dateline(nested, doc)


def _without_inner_cues(found: list[Attribution]) -> list[Attribution]:
    """One claim found twice: a cue that lies inside another's longer cue ("were" of "were quick to", where the cue
    model proposed the verb and the adjective pattern the whole phrase) is dropped."""
    return [a for a in found if not any(b.cue != a.cue and b.cue[0] <= a.cue[0] and a.cue[1] <= b.cue[1] for b in found)]


def _weak_object_report(tok: Token, att: Attribution, model: dict, p: float) -> bool:
    """A lexicon verb that reports only through its direct object ("considered the matter", "knows the specifics")
    needs more of the cue model's confidence than one that governs a clause (``object_factor``; on PolNeAR train,
    such verbs below 0.75 of the threshold were right 57 times in 173)."""
    factor = model.get("object_factor")
    if factor is None or att.pattern != "verb" or att.content is None or p >= model["threshold"] * factor:
        return False
    if any(c.dep_ in ("ccomp", "csubj", "xcomp", "parataxis") for c in tok.children) or tok.dep_ == "parataxis":
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and att.content[0] == obj.left_edge.idx


def _nested_kept(att: Attribution) -> bool:
    """A nested attribution ("X said that Y told him ...") stands as its own claim when a verb the cue model is sure
    of has an explicit source (PolNeAR annotates such; chosen on held-out train articles, see the model card)."""
    model = cue_model.load_model()
    threshold = model.get("nested_threshold") if model else None
    return (threshold is not None and att.pattern == "verb" and att.source is not None and att.content is not None
            and att.cue_prob is not None and att.cue_prob >= threshold)


def _no_dateline(found: list[Attribution], doc: Doc) -> list[Attribution]:
    text = doc_text(doc)
    found = [source_past_dateline(doc, a) for a in found]
    return [replace(a, content=skip_dateline(text, a.content)) if a.content is not None else a for a in found]


def _verb_cue(tok: Token, lemma: str, lex: ClaimLexicons, model: dict | None, prob: float | None) -> Cue | None:
    """The cue a verb is, if it is one: the lexicon's, confirmed (or a new one proposed) by the cue model."""
    known = lex.verb_cues.get(lemma)
    if _not_a_cue(tok, lemma, lex):
        return None
    if model is None or prob is None:
        return known
    threshold = model["threshold"]
    # a word the model is sure of reports even where the parse gives it no clause or no subject
    sure = prob >= model.get("sure_threshold", 1.0)
    if known is not None:
        if sure:
            return replace(known, sure=True)
        return known if prob >= threshold * model.get("lexicon_factor", 0.5) else None
    if prob >= threshold:
        # a verb the model proposes reports through its object when the object is itself something said ("dismissed
        # the claim") or when the model is that sure of it ("backed Sanders": PolNeAR counts endorsements), but
        # never when the object is an institution: "dismissed the government" is an act, not a claim
        objects = [c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "obj")]
        said = any(o in lex.noun_cues for o in objects)
        institution = any(o in lex.words("organisation_heads") for o in objects)
        takes_object = said or prob >= model.get("object_threshold", 0.6) and not institution
        return Cue(lemma, "verb", "report", takes_object=takes_object, sure=sure)
    return None


def _not_a_cue(tok: Token, lemma: str, lex: ClaimLexicons) -> bool:
    """Whether the verb stands in one of the lexicon's phrases that say nothing ("adding to", "you know") and governs
    no clause."""
    if not lex.not_cues or any(c.dep_ == "ccomp" for c in tok.children):
        return False
    doc = tok.doc
    for words in lex.not_cues:
        if lemma not in words:
            continue
        at = tok.i - words.index(lemma)
        if at >= 0 and at + len(words) <= len(doc) and all(
            doc[at + k].lower_ == w or doc[at + k].lemma_.lower() == w for k, w in enumerate(words)
        ):
            return True
    return False


def _noun_cue(tok: Token, lemma: str, model: dict | None, prob: float | None) -> Cue | None:
    """A noun or adjective the cue model proposes ("vow", "endorsement", "skeptical"): its pattern needs a source
    and a phrase saying what."""
    if model is None or prob is None or prob < model["threshold"]:
        return None
    return Cue(lemma, "noun" if tok.pos_ == "NOUN" else "adjective", "opinion" if tok.pos_ == "ADJ" else "report")
