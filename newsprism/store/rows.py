"""Records to table rows and back: an Analysis flattened into one row per article, event, claim and rhetoric span."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from ..model import Analysis, Article, Claim, Count, Event, Rejection, from_dict, to_dict


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(article: Article) -> str:
    """The article's content hash (computed from the text when the reader left it empty)."""
    return article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def prediction_id(article_hash: str, claim: Claim) -> str:
    """A stable id for the prediction made by ``claim`` in the article with ``article_hash``.

    It depends only on the article's text (its hash) and where the prediction sits in it, so re-ingesting or
    re-fusing the same article gives the same id, and a resolved prediction keeps its status.
    """
    key = f"{article_hash}:{claim.content.start}:{claim.content.end}"
    return "p-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def rejection_key(rejection: Rejection) -> str:
    key = "\x1f".join((rejection.input, rejection.stage, rejection.code, rejection.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def article_row(analysis: Analysis, ingested_at: str) -> dict[str, Any]:
    article = analysis.article
    data = to_dict(analysis)
    data["article"]["text"] = None  # kept once, in the text column
    published = article.date_base
    return {
        "content_hash": content_hash(article),
        "article_id": analysis.id,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": published,
        "published_date": published[:10] if published else None,
        "language": article.language,
        "source": article.source,
        "text": article.text,
        "analysis": data,
        "schema_version": analysis.schema_version,
        "ingested_at": ingested_at,
    }


def analysis_from_row(text: str, data: dict[str, Any]) -> Analysis:
    data = dict(data)
    data["article"] = {**data["article"], "text": text}
    return from_dict(Analysis, data)


def _count(prefix: str, count: Count | None) -> dict[str, int | None]:
    if count is None:
        return {f"{prefix}_low": None, f"{prefix}_high": None, f"{prefix}_best": None}
    return {f"{prefix}_low": count.low, f"{prefix}_high": count.high, f"{prefix}_best": count.best}


def event_row(event: Event, article_pk: int, outlet: str | None) -> dict[str, Any]:
    place = event.place
    value = event.date.value if event.date else None
    return {
        "article_pk": article_pk,
        "event_id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover_type": event.plover_type,
        "event_date": value[:10] if value else None,
        "date_precision": event.date.precision if event.date else None,
        "country": place.country_name if place else None,
        "iso3": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": (place.resolved_name or place.name) if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.precision if place else None,
        **_count("fatalities", event.fatalities),
        **_count("injured", event.injured),
        **_count("arrested", event.arrested),
        "actor1": event.actor1.name if event.actor1 else None,
        "inter1": event.actor1.inter if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "inter2": event.actor2.inter if event.actor2 else None,
        "reported_by": event.reported_by.name if event.reported_by else None,
        "reported_by_kind": event.reported_by.kind if event.reported_by else None,
        "certainty": event.certainty,
        "confidence": event.confidence,
        "outlet": outlet,
        "trigger_start": event.trigger.start if event.trigger else None,
        "trigger_end": event.trigger.end if event.trigger else None,
    }


def claim_row(claim: Claim, article_pk: int, article: Article) -> dict[str, Any]:
    published = article.date_base
    return {
        "article_pk": article_pk,
        "claim_id": claim.id,
        "speaker_name": claim.speaker.name,
        "speaker_kind": claim.speaker.kind,
        "kind": claim.kind,
        "certainty": claim.certainty,
        "cue": claim.cue.text if claim.cue else None,
        "content": claim.content.text,
        "content_start": claim.content.start,
        "content_end": claim.content.end,
        "channel": claim.channel.name if claim.channel else None,
        "direct": claim.direct,
        "checkworthiness": claim.checkworthiness,
        "outlet": article.outlet,
        "published_date": published[:10] if published else None,
    }


def prediction_row(claim: Claim, article_pk: int, article_hash: str, article: Article) -> dict[str, Any]:
    published = article.date_base
    return {
        "id": prediction_id(article_hash, claim),
        "article_pk": article_pk,
        "claim_id": claim.id,
        "speaker_name": claim.speaker.name,
        "speaker_kind": claim.speaker.kind,
        "content": claim.content.text,
        "content_start": claim.content.start,
        "content_end": claim.content.end,
        "certainty": claim.certainty,
        "outlet": article.outlet,
        "made": published[:10] if published else None,
        "horizon": None,
        "horizon_date": None,
        "status": "open",
        "note": None,
        "resolved_at": None,
    }


def rhetoric_rows(analysis: Analysis, article_pk: int) -> list[dict[str, Any]]:
    return [
        {"article_pk": article_pk, "technique": r.technique, "start": r.start, "end": r.end, "text": r.text,
         "confidence": r.confidence}
        for r in analysis.rhetoric
    ]


def rejection_row(rejection: Rejection, article_hash: str | None, created_at: str) -> dict[str, Any]:
    return {
        "key": rejection_key(rejection),
        "input": rejection.input,
        "stage": rejection.stage,
        "code": rejection.code,
        "message": rejection.message,
        "content_hash": article_hash,
        "created_at": created_at,
    }
