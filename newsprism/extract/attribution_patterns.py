"""The attribution patterns: a cue verb, a trailing speech tag, a colon, "according to", a cue adverb, a cue noun."""

from __future__ import annotations

import functools
from collections.abc import Collection
from typing import TYPE_CHECKING

from .attribution_sources import (
    according_to_surface,
    apposed_after_object,
    apposed_source,
    participle_speaker,
    source_after_cue,
    source_after_quote,
    two_subjects,
)
from .attribution_spans import (
    Attribution,
    agent,
    chars,
    doc_text,
    has_dep,
    in_any,
    is_passive,
    np_span,
    reports_something,
    sent_of,
    source_token,
    subtree_span,
    trimmed_text_span,
    with_quote,
)
from .channels import channel_of
from .claim_lexicons import ClaimLexicons, Cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# --------------------------------------------------------------------------- cue patterns


def verb_attribution(
    doc: Doc, tok: Token, cue: Cue, lex: ClaimLexicons, regions: list[tuple[int, int]], by_cue: dict[int, Attribution]
) -> Attribution | None:
    text = doc_text(doc)
    content: tuple[int, int] | None = None
    comps = [c for c in tok.children if c.dep_ in ("ccomp", "csubj") and c.i != tok.i or c.dep_ == "advcl" and c.i > tok.i
             and any(g.dep_ == "mark" and g.lower_ in CLAUSE_MARKS for g in c.children)]  # "asked if ...", "called for X to"
    if tok.lemma_.lower() == "point" and not any(c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return None
    split = two_subjects(tok) if not comps else None
    if comps:
        lo = min(subtree_span(c)[0] for c in comps)
        hi = max(subtree_span(c)[1] for c in comps)
        content = chars(doc, lo, hi)
    elif split is not None:
        content = chars(doc, *split[0])
    elif tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX") and not has_dep(tok, ("dobj", "obj")):
        lo, hi = subtree_span(tok.head, exclude=set(t.i for t in tok.subtree))
        content = chars(doc, lo, hi)
    elif cue.takes_object or (cue.kind != "report" or cue.lemma not in lex.verb_cues) and reports_something(tok):
        # an object alone (with "on Wednesday" beside it) is what an act was done to, not what was said
        content = complements(doc, tok)
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
    if content is None and cue.lemma in lex.verb_cues and has_dep(tok, ("dobj", "obj")) and tok.lemma_ not in RECIPIENT_VERBS \
            and not _reflexive_object(tok):
        content = complements(doc, tok)
    if content is None and cue.lemma in lex.verb_cues:
        # "the candidate said no", "half said so": the word that stands for the answer
        proform = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("intj", "advmod", "dobj", "ccomp")
                        and c.lower_ in lex.proforms), None)
        content = chars(doc, proform.i, proform.i) if proform is not None else None
    if content is None and cue.kind in ("report", "opinion") and cue.lemma in lex.verb_cues and has_dep(tok, ("nsubj",)):
        content = rest_of_sentence(doc, tok, cue_hi, lex)
    if content is None and tok.lemma_.lower() in ("report",) and is_passive(tok):
        # "Such incidents were reported in X": what was reported is the clause itself
        content = chars(doc, *subtree_span(tok))
    if content is None and any(c.dep_ == "prep" and c.i > tok.i and c.lower_ in CONTENT_PREPS and not _when(c)
                               for c in tok.children):
        content = complements(doc, tok)  # "called for X", "warned of X", "would vote for X"
    if content is None and is_passive(tok) and agent(tok) is not None:
        # "The proposal was rejected by 64 percent of voters": the subject is what the agent says something about
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        content = chars(doc, *subtree_span(subj)) if subj is not None and subj.lower_ != "it" else None
    if content is None and tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        # "As reported by X, the port will close": the clause the cue hangs on
        lo, hi = subtree_span(tok.head, exclude={t.i for t in tok.subtree})
        content = chars(doc, lo, hi)
    if content is None and cue.sure:
        said = complements(doc, tok) if cue.takes_object or cue.lemma in lex.verb_cues else None
        content = said or rest_of_sentence(doc, tok, cue_hi, lex)
    source_tok = agent(tok) if is_passive(tok) or tok.tag_ == "VBN" else None  # "as reported by X"
    unnamed = False
    shares = tok.head.i in by_cue and tok.dep_ in ("acl", "advcl", "conj", "xcomp") and not has_dep(tok, ("nsubj",))
    if source_tok is None and not shares:
        source_tok = split[1] if split is not None else participle_speaker(tok, lex) or source_token(tok)
        source_tok = apposed_after_object(source_tok) if source_tok is not None and source_tok.dep_ == "nsubj" else source_tok
        if source_tok is not None and source_tok.dep_ == "nsubjpass":
            if source_tok.lower_ == "it" or tok.head.i != tok.i and source_tok.head.i != tok.i:
                source_tok = None
                unnamed = True
            elif source_tok.head.i == tok.i:
                # "X is said to ..." / "incidents were reported": the subject is what is reported
                if content is None:
                    content = chars(doc, *subtree_span(tok))
                source_tok = None
                unnamed = True
        elif source_tok is not None and source_tok.lower_ == "it" and source_tok.dep_ == "nsubj" and tok.lemma_ == "appear":
            return None
    if source_tok is None and not unnamed:
        unnamed = is_passive(tok)
    if tok.dep_ == "conj" and source_tok is not None and source_tok.head.i != tok.i and tok.head.lemma_ not in lex.verb_cues:
        # "He says A was B and says C": the parse joins the second "says" to what the first one says; its
        # subject is the first cue's, not the subject of the clause it hangs on
        speaker = next((a for a in tok.ancestors if a.lemma_.lower() in lex.verb_cues), None)
        subj = next((c for c in speaker.children if c.dep_ == "nsubj"), None) if speaker is not None else None
        source_tok = subj or source_tok
    if source_tok is not None and _quoted_apart(source_tok, tok, regions):
        source_tok = None  # ""Like Oakland. Or Ferguson," Trump said": a word of the quotation does not say it
    if tok.tag_ == "VBN" and tok.dep_ == "advcl" and agent(tok) is None and not has_dep(tok, ("nsubj", "nsubjpass", "aux")):
        source_tok, unnamed = None, True  # "Asked whether ..., X said": the one who asked is not named
    source = None
    if source_tok is not None:
        source = chars(doc, *np_span(source_tok))
    elif not unnamed and tok.head.i in by_cue and tok.dep_ in ("acl", "advcl", "conj", "xcomp"):
        # "TASS reports, adding that ...": the participle shares the source of the cue it hangs on
        shared = by_cue[tok.head.i]
        source, unnamed = shared.source, shared.unnamed
        source_tok = doc[shared.source_token] if shared.source_token is not None else None
    cue_span = (doc[cue_lo].idx, doc[cue_hi].idx + len(doc[cue_hi]))
    inverted = source_after_quote(doc, tok, regions) if source is None and not unnamed and (
        tok.tag_ in FINITE or tok.tag_ == "VBN" and not has_dep(tok, ("aux", "auxpass"))) else None
    if inverted is not None:
        # ""...," X, the head of Y, tweeted on Friday": the noun phrase between the quotation and the cue speaks it
        source, head_i, quote = inverted
        source_tok = doc[head_i]
        if content is None or content[0] < tok.idx or not text[content[0] : content[0] + 5].lower().startswith("that"):
            content = quote
    after = source_after_cue(doc, tok, regions) if source is None and not unnamed and tok.tag_ in FINITE else None
    if after is not None:
        source_tok, source = after, chars(doc, *np_span(after))
    apposed = apposed_source(doc, tok) if source is None and not unnamed and (
        tok.tag_ in FINITE or tok.tag_ == "VBN" and not has_dep(tok, ("aux", "auxpass"))) else None
    if apposed is not None:
        source_tok, source = doc[apposed[0]], chars(doc, *apposed)
    if source is None and not unnamed and tok.tag_ in FINITE and (content is None or content[0] > tok.idx):
        # the parse lost the subject of a finite cue ("Mr. X, whose firm ..., said ..."): the sentence's first noun
        # phrase before the cue, with what follows it up to the cue
        source_tok = _sentence_subject(doc, tok, regions)
        if source_tok is not None:
            source = chars(doc, source_tok.left_edge.i, tok.i - 1)
    if source is None and not unnamed and cue.sure and tok.tag_ != "VB":
        unnamed = True  # "Asked if ...", a headline's "Says ...": a cue the model is sure of with no subject
    if source is None and not unnamed:
        return None  # e.g. an imperative "say ..." or a fragment: not an attribution
    if source_tok is not None and tok.lemma_.lower() in lex.words("impression_verbs") and source_tok.head.i == tok.i \
            and has_dep(tok, ("xcomp", "acomp", "oprd", "ccomp", "attr")) \
            and not any(c.dep_ == "xcomp" and c.lemma_.lower() in lex.verb_cues for c in tok.children):
        # "The donors appear to have ties to X": how something looks to the writer; its subject is what it is about
        # (but "she appeared to imply that ..." is her saying it)
        source, unnamed = None, True
        if content is not None and content[0] > source_tok.idx:
            content = (chars(doc, *np_span(source_tok)) or content)[0], content[1]
        source_tok = None
    felt = _experiencer(doc, tok, lex)
    if felt is not None:
        source_tok, source, content = felt
        unnamed = False
    chan = channel[0] if channel else None
    learned = cue.lemma not in lex.verb_cues
    if learned and not cue.takes_object and not reports_something(tok) and not in_any(content, regions):
        return None  # a verb only the cue model proposes needs a clause, a quotation or an "about" phrase to report
    att = Attribution(cue_span, content, source, source_tok.i if source_tok is not None else None, cue.kind, chan, unnamed,
                      "learned" if learned else "verb", _joined_at(doc, tok))
    return with_quote(att, text, regions)


FINITE = ("VBD", "VBZ", "VBP")
CLAUSE_MARKS = frozenset({"if", "whether", "for"})


def _experiencer(doc: Doc, tok: Token, lex: ClaimLexicons) -> tuple[Token, tuple[int, int], tuple[int, int]] | None:
    """A verb of feeling whose object feels it ("the remark worried some analysts", "officials were angered by the
    deal"): the one who feels is the source and what caused the feeling the content."""
    if tok.lemma_.lower() not in lex.words("experiencer_verbs"):
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.dep_ == "nsubjpass" or is_passive(tok):
        feeler, cause = subj, agent(tok)
    else:
        feeler, cause = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None), subj
    if feeler is None or cause is None or feeler.lower_ in ("it", "that", "this"):
        return None
    source, content = chars(doc, *np_span(feeler)), chars(doc, *subtree_span(cause))
    return (feeler, source, content) if source is not None and content is not None else None


def _quoted_apart(word: Token, cue: Token, regions: list[tuple[int, int]]) -> bool:
    """Whether a word lies inside a quotation that the cue is outside of."""
    return any(s <= word.idx < e and not s <= cue.idx < e for s, e in regions)


def _reflexive_object(tok: Token) -> bool:
    """"found itself at the center": a reflexive object is what the verb does, not what it says."""
    return any(c.dep_ in ("dobj", "obj") and c.lower_.endswith(("self", "selves")) for c in tok.children)


def _sentence_subject(doc: Doc, tok: Token, regions: list[tuple[int, int]]) -> Token | None:
    """The head of a noun phrase that opens the cue's sentence (after quote marks or a dash, or after a quotation
    that opens it: "“Yes,” Mr. X, founder of Y, tells Z"), if one does."""
    sent = sent_of(tok)
    i = sent.start
    while i < tok.i and (doc[i].is_punct or doc[i].is_space):
        i += 1
    quote_end = next((e for s, e in regions if s <= doc[i].idx < e and e <= tok.idx), None) if i < tok.i else None
    if quote_end is not None:
        while i < tok.i and (doc[i].idx < quote_end or doc[i].is_punct or doc[i].is_space):
            i += 1
    if i + 1 < tok.i and doc[i].pos_ == "ADV" and doc[i + 1].pos_ == "NUM":
        i += 1  # "About 4 in 10 say ...": the number is the source
    if i >= tok.i - 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"):
        return None
    head = doc[i]
    while head.head.i != head.i and head.head.i < tok.i and head.head.pos_ in ("PROPN", "NOUN", "PRON"):
        head = head.head
    if head.pos_ == "NUM" and head.i == i:
        return head  # "Six in 10 say ...", "Half said ..."
    if head.pos_ not in ("PROPN", "NOUN", "PRON") or head.left_edge.i != i:
        return None
    return head


def _when(prep: Token) -> bool:
    """A phrase of time ("on Monday", "for a week"): not what a verb says."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _joined_at(doc: Doc, tok: Token) -> int | None:
    """Where a cue's own clause is joined to the one before it by "and"/"but" ("..., and three-quarters said ..."):
    the character offset of the conjunction, or None."""
    if tok.dep_ not in ("conj", "ccomp"):
        return None
    lo = min(t.i for t in tok.subtree)
    j = lo - 1
    if j >= 0 and doc[j].pos_ == "CCONJ" and doc[j].lower_ in ("and", "but"):
        return doc[j - 1].idx if j >= 1 and doc[j - 1].text == "," else doc[j].idx
    return None


NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART", "ADP"})


def speech_tag(doc: Doc, tok: Token, lex: ClaimLexicons) -> Attribution | None:
    """A trailing speech tag after a comma, even where the tagger took the cue for a noun: "X happened, TASS reports."."""
    if tok.tag_ == "NN":
        return None  # a singular noun ("star of the reality show") is no verb form of a speech tag
    sent = sent_of(tok)
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
    content = chars(doc, sent.start, i - 1 if doc[i].text == "," else i)
    source = chars(doc, np_lo, tok.i - 1)
    if content is None or source is None:
        return None
    head = max(range(np_lo, tok.i), key=lambda j: (doc[j].pos_ in ("PROPN", "NOUN", "PRON"), j))
    cue = lex.verb_cues[tok.lemma_.lower()]
    return Attribution((tok.idx, tok.idx + len(tok)), content, source, head, cue.kind)


DASHES = frozenset({"-", "—", "–", "--"})


def colon(doc: Doc, tok: Token, regions: list[tuple[int, int]], topics: Collection[str] = (),
          verbs: Collection[str] = ()) -> Attribution | None:
    """"Source: content" — a short noun phrase, a colon, then what it says (headlines, transcripts).

    The noun phrase starts the sentence or follows a dash ("Polls too early - Pew Research: ..."); what it says is
    the rest of the sentence, or, where the colon ends its line ("TAPPER:"), the next paragraph. A phrase whose last
    word names a topic ("Peru protests: six killed", ``colon_topics`` in sources.v1.json) says nothing. A cue verb
    of ``verbs`` before the phrase turns it around ("Said Ellis: ..."): the verb is the cue."""
    sent = sent_of(tok)
    start = sent.start
    for j in range(tok.i - 1, sent.start - 1, -1):
        if doc[j].text in DASHES:
            start = j + 1
            break
    before = doc[start : tok.i]
    end = sent.end  # what a colon introduces ends with its paragraph, where the parse ran a headline into the text
    for j in range(tok.i + 2, sent.end):
        if doc[j].is_space and "\n" in doc[j].text:
            end = j
            break
    after = [t for t in doc[tok.i + 1 : end] if not t.is_space]
    cue = (tok.idx, tok.idx + 1)
    if len(before) >= 2 and before[0].i == sent.start and before[0].lemma_.lower() in verbs and before[0].tag_ == "VBD" \
            and before[0].is_title:
        cue = (before[0].idx, before[0].idx + len(before[0]))  # "Said Ellis:"
        start += 1
        before = doc[start : tok.i]
    if not 1 <= len(before) <= 6 or before[-1].lower_ in topics:
        return None
    if all(t.ent_type_ in ("GPE", "LOC") or t.is_punct for t in before) or before.text in _country_names():
        return None  # "Colombia: clashes leave five dead", "Gaza: ...": a place before a colon is what it is about
    if before[0].pos_ in ("CCONJ", "SCONJ") or before[0].pos_ == "ADP" and before[0].lower_ != "from":
        return None  # "And with good reason: ...", "For example: ...": no speaker's label ("From the report:" is a source)
    if any(t.pos_ in ("VERB", "AUX") for t in before) or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in before):
        return None
    text = doc_text(doc)
    if not after:
        content = _next_paragraph(text, tok.idx + 1)
    elif len(after) < 3:
        return None
    elif any(t.pos_ in ("VERB", "AUX") for t in after) or in_any((after[0].idx, after[0].idx + 1), regions) or (
        sum(t.text[:1].isupper() for t in after if t.is_alpha) >= 0.6 * sum(t.is_alpha for t in after)
    ) or _headline_speaker(text, before):
        content = chars(doc, tok.i + 1, end - 1)
    else:
        return None
    source = chars(doc, start, tok.i - 1)
    if content is None or source is None:
        return None
    head = max(range(start, tok.i), key=lambda j: (doc[j].pos_ in ("PROPN", "NOUN", "PRON"), j))
    att = Attribution(cue, content, source, head, "report", pattern="colon")
    return with_quote(att, text, regions)


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    from ..geo.gazetteer import country_names

    return frozenset(country_names().values())


def _headline_speaker(text: str, before: Span) -> bool:
    """A name before a colon on the article's first line, its headline: "Minister X: No talks before the vote"."""
    return "\n" not in text[: before.start_char] and len(before) <= 4 and all(
        t.pos_ == "PROPN" or t.text[:1].isupper() and t.pos_ == "NOUN" for t in before
    )


def _next_paragraph(text: str, at: int) -> tuple[int, int] | None:
    """The paragraph that follows a speaker's label ending its line, up to the next blank line (at most 2000 characters)."""
    start = at
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text) or "\n" not in text[at:start]:
        return None
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    return trimmed_text_span(text, start, min(end, start + 2000))


RECIPIENT_VERBS = frozenset({"tell", "warn", "inform", "assure", "remind", "notify"})  # their object is the hearer
CONTENT_DEPS = frozenset({"dobj", "obj", "xcomp", "attr", "oprd", "ccomp"})
CONTENT_PREPS = frozenset({"about", "for", "on", "of", "against", "as", "to", "that", "with"})


def complements(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """What a cue verb's complements say: its objects, infinitive and "about/for/on ..." phrases after it."""
    parts = [c for c in tok.children if c.i > tok.i and (
        c.dep_ in CONTENT_DEPS and not (tok.lemma_ in RECIPIENT_VERBS and c.dep_ == "dobj")
        or c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and not _when(c)
    )]
    if not parts:
        return None
    if len(parts) == 1 and parts[0].dep_ in ("dobj", "obj") and parts[0].lower_ in ("that", "this", "it"):
        # "called that “beyond preposterous”": the pronoun with what is said of it
        parts = [c for c in tok.children if c.i > tok.i and not c.is_punct and c.dep_ not in ("cc", "conj")]
    lo = min(subtree_span(c)[0] for c in parts)
    hi = max(subtree_span(c)[1] for c in parts)
    if tok.lemma_ in RECIPIENT_VERBS:
        lo = max(lo, max((c.i for c in tok.children if c.dep_ in ("dobj", "dative")), default=lo - 1) + 1)
    return chars(doc, lo, hi) if lo <= hi else None


def rest_of_sentence(doc: Doc, tok: Token, cue_hi: int, lex: ClaimLexicons | None = None) -> tuple[int, int] | None:
    """For a speech verb the parse gave no complement: the longer stretch of its sentence outside the verb's clause
    ("..., he said, ..." / "X said Friday during a news conference that ...")."""
    sent = sent_of(tok)
    sub = sorted(t.i for t in tok.subtree)
    own = set(sub)
    after = [i for i in range(cue_hi + 1, sent.end) if doc[i].lower_ == "that" and doc[i].dep_ == "mark"]
    if after:
        return chars(doc, after[0], sent.end - 1)
    before = [i for i in range(sent.start, tok.i) if i not in own]
    behind = [i for i in range(tok.i + 1, sent.end) if i not in own]
    part = before if len(before) >= len(behind) else behind
    if lex is not None and _says_itself(doc, part, lex):
        # "X said A, but X did not say when": a stretch with a speech verb and its own subject is another claim
        part = behind if part is before else before
        if _says_itself(doc, part, lex):
            return None
    if len(part) < 4:
        return None
    return chars(doc, part[0], part[-1])


def _says_itself(doc: Doc, part: list[int], lex: ClaimLexicons) -> bool:
    return any(doc[i].lemma_.lower() in lex.verb_cues and doc[i].pos_ == "VERB" and has_dep(doc[i], ("nsubj",))
               for i in part)


def according_to(doc: Doc, tok: Token) -> Attribution | None:
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return according_to_surface(doc, tok)
    phrase = set(t.i for t in tok.subtree) | set(t.i for t in to.subtree) | {tok.i, to.i}
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "parataxis") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "advcl" and head.tag_ in ("VBG", "VBN") and head.i < tok.i and head.head.i < head.i:
        head = head.head  # "X struck the village, killing 100 people, according to Y": Y tells the whole of it
    if head.i in phrase:
        return according_to_surface(doc, tok)
    idxs = sorted(t.i for t in head.subtree if t.i not in phrase)
    sent = sent_of(tok)
    # the clause on the side of the sentence away from the phrase
    before = [i for i in idxs if i < tok.i and i >= sent.start]
    after = [i for i in idxs if i > max(phrase) and i < sent.end]
    part = before if len(before) >= len(after) else after
    if not part:
        return None
    content = chars(doc, part[0], part[-1])
    source = chars(doc, *subtree_span(pobj))
    cue = (tok.idx, to.idx + len(to))
    return Attribution(cue, content, source, pobj.i, "report")


def adverb_attribution(doc: Doc, tok: Token, lex: ClaimLexicons) -> Attribution | None:
    head = tok.head
    if head.i == tok.i:
        return None
    lo, hi = subtree_span(head)
    sent = sent_of(tok)
    lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
    content = chars(doc, lo, hi)
    cue = lex.adverb_cues[tok.lower_]
    return Attribution((tok.idx, tok.idx + len(tok)), content, None, None, cue.kind, None, True)


def _verb_lemma(word: str, lex: ClaimLexicons) -> str | None:
    """The cue verb a capitalised headline word is a form of ("Says", "Endorses", "Slammed"), if any."""
    low = word.lower()
    if low.endswith("ies"):
        forms = [low[:-3] + "y"]
    elif low.endswith("es"):
        forms = [low[:-2], low[:-1]]
    elif low.endswith("s") and not low.endswith("ss"):
        forms = [low[:-1]]
    elif low.endswith("ed"):
        forms = [low[:-2], low[:-1], low[:-3]]  # warned, praised, slammed
    else:
        return None
    return next((f for f in forms if f in lex.verb_cues), None)


def headline_attribution(doc: Doc, tok: Token, lex: ClaimLexicons) -> Attribution | None:
    """A headline in title case, where the tagger reads the verb as a name: "Senator Smith Says Talks Will Resume"."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, tok.idx) + 1
    line_end = text.find("\n", tok.idx)
    line_end = len(text) if line_end < 0 else line_end
    words = text[line_start:line_end].split()
    alpha = [w for w in words if w[:1].isalpha()]
    if not 3 <= len(words) <= 25 or sum(w[:1].isupper() for w in alpha) < 0.8 * len(alpha):
        return None
    lemma = _verb_lemma(tok.text, lex)
    if lemma is None or tok.i == 0 or doc[tok.i - 1].idx < line_start:
        return None
    lo = tok.i - 1
    while lo - 1 >= 0 and doc[lo - 1].idx >= line_start and doc[lo - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PART", "CCONJ") \
            and tok.i - lo < 6 and doc[lo - 1].text not in ",:;-–—":
        lo -= 1
    source = chars(doc, lo, tok.i - 1)
    content = trimmed_text_span(text, tok.idx + len(tok), line_end)
    if source is None or content is None or not any(doc[j].pos_ in ("PROPN", "NOUN") for j in range(lo, tok.i)):
        return None
    cue = lex.verb_cues[lemma]
    return Attribution((tok.idx, tok.idx + len(tok)), content, source, tok.i - 1, cue.kind, pattern="headline")


def in_document(doc: Doc, tok: Token, lex: ClaimLexicons) -> Attribution | None:
    """A poll or study as the source of what a clause reports: "In a poll released Monday, 50 percent chose X",
    "X leads by ten points in the latest survey" (not "In a statement, the ministry said": that is the verb's)."""
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in lex.words("document_nouns") or pobj.tag_ != "NN":
        return None
    head = tok.head
    if head.lemma_.lower() in lex.verb_cues or head.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in lex.words("person_pronouns")) \
            and head.lemma_.lower() not in lex.words("standing_verbs"):
        return None  # "In a poll, Smith asked voters ...": Smith acts; "In a poll, Clinton led Trump" is what it found
    phrase = {t.i for t in tok.subtree}
    idxs = sorted(t.i for t in head.subtree if t.i not in phrase)
    sent = sent_of(tok)
    before = [i for i in idxs if sent.start <= i < tok.i]
    after = [i for i in idxs if max(phrase) < i < sent.end]
    part = before if len(before) >= len(after) else after
    if len(part) < 3:
        return None
    content = chars(doc, part[0], part[-1])
    source = chars(doc, *subtree_span(pobj))
    if content is None or source is None:
        return None
    return Attribution((tok.idx, tok.idx + len(tok)), content, source, pobj.i, "report", pattern="document")


# --------------------------------------------------------------------------- multi-word cues

IDIOM_GAP_DEPS = frozenset({"det", "poss", "amod", "advmod", "compound", "nummod"})


def idiom_at(doc: Doc, tok: Token, lex: ClaimLexicons) -> tuple[Cue, int] | None:
    """The lexicon's multi-word cue that starts at a verb ("made it clear", "took issue with", "raised concerns"),
    with the index of its last token; modifiers may come between its words ("raised serious concerns")."""
    for words, cue in lex.idioms.get(tok.lemma_.lower(), ()):
        j = tok.i
        for word in words[1:]:
            j += 1
            gap = 0
            while j < len(doc) and gap < 3 and not _is_word(doc[j], word) and doc[j].dep_ in IDIOM_GAP_DEPS:
                j, gap = j + 1, gap + 1
            if j >= len(doc) or not _is_word(doc[j], word):
                break
        else:
            return cue, j
    return None


def _is_word(tok: Token, word: str) -> bool:
    return tok.lower_ == word or tok.lemma_.lower() == word


def idiom_attribution(doc: Doc, tok: Token, cue: Cue, last: int, regions: list[tuple[int, int]]) -> Attribution | None:
    """A multi-word cue: its verb's subject is the source, and what follows the idiom in the verb's phrase (up to the
    end of the sentence) the content: "X made it clear [that ...]", "X took issue with [the plan]"."""
    source_tok = source_token(tok)
    if source_tok is None or source_tok.dep_ == "nsubjpass":
        return None
    sent = sent_of(tok)
    hi = min(tok.right_edge.i, sent.end - 1)
    if hi <= last:
        return None
    content = chars(doc, last + 1, hi)
    source = chars(doc, *np_span(source_tok))
    if content is None or source is None:
        return None
    cue_span = (tok.idx, doc[last].idx + len(doc[last]))
    att = Attribution(cue_span, content, source, source_tok.i, cue.kind, None, False, "idiom")
    return with_quote(att, doc_text(doc), regions)
