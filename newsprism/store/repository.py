"""The Repository: one interface over the store, SQLite or PostgreSQL behind it.

Writes are idempotent by article content hash: an article already stored is skipped, so ingesting the same input
twice changes nothing, and a run that was interrupted continues where it stopped. Reads return plain dicts (flat
rows, for tables and exports) or records rebuilt with :func:`newsprism.model.from_dict`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from ..errors import StoreError
from ..model import Analysis, Article, Rejection
from . import fusion, rows
from .db import make_engine, migrate
from .filters import Filters, article_conditions, claim_conditions, event_conditions, story_conditions
from .schema import (
    ArticleRow,
    ClaimRow,
    EventRow,
    PredictionRow,
    RejectionRow,
    RhetoricRow,
    StoryEventRow,
    StoryRow,
)

logger = logging.getLogger(__name__)

STATUSES = ("open", "came-true", "did-not")
_IN_CHUNK = 500  # values per IN (...) list

_ARTICLE_COLUMNS = [c for c in ArticleRow.__table__.c if c.name not in ("text", "analysis")]
_EVENT_COLUMNS = [c for c in EventRow.__table__.c if c.name not in ("id", "article_pk")]
_CLAIM_COLUMNS = [c for c in ClaimRow.__table__.c if c.name not in ("id", "article_pk")]
_PREDICTION_COLUMNS = [c for c in PredictionRow.__table__.c if c.name != "article_pk"]


def open_repository(url: str | None = None) -> Repository:
    """Open (and create or upgrade) the store at ``url``: a database URL or an SQLite file path.

    Without a URL, the ``db`` setting (``sqlite:///newsprism.db`` by default) is used.
    """
    if url is None:
        from ..settings import Settings

        url = Settings.load().db
    engine = make_engine(url)
    migrate(engine)
    return Repository(engine)


class Repository:
    """Analysed articles, their events, claims and rhetoric, rejections, stories and predictions."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect.name

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # ------------------------------------------------------------------ writing

    def stored_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` whose article is already stored."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _IN_CHUNK):
                chunk = wanted[i : i + _IN_CHUNK]
                found.update(conn.scalars(select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(chunk))))
        return found

    def refusal(self, article: Article) -> Rejection | None:
        """Why this store cannot hold ``article``, or None. PostgreSQL text cannot contain NUL characters."""
        if self.dialect != "postgresql":
            return None
        fields = (article.text, article.title, article.standfirst, article.outlet, article.url, *article.authors)
        if any(value and "\x00" in value for value in fields):
            return Rejection(article.source or article.id, "store", "nul-character",
                             "the article contains NUL characters, which PostgreSQL cannot store; "
                             "remove them from the input or use an SQLite store")
        return None

    def add_analyses(self, analyses: Iterable[Analysis]) -> int:
        """Store the analyses (one transaction); returns how many articles were new.

        Articles whose content hash is stored already (or repeated within ``analyses``) are skipped. The rejections
        an analysis carries (a stage that failed on it) are stored with it.
        """
        batch: dict[str, Analysis] = {}
        for analysis in analyses:
            batch.setdefault(rows.content_hash(analysis.article), analysis)
        if not batch:
            return 0
        stored = self.stored_hashes(batch)
        new = [(h, a) for h, a in batch.items() if h not in stored]
        if not new:
            return 0
        new = self._with_unique_ids(new)
        for _, analysis in new:
            refused = self.refusal(analysis.article)
            if refused is not None:
                raise StoreError(f"{refused.input}: {refused.message}")
        stamp = rows.now()
        with self.engine.begin() as conn:
            pks = self._insert_articles(conn, [rows.article_row(a, stamp) for _, a in new])
            new = [(h, a) for h, a in new if h in pks]  # another writer may have stored some meanwhile
            events, claims, rhetoric, predictions, rejections = [], [], [], [], []
            for article_hash, analysis in new:
                pk, article = pks[article_hash], analysis.article
                events += [rows.event_row(e, pk, article.outlet) for e in analysis.events]
                claims += [rows.claim_row(c, pk, article) for c in analysis.claims]
                rhetoric += rows.rhetoric_rows(analysis, pk)
                predictions += [rows.prediction_row(c, pk, article_hash, article) for c in analysis.claims
                                if c.kind == "prediction"]
                rejections += [rows.rejection_row(r, article_hash, stamp) for r in analysis.rejections]
            for model, values in ((EventRow, events), (ClaimRow, claims), (RhetoricRow, rhetoric)):
                if values:
                    conn.execute(insert(model), values)
            self._insert_ignoring_known(conn, PredictionRow, predictions)
            self._insert_ignoring_known(conn, RejectionRow, rejections)
        logger.info("stored %d new articles (%d already stored)", len(new), len(batch) - len(new))
        return len(new)

    def _with_unique_ids(self, new: list[tuple[str, Analysis]]) -> list[tuple[str, Analysis]]:
        """The analyses, an article whose id the store (or an earlier one of the batch) already gives another text
        renamed ``ID-HASH8``: fusion links events across articles by article id, so ids must not collide."""
        with self.engine.connect() as conn:
            taken = self._existing(conn, ArticleRow.article_id, list({a.id for _, a in new}))
        out = []
        for digest, analysis in new:
            article_id = analysis.id
            if article_id in taken:
                article_id = next(f"{article_id}-{digest[:n]}" for n in (8, 16, 64)
                                  if f"{article_id}-{digest[:n]}" not in taken)
                logger.warning("the store already holds another article with id %r; %s is stored as %r",
                               analysis.id, analysis.article.source, article_id)
                analysis = dataclasses.replace(analysis, id=article_id,
                                               article=dataclasses.replace(analysis.article, id=article_id))
            taken.add(article_id)
            out.append((digest, analysis))
        return out

    def add_rejections(self, rejections: Iterable[Rejection]) -> int:
        """Store rejected inputs; one already stored (same input, stage, code and message) is not stored again."""
        values = [rows.rejection_row(r, None, rows.now()) for r in rejections]
        with self.engine.begin() as conn:
            return self._insert_ignoring_known(conn, RejectionRow, values)

    def _upsert(self):
        from sqlalchemy.dialects import postgresql, sqlite

        return postgresql.insert if self.dialect == "postgresql" else sqlite.insert

    def _insert_articles(self, conn: Connection, values: list[dict[str, Any]]) -> dict[str, int]:
        """Insert the article rows; returns content hash -> primary key of those inserted (a hash stored
        meanwhile by another writer is skipped, not an error: concurrent ingests stay idempotent)."""
        stmt = (self._upsert()(ArticleRow).on_conflict_do_nothing(index_elements=["content_hash"])
                .returning(ArticleRow.content_hash, ArticleRow.id))
        return dict(conn.execute(stmt, values).all())

    def _insert_ignoring_known(self, conn: Connection, model: Any, values: list[dict[str, Any]]) -> int:
        """Insert rows whose unique key (predictions: id, rejections: key) is not stored yet; returns how many."""
        key = "id" if model is PredictionRow else "key"
        unique = list({v[key]: v for v in values}.values())
        if not unique:
            return 0
        stmt = self._upsert()(model).on_conflict_do_nothing(index_elements=[key]).returning(getattr(model, key))
        return len(conn.execute(stmt, unique).all())

    @staticmethod
    def _existing(conn: Connection, col: Any, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(keys), _IN_CHUNK):
            found.update(conn.scalars(select(col).where(col.in_(keys[i : i + _IN_CHUNK]))))
        return found

    # ------------------------------------------------------------------ reading

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        tables = {"articles": ArticleRow, "events": EventRow, "claims": ClaimRow, "rhetoric": RhetoricRow,
                  "rejections": RejectionRow, "stories": StoryRow, "predictions": PredictionRow}
        with self.engine.connect() as conn:
            return {name: conn.scalar(select(func.count()).select_from(model)) or 0 for name, model in tables.items()}

    def analyses(self, filters: Filters | None = None) -> Iterator[Analysis]:
        """The stored analyses of the articles that match ``filters``, in ingestion order."""
        stmt = select(ArticleRow.text, ArticleRow.analysis).where(*article_conditions(filters or Filters(), self.dialect))
        with self.engine.connect() as conn:
            for text, data in conn.execute(stmt.order_by(ArticleRow.id)):
                yield rows.analysis_from_row(text, data)

    def analysis(self, content_hash: str) -> Analysis | None:
        """The stored analysis of one article, by content hash (or article id)."""
        with self.engine.connect() as conn:
            for col in (ArticleRow.content_hash, ArticleRow.article_id):
                row = conn.execute(select(ArticleRow.text, ArticleRow.analysis).where(col == content_hash)).first()
                if row is not None:
                    return rows.analysis_from_row(row.text, row.analysis)
        return None

    def articles(self, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        """One dict per matching article (metadata and counts; no text)."""
        n_events = select(func.count()).where(EventRow.article_pk == ArticleRow.id).scalar_subquery()
        n_claims = select(func.count()).where(ClaimRow.article_pk == ArticleRow.id).scalar_subquery()
        stmt = (select(*_ARTICLE_COLUMNS, n_events.label("events"), n_claims.label("claims"))
                .where(*article_conditions(filters or Filters(), self.dialect)).order_by(ArticleRow.id))
        yield from self._rows(stmt, drop=("id",))

    def events(self, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        """One flat dict per matching event, with its article's id and content hash."""
        stmt = (select(ArticleRow.article_id, ArticleRow.content_hash, *_EVENT_COLUMNS)
                .join(ArticleRow, ArticleRow.id == EventRow.article_pk)
                .where(*event_conditions(filters or Filters(), self.dialect))
                .order_by(EventRow.event_date.is_(None), EventRow.event_date, EventRow.id))  # undated last, on both
        yield from self._rows(stmt)

    def event_analyses(self, filters: Filters | None = None) -> Iterator[Analysis]:
        """The analyses that hold matching events, each keeping only its matching events (for the exporters)."""
        import dataclasses

        keep: dict[str, set[str]] = {}
        for row in self.events(filters):
            keep.setdefault(row["content_hash"], set()).add(row["event_id"])
        hashes = list(keep)
        with self.engine.connect() as conn:
            for i in range(0, len(hashes), _IN_CHUNK):
                stmt = (select(ArticleRow.content_hash, ArticleRow.text, ArticleRow.analysis)
                        .where(ArticleRow.content_hash.in_(hashes[i : i + _IN_CHUNK])).order_by(ArticleRow.id))
                for key, text, data in conn.execute(stmt):
                    analysis = rows.analysis_from_row(text, data)
                    yield dataclasses.replace(analysis, events=[e for e in analysis.events if e.id in keep[key]])

    def claims(self, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        stmt = (select(ArticleRow.article_id, ArticleRow.content_hash, *_CLAIM_COLUMNS)
                .join(ArticleRow, ArticleRow.id == ClaimRow.article_pk)
                .where(*claim_conditions(filters or Filters(), self.dialect))
                .order_by(ClaimRow.article_pk, ClaimRow.content_start))
        yield from self._rows(stmt)

    def rejections(self) -> list[Rejection]:
        stmt = select(RejectionRow.input, RejectionRow.stage, RejectionRow.code, RejectionRow.message)
        with self.engine.connect() as conn:
            return [Rejection(*row) for row in conn.execute(stmt.order_by(RejectionRow.id))]

    def _rows(self, stmt: Any, drop: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as conn:
            for row in conn.execute(stmt).mappings():
                yield {k: v for k, v in row.items() if k not in drop}

    # ------------------------------------------------------------------ fusion: stories and predictions

    def save_fusion(self, result: Any) -> None:
        """Replace the stories with ``result.stories``; merge ``result.predictions`` into the ledger (status kept)."""
        story_rows, member_rows = fusion.story_rows(getattr(result, "stories", None) or [])
        predictions = getattr(result, "predictions", None)
        prediction_rows = None if predictions is None else fusion.prediction_rows(predictions)
        with self.engine.begin() as conn:
            conn.execute(delete(StoryEventRow))
            conn.execute(delete(StoryRow))
            if story_rows:
                conn.execute(insert(StoryRow), story_rows)
            if member_rows:
                conn.execute(insert(StoryEventRow), fusion.resolve_members(conn, member_rows))
            if prediction_rows is not None:  # a result without a ledger leaves the stored one alone
                self._merge_predictions(conn, prediction_rows)
        logger.info("saved %d stories, %d predictions", len(story_rows), len(prediction_rows or []))

    def _merge_predictions(self, conn: Connection, values: list[dict[str, Any]]) -> None:
        """The fusion's ledger becomes the store's: new predictions are added, known ones updated (their status,
        note and resolution kept), and open ones the fusion no longer lists (e.g. from a duplicate article it
        counted once) are dropped; a resolved prediction is never dropped."""
        listed = {v["id"] for v in values}
        open_ids = set(conn.scalars(select(PredictionRow.id).where(PredictionRow.status == "open")))
        stale = sorted(open_ids - listed)
        for i in range(0, len(stale), _IN_CHUNK):
            conn.execute(delete(PredictionRow).where(PredictionRow.id.in_(stale[i : i + _IN_CHUNK])))
        if not values:
            return
        pks = fusion.article_pks(conn, (v["article_id"] for v in values))
        values = [{**{k: v for k, v in value.items() if k != "article_id"}, "article_pk": pks.get(value["article_id"])}
                  for value in values]
        known = self._existing(conn, PredictionRow.id, [v["id"] for v in values])
        keep = ("status", "note", "resolved_at")  # what a person decided is never overwritten by a re-fusion
        for value in values:
            if value["id"] in known:
                changes = {k: v for k, v in value.items() if k not in keep and k != "id" and v is not None}
                if changes:
                    conn.execute(update(PredictionRow).where(PredictionRow.id == value["id"]).values(**changes))
        fresh = [{**v, "status": "open", "note": None, "resolved_at": None} for v in values if v["id"] not in known]
        self._insert_ignoring_known(conn, PredictionRow, fresh)

    def stories(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """The stories as the fusion gave them (``model.to_dict`` form, with ``id``), in the fusion's order."""
        stmt = (select(StoryRow.id, StoryRow.data).where(*story_conditions(filters or Filters(), self.dialect))
                .order_by(StoryRow.position))
        with self.engine.connect() as conn:
            return [{**data, "id": sid} for sid, data in conn.execute(stmt)]

    def story_rows(self, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
        """One flat dict per matching story (for tables and exports)."""
        columns = [c for c in StoryRow.__table__.c if c.name not in ("data", "position")]
        stmt = (select(*columns).where(*story_conditions(filters or Filters(), self.dialect))
                .order_by(StoryRow.position))
        yield from self._rows(stmt)

    def predictions(self, status: str | None = None) -> list[dict[str, Any]]:
        """The prediction ledger, oldest first; ``status`` selects open, came-true or did-not."""
        stmt = select(*_PREDICTION_COLUMNS)
        if status is not None:
            _check_status(status, allow_open=True)
            stmt = stmt.where(PredictionRow.status == status)
        return list(self._rows(stmt.order_by(PredictionRow.made.is_(None), PredictionRow.made, PredictionRow.id)))

    def resolve_prediction(self, prediction_id: str, status: str, note: str | None = None) -> dict[str, Any]:
        """Mark a prediction as came-true or did-not (or open again), with a note; returns the updated prediction."""
        _check_status(status, allow_open=True)
        resolved_at = None if status == "open" else rows.now()
        with self.engine.begin() as conn:
            done = conn.execute(update(PredictionRow).where(PredictionRow.id == prediction_id)
                                .values(status=status, note=note, resolved_at=resolved_at))
            if done.rowcount == 0:
                raise StoreError(f"no prediction with id {prediction_id!r} in {self.url}; "
                                 "`newsprism predictions list` shows the ids")
            row = conn.execute(select(*_PREDICTION_COLUMNS).where(PredictionRow.id == prediction_id)).mappings().one()
        return dict(row)


def _check_status(status: str, allow_open: bool) -> None:
    allowed = STATUSES if allow_open else STATUSES[1:]
    if status not in allowed:
        raise StoreError(f"prediction status {status!r} is not one of {', '.join(allowed)}")
