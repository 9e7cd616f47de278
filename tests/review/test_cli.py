"""`jixiao review FILE [--json] [--out DIR]`: exit 0 with CONTRACT §7's JSON on stdout and the
review written to DIR; exit 2 with one Chinese sentence naming the file for anything that
cannot be reviewed — a crash (exit 1) on any input is a bug."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import _load_commands, app
from tests.review.test_seeds import _seed

_load_commands()
runner = CliRunner()
FINDING_KEYS = {"code", "severity", "where", "quote", "detail", "numbers"}


def test_json_has_the_contract_shape_and_matches_review_json(tmp_path):
    seed = _seed("003")
    result = runner.invoke(app, ["review", str(seed), "--json", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["file"] == str(seed)
    assert {"file", "findings", "scores"} <= set(data)
    assert data["findings"] and all(set(f) == FINDING_KEYS for f in data["findings"])
    for f in data["findings"]:
        assert f["severity"] in ("error", "warning")
        assert all(isinstance(x, str) and x for x in (f["code"], f["where"], f["quote"], f["detail"]))
        assert all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in f["numbers"])
    scores = data["scores"]
    assert (scores["total"], scores["grade"]) == (85.9, "良")
    assert {"code", "name", "weight", "score"} <= set(scores["indicators"][0])
    names = {i["name"]: (i["weight"], i["score"]) for i in scores["indicators"]}
    assert (names["决策"], names["资金支出率"], names["困难残疾人生活补贴发放率"]) == ((20, 16), (6, 3.4), (5, 3.6))
    assert json.loads((tmp_path / "out" / "review.json").read_text(encoding="utf-8")) == data
    assert (tmp_path / "out" / "review.docx").stat().st_size > 5000
    assert "资金支出率" in (tmp_path / "out" / "review.html").read_text(encoding="utf-8")


def test_text_output_lists_findings_and_files_beside_the_report(tmp_path):
    seed = tmp_path / "三乡镇报告.txt"
    seed.write_bytes(_seed("003").read_bytes())
    result = runner.invoke(app, ["review", str(seed)])
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "三乡镇报告-复核"
    lines = result.stdout.splitlines()
    assert re.match(r"1\. \[[a-z-]+\] .+（(错误|提示)）$", lines[0])
    assert lines[1].startswith("   位置：") and lines[2].startswith("   原文：“") and lines[3].startswith("   说明：")
    n = sum(1 for ln in lines if re.match(r"\d+\. \[", ln))
    assert f"报告总分 85.9 分，等级“良”；发现问题 {n} 条" in result.stdout
    assert [ln.strip() for ln in lines[-3:]] == [str(out / "review.docx"), str(out / "review.html"), str(out / "review.json")]


def _broken_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/readme.txt", "not a document")
    return path


CASES = {
    "missing": (lambda d: d / "不存在.docx", "找不到要复核的报告"),
    "unsupported": (lambda d: _write(d / "报告.odt", b"x"), "只支持 .docx、.pdf、.html、.txt 格式"),
    "old-word": (lambda d: _write(d / "报告.doc", b"x"), "另存为 .docx"),
    "empty": (lambda d: _write(d / "报告.docx", b""), "文件是空的"),
    "directory": (lambda d: _mkdir(d / "报告.pdf"), "这是一个目录"),
    "broken-docx": (lambda d: _broken_docx(d / "报告.docx"), "不是有效的 Word 文档"),
    "doc-renamed": (lambda d: _write(d / "报告.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)), "不是有效的 Word 文档"),
    "broken-pdf": (lambda d: _write(d / "报告.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog"), "不是有效的 PDF 文件"),
    "not-text": (lambda d: _write(d / "报告.txt", bytes(range(128, 256)) * 4), "既不是 UTF-8 也不是 GB18030"),
    "no-text": (lambda d: _write(d / "报告.txt", b"\x00\x01\n\x02 \n"), "文件中没有文字"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize("case", CASES)
def test_unreadable_input_exits_2_with_a_chinese_message(tmp_path, case):
    make, message = CASES[case]
    path = make(tmp_path)
    result = runner.invoke(app, ["review", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, (result.exception, result.output)
    assert result.stderr.startswith("错误：") and message in result.stderr and path.name in result.stderr
    rest = re.sub(r"\.[a-z]+\b|\b(Word|WPS|PDF|UTF-8|GB18030)\b", "", result.stderr.replace(str(path), ""))
    assert not re.search(r"[A-Za-z]{3,}", rest), result.stderr  # Chinese, but for names of formats
    assert not (tmp_path / "out").exists()


def test_output_folder_that_is_a_file_exits_2(tmp_path):
    taken = _write(tmp_path / "复核意见", b"")
    result = runner.invoke(app, ["review", str(_seed("003")), "--out", str(taken)])
    assert result.exit_code == 2 and "已存在且不是目录" in result.stderr and str(taken) in result.stderr


def test_exit_code_is_2_in_a_real_process(tmp_path):
    done = subprocess.run([sys.executable, "-m", "jixiao", "review", str(tmp_path / "无.pdf")],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.strip() == f"错误：找不到要复核的报告：{tmp_path / '无.pdf'}"


def test_the_readme_example_is_the_real_output(tmp_path, monkeypatch):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    command = "$ jixiao review ../shared/seeds/003_f6dc52b345cd3c4e.txt --out 复核-003\n"
    shown = readme[readme.index(command) + len(command):].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["review", str(_seed("003")), "--out", "复核-003"])
    assert result.exit_code == 0
    assert result.stdout == shown
