"""Offline geography: the gazetteer (GeoNames cities, countries, continents, ISO 3166-2 subdivisions, regions).

See :mod:`newsprism.geo.gazetteer` for lookups and :mod:`newsprism.geo.build` for how the SQLite index is made.
"""

from .gazetteer import Candidate, Gazetteer, haversine_km, name_key, open_gazetteer

__all__ = ["Candidate", "Gazetteer", "haversine_km", "name_key", "open_gazetteer"]
