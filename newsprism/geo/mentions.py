"""Find the place mentions of a parsed article: spaCy's GPE/LOC/FAC entities and capitalised names in
place contexts ("in X", "near X", "X district", "village of X", "in X, Y", "X and Y villages").

A :class:`Mention` carries what the resolver needs to decide and disambiguate: the cue that made it a
candidate, a type hint (admin area, district, town, site) and its container ("Imam Sahib district, Kunduz":
Kunduz contains Imam Sahib). The words are data: ``lexicons/place_words.v1.json``. Names in brackets and state
abbreviations ("X (Y, Z)", "(Salem, TN)") are :mod:`newsprism.geo.brackets`.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .build import lexicon_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_LABELS = {"GPE", "LOC", "FAC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "appos"}
NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "DATE", "TIME"}
_LIST_SEP = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&|/)\s*$", re.I)
_CHAIN_SEP = re.compile(r"^\s*,\s*$")
_CONTAINER_SEP = re.compile(
    r"^\s*(?:(?:,\s*)?(?:of|in|near|outside)(?:\s+(?:the|rural|(?:\w+-)?\w+ern|north|south|east|west|central|greater))*"
    r"(?:\s+(?:countryside|outskirts|suburbs?|part|parts|areas?|district|province|region|governorate))?(?:\s+of)?|\()\s*$",
    re.I,
)
DATELINE_WITHIN = 600  # characters from the top where a line may open with a dateline (after a headline)
FILLERS = {"center", "centre", "headquarters", "outskirts", "countryside", "area", "city"}
_ALT_THEN_BRACKET = re.compile(r"^\s*\]\s*\(\s*$")  # "X [Y] (Z": after another name in square brackets


@dataclass
class Mention:
    start: int
    end: int
    text: str
    cue: str | None = None  # "prep", "strong-prep", "type", "before", "list", "dateline"
    hint: str | None = None  # "admin", "district", "town", "site"
    label: str | None = None  # the spaCy entity label over it, if any
    container: int | None = None  # index of the mention that contains this one
    list_id: int | None = None
    chain_tail: bool = False  # a later member of "X, Y" (an enclosing area)
    typed_end: int | None = None  # end of "X district" when a type word follows the name
    subject: bool = False  # the name is a grammatical subject or possessor ("Putin in Moscow said")
    plural_type: bool = False  # typed by a plural before it ("villages of X, Y and Z"): the whole list is of that type
    expansions: tuple[tuple[str, str], ...] = ()  # (name, ISO3) a state abbreviation may stand for ("TN", place_abbrev)
    lookup_as: str | None = None  # the name the gazetteer is asked for instead ("Northern Iraq" -> "Iraq"; geo.refine)

    @property
    def located(self) -> bool:
        """Placey, or after "in"/"near" (where even a name the NER calls a person is taken if the gazetteer has it)."""
        if self.placey or self.cue in ("loc-prep", "chain", "contained"):
            return True
        if self.cue in ("strong-prep", "prep") and self.label in (None, "ORG", "GPE", "LOC", "FAC"):
            return self.cue == "strong-prep" or self.label in PLACE_LABELS  # "at the prison of Tangier" needs the NER too
        return self.cue in ("strong-prep", "prep") and self.label == "PERSON" and toponym_like(self.text)

    @property
    def placey(self) -> bool:
        """Said to be a place by its context or by the NER (so unresolved means 'unknown place')."""
        if self.cue == "currency":
            return False
        if self.cue in ("type", "before", "dateline") or (self.label in PLACE_LABELS and self.cue):
            return True
        if self.cue == "contained" and self.label in (None, "PERSON", "GPE", "LOC", "FAC") and not self.subject:
            # "shelled Kafr Taal in Aleppo" yes; "Merkel in Berlin said", "met Putin in Moscow" no
            return self.label != "PERSON" or toponym_like(self.text)
        if self.cue == "loc-prep" and self.label in (None, "PERSON", "ORG", "GPE", "LOC", "FAC"):
            return True  # "near Novoselivka Druha": the NER often takes unfamiliar place names for people
        return self.cue in ("strong-prep", "list", "chain", "contained") and self.label not in NOT_PLACE_LABELS


@functools.lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(lexicon_text("place_words.v1.json"))
    sets = (
        "organisation_nouns", "not_place_after", "toponym_words", "site_words", "skip_before", "currency_words",
        "prepositions", "strong_prepositions", "locative_prepositions", "leading_type_words", "connectors", "never_alone",
        "short_form_words", "place_verbs", "compound_tails",
    )
    for key in (*sets, "not_place_words"):
        data[key] = frozenset(data[key])
    return data


def toponym_like(name: str) -> bool:
    """A name built like a place name: "Kafr Taal", "Tal Samn", "Novoselivka", "Jalalabad"."""
    w = words()
    parts = name.lower().replace("-", " ").split()
    if not parts:
        return False
    if parts[0] in w["toponym_words"]:
        return True
    return any(p.endswith(end) and len(p) > len(end) + 2 for p in parts for end in w["toponym_endings"])


def _is_name(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(ch.isalpha() for ch in t) and not tok.like_num


def find_mentions(doc: Doc) -> list[Mention]:
    """Place mention candidates in document order (not yet resolved)."""
    w = words()
    text = doc.text
    chunks = [c for c in _chunks(doc, w) if not _is_demonym(doc, c) or _typed_area(doc, c, w)]
    ents = [e for e in doc.ents]
    mentions: list[Mention] = []
    covered: set[int] = set()
    for i, j in chunks:
        start, end = doc[i].idx, doc[j].idx + len(doc[j])
        m = Mention(start, end, text[start:end], subject=any(doc[k].dep_ in SUBJECT_DEPS for k in range(i, j + 1)))
        label = _label(ents, start, end)
        m.label = label
        _cues(doc, i, j, m, w)
        mentions.extend(_split_slash(m))
        covered.update(range(start, end))
    for e in ents:  # NER places the name rules missed (lower-case, odd tokens)
        if e.label_ in PLACE_LABELS and not covered.intersection(range(e.start_char, e.end_char)):
            s, t = _trim_the(text, e.start_char, e.end_char)
            if t > s and text[s:t].lower() not in w["never_alone"] and not _is_demonym(doc, (e.start, e.end - 1)):
                m = Mention(s, t, text[s:t], label=e.label_)
                _cues(doc, e.start, e.end - 1, m, w)
                mentions.append(m)
    mentions.sort(key=lambda m: m.start)
    _link(text, mentions, w)
    organisations = {m.text for m in mentions if _after_organisation_noun(text, m, w)}
    for m in mentions:  # "monitoring firm Kentik" ... "at Kentik": a firm, wherever it is named
        if m.text in organisations:
            m.cue, m.hint = "currency", "not-a-place"
    return mentions


def _chunks(doc: Doc, w: dict[str, Any]) -> list[tuple[int, int]]:
    """Token ranges [i, j] of capitalised names ("Imam Sahib", "Rio de Janeiro", "al-Hasakeh", "Bazar-e Panjvai")."""
    out = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        start = i
        if tok.lower_ in w["connectors"] and i + 2 < n and doc[i + 1].text == "-" and _is_name(doc[i + 2]):
            i += 2  # "al-Hasakeh"
        elif tok.text in w["leading_articles"] and tok.whitespace_ and i + 1 < n and _is_name(doc[i + 1]):
            i += 1  # "in el Qantara": the article is part of the name
        elif not _is_name(tok):
            i += 1
            continue
        j = i
        while j + 1 < n:
            nxt = doc[j + 1]
            if not doc[j].whitespace_ and nxt.text == "-" and j + 2 < n and doc[j + 2].is_alpha and not doc[j + 1].whitespace_:
                j += 2
            elif _is_name(nxt) and doc[j].whitespace_ and nxt.text[:1].isalpha():
                j += 1
            elif nxt.lower_ in w["connectors"] and j + 2 < n and _is_name(doc[j + 2]) and doc[j].whitespace_:
                j += 2
            elif (nxt.lower_ in w["connectors"] and j + 3 < n and doc[j + 2].lower_ in w["connectors"]
                  and _is_name(doc[j + 3]) and doc[j].whitespace_):
                j += 3  # "San Pedro de la Paz"
            elif nxt.lower_ in w["connectors"] and j + 3 < n and doc[j + 2].text == "-" and _is_name(doc[j + 3]):
                j += 3  # "Wadi al-Rabi"
            else:
                break
        end_of_run = j
        while start <= j and (doc[start].lower_ in ("the", "of")
                              or (doc[start].is_sent_start and doc[start].lower_ in w["never_alone"])):
            start += 1
        while j > start and w["admin_words"].get(doc[j].lower_) not in (None, "site"):
            j -= 1  # "Imam Sahib District": the type word is a hint, not the name
        while j - 1 > start and w["after_phrases"].get(f"{doc[j - 1].lower_} {doc[j].lower_}") in ("town", "district"):
            j -= 2  # "Wolkenau Police Station": the town the station is named after
        while start < j and doc[start].lower_ in w["leading_type_words"]:
            start += 1  # "Colonia Centenario": the neighbourhood Centenario
        for k in range(j, start, -1):
            if doc[k].lower_ in w["compound_tails"] and doc[k - 1].text == "-":
                start = k + 1  # "STC-controlled Mori": the name after the compound adjective
                break
        if start <= j and not any(doc[k].lower_ in w["not_place_words"] for k in range(start, j + 1)):
            typed = end_of_run + 1 < n and w["admin_words"].get(doc[end_of_run + 1].lower_) in ("town", "district")
            for a, b in [(start, j)] if typed else _split_at_entities(doc, start, j):  # "Wadi Wolken village": one name
                if a == b and (doc[a].lower_ in w["never_alone"] or _common_word(doc[a])) and not _closes_bracket(doc, a):
                    continue
                out.append((a, b))
        i = max(end_of_run, i) + 1
    return out


def _closes_bracket(doc: Doc, k: int) -> bool:
    """ "(Baydhaba, Bay)", "(Garoua, North)": the last name of a bracketed list names the area, whatever the word."""
    return 1 < k < len(doc) - 1 and doc[k - 1].text == "," and doc[k + 1].text == ")" and doc[k - 2].text[:1].isupper()


def _common_word(tok: Token) -> bool:
    """A capitalised word the tagger does not call a proper noun, at a sentence start ("Mayors of ...", "But")
    or before a common noun ("Arab cities"), rather than a name ("... (Bassa LGA, Plateau)")."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in PLACE_LABELS:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    attributive = (nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower and nxt.lower_ not in words()["admin_words"]
                   and nxt.lower_ not in words()["prepositions"])  # "Qazali west of Tell Abiad" is no attribute
    return bool(tok.is_sent_start or attributive)


def _split_at_entities(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Kazakhstan President Tokayev" and "US Secretary" after a GPE/LOC entity that ends inside the name."""
    parts = []
    a = start
    for k in range(start + 1, end + 1):
        prev = doc[k - 1]
        if prev.ent_type_ in PLACE_LABELS and doc[k].ent_iob_ != "I" and prev.whitespace_ and doc[k].text[:1].isupper():
            parts.append((a, k - 1))
            a = k
    parts.append((a, end))
    return parts


def _typed_area(doc: Doc, chunk: tuple[int, int], w: dict[str, Any]) -> bool:
    """ "(Salaxaad, Somali region)", "Afdere zone (Somali region)": a people's name typed as an area where a container
    is written (in brackets or after a comma) is the area's name; elsewhere "the Danish state" is no place."""
    i, k = chunk[0], chunk[1] + 1
    typed = k < len(doc) and w["admin_words"].get(doc[k].lower_) in ("admin", "district") and doc[k].is_lower
    return typed and i > 0 and doc[i - 1].text in ("(", ",") and k + 1 < len(doc) and doc[k + 1].text in (")", ",")


def _is_demonym(doc: Doc, chunk: tuple[int, int]) -> bool:
    from .resolve import demonyms

    text = doc[chunk[0]:chunk[1] + 1].text
    table = demonyms()
    return text in table or (text.endswith("s") and text[:-1] in table)


def _label(ents: list[Any], start: int, end: int) -> str | None:
    for e in ents:
        if e.start_char <= start and end <= e.end_char + 1:
            return str(e.label_)
        if start <= e.start_char < end or start < e.end_char <= end:
            return str(e.label_)
    return None


def _trim_the(text: str, start: int, end: int) -> tuple[int, int]:
    if text[start:start + 4].lower() == "the ":
        start += 4
    return start, end


def _cues(doc: Doc, i: int, j: int, m: Mention, w: dict[str, Any]) -> None:
    """The words before and after the name: preposition, "village of", type word."""
    k = i - 1
    typed_by = None  # "Barangays Pahug and Madalunot": a type word skipped before the name still types it
    while k >= 0 and i - k <= 3 and (doc[k].lower_ in ("the", "(") or doc[k].lower_ in w["skip_before"]
                                     or doc[k].lower_ in w["leading_type_words"]):
        if typed_by is None and doc[k].lower_ in w["leading_type_words"] and doc[k].lower_ in w["before_words"]:
            typed_by = doc[k].lower_
        k -= 1  # "in rural Ein Issa", "in the eastern Ar-Raqqa"
    if k >= 1:
        two = f"{doc[k - 1].lower_} {doc[k].lower_}"
        if two in w["before_words"]:
            m.cue, m.hint = "before", w["before_words"][two]
            m.plural_type = doc[k - 1].lower_.endswith("s") and doc[k - 1].lower_ in w["admin_words"]
    if m.cue is None and k >= 0:
        prev = doc[k].lower_
        if prev in w["before_words"]:
            m.cue, m.hint = "before", w["before_words"][prev]
        elif prev in w["locative_prepositions"]:
            m.cue = "loc-prep"
        elif prev in w["strong_prepositions"]:
            m.cue = "strong-prep"
        elif prev in w["prepositions"]:
            m.cue = "prep"
    if m.cue is None and k >= 0 and doc[k].lemma_.lower() in w["place_verbs"] and doc[k].pos_ == "VERB":
        m.cue = "loc-prep"  # "regime forces shelled Kafr Nabl": what is shelled or captured is a place
    if m.cue is None and k >= 0 and doc[k].lower_ in w["example_words"]:
        hint = _plural_type_before(doc, k, w)
        if hint is not None:  # "protests in several villages of the district, including Wolkenau"
            m.cue, m.hint, m.plural_type = "before", hint, True
    if typed_by is not None and m.cue in (None, "prep"):
        m.cue, m.hint, m.plural_type = "before", w["before_words"][typed_by], typed_by.endswith("s")
    if w["admin_words"].get(doc[j].lower_) == "site" and j > i:
        m.hint = "site"
    if j + 1 < len(doc):
        nxt = doc[j + 1].lower_
        hint = w["admin_words"].get(nxt)
        if nxt in w["currency_words"] or nxt in w["not_place_after"]:
            m.cue, m.hint = "currency", "not-a-place"  # "US dollar"
        elif hint is not None:
            m.cue, m.hint = "type", hint
            m.typed_end = doc[j + 1].idx + len(doc[j + 1])
        elif j + 2 < len(doc) and f"{nxt} {doc[j + 2].lower_}" in w["after_phrases"]:
            m.cue, m.hint = "type", w["after_phrases"][f"{nxt} {doc[j + 2].lower_}"]  # "Wolkenau police station"
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti"):
        m.cue, m.hint, m.typed_end = None, None, None  # "pro-Hadi camps": a side, a place only if obvious ("pro-Israel")
        return
    k = i  # "NEW YORK, May 3": capitals before the name on its line are the city's name too
    while k > 0 and i - k < 2 and doc[k - 1].is_alpha and doc[k - 1].text.isupper() and len(doc[k - 1]) > 1:
        k -= 1
    if k == 0 or doc[i].text.isupper() and len(doc[i]) > 2 and (k <= 2 or _opens_lead(doc, k)):
        follow = doc[j + 1].text if j + 1 < len(doc) else ""
        if follow in (",", "(", "-", "—", "–") and doc[i].text.isupper():
            m.cue = "dateline"
            if k < i and (k == 0 or "\n" in doc.text[doc[k - 1].idx:doc[k].idx]):
                m.start, m.text = doc[k].idx, doc.text[doc[k].idx:m.end]


def _opens_lead(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line near the top, where a dateline follows the headline ("...\n\nLAHORE, Pakistan —")."""
    if doc[i].idx >= DATELINE_WITHIN:
        return False
    before = doc.text[:doc[i].idx].rstrip(" \t")
    return not before or before.endswith("\n")


def _plural_type_before(doc: Doc, k: int, w: dict[str, Any]) -> str | None:
    """The hint of a plural type word ("villages", "districts") shortly before token ``k`` in its sentence."""
    for t in range(k - 1, max(doc[k].sent.start, k - 15) - 1, -1):
        hint = w["admin_words"].get(doc[t].lower_)
        if hint in ("town", "district", "admin") and doc[t].lower_.endswith("s") and doc[t].is_lower:
            return str(hint)
    return None


def _split_slash(m: Mention) -> list[Mention]:
    """ "Nawabad/Aqi Bai" is two names for one place."""
    if "/" not in m.text:
        return [m]
    out = []
    pos = m.start
    for part in m.text.split("/"):
        lead = len(part) - len(part.lstrip())
        part_s = pos + lead
        part_e = pos + len(part.rstrip())
        if part_e > part_s:
            out.append(Mention(part_s, part_e, part.strip(), m.cue or "list", m.hint, m.label))
        pos += len(part) + 1
    return out


def _link(text: str, mentions: list[Mention], w: dict[str, Any]) -> None:
    """Lists ("X, Y and Z villages") share cue and hint; chains ("X, Y" and "X of Y") point at containers."""
    from .brackets import alternate_names, before_bracket, closing_container, comma_abbreviations, location_brackets

    type_words = w["admin_words"]
    for idx, m in enumerate(mentions):  # "Kolofata town (Mayo-Sava, Extreme-Nord)": names in brackets after a place
        prev = mentions[idx - 1] if idx > 0 else None
        if m.cue is None and prev is not None and _in_brackets_after(text, mentions, idx) and prev.located \
                and prev.cue != "dateline":  # "ROME, Feb. 6 (LifeSiteNews)": a dateline's bracket is the credit
            m.cue = "chain"
    location_brackets(text, mentions, w)
    list_id = 0
    run: list[int] = []
    run_has_and = False
    last_and = 0  # the position in the run of the last name after "and"/"or"

    def close_run() -> None:
        nonlocal list_id, run_has_and, last_and
        if len(run) > 1:
            chain = list(run)
            if run_has_and:
                # "Barangays Pahug and Madalunot, Pinabacdao, Samar": after a list typed by a plural before it, names
                # with commas only between them are the areas it lies in, not more members (but "attacks in Paris
                # and San Bernardino, Calif.": Paris is not in California)
                tail = run[last_and + 1:] if mentions[run[0]].plural_type else []
                if tail:
                    del run[last_and + 1:]
                chain = [run[-1], *tail] if tail else []
                list_id += 1
                first, last = mentions[run[0]], mentions[run[-1]]
                plural_hint = last.hint if last.cue == "type" and _plural_after(text, last, type_words) else None
                for idx in run:
                    m = mentions[idx]
                    m.list_id = list_id
                    if first.plural_type and m.cue in (None, "prep", "list") and not m.subject:
                        m.cue, m.hint, m.label = "before", first.hint, None  # "villages of X, Y and Z"
                    if m.cue is None and (first.located or plural_hint):
                        m.cue = "list"  # "X, Y and Z villages": the plural type word types the whole list
                    if plural_hint and m.hint is None:
                        m.hint = plural_hint
            for a, b in zip(chain, chain[1:], strict=False):
                if mentions[a].container is None:
                    mentions[a].container = b
                mentions[b].chain_tail = True
                if mentions[b].cue in (None, "prep") and mentions[a].located:
                    mentions[b].cue = "chain"
        run.clear()
        run_has_and = False
        last_and = 0

    for idx, m in enumerate(mentions):
        if run:
            prev_idx = run[-1]
            prev = mentions[prev_idx]
            between = text[prev.end:m.start]
            between_core = strip_type_word(between, type_words)
            if _LIST_SEP.match(between_core) and "\n" not in between:
                if not _CHAIN_SEP.match(between_core):
                    run_has_and = True
                    last_and = len(run)
                run.append(idx)
                continue
            sep = _CONTAINER_SEP.match(between_core) or _ALT_THEN_BRACKET.match(between_core)
            if (sep or closing_container(text, m, between)) and "\n" not in between and prev.container is None:
                close_run()
                prev.container = idx
                m.chain_tail = m.chain_tail or "," in between
                if m.cue in (None, "prep") and (prev.located or before_bracket(text, mentions, prev_idx, between)):
                    m.cue = "chain"
                run.append(idx)
                continue
            close_run()
        run.append(idx)
    close_run()
    alternate_names(text, mentions)
    for idx in range(1, len(mentions)):  # "Zibane [Ziban] (Anzourou, Tillaberi)": both names lie in the container
        prev, m = mentions[idx - 1], mentions[idx]
        if prev.container is None and m.container is not None and text[prev.end:m.start].strip() == "[":
            prev.container = m.container
    for m in mentions:
        if m.chain_tail and m.hint is None:
            m.hint = "admin"
    for m in mentions:  # "Carora, Lara state": a name inside a typed area is a place
        if m.cue is None and m.container is not None and mentions[m.container].cue in ("type", "before"):
            m.cue = "contained"
    comma_abbreviations(text, mentions)


def _after_organisation_noun(text: str, m: Mention, w: dict[str, Any]) -> bool:
    before = text[max(0, m.start - 20):m.start].split()
    return bool(before) and before[-1].lower() in w["organisation_nouns"]


def _in_brackets_after(text: str, mentions: list[Mention], idx: int) -> bool:
    """The mention is in a bracketed list of names that follows the previous mention ("X (Y, Z)")."""
    opening = text.rfind("(", 0, mentions[idx].start)
    if opening < 0 or opening < mentions[idx - 1].end - 1 or ")" in text[opening:mentions[idx].start]:
        return False
    between = text[mentions[idx - 1].end:opening]
    return len(between) <= 25 and "." not in between and "\n" not in between


def strip_type_word(between: str, type_words: dict[str, str]) -> str:
    """ " district center, " -> ", ": the words between two names once type words are taken out."""
    words_ = between.split()
    while words_ and (words_[0].rstrip(",").lower() in type_words or words_[0].rstrip(",").lower() in FILLERS):
        head = words_.pop(0)
        if head.endswith(","):
            words_.insert(0, ",")
    return " " + " ".join(words_) + " " if words_ else between if not between.strip() else " "


def _plural_after(text: str, m: Mention, type_words: dict[str, str]) -> bool:
    following = [word.lower() for word in re.findall(r"[\w'-]+", text[m.end:m.end + 30])[:2]]
    if len(following) == 2 and following[0].isalpha() and not following[0].endswith("s"):
        following = following[1:]  # "X, Y and Z military camps"
    return bool(following) and following[0].endswith("s") and following[0] in type_words
