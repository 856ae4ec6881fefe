"""Scoring the rhetoric stage on SemEval-2020 Task 11 data (PTC layout: articles/*.txt, labels-SI.tsv, labels-TC.tsv).

* **SI** (span identification): the task's character-overlap scores. With S the predicted
  and T the gold spans of all articles (overlapping spans of one side merged first, as the
  official scorer does), ``P = Σ_{s,t} |s∩t| / |s| / |S|`` and ``R = Σ_{s,t} |s∩t| / |t| / |T|``
  (s and t of the same article), ``F1 = 2PR / (P + R)``.
* **TC** (technique classification given the gold spans): a span with k gold lines gets the
  k most probable techniques; micro-F1 = correct lines / gold lines (precision and recall
  are equal because one label is predicted per gold line).

``evaluate`` scores the shipped model; ``cross_validate`` trains on the other folds of the
articles and scores each held-out fold (folds drawn with a fixed seed).
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import NewsprismError

log = logging.getLogger(__name__)

TARGETS = {"si_f1": 0.35, "tc_micro_f1": 0.55}
SpanPairs = Sequence[tuple[int, int]]


@dataclass
class PTCArticle:
    id: str
    text: str
    si: list[tuple[int, int]]
    tc: list[tuple[int, int, str]]


def read_ptc(directory: str | Path) -> list[PTCArticle]:
    """The articles and gold spans of a PTC directory, sorted by article id."""
    root = Path(directory)
    articles_dir = root / "articles"
    if not articles_dir.is_dir():
        raise NewsprismError(f"{root} has no articles/ folder; give --data a SemEval-2020 Task 11 (PTC) directory")
    si: dict[str, list[tuple[int, int]]] = defaultdict(list)
    tc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for name, width in (("labels-SI.tsv", 3), ("labels-TC.tsv", 4)):
        path = root / name
        if not path.exists():
            raise NewsprismError(f"{path} is missing; a PTC directory holds labels-SI.tsv and labels-TC.tsv")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != width:
                raise NewsprismError(f"{path}:{n} has {len(parts)} columns, expected {width}")
            if width == 3:
                si[parts[0]].append((int(parts[1]), int(parts[2])))
            else:
                tc[parts[0]].append((int(parts[2]), int(parts[3]), parts[1]))
    out = []
    for path in sorted(articles_dir.glob("article*.txt")):
        doc_id = path.stem.removeprefix("article")
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        out.append(PTCArticle(doc_id, text, sorted(si.get(doc_id, [])), sorted(tc.get(doc_id, []))))
    if not out:
        raise NewsprismError(f"{articles_dir} holds no article*.txt files")
    return out


# --------------------------------------------------------------------------- scorers

def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def si_scores(gold: Mapping[str, SpanPairs], pred: Mapping[str, SpanPairs]) -> dict[str, float]:
    """Character-overlap precision, recall and F1 of predicted spans against gold spans, per article id."""
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for doc_id in set(gold) | set(pred):
        g = merge_spans(gold.get(doc_id, []))
        p = merge_spans(pred.get(doc_id, []))
        n_gold += len(g)
        n_pred += len(p)
        for ps, pe in p:
            for gs, ge in g:
                inter = min(pe, ge) - max(ps, gs)
                if inter > 0:
                    p_num += inter / (pe - ps)
                    r_num += inter / (ge - gs)
    precision = p_num / n_pred if n_pred else 0.0
    recall = r_num / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def tc_predictions(gold: Sequence[tuple[int, int, str]], probs_by_span: Mapping[tuple[int, int], np.ndarray],
                   classes: Sequence[str]) -> list[tuple[str, str]]:
    """(gold, predicted) technique pairs: each distinct span gets as many top techniques as it has gold lines."""
    lines: dict[tuple[int, int], list[str]] = defaultdict(list)
    for s, e, t in gold:
        lines[(s, e)].append(t)
    pairs = []
    for span, golds in lines.items():
        ranked = [classes[k] for k in np.argsort(-probs_by_span[span])[:len(golds)]]
        remaining = Counter(ranked)
        matched = []
        for g in golds:
            if remaining[g] > 0:
                remaining[g] -= 1
                matched.append((g, g))
            else:
                matched.append((g, ""))
        leftovers = list(remaining.elements())
        pairs += [(g, p if p else leftovers.pop()) for g, p in matched]
    return pairs


def tc_scores(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    correct = sum(g == p for g, p in pairs)
    micro = correct / len(pairs) if pairs else 0.0
    per: dict[str, dict[str, float]] = {}
    for t in sorted({g for g, _ in pairs} | {p for _, p in pairs}):
        tp = sum(g == t and p == t for g, p in pairs)
        n_pred = sum(p == t for _, p in pairs)
        n_gold = sum(g == t for g, _ in pairs)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        per[t] = {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
                  "support": n_gold}
    return {"micro_f1": micro, "examples": len(pairs), "per_technique": per}


# --------------------------------------------------------------------------- parsing (cached)

def parse_articles(articles: Sequence[PTCArticle], settings) -> list:
    """spaCy docs of the articles, cached as a DocBin in the cache directory (keyed by model and texts)."""
    from spacy.tokens import DocBin

    from ..nlp.pipeline import load_pipeline

    nlp = load_pipeline(settings.spacy_model)
    key = hashlib.sha256(settings.spacy_model.encode())
    key.update(" ".join(nlp.pipe_names).encode())  # a component added to the pipeline (sentence rules) parses anew
    for a in articles:
        key.update(a.text.encode("utf-8"))
    path = settings.cache_path / "rhetoric" / f"ptc-{key.hexdigest()[:16]}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(articles):
            return docs
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    log.info("parsed %d articles (cached in %s)", len(docs), path)
    return docs


# --------------------------------------------------------------------------- drivers

def _score_fold(model, items: Sequence[tuple[PTCArticle, Any]]) -> tuple[dict, dict, list]:
    from ..extract.rhetoric import detect
    from ..extract.rhetoric_features import doc_features, span_features

    gold_si, pred_si, pairs = {}, {}, []
    for article, doc in items:
        gold_si[article.id] = article.si
        pred_si[article.id] = [(r.start, r.end) for r in detect(doc, model)]
        spans = sorted({(s, e) for s, e, _ in article.tc})
        if spans:
            df = doc_features(doc)
            probs = model.tc.proba([span_features(df, s, e) for s, e in spans])
            pairs += tc_predictions(article.tc, dict(zip(spans, probs, strict=True)), model.tc.classes)
    return gold_si, pred_si, pairs


def evaluate(directory: str | Path, settings, model=None) -> dict[str, Any]:
    """Scores of a model (the shipped one by default) on every article of ``directory``."""
    from ..extract.rhetoric_model import shipped_model

    articles = read_ptc(directory)
    docs = parse_articles(articles, settings)
    gold_si, pred_si, pairs = _score_fold(model or shipped_model(), list(zip(articles, docs, strict=True)))
    return _metrics(articles, gold_si, pred_si, pairs, folds=0)


def cross_validate(directory: str | Path, settings, folds: int = 5, seed: int = 13, tune_folds: int = 3) -> dict[str, Any]:
    """Train on the other folds and score each held-out fold; the folds are drawn over articles with ``seed``."""
    from ..extract.rhetoric_train import FeatureSpace, prepare, train

    if folds < 2:
        raise NewsprismError(f"--folds {folds}: cross-validation needs at least 2 folds")
    articles = read_ptc(directory)
    docs = parse_articles(articles, settings)
    space = FeatureSpace()
    prepared = [prepare(a.id, d, a.si, a.tc, space) for a, d in zip(articles, docs, strict=True)]
    order = np.random.default_rng(seed).permutation(len(articles))
    gold_si: dict = {}
    pred_si: dict = {}
    pairs: list = []
    for k in range(folds):
        held = set(order[k::folds].tolist())
        model = train([p for i, p in enumerate(prepared) if i not in held], space, seed=seed, tune_folds=tune_folds)
        g, p, tc = _score_fold(model, [(articles[i], docs[i]) for i in sorted(held)])
        gold_si.update(g)
        pred_si.update(p)
        pairs += tc
        log.info("fold %d/%d: SI F1 %.3f", k + 1, folds, si_scores(g, p)["f1"])
    return _metrics(articles, gold_si, pred_si, pairs, folds=folds, seed=seed)


def _metrics(articles, gold_si, pred_si, pairs, *, folds: int, seed: int | None = None) -> dict[str, Any]:
    si = si_scores(gold_si, pred_si)
    tc = tc_scores(pairs)
    words = sum(len(a.text.split()) for a in articles)
    n_pred = sum(len(v) for v in pred_si.values())
    out: dict[str, Any] = {
        "articles": len(articles),
        "folds": folds,
        "si_precision": si["precision"],
        "si_recall": si["recall"],
        "si_f1": si["f1"],
        "tc_micro_f1": tc["micro_f1"],
        "tc_examples": tc["examples"],
        "predicted_spans_per_1000_words": 1000 * n_pred / max(words, 1),
        "gold_spans_per_1000_words": 1000 * sum(len(a.si) for a in articles) / max(words, 1),
        "per_technique": tc["per_technique"],
    }
    if seed is not None:
        out["seed"] = seed
    return out


def markdown(metrics: Mapping[str, Any], command: str) -> str:
    """The docs/quality.md section of a run."""
    from .report import metrics_table

    top = {k: v for k, v in metrics.items() if k not in ("per_technique",)}
    how = (f"{metrics['folds']}-fold cross-validation over articles (seed {metrics.get('seed')}): each fold scored by a model "
           "trained on the other folds" if metrics["folds"] else
           "the shipped model, which was trained on these articles: in-sample, optimistic")
    lines = [
        "## rhetoric", "",
        f"`{command}` — SemEval-2020 Task 11 (PTC) articles; {how}. SI: the task's character-overlap "
        "precision/recall over all spans the stage emits; TC: micro-F1 of the technique given the gold spans.", "",
        metrics_table(top, TARGETS), "",
        "| technique | precision | recall | F1 | gold lines |", "|---|---|---|---|---|",
    ]
    for t, m in metrics["per_technique"].items():
        lines.append(f"| {t} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    return "\n".join(lines)
