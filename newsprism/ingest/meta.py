"""Small metadata helpers shared by the readers: dates to ISO 8601, content hashes, names."""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import date, datetime

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def iso_date(value: object) -> str | None:
    """``value`` (a string in any common date format, a date or a datetime) as ISO 8601, or None.

    A date alone stays a date (``2022-01-07``); a time keeps its offset when it has one.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).isoformat()  # RFC 822, as in RSS
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


def _dateparser(text: str) -> str | None:
    import dateparser  # slow to import: only for dates in free formats

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year", "month"]})
    if parsed is None:
        log.warning("could not read the date %r; left empty", text)
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", text))
    return parsed.isoformat() if has_time else parsed.date().isoformat()


def dedupe(names: list[str]) -> list[str]:
    """Names in first-seen order without repeats (compared case-insensitively)."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = " ".join(name.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(" ".join(name.split()))
    return out
