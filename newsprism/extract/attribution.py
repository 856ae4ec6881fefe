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

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import cue_model
from .channels import channel_of
from .claim_lexicons import ClaimLexicons, Cue
from .quotes import quote_regions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Attribution", "find_attributions", "quote_regions", "release"]

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


# --------------------------------------------------------------------------- per-doc caches

_CACHE_KEY = "newsprism.claims"


def _cache(doc: Doc) -> dict:
    """The doc's text and the sentence of each token, computed once (``Doc.text`` and ``Token.sent`` are not cheap)."""
    cache = doc.user_data.get(_CACHE_KEY)
    if cache is None:
        sent_of: list[Span] = []
        for sent in doc.sents:
            sent_of.extend([sent] * len(sent))
        cache = {"text": doc.text, "sent_of": sent_of}
        doc.user_data[_CACHE_KEY] = cache
    return cache


def _text(doc: Doc) -> str:
    return _cache(doc)["text"]


def _sent(tok: Token) -> Span:
    return _cache(tok.doc)["sent_of"][tok.i]


def release(doc: Doc) -> None:
    """Drop the per-doc cache (the doc may be kept and pickled later)."""
    doc.user_data.pop(_CACHE_KEY, None)


# --------------------------------------------------------------------------- spans of tokens


def _subtree_span(tok: Token, exclude: set[int] | None = None) -> tuple[int, int]:
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


def _chars(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Character offsets of tokens lo..hi, with punctuation and spaces trimmed off both ends."""
    text = _text(doc)
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


# --------------------------------------------------------------------------- sources


def _source_token(tok: Token) -> Token | None:
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
        if tok.dep_ in ("conj", "advcl", "xcomp", "acl") and tok.head is not tok:
            if tok.dep_ == "xcomp":
                for child in tok.head.children:
                    if child.dep_ in ("dobj", "obj"):
                        return child
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "began by saying ...": the subject of the verb the phrase hangs on
            continue
        return None
    return None


def _agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _np_span(tok: Token) -> tuple[int, int]:
    """Token range of a noun phrase: the subtree without relative clauses that follow a comma."""
    lo, hi = _subtree_span(tok)
    return lo, hi


LEARNED_PREPS = frozenset({"about", "of", "against", "as"})


def _reports_something(tok: Token) -> bool:
    """Whether a verb has a clause, an infinitive or an "about ..." phrase after it (what a reporting verb governs)."""
    return any(
        c.dep_ in ("ccomp", "xcomp", "parataxis") or c.dep_ == "prep" and c.i > tok.i and c.lower_ in LEARNED_PREPS
        for c in tok.children
    )


def _in_any(span: tuple[int, int] | None, regions: list[tuple[int, int]]) -> bool:
    return span is not None and any(s <= span[0] and span[1] <= e for s, e in regions)


def _has_dep(tok: Token, deps: tuple[str, ...]) -> bool:
    return any(c.dep_ in deps for c in tok.children)


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children
    )


# --------------------------------------------------------------------------- cue patterns


def _verb_attribution(
    doc: Doc, tok: Token, cue: Cue, lex: ClaimLexicons, regions: list[tuple[int, int]], by_cue: dict[int, Attribution]
) -> Attribution | None:
    text = _text(doc)
    content: tuple[int, int] | None = None
    comps = [c for c in tok.children if c.dep_ in ("ccomp", "csubj") and c.i != tok.i]
    if tok.lemma_.lower() == "point" and not any(c.dep_ == "prt" for c in tok.children):
        return None
    if comps:
        lo = min(_subtree_span(c)[0] for c in comps)
        hi = max(_subtree_span(c)[1] for c in comps)
        content = _chars(doc, lo, hi)
    elif tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX") and not _has_dep(tok, ("dobj", "obj")):
        lo, hi = _subtree_span(tok.head, exclude=set(t.i for t in tok.subtree))
        content = _chars(doc, lo, hi)
    elif cue.takes_object or (cue.kind != "report" or cue.lemma not in lex.verb_cues) and _reports_something(tok):
        # an object alone (with "on Wednesday" beside it) is what an act was done to, not what was said
        content = _complements(doc, tok)
    # the cue: the verb with its particle and an adjacent channel phrase
    cue_lo, cue_hi = tok.i, tok.i
    for child in tok.children:
        if child.dep_ == "prt" and child.i == cue_hi + 1:
            cue_hi = child.i
    channel = channel_of(doc, tok, lex)
    if channel is not None and channel[1] > cue_hi and all(
        doc[i].i in set(t.i for t in tok.subtree) for i in range(cue_hi + 1, channel[1] + 1)
    ):
        phrase_start = min(t.i for t in doc[cue_hi + 1 : channel[1] + 1])
        phrase_end = doc[channel[1]].idx + len(doc[channel[1]])
        if phrase_start == cue_hi + 1 and (content is None or phrase_end <= content[0] or doc[cue_hi + 1].idx >= content[1]):
            cue_hi = channel[1]
    if content is None and cue.lemma in lex.verb_cues and _has_dep(tok, ("dobj", "obj")) and tok.lemma_ not in RECIPIENT_VERBS:
        content = _complements(doc, tok)
    if content is None and cue.kind in ("report", "opinion") and cue.lemma in lex.verb_cues and _has_dep(tok, ("nsubj",)):
        content = _rest_of_sentence(doc, tok, cue_hi)
    if content is None and tok.lemma_.lower() in ("report",) and _is_passive(tok):
        # "Such incidents were reported in X": what was reported is the clause itself
        content = _chars(doc, *_subtree_span(tok))
    source_tok = _agent(tok) if _is_passive(tok) else None
    unnamed = False
    shares = tok.head.i in by_cue and tok.dep_ in ("acl", "advcl", "conj", "xcomp") and not _has_dep(tok, ("nsubj",))
    if source_tok is None and not shares:
        source_tok = _source_token(tok)
        if source_tok is not None and source_tok.dep_ == "nsubjpass":
            if source_tok.lower_ == "it" or tok.head is not tok and source_tok.head is not tok:
                source_tok = None
                unnamed = True
            elif source_tok.head is tok:
                # "X is said to ..." / "incidents were reported": the subject is what is reported
                if content is None:
                    content = _chars(doc, *_subtree_span(tok))
                source_tok = None
                unnamed = True
        elif source_tok is not None and source_tok.lower_ == "it" and source_tok.dep_ == "nsubj" and tok.lemma_ == "appear":
            return None
    if source_tok is None and not unnamed:
        unnamed = _is_passive(tok)
    source = None
    if source_tok is not None:
        source = _chars(doc, *_np_span(source_tok))
    elif not unnamed and tok.head.i in by_cue and tok.dep_ in ("acl", "advcl", "conj", "xcomp"):
        # "TASS reports, adding that ...": the participle shares the source of the cue it hangs on
        shared = by_cue[tok.head.i]
        source, unnamed = shared.source, shared.unnamed
        source_tok = doc[shared.source_token] if shared.source_token is not None else None
    cue_span = (doc[cue_lo].idx, doc[cue_hi].idx + len(doc[cue_hi]))
    if source is None and not unnamed:
        return None  # e.g. an imperative "say ..." or a fragment: not an attribution
    chan = channel[0] if channel else None
    learned = cue.lemma not in lex.verb_cues
    if learned and not cue.takes_object and not _reports_something(tok) and not _in_any(content, regions):
        return None  # a verb only the cue model proposes needs a clause, a quotation or an "about" phrase to report
    att = Attribution(cue_span, content, source, source_tok.i if source_tok is not None else None, cue.kind, chan, unnamed,
                      "learned" if learned else "verb")
    return _with_quote(att, text, regions)


NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART", "ADP"})


def _speech_tag(doc: Doc, tok: Token, lex: ClaimLexicons) -> Attribution | None:
    """A trailing speech tag after a comma, even where the tagger took the cue for a noun: "X happened, TASS reports."."""
    sent = _sent(tok)
    i = tok.i - 1
    while i >= sent.start and doc[i].pos_ in NP_POS and doc[i].text not in ",;:" and tok.i - i <= 8:
        i -= 1
    if i < sent.start + 3 or i == tok.i - 1 or doc[i].text not in (",", "”", '"', "’"):
        return None
    np_lo = i + 1
    if not any(doc[j].pos_ in ("PROPN", "NOUN", "PRON") for j in range(np_lo, tok.i)):
        return None
    if doc[np_lo].pos_ == "ADP":
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
    if nxt is not None and not (nxt.is_punct or (nxt.tag_ == "VBG" and nxt.lemma_.lower() in lex.verb_cues) or nxt.pos_ == "ADV"):
        return None
    content = _chars(doc, sent.start, i - 1 if doc[i].text == "," else i)
    source = _chars(doc, np_lo, tok.i - 1)
    if content is None or source is None:
        return None
    head = max(range(np_lo, tok.i), key=lambda j: (doc[j].pos_ in ("PROPN", "NOUN", "PRON"), j))
    cue = lex.verb_cues[tok.lemma_.lower()]
    return Attribution((tok.idx, tok.idx + len(tok)), content, source, head, cue.kind)


def _colon(doc: Doc, tok: Token, regions: list[tuple[int, int]]) -> Attribution | None:
    """"Source: content" — a short noun phrase, a colon, then what it says (headlines, transcripts)."""
    sent = _sent(tok)
    before = doc[sent.start : tok.i]
    after = doc[tok.i + 1 : sent.end]
    if not 1 <= len(before) <= 6 or len(after) < 3:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in before) or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in before):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    content = _chars(doc, tok.i + 1, sent.end - 1)
    source = _chars(doc, sent.start, tok.i - 1)
    if content is None or source is None:
        return None
    head = max(range(sent.start, tok.i), key=lambda j: (doc[j].pos_ in ("PROPN", "NOUN", "PRON"), j))
    att = Attribution((tok.idx, tok.idx + 1), content, source, head, "report", pattern="colon")
    return _with_quote(att, _text(doc), regions)


RECIPIENT_VERBS = frozenset({"tell", "warn", "inform", "assure", "remind", "notify"})  # their object is the hearer
CONTENT_DEPS = frozenset({"dobj", "obj", "xcomp", "attr", "oprd", "ccomp"})
CONTENT_PREPS = frozenset({"about", "for", "on", "of", "against", "as", "to", "that", "with"})


def _complements(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """What a cue verb's complements say: its objects, infinitive and "about/for/on ..." phrases after it."""
    parts = [c for c in tok.children if c.i > tok.i and (
        c.dep_ in CONTENT_DEPS and not (tok.lemma_ in RECIPIENT_VERBS and c.dep_ == "dobj")
        or c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
    )]
    if not parts:
        return None
    lo = min(_subtree_span(c)[0] for c in parts)
    hi = max(_subtree_span(c)[1] for c in parts)
    if tok.lemma_ in RECIPIENT_VERBS:
        lo = max(lo, max((c.i for c in tok.children if c.dep_ in ("dobj", "dative")), default=lo - 1) + 1)
    return _chars(doc, lo, hi) if lo <= hi else None


def _rest_of_sentence(doc: Doc, tok: Token, cue_hi: int) -> tuple[int, int] | None:
    """For a speech verb the parse gave no complement: the longer stretch of its sentence outside the verb's clause
    ("..., he said, ..." / "X said Friday during a news conference that ...")."""
    sent = _sent(tok)
    sub = sorted(t.i for t in tok.subtree)
    own = set(sub)
    after = [i for i in range(cue_hi + 1, sent.end) if doc[i].lower_ == "that" and doc[i].dep_ == "mark"]
    if after:
        return _chars(doc, after[0], sent.end - 1)
    before = [i for i in range(sent.start, tok.i) if i not in own]
    behind = [i for i in range(tok.i + 1, sent.end) if i not in own]
    part = before if len(before) >= len(behind) else behind
    if len(part) < 4:
        return None
    return _chars(doc, part[0], part[-1])


def _according_to(doc: Doc, tok: Token) -> Attribution | None:
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = set(t.i for t in tok.subtree) | set(t.i for t in to.subtree) | {tok.i, to.i}
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "parataxis") and head.head is not head:
        head = head.head
    if head.i in phrase:
        return None
    idxs = sorted(t.i for t in head.subtree if t.i not in phrase)
    sent = _sent(tok)
    # the clause on the side of the sentence away from the phrase
    before = [i for i in idxs if i < tok.i and i >= sent.start]
    after = [i for i in idxs if i > max(phrase) and i < sent.end]
    part = before if len(before) >= len(after) else after
    if not part:
        return None
    content = _chars(doc, part[0], part[-1])
    source = _chars(doc, *_subtree_span(pobj))
    cue = (tok.idx, to.idx + len(to))
    return Attribution(cue, content, source, pobj.i, "report")


def _adverb_attribution(doc: Doc, tok: Token, lex: ClaimLexicons) -> Attribution | None:
    head = tok.head
    if head is tok:
        return None
    lo, hi = _subtree_span(head)
    sent = _sent(tok)
    lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
    content = _chars(doc, lo, hi)
    cue = lex.adverb_cues[tok.lower_]
    return Attribution((tok.idx, tok.idx + len(tok)), content, None, None, cue.kind, None, True)


NOUN_CONTENT_PREPS = frozenset({"of", "about", "on", "against"})


def _noun_attribution(doc: Doc, tok: Token, lex: ClaimLexicons) -> Attribution | None:
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" and g.dep_ == "mark"
                                                                              for g in c.children)), None)
    source_tok = next((c for c in tok.children if c.dep_ == "poss"), None)
    cue = lex.noun_cues[tok.lemma_.lower()]
    if clause is None and cue.takes_object and source_tok is not None:
        # "Smith's criticism of the plan": the phrase after the noun says what
        clause = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in NOUN_CONTENT_PREPS
                       and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
    if clause is None:
        return None
    content = _chars(doc, *_subtree_span(clause))
    source = _chars(doc, *_subtree_span(source_tok)) if source_tok is not None else None
    return Attribution((tok.idx, tok.idx + len(tok)), content, source, source_tok.i if source_tok is not None else None,
                       cue.kind, None, source_tok is None)


def _with_quote(att: Attribution, text: str, regions: list[tuple[int, int]]) -> Attribution:
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


# --------------------------------------------------------------------------- the whole document


def find_attributions(doc: Doc, lex: ClaimLexicons) -> list[Attribution]:
    """All attributions of a document, in text order (content may be None for a bare speech tag left unlinked)."""
    text = _text(doc)
    regions = quote_regions(text)
    found: list[Attribution] = []
    by_cue: dict[int, Attribution] = {}  # cue token -> its attribution, for participles that share its source
    model = cue_model.load_model()
    for tok in doc:
        low, lemma = tok.lower_, tok.lemma_.lower()
        att = None
        if low == ":":
            att = _colon(doc, tok, regions)
        elif low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            att = _according_to(doc, tok)
        elif low in lex.adverb_cues and tok.pos_ == "ADV":
            att = _adverb_attribution(doc, tok, lex)
        elif tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "aux", "auxpass"):
            cue = _verb_cue(tok, lemma, lex, model, regions)
            if cue is not None:
                att = _verb_attribution(doc, tok, cue, lex, regions, by_cue)
        if att is None and lemma in lex.verb_cues and tok.dep_ not in ("amod", "aux", "auxpass", "compound"):
            att = _speech_tag(doc, tok, lex)
        if att is None and tok.pos_ == "NOUN" and lemma in lex.noun_cues:
            att = _noun_attribution(doc, tok, lex)
        if att is not None:
            found.append(att)
            by_cue[tok.i] = att
    found = _link_bare_tags(found, text, regions, doc)
    return _drop_nested([_source_apart(att, text) for att in found], text)


def _source_apart(att: Attribution, text: str) -> Attribution:
    """A source that runs on into its own cue or content is cut before them ("graphs showing that X")."""
    if att.source is None:
        return att
    start, end = att.source
    for lo, _hi in filter(None, (att.cue, att.content)):
        if start < lo < end:
            end = lo
    cut = trimmed_text_span(text, start, end) if end < att.source[1] else None
    return replace(att, source=cut) if cut else att


def _verb_cue(tok: Token, lemma: str, lex: ClaimLexicons, model: dict | None, regions: list[tuple[int, int]]) -> Cue | None:
    """The cue a verb is, if it is one: the lexicon's, confirmed (or a new one proposed) by the cue model."""
    known = lex.verb_cues.get(lemma)
    if model is None:
        return known
    if not cue_model.is_candidate(tok):
        return known
    in_quote = any(s <= tok.idx < e for s, e in regions)
    prob = cue_model.probability(cue_model.features(tok, lex, in_quote), model)
    if known is not None:
        return known if prob >= model["threshold"] * model.get("lexicon_factor", 0.5) else None
    if prob >= model["threshold"]:
        # a verb the model is sure of may report through its object too when the object is itself something said
        # ("dismissed the claim"), never through any noun phrase: "dismissed the government" is an act, not a claim
        said = any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lex.noun_cues for c in tok.children)
        return Cue(lemma, "verb", "report", takes_object=said and prob >= model.get("object_threshold", 0.6))
    return None


def _link_bare_tags(found: list[Attribution], text: str, regions: list[tuple[int, int]], doc: Doc) -> list[Attribution]:
    """Give a quotation no cue claims to the nearest bare speech tag after it ("... ," Ash said.) or before it ("He said:")."""
    claimed = [a.content for a in found if a.content is not None]
    free = [r for r in regions if not any(c[0] < r[1] and r[0] < c[1] for c in claimed) and _is_statement(text, r, found)]
    out = []
    for att in found:
        if att.content is None and free:
            best = None
            for r in free:
                gap = att.cue[0] - r[1]
                between = text[r[1] : att.cue[0]]
                if 0 <= gap <= 400 and between.count("\n\n") <= 1 and not _has_other_words(between, att, text):
                    best = r if best is None or r[1] > best[1] else best
                gap_after = r[0] - att.cue[1]
                if 0 <= gap_after <= 6 and ":" in text[att.cue[1] : r[0] + 1] and best is None:
                    best = r
            if best is not None:
                free.remove(best)
                att = replace(att, content=best)
        out.append(att)
    return [a for a in out if a.content is not None and _says_more_than_cue(a, text)]


def _says_more_than_cue(att: Attribution, text: str) -> bool:
    """Content with words of its own besides the cue and a lone "that"."""
    start, end = att.content  # type: ignore[misc]
    if start <= att.cue[0] < end:
        rest = text[start : att.cue[0]] + " " + text[min(end, att.cue[1]) : end]
    else:
        rest = text[start:end]
    words = [w for w in rest.split() if any(ch.isalnum() for ch in w)]
    return bool(words) and words != ["that"]


def _is_statement(text: str, region: tuple[int, int], found: list[Attribution]) -> bool:
    """A quotation long enough to be a statement (not a scare-quoted word or a title), or one a speech tag follows
    at once ('"Okay," I said')."""
    if len(text[region[0] : region[1]].split()) >= 4:
        return True
    tail = text[region[1] - 2 : region[1]]
    return any(c in tail for c in ",!?") and any(
        a.content is None and 0 <= a.cue[0] - region[1] <= 25 and a.source is not None and a.source[0] >= region[1]
        for a in found
    )


def _has_other_words(between: str, att: Attribution, text: str) -> bool:
    """Whether the text between a quotation and a speech tag holds more than the tag's own sentence start."""
    gap_text = between.strip().strip(",.")
    if not gap_text:
        return False
    if att.source is not None and att.source[0] >= att.cue[0] - len(between):
        words = text[att.cue[0] - len(between) : att.source[0]].strip(" \n,.\"“”")
        return len(words.split()) > 2
    return len(gap_text.split()) > 3


def _drop_nested(found: list[Attribution], text: str) -> list[Attribution]:
    """Keep the outermost attributions: drop one whose cue lies inside another's content.

    What a source says inside a quotation ("I think ...") belongs to the quoted claim, as in
    PolNeAR's univocal scheme where every token has at most one role. A "Source: content"
    reading of a colon yields to a cue found inside its content ("2:10 p.m.: The NRA says ...").
    (Keeping nested claims outside quotations was measured and scored lower on PolNeAR dev.)
    """
    found = [a for a in found if not (a.pattern in ("colon", "learned") and _holds_cue(a, found))]
    found = _split_trailing_participles(found, text)
    out = []
    for att in found:
        if any(
            o is not att
            and o.content is not None
            and o.content[0] <= att.cue[0] < o.content[1]
            and not (att.content and att.content[0] <= o.cue[0] < att.content[1])
            for o in found
        ):
            continue
        out.append(att)
    return out


def _split_trailing_participles(found: list[Attribution], text: str) -> list[Attribution]:
    """"X said A, telling reporters that B": a cue after a comma at the end of another's content says its own
    thing; the outer content stops at that comma and both are kept."""
    out = list(found)
    for k, outer in enumerate(out):
        if outer.content is None:
            continue
        for inner in found:
            if inner is outer or inner.content is None or not outer.content[0] < inner.cue[0] < outer.content[1]:
                continue
            if inner.pattern != "verb" or not text[inner.cue[0] : inner.cue[1]].split()[0].endswith("ing"):
                continue
            before = text[outer.content[0] : inner.cue[0]].rstrip()
            if not before.endswith(",") or inner.content[0] < inner.cue[1] or inner.content[1] > outer.content[1]:
                continue
            if inner.source is not None and inner.source[1] > outer.content[0] + len(before):
                continue  # a participle with a subject of its own after the comma
            cut = trimmed_text_span(text, outer.content[0], outer.content[0] + len(before) - 1)
            if cut is not None:
                out[k] = outer = replace(outer, content=cut)
    return out


def _holds_cue(att: Attribution, found: list[Attribution]) -> bool:
    return att.content is not None and any(
        o is not att and att.content[0] <= o.cue[0] < att.content[1] for o in found
    )
