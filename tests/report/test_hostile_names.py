"""A workspace of hostile names: beneficiaries whose names are longer than six characters,
carry Latin letters or the middle dot, or look like markup (阿卜杜热合曼·买买提明, José Müller,
<script>…</script>), and an ID cell that looks like a spreadsheet formula. Every name is
masked in the docx, the html and the pdf; the html carries no live markup from the data;
findings.csv neutralises formula-like cells and keeps the ID readable."""

from __future__ import annotations

import csv
from decimal import Decimal

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pytest

from jixiao.narrative import build_document
from jixiao.report import write_report
from jixiao.service import evaluate_workspace
from jixiao.synth import generate
from tests.report.readback import docx_read, html_read, pdf_text
from tests.report.selfcheck import check_figures, check_language, check_private, check_shape, check_tables, check_text

HOSTILE = ("阿卜杜热合曼·买买提明", "José Müller", "<script>alert(1)</script>", "欧阳娜娜娜娜娜", "Mary-Jane O'Neil",
           "努尔买买提·艾力", "<b>王五</b>", "Zhang San")
TABLES = ("花名册", "发放明细", "死亡名单", "低保名单")
FORMULA_ID = "@SUM(1+1)"  # ingest drops a leading = (Excel's ="…" guard); @ and - survive


def _read(path):
    return pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
        column_types={"身份证号": pa.string(), "姓名": pa.string()}, strings_can_be_null=False))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "ws"
    info = generate(folder, persons=240, seed=11, fmt="csv")
    roster = _read(info.files["roster"])
    originals = list(dict.fromkeys(roster.column("姓名").to_pylist()))[:len(HOSTILE)]
    mapping = dict(zip(originals, HOSTILE, strict=True))
    for name in TABLES:
        path = folder / "data" / f"{name}.csv"
        t = _read(path)
        names = [mapping.get(n, n) for n in t.column("姓名").to_pylist()]
        t = t.set_column(t.schema.get_field_index("姓名"), "姓名", pa.array(names, pa.string()))
        if name == "发放明细":  # one ledger row whose ID cell is a formula
            ids = t.column("身份证号").to_pylist()
            ids[5] = FORMULA_ID
            t = t.set_column(t.schema.get_field_index("身份证号"), "身份证号", pa.array(ids, pa.string()))
        pacsv.write_csv(t, path)
    toml = folder / "evaluation.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('unit = "', 'unit = "<i>', 1), encoding="utf-8")
    ev = evaluate_workspace(folder)
    files = write_report(ev)
    return ev, files, set(HOSTILE)


def test_the_hostile_names_reached_the_evaluation(hostile):
    ev, _, names = hostile
    assert names <= ev.names
    assert pc.sum(pc.equal(ev.audit.table.column("person_id"), FORMULA_ID)).as_py() >= 1


def test_no_name_of_any_length_or_script_is_printed_whole(hostile):
    ev, files, names = hostile
    for text, where in ((docx_read(files.docx)[0], "docx"), (html_read(files.html)[0], "html"),
                        (pdf_text(files.pdf), "pdf"), (pdf_text(files.pdf, layout=False), "pdf-flow")):
        check_private(text, names | {n for n in ev.names if len(n) >= 2}, set(), set(), where)


def test_markup_in_the_data_is_text_not_markup(hostile):
    _, files, _ = hostile
    html = files.html.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<b>王五" not in html and "<i>" not in html
    assert "&lt;i&gt;" in html  # the unit's name, printed as written, escaped


def test_the_self_check_holds_on_the_hostile_workspace(hostile):
    ev, files, _ = hostile
    for reader, path in ((docx_read, files.docx), (html_read, files.html)):
        text, tables = reader(path)
        check_text(ev, text, path.name)
        check_tables(ev, tables, path.name)
        check_language(ev, text, path.name)
    check_shape(ev, build_document(ev), "hostile")
    docx = check_figures(ev, docx_read(files.docx)[0], "docx")
    assert docx == check_figures(ev, html_read(files.html)[0], "html")


def test_findings_csv_neutralises_formulas_and_keeps_the_id_readable(hostile):
    ev, _, _ = hostile
    with (ev.workspace.out / "findings.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    cells = [v for r in rows for k, v in r.items() if k not in ("row", "amount")]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert "'" + FORMULA_ID in [r["person_id"] for r in rows]
    amounts = [Decimal(r["amount"]) for r in rows if r["amount"]]
    assert any(a < 0 for a in amounts)  # negative amounts stay numbers


def test_findings_xlsx_keeps_formula_like_text_as_text(hostile):
    import zipfile

    ev, _, _ = hostile
    with zipfile.ZipFile(ev.workspace.out / "findings.xlsx") as z:
        sheets = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
        styles = z.read("xl/styles.xml").decode("utf-8")
    assert "<f>" not in sheets  # no formula cell anywhere
    assert FORMULA_ID in sheets  # written whole, as text (constant-memory mode: inline strings)
    assert 'quotePrefix="1"' in styles
