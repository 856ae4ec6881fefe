"""The fusion's records (``newsprism.model.Story``, ``Prediction``) as rows of the stories, story_events and
predictions tables. The whole story is kept as JSON, so whatever it carries comes back unchanged."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.engine import Connection

from ..model import to_dict
from .schema import ArticleRow, EventRow

_IN_CHUNK = 300


def _as_dict(record: Any) -> dict[str, Any]:
    data = to_dict(record)
    if not isinstance(data, dict):
        raise TypeError(f"a fusion record should be a dataclass or a dict, not {type(record).__name__}")
    return data


def _date(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("value")
    return value[:10] if isinstance(value, str) and value else None


def story_rows(stories: Iterable[Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for ``stories`` and ``story_events`` (members: ``EventRef(article_id, event_id)``)."""
    out, members = [], []
    for position, story in enumerate(stories):
        data = _as_dict(story)
        sid = str(data.get("id") or f"story-{position + 1}")
        place = data.get("place") or {}
        outlets = list(data.get("outlets") or [])
        out.append({
            "id": sid,
            "position": position,
            "event_type": data.get("event_type"),
            "sub_event_type": data.get("sub_event_type"),
            "story_date": _date(data.get("date")),
            "country": place.get("country_name"),
            "iso3": place.get("country"),
            "location": place.get("resolved_name") or place.get("name"),
            "latitude": place.get("latitude"),
            "longitude": place.get("longitude"),
            "corroboration": int(data.get("corroboration") or len(set(outlets))),
            "outlets": outlets,
            "data": data,
        })
        for member in data.get("members") or []:
            if isinstance(member, dict) and member.get("event_id") is not None:
                members.append({"story_id": sid, "article_id": member.get("article_id"), "event_id": str(member["event_id"])})
    return out, members


def resolve_members(conn: Connection, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Link each member to its stored event row (by article id or content hash, and event id) and its outlet."""
    keys = list({(m["article_id"], m["event_id"]) for m in members})
    found: dict[tuple[str, str], set[tuple[int, str | None]]] = {}
    for article_col in (ArticleRow.article_id, ArticleRow.content_hash):
        for i in range(0, len(keys), _IN_CHUNK):
            chunk = keys[i : i + _IN_CHUNK]
            stmt = (select(article_col, EventRow.event_id, EventRow.id, EventRow.outlet)
                    .join(ArticleRow, ArticleRow.id == EventRow.article_pk)
                    .where(tuple_(article_col, EventRow.event_id).in_(chunk)))
            for article_id, event_id, pk, outlet in conn.execute(stmt):
                found.setdefault((article_id, event_id), set()).add((pk, outlet))
    rows = []
    for member in members:
        matches = found.get((member["article_id"], member["event_id"]), set())
        # two stored articles with the same id: the link would be a guess, so it is left empty
        pk, outlet = next(iter(matches)) if len(matches) == 1 else (None, None)
        rows.append({**member, "event_pk": pk, "outlet": outlet})
    return rows


def prediction_rows(predictions: Iterable[Any]) -> list[dict[str, Any]]:
    """Ledger rows for the fusion's predictions; ``article_pk`` is filled in by the repository."""
    out = []
    for prediction in predictions:
        data = _as_dict(prediction)
        speaker = data.get("speaker") or {}
        content = data.get("content") or {}
        if isinstance(speaker, str):
            speaker = {"name": speaker}
        if isinstance(content, str):
            content = {"text": content}
        out.append({
            "id": str(data["id"]),
            "article_id": data.get("article_id"),
            "claim_id": data.get("claim_id"),
            "speaker_name": speaker.get("name") or "?",
            "speaker_kind": speaker.get("kind"),
            "content": content.get("text") or "",
            "content_start": content.get("start"),
            "content_end": content.get("end"),
            "certainty": data.get("certainty"),
            "outlet": data.get("outlet"),
            "made": _date(data.get("made")),
            "horizon": data.get("horizon"),
            "horizon_date": _date(data.get("horizon_date")),
        })
    return out


def article_pks(conn: Connection, article_ids: Iterable[str | None]) -> dict[str, int]:
    """Stored article primary keys by article id or content hash."""
    ids = [i for i in set(article_ids) if i]
    found: dict[str, int] = {}
    for col in (ArticleRow.article_id, ArticleRow.content_hash):
        for i in range(0, len(ids), _IN_CHUNK):
            for key, pk in conn.execute(select(col, ArticleRow.id).where(col.in_(ids[i : i + _IN_CHUNK]))):
                found.setdefault(key, pk)
    return found
