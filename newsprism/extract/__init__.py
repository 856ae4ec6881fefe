"""Extraction stages: pure functions over a :class:`~newsprism.nlp.ParsedArticle`.

Each stage is a module with a function ``extract(parsed) -> dict`` that
returns the fields of the parsed article it fills, e.g. ``{"places": [...]}``
or ``{"claims": [...], "sentences": [...]}``. Stages run in the order of the
``stages`` setting; a later stage sees what the earlier ones returned. This
file is the one place stages are registered.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
from collections.abc import Callable
from typing import Any

from ..model import Rejection
from ..nlp.pipeline import ParsedArticle

log = logging.getLogger(__name__)

#: stage name -> module (relative to this package) holding ``extract``
STAGES: dict[str, str] = {
    "entities": ".entities",
    "places": ".places",
    "dates": ".dates",
    "claims": ".claims",
    "events": ".events",
    "rhetoric": ".rhetoric",
}

StageFn = Callable[[ParsedArticle], dict[str, Any]]

#: stages whose lexicons and trained models read English, whatever the spaCy pipeline
ENGLISH_STAGES = frozenset({"claims", "events", "rhetoric"})
#: stages that read the spaCy pipeline's own language (its NER)
PIPELINE_STAGES = frozenset({"entities"})
#: the code of a stage skipped because the article is in another language
SKIPPED_LANGUAGE = "unsupported-language"


def stage_function(name: str) -> StageFn:
    try:
        module = importlib.import_module(STAGES[name], __name__)
    except KeyError:
        raise KeyError(f"unknown stage {name!r}; known stages: {', '.join(STAGES)}") from None
    return module.extract  # type: ignore[no-any-return]


def run_stages(parsed: ParsedArticle) -> ParsedArticle:
    """Run the configured stages over one parsed article.

    A stage that fails on this article is recorded as a rejection of that stage
    (with the error) and the remaining stages still run.
    """
    fields = {f.name for f in dataclasses.fields(ParsedArticle)}
    language = _foreign_language(parsed)
    for name in parsed.settings.stages:
        pipeline = parsed.doc.lang_ if parsed.doc.lang_ != "xx" else None  # "xx": a multi-language pipeline
        reads = "en" if name in ENGLISH_STAGES else pipeline if name in PIPELINE_STAGES else None
        if language is not None and reads is not None and language != reads:
            parsed.rejections.append(Rejection(
                parsed.article.id, f"extract:{name}", SKIPPED_LANGUAGE,
                f"the {name} stage reads {reads!r} text and this article is in {language!r}, so it was skipped "
                f"(places and dates are still found; see the languages and spacy_model settings)"))
            continue
        fn = stage_function(name)
        try:
            updates = fn(parsed)
        except Exception as exc:  # a bug or bad data in one stage must not lose the article
            if parsed.settings.fail_fast:
                raise
            log.warning("stage %s failed on %s: %r", name, parsed.article.id, exc, exc_info=True)
            parsed.rejections.append(
                Rejection(parsed.article.id, f"extract:{name}", "stage-error", f"{type(exc).__name__}: {exc}")
            )
            continue
        for key, value in updates.items():
            if key not in fields:
                raise KeyError(f"stage {name} returned unknown field {key!r}")
            setattr(parsed, key, value)
    return parsed


def _foreign_language(parsed: ParsedArticle) -> str | None:
    """The article's language when it is surely not English: detected as another language and long enough that
    English function words would show (short texts are left to every stage: their language cannot be told)."""
    from ..ingest.language import english_share
    from ..ingest.patterns import load_patterns

    language = parsed.article.language
    if not language or language == "en":
        return None
    _, words = english_share(parsed.article.text)
    return language if words >= int(load_patterns().raw.get("english_min_words", 12)) else None

