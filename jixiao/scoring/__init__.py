"""Scoring: framework + metrics + judgments → an immutable scored tree, graded."""
