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


#: the article fields that become columns; the records found in it are JSON text columns (one row per article)
ARTICLE_COLUMNS = ("id", "outlet", "url", "title", "published", "language", "source", "content_hash", "text")
RECORD_COLUMNS = ("sentences", "entities", "places", "dates", "events", "claims", "rhetoric", "rejections")


def write_analyses(analyses: Iterable[Any], out: Any) -> None:
    """The export writer for ``--format parquet``: one row per article, its records as JSON text columns.

    ``out`` is the text stream the export registry hands over; Parquet is binary, so the bytes go to its
    underlying buffer (stdout, or a file opened by ``--out``).
    """
    import json

    from ..model import to_dict

    def rows() -> Iterable[dict[str, Any]]:
        for analysis in analyses:
            article = analysis.article
            row: dict[str, Any] = {name: getattr(article, name) for name in ARTICLE_COLUMNS}
            row["schema_version"] = analysis.schema_version
            for name in RECORD_COLUMNS:
                row[name] = json.dumps(to_dict(getattr(analysis, name)), ensure_ascii=False)
            yield row

    buffer = getattr(out, "buffer", out)
    if hasattr(out, "flush"):
        out.flush()
    write_parquet(rows(), buffer)
    buffer.flush()
