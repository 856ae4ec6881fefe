"""Names in brackets and state abbreviations around place mentions: "X (Y, Z)", "X [Y] (Z)", "X (formerly Y)",
"in X (Y), Z", "(Salem, TN)", "Austin, TX". Split from :mod:`newsprism.geo.mentions`, which calls these while it
links mentions; the words are data (``lexicons/place_words.v1.json``, ``lexicons/place_abbrev.v1.tsv``)."""

from __future__ import annotations

import functools
import re
from typing import Any

from .build import lexicon_text
from .mentions import FILLERS, NOT_PLACE_LABELS, PLACE_LABELS, Mention, strip_type_word, words

_FORMERLY = re.compile(r"^\s*\(\s*(?:formerly|previously|now|aka|also known as|known as|also|or)\s+$", re.I)
_AFTER_BRACKET = re.compile(r"^\s*\)\s*,\s*$")  # "X (Y), Z": Z contains X and Y
_GROUP_SEP = re.compile(r"^\s*(?:,|,?\s*(?:and|&))?\s*$")


@functools.lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[tuple[str, str], ...]]:
    """State and province abbreviations ("TN", "J&K", "NSW") -> the (name, ISO3) pairs they may stand for."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in lexicon_text("place_abbrev.v1.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            abbrev, name, iso3 = (part.strip() for part in line.split("\t")[:3])
            out.setdefault(abbrev, []).append((name, iso3))
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def credit_abbreviations() -> frozenset[str]:
    """Abbreviations that are also news agencies' credits ("AP"): a state only where the article says its country."""
    rows = (line.split("\t") for line in lexicon_text("place_abbrev.v1.tsv").splitlines() if not line.startswith("#"))
    return frozenset(row[0].strip() for row in rows if len(row) > 3 and row[3].strip() == "credit")


def location_brackets(text: str, mentions: list[Mention], w: dict[str, Any]) -> None:
    """ "X (Y, Z)", "X village (Y district, Z)", "X [Y] (Z)": a bracket right after a name that holds nothing but
    names (and type words) says where the name lies, whatever the NER called them ("Nacutuco (Mucojo, Cabo
    Delgado" is one ORG to spaCy). One name alone in brackets counts after a name already taken as a place
    ("in X (Y)"); after a name in a prepositional phrase ("in Coast of Zwara (An Nuqat al Khams)") only as far as
    the gazetteer knows it (the NER's label stays); not after any name ("Ali (Abu Omar)" is an alias, "DPEIN
    (Dewan ...)" a spelled-out acronym)."""
    type_words = w["admin_words"]
    for group in _bracket_groups(text, mentions, type_words):
        before = mentions[group[0] - 1] if group[0] > 0 else None
        if before is None or not _right_before_bracket(text, before, mentions[group[0]]):
            if not _listed_names(text, mentions, group):
                continue  # "the tribal region (At Taffah, Al Bayda)": two or more names after a noun phrase
        elif acronym(before.text) or len(group) == 1 and before.cue == "dateline":
            continue  # "DPEIN (Dewan Perkasa ...)": a spelled-out acronym; "ROME (LifeSiteNews)": a credit
        weak = len(group) == 1 and not (before.located or before.label in PLACE_LABELS)
        if weak and (before.cue not in ("prep", "strong-prep") or before.label in ("PERSON", "NORP")):
            continue  # "Hoy No Circula (No Circulation Today)", "Ali (Abu Omar)": another name, not a container
        for k in group:
            m = mentions[k]
            if m.text in abbreviations():
                if k != group[0] or before is not None and before.located and before.cue != "dateline":
                    _abbreviation(m)  # "(Salem, TN)", "Nigohan (UP)" -- not "WASHINGTON (AP)"
                continue
            if acronym(m.text):
                continue  # "(ELN)", "(CPI-Maoist)", "(DoD)" name organisations
            if weak and m.label not in ("PERSON", "ORG", *PLACE_LABELS):
                continue  # "of Military Counterintelligence (Dgcim)": no name the NER saw
            m.subject = False  # a name in brackets is an apposition, not the subject of a verb
            if m.cue in (None, "prep", "strong-prep", "loc-prep", "list", "chain"):
                m.cue = "chain"
            if m.label in NOT_PLACE_LABELS and not weak:
                m.label = None  # the brackets outweigh the NER ("(Ceel Buur, Galgaduud)" are no people)


def acronym(name: str) -> bool:
    """ "ELN", "CPI-Maoist", "SUCI", "DoD": a part of capitals only, or a short one with two capitals."""
    return any(len(part) >= 2 and (part.isupper() or len(part) <= 5 and sum(ch.isupper() for ch in part) >= 2)
               for part in re.split(r"[\s\-/]+", name))


def _bracket_groups(text: str, mentions: list[Mention], type_words: dict[str, str]) -> list[list[int]]:
    """Runs of mentions that fill a round bracket on their own: only commas, "and" and type words between them."""
    groups = []
    idx = 0
    while idx < len(mentions):
        m = mentions[idx]
        opening = text.rfind("(", 0, m.start)
        if opening < 0 or text[opening + 1:m.start].strip() or idx > 0 and mentions[idx - 1].end > opening:
            idx += 1
            continue
        group = [idx]
        k = idx
        while k + 1 < len(mentions) and _GROUP_SEP.match(
                strip_type_word(text[mentions[k].end:mentions[k + 1].start], type_words)):
            k += 1
            group.append(k)
        closing = text[mentions[k].end:mentions[k].end + 30]
        tail = closing.split(")", 1)[0] if ")" in closing else None
        if tail is not None and all(word.strip(",").lower() in type_words for word in tail.split()):
            groups.append(group)
        idx = k + 1
    return groups


def _right_before_bracket(text: str, before: Mention, first: Mention) -> bool:
    """The bracket opens right after the name, its type word or its other name in square brackets ("X [Y] (")."""
    opening = text.rfind("(", 0, first.start)
    between = text[before.end:opening]
    if len(between) > 25 or any(ch in between for ch in ".;:\n()"):
        return False
    words_ = re.sub(r"\[[^\]]*\]", " ", between).replace(",", " ").replace("]", " ").split()
    return all(word.lower() in words()["admin_words"] or word.lower() in FILLERS for word in words_)


def _listed_names(text: str, mentions: list[Mention], group: list[int]) -> bool:
    """Two or more names, comma-separated, in a bracket after a word of the sentence (not at its start, not after a
    number or another bracket): "the tribal region (At Taffah, Al Bayda)", not "(Bill and Hillary)"."""
    opening = text.rfind("(", 0, mentions[group[0]].start)
    before = text[max(0, opening - 30):opening].rstrip()
    inside = text[opening:mentions[group[-1]].end]
    return len(group) >= 2 and "," in inside and bool(before) and (before[-1].isalpha() or before[-1] == "]")


def _abbreviation(m: Mention) -> None:
    """A state abbreviation where a containing area is written: looked up as the names it stands for."""
    table = abbreviations()
    if m.text in table:
        m.expansions = table[m.text]
        m.cue, m.hint, m.label, m.subject = "chain", "admin", None, False


def comma_abbreviations(text: str, mentions: list[Mention]) -> None:
    """ "Austin, TX", "Salem town, TN.": an abbreviation after a comma that follows a place, ending the phrase,
    is its state."""
    for idx in range(1, len(mentions)):
        m, prev = mentions[idx], mentions[idx - 1]
        if m.expansions or m.text not in abbreviations() or not (prev.located or prev.expansions):
            continue
        between = strip_type_word(text[prev.end:m.start], words()["admin_words"])
        rest = text[m.end:m.end + 3].lstrip(" ")
        ends = m.text.endswith(".") or not rest or rest[0] in ",.;:)!?\n—–-"  # not "Kabul, AP reported"
        if between.strip() == "," and "\n" not in between and ends:
            _abbreviation(m)
            if prev.container is None:
                prev.container = idx


def closing_container(text: str, m: Mention, between: str) -> bool:
    """ "in X (Y), Z." -- but not "X (Y), Z (W)", a list of bracketed places, an acronym ("(Y), EPP") or a person."""
    return (bool(_AFTER_BRACKET.match(between)) and not acronym(m.text) and m.label != "PERSON"
            and not text[m.end:].lstrip().startswith(("(", "[")))  # "in the Acta (AAS), Francis has": no container


def before_bracket(text: str, mentions: list[Mention], idx: int, between: str) -> bool:
    """ "in X (Y), Z": the name before the bracket that ``mentions[idx]`` closes is a place."""
    if not _AFTER_BRACKET.match(between):
        return False
    opening = text.rfind("(", 0, mentions[idx].start)
    before = [m for m in mentions[:idx] if m.end <= opening]
    return bool(before) and before[-1].located and len(text[before[-1].end:opening]) <= 25


def alternate_names(text: str, mentions: list[Mention]) -> None:
    """ "Zibane [Ziban]", "Tinadjamba [In-Adjamba]": a name in square brackets right after another is that place's
    other name: it takes the first name's cue and type (and, in _link, its container)."""
    for idx in range(1, len(mentions)):
        m, prev = mentions[idx], mentions[idx - 1]
        if not (prev.placey or prev.located):
            continue  # "Mr. [Walter] Matt": another name of a place only
        if (text[prev.end:m.start].strip() == "[" and text[m.end:m.end + 1] == "]"
                or _FORMERLY.match(text[prev.end:m.start]) and text[m.end:m.end + 1] == ")"):
            if m.cue is None:
                m.cue, m.hint = prev.cue, m.hint or prev.hint
            if m.label in NOT_PLACE_LABELS and prev.label not in ("PERSON", "ORG"):
                m.label = prev.label
