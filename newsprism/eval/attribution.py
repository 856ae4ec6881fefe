"""Scoring attribution (source, cue, content spans) against PolNeAR's brat standoff files.

Layout: ``DIR/text/<article>.txt`` and ``DIR/attributions/<article>_<annotator>.ann``;
where an article has several ``.ann`` files, the one whose name sorts first is the gold.

Per role, spans are compared two ways:

- exact: the same offsets after trimming white space and quote marks off both ends;
- overlap: the spans share at least one character; each gold span is matched at most once
  (greedily, predicted spans in text order, each to the first unmatched gold span it overlaps).

A discontinuous gold span (fragments joined by ``;``) counts as its fragments for overlap and as
the range from its first to its last character for exact matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NewsprismError

ROLES = ("source", "cue", "content")
QUOTES = "\"'“”‘’«»„ \t\n"
_T_LINE = re.compile(r"^T\d+\t")


@dataclass(frozen=True)
class GoldSpan:
    fragments: tuple[tuple[int, int], ...]

    @property
    def hull(self) -> tuple[int, int]:
        return self.fragments[0][0] if False else min(f[0] for f in self.fragments), max(f[1] for f in self.fragments)


@dataclass
class GoldArticle:
    name: str
    text: str
    spans: dict[str, list[GoldSpan]] = field(default_factory=lambda: {r: [] for r in ROLES})


def read_ann(text: str, ann: str) -> dict[str, list[GoldSpan]]:
    """The Source, Cue and Content (and Content2, as content) spans of one ``.ann`` file."""
    spans: dict[str, list[GoldSpan]] = {r: [] for r in ROLES}
    for line in ann.splitlines():
        if not _T_LINE.match(line):
            continue
        parts = line.split("\t")
        head = parts[1].split(" ", 1)
        role = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}.get(head[0])
        if role is None or len(head) < 2:
            continue
        fragments = []
        for frag in head[1].split(";"):
            start, end = (int(x) for x in frag.split())
            fragments.append((start, end))
        spans[role].append(GoldSpan(tuple(fragments)))
    return spans


def load_polnear(directory: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """The gold articles of a PolNeAR split directory, sorted by name."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise NewsprismError(f"{root} does not hold text/ and attributions/; point --data at a PolNeAR split, "
                             f"e.g. ../shared/eval/attribution/polnear/data/dev")
    anns: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        anns.setdefault(article, path)
    out = []
    for article, ann_path in sorted(anns.items()):
        txt = text_dir / f"{article}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        with open(txt, encoding="utf-8", newline="") as fh:
            text = fh.read()
        out.append(GoldArticle(article, text, read_ann(text, ann_path.read_text(encoding="utf-8"))))
        if limit is not None and len(out) >= limit:
            break
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in QUOTES:
        start += 1
    while end > start and text[end - 1] in QUOTES:
        end -= 1
    return start, end


@dataclass
class Counts:
    tp_exact: int = 0
    tp_overlap: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_exact += other.tp_exact
        self.tp_overlap += other.tp_overlap
        self.predicted += other.predicted
        self.gold += other.gold


def score_role(text: str, predicted: Iterable[tuple[int, int]], gold: list[GoldSpan]) -> Counts:
    pred = sorted(set(predicted))
    counts = Counts(predicted=len(pred), gold=len(gold))
    gold_exact = {_trim(text, *g.hull) for g in gold}
    counts.tp_exact = len({_trim(text, *p) for p in pred} & gold_exact)
    used: set[int] = set()
    for start, end in pred:
        for k, g in enumerate(gold):
            if k not in used and any(fs < end and start < fe for fs, fe in g.fragments):
                used.add(k)
                counts.tp_overlap += 1
                break
    return counts


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def metrics(counts: dict[str, Counts]) -> dict[str, float | int]:
    out: dict[str, float | int] = {}
    for role in ROLES:
        c = counts[role]
        for how, tp in (("overlap", c.tp_overlap), ("exact", c.tp_exact)):
            p, r, f = prf(tp, c.predicted, c.gold)
            out[f"{role} {how} P"] = p
            out[f"{role} {how} R"] = r
            out[f"{role} {how} F1"] = f
    for role in ROLES:
        out[f"{role} gold"] = counts[role].gold
        out[f"{role} predicted"] = counts[role].predicted
    return out


def score_articles(pairs: Iterator[tuple[GoldArticle, dict[str, list[tuple[int, int]]]]]) -> dict[str, float | int]:
    """Metrics over (gold article, predicted spans per role) pairs."""
    totals = {r: Counts() for r in ROLES}
    n = 0
    for gold, predicted in pairs:
        n += 1
        for role in ROLES:
            totals[role].add(score_role(gold.text, predicted.get(role, []), gold.spans[role]))
    result = metrics(totals)
    result["articles"] = n
    return result


# --------------------------------------------------------------------------- through the pipeline

TARGETS = {"source overlap F1": 0.80, "cue overlap F1": 0.80, "content overlap F1": 0.80}


def evaluate(directory: str | Path, settings, limit: int | None = None) -> dict[str, float | int]:
    """Run the entities and claims stages over a PolNeAR split and score the claims' spans."""
    from ..api import analyze_articles
    from ..model import Article

    golds = load_polnear(directory, limit)
    settings = settings.replace(stages=("entities", "claims"))
    articles = [Article(id=g.name, text=g.text, source=g.name) for g in golds]

    def pairs() -> Iterator[tuple[GoldArticle, dict[str, list[tuple[int, int]]]]]:
        for gold, analysis in zip(golds, analyze_articles(articles, settings), strict=True):
            attributed = [c for c in analysis.claims if c.cue is not None]
            yield gold, {
                "source": [(c.source.start, c.source.end) for c in attributed if c.source is not None],
                "cue": [(c.cue.start, c.cue.end) for c in attributed if c.cue is not None],
                "content": [(c.content.start, c.content.end) for c in attributed],
            }

    return score_articles(pairs())


def markdown(metrics: dict[str, float | int], data: str, command: str) -> str:
    from .report import metrics_table

    rows = {k: v for k, v in metrics.items() if k.endswith(("F1", " P", " R")) or k == "articles"}
    return (
        "## Attribution (claims: source, cue, content)\n\n"
        f"Data: PolNeAR split `{data}` (gold: the first `.ann` per article by name). Claims in the author's own voice "
        "have no cue and are not scored. Exact: same offsets after trimming spaces and quote marks; overlap: at least one "
        "shared character, each gold span matched once.\n\n"
        f"Command: `{command}`\n\n" + metrics_table(rows, TARGETS)
    )
