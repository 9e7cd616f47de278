"""Ingest: input files → typed tables in the DuckDB store, with row accounting."""
