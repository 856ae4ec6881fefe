"""The line patterns of :file:`patterns.v1.json`, compiled once, and the small matchers built on them.

Which lines are headers ("Source: ZDNet"), bylines ("Author`s name Lyuba Lulko",
"By Jane Doe") or boilerplate ("Subscribe to ...") is data, not code: the readers
only ask these matchers.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

PATTERNS_FILE = "patterns.v1.json"


@dataclass(frozen=True)
class Patterns:
    version: int
    header_lines: tuple[tuple[str, re.Pattern[str]], ...]
    byline_lines: tuple[tuple[str, re.Pattern[str]], ...]
    byline_separators: re.Pattern[str]
    name_separators: re.Pattern[str]
    name_max_words: int
    name_particles: frozenset[str]
    boilerplate_lines: tuple[re.Pattern[str], ...]
    boilerplate_max_chars: int
    title_max_chars: int
    title_min_words: int
    title_suffix: re.Pattern[str]
    standfirst_max_chars: int
    standfirst_max_sentences: int
    raw: dict[str, Any]

    # ------------------------------------------------------------------ matchers

    def header(self, line: str) -> tuple[str, str] | None:
        """``(field, value)`` when ``line`` is a header line such as ``Source: ZDNet``."""
        for name, rx in self.header_lines:
            m = rx.match(line)
            if m:
                return name, m.group("value").strip()
        return None

    def byline(self, line: str) -> list[tuple[str, list[str]]] | None:
        """The ``(field, names)`` parts of a byline line, or None when ``line`` is not one.

        ``Author`s name Lyuba Lulko / Editor Dmitry Sudakov`` gives
        ``[("authors", ["Lyuba Lulko"]), ("editors", ["Dmitry Sudakov"])]``.
        Every part must be a byline with names that look like names, else the
        whole line is not a byline ("By the end of the day, ..." is text).
        """
        if not line or len(line) > 300:
            return None
        parts = [p for p in self.byline_separators.split(line) if p.strip()]
        found: list[tuple[str, list[str]]] = []
        for part in parts:
            for name, rx in self.byline_lines:
                m = rx.match(part.strip())
                if m:
                    names = self.names(m.group("value"))
                    if names:
                        found.append((name, names))
                        break
            else:
                return None
        return found or None

    def outlet_in(self, line: str) -> str | None:
        """The outlet a boilerplate line names ("Subscribe to Pravda.Ru Telegram channel", "© 2022 Reuters")."""
        for pattern in self.raw.get("outlet_in_boilerplate", ()):
            m = re.match(pattern, line)  # case-sensitive: outlet names are capitalised
            if m:
                return m.group("value").rstrip(".,;:'-") or None
        return None

    def dateline_agency(self, line: str) -> str | None:
        """The news agency of a wire dateline ("COLOMBO, July 9 (Reuters) - ..." -> "Reuters")."""
        pattern = self.raw.get("dateline_agency")
        m = re.match(pattern, line) if pattern else None
        return m.group("value") if m else None

    def boilerplate(self, line: str) -> bool:
        return len(line) <= self.boilerplate_max_chars and any(rx.search(line) for rx in self.boilerplate_lines)

    def names(self, value: str) -> list[str]:
        """Person or organisation names in ``value`` ("Jane Doe and John Roe"), or [] when it is not a list of names."""
        value = value.strip().rstrip(".")
        out: list[str] = []
        for piece in self.name_separators.split(value):
            piece = piece.strip()
            if not piece:
                continue
            if not self._name_like(piece):
                return []
            out.append(piece)
        return out

    def _name_like(self, piece: str) -> bool:
        words = piece.split()
        if not words or len(words) > self.name_max_words:
            return False
        if any(ch.isdigit() for ch in piece) or piece.endswith(("?", "!", ":")):
            return False
        for word in words:
            if word.lower() in self.name_particles:
                continue
            if not word[0].isupper() and not (word[0] in "'\u2019(" and len(word) > 1 and word[1].isupper()):
                return False
        return True

    def strip_title_suffix(self, title: str, outlet: str | None) -> tuple[str, str | None]:
        """``("Headline", "ZDNet")`` for ``"Headline | ZDNet"``; the suffix is removed only when it names the outlet
        (or, with no outlet known, when it is separated by ``|``)."""
        m = self.title_suffix.search(title)
        if not m:
            return title, None
        site = m.group("site").strip()
        head = title[: m.start()].rstrip()
        if outlet is not None:
            if _fold(site) == _fold(outlet):
                return head, site
            return title, None
        if "|" in title[m.start():m.start("site")] and len(head.split()) >= self.title_min_words:
            return head, site
        return title, None


def _fold(s: str) -> str:
    return re.sub(r"\W+", "", s).casefold()


@functools.lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    """The packaged patterns, compiled (once per process)."""
    raw = json.loads(resources.files(__package__).joinpath(PATTERNS_FILE).read_text(encoding="utf-8"))
    flags = re.IGNORECASE

    def fields(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((row["field"], re.compile(row["pattern"], flags)) for row in raw[key])

    return Patterns(
        version=int(raw["version"]),
        header_lines=fields("header_lines"),
        byline_lines=fields("byline_lines"),
        byline_separators=re.compile(raw["byline_separators"]),
        name_separators=re.compile(raw["name_separators"]),
        name_max_words=int(raw["name_max_words"]),
        name_particles=frozenset(p.lower() for p in raw["name_particles"]),
        boilerplate_lines=tuple(re.compile(p, flags) for p in raw["boilerplate_lines"]),
        boilerplate_max_chars=int(raw["boilerplate_max_chars"]),
        title_max_chars=int(raw["title_max_chars"]),
        title_min_words=int(raw["title_min_words"]),
        title_suffix=re.compile(raw["title_suffix"]),
        standfirst_max_chars=int(raw["standfirst_max_chars"]),
        standfirst_max_sentences=int(raw["standfirst_max_sentences"]),
        raw=raw,
    )
