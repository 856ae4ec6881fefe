"""What is done with the attributions of a whole document: bare speech tags linked to quotations, nested ones dropped."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .attribution_spans import Attribution, chars, doc_text, sent_of, trimmed_text_span

if TYPE_CHECKING:
    from spacy.tokens import Doc


def source_apart(att: Attribution, text: str) -> Attribution:
    """A source that runs on into its own cue or content is cut before them ("graphs showing that X")."""
    if att.source is None:
        return att
    start, end = att.source
    for lo, _hi in filter(None, (att.cue, att.content)):
        if start < lo < end:
            end = lo
    cut = trimmed_text_span(text, start, end) if end < att.source[1] else None
    return replace(att, source=cut) if cut else att



def link_bare_tags(found: list[Attribution], text: str, regions: list[tuple[int, int]], doc: Doc,
                   sure: float | None = None) -> list[Attribution]:
    """Give a quotation no cue claims to the nearest bare speech tag after it ("... ," Ash said.) or before it ("He said:");
    a cue the model gives at least ``sure`` and that is left with nothing takes what follows it or the sentence before
    (see :func:`said_around`)."""
    claimed = [a.content for a in found if a.content is not None]
    free = [r for r in regions if not any(c[0] < r[1] and r[0] < c[1] for c in claimed) and is_statement(text, r, found)]
    out = []
    for att in found:
        if att.content is None and free:
            best = None
            for r in free:
                gap = att.cue[0] - r[1]
                between = text[r[1] : att.cue[0]]
                if 0 <= gap <= 400 and between.count("\n\n") <= 1 and not has_other_words(between, att, text):
                    best = r if best is None or r[1] > best[1] else best
                gap_after = r[0] - att.cue[1]
                if 0 <= gap_after <= 6 and ":" in text[att.cue[1] : r[0] + 1] and best is None:
                    best = r
            if best is not None:
                free.remove(best)
                att = replace(att, content=best)
        if att.content is None and sure is not None and att.cue_prob is not None and att.cue_prob >= sure:
            att = replace(att, content=said_around(doc, att))
        out.append(att)
    return [a for a in out if a.content is not None and says_more_than_cue(a, text)]


def says_more_than_cue(att: Attribution, text: str) -> bool:
    """Content with words of its own besides the cue and a lone "that"."""
    start, end = att.content  # type: ignore[misc]
    if start <= att.cue[0] < end:
        rest = text[start : att.cue[0]] + " " + text[min(end, att.cue[1]) : end]
    else:
        rest = text[start:end]
    words = [w for w in rest.split() if any(ch.isalnum() for ch in w)]
    return bool(words) and words != ["that"]


def is_statement(text: str, region: tuple[int, int], found: list[Attribution]) -> bool:
    """A quotation long enough to be a statement (not a scare-quoted word or a title), or one a speech tag follows
    at once ('"Okay," I said')."""
    if len(text[region[0] : region[1]].split()) >= 4:
        return True
    tail = text[region[1] - 2 : region[1]]
    return any(c in tail for c in ",!?") and any(
        a.content is None and 0 <= a.cue[0] - region[1] <= 25 and a.source is not None and a.source[0] >= region[1]
        for a in found
    )


def has_other_words(between: str, att: Attribution, text: str) -> bool:
    """Whether the text between a quotation and a speech tag holds more than the tag's own sentence start."""
    gap_text = between.strip().strip(",.")
    if not gap_text:
        return False
    if att.source is not None and att.source[0] >= att.cue[0] - len(between):
        words = text[att.cue[0] - len(between) : att.source[0]].strip(" \n,.\"“”")
        return len(words.split()) > 2
    return len(gap_text.split()) > 3


def drop_nested(found: list[Attribution], text: str) -> list[Attribution]:
    """Keep the outermost attributions: drop one whose cue lies inside another's content.

    What a source says inside a quotation ("I think ...") belongs to the quoted claim, as in
    PolNeAR's univocal scheme where every token has at most one role. A "Source: content"
    reading of a colon yields to a cue found inside its content ("2:10 p.m.: The NRA says ...").
    (Keeping nested claims outside quotations was measured and scored lower on PolNeAR dev.)
    """
    return split_nested(found, text)[0]


def split_nested(found: list[Attribution], text: str) -> tuple[list[Attribution], list[Attribution]]:
    """The outermost attributions and, apart, those whose cue lies inside another's content (see drop_nested)."""
    found = [a for a in found if not (a.pattern in ("colon",) and holds_cue(a, found))]
    found = split_trailing_participles(found, text)
    found = split_coordinated(found, text)
    out, nested = [], []
    for att in found:
        if any(
            o is not att
            and o.content is not None
            and o.content[0] <= att.cue[0] < o.content[1]
            and not (att.content and att.content[0] <= o.cue[0] < att.content[1])
            for o in found
        ):
            nested.append(att)
            continue
        out.append(att)
    return out, nested


def split_trailing_participles(found: list[Attribution], text: str) -> list[Attribution]:
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


def split_coordinated(found: list[Attribution], text: str) -> list[Attribution]:
    """"Voters said A, and three-quarters said B" / "He says A and says B": a cue whose clause is joined by "and"
    inside another's content says its own thing; the outer content stops before the conjunction."""
    out = list(found)
    for k, outer in enumerate(out):
        if outer.content is None:
            continue
        for inner in found:
            at = inner.joined_at
            if inner is outer or at is None or inner.content is None or not outer.content[0] < at < inner.cue[0]:
                continue
            if not inner.cue[0] < outer.content[1] or inner.content[1] > outer.content[1] or outer.cue[0] >= at:
                continue
            cut = trimmed_text_span(text, outer.content[0], at)
            if cut is not None:
                out[k] = outer = replace(outer, content=cut)
    return out


def holds_cue(att: Attribution, found: list[Attribution]) -> bool:
    return att.content is not None and any(
        o is not att and att.content[0] <= o.cue[0] < att.content[1] for o in found
    )


def said_around(doc: Doc, att: Attribution) -> tuple[int, int] | None:
    """What a cue the model is sure of says where no clause or quotation does: the rest of its phrase after it
    ("told the story of ...", "responded by pointing ..."), or, for a bare speech tag ("Rubio said."), the sentence
    before it."""
    first = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if first is None:
        return None
    tok, last = first[0], first[-1]
    sent = sent_of(tok)
    hi = min(tok.right_edge.i, sent.end - 1)
    if hi > last.i:
        span = chars(doc, last.i + 1, hi)
        if span is not None and len(doc_text(doc)[span[0] : span[1]].split()) >= 2:
            return span
    rest = [t for t in sent if not (t.is_punct or t.is_space) and not att.cue[0] <= t.idx < att.cue[1]
            and not (att.source is not None and att.source[0] <= t.idx < att.source[1])]
    if rest or sent.start == 0:
        return None
    before = sent_of(doc[sent.start - 1])
    return chars(doc, before.start, before.end - 1)
