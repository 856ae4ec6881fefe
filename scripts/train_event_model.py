"""Train the event classifier (newsprism/extract/models/events.v1.*) on ACLED notes.

    .venv/bin/python scripts/train_event_model.py [--data ../shared/eval/events/acled.jsonl] [--all]

By default the records of the fixed held-out split (:func:`newsprism.extract.event_model.is_heldout`,
one fifth of the ids by hash) are left out, so that ``newsprism eval events`` scores the shipped model on
records it never saw. ``--all`` trains on everything (then report no held-out numbers). Texts are masked
(entities and numbers replaced by placeholders) so the model cannot memorise places, actors or names.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path

from newsprism.extract import event_model
from newsprism.extract.events import lexicons
from newsprism.nlp.pipeline import load_pipeline
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/eval/events/acled.jsonl"))
    parser.add_argument("--out", default=str(ROOT / "newsprism/extract/models"))
    parser.add_argument("--all", action="store_true", help="train on every record (no held-out split)")
    parser.add_argument("--c", type=float, default=None,
                        help="inverse regularisation; default: chosen from --c-grid by cross-validation on the training part")
    parser.add_argument("--c-grid", default="5,10,20,50", help="the values of C that cross-validation compares")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (stratified, fixed seed)")
    parser.add_argument("--sentences", action=argparse.BooleanOptionalAction, default=False,
                        help="also train on the first sentence of each longer note (tried: no gain on the held-out split)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    records = [json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line.strip()]
    train = [r for r in records if args.all or not event_model.is_heldout(r["id"])]
    nlp = load_pipeline(Settings.load(env={}).spacy_model)
    docs = nlp.pipe((r["text"] for r in train), batch_size=256, disable=["parser", "lemmatizer"])
    texts = event_model.training_texts(docs)
    lower_rules = [(r.kind, r.lower) for r in lexicons().rules]
    for n, record in enumerate(train):
        prefix = event_model.CODER_PREFIX.match(record["text"])
        low = record["text"][prefix.end() if prefix else 0:].lower()
        texts[n] = event_model.with_rules(texts[n], {kind for kind, rx in lower_rules if rx.search(low)})
    targets = {
        "sub_event_type": [r["gold"]["sub_event_type"] for r in train],
        "inter1": [int(r["gold"]["inter1"]) for r in train],
    }
    if args.sentences:  # the first sentence of a longer note as a second example with the note's labels
        for text, record in zip(list(texts), train, strict=True):
            head = event_model.first_sentence(text)
            if head is not None:
                texts.append(head)
                targets["sub_event_type"].append(record["gold"]["sub_event_type"])
                targets["inter1"].append(int(record["gold"]["inter1"]))
    names = event_model.capitalised_words(r["text"] for r in train)
    cv_scores: dict[str, float] = {}
    if args.c is None:
        grid = [float(c) for c in args.c_grid.split(",")]  # the notes only, not the extra first sentences
        cv_scores = cross_validate(texts[:len(train)], targets["sub_event_type"][:len(train)], names, grid, args.folds)
        args.c = float(max(cv_scores, key=lambda c: (cv_scores[c], -float(c))))
        print(f"C chosen by {args.folds}-fold cross-validation on the training part: {args.c} {cv_scores}", file=sys.stderr)
    meta = {
        "name": event_model.MODEL_NAME,
        "trained_on": Path(args.data).name,
        "records": len(train),
        "split": "all" if args.all else "train (records where is_heldout(id) is false)",
        "c": args.c,
        "c_chosen_by": f"{args.folds}-fold stratified cross-validation on the training part, sub_event_type macro-F1"
                       if cv_scores else "given",
        "cv_sub_event_type_macro_f1": cv_scores,
        "rule_tokens": True,
        "first_sentences": args.sentences,
        "classes": {k: dict(Counter(v)) for k, v in targets.items()},
    }
    meta["excluded_name_words"] = len(names)
    model = event_model.train(texts, targets, meta, c=args.c, names=names)
    model.save(Path(args.out))
    print(f"trained on {len(train)} records, {len(model.vocabulary)} features -> {args.out}", file=sys.stderr)
    return 0


def cross_validate(texts: list[str], labels: list[str], names: frozenset[str], grid: list[float],
                   folds: int) -> dict[str, float]:
    """Sub-type macro-F1 of each C by stratified k-fold cross-validation (fixed seed) on the training texts only."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    y = np.array(labels)
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, y))
    scores = {}
    for c in grid:
        pred = np.empty(len(y), dtype=object)
        for train_idx, test_idx in splits:
            model = event_model.train([texts[i] for i in train_idx], {"s": [labels[i] for i in train_idx]}, {}, c=c,
                                      names=names)
            for i in test_idx:
                probs = model.predict("s", texts[i])
                pred[i] = max(probs, key=probs.__getitem__)
        scores[str(c)] = round(float(f1_score(y, pred, average="macro")), 4)
        logging.info("C=%s: cross-validated sub_event_type macro-F1 %s", c, scores[str(c)])
    return scores


if __name__ == "__main__":
    sys.exit(main())
