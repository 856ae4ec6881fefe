"""The cue patterns of nouns and adjectives: "the claim that ...", "Smith's criticism of X", "X launched an attack on
Y", "voters are skeptical of X"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution_spans import Attribution, chars, np_span, subtree_span
from .claim_lexicons import ClaimLexicons, Cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


NOUN_CONTENT_PREPS = frozenset({"of", "about", "on", "against"})


LEARNED_NOUN_PREPS = NOUN_CONTENT_PREPS | {"for", "to"}


def light_verb_subject(tok: Token, lex: ClaimLexicons) -> Token | None:
    """"Trump launched an attack against X", "she made a call for unity": the subject of the verb whose object the
    cue noun is (not of a verb that receives it: "faced criticism", "drew criticism from X" — then the "from" phrase)."""
    verb = tok.head
    if tok.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() in lex.words("receiving_verbs"):
        source = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None) or next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        return next((g for g in source.children if g.dep_ == "pobj"), None) if source is not None else None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def noun_attribution(doc: Doc, tok: Token, cue: Cue, learned: bool = False,
                     lex: ClaimLexicons | None = None) -> Attribution | None:
    """A cue noun with a "that" clause ("the claim that ..."), or one a source owns with a phrase saying what
    ("Smith's criticism of the plan"); a noun only the cue model proposes needs both an owner ("her vow", "an
    endorsement by X") and such a phrase or an infinitive ("her vow to go after ...")."""
    clause = None
    if not learned:
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" and g.dep_ == "mark"
                                                                                  for g in c.children)), None)
    source_tok = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source_tok is None and learned:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > tok.i), None)
        source_tok = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    doer = light_verb_subject(tok, lex) if source_tok is None and lex is not None else None
    source_tok = source_tok or doer
    if clause is None and (cue.takes_object or learned or doer is not None) and source_tok is not None:
        # "Smith's criticism of the plan": the phrase after the noun says what
        preps = LEARNED_NOUN_PREPS if learned else NOUN_CONTENT_PREPS
        clause = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in preps
                       and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if clause is None and learned:
            clause = next((c for c in tok.children if c.dep_ in ("acl", "relcl") and c.i > tok.i and c.tag_ == "VB"
                           and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)), None)
    if clause is None:
        return None
    content = chars(doc, *subtree_span(clause))
    source = chars(doc, *np_span(source_tok)) if source_tok is not None else None
    if source is not None and content is not None and source[0] < content[1] and content[0] < source[1]:
        return None
    return Attribution((tok.idx, tok.idx + len(tok)), content, source, source_tok.i if source_tok is not None else None,
                       cue.kind, None, source_tok is None, "learned" if learned else "noun")


ADJ_CONTENT_PREPS = frozenset({"about", "of", "on", "with", "to", "that", "in", "over", "toward", "towards"})


def adjective_attribution(doc: Doc, tok: Token, cue: Cue) -> Attribution | None:
    """A stance adjective after "be" with what it is about: "voters are skeptical of X", "she is confident that X",
    "Republicans were divided on X". The cue runs from the verb to the preposition."""
    if tok.dep_ != "acomp" or tok.head.lemma_ != "be":
        return None
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("it", "this", "that", "there"):
        return None
    clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
    prep = None
    if clause is None:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ADJ_CONTENT_PREPS
                     and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if prep is None:
            return None
        clause = next(g for g in prep.children if g.dep_ in ("pobj", "pcomp"))
    content = chars(doc, *subtree_span(clause))
    source = chars(doc, *np_span(subj))
    if content is None or source is None or source[1] > verb.idx:
        return None
    last = prep if prep is not None else tok
    cue_span = (verb.idx, last.idx + len(last))
    return Attribution(cue_span, content, source, subj.i, cue.kind, None, False, "adjective")
