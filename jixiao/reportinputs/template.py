"""The report.yaml template `jixiao init` writes, and the way back from values to the file:
`to_data` gives the Chinese-keyed mapping (what a form edits), `dump_report_inputs` writes
one, each section under the template's comment (comments the user added by hand are not
kept: PyYAML does not read them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from decimal import Decimal
from pathlib import Path

import yaml

from jixiao.reportinputs.model import ReportInputs
from jixiao.reportinputs.parse import RECORDS, TOP, report_path

TEMPLATE = """\
# 报告信息：评价报告中无法由数据得出的内容（jixiao report 读取）。
# 没有填写的项目在报告草稿中显示为【待填：…】；jixiao check 列出尚缺的项目；
# jixiao report --final 在全部填写之前不出具正式报告。某项工作未开展的，写“无”。
# 评分依据（judgments.yaml 的 basis）可写【E1】引用下面“证据”中的资料，报告中印为资料名称和编号。

项目概况:
  背景:                # 项目设立的政策背景和目的，一段或几段文字
  立项依据:            # 政策文件，每项写名称和文号
    # - {名称: 国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见, 文号: 国发〔2015〕52号}
  实施主体:            # 参与实施的单位及其职责
    # - {单位: 某某县残疾人联合会, 职责: 受理申请、审核护理补贴对象、汇总发放名单}
  资金来源:            # 按级次：中央、省、市、县、镇；金额单位为元（资金表已有级次时可不填）
    # - {级次: 县, 金额: 2200000, 说明: 本级预算资金}
  管理流程:            # 申请、审核、审批、公示、发放、复核的流程

绩效目标:
  总体目标:            # 绩效目标申报表中的总体目标
  指标:                # 目标值写数（如 100%、≥95%、3968人）时，写明“对应”即与计算结果自动比较
    # - {名称: 资金到位率, 目标值: 100%, 对应: fund_arrival_rate}
    # - {名称: 受益对象满意率, 目标值: ≥90%, 对应: satisfaction_rate}
    # - {名称: 补贴按季度发放, 目标值: 每季度末月25日前发放, 完成值: 按时发放}

评价工作:
  目的:                # 可不填：不填时报告使用通用表述
  阶段:                # 每个阶段的名称、起止日期和主要工作
    # - {名称: 前期准备, 开始: 2023-10-09, 结束: 2023-10-20, 内容: 成立评价工作组，收集项目资料}
  工作组:              # 评价工作组成员及分工（角色写“项目负责人”的，报告封面签字栏印其姓名）
    # - {姓名: 某某, 角色: 项目负责人, 单位: 某某咨询有限公司}
  方法:                # 评价方法，如 书面评审、数据核查、问卷调查、访谈
  现场核查:            # 日期、地点、内容；未开展写“无”
    # - {日期: 2023-10-25, 地点: 某某镇社会事务办, 内容: 抽查申请审批档案}
  访谈:                # 日期、对象、人数、方式、内容；未开展写“无”
    # - {日期: 2023-10-26, 对象: 项目单位财务负责人, 人数: 1, 方式: 座谈, 内容: 预算测算和资金拨付}
  抽样:                # 档案抽查和问卷发放；未开展写“无”
    # 档案: {总数: 669, 抽取: 60, 方法: 按乡镇分层随机抽取}
    # 问卷: {发放: 120, 回收: 112, 有效: 110, 方法: 简单随机抽样, 时间: 2023年10月}

证据:                  # 查阅的资料，编号可在评分依据中以【E1】引用
  # - {编号: E1, 名称: 《2022年度财政支出项目绩效自评表》, 类型: 自评表}

说明:
  结余:                # 资金有结余时说明原因
  指标:                # 对个别指标的补充说明，如 B12: 预算执行率偏低的原因……

主要经验:              # 评价发现的好做法（可不填）
  # - {标题: 建立部门信息比对机制, 内容: ……}

其他需要说明的问题:    # 可不填
"""

COMMENTS = {line.split(":", 1)[0]: line.split("#", 1)[1].strip()
            for line in TEMPLATE.splitlines() if line and not line.startswith((" ", "#")) and "#" in line}


def write_template(root: Path) -> Path:
    """report.yaml for a new workspace (never over an existing one)."""
    path = report_path(root)
    if not path.exists():
        path.write_text(TEMPLATE, encoding="utf-8")
    return path


_SCALARS = {  # attribute → key path, for the texts and word lists
    "background": "项目概况.背景", "process": "项目概况.管理流程", "goal": "绩效目标.总体目标",
    "purpose": "评价工作.目的", "methods": "评价工作.方法", "balance_note": "说明.结余",
    "indicator_notes": "说明.指标", "other": "其他需要说明的问题",
}
_LISTS = {  # attribute → key path of its records
    "documents": "项目概况.立项依据", "implementers": "项目概况.实施主体", "fund_sources": "项目概况.资金来源",
    "targets": "绩效目标.指标", "phases": "评价工作.阶段", "team": "评价工作.工作组", "visits": "评价工作.现场核查",
    "interviews": "评价工作.访谈", "evidence": "证据", "lessons": "主要经验",
}


def to_data(inputs: ReportInputs) -> dict:
    """The Chinese-keyed mapping report.yaml holds for these inputs (keys the file did not
    give are left out, so they stay missing)."""
    data: dict = {}

    def put(key: str, value: object) -> None:
        if key not in inputs.given:
            return
        *parents, leaf = key.split(".")
        node = data
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = value

    for attr, key in _SCALARS.items():
        value = getattr(inputs, attr)
        put(key, dict(value) if isinstance(value, dict) or hasattr(value, "items") else
            list(value) if isinstance(value, tuple) else value)
    for attr, key in _LISTS.items():
        put(key, [_record(x, key) for x in getattr(inputs, attr)] or "无")
    if "评价工作.抽样" in inputs.given:
        sample = {}
        for part, value in (("档案", inputs.files_sample), ("问卷", inputs.survey_sample)):
            sample[part] = _record(value, f"评价工作.抽样.{part}") if value is not None else "无"
        put("评价工作.抽样", sample)
    return data


def _record(value: object, key: str) -> dict:
    names = {attr: zh for zh, attr in RECORDS[key][0].items()}
    out = {}
    for f in fields(value):  # type: ignore[arg-type]
        v = getattr(value, f.name)
        if v in ("", None):
            continue
        out[names[f.name]] = v
    return out


def dump_report_inputs(data: dict, root: Path) -> Path:
    """Write `data` (report.yaml's mapping, Chinese keys) into the workspace's report.yaml,
    sections in the template's order, each under its comment."""
    parts = [TEMPLATE.split("\n\n", 1)[0]]
    for key in TOP:
        if key not in data:
            continue
        body = yaml.dump({key: data[key]}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120,
                         default_flow_style=False)
        comment = COMMENTS.get(key)
        parts.append((f"# {comment}\n" if comment else "") + body.rstrip())
    path = report_path(root)
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def _date_representer(dumper: yaml.SafeDumper, value: dt.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _decimal_representer(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    """An amount as written (2200000, 4558365.60): read back as the same exact decimal."""
    if value == value.to_integral_value():
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(dt.date, _date_representer)
_Dumper.add_representer(Decimal, _decimal_representer)
