"""The service: an audit of empty tables is no evidence for findings rules."""

from jixiao.cli import _load_commands, app
from typer.testing import CliRunner

_load_commands()


def test_findings_rules_stay_pending_on_an_empty_workspace(tmp_path):
    runner = CliRunner()
    ws = tmp_path / "新评价"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    from jixiao.service import evaluate_workspace

    result = evaluate_workspace(ws).score
    assert {"C22", "C41"} <= set(result.pending)   # the national framework's findings rules
    assert result.total == 0 and result.grade is None and not result.complete
