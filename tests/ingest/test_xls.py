"""Legacy .xls workbooks (what older 民政 systems export): title row, numeric IDs, text IDs
ending in X, 合计 row — read through the same path as .xlsx, with the same accounting."""

from __future__ import annotations

import xlwt

from tests.ingest.conftest import make_id, make_id_ending

HEADERS = ["序号", "姓名", "身份证号", "补贴类型", "起始月份", "残疾类别", "残疾等级", "是否低保"]


def test_xls_roster_accounts_for_every_row(fx, rng):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("花名册")
    sheet.write_merge(0, 0, 0, len(HEADERS) - 1, "2018年昌吉市残疾人两项补贴花名册")
    for c, header in enumerate(HEADERS):
        sheet.write(1, c, header)
    numeric = make_id_ending(rng, "7")
    text_x = make_id_ending(rng, "X")
    checksum_wrong = make_id(rng)
    checksum_wrong = checksum_wrong[:17] + ("0" if checksum_wrong[17] != "0" else "1")
    rows = [
        [1, "张三", float(numeric), "生活补贴", "2018-01", "肢体", "二级", "是"],        # row 3: ID typed as a number
        [2, "李四", text_x, "重度残疾人护理补贴", "2018年3月", "智力", "三级", "否"],   # row 4
        [3, "王五", checksum_wrong, "护理补贴", "201805", "精神", "一级", "否"],        # row 5: id-checksum
        [4, "赵六", "", "生活补贴", "2018-01", "视力", "二级", "是"],                  # row 6: no ID → rejected
        ["合计", "", "", "", "", "", "", ""],                                          # row 7: skipped
    ]
    for r, cells in enumerate(rows, start=2):
        for c, value in enumerate(cells):
            if value != "":
                sheet.write(r, c, value)
    book.save(str(fx.path("花名册.xls")))
    fx.use("roster", "花名册.xls")

    report = fx.load()
    counts = report.rows_json()["roster"]
    assert counts == {"read": 5, "loaded": 3, "skipped": 1, "rejected": 1}
    assert counts["read"] == counts["loaded"] + counts["skipped"] + counts["rejected"]
    found = sorted((f.code, f.row) for f in report.findings)
    assert found == [("id-checksum", 5), ("id-precision-lost", 3), ("row-rejected", 6)]
    rejected = next(f for f in report.findings if f.code == "row-rejected")
    assert rejected.column == "身份证号"
    loaded = fx.query("SELECT _row, person_id, subsidy, start, grade FROM roster ORDER BY _row")
    assert [(r[0], r[2], r[4]) for r in loaded] == [(3, "生活补贴", 2), (4, "护理补贴", 3), (5, "护理补贴", 1)]
    assert loaded[1][1] == text_x and str(loaded[1][3]) == "2018-03-01"
