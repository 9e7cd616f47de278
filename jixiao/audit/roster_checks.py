"""Roster information: duplicate-person, cert-mismatch, phone-invalid."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jixiao.audit.checks import CHECKS, finding_rows
from jixiao.audit.context import AuditContext

# Mobile: 1[3-9] + 9 digits; fixed line: 0 + 2–3 digit area code + 7–8 digits (optional
# extension). Separators (space, '-', '(', ')') and a +86/0086 prefix are removed first.
MOBILE = r"^1[3-9][0-9]{9}$"
FIXED = r"^0[1-9][0-9]{1,2}[2-9][0-9]{6,7}([0-9]{1,4})?$"


@CHECKS.register("duplicate-person")
def duplicate_person(ctx: AuditContext) -> ir.Table:
    """Second and later roster rows of the same person for the same subsidy."""
    r = ctx.table("roster")
    w = ibis.window(group_by=[r.person_id, r.subsidy], order_by=[r._row])
    ranked = r.mutate(n=ibis.row_number().over(w), first_row=r._row.min().over(w))
    dup = ranked.filter(ranked.n > 0)
    return finding_rows(
        dup, code="duplicate-person", table="roster", row=dup._row, person_id=dup.person_id,
        subsidy=dup.subsidy,
        message="该身份证号在花名册中重复享受" + dup.subsidy + "（首次出现于第" + dup.first_row.cast("string") + "行）")


@CHECKS.register("cert-mismatch")
def cert_mismatch(ctx: AuditContext) -> ir.Table:
    """Certificate numbers whose first 18 characters are not the person's ID."""
    r = ctx.table("roster")
    cert = r.cert_no.strip().upper()
    bad = r.filter(cert.notnull() & (cert != "") & (cert.substr(0, 18) != r.person_id))
    return finding_rows(
        bad, code="cert-mismatch", table="roster", row=bad._row, person_id=bad.person_id,
        subsidy=bad.subsidy, message="残疾人证号“" + bad.cert_no + "”前18位与身份证号不一致")


def normalised_phone(phone: ir.StringValue) -> ir.StringValue:
    digits = phone.re_replace(r"[\s\-()（）]", "")
    return digits.re_replace(r"^(\+86|0086)", "")


@CHECKS.register("phone-invalid")
def phone_invalid(ctx: AuditContext) -> ir.Table:
    """Contact numbers missing or not a valid Chinese mobile or fixed-line number.
    A missing number is flagged only when the roster has a phone column at all."""
    r = ctx.table("roster")
    phone = normalised_phone(r.phone.strip())
    flagged = r.mutate(
        has_column=r.phone.notnull().any().over(ibis.window()),
        missing=r.phone.isnull() | (r.phone.strip() == ""),
        valid=phone.re_search(MOBILE) | phone.re_search(FIXED))
    bad = flagged.filter((flagged.missing & flagged.has_column) | (~flagged.missing & ~flagged.valid))
    message = ibis.cases((bad.missing, "联系电话缺失"),
                         else_="联系电话“" + bad.phone + "”不是有效的手机或固定电话号码")
    return finding_rows(bad, code="phone-invalid", table="roster", row=bad._row,
                        person_id=bad.person_id, subsidy=bad.subsidy, message=message)
