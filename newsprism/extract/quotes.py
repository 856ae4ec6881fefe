"""Quotations in a text: where they open and close (curly, guillemet, straight and doubled-apostrophe quote marks)."""

from __future__ import annotations

OPEN_QUOTES = "“«„‘"
STRAIGHT = '"'
DOUBLED = "''"


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations, quote marks included; a quotation left open at a paragraph's end closes there."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    skip = -1
    for i, ch in enumerate(text):
        if i == skip:
            continue
        if ch == "\n" and open_at is not None and text[i + 1 : i + 2] == "\n":
            regions.append((open_at, i))
            open_at = None
            continue
        if ch == "'" and text[i + 1 : i + 2] == "'" and (open_at is None or closer == DOUBLED):
            # two apostrophes for a quotation mark, as in newswire archives: ''We will win,'' she said.
            skip = i + 1
            if open_at is None:
                open_at, closer = i, DOUBLED
            else:
                regions.append((open_at, i + 2))
                open_at = None
            continue
        if open_at is None:
            if ch in OPEN_QUOTES and not (ch == "‘" and _is_apostrophe(text, i)):
                open_at, closer = i, {"“": "”", "«": "»", "„": "“", "‘": "’"}[ch]
            elif ch == "”" and _opens_line(text, i):  # a closing mark typed for an opening one, where a line starts
                open_at, closer = i, "”"
            elif ch == STRAIGHT:
                open_at, closer = i, STRAIGHT
        elif ch == closer and not (ch == "’" and _is_apostrophe(text, i)):
            regions.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(text.rstrip())))
    return [(s, e) for s, e in regions if e - s > 2]


def _opens_line(text: str, i: int) -> bool:
    return text[i + 1 : i + 2].isalnum() and not text[text.rfind("\n", 0, i) + 1 : i].strip()


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
