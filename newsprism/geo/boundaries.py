"""Where one place name ends and the next begins, once the gazetteer can be asked: neighbours the NER split
that are one name ("Baja" + "California"), run-on names that are two ("Tijuana Baja California"), and the two
ends of a route ("the X-Y road", "the X - Y road")."""

from __future__ import annotations

import dataclasses
from typing import Any

from .gazetteer import Gazetteer
from .mentions import Mention, words

SITE_TOWN_MIN = 10_000  # a site is placed at the town it is named after only if the town is this big


def join_adjacent(mentions: list[Mention], gaz: Gazetteer, text: str) -> list[Mention]:
    """ "Baja" + "California": neighbours split by the NER that the gazetteer knows as one name."""
    out: list[Mention] = []
    new_index: dict[int, int] = {}
    changed = False
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and text[m.end:nxt.start] == " ":
            whole = text[m.start:nxt.end]
            moved = _move_boundary(m, nxt, gaz, text)
            if moved is not None:  # "Tijuana Baja" + "California" -> "Tijuana" + "Baja California"
                new_index[i] = len(out)
                new_index[i + 1] = len(out) + 1
                moved[0].container = i + 1  # an old index, re-pointed below
                out.extend(moved)
                changed = True
                i += 2
                continue
            if any(c.kind != "city" or c.population >= SITE_TOWN_MIN for c in gaz.lookup(whole)) or _one_name(m, nxt, gaz):
                new_index[i] = new_index[i + 1] = len(out)
                out.append(join_pair(m, nxt, whole))
                i += 2
                continue
        new_index[i] = len(out)
        out.append(m)
        i += 1
    if not changed and len(out) == len(mentions):
        return mentions
    return reindexed(out, new_index)


def join_pair(m: Mention, nxt: Mention, whole: str, **fields: Any) -> Mention:
    """One mention of two neighbours (``whole`` is the text from the first's start to the second's end)."""
    return dataclasses.replace(m, end=nxt.end, text=whole, container=nxt.container, typed_end=nxt.typed_end,
                               hint=m.hint or nxt.hint, cue=m.cue or nxt.cue, **fields)


def reindexed(out: list[Mention], new_index: dict[int, int]) -> list[Mention]:
    """Point each container at its new position (``new_index``: old position -> new) after mentions were joined or
    split; a mention is never its own container."""
    for pos, m in enumerate(out):
        if m.container is not None:
            m.container = new_index.get(m.container)
            if m.container == pos:
                m.container = None
    return out


def _one_name(m: Mention, nxt: Mention, gaz: Gazetteer) -> bool:
    """ "Deh Now village", "Kala Bagh district": a name the NER cut after a word it took for a place,
    typed as a whole by the word after it, when the first word alone names no town or area of its own."""
    if nxt.cue != "type" or nxt.hint not in ("town", "district") or m.cue == "type" or len(m.text.split()) > 1:
        return False
    return not any(c.main and (c.kind != "city" or c.population >= SITE_TOWN_MIN) for c in gaz.lookup(m.text))


def _move_boundary(m: Mention, nxt: Mention, gaz: Gazetteer, text: str) -> list[Mention] | None:
    words_ = m.text.split(" ")
    if len(words_) < 2 or gaz.lookup(m.text):
        return None
    for k in range(len(words_) - 1, 0, -1):
        left = " ".join(words_[:k])
        cut = m.start + len(left)
        right = text[cut + 1:nxt.end]
        towns = {c.country for c in gaz.lookup(left) if c.kind == "city" and c.population >= SITE_TOWN_MIN}
        if towns and any(c.kind in ("admin1", "region") and c.country in towns for c in gaz.lookup(right)):
            head = dataclasses.replace(m, end=cut, text=left, typed_end=None)
            tail = dataclasses.replace(nxt, start=cut + 1, text=right, chain_tail=True, hint=nxt.hint or "admin",
                                       cue=nxt.cue or "chain")
            return [head, tail]
    return None


def split_run_on(mentions: list[Mention], gaz: Gazetteer, text: str) -> list[Mention]:
    """ "Tijuana Baja California": a name the gazetteer lacks that is two names it has, place then container."""
    out: list[Mention] = []
    for m in mentions:
        words_ = m.text.split(" ")
        if m.located and not gaz.lookup(m.text):
            road = m.typed_end is not None and text[m.end:m.typed_end].strip().lower() in words()["route_words"]
            if m.text.count("-") == 1 and (" " not in m.text.strip() or road):
                left, right = m.text.split("-")
                if (_town(gaz, left) and _town(gaz, right)) or (road and _name_part(left) and _name_part(right)):
                    # "Dhaka-Sylhet highway", "the Wolkenau-Ndekoville road": two places, neither in the other
                    cut = m.start + len(left)
                    out.extend([dataclasses.replace(m, end=cut, text=left, typed_end=None),
                                dataclasses.replace(m, start=cut + 1, text=right, typed_end=None)])
                    continue
        if len(words_) < 2 or gaz.lookup(m.text) or not m.located or (m.cue == "type" and m.hint == "district"):
            # ("Wolken Ndeko district": the type word after it names the whole run)
            out.append(m)
            continue
        for k in range(1, len(words_)):
            left, right = " ".join(words_[:k]), " ".join(words_[k:])
            towns = {c.country for c in gaz.lookup(left) if c.kind == "city" and c.population >= SITE_TOWN_MIN}
            if any(c.kind in ("admin1", "country", "region") and c.country in towns for c in gaz.lookup(right)):
                cut = m.start + len(left)
                head = dataclasses.replace(m, end=cut, text=left, typed_end=None, container=None)
                tail = dataclasses.replace(
                    m, start=cut + 1, text=right, cue="chain", hint="admin", chain_tail=True, container=None
                )
                out.extend([head, tail])
                break
        else:
            out.append(m)
    if len(out) == len(mentions):
        return mentions
    index = {id(m): i for i, m in enumerate(out)}  # re-point containers at the new positions
    old = {i: m for i, m in enumerate(mentions)}
    for m in out:
        if m.container is not None and id(old[m.container]) in index:
            m.container = index[id(old[m.container])]
    for i, m in enumerate(out):
        if m.chain_tail and m.cue == "chain" and i > 0 and out[i - 1].end + 1 == m.start and out[i - 1].container is None:
            out[i - 1].container = i
    return out


def route_ends(mentions: list[Mention], text: str) -> None:
    """ "on the Wolkenau - Ndekoville road": the name before the dash is the other end of the route."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if text[a.end:b.start].strip() in ("-", "–") and b.typed_end is not None and a.cue != "currency" and (
            text[b.end:b.typed_end].strip().lower() in words()["route_words"]
        ):
            a.cue, a.hint, a.label = "type", "site", None


def _name_part(part: str) -> bool:
    """One end of "X-Y road": a capitalised name of four letters or more, not a bare article or toponym word."""
    w = words()
    tokens = part.split()
    if tokens and tokens[0] in w["leading_articles"]:
        tokens = tokens[1:]
    if not tokens or tokens[-1].lower() in w["leading_articles"] or part.lower() in w["toponym_words"]:
        return False  # "Jabal al-Zawiya" is one name
    return tokens[0][:1].isupper() and len(" ".join(tokens)) >= 4


def _town(gaz: Gazetteer, name: str) -> bool:
    """A name the gazetteer has as an area or a town of some size under its own spelling (a transliteration variant
    is too loose to cut a name in two: "Sondé" of "Pont-Sondé" is a skeleton of Norway's Sande)."""
    return any(not c.loose and (c.kind != "city" or c.population >= SITE_TOWN_MIN) for c in gaz.lookup(name)) \
        if len(name) > 2 else False
