"""The prediction ledger: every claim of kind "prediction", who made it, when, and for when.

A prediction's id depends only on the article's text (its content hash) and the
offsets of the claim's content, so re-analysing or re-fusing gives the same id and
a prediction resolved in the store keeps its status (the same formula as
``newsprism.store.prediction_id``; a test keeps the two in step).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from ..model import Analysis, Article, Claim, DateRef, Prediction, Span
from .cluster import outlet_label
from .config import FuseConfig, default_config


def article_hash(article: Article) -> str:
    return article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def prediction_id(article: Article, claim: Claim) -> str:
    key = f"{article_hash(article)}:{claim.content.start}:{claim.content.end}"
    return "p-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _made(article: Article) -> str | None:
    base = article.date_base
    return base[:10] if base else None


def _horizon_from_dates(claim: Claim, dates: Sequence[DateRef], made: str | None) -> DateRef | None:
    """A resolved date inside the claim's content that lies after the day it was made."""
    start, end = claim.content.start, claim.content.end
    for ref in dates:
        if start <= ref.span.start and ref.span.end <= end and ref.value:
            if made is None or ref.value[:10] > made:
                return ref
    return None


def _horizon_from_words(text: str, claim: Claim, cfg: FuseConfig) -> Span | None:
    content = claim.content
    for pattern in cfg.horizon_patterns:
        match = pattern.search(text, content.start, content.end)
        if match:
            return Span.of(text, match.start(), match.end())
    return None


def _latest_day(ref: DateRef) -> str | None:
    value = ref.value
    if not value:
        return None
    if ref.precision == "year" or len(value) == 4:
        return f"{value[:4]}-12-31"
    if ref.precision == "month" or len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1).isoformat()
    return value[:10]


def prediction_ledger(analyses: Sequence[Analysis], cfg: FuseConfig | None = None) -> list[Prediction]:
    """One ledger entry per prediction claim, in article order; status "open"."""
    cfg = cfg or default_config()
    out: list[Prediction] = []
    seen: set[str] = set()
    for analysis in analyses:
        article = analysis.article
        made = _made(article)
        for claim in analysis.claims:
            if claim.kind != "prediction":
                continue
            pid = prediction_id(article, claim)
            if pid in seen:
                continue
            seen.add(pid)
            horizon: str | None = None
            horizon_span: Span | None = None
            horizon_date: str | None = None
            ref = _horizon_from_dates(claim, analysis.dates, made)
            if ref is not None:
                horizon, horizon_span, horizon_date = ref.span.text, ref.span, _latest_day(ref)
            else:
                horizon_span = _horizon_from_words(article.text, claim, cfg)
                horizon = horizon_span.text if horizon_span else None
            out.append(Prediction(
                id=pid,
                speaker=claim.speaker,
                content=claim.content,
                article_id=analysis.id,
                claim_id=claim.id,
                made=made,
                outlet=outlet_label(article),
                horizon=horizon,
                horizon_span=horizon_span,
                horizon_date=horizon_date,
                certainty=claim.certainty,
            ))
    return out
