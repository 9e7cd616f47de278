"""Metrics from facts: formula, inputs, precedence of given values, disagreements."""

from decimal import Decimal

from jixiao.metrics.compute import compute_metrics

D = Decimal


def test_metrics_computable_from_facts_carry_name_formula_and_inputs():
    metrics = compute_metrics({"budget": D(2200000), "spent": D(1266901), "allocated": D(2200000)})
    m = metrics.values["budget_execution_rate"]
    assert (m.name, m.formula) == ("预算执行率", "实际支出 / 预算数")
    assert m.inputs == {"spent": D(1266901), "budget": D(2200000)}
    assert m.value == D(1266901) / D(2200000)
    assert metrics.value("fund_arrival_rate") == 1
    assert "coverage_rate" not in metrics.values  # inputs not known: not listed


def test_given_metric_wins_and_disagreement_is_reported():
    metrics = compute_metrics({"budget": D(100), "spent": D(93), "budget_execution_rate": D("0.95")})
    assert metrics.value("budget_execution_rate") == D("0.95")
    assert metrics.values["budget_execution_rate"].source == "given"
    assert len(metrics.warnings) == 1 and "95.00%" in metrics.warnings[0] and "93.00%" in metrics.warnings[0]


def test_given_metric_agreeing_at_its_precision_is_not_a_disagreement():
    metrics = compute_metrics({"budget": D(2200000), "spent": D(1266901), "budget_execution_rate": D("0.5759")})
    assert metrics.warnings == ()


def test_fact_wins_over_data_figure_and_disagreement_is_reported():
    metrics = compute_metrics({"living_paid": D(100), "living_planned": D(200)},
                              figures={"living_paid": D(120), "living_planned": D(200)})
    assert metrics.value("living_disbursement_rate") == D("0.5")
    assert any("生活补贴实际发放金额" in w and "120" in w for w in metrics.warnings)


def test_data_figures_alone_compute_metrics_marked_as_data():
    metrics = compute_metrics({}, figures={"payments": D(200), "payments_correct": D(190)})
    m = metrics.values["payment_accuracy_rate"]
    assert (m.value, m.source) == (D("0.95"), "data")


def test_unknown_negative_and_impossible_facts_are_warned_about():
    from jixiao.metrics.compute import compute_metrics

    facts = {"foo_rate": Decimal("0.9"), "spent": Decimal("-1"), "budget": Decimal(10),
             "on_time_rate": Decimal("1.5"), "findings.double-payment": Decimal(2), "survey_weights.问1": Decimal(1)}
    warnings = compute_metrics(facts).warnings
    assert any("foo_rate" in w and "未使用" in w for w in warnings)
    assert any("spent" in w and "负数" in w for w in warnings)
    assert any("on_time_rate" in w and "0–1" in w for w in warnings)
    assert len(warnings) == 3
    assert not any(f"“{key}”" in w for w in warnings for key in ("findings.double-payment", "survey_weights.问1", "budget"))
