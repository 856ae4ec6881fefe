"""Alembic environment. Migrations run programmatically (``newsprism.store.migrate``) on a connection passed in
``config.attributes["connection"]``; there is no alembic.ini."""

from __future__ import annotations

from alembic import context

from newsprism.store.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only programmatic use is supported
    raise RuntimeError("newsprism's migrations run through newsprism.store.open_repository, not the alembic command")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
