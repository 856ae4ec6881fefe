"""Connecting to a store: the engine for a URL (SQLite in WAL mode, or PostgreSQL) and the migrations run on open."""

from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from ..errors import StoreError

logger = logging.getLogger(__name__)


def normalise_url(url: str) -> str:
    """A database URL from what a user types: a URL, or a path to an SQLite file.

    ``postgresql://`` is read as ``postgresql+psycopg://`` (psycopg 3 is the driver newsprism installs).
    """
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> Engine:
    """The engine for ``url``; SQLite files get WAL mode and foreign keys."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                parent = Path(database).expanduser().resolve().parent
                if not parent.is_dir():
                    raise StoreError(f"cannot open the store {url}: the folder {parent} does not exist; create it first")
            engine = create_engine(parsed, json_serializer=_to_json)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        if parsed.get_backend_name() == "postgresql":
            try:
                return create_engine(parsed, pool_pre_ping=True, json_serializer=_to_json)
            except ImportError:
                raise StoreError(f"cannot open the store {parsed.render_as_string(hide_password=True)}: the PostgreSQL "
                                 "driver is not installed; pip install 'newsprism[postgres]'") from None
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(f"cannot open the store {url!r}: {exc}; give a path to an SQLite file or postgresql://...") from None
    raise StoreError(f"cannot open the store {url!r}: only SQLite (a path or sqlite:///FILE) and postgresql:// are supported")


def _to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # article text in any script, stored as itself


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
    finally:
        cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates it on an empty database)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("newsprism.store").joinpath("migrations")))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open the store {engine.url.render_as_string(hide_password=True)}: {exc.orig}") from None
