"""cross-region-duplicate: the same person, subsidy and month paid in two regions.

Each region writes its paid months (payments net of reversals, spread over the months
they cover) to Parquet from its own store; the check then runs over all of them at once,
on DuckDB or on Spark, with the same Ibis expression. Every payment row involved is
listed: the one paid first (by payment date, then region and row) with no amount, each
later one in another region with the money paid again for those months."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from jixiao.audit.checks import money_text
from jixiao.audit.context import MONEY, AuditContext, month_index, month_text
from jixiao.audit.engines import Engine, spark_backend
from jixiao.audit.entitlement import even_share, net_of_reversals
from jixiao.audit.findings_table import ARROW_SCHEMA
from jixiao.workspace import Workspace

CODE = "cross-region-duplicate"
PAID_MONTHS = "paid_months.parquet"
SCHEMA = pa.schema([("region", pa.string()), *ARROW_SCHEMA])


def export_paid_months(ws: Workspace, region: str, con: Any) -> Path | None:
    """The region's paid months → out/paid_months.parquet (None when it has no ledger)."""
    if "payments" not in ws.data:
        return None
    ctx = AuditContext(ibis.duckdb.from_connection(con), ws.policy, ws.project.year, ws.project.base_date)
    p = ctx.table("payments")
    p = p.filter(p.amount > 0).select("_row", "person_id", "subsidy", "amount", "paid_on",
                                       p_mi=month_index(p.period), months=ibis.coalesce(p.months, 1).cast("int64"))
    p = net_of_reversals(ctx, p)
    spans = [(m, k) for m in range(1, 13) for k in range(m)]
    offsets = ibis.memtable({"span": [m for m, _ in spans], "k": [k for _, k in spans]},
                            schema={"span": "int64", "k": "int64"})
    x = p.join(offsets, [offsets.span == p.months])
    x = x.select(region=ibis.literal(region, "string"), _row=x._row.cast("int64"), person_id=x.person_id,
                 subsidy=x.subsidy, mi=x.p_mi + x.k, share=even_share(x.amount, x.months, x.k), paid_on=x.paid_on)
    path = ws.out / PAID_MONTHS
    ctx.backend.to_parquet(x, path)
    return path


def cross_region_duplicates(paths: list[Path], engine: Engine | None = None) -> pa.Table:
    """Findings with the region of each row first, then the CONTRACT §3 columns."""
    if len(paths) < 2:
        return SCHEMA.empty_table()
    if engine is not None and engine.is_spark:
        backend = spark_backend(engine)
        backend._session.read.parquet(*[str(p) for p in paths]).createOrReplaceTempView("paid_months")
        pm = backend.table("paid_months")
    else:
        pm = ibis.duckdb.connect().read_parquet([str(p) for p in paths])
    return duplicates(pm).to_pyarrow().cast(SCHEMA)


def duplicates(pm: ir.Table) -> ir.Table:
    key = ["person_id", "subsidy", "mi"]
    g = pm.group_by(key).aggregate(n=pm.region.nunique())
    d = pm.semi_join(g.filter(g.n > 1), key)
    first = ibis.window(group_by=[d[k] for k in key], order_by=[d.paid_on.asc(nulls_first=False), d.region, d._row])
    d = d.mutate(first_region=d.region.first().over(first), first_row=d._row.first().over(first))
    d = d.filter((d.region != d.first_region) | (d._row == d.first_row))
    group = ibis.window(group_by=[d[k] for k in key])
    d = d.mutate(other=ibis.ifelse(d.region != d.first_region, d.region, None).min().over(group))
    d = d.mutate(other_row=ibis.ifelse(d.region == d.other, d._row, None).min().over(group))
    d = d.mutate(is_first=(d.region == d.first_region) & (d._row == d.first_row))
    rows = d.group_by(["region", "_row", "person_id", "subsidy"]).aggregate(
        mi=d.mi.min(), n=d.mi.count(), paid=d.share.sum(), is_first=d.is_first.max(),
        first_region=d.first_region.min(), first_row=d.first_row.min(), other=d.other.min(),
        other_row=d.other_row.min())
    period = month_text(rows.mi)
    later = (period + "已在" + rows.first_region + "（第" + rows.first_row.cast("string") + "行）发放，本地区再次发放"
             + money_text(rows.paid) + "元")
    earlier = (period + "同月又在" + rows.other + "（第" + rows.other_row.cast("string")
               + "行）发放；本行发放在先")
    found = rows.select(region=rows.region, code=ibis.literal(CODE), table=ibis.literal("payments"),
                        row=rows._row.cast("int64"), person_id=rows.person_id, subsidy=rows.subsidy, period=period,
                        amount=ibis.ifelse(rows.is_first, ibis.literal(None, MONEY), rows.paid).cast(MONEY),
                        message=ibis.ifelse(rows.is_first, earlier, later))
    return found.order_by(["person_id", "subsidy", "period", "region", "row"])
