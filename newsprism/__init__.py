"""newsprism: split news coverage of a crisis into checkable parts, each with its evidence."""

from __future__ import annotations

import logging

__version__ = "0.1.0"
__all__ = ["Analysis", "Settings", "__version__", "analyze", "analyze_many", "classify_spans"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):  # lazy: `import newsprism` stays cheap (the CLI's --help)
    if name in ("analyze", "analyze_many"):
        from . import api

        return getattr(api, name)
    if name == "Settings":
        from .settings import Settings

        return Settings
    if name == "Analysis":
        from .model import Analysis

        return Analysis
    if name == "classify_spans":
        from .extract.rhetoric import classify_spans

        return classify_spans
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
