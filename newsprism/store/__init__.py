"""The store: analysed articles in SQLite (default) or PostgreSQL behind one :class:`Repository`.

See docs/store.md. ``open_repository(url)`` creates or upgrades the schema (Alembic migrations) and returns the
repository; ``Filters`` selects what the read methods return.
"""

from .filters import Filters
from .repository import STATUSES, Repository, open_repository
from .rows import prediction_id

__all__ = ["Filters", "Repository", "STATUSES", "open_repository", "prediction_id"]
