"""Finding codes (CONTRACT §3) and the Finding value every check yields.

Ingest yields the ID and row codes, audit the rest; both speak this one type."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Code:
    code: str
    severity: str  # "error" | "warning"
    title: str  # short Chinese name, for tables and reports
    meaning: str  # Chinese explanation


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("id-malformed", "error", "身份证号格式错误", "不是 18 位数字（末位可为 X）"),
        Code("id-checksum", "error", "身份证号校验位错误", "GB 11643 校验码不符"),
        Code("id-birthdate", "error", "身份证号出生日期无效", "出生日期不存在或晚于评价基准日"),
        Code("id-precision-lost", "error", "身份证号以数字存储", "原表中该单元格为数值，末几位已不可信"),
        Code("id-region", "error", "身份证号地区码无效", "前 6 位不是任何一版 GB/T 2260 行政区划代码"),
        Code("id-old-format", "warning", "15 位旧身份证号", "第一代 15 位身份证号码，应按对应的 18 位号码登记"),
        Code("row-rejected", "error", "行被拒收", "必填值缺失或无法识别"),
        Code("duplicate-person", "error", "重复享受", "同一身份证号在花名册中同一补贴出现多次"),
        Code("not-eligible-living", "error", "生活补贴资格不符", "无低保等符合条件的身份却享受生活补贴"),
        Code("not-eligible-care", "error", "护理补贴资格不符", "残疾等级/类别不在政策覆盖范围却享受护理补贴"),
        Code("paid-after-death", "error", "死亡后仍发放", "死亡当月之后的月份仍有发放"),
        Code("paid-outside-entitlement", "error", "享受期外发放", "发放月份早于起始月份或晚于截止月份"),
        Code("paid-not-on-roster", "error", "花名册外发放", "发放对象不在该补贴花名册中"),
        Code("double-payment", "error", "重复发放", "同一人同一补贴同一月份发放两次及以上"),
        Code("amount-mismatch", "error", "发放金额不符", "发放金额与当月标准不一致"),
        Code("unpaid-month", "warning", "应发未发", "评价基准日前应享受的月份没有发放记录"),
        Code("late-payment", "warning", "发放不及时", "发放日期晚于当月规定发放日"),
        Code("cert-mismatch", "warning", "残疾证号不符", "残疾人证号前 18 位与身份证号不一致"),
        Code("phone-invalid", "warning", "联系电话无效", "联系电话缺失或不是有效的中国号码"),
        Code("name-mismatch", "warning", "姓名不一致", "发放明细姓名与花名册姓名不一致"),
    )
}

# Raised by `jixiao batch` across the regions it compares, never by one workspace's audit
# (so they are not among the codes a workspace's audit counts and reports on).
BATCH_CODES: dict[str, Code] = {
    c.code: c
    for c in (Code("cross-region-duplicate", "error", "跨地区重复发放", "同一人同一补贴同一月份在两个及以上地区发放"),)
}

CSV_COLUMNS = ("code", "severity", "table", "row", "person_id", "subsidy", "period", "amount", "message")


@dataclass(frozen=True)
class Finding:
    """One finding, located in its source table and row (row as Excel shows it, header = 1)."""

    code: str
    table: str  # roster | payments | funds | deaths | dibao | survey
    row: int | None
    message: str  # Chinese
    person_id: str = ""
    subsidy: str = ""
    period: str = ""  # YYYY-MM or ""
    amount: Decimal | None = None  # 元: + paid not due, − due not paid
    column: str = ""  # the column concerned, where one is
    value: str = ""  # the offending value as read

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown finding code '{self.code}' (known: {', '.join(CODES)})")

    @property
    def severity(self) -> str:
        return CODES[self.code].severity
