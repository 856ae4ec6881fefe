"""Parquet export: flat rows (dicts of plain values) to one Parquet file, with pyarrow."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, BinaryIO


def write_parquet(rows: Iterable[dict[str, Any]], out: str | os.PathLike[str] | BinaryIO) -> int:
    """Write ``rows`` (one dict per row, the same keys in each) to ``out``; returns the number of rows.

    Column types are inferred from the values (a column that is empty in every row becomes a null column).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = list(rows)
    table = pa.Table.from_pylist(records)
    pq.write_table(table, out)
    return len(records)
