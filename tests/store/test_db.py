"""Opening a store: URLs, SQLite pragmas, and the migrations (run on open, matching the models, reversible)."""

from __future__ import annotations

from importlib import resources

import pytest
from sqlalchemy import inspect, text

from newsprism.errors import StoreError
from newsprism.store import open_repository
from newsprism.store.db import make_engine, migrate, normalise_url
from newsprism.store.schema import Base

FULL_TEXT = {"articles_fts", "articles_fts_data", "articles_fts_idx", "articles_fts_docsize", "articles_fts_config"}


def test_urls_people_type():
    assert normalise_url("newsprism.db") == "sqlite:///newsprism.db"
    assert normalise_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_unsupported_or_unreachable_stores_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="only SQLite"):
        make_engine("mysql://u@h/db")
    with pytest.raises(StoreError, match="does not exist"):
        make_engine(str(tmp_path / "missing" / "x.db"))
    with pytest.raises(StoreError, match="cannot open the store"):
        open_repository("postgresql://nobody:wrong@127.0.0.1:1/none")


def test_sqlite_file_is_in_wal_mode_with_foreign_keys(tmp_path):
    with open_repository(str(tmp_path / "w.db")) as repo, repo.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert (tmp_path / "w.db").exists()


def test_migrations_create_every_model_table_and_run_once(db_url):
    with open_repository(db_url) as repo:
        tables = set(inspect(repo.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with repo.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        migrate(repo.engine)  # again: nothing to do
        with repo.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_the_migrations_match_the_models(db_url):
    """Autogenerate finds nothing to change: a model edit without a migration fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with open_repository(db_url) as repo, repo.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    def full_text(op) -> bool:  # the dialect-specific search index lives only in the migration
        return (op[0] == "remove_table" and op[1].name in FULL_TEXT) or (
            op[0] in ("remove_column", "remove_index") and "tsv" in str(op))
    assert [op for op in diff if not (isinstance(op, tuple) and full_text(op))] == []


def test_downgrade_and_upgrade_again(db_url):
    from alembic import command
    from alembic.config import Config

    with open_repository(db_url) as repo:
        config = Config()
        config.set_main_option("script_location", str(resources.files("newsprism.store").joinpath("migrations")))
        with repo.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert not set(Base.metadata.tables) & set(inspect(repo.engine).get_table_names())
        migrate(repo.engine)
        assert set(Base.metadata.tables) <= set(inspect(repo.engine).get_table_names())
