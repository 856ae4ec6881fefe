"""The language pipeline: built and loaded in one place (:mod:`.pipeline`)."""

from .pipeline import ParsedArticle, load_pipeline, parse_many

__all__ = ["ParsedArticle", "load_pipeline", "parse_many"]
