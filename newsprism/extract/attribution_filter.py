"""The second stage of attribution: accept or reject each whole candidate attribution.

The patterns of :mod:`.attribution` run with looser cue-model thresholds and keep the
attributions nested in another's content apart; this logistic model then scores each
candidate from what the whole attribution looks like (which pattern found it, the cue's
lemma and the cue model's probability, what kind of source it has, how long its content
is, quotation marks, whether it is nested, whether its sentence holds another one) and
keeps those at or above its threshold. The weights live in
``models/attribution_filter.v1.json``, trained by ``scripts/train_attribution.py --stage
filter`` on PolNeAR's train split (see docs/model-card-claims.md); without the file, the
first stage alone decides.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from importlib import resources
from typing import TYPE_CHECKING, Any

from .attribution_spans import Attribution, doc_text, in_any, sent_of
from .claim_lexicons import ClaimLexicons
from .quotes import quote_regions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_FILE = "attribution_filter.v1.json"
LENGTH_BINS = (1, 2, 3, 5, 8, 12, 20, 35, 60)


@functools.lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    path = resources.files("newsprism.extract").joinpath("models", MODEL_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except FileNotFoundError:
        return None


def _bin(n: int) -> int:
    return bisect.bisect_left(LENGTH_BINS, n)


def _token_at(doc: Doc, starts: list[int], char: int) -> Token:
    return doc[max(bisect.bisect_right(starts, char) - 1, 0)]


def candidate_features(doc: Doc, lex: ClaimLexicons, kept: list[Attribution], nested: list[Attribution]
                       ) -> list[dict[str, float]]:
    """Named features of each candidate, kept ones first, then the nested ones (binary unless said otherwise)."""
    text = doc_text(doc)
    regions = quote_regions(text)
    starts = [t.idx for t in doc]
    cands = [(a, False) for a in kept] + [(a, True) for a in nested]
    sents = [sent_of(_token_at(doc, starts, a.cue[0])).start for a, _ in cands]
    out = []
    for (att, is_nested), sent in zip(cands, sents, strict=True):
        tok = _token_at(doc, starts, att.cue[0])
        lemma = tok.lemma_.lower()
        pattern = att.pattern
        f: dict[str, float] = {
            "bias": 1.0,
            f"pattern={pattern}": 1.0,
            f"lemma={lemma}": 1.0,
            f"pattern={pattern}|lemma={lemma}": 1.0,
            f"kind={att.cue_kind}": 1.0,
            f"nested={is_nested}": 1.0,
            f"pattern={pattern}|nested={is_nested}": 1.0,
            f"unnamed={att.unnamed}": 1.0,
            f"tag={tok.tag_}": 1.0,
            f"dep={tok.dep_}": 1.0,
            f"lexicon={lemma in lex.verb_cues or lemma in lex.noun_cues}": 1.0,
            f"cue_words={_bin(len(text[att.cue[0]:att.cue[1]].split()))}": 1.0,
            f"channel={att.channel is not None}": 1.0,
        }
        if att.cue_prob is not None:
            f["cue_prob"] = att.cue_prob
            f[f"cue_prob_bin={int(att.cue_prob * 10)}"] = 1.0
            f[f"pattern={pattern}|cue_prob"] = att.cue_prob
        else:
            f["cue_prob=none"] = 1.0
        if att.content is not None:
            c0, c1 = att.content
            words = len(text[c0:c1].split())
            f[f"content_words={_bin(words)}"] = 1.0
            f[f"nested={is_nested}|content_words={_bin(words)}"] = 1.0
            f[f"content_quoted={in_any(att.content, regions)}"] = 1.0
            f[f"content_has_quote={any(s < c1 and c0 < e for s, e in regions)}"] = 1.0
            f[f"content_after_cue={c0 >= att.cue[1]}"] = 1.0
            f[f"content_sentences={min(text[c0:c1].count('. '), 3)}"] = 1.0
        else:
            f["content=none"] = 1.0
        f[f"cue_in_quote={any(s <= att.cue[0] < e for s, e in regions)}"] = 1.0
        f[f"nested={is_nested}|cue_in_quote={any(s <= att.cue[0] < e for s, e in regions)}"] = 1.0
        if att.source is not None and att.source_token is not None:
            src = doc[att.source_token]
            f[f"source_pos={src.pos_}"] = 1.0
            f[f"source_ent={src.ent_type_ or 'none'}"] = 1.0
            f[f"nested={is_nested}|source_pos={src.pos_}"] = 1.0
            if src.pos_ == "PRON":
                f[f"source_pron={src.lower_}"] = 1.0
            f[f"source_words={_bin(len(text[att.source[0]:att.source[1]].split()))}"] = 1.0
            f[f"source_after_cue={att.source[0] >= att.cue[1]}"] = 1.0
        else:
            f["source=none"] = 1.0
        others = sum(1 for s in sents if s == sent) - 1
        f[f"sentence_others={min(others, 2)}"] = 1.0
        out.append(f)
    return out


def probability(feats: dict[str, float], model: dict[str, Any]) -> float:
    weights = model["weights"]
    z = sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def select(doc: Doc, lex: ClaimLexicons, kept: list[Attribution], nested: list[Attribution],
           model: dict[str, Any]) -> list[Attribution]:
    """The candidates the model accepts, in text order of their cues."""
    cands = kept + nested
    feats = candidate_features(doc, lex, kept, nested)
    chosen = [a for a, f in zip(cands, feats, strict=True) if probability(f, model) >= model["threshold"]]
    return sorted(chosen, key=lambda a: a.cue)
