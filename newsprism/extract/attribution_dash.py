"""Pull-quote attributions: a quotation, a dash, and who said it.

    “He did not answer a single question.” ― Maria Lopez, 34, a nurse from Phoenix

Quote round-ups, epigraphs and captions name the speaker after a dash that follows the closing quote mark, with no
reporting verb at all. The dash is the cue, the name (up to a comma) the source, the quotation the content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution_spans import TRIM, Attribution, chars, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# a single hyphen counts too ("” - Ann Lee"): it must follow a closing quote mark, which a hyphen inside a word never does
DASH_CUES = frozenset({"―", "—", "–", "--", "-"})
CLOSING_QUOTES = "”\"’»"
NAME_ENDS = frozenset({",", ".", ";", "(", "|"})
MAX_NAME_TOKENS = 6


def dash_tag(doc: Doc, tok: Token, regions: list[tuple[int, int]]) -> Attribution | None:
    """The attribution of a quotation that opens its line and that a dash and a name follow, with no verb after the
    dash."""
    text = doc_text(doc)
    at = tok.idx + len(tok.text) - len(dash_of(tok.text))  # the tokenizer may glue the dash to the quote mark: "”―"
    quote = next(((s, e) for s, e in regions if e <= at and not text[e:at].strip() and "\n" not in text[e:at]), None)
    if quote is None or text[text.rfind("\n", 0, quote[0]) + 1 : quote[0]].strip():
        return None  # a pull quote opens its line: "called it “a disaster” — a word ..." is no attribution
    rest: list[Token] = []
    for t in doc[tok.i + 1 :]:
        if t.is_space and "\n" in t.text or t.is_sent_start and t.i > tok.i + 1 and t.text[:1] in "“\"«":
            break
        rest.append(t)
    if not rest or any(t.pos_ in ("VERB", "AUX") and t.is_alpha for t in rest):
        return None  # "— the crowd chanted as police moved in" is a sentence of its own, not a speaker's name
    name: list[Token] = []
    for t in rest:
        if t.text in NAME_ENDS:
            break
        if not t.is_space:
            name.append(t)
    if not 1 <= len(name) <= MAX_NAME_TOKENS or not any(t.pos_ in ("PROPN", "NOUN") for t in name):
        return None
    if not (name[0].text[:1].isupper() or name[0].pos_ == "DET"):
        return None
    source = chars(doc, name[0].i, name[-1].i)
    start, end = quote
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    if source is None or end - start < 2:
        return None
    content = (start, end)
    head = max((t for t in name if t.pos_ in ("PROPN", "NOUN")), key=lambda t: t.i)
    return Attribution((at, tok.idx + len(tok)), content, source, head.i, "report", pattern="dash")


def dash_of(word: str) -> str:
    """The dash a token is, or ends with after closing quote marks ("”―"); "" when it is none."""
    dash = word.lstrip(CLOSING_QUOTES)
    return dash if dash in DASH_CUES else ""
