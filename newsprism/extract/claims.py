"""Stage 'claims': who says what, through which channel, how sure — and how check-worthy.

Reads the parse (and the entities found before it) and returns
``{"claims": [...], "sentences": [...]}``: the claims in text order with ids
``C1``, ``C2``, ... and the article's sentences with certainty, certainty cues
and check-worthiness filled in.

The attributions come from :mod:`.attribution`; a source is resolved to an
entity of the article (a pronoun to the nearest person named before it);
certainty comes from :mod:`.certainty`, check-worthiness from :mod:`.checkworthy`.
Sentences in the author's own voice that are evaluative, speculative or
predictive become claims whose speaker is the author.
"""

from __future__ import annotations

import bisect
import functools
import json
import logging
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..model import Channel, Claim, Entity, Sentence, Span, Speaker
from ..nlp.pipeline import ParsedArticle
from . import attribution as attr
from . import certainty as cert
from . import checkworthy
from .claim_lexicons import ClaimLexicons, load
from .entities import acronym_after

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

ENTITY_KIND_TO_SPEAKER = {"person": "person", "organisation": "organisation", "media": "media", "group": "collective",
                          "place": "organisation", "other": "organisation"}


def extract(parsed: ParsedArticle) -> dict[str, Any]:
    lex = load()
    doc = parsed.doc
    ctx = _Context(parsed, lex)
    claims: list[dict[str, Any]] = []
    covered: list[tuple[int, int]] = []
    for att in attr.find_attributions(doc, lex):
        if att.content is None or any(a < att.cue[1] and att.cue[0] < b for a, b in ctx.boilerplate):
            continue  # "Date: 2022-01-06" is a header line, not a claim
        claims.append(_claim_fields(ctx, att))
        covered.append((min(att.cue[0], att.content[0]), max(att.cue[1], att.content[1])))
    claims.extend(_author_claims(ctx, covered))
    claims.sort(key=lambda c: (c["content"].start, c["content"].end))
    out = [Claim(id=f"C{i}", **fields) for i, fields in enumerate(claims, 1)]
    sentences = [_sentence(ctx, s) for s in parsed.sentences]
    attr.release(doc)
    log.debug("claims: %d claims in %s", len(out), parsed.article.id)
    return {"claims": out, "sentences": sentences}


class _Context:
    """What the claim builders share for one article: the doc, lexicons, token lookup, entity mentions."""

    def __init__(self, parsed: ParsedArticle, lex: ClaimLexicons):
        self.parsed, self.doc, self.text, self.lex = parsed, parsed.doc, parsed.text, lex
        self.starts = [t.idx for t in parsed.doc]
        self.sents = list(parsed.doc.sents)
        self.quotes = attr.quote_regions(parsed.text)
        self.boilerplate = [(b.start, b.end) for b in parsed.article.boilerplate]
        self.person_speakers: list[tuple[int, Speaker]] = []  # named speakers so far, for a later "he said"
        self.body_speakers: list[tuple[int, Speaker]] = []  # organisations and media so far, for a later "it said"
        mentions: list[tuple[int, int, Entity]] = []
        for entity in parsed.entities:
            for m in entity.mentions:
                mentions.append((m.start, m.end, entity))
        mentions.sort(key=lambda m: m[0])
        self.mentions = mentions

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def tokens(self, start: int, end: int) -> list[Token]:
        lo = max(bisect.bisect_right(self.starts, start) - 1, 0)
        hi = bisect.bisect_left(self.starts, end)
        return [t for t in self.doc[lo:hi] if t.idx + len(t) > start and t.idx < end]

    def in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quotes)

    def at_place(self, start: int, end: int) -> bool:
        """Whether characters start..end overlap a mention the places stage resolved (the NER may call it a person)."""
        return any(a < end and start < b for a, b in self.place_spans)

    @functools.cached_property
    def place_spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for p in self.parsed.places if p.resolved for m in p.mentions]


# --------------------------------------------------------------------------- one attributed claim


def _claim_fields(ctx: _Context, att: attr.Attribution) -> dict[str, Any]:
    text = ctx.text
    speaker = _speaker(ctx, att)
    if speaker.kind == "person" and att.source is not None and ctx.text[att.source[0]:att.source[1]].lower() not in \
            ctx.lex.words("person_pronouns"):
        ctx.person_speakers.append((att.source[0], speaker))
    if speaker.kind in ("organisation", "media") and att.source is not None:
        ctx.body_speakers.append((att.source[0], speaker))
    content = ctx.span(*att.content)  # type: ignore[misc]
    direct = _directness(ctx, att.content)  # type: ignore[arg-type]
    tokens = ctx.tokens(*att.content)  # type: ignore[misc]
    cues = cert.find_cues(tokens, ctx.lex)
    cue_tokens = ctx.tokens(*att.cue)
    cues += [c for c in cert.find_cues(cue_tokens, ctx.lex) if c not in cues]
    level = cert.level_of(cues)
    if speaker.kind == "unnamed" and level == "certain":
        # an unnamed source ("it was reported") is itself a reason for doubt
        level = "probable"
        cues.append((att.cue[0], att.cue[1], "probable"))
    channel = None
    if att.channel is not None:
        name, start, end = att.channel
        channel = Channel(name=name, span=ctx.span(start, end))
    elif speaker.kind == "media" and att.source is not None:
        channel = Channel(name=speaker.name, span=ctx.span(*att.source))
    return {
        "speaker": speaker,
        "content": content,
        "source": ctx.span(*att.source) if att.source else None,
        "cue": Span.of(text, *att.cue),
        "direct": direct,
        "channel": channel,
        "kind": _kind(ctx, tokens, att.cue_kind, direct),
        "certainty": level,
        "certainty_cues": [ctx.span(s, e) for s, e, _ in sorted(cues)],
        "checkworthiness": round(checkworthy.score(tokens), 4),
    }


def _directness(ctx: _Context, content: tuple[int, int]) -> str:
    start, end = content
    inside = [(max(s, start), min(e, end)) for s, e in ctx.quotes if s < end and start < e]
    if not inside:
        return "indirect"
    quoted = sum(e - s for s, e in inside)
    return "direct" if quoted >= 0.9 * (end - start) else "mixed"


_PHRASES: dict[int, dict[str, list[tuple[str, ...]]]] = {}


def _phrase_index(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    key = id(phrases)
    if key not in _PHRASES:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(phrase.split())
            index.setdefault(words[0], []).append(words)
        _PHRASES[key] = index
    return _PHRASES[key]


def _has(tokens: list[Token], phrases: list[str]) -> bool:
    """Whether one of the phrases occurs in the tokens (each word matching a token's form or lemma)."""
    index = _phrase_index(phrases)
    lows = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    n = len(tokens)
    for i in range(n):
        for words in index.get(lows[i], []) + (index.get(lemmas[i], []) if lemmas[i] != lows[i] else []):
            k = len(words)
            if i + k <= n and all(lows[i + j] == words[j] or lemmas[i + j] == words[j] for j in range(k)):
                return True
    return False


def _kind(ctx: _Context, tokens: list[Token], cue_kind: str, direct: str | None) -> str:
    kinds = ctx.lex.kinds
    if cue_kind == "prediction" or _has(tokens, kinds["prediction"]):
        return "prediction"
    if _has(tokens, kinds["speculation_strong"]) or cue_kind == "speculation":
        return "speculation"
    if cue_kind == "opinion":
        return "opinion"
    if direct == "direct":
        return "quote"
    if _has(tokens, kinds["opinion"]):
        return "opinion"
    return "report"


# --------------------------------------------------------------------------- speakers


def _speaker(ctx: _Context, att: attr.Attribution) -> Speaker:
    lex, doc = ctx.lex, ctx.doc
    if att.source is None or att.source_token is None:
        return Speaker(name="unnamed source", kind="unnamed")
    tok = doc[att.source_token]
    low = tok.lower_
    source_text = ctx.text[att.source[0] : att.source[1]]
    if low in lex.words("relative_pronouns") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "the minister, who said": the noun the clause hangs on
        low = tok.lower_
    appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG")),
                 None)
    last = tok.right_edge.i - (1 if doc[tok.right_edge.i].text == "," else 0)
    appos = appos or next((t for t in tok.subtree if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ == "ORG"
                           and t.right_edge.i == last and doc[t.left_edge.i - 1].text == ","), None)
    if tok.pos_ == "NOUN" and appos is not None:
        tok, low = appos, appos.lower_  # "the interior minister, Mohsin Naqvi, said", "the U.N. agency for ..., UNRWA,
        # said": the name, not the title
    if low in ("we", "i", "us", "me") and not ctx.in_quote(tok.idx):
        authors = ctx.parsed.article.authors
        return Speaker(name=", ".join(authors) if authors else "author", kind="author")
    entity = _entity_at(ctx, tok.idx, tok.idx + len(tok))
    if entity is None and tok.pos_ in ("NOUN", "PROPN") and not (tok.tag_ in ("NNS", "NNPS") and low in
                                                                  lex.words("collective_heads")):
        # the name in the noun phrase before its head: "TASS news agency", "the Kremlin spokesman";
        # a nationality or group before it does not speak for the head ("Belarusian officials", "Labour activists")
        entity = _entity_at(ctx, doc[tok.left_edge.i].idx, tok.idx, kinds=("organisation", "media"))
        if entity is not None and _sponsor(ctx, entity, doc[tok.left_edge.i].idx, tok.idx):
            entity = None  # "the Hamas-run civil defence agency": the agency speaks, not Hamas
    if entity is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.words("organisation_heads"):
        # "data from network monitoring firm Kentik": the organisation named after the head
        entity = _entity_at(ctx, tok.idx, att.source[1], kinds=("organisation", "media"))
    if entity is None and low in lex.words("person_pronouns"):
        found_at = _previous_entity_at(ctx, tok.idx, ("person",))
        entity = found_at[1] if found_at else None
        earlier = [(at, sp) for at, sp in ctx.person_speakers if tok.idx - 600 < at < tok.idx]
        if earlier and found_at is not None and (earlier[-1][0] > found_at[0] or _one_sentence(doc, earlier[-1][0], found_at[0])):
            # "a member of the group said ... near X township. '...,' he said": the speaker; so too where the other
            # person is named in the speaker's own sentence ("Boluarte, who succeeded Pedro Castillo, said ...")
            return earlier[-1][1]
        if entity is None:
            found = _previous_ner(ctx, tok.idx, ("PERSON",))
            if earlier and (found is None or earlier[-1][0] > found[1]):
                return earlier[-1][1]  # "..., a local mayor told AFP. '...,' he said": the speaker just before
            return Speaker(name=found[0] if found else tok.text, kind="person")
    if entity is None and low == "it" and not ctx.in_quote(tok.idx):  # "The army said ... It accused the agency of ..."
        earlier = [sp for at, sp in ctx.body_speakers if tok.idx - 600 < at < tok.idx]
        if earlier:
            return earlier[-1]
        entity = _previous_entity(ctx, tok.idx, ("organisation", "media"))
        if entity is None:
            return Speaker(name=tok.text, kind="unnamed")
    if entity is not None and entity.kind != "person" and tok.pos_ == "PROPN" and _named_person(ctx, tok.text):
        # a surname the article gave earlier as a person's ("Madoury" after "Doug Madoury")
        entity = _entity_named(ctx, _full_person_name(ctx, tok.text, len(ctx.text))) or entity
    if entity is not None and entity.kind in ("place", "organisation") and tok.pos_ == "PROPN" and \
            source_text.strip() == tok.text and (same := [sp for at, sp in ctx.person_speakers if at < tok.idx
                                                          and sp.name.split()[-1] == tok.text]):
        return same[-1]  # "Machado told reporters" after "opposition leader Maria Corina Machado said": not the town
    if entity is not None:
        kind = ENTITY_KIND_TO_SPEAKER.get(entity.kind, "organisation")
        if kind == "organisation" and _is_media(ctx, entity.name.lower()):
            kind = "media"
        return Speaker(name=entity.name, kind=kind, entity_id=entity.id)  # type: ignore[arg-type]
    if low in lex.words("plural_pronouns"):
        return Speaker(name=tok.text, kind="collective")
    speaker = _speaker_from_words(ctx, tok, source_text)
    named = _entity_named(ctx, speaker.name)
    if named is not None:
        return Speaker(name=named.name, kind=speaker.kind, entity_id=named.id)
    return speaker


def _one_sentence(doc: Doc, a: int, b: int) -> bool:
    """Whether the characters at ``a`` and ``b`` lie in one sentence."""
    first, second = doc.char_span(a, a + 1, alignment_mode="expand"), doc.char_span(b, b + 1, alignment_mode="expand")
    return first is not None and second is not None and first[0].sent.start == second[0].sent.start


def _speaker_from_words(ctx: _Context, tok: Token, source_text: str) -> Speaker:
    lex, doc = ctx.lex, ctx.doc
    low = tok.lower_
    ner = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    compound = " ".join(t.text for t in doc[tok.left_edge.i : tok.i + 1] if t.dep_ in ("compound", "flat") or t.i == tok.i)
    name = ner.text if ner is not None else _bare_name(source_text)
    if _is_media(ctx, name.lower()) or _is_media(ctx, compound.lower()) or (
        tok.pos_ in ("NOUN", "PROPN") and low in lex.words("media_words") and any(c.pos_ == "PROPN" for c in tok.children)
        and not (low in lex.words("organisation_heads") and not any(c.lower_ in ("news", "press") for c in tok.children))
    ) or tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.words("media_heads"):  # "State television", "a local newspaper"
        return Speaker(name=name, kind="media")
    bracket = source_text.rfind("(")
    if bracket > 0 and acronym_after(source_text[:bracket], source_text[bracket - 1:]):
        return Speaker(name=name, kind="organisation")  # "Pakistan Tehreek-e-Insaf (PTI) said": a body, by its initials
    if tok.pos_ == "PROPN" and (ner is None or ner.label_ not in lex.sources["person_ner"]) and _named_person(ctx, tok.text):
        # the tagger missed a name the article gives elsewhere as a person's ("Vavilov")
        return Speaker(name=name if " " in name else _full_person_name(ctx, name, len(ctx.text)), kind="person")
    if ner is not None and ner.label_ in lex.sources["person_ner"]:
        return Speaker(name=_full_person_name(ctx, ner.text, tok.idx), kind="person")
    if ner is not None and ner.label_ in lex.sources["organisation_ner"]:
        plural = ner.label_ == "NORP" and tok.tag_ in ("NNS", "NNPS")
        return Speaker(name=name, kind="collective" if plural else "organisation")
    if low in lex.words("unnamed_heads") or " ".join(source_text.lower().split()[:3]) in lex.words("unnamed_heads"):
        return Speaker(name=name, kind="unnamed")
    if tok.lemma_.lower() in lex.words("organisation_heads") or _organisation_phrase(ctx, tok):
        return Speaker(name=name, kind="organisation")
    if tok.tag_ in ("NNS", "NNPS") or low in lex.words("collective_heads"):
        return Speaker(name=name, kind="collective")
    if tok.pos_ == "PROPN":
        return Speaker(name=_full_person_name(ctx, name, tok.idx), kind="person")
    return Speaker(name=name, kind="person" if tok.pos_ in ("NOUN", "PRON") else "organisation")


def _organisation_phrase(ctx: _Context, tok: Token) -> bool:
    """Whether the words ending at the source's head name a body ("the air force", "the armed forces")."""
    words = [t.lower_ for t in ctx.doc[tok.left_edge.i : tok.i + 1]]
    heads = ctx.lex.words("organisation_heads")
    return any(" ".join(words[k:]) in heads for k in range(len(words)))


def _is_media(ctx: _Context, name: str) -> bool:
    names = ctx.lex.words("media_names")
    if name in names:
        return True
    words = name.split()
    return bool(words) and (words[0] in names and any(w in ctx.lex.words("media_words") for w in words[1:]))


def _bare_name(source_text: str) -> str:
    """The source without a leading article and without an apposition after a comma."""
    head = source_text.split(",")[0].strip()
    for article in ("the ", "a ", "an "):
        if head.lower().startswith(article):
            head = head[len(article) :]
    return head or source_text


def _entity_named(ctx: _Context, name: str) -> Entity | None:
    low = name.lower()
    for entity in ctx.parsed.entities:
        if entity.name.lower() == low or low in (a.lower() for a in entity.aliases):
            return entity
    return None


def _entity_at(ctx: _Context, start: int, end: int, kinds: tuple[str, ...] | None = None) -> Entity | None:
    """The entity (of one of ``kinds``, if given) with a mention overlapping characters start..end (the first one)."""
    for m_start, m_end, entity in ctx.mentions:
        if m_start < end and start < m_end and (kinds is None or entity.kind in kinds):
            return entity
        if m_start >= end:
            break
    return None


@functools.lru_cache(maxsize=1)
def _sponsor_suffix() -> re.Pattern[str]:
    data = json.loads(resources.files(__package__).joinpath("lexicons", "speaker_modifiers.v1.json").read_text("utf-8"))
    return re.compile(rf"-(?:{'|'.join(map(re.escape, data['sponsor_suffixes']))})\b", re.I)


def _sponsor(ctx: _Context, entity: Entity, start: int, end: int) -> bool:
    """Whether ``entity``'s mention in start..end is hyphened to a word of who runs or backs ("Hamas-run")."""
    return any(m_start < end and start < m_end and e is entity and _sponsor_suffix().match(ctx.text, m_end)
               for m_start, m_end, e in ctx.mentions)


def _previous_entity(ctx: _Context, char: int, kinds: tuple[str, ...]) -> Entity | None:
    found = _previous_entity_at(ctx, char, kinds)
    return found[1] if found else None


def _previous_entity_at(ctx: _Context, char: int, kinds: tuple[str, ...]) -> tuple[int, Entity] | None:
    """The last entity of ``kinds`` mentioned before ``char`` (not at a place the places stage resolved, which the NER
    may call a person: "near Kani township"), with where that mention starts."""
    best = None
    for m_start, m_end, entity in ctx.mentions:
        if m_start >= char:
            break
        if entity.kind in kinds and not ctx.at_place(m_start, m_end):
            best = (m_start, entity)
    return best


def _previous_ner(ctx: _Context, char: int, labels: tuple[str, ...]) -> tuple[str, int] | None:
    """The last name before ``char`` the NER gave one of ``labels``, with where it starts."""
    best = None
    for ent in ctx.doc.ents:
        if ent.start_char >= char:
            break
        entity = _entity_at(ctx, ent.start_char, ent.end_char)
        if ent.label_ in labels and (entity is None or entity.kind == "person") and not ctx.at_place(
                ent.start_char, ent.end_char):  # not a name the entities or places stage
            best = ent  # found to be a place or an organisation ("Mali" tagged PERSON, "near Kani township")
    return (_full_person_name(ctx, best.text, char), best.start_char) if best is not None else None


def _named_person(ctx: _Context, surname: str) -> bool:
    return any(ent.label_ == "PERSON" and ent[-1].text == surname for ent in ctx.doc.ents)


def _full_person_name(ctx: _Context, name: str, char: int) -> str:
    """A surname alone ("Ash") is the full name given earlier ("Tim Ash")."""
    if " " in name.strip():
        return name
    for ent in ctx.doc.ents:
        if ent.start_char >= char:
            break
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == name:
            return ent.text
    return name


# --------------------------------------------------------------------------- the author's own voice


def _author_claims(ctx: _Context, covered: list[tuple[int, int]]) -> list[dict[str, Any]]:
    out = []
    kinds = ctx.lex.kinds
    authors = ctx.parsed.article.authors
    for sent in ctx.sents:
        start, end = sent.start_char, sent.end_char
        span = attr.trimmed_text_span(ctx.text, start, end)
        if span is None:
            continue
        start, end = attr.skip_dateline(ctx.text, span)
        if any(s < end and start < e for s, e in covered) or any(s < end and start < e for s, e in ctx.boilerplate):
            continue
        tokens = [t for t in sent if not t.is_space]
        words = [t for t in tokens if not t.is_punct]
        if len(words) < 5 or ctx.text[start:end].rstrip().endswith("?") or ctx.in_quote(start):
            continue
        cues = cert.find_cues(tokens, ctx.lex)
        level = cert.level_of(cues)
        strong = cert.find_cues(tokens, ctx.lex, strong_only=True)
        levels = {c[2] for c in strong}
        conditional = any(t.lower_ == "if" and t.dep_ == "mark" for t in tokens)
        if _has(tokens, kinds["speculation_strong"]) or "possible" in levels and not conditional:
            kind = "speculation"
        elif _has(tokens, kinds["prediction"]) and (conditional or strong):
            kind = "prediction"
        elif "doubtful" in levels or _has(tokens, kinds["opinion"]):
            kind = "opinion"
        elif strong:
            kind = "speculation"
        else:
            continue
        out.append({
            "speaker": Speaker(name=", ".join(authors) if authors else "author", kind="author"),
            "content": ctx.span(start, end),
            "source": None,
            "cue": None,
            "direct": None,
            "channel": None,
            "kind": kind,
            "certainty": level,
            "certainty_cues": [ctx.span(s, e) for s, e, _ in cues],
            "checkworthiness": round(checkworthy.score(tokens), 4),
        })
    return out


# --------------------------------------------------------------------------- sentences


def _sentence(ctx: _Context, sentence: Sentence) -> Sentence:
    tokens = ctx.tokens(sentence.start, sentence.end)
    cues = cert.find_cues(tokens, ctx.lex)
    return Sentence(
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        certainty=cert.level_of(cues),  # type: ignore[arg-type]
        certainty_cues=[ctx.span(s, e) for s, e, _ in cues],
        checkworthiness=round(checkworthy.score(tokens), 4) if tokens else 0.0,
    )
