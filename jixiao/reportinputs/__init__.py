"""report.yaml: the report's own inputs (CONTRACT §7; keys in docs/contract.md `## report.yaml`).

    inputs = load_report_inputs(ws.root, targets)     # validated, every problem at once
    inputs.missing(...)                                 # what a signed report still needs
    dump_report_inputs(to_data(inputs), ws.root)        # back to the file (a form's edits)

The project overview (background, policy documents with their 文号, implementing bodies and
their duties, funds by level, management flow), the performance goals with target values,
the evaluation work (purpose, phases, team, methods, site visits, interviews, sampling), the
evidence reviewed (ids a judgment's basis cites as [E1]), the explanations (unspent balance,
per indicator), the evaluator's lessons and other matters."""

from jixiao.reportinputs.model import (BALANCE_KEY, REQUIRED, Evidence, MissingInput, ParsedTarget, ReportInputs,
                                       check_citations, check_indicator_notes, citations, parse_target)
from jixiao.reportinputs.parse import FILE, ReportInputsError, load_report_inputs, parse_report_inputs, report_path
from jixiao.reportinputs.template import TEMPLATE, dump_report_inputs, to_data, write_template

__all__ = ["BALANCE_KEY", "FILE", "REQUIRED", "TEMPLATE", "Evidence", "MissingInput", "ParsedTarget", "ReportInputs",
           "ReportInputsError", "check_citations", "check_indicator_notes", "citations", "dump_report_inputs",
           "load_report_inputs", "parse_report_inputs", "parse_target", "report_path", "to_data", "write_template"]
