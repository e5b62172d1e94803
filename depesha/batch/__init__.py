"""Batch extraction on Apache Spark (the [spark] extra): inputs -> Parquet tables of records."""

from .load import load_records, read_records
from .schema import TABLES, assemble_record, flatten_record
from .spark import Summary, make_session, run_batch

__all__ = [
    "TABLES",
    "Summary",
    "assemble_record",
    "flatten_record",
    "load_records",
    "make_session",
    "read_records",
    "run_batch",
]
