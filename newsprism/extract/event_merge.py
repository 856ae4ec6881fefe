"""How the events stage groups mentions of one event (:mod:`.events`): same kind, compatible place and date, close
by; a vague mention joins the scene next to it; a protest and the force used on it in the next sentences are one
event; a later mention that refers back ("the UN condemned the attack") is the event it refers to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Place
from ..nlp.pipeline import ParsedArticle
from .counts import has_toll
from .event_context import apart_words, finer_within, generic_triggers, partitive, place_cues, refers_back

if TYPE_CHECKING:
    from .events import Candidate

ESCALATIONS = {"intervention", "excessive-force", "violent-demonstration"}
#: trigger rules that name one means of attack: two mentions of it close by are one scene
WEAPON_KINDS = {"air", "shelling", "suicide", "ied", "grenade"}
#: besides violent events, the sub-types a count in the next sentences belongs to ("22 people were detained")
COUNTED_AFTER = ("Arrests", "Other", "Peaceful protest")


def lexicons():
    from .events import lexicons as events_lexicons

    return events_lexicons()


def merge(candidates: list[Candidate], parsed: ParsedArticle) -> list[Candidate]:
    """Group the mentions of one event; the first member of each group stands for it.

    Mentions of the same kind merge when their places and dates agree and they are close by. A vague
    mention ("shooting erupted", "explosions were heard") or a violent one the classifier coded joins a
    violent event a trigger rule coded within two sentences of it: one scene, told in several sentences.
    """
    groups: list[Candidate] = []
    soft = [c for c in candidates if c.vague or (not c.fixed and c.violent_or_protest())]
    for c in candidates:
        if c in soft:
            continue
        _join_or_new(groups, c)
    for wave in ([c for c in soft if not c.vague], [c for c in soft if c.vague]):
        attached = True
        while wave and attached:  # repeat: a mention joined to a scene brings the next one within reach
            attached = False
            for c in list(wave):
                target = _scene_for(groups, c)
                if target is not None:
                    _attach(target, c)
                    wave.remove(c)
                    attached = True
        for c in wave:  # in text order: a count may follow a vague event placed just before it
            target = _scene_for(groups, c) if c.vague and has_toll(c.counts) else None
            if target is not None:
                _attach(target, c)
            else:
                _join_or_new(groups, c)
    groups = _escalate(groups)
    for g in groups:
        g.members.sort(key=lambda m: m.index)
    return sorted(groups, key=lambda g: g.members[0].index)


def _escalate(groups: list[Candidate]) -> list[Candidate]:
    """A protest and, right after it in the same paragraph, the police dispersing or arresting its people (or
    the crowd turning violent) are one event: the protest is recoded as the intervention, force or riot."""
    lex = lexicons()
    out: list[Candidate] = []
    for h in sorted(groups, key=lambda g: g.members[0].index):
        riot = not h.fixed and "riot" in h.families  # "They threw stones at the police": the crowd turned violent
        escalation = riot or h.kind in ESCALATIONS or (h.kind == h.sub_event_type and "arrest" in h.rule_kinds
                                                       and not h.families & {"violence", "explosion", "battle"})
        target = next((g for g in reversed(out) if lex.type_of.get(g.sub_event_type) == "Protests"
                       and g.sub_event_type == "Peaceful protest" and g.paragraph == h.paragraph
                       and 0 < h.members[0].index - g.members[-1].index <= 3 and _compatible(g, h)), None)
        if not escalation or target is None:
            out.append(h)
            continue
        target.members.extend(h.members)
        fixed_sub = h.sub_event_type if h.fixed else "Violent demonstration" if riot else "Protest with intervention"
        target.sub_event_type, target.kind, target.fixed = fixed_sub, h.kind if h.fixed else \
            "violent-demonstration" if riot else "intervention", True
        target.confidence = max(target.confidence, h.confidence)
        if not h.fixed:
            inter1 = 5 if riot else 6
            target.inter1, target.inter2 = inter1, 1
            h.fixed, h.sub_event_type, h.inter1, h.inter2 = True, fixed_sub, inter1, 1
    return out


def _attach(target: Candidate, c: Candidate) -> None:
    """``c`` joins ``target``; a peaceful protest whose people the next sentences count as detained or hurt ("Police
    said 22 people were detained") was met with force."""
    target.members.append(c)
    if target.sub_event_type == "Peaceful protest" and c.vague and has_toll(c.counts):
        for m in target.members:  # each mention of the protest, since the event is coded from one of them
            if m is target or m.sub_event_type == "Peaceful protest":
                m.sub_event_type, m.kind, m.fixed, m.inter1, m.inter2 = "Protest with intervention", "intervention", True, 6, 1


def _scene_for(groups: list[Candidate], c: Candidate) -> Candidate | None:
    if c.vague:  # a casualty or arrest count right after an event, in its paragraph, belongs to it
        before = [g for g in groups if g.members[-1].paragraph == c.paragraph and 0 < c.index - g.members[-1].index <= 2
                  and _compatible(g, c) and (g.violent_or_protest() or g.sub_event_type in COUNTED_AFTER and (
                      has_toll(c.counts) or g.sub_event_type != "Peaceful protest"))]
        if before:
            return max(before, key=lambda g: g.members[-1].index)
    type_of = lexicons().type_of
    near = [g for g in groups if g.violent_or_protest() and _compatible(g, c) and _gap(g, c) <= 2
            and (c.vague or _one_scene(type_of.get(g.sub_event_type), type_of.get(c.sub_event_type)))
            and (c.vague or not _told_apart(c))]
    strong = [g for g in near if g.fixed] or (near if c.vague else [])
    return min(strong, key=lambda g: _gap(g, c)) if strong else None


def _told_apart(c: Candidate) -> bool:
    """Whether the mention's own words set it apart from what was told before ("A police officer was later burned to
    death by a mob", "Separately, forces arrested 15 people": ``apart_words`` in event_merge.v1.json)."""
    return apart_words().search(c.sentence.text) is not None


def _one_scene(a: str | None, b: str | None) -> bool:
    """Whether mentions of these two types can tell one scene: not a crowd's protest or riot and a battle or a
    bombing ("the militia seized the town last week. ... Police arrested 40 demonstrators"); violence against
    civilians goes with either (police killing a man, and the crowd protesting at it)."""
    crowd, armed = {"Protests", "Riots"}, {"Battles", "Explosions/Remote violence"}
    return not (a in crowd and b in armed or a in armed and b in crowd)


def _join_or_new(groups: list[Candidate], c: Candidate) -> None:
    target = next((g for g in reversed(groups) if _same_event(g, c)), None)
    if target is None:
        c.members = [c]
        groups.append(c)
    else:
        target.members.append(c)


def fold_references(groups: list[Candidate], text: str) -> list[Candidate]:
    """"The UN condemned the attack": mentions that refer back and tell nothing new (no date, no figure) are the latest
    earlier event of their type, however far back. So are casualties taken as a part of a toll told before
    ("nineteen of the injured were taken to X"), with any earlier violent event. Such mentions leading a group that
    goes on with news of its own ("Y said the protests were paid for. Protests also spread to Z") leave it, and the
    group stands for its first mention of news."""
    type_of = lexicons().type_of
    out: list[Candidate] = []
    for g in sorted(groups, key=lambda g: g.members[0].index):
        leading = []
        for m in g.members:
            if not _refers(m, text):
                break
            leading.append(m)
        partitive_only = bool(leading) and all(partitive(text, m.trigger.start, m.sentence.start) for m in leading)
        # "condemned the attack" after an airstrike, "blamed terrorists for the attack" after a bombing
        generic = bool(leading) and all(m.vague or m.trigger.text.lower() in generic_triggers() for m in leading)
        before = [t for t in out if all(_dates_agree(t, m) for m in leading) and (
            (partitive_only and t.violent_or_protest()) or (
                (_kin(type_of.get(t.sub_event_type), type_of.get(g.sub_event_type)) or generic and t.violent_or_protest()
                 or all(_same_trigger(m, t) for m in leading))
                and all(_compatible(t, m, towns_only=generic) or generic and _summarised(t, m) for m in leading)))]
        if leading and before:
            target = max(before, key=lambda t: max(m.index for m in t.members))
            for m in leading:
                m.reference = True
            target.members = sorted(target.members + leading, key=lambda m: m.index)
            rest = [m for m in g.members if m not in leading]
            if rest and all(m.vague and not m.places and m.date is None and _dates_agree(target, m) for m in rest):
                for m in rest:  # "The drone hit the market ... I counted twenty bodies": the scene's toll goes with it
                    _attach(target, m)
                target.members.sort(key=lambda m: m.index)
                rest = []
            if not rest:
                continue
            g, rest[0].members = rest[0], rest
        out.append(g)
    return out


def _same_weapon(group: Candidate, c: Candidate) -> bool:
    return c.trigger_kind in WEAPON_KINDS and _same_trigger(c, group)


def _within(group: Candidate, c: Candidate) -> bool:
    """Dates agree, and each of ``c``'s places is one of the group's or lies within one ("a village of Kanbalu
    township" told after "an air strike in the Sagaing region")."""
    if not _dates_agree(group, c):
        return False
    places = [p for m in group.members for p in m.places]
    return not places or all(any(_place_key(p) == _place_key(q) or finer_within(q, p) for q in places) for p in c.places)


def _same_trigger(m: Candidate, target: Candidate) -> bool:
    """Whether a referring mention names the event with the words of the same trigger rule as one of the target's
    mentions ("a drone strike on a market ... The drone hit the middle of the market"), whatever sub-type the
    classifier gave each."""
    return bool(m.trigger_kind) and any(x.trigger_kind == m.trigger_kind for x in target.members)


def _kin(a: str | None, b: str | None) -> bool:
    """One type, or protests and riots ("accused foreign services of orchestrating the unrest" after the marches)."""
    return a == b or {a, b} == {"Protests", "Riots"}


def _refers(m: Candidate, text: str) -> bool:
    if m.date is not None:
        return False
    if partitive(text, m.trigger.start, m.sentence.start):
        return True
    if any(n.best > 0 for n in m.counts.values()):
        return False
    # a generic word with no town of its own ('"We heard two explosions," a witness said') tells of the scene before
    return refers_back(text, m.trigger.start, m.sentence.start) or m.vague and all(p.precision == 3 for p in m.places)


def fold_headings(groups: list[Candidate], is_heading: Callable[[Candidate], bool]) -> list[Candidate]:
    """A headline or subhead sums up an event its body tells: an event told only in headings joins the body's event
    of its type, or else the body's first violent or protest event, when their places and dates agree
    ("Six dead as demonstrators clash with police in X" and "security forces clashed with protesters … in X").
    The headings that open a group going on in the body leave it for such an event when there is one: the headline
    sums up the article, not the body mention that happened to follow it."""
    out = list(groups)
    moved: set[int] = set()
    for g in groups:
        lead = []
        for m in g.members:
            if not is_heading(m):
                break
            lead.append(m)
        if not lead or any(id(m) in moved for m in lead):  # headings already gone to the event they sum up
            continue
        head = g if any(g is m for m in lead) else lead[0]  # the group's coding stays with the part that holds it
        rest = [m for m in g.members if all(m is not x for x in lead)]
        own = [replace(g if any(g is m for m in rest) else rest[0], members=rest)] if rest else []  # its own body part
        target = _summed_up(head, lead, [t for t in out if t is not g] + own, is_heading)
        if target is None or any(target is o for o in own):
            continue
        target.members = sorted(target.members + lead, key=lambda m: m.index)
        moved.update(id(m) for m in lead)
        at = out.index(g)
        out.remove(g)
        if rest:
            rest_head = g if any(g is m for m in rest) else rest[0]
            rest_head.members = rest
            out.insert(at, rest_head)
    return out


def _summed_up(head: Candidate, lead: list[Candidate], others: list[Candidate],
               is_heading: Callable[[Candidate], bool]) -> Candidate | None:
    """The body's event that headings ``lead`` (coded as ``head``) sum up, if any."""
    type_of = lexicons().type_of
    body = [t for t in others if not all(is_heading(m) for m in t.members) and all(_summarised(t, m) for m in lead)]
    same = [t for t in body if type_of.get(t.sub_event_type) == type_of.get(head.sub_event_type)]
    if type_of.get(head.sub_event_type) == "Strategic developments":  # a catch-all type: the very same sub-type only
        same = [t for t in same if t.sub_event_type == head.sub_event_type != "Other"]
    generic = all(m.vague for m in lead)
    related = [t for t in body if (head.violent_or_protest() or generic) and t.violent_or_protest()]
    if generic:  # a generic headline ("Bombers kill 18") is coded loosely: the body's lead
        same = []
    return min(same or related, key=lambda t: t.members[0].index, default=None)


def _gap(group: Candidate, c: Candidate) -> int:
    return min(abs(m.index - c.index) for m in group.members)


def _same_event(group: Candidate, c: Candidate) -> bool:
    # one means of attack told twice close by ("an air strike ..." then "a fighter jet dropped bombs") is one event
    # whatever sub-type the classifier gave each mention
    weapon = _same_weapon(group, c) and _gap(group, c) <= 2 and not _told_apart(c) and _within(group, c)
    if group.kind != c.kind and not weapon or not (weapon or _compatible(group, c)):
        return False
    has_place = any(m.places for m in group.members) and bool(c.places)
    return _gap(group, c) <= (6 if c.fixed else 3) or has_place


def _dates_agree(group: Candidate, c: Candidate) -> bool:
    dates = {m.date.value for m in group.members if m.date is not None}
    return c.date is None or not dates or c.date.value in dates


def _compatible(group: Candidate, c: Candidate, towns_only: bool = False) -> bool:
    """Dates agree, and places: one of ``c``'s is one of the group's (``towns_only``: countries named with ``c`` aside)."""
    if not _dates_agree(group, c):
        return False
    places = {_place_key(p) for m in group.members for p in m.places}
    own = [p for p in c.places if not (towns_only and p.precision == 3)]
    return not (own and places and not places & {_place_key(p) for p in own})


def _summarised(group: Candidate, c: Candidate) -> bool:
    """Whether a heading's mention ``c`` can sum up ``group``: dates agree, and each of its places is one of the
    group's or contains one (a country or region a headline names around the body's town)."""
    if not _dates_agree(group, c):
        return False
    places = [p for m in group.members for p in m.places]
    km = place_cues().region_km  # a headline's region can be wide ("Sudan's Darfur")
    return not places or all(any(_place_key(p) == _place_key(q) or finer_within(p, q, km) or _town_of(p, q)
                                 for q in places) for p in c.places)


def _town_of(town: Place, other: Place) -> bool:
    """Whether a headline's ``town`` may name the area ``other`` lies in: the town of the area's name ("in Arauca",
    read as the town, where the body tells of Tame in the department of Arauca), or the area itself."""
    area = (town.admin1 or "").casefold()
    if not area or town.country != other.country or (town.resolved_name or "").casefold() != area:
        return False
    return (other.admin1 or "").casefold() == area or (other.kind == "admin1" and
                                                        (other.resolved_name or "").casefold() == area)


def _place_key(place: Place) -> str:
    return place.gazetteer_id or (place.resolved_name or place.name).lower()
