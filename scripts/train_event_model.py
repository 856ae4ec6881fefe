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
    parser.add_argument("--c", type=float, default=20.0)
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
    meta = {
        "name": event_model.MODEL_NAME,
        "trained_on": Path(args.data).name,
        "records": len(train),
        "split": "all" if args.all else "train (records where is_heldout(id) is false)",
        "c": args.c,
        "rule_tokens": True,
        "first_sentences": args.sentences,
        "classes": {k: dict(Counter(v)) for k, v in targets.items()},
    }
    names = event_model.capitalised_words(r["text"] for r in train)
    meta["excluded_name_words"] = len(names)
    model = event_model.train(texts, targets, meta, c=args.c, names=names)
    model.save(Path(args.out))
    print(f"trained on {len(train)} records, {len(model.vocabulary)} features -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
