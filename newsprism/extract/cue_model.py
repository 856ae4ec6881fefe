"""A learned cue detector: how likely a word is to introduce what someone says, thinks or wants.

A logistic model over features of a token and its place in the parse (lemma, tags,
dependents, quotation marks, the cue lexicon's hint). It widens the cue lexicon to the
long tail of reporting verbs and nouns ("mocked", "wants", "refused") and keeps a lexicon
verb from counting where it reports nothing. The weights live in
``models/cues.v1.json``, trained by ``scripts/train_attribution.py`` on the train split of
PolNeAR (see docs/model-card-claims.md); without the file, the lexicon alone decides.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from typing import TYPE_CHECKING, Any

from .claim_lexicons import ClaimLexicons

if TYPE_CHECKING:
    from spacy.tokens import Token

MODEL_FILE = "cues.v1.json"
CANDIDATE_POS = frozenset({"VERB", "NOUN", "AUX", "ADJ"})


def is_candidate(tok: Token) -> bool:
    return tok.pos_ in CANDIDATE_POS and tok.dep_ not in ("aux", "auxpass", "compound", "det") and tok.is_alpha


def features(tok: Token, lex: ClaimLexicons, in_quote: bool) -> dict[str, float]:
    """Named features of a candidate token (binary unless said otherwise)."""
    lemma = tok.lemma_.lower()
    deps = {c.dep_ for c in tok.children}
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    cue = lex.verb_cues.get(lemma) if tok.pos_ in ("VERB", "AUX") else lex.noun_cues.get(lemma)
    head = tok.head
    f: dict[str, float] = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"pos={tok.pos_}": 1.0,
        f"tag={tok.tag_}": 1.0,
        f"dep={tok.dep_}": 1.0,
        f"lemma={lemma}|dep={tok.dep_}": 1.0,
        f"head_pos={head.pos_}": 1.0,
        f"head_lemma={head.lemma_.lower()}": 1.0 if head is not tok else 0.0,
        f"in_quote={in_quote}": 1.0,
        f"lexicon={cue.kind if cue else 'none'}": 1.0,
        f"lexicon={cue.kind if cue else 'none'}|pos={tok.pos_}": 1.0,
    }
    for dep in deps:
        f[f"child={dep}"] = 1.0
        f[f"lemma={lemma}|child={dep}"] = 1.0
    if subj is not None:
        f[f"subj_pos={subj.pos_}"] = 1.0
        if subj.pos_ == "NOUN":
            f[f"subj_lemma={subj.lemma_.lower()}"] = 1.0
        f[f"lemma={lemma}|subj_ent={subj.ent_type_ or subj.pos_}"] = 1.0
        f[f"subj_ent={subj.ent_type_ or 'none'}"] = 1.0
        f[f"subj_lower={subj.lower_}"] = 1.0 if subj.pos_ == "PRON" else 0.0
    f[f"head_dep={tok.dep_}|head_lemma={head.lemma_.lower()}"] = 1.0 if tok.dep_ in ("xcomp", "pcomp", "pobj") else 0.0
    for child in tok.children:
        if child.dep_ in ("dobj", "obj", "prt"):
            f[f"{child.dep_}_lemma={child.lemma_.lower()}"] = 1.0
        if child.dep_ == "xcomp":
            f[f"lemma={lemma}|xcomp"] = 1.0
        if child.dep_ == "prep":
            f[f"prep={child.lower_}"] = 1.0
            f[f"lemma={lemma}|prep={child.lower_}"] = 1.0
        if child.dep_ == "mark" or (child.dep_ == "ccomp" and any(g.dep_ == "mark" for g in child.children)):
            f["that_clause"] = 1.0
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if nxt is not None:
        f[f"next={nxt.lower_ if nxt.is_punct or nxt.pos_ in ('ADP', 'SCONJ', 'PART') else nxt.pos_}"] = 1.0
    if prev is not None:
        f[f"prev={prev.lower_ if prev.is_punct or prev.pos_ in ('ADP', 'PART', 'AUX') else prev.pos_}"] = 1.0
    return {k: v for k, v in f.items() if v}


@functools.lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    path = resources.files("newsprism.extract").joinpath("models", MODEL_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except FileNotFoundError:
        return None


def probability(feats: dict[str, float], model: dict[str, Any]) -> float:
    weights = model["weights"]
    z = sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
