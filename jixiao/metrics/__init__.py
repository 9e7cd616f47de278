"""Metrics: named values with formula text and inputs, from facts and (later) data."""
