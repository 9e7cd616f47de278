"""The evaluator's workbench: a web app over the same service as the CLI.

`jixiao serve ROOT` serves every workspace under ROOT (one per subfolder). State stays in the
workspace files and out/, plus ROOT/.jixiao/ (SQLite: users, sessions, audit log, approvals).
Views hold no evaluation logic: they call `evaluations` (the one adapter to jixiao.service)
and render."""
