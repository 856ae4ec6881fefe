"""The situation report: one self-contained HTML file (or Markdown for a memo) over a fusion result.

:func:`build_context` turns a :class:`~newsprism.fuse.Fusion` into plain dicts and lists
(headline figures, timeline, map markers, stories, who-says-what, predictions,
outlets, article views); the Jinja2 templates in ``templates/`` only lay them out.
Every item links to the article it came from, shown in the same file with its
evidence spans highlighted (``<mark>`` built from the offsets).

Article text is never trusted: the HTML template autoescapes, highlights are built
by escaping each text segment, map popups are built with ``textContent``, the data
block is JSON with ``<``, ``>`` and ``&`` escaped, and a Content-Security-Policy
lets only the report's own scripts (by hash) run and forbids every network request.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from ..fuse.cluster import event_spans, outlet_label
from ..model import Analysis, Claim, Event, Evidence, Figure, Place, Span, Story

if TYPE_CHECKING:
    from ..fuse import Fusion

SNIPPET = 260
FIELDS = (("fatalities", "Dead"), ("injured", "Injured"), ("arrested", "Arrested"))


# --------------------------------------------------------------------------- highlights

class Marks:
    """Evidence spans to highlight, per article; each gets one anchor id for links."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, int, int, str], str] = {}
        self.by_article: dict[str, list[tuple[int, int, str, str]]] = {}

    def add(self, article_id: str, span: Span | None, kind: str) -> str | None:
        """Register ``span`` of ``article_id`` as evidence of ``kind``; returns the link target ("#m12")."""
        if span is None or span.end <= span.start:
            return None
        key = (article_id, span.start, span.end, kind)
        if key not in self._ids:
            anchor = f"m{len(self._ids) + 1}"
            self._ids[key] = anchor
            self.by_article.setdefault(article_id, []).append((span.start, span.end, kind, anchor))
        return "#" + self._ids[key]


def highlight(text: str, marks: Iterable[tuple[int, int, str, str]]) -> Markup:
    """``text`` as HTML with each (start, end, kind, anchor) wrapped in ``<mark>``; every segment is escaped.

    Overlapping spans are cut at every boundary, so each piece of text is one ``<mark>`` whose
    classes name all the spans covering it; an empty ``<span id=anchor>`` sits where each span starts.
    """
    n = len(text)
    spans = [(max(0, s), min(n, e), k, a) for s, e, k, a in marks if 0 <= s < e and s < n]
    cuts = sorted({0, n, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[tuple[int, int, str, str]]] = {}
    for item in spans:
        starts.setdefault(item[0], []).append(item)
    out: list[str] = []
    active: list[tuple[int, int, str, str]] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m[1] > left] + starts.get(left, [])
        for *_, anchor in starts.get(left, []):
            out.append(f'<span class="anchor" id="{escape(anchor)}"></span>')
        piece = str(escape(text[left:right]))
        if active:
            classes = " ".join(sorted({"ev-" + _css(m[2]) for m in active}))
            out.append(f'<mark class="{classes}">{piece}</mark>')
        else:
            out.append(piece)
    return Markup("".join(out))


def _css(kind: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", kind.lower()).strip("-") or "x"


# --------------------------------------------------------------------------- small helpers

def snippet(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence_around(analysis: Analysis, span: Span) -> str:
    """The sentence holding ``span`` (from the analysis, else cut at the nearest sentence ends of the text)."""
    for sentence in analysis.sentences:
        if sentence.start <= span.start and span.end <= sentence.end:
            return sentence.text
    text = analysis.article.text
    left = max(text.rfind(mark, 0, span.start) for mark in (". ", "! ", "? ", "\n")) + 1
    ends = [i for i in (text.find(mark, span.end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    return text[left: min(ends) + 1 if ends else len(text)].strip()


def figure_text(low: int, high: int | None) -> str:
    from ..fuse.contradictions import figure_value

    return figure_value(low, high)


def range_text(low: int, high: int, open_ended: bool) -> str:
    """A total as shown: "8–40+" (the highest figure is a lower bound), "10–90", "2,000+"."""
    text = f"{low:,}" if high <= low else f"{low:,}–{high:,}"
    return text + "+" if open_ended else text


@functools.cache
def _country(iso3: str) -> tuple[str, str | None]:
    """(name, ISO numeric) of an alpha-3 code (the world-atlas shapes are keyed by ISO numeric). The name is the one
    the gazetteer gives places of that country ("Russia", "Iran", not "Iran, Islamic Republic of")."""
    import pycountry

    from ..geo.gazetteer import country_names

    found = pycountry.countries.get(alpha_3=iso3.upper())
    name = country_names().get(iso3.upper())
    if found is None:
        return (name or iso3, None)
    return (name or getattr(found, "common_name", None) or found.name, found.numeric)



def place_label(place: Place | None) -> str:
    if place is None:
        return "place not reported"
    if not place.resolved:
        return f"{place.name} (unresolved)"
    name = place.resolved_name or place.name
    country = place.country_name or (_country(place.country)[0] if place.country else None)
    return f"{name}, {country}" if country and country != name else name


def date_label(value: str | None, precision: str | None) -> str:
    if not value:
        return "date not reported"
    if precision == "reported":
        return f"reported {value[:10]}"
    if precision == "month":  # the value is the month's first day: say the month, not a day
        return value[:7]
    if precision == "year":
        return value[:4]
    return value


def _event_label(event: Event | Story) -> str:
    sub = event.sub_event_type or event.event_type
    return f"{sub} — {place_label(event.place)} — {date_label(event.date.value, event.date.precision)}"


# --------------------------------------------------------------------------- the context

def build_context(fusion: Fusion, *, title: str | None = None, generated: str | None = None) -> dict[str, Any]:
    """Everything the templates show, as plain data (links point at anchors in the same file)."""
    analyses = list(fusion.analyses)
    marks = Marks()
    index = {a.id: n for n, a in enumerate(analyses, 1)}
    events: dict[tuple[str, str], Event] = {(a.id, e.id): e for a in analyses for e in a.events}
    story_anchor = {s.id: f"st{n}" for n, s in enumerate(fusion.stories, 1)}

    by_id = {a.id: a for a in analyses}

    def art(article_id: str) -> dict[str, Any]:
        a = by_id[article_id]
        return {"anchor": f"art{index[article_id]}", "title": a.article.title or a.id, "outlet": _outlet(a)}

    def ev_link(evidence: Evidence | None, kind: str) -> dict[str, Any] | None:
        """A link to a highlighted span; short spans (a number) are shown with their sentence."""
        if evidence is None:
            return None
        href = marks.add(evidence.article_id, evidence.span, kind)
        span = evidence.span
        shown = span.text if len(span.text) >= 40 else sentence_around(by_id[evidence.article_id], span)
        return {"href": href, "text": snippet(shown), **art(evidence.article_id)}

    stories = [_story(s, story_anchor[s.id], events, ev_link, art) for s in fusion.stories]
    claims_by_speaker = _speakers(analyses, marks, art)
    predictions = [{
        "id": p.id, "speaker": p.speaker.name, "speaker_kind": p.speaker.kind, "content": snippet(p.content.text),
        "made": p.made, "horizon": p.horizon, "horizon_date": p.horizon_date, "certainty": p.certainty,
        "status": p.status, "outlet": p.outlet, "href": marks.add(p.article_id, p.content, "prediction"),
        **{k: v for k, v in art(p.article_id).items() if k != "outlet"},
    } for p in fusion.predictions]
    for a in analyses:  # rhetoric spans are highlighted too (the outlet table counts them)
        for r in a.rhetoric:
            marks.add(a.id, Span(r.start, r.end, r.text), "rhetoric")
    shown = {s["id"]: s for s in stories}
    timeline = [{
        "date": date_label(e.date, e.precision), "iso": e.date, "precision": e.precision,
        "country": _country(e.country)[0] if e.country else "country not reported",
        "stories": [{k: shown[sid][k] for k in ("anchor", "label", "corroboration")} for sid in e.story_ids],
    } for e in fusion.timeline]
    articles = [{
        "anchor": f"art{index[a.id]}", "id": a.id, "title": a.article.title or a.id, "outlet": _outlet(a),
        "published": a.article.published, "url": a.article.url, "authors": a.article.authors,
        "events": len(a.events), "claims": len(a.claims),
        "html": highlight(a.article.text, marks.by_article.get(a.id, [])),
    } for a in analyses]
    return {
        "title": title or _default_title(fusion),
        "generated": generated or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "headline": _headline(fusion, stories),
        "timeline": timeline,
        "map": _map_data(fusion.stories, story_anchor),
        "stories": stories,
        "speakers": claims_by_speaker,
        "predictions": predictions,
        "outlets": [{**dataclasses.asdict(p), "articles": [a for a in articles if a["outlet"] == p.outlet]}
                    for p in fusion.outlets],
        "articles": articles,
        "duplicates": [{"dropped": d, "kept": art(k)} for d, k in fusion.duplicates],
        "rejections": [{"input": r.input, "stage": r.stage, "code": r.code, "message": r.message}
                       for a in analyses for r in a.rejections],
    }


def _outlet(analysis: Analysis) -> str:
    return outlet_label(analysis.article)


def _default_title(fusion: Fusion) -> str:
    countries = Counter(s.place.country for s in fusion.stories if s.place is not None and s.place.country)
    top = countries.most_common(3)
    where = ", ".join(_country(c)[0] for c, n in top if n * 2 >= top[0][1])
    return f"Situation report: {where}" if where else "Situation report"


def _story(story: Story, anchor: str, events, ev_link, art) -> dict[str, Any]:
    members = []
    for ref in story.members:
        event = events.get((ref.article_id, ref.event_id))
        if event is None:
            continue
        spans = event_spans(event)
        members.append({
            **art(ref.article_id), "label": _event_label(event), "certainty": event.certainty,
            "reported_by": event.reported_by.name if event.reported_by else None,
            "evidence": [ev_link(Evidence(ref.article_id, s), "event") for s in spans],
        })
    figures = {}
    for field_name, label in FIELDS:
        figs: list[Figure] = getattr(story, field_name)
        if figs:
            figures[label] = [_figure(f, ev_link, field_name) for f in figs]
    return {
        "id": story.id, "anchor": anchor, "label": _event_label(story), "event_type": story.event_type,
        "corroboration": story.corroboration, "outlets": story.outlets,
        "reported_by": [f"{r.name} ({r.kind})" for r in story.reported_by],
        "figures": figures, "members": members,
        "contradictions": [{
            "field": c.field, "summary": c.summary,
            "sides": [{"value": side.value, "outlets": side.outlets, "reported_by": side.reported_by,
                       "evidence": [ev_link(e, "contradiction") for e in side.evidence]} for side in c.sides],
        } for c in story.contradictions],
    }


def _figure(fig: Figure, ev_link, field_name: str) -> dict[str, Any]:
    return {"value": figure_text(fig.low, fig.high), "outlet": fig.outlet, "reported_by": fig.reported_by,
            "evidence": ev_link(fig.evidence, field_name)}


def _headline(fusion: Fusion, stories: list[dict[str, Any]]) -> dict[str, Any]:
    figures = []
    for field_name, label in FIELDS:
        low = high = 0
        open_ended = False
        sources = []
        for story, shown in zip(fusion.stories, stories, strict=True):
            figs: list[Figure] = getattr(story, field_name)
            if not figs:
                continue
            low += min(f.low for f in figs)
            highs = [f.high for f in figs]
            if any(h is None for h in highs):
                open_ended = True
                high += max(f.low for f in figs)
            else:
                high += max(h for h in highs if h is not None)
            for f in shown["figures"][label]:
                sources.append({**f, "story": shown["anchor"], "story_label": shown["label"]})
        figures.append({"label": label, "field": field_name, "sources": sources,
                        "range": range_text(low, high, open_ended) if sources else None, "open": open_ended})
    return {
        "events": len(fusion.stories),
        "event_mentions": sum(len(s.members) for s in fusion.stories),
        "corroborated": sum(1 for s in fusion.stories if s.corroboration >= 2),
        "articles": len(fusion.analyses),
        "outlets": len(fusion.outlets),
        "contradictions": len(fusion.contradictions),
        "predictions": len(fusion.predictions),
        "figures": figures,
    }


def _speakers(analyses: list[Analysis], marks: Marks, art) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for a in analyses:
        for claim in a.claims:
            key, label = _speaker_key(claim, a)
            group = groups.setdefault(key, {"speaker": label, "kind": claim.speaker.kind, "claims": []})
            group["claims"].append({
                "content": snippet(claim.content.text), "kind": claim.kind, "certainty": claim.certainty,
                "cues": [c.text for c in claim.certainty_cues], "direct": claim.direct,
                "channel": claim.channel.name if claim.channel else None,
                "href": marks.add(a.id, claim.content, f"claim-{claim.kind}"),
                "source_href": marks.add(a.id, claim.source, "source") if claim.source else None,
                **art(a.id),
            })
            for cue in claim.certainty_cues:
                marks.add(a.id, cue, "hedge")
    out = list(groups.values())
    for group in out:
        group["certainty"] = dict(Counter(c["certainty"] for c in group["claims"]))
    out.sort(key=lambda g: (-len(g["claims"]), g["speaker"].casefold()))
    return out


def _speaker_key(claim: Claim, analysis: Analysis) -> tuple[tuple[str, str], str]:
    speaker = claim.speaker
    if speaker.kind == "author":
        named = speaker.name.strip() if speaker.name.strip().casefold() not in ("", "author", "the author") else ""
        who = ", ".join(analysis.article.authors) or named or "unnamed author"
        outlet = _outlet(analysis)
        return ("author", f"{who}\t{outlet}".casefold()), f"The author's own voice ({who}, {outlet})"
    name = " ".join(speaker.name.split()) or "unnamed source"
    return (speaker.kind, speaker.entity_id or name.casefold()), name


def _map_data(stories: list[Story], anchors: dict[str, str]) -> dict[str, Any]:
    places: dict[tuple[float, float], dict[str, Any]] = {}
    countries: set[str] = set()
    for story in stories:
        place = story.place
        if place is None or not place.resolved:
            continue
        if place.country:
            numeric = _country(place.country)[1]
            if numeric:
                countries.add(numeric)
        if place.latitude is None or place.longitude is None:
            continue
        key = (round(place.latitude, 4), round(place.longitude, 4))
        marker = places.setdefault(key, {"lat": key[0], "lon": key[1], "place": place_label(place),
                                         "precision": place.precision or 3, "stories": []})
        marker["stories"].append({"anchor": anchors[story.id], "label": _event_label(story),
                                  "corroboration": story.corroboration})
    return {"markers": list(places.values()), "countries": sorted(countries)}


# --------------------------------------------------------------------------- rendering

@functools.cache
def _static(name: str) -> str:
    return resources.files("newsprism.present").joinpath("static", name).read_text(encoding="utf-8")


def _script(source: str) -> str:
    """JavaScript safe to put between ``<script>`` tags."""
    return re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)


def _json_block(data: Any) -> Markup:
    """JSON for a ``<script type="application/json">`` block: no ``<``, ``>``, ``&`` that could end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


@functools.cache
def _environment(kind: str):
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("newsprism.present", "templates"),
        autoescape=(kind == "html"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["pct"] = lambda v: "—" if v is None else f"{v * 100:.0f}%"
    return env


def render_html(fusion: Fusion, *, title: str | None = None, generated: str | None = None) -> str:
    """The report as one HTML file that needs no network (scripts, styles and map shapes inlined)."""
    context = build_context(fusion, title=title, generated=generated)
    scripts = [_script(_static(name)) for name in ("leaflet.js", "topojson-client.min.js", "sitrep.js")]
    csp = ("default-src 'none'; script-src " + " ".join(_csp_hash(s) for s in scripts)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    return _environment("html").get_template("sitrep.html").render(
        **context,
        csp=csp,
        styles=Markup(_static("leaflet.css") + "\n" + _static("sitrep.css")),
        scripts=[Markup(s) for s in scripts],
        data_json=_json_block(context["map"]),
        countries_json=_json_block(json.loads(_static("countries-110m.json"))),
    )


def render_markdown(fusion: Fusion, *, title: str | None = None, generated: str | None = None) -> str:
    """The report as Markdown for a memo (evidence quoted, article text escaped)."""
    context = build_context(fusion, title=title, generated=generated)
    return _environment("md").get_template("sitrep.md").render(**context)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def md_escape(value: Any) -> str:
    """Text safe inside Markdown (and any HTML a Markdown renderer lets through): one line, specials escaped."""
    text = " ".join(str(value if value is not None else "").split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_report(fusion: Fusion, path: str | Path, *, title: str | None = None) -> Path:
    """Write the report; Markdown when the file name ends in .md/.markdown, else HTML."""
    path = Path(path)
    markdown = path.suffix.lower() in (".md", ".markdown")
    text = render_markdown(fusion, title=title) if markdown else render_html(fusion, title=title)
    path.write_text(text, encoding="utf-8")
    return path


__all__ = ["build_context", "highlight", "md_escape", "render_html", "render_markdown", "write_report"]
