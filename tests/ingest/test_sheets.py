"""Which sheet of a workbook is read: the named one; else the first visible sheet holding
the table, said when it is not the first; hidden sheets are passed over; the error names
every sheet tried."""

from __future__ import annotations

import pytest

from jixiao.errors import DataError
from tests.ingest import layouts
from tests.ingest.conftest import make_id


def deaths_sheet(name, ids, hidden=False):
    return layouts.Sheet(name, [["死亡名单"], ["身份证号", "死亡日期"], *([p, "2022-04-01"] for p in ids)], hidden=hidden)


def test_hidden_sheets_are_skipped_and_the_sheet_used_is_said(fx, rng):
    hidden, shown = [make_id(rng)], [make_id(rng), make_id(rng)]
    layouts.write_book(fx.path("死亡.xlsx"), [deaths_sheet("旧数据", hidden, hidden=True), layouts.INSTRUCTIONS,
                                              deaths_sheet("死亡名单", shown)])
    fx.use("deaths", "死亡.xlsx")
    report = fx.load()
    assert [r[0] for r in fx.query("SELECT person_id FROM deaths ORDER BY _row")] == shown
    assert report.counts["deaths"].file == "死亡.xlsx#死亡名单"
    assert report.notes == ("死亡.xlsx：工作表「填表说明」中没有含身份证号、死亡日期的表头，读取的是工作表「死亡名单」",)


def test_a_hidden_sheet_is_read_when_named(fx, rng):
    ids = [make_id(rng)]
    layouts.write_book(fx.path("死亡.xlsx"), [layouts.INSTRUCTIONS, deaths_sheet("旧数据", ids, hidden=True)])
    fx.use("deaths", "死亡.xlsx#旧数据")
    fx.load()
    assert fx.query("SELECT person_id FROM deaths") == [(ids[0],)]


def test_the_error_lists_every_sheet_tried(fx):
    other = layouts.Sheet("汇总", [["乡镇", "人数"], ["三乡镇", 5]])
    layouts.write_book(fx.path("死亡.xlsx"), [layouts.INSTRUCTIONS, other,
                                              layouts.Sheet("隐藏", [["身份证号", "死亡日期"]], hidden=True)])
    fx.use("deaths", "死亡.xlsx")
    with pytest.raises(DataError) as err:
        fx.load()
    text = err.value.render()
    assert "死亡.xlsx 的工作表（「填表说明」、「汇总」）中都找不到含身份证号、死亡日期的表格" in text
    assert "工作表「填表说明」" in text and "前 30 行中没有可识别的表头" in text
    assert "工作表「汇总」" in text
    assert "隐藏" not in text


def test_a_workbook_of_hidden_sheets_only_says_so(fx, rng):
    layouts.write_book(fx.path("死亡.xlsx"), [layouts.Sheet("可见", [["x"]]),
                                              deaths_sheet("隐藏", [make_id(rng)], hidden=True)])
    fx.use("deaths", "死亡.xlsx")
    with pytest.raises(DataError) as err:
        fx.load()
    assert "「可见」" in err.value.render()


def test_survey_skips_an_instructions_sheet(fx):
    tallies = layouts.Sheet("统计", [["问题", "满意", "不满意"], ["补贴标准", 8, 2]])
    layouts.write_book(fx.path("问卷.xlsx"), [layouts.INSTRUCTIONS, tallies])
    fx.use("survey", "问卷.xlsx")
    report = fx.load()
    assert report.counts["survey"].as_json() == {"read": 1, "loaded": 1, "skipped": 0, "rejected": 0}
    assert report.notes == ("问卷.xlsx：第一个工作表「填表说明」不是问卷表，读取的是工作表「统计」",)
