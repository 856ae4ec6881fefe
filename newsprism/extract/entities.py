"""Stage 'entities': people, organisations, media, places and groups, with aliases merged within the article.

Mentions come from spaCy's NER (PERSON, ORG, NORP, GPE, LOC, FAC), corrected by rules kept in
``lexicons/entity_rules.v1.json``:

* a title before a name makes a person ("President", "Foreign Minister", "Sinologist"); the title is not
  part of the name;
* "X's family" (or wife, son, clan ...) makes X a person;
* a name ending in a company word ("Group", "Asset Management", "Sat&Company") is an organisation;
* news agencies and outlets (TASS, CNBC, Reuters, Pravda.Ru ...) and "X news agency" are media;
  messengers and social networks (Telegram, Facebook) are ``other``;
* nationalities and other NORP mentions are groups; names the gazetteer knows as countries or regions are places.

Aliases are merged within the article: equal names; a surname alone joins the one full name that ends with
it ("Tokayev" -> "Kassym-Zhomart Tokayev"); transliteration variants join ("Nikolai Vavilov" = "Nikolay
Vavilov") when their skeletons (``lexicons/transliteration.v1.tsv``) are equal or rapidfuzz-close.

Entity ids are "E1", "E2", ... in order of first mention: stable within one analysis, so later stages
(claims, events) can point at them. Helper: :func:`entity_at` — the entity with a mention covering an offset;
:func:`entities_in` — entities with a mention inside a character range.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..model import Entity, EntityKind, Span
from ..nlp.pipeline import ParsedArticle

LABEL_KIND: dict[str, EntityKind] = {
    "PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place",
}
STRONG = 3  # weight of a rule's vote against the NER's 1
FUZZY_SAME = 90  # rapidfuzz ratio of two skeletons that are one name


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    base = resources.files("newsprism.extract").joinpath("lexicons")
    data: dict[str, Any] = json.loads(base.joinpath("entity_rules.v1.json").read_text(encoding="utf-8"))
    titles = sorted(data["titles"], key=len, reverse=True)
    data["title_re"] = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in titles) + r")\s+$", re.I)
    data["title_set"] = frozenset(t.lower() for t in titles) | frozenset(t.lower().rstrip(".") for t in titles)
    data["company_set"] = frozenset(data["company_words"])
    media = "|".join(re.escape(m) for m in sorted(data["media"], key=len, reverse=True))
    data["media_re"] = re.compile(r"(?<![\w.])(?:" + media + r")(?![\w])")
    data["platform_set"] = frozenset(data["platforms"])
    data["not_names"] = frozenset(data["not_names"])
    data["trailing_re"] = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in data["trailing_words"]) + r")$", re.I)
    title_alt = "|".join(re.escape(t) for t in titles)
    data["apposition_re"] = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?(?:" + title_alt + r")\b", re.I)
    data["multiword_titles"] = tuple(t.lower() for t in titles if " " in t)
    data["org_noun_re"] = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["organisation_nouns"]) + r")\s+$", re.I)
    data["family_re"] = re.compile(r"^['’]s\s+(?:" + "|".join(re.escape(w) for w in data["family_words"]) + r")\b", re.I)
    data["media_word_re"] = re.compile(r"^\s+(?:" + "|".join(re.escape(w) for w in data["media_words"]) + r")\b", re.I)
    translit = []
    for line in base.joinpath("transliteration.v1.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pattern, _, replacement = line.partition("\t")
            translit.append((re.compile(pattern), replacement))
    data["translit"] = translit
    return data


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    votes: Counter[str] = field(default_factory=Counter)


def extract(parsed: ParsedArticle) -> dict[str, Any]:
    mentions = find_mentions(parsed)
    return {"entities": merge(mentions, parsed.text)}


# --------------------------------------------------------------------------- mentions

def find_mentions(parsed: ParsedArticle) -> list[_Mention]:
    r = rules()
    text = parsed.text
    out: dict[tuple[int, int], _Mention] = {}
    media_spans = [(m.start(), m.end()) for m in r["media_re"].finditer(text)]
    for s, e in media_spans:
        out[(s, e)] = _Mention(s, e, text[s:e], Counter({"media": STRONG}))
    for ent in parsed.doc.ents:
        kind = LABEL_KIND.get(ent.label_)
        if kind is None:
            continue
        s, e = _clean(text, ent.start_char, ent.end_char)
        while (cut := r["trailing_re"].search(text, s, e)) is not None and cut.start() > s:
            e = cut.start()  # "the health ministry later said": the name ends before the adverb
        if e <= s:
            continue
        s = _strip_title(text, s, e)
        if any(ms <= s and e <= me for ms, me in media_spans) or _overlaps(media_spans, s, e):
            continue
        name = text[s:e]
        if _noise(parsed, ent, name) or _inside_title(text, s, e, r):
            continue
        m = out.setdefault((s, e), _Mention(s, e, name))
        m.votes[kind] += 1
        _apply_rules(text, m, r)
        _known_place_or_group(parsed, m)
    for s, e in _company_names(text, r):
        if not any(a < e and s < b for a, b in out):
            out[(s, e)] = _Mention(s, e, text[s:e], Counter({"organisation": STRONG}))
    return sorted(out.values(), key=lambda m: m.start)


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    if text[start:start + 4].lower() == "the ":
        start += 4
    while end > start and (text[end - 1] in ".,;:'’\"" or text[end - 1].isspace()):  # NER spans can take in line breaks
        end -= 1
    if text[end - 2:end] in ("'s", "’s"):
        end -= 2
    return start, end


def _strip_title(text: str, start: int, end: int) -> int:
    """ "Sinologist Nikolai Vavilov" -> "Nikolai Vavilov" (the title stays a vote, see _apply_rules)."""
    words = text[start:end].split(" ")
    k = 0
    while k < len(words) - 1 and words[k].lower().rstrip(".") in rules()["title_set"]:
        k += 1
    return start + sum(len(w) + 1 for w in words[:k])


def _inside_title(text: str, start: int, end: int, r: dict[str, Any]) -> bool:
    """ "State" of "Secretary of State" is part of a title, not a name."""
    window = " ".join(text[max(0, start - 30):end].lower().split())
    return any(window.endswith(t) and len(t) > end - start for t in r["multiword_titles"])


def _known_place_or_group(parsed: ParsedArticle, m: _Mention) -> None:
    """Demonyms are groups ("Kazakhs"); names the gazetteer holds as countries or regions are places ("UAE", "Urals")."""
    from ..geo.resolve import demonyms

    table = demonyms()
    if m.name in table or (m.name.endswith("s") and m.name[:-1] in table):
        m.votes["group"] += STRONG
        return
    if m.votes.get("place") or m.votes.get("media") or " " in m.name and m.votes.get("person"):
        return
    from ..geo.gazetteer import open_gazetteer

    if any(c.kind in ("country", "region", "continent") for c in open_gazetteer(parsed.settings).lookup(m.name)):
        m.votes["place"] += STRONG


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _noise(parsed: ParsedArticle, ent: Any, name: str) -> bool:
    r = rules()
    if name.lower() in r["not_names"] or not any(ch.isalpha() for ch in name):
        return True
    if len(ent) == 1 and ent[0].is_sent_start and ent[0].pos_ in ("ADV", "ADJ", "VERB", "INTJ", "SCONJ"):
        return True
    return False


def _apply_rules(text: str, m: _Mention, r: dict[str, Any]) -> None:
    before = text[max(0, m.start - 40):m.start]
    after = text[m.end:m.end + 30]
    if r["title_re"].search(before) and m.votes.get("place", 0) == 0:
        m.votes["person"] += STRONG
    if r["family_re"].match(after) or r["apposition_re"].match(after):
        m.votes["person"] += STRONG
    if r["org_noun_re"].search(before):
        m.votes["organisation"] += STRONG
    if r["media_word_re"].match(after):
        m.votes["media"] += STRONG
    last = m.name.split()[-1].lower() if m.name.split() else ""
    if last in r["company_set"] or re.search(r"&\s*(?:co|company)\b", m.name, re.I):
        m.votes["organisation"] += STRONG
    if m.name in r["platform_set"]:
        m.votes["other"] += STRONG
    if acronym_after(m.name, after):  # "Pakistan Tehreek-e-Insaf (PTI)": a body is named with its initials
        m.votes["organisation"] += STRONG


def acronym_after(name: str, after: str) -> bool:
    """Whether ``after`` opens with a bracketed acronym of the name's initials ("Rapid Support Forces (RSF)")."""
    found = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", after)
    if not found or sum(c.isupper() for c in found.group(1)) < 3:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())
    letters = [c for c in found.group(1) if c.isupper()]
    return len(initials) >= 2 and initials[0] == letters[0] and set(letters) <= set(initials)


_COMPANY = re.compile(r"\b(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*&\s*(?:Co|Company)\b|\b[A-Z][\w-]*&[A-Z][\w]*\b")


def _company_names(text: str, r: dict[str, Any]) -> list[tuple[int, int]]:
    """ "Sat&Company", "Procter & Gamble Co": names the NER tends to miss."""
    return [(m.start(), m.end()) for m in _COMPANY.finditer(text)]


# --------------------------------------------------------------------------- merging

def skeleton(name: str) -> str:
    """A transliteration skeleton: "Nikolay Vavilov" and "Nikolai Vavilov" -> "nikolai vavilov"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^\w' -]+", " ", text)
    for pattern, replacement in rules()["translit"]:
        text = pattern.sub(replacement, text)
    return " ".join(text.replace("-", " ").split())


@dataclass
class _Cluster:
    names: list[str]
    mentions: list[_Mention]
    votes: Counter[str]

    @property
    def canonical(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    @property
    def kind(self) -> EntityKind:
        return self.votes.most_common(1)[0][0] if self.votes else "other"  # type: ignore[return-value]


def merge(mentions: list[_Mention], text: str) -> list[Entity]:
    from rapidfuzz import fuzz

    clusters: list[_Cluster] = []
    by_skeleton: dict[str, _Cluster] = {}
    for m in mentions:
        sk = skeleton(m.name)
        if not sk:
            continue
        cluster = by_skeleton.get(sk)
        if cluster is None and len(sk.split()) > 1:
            cluster = next((c for c in clusters if _same_person(sk, c, fuzz)), None)
        if cluster is None:
            cluster = _Cluster([], [], Counter())
            clusters.append(cluster)
        by_skeleton.setdefault(sk, cluster)
        if m.name not in cluster.names:
            cluster.names.append(m.name)
        cluster.mentions.append(m)
        cluster.votes.update(m.votes)
    clusters = _join_surnames(clusters)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    out = []
    for n, c in enumerate(clusters, 1):
        spans = sorted({(m.start, m.end) for m in c.mentions})
        canonical = c.canonical
        aliases = [name for name in c.names if name != canonical]
        out.append(Entity(f"E{n}", canonical, c.kind, aliases, [Span.of(text, s, e) for s, e in spans]))
    return out


def _same_person(sk: str, cluster: _Cluster, fuzz: Any) -> bool:
    """Two multi-word names with the same surname skeleton and close skeletons overall."""
    for name in cluster.names:
        other = skeleton(name)
        if len(other.split()) > 1 and other.split()[-1] == sk.split()[-1] and fuzz.ratio(other, sk) >= FUZZY_SAME:
            return True
    return False


def _join_surnames(clusters: list[_Cluster]) -> list[_Cluster]:
    """A one-word name joins the one multi-word person (or unknown) name that ends with it."""
    multi = [c for c in clusters if len(c.canonical.split()) > 1 and c.kind in ("person", "organisation")]
    keep = []
    for c in clusters:
        if len(c.canonical.split()) == 1 and (c.kind in ("person", "organisation") or c.votes[c.kind] < STRONG):
            word = skeleton(c.canonical)
            hosts = [h for h in multi if h is not c and any(_ends_with(n, word) for n in h.names)]
            if len(hosts) == 1 and (hosts[0].kind == "person" or c.kind == "person"):
                hosts[0].mentions.extend(c.mentions)
                hosts[0].votes.update(c.votes)
                hosts[0].names.extend(n for n in c.names if n not in hosts[0].names)
                continue
        keep.append(c)
    return keep


def _ends_with(name: str, word: str) -> bool:
    return skeleton(name).split()[-1] == word or _last_part(name) == word


def _last_part(name: str) -> str:
    """The last part of a hyphenated surname form ("Kassym-Zhomart Tokayev" -> "tokaev")."""
    return skeleton(name.split()[-1].split("-")[-1]) if name.split() else ""


# --------------------------------------------------------------------------- helpers for later stages

def entity_at(entities: list[Entity], offset: int) -> Entity | None:
    """The entity with a mention covering character ``offset``."""
    for e in entities:
        if any(m.start <= offset < m.end for m in e.mentions):
            return e
    return None


def entities_in(entities: list[Entity], start: int, end: int, kinds: tuple[str, ...] | None = None) -> list[Entity]:
    """Entities with a mention inside ``[start, end)`` (optionally of some kinds), in order of that mention."""
    found = []
    for e in entities:
        if kinds and e.kind not in kinds:
            continue
        inside = [m.start for m in e.mentions if start <= m.start and m.end <= end]
        if inside:
            found.append((min(inside), e))
    return [e for _, e in sorted(found, key=lambda t: t[0])]
