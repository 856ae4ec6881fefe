"""Who speaks where the parse does not say it plainly: a participle's speaker, a source after a quotation, a dateline."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .attribution_spans import Attribution, chars, dateline_end, doc_text, sent_of, source_token, trimmed_text_span
from .claim_lexicons import ClaimLexicons

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
NOUNS = ("PROPN", "NOUN", "PRON")
AFTER_DEPS = ("dobj", "attr", "npadvmod", "nsubj", "dep", "advmod")  # how the parse may hang "said Smith"


def apposed_after_object(source_tok: Token) -> Token:
    """"..., killing at least 41 people, the rights group said": the parse made the object of "killing" the subject
    of "said", with the true speaker as its apposition. A subject whose phrase opens right after a participle or an
    infinitive is that verb's object; its apposition after a comma speaks."""
    doc = source_tok.doc
    start = source_tok.left_edge.i
    if start == 0 or doc[start - 1].tag_ not in ("VBG", "VB", "VBN") or doc[start - 1].i == source_tok.head.i \
            or source_tok.pos_ == "PRON":
        return source_tok
    appos = next((c for c in source_tok.children if c.dep_ == "appos" and c.i > source_tok.i
                  and doc[c.left_edge.i - 1].text == ","), None)
    return appos if appos is not None else source_tok


def two_subjects(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """"An air strike killed 20 people, the agency said.": the parse made both noun phrases subjects of the closing
    cue. The last one, after a comma, speaks; the words before the comma are what it says (token indexes)."""
    doc = tok.doc
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    if len(subjects) < 2 or tok.i < len(doc) - 1 and not doc[tok.i + 1].is_punct and doc[tok.i + 1].dep_ != "prep":
        return None
    speaker, first = subjects[-1], subjects[0]
    comma = speaker.left_edge.i - 1
    if comma <= first.i or doc[comma].text != "," or any(t.i > speaker.i for t in speaker.subtree if t.i >= tok.i):
        return None
    return (min(first.left_edge.i, tok.sent.start), comma - 1), speaker


def participle_speaker(tok: Token, lex: ClaimLexicons) -> Token | None:
    """"Trump insisted that he had won, claiming that ...": the parse hangs the participle on the clause a cue
    verb governs, whose subject ("he") is not the speaker; the speaker is the subject of that cue verb."""
    if any(c.dep_ in SUBJECTS for c in tok.children) or tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    joined = tok.dep_ == "conj" or tok.tag_ == "VBG" and (before.text == "," or before.dep_ == "mark")
    if not joined:
        return None  # "X said he found Y charming and called Z ...", "..., adding", "while adding"
    node = tok.head
    for _ in range(4):
        if node.head.i == node.i:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in lex.verb_cues and node.head.pos_ in ("VERB", "AUX"):
            return source_token(node.head)
        node = node.head
    return None


Span = tuple[int, int]


def source_after_quote(doc: Doc, tok: Token, regions: list[Span]) -> tuple[Span, int, Span] | None:
    """A finite cue right after a quotation and a noun phrase the parse did not make its subject (""...,” X, the
    head of Y, tweeted on Friday"): the source span, its head token and the quotation."""
    sent = sent_of(tok)
    before = [r for r in regions if doc[sent.start].idx - 1 <= r[1] <= tok.idx]
    if not before:
        return None
    quote = max(before, key=lambda r: r[1])
    first = next((t for t in sent if t.idx >= quote[1] and not t.is_punct and not t.is_space), None)
    if first is None or first.i >= tok.i or tok.i - first.i > 20:
        return None
    between = doc[first.i : tok.i]
    if not any(t.pos_ in NOUNS for t in between) or first.pos_ not in (*NOUNS, "DET", "ADJ", "NUM"):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in between):
        return None  # another finite verb between: not a plain speech tag
    source = chars(doc, first.i, tok.i - 1)
    if source is None:
        return None
    head = next((t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON") and not first.i <= t.head.i < tok.i), None)
    head = head or max(between, key=lambda t: (t.pos_ in ("PROPN", "NOUN", "PRON"), -t.i))
    return source, head.i, quote


def source_past_dateline(doc: Doc, att: Attribution) -> Attribution:
    """A source the parse ran into a wire dateline ("WASHINGTON (AP) — Donald Trump and Paul Ryan pledged") starts
    after it; where the parse took the dateline alone for the subject, the source is the noun phrase after it."""
    if att.source is None:
        return att
    text = doc_text(doc)
    start, end = att.source
    line = text.rfind("\n", 0, start) + 1
    after = dateline_end(text, line, len(text))
    if after == line or start >= after or after >= att.cue[0]:
        return att
    if end > after:
        cut = trimmed_text_span(text, after, end)
        return replace(att, source=cut) if cut else att
    first = next((t for t in doc if t.idx >= after), None)
    if first is None or first.idx >= att.cue[0]:
        return att
    head = first
    while head.head.i != head.i and head.head.idx < att.cue[0] and head.head.pos_ in ("PROPN", "NOUN", "PRON"):
        head = head.head
    if head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return att
    hi = min(head.right_edge.i, next(t.i for t in doc if t.idx + len(t) > att.cue[0]) - 1)
    span = chars(doc, first.i, hi) if hi >= first.i else None
    return replace(att, source=span, source_token=head.i) if span else att


def source_after_cue(doc: Doc, tok: Token, regions: list[Span]) -> Token | None:
    """""...," added another delegate': a cue right after a quotation, with the speaker after it (which the parse
    may take for its object)."""
    i = tok.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].text == ","):
        i -= 1
    if i < 0 or not any(s < doc[i].idx + len(doc[i]) <= e and e <= tok.idx for s, e in regions):
        return None
    after = next((c for c in tok.children if c.i > tok.i and c.dep_ in AFTER_DEPS), None)
    if after is None or after.left_edge.i != tok.i + 1 or after.ent_type_ in ("DATE", "TIME"):
        return None
    if after.pos_ in ("PROPN", "NOUN") or after.pos_ == "ADV" and after.is_title:
        return after  # "said Skelly": a name the tagger took for an adverb
    return None


def apposed_source(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """"..., Senator X, the minority leader, said": a finite cue whose subject the parse lost, right after a name
    and its apposition between commas: the token range of the name and the apposition."""
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    last = i - 1
    node = doc[last]
    for _ in range(4):  # "X, a military spokesman in Baghdad, said": up from the phrase to the apposition
        if node.dep_ in ("appos", "relcl") or node.head.i == node.i or node.head.i >= tok.i:
            break
        node = node.head
    chain = [node]
    while chain[-1].dep_ in ("appos", "relcl") and chain[-1].head.i < chain[-1].i:
        chain.append(chain[-1].head)
    if len(chain) > 2 and chain[-1].dep_ in ("pobj", "dobj", "poss"):
        chain.pop()  # "in Nevada, Senator X, the whip, said": the parse hung the name on the place
    head = chain[-1]
    if len(chain) < 2 or head.pos_ != "PROPN" or head.dep_ in ("pobj", "dobj", "poss"):
        return None
    lo = head.i
    while lo - 1 >= 0 and doc[lo - 1].dep_ in ("compound", "amod", "det") and doc[lo - 1].head.i == head.i:
        lo -= 1
    return lo, last


SOURCE_STOPS = frozenset({",", ".", ";", ":", "—", "–", "--", "(", "?", "!"})


def according_to_surface(doc: Doc, tok: Token) -> Attribution | None:
    """"According to X, CONTENT." or "CONTENT, according to X." read from the words where the parse gets it wrong
    ("According" made the root with the clause hung on X; "according to show insiders" with "show" as a verb): the
    source runs from "to" to the next comma or the sentence's end, the content is the rest of the sentence."""
    sent = sent_of(tok)
    to = doc[tok.i + 1]
    stop = next((t.i for t in doc[to.i + 1 : sent.end] if t.text in SOURCE_STOPS or t.is_space and "\n" in t.text),
                sent.end)
    names = [t for t in doc[to.i + 1 : stop] if t.pos_ in NOUNS]
    if not names or stop - to.i - 1 > 10:
        return None
    words = [t for t in doc[sent.start : tok.i] if not t.is_punct and not t.is_space]
    if words:  # CONTENT, according to X
        lo, hi = sent.start, tok.i - 1
    else:  # According to X, CONTENT
        lo, hi = stop + 1, sent.end - 1
    if hi < lo or sum(t.is_alpha for t in doc[lo : hi + 1]) < 3:
        return None
    content, source = chars(doc, lo, hi), chars(doc, to.i + 1, stop - 1)
    if content is None or source is None:
        return None
    return Attribution((tok.idx, to.idx + len(to)), content, source, names[-1].i, "report", pattern="according-to")
