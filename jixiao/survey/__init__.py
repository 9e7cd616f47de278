"""Survey: answers or tallies → per-question distributions, 满意率, 满意度指数 and their
confidence intervals; the satisfaction metrics for scoring; a chart for the report."""
