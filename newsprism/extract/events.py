"""Stage 'events' (placeholder until its issue lands: fills nothing)."""

from __future__ import annotations

from typing import Any

from ..nlp.pipeline import ParsedArticle


def extract(parsed: ParsedArticle) -> dict[str, Any]:
    return {}
