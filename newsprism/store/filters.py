"""Query filters as SQLAlchemy expressions: every value is a bound parameter, never pasted into SQL text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, column, exists, false, func, or_, select, table, true

from ..errors import StoreError
from .schema import ArticleRow, ClaimRow, EventRow, StoryEventRow, StoryRow

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WORD = re.compile(r"\w+", re.UNICODE)

#: the FTS5 index over articles (SQLite); its hidden column of the same name takes MATCH
_FTS5 = table("articles_fts", column("rowid"), column("articles_fts"))
#: the generated tsvector column (PostgreSQL); not part of the ORM model because SQLite has no such column
_PG_ARTICLES = table("articles", column("id"), column("tsv"))


@dataclass(frozen=True)
class Filters:
    """What to select. All optional; see docs/store.md for what each one means per table."""

    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    outlet: str | None = None
    speaker: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not _DATE.match(value):
                raise StoreError(f"{name.replace('_', ' ')} {value!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)")


def _lower_eq(col: Any, value: str) -> ColumnElement[bool]:
    return func.lower(col) == value.lower()


def _contains(col: Any, value: str) -> ColumnElement[bool]:
    return func.lower(col).contains(value.lower(), autoescape=True)


def _dates(col: Any, f: Filters) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.date_from:
        out.append(col >= f.date_from)
    if f.date_to:  # inclusive, also for a month or year: compare the same number of characters
        out.append(func.substr(col, 1, len(f.date_to)) <= f.date_to)
    return out


def text_match(dialect: str, words: str) -> ColumnElement[bool]:
    """Articles (by ``articles.id``) whose title or text contain all the words (full-text search)."""
    tokens = _WORD.findall(words)
    if not tokens:
        return false()
    if dialect == "sqlite":
        query = " ".join('"' + token.replace('"', '""') + '"' for token in tokens)  # each word a quoted FTS5 string
        return ArticleRow.id.in_(select(_FTS5.c.rowid).where(_FTS5.c.articles_fts.op("MATCH")(query)))
    if dialect == "postgresql":
        return ArticleRow.id.in_(
            select(_PG_ARTICLES.c.id).where(_PG_ARTICLES.c.tsv.op("@@")(func.plainto_tsquery("simple", " ".join(tokens))))
        )
    return and_(*(_contains(ArticleRow.text, token) for token in tokens))


def _country(iso3: Any, name: Any, value: str) -> ColumnElement[bool]:
    return or_(func.upper(iso3) == value.upper(), _lower_eq(name, value))


def _event_type(f: Filters) -> ColumnElement[bool]:
    assert f.type is not None
    return or_(_lower_eq(EventRow.event_type, f.type), _lower_eq(EventRow.sub_event_type, f.type))


def _article_has_event(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists().where(EventRow.article_pk == ArticleRow.id, condition)


def event_conditions(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    out = _dates(EventRow.event_date, f)
    if f.country:
        out.append(_country(EventRow.iso3, EventRow.country, f.country))
    if f.type:
        out.append(_event_type(f))
    if f.outlet:
        out.append(_lower_eq(EventRow.outlet, f.outlet))
    if f.speaker:
        out.append(_contains(EventRow.reported_by, f.speaker))
    if f.text:
        out.append(EventRow.article_pk.in_(select(ArticleRow.id).where(text_match(dialect, f.text))))
    return out


def article_conditions(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    out = _dates(ArticleRow.published_date, f)
    if f.country:
        out.append(_article_has_event(_country(EventRow.iso3, EventRow.country, f.country)))
    if f.type:
        out.append(_article_has_event(_event_type(f)))
    if f.outlet:
        out.append(_lower_eq(ArticleRow.outlet, f.outlet))
    if f.speaker:
        out.append(exists().where(ClaimRow.article_pk == ArticleRow.id, _contains(ClaimRow.speaker_name, f.speaker)))
    if f.text:
        out.append(text_match(dialect, f.text))
    return out


def claim_conditions(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    out = _dates(ClaimRow.published_date, f)
    if f.country:  # claims carry no place: those of articles that report events in the country
        out.append(exists().where(EventRow.article_pk == ClaimRow.article_pk,
                                  _country(EventRow.iso3, EventRow.country, f.country)))
    if f.type:
        out.append(_lower_eq(ClaimRow.kind, f.type))
    if f.outlet:
        out.append(_lower_eq(ClaimRow.outlet, f.outlet))
    if f.speaker:
        out.append(_contains(ClaimRow.speaker_name, f.speaker))
    if f.text:
        out.append(ClaimRow.article_pk.in_(select(ArticleRow.id).where(text_match(dialect, f.text))))
    return out


def story_conditions(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    out = _dates(StoryRow.story_date, f)
    if f.country:
        out.append(_country(StoryRow.iso3, StoryRow.country, f.country))
    if f.type:
        out.append(or_(_lower_eq(StoryRow.event_type, f.type), _lower_eq(StoryRow.sub_event_type, f.type)))
    member = [StoryEventRow.story_id == StoryRow.id]
    if f.outlet:
        out.append(_story_has_outlet(dialect, f.outlet))
    if f.speaker or f.text:
        conditions = [EventRow.id == StoryEventRow.event_pk]
        if f.speaker:
            conditions.append(_contains(EventRow.reported_by, f.speaker))
        if f.text:
            conditions.append(EventRow.article_pk.in_(select(ArticleRow.id).where(text_match(dialect, f.text))))
        out.append(exists().where(*member, *conditions))
    return out or [true()]


def _story_has_outlet(dialect: str, outlet: str) -> ColumnElement[bool]:
    """The story's ``outlets`` (a JSON list, the fusion's outlet labels) holds ``outlet``, case-insensitively."""
    each = func.jsonb_array_elements_text if dialect == "postgresql" else func.json_each
    items = each(StoryRow.outlets).table_valued("value").alias("outlet_item")
    return exists(select(items.c.value).where(_lower_eq(items.c.value, outlet)))
