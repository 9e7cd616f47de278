"""ROOT/out/comparison.xlsx: the comparison for the evaluator, one sheet per table, Chinese
headers; the cross-region sheet keeps full IDs (like findings.xlsx, not for publication)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.audit.output import TABLE_NAMES
from jixiao.findings import BATCH_CODES, CODES

SIDES = {"high": "偏高", "low": "偏低"}


class _Book:
    def __init__(self, path: Path):
        import xlsxwriter

        self.book = xlsxwriter.Workbook(str(path))
        self.head = self.book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                          "valign": "vcenter"})
        self.fmt = {"score": self.book.add_format({"num_format": "0.00"}),
                    "rate": self.book.add_format({"num_format": "0.00%"}),
                    "money": self.book.add_format({"num_format": "#,##0.00"}),
                    "int": self.book.add_format({"num_format": "0"})}

    def sheet(self, name: str, headers: list[str], rows: list[list[Any]], kinds: list[str], widths: list[int]) -> Any:
        ws = self.book.add_worksheet(name)
        ws.write_row(0, 0, headers, self.head)
        ws.freeze_panes(1, 1)
        for j, w in enumerate(widths):
            ws.set_column(j, j, w)
        for i, row in enumerate(rows, 1):
            for j, (value, kind) in enumerate(zip(row, kinds)):
                if value is None or value == "":
                    continue
                if kind == "text":
                    ws.write_string(i, j, str(value))
                else:
                    ws.write_number(i, j, float(value), self.fmt[kind])
        return ws


def write_comparison_xlsx(result: Any, path: Path) -> Path:
    c = result.comparison
    b = _Book(path)
    level1 = [(code, name) for code, name, _ in c.level1]
    b.sheet("排名", ["排名", "地区", "总分", "等级", "评价完成", *[f"{code} {name}" for code, name in level1]],
            [[r.rank, r.name, r.total, r.grade or "", "是" if r.complete else "否（有待评指标）",
              *[r.level1[code] for code, _ in level1]] for r in c.regions],
            ["int", "text", "score", "text", "text", *["score"] * len(level1)], [6, 18, 9, 6, 14, *[12] * len(level1)])
    headers = ["地区"]
    for code, name in level1:
        headers += [f"{code} {name} 得分", f"{code} 排名"]
    b.sheet("一级指标排名", headers,
            [[r.name, *[x for code, _ in level1 for x in (r.level1[code], r.level1_rank[code])]] for r in c.regions],
            ["text", *["score", "int"] * len(level1)], [18, *[11, 7] * len(level1)])
    heat = b.sheet("末级指标得分率", ["地区", *[f"{code} {name}" for code, name, _ in c.leaves]],
                   [[r.name, *[r.rates[code] for code, _, _ in c.leaves]] for r in c.regions],
                   ["text", *["rate"] * len(c.leaves)], [18, *[12] * len(c.leaves)])
    if c.regions and c.leaves:
        heat.conditional_format(1, 1, len(c.regions), len(c.leaves), {
            "type": "3_color_scale", "min_color": "#F8696B", "mid_color": "#FFEB84", "max_color": "#63BE7B",
            "min_type": "num", "min_value": 0, "mid_type": "num", "mid_value": 0.5, "max_type": "num", "max_value": 1})
    _outliers(b, c)
    if c.years:
        b.sheet("与上年比较", ["地区", "本年总分", "上年总分", "增减", "本年等级", "上年等级"],
                [[y.region, y.total, y.previous, y.change, y.grade or "", y.previous_grade or ""] for y in c.years],
                ["text", "score", "score", "score", "text", "text"], [18, 10, 10, 10, 9, 9])
    codes = [code for code in CODES if any(r.counts.get(code) for r in c.regions)]
    b.sheet("核查发现", ["地区", *[f"{CODES[k].title}（{k}）" for k in codes], "多发金额（元）", "少发金额（元）"],
            [[r.name, *[r.counts.get(k, 0) for k in codes], r.money_at_risk.get("overpaid"),
              r.money_at_risk.get("underpaid")] for r in c.regions],
            ["text", *["int"] * len(codes), "money", "money"], [18, *[11] * len(codes), 14, 14])
    title = BATCH_CODES["cross-region-duplicate"].title
    b.sheet(title, ["地区", "数据表", "行号", "身份证号", "补贴类型", "所属月份", "涉及金额（元）", "说明"],
            [[r["region"], TABLE_NAMES.get(r["table"], r["table"]), r["row"], r["person_id"], r["subsidy"],
              r["period"], r["amount"], r["message"]] for r in result.cross.to_pylist()],
            ["text", "text", "int", "text", "text", "text", "money", "text"], [16, 10, 7, 21, 10, 9, 13, 60])
    notes = [[n, e] for n, e in c.failed] + [["说明", w] for w in c.warnings]
    if notes:
        b.sheet("说明", ["地区", "内容"], notes, ["text", "text"], [18, 100])
    b.book.close()
    return path


def _outliers(b: _Book, c: Any) -> None:
    headers = ["指标", "计算公式", "下四分位数", "中位数", "上四分位数", "下限", "上限",
               *[r.name for r in c.regions]]
    ws = b.sheet("异常值", headers, [], [], [20, 40, *[12] * (5 + len(c.regions))])
    for i, s in enumerate(c.stats, 1):
        fmt = b.fmt["money" if s.measure.kind == "money" else "rate"]
        ws.write_row(i, 0, [s.measure.label, s.measure.formula])
        values = [s.q1, s.median, s.q3, s.low, s.high, *[r.measures[s.measure.id] for r in c.regions]]
        for j, v in enumerate(values, 2):
            if v is not None:
                ws.write_number(i, j, float(v), fmt)
    rows = c.stats
    start = len(rows) + 3
    ws.write_row(start, 0, ["异常值", "地区", "数值", "方向", "界限", "中位数"], b.head)
    for i, o in enumerate(c.outliers, start + 1):
        fmt = b.fmt["money" if o.measure.kind == "money" else "rate"]
        ws.write_row(i, 0, [o.measure.label, o.region])
        ws.write_number(i, 2, float(o.value), fmt)
        ws.write_string(i, 3, SIDES[o.side])
        ws.write_number(i, 4, float(o.fence), fmt)
        ws.write_number(i, 5, float(o.median), fmt)
    if not c.outliers:
        ws.write_string(start + 1, 0, "未发现异常值" if any(s.low is not None for s in c.stats)
                        else "地区少于 4 个，不判断异常值")
