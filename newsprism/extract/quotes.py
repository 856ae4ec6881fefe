"""Quotations in a text: where they open and close (curly, guillemet and straight quote marks)."""

from __future__ import annotations

OPEN_QUOTES = "“«„‘"
STRAIGHT = '"'


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations, quote marks included; a quotation left open at a paragraph's end closes there."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for i, ch in enumerate(text):
        if ch == "\n" and open_at is not None and text[i + 1 : i + 2] == "\n":
            regions.append((open_at, i))
            open_at = None
            continue
        if open_at is None:
            if ch in OPEN_QUOTES and not (ch == "‘" and _is_apostrophe(text, i)):
                open_at, closer = i, {"“": "”", "«": "»", "„": "“", "‘": "’"}[ch]
            elif ch == STRAIGHT:
                open_at, closer = i, STRAIGHT
        elif ch == closer and not (ch == "’" and _is_apostrophe(text, i)):
            regions.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(text.rstrip())))
    return [(s, e) for s, e in regions if e - s > 2]


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
