"""Intervals against published values and against an independent float computation."""

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.survey.intervals import fpc, mean_interval, sample_for_mean, sample_for_rate, wilson


def wilson_float(x: int, n: float, z: float = 1.96) -> tuple[float, float]:
    """Textbook Wilson score interval (Wilson 1927; Newcombe 1998, method 3)."""
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


# Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (Wilson, no correction).
@pytest.mark.parametrize("x, n, low, high", [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
])
def test_wilson_matches_newcombe_published_values(x, n, low, high):
    e = wilson(x, n)
    assert float(e.low) == pytest.approx(low, abs=6e-5)
    assert float(e.high) == pytest.approx(high, abs=6e-5)


def test_wilson_with_population_uses_effective_sample():
    # 67 of 100 sampled from 3968: variance × (3968−100)/(3968−1), i.e. n_eff = 100·3967/3868
    n_eff = 100 * 3967 / 3868
    p = 0.67
    z = 1.96
    centre = (p + z * z / (2 * n_eff)) / (1 + z * z / n_eff)
    half = z / (1 + z * z / n_eff) * math.sqrt(p * (1 - p) / n_eff + z * z / (4 * n_eff ** 2))
    e = wilson(67, 100, population=3968)
    assert float(e.low) == pytest.approx(centre - half, abs=1e-12)
    assert float(e.high) == pytest.approx(centre + half, abs=1e-12)
    assert e.value == Decimal("0.67")


def test_census_has_no_sampling_error():
    e = wilson(30, 40, population=40)
    assert (e.low, e.value, e.high) == (Decimal("0.75"),) * 3
    assert e.margin == 0


def test_fpc_ignored_when_population_unknown_or_smaller_than_sample():
    assert fpc(100, None) == 1
    assert fpc(100, 50) == 1
    assert fpc(100, 3968) == Decimal(3868) / Decimal(3967)


def test_mean_interval_from_sample_variance_hand_computed():
    # values 100 ×3, 60 ×3: mean 80, s² = 6·400/5 = 480, se = √(480/6), margin 1.96·se = 17.53
    e = mean_interval({Decimal(100): 3, Decimal(60): 3})
    margin = 1.96 * math.sqrt(480 / 6)
    assert e.value == Decimal("0.8")
    assert float(e.low) == pytest.approx((80 - margin) / 100, abs=1e-12)
    assert float(e.high) == pytest.approx((80 + margin) / 100, abs=1e-12)


def test_mean_interval_is_clamped_to_the_value_range():
    # values 100, 100, 60, 60: margin 1.96·√(533.3/4) = 22.6 would pass both ends
    e = mean_interval({Decimal(100): 2, Decimal(60): 2})
    assert (e.low, e.high) == (Decimal("0.6"), Decimal(1))


def test_mean_interval_with_population_shrinks_by_sqrt_fpc():
    counts = {Decimal(100): 51, Decimal(80): 16, Decimal(60): 20, Decimal(40): 13}
    s2 = (51 * 19 ** 2 + 16 * 1 + 20 * 21 ** 2 + 13 * 41 ** 2) / 99
    margin = 1.96 * math.sqrt(s2 / 100 * 3868 / 3967)
    e = mean_interval(counts, population=3968)
    assert e.value == Decimal("0.81")
    assert float(e.margin) == pytest.approx(margin / 100, abs=1e-12)


def test_mean_interval_needs_two_answers():
    assert mean_interval({Decimal(80): 1}).low is None


@pytest.mark.parametrize("p, population, needed", [
    (Decimal("0.5"), None, 385),      # 1.96²·0.25/0.05² = 384.16
    (Decimal("0.5"), 3968, 351),      # 384.16·3968/(3967 + 384.16) = 350.33
    (Decimal("0.67"), 3968, 314),     # 339.7594·3968/(3967 + 339.7594) = 313.03
])
def test_sample_for_rate_with_and_without_fpc(p, population, needed):
    assert sample_for_rate(p, Decimal("0.05"), population) == needed


def test_sample_for_mean_with_fpc():
    # s² = 400 (s = 20 points), ±5 points: n0 = 1.96²·400/25 = 61.4656 → with N = 1000: 57.9…
    assert sample_for_mean(Decimal(400), Decimal(5)) == 62
    assert sample_for_mean(Decimal(400), Decimal(5), 1000) == math.ceil(61.4656 * 1000 / (999 + 61.4656))


@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
       st.one_of(st.none(), st.integers(1, 100_000)))
def test_wilson_contains_the_rate_and_fpc_only_narrows(xn, population):
    x, n = xn
    e = wilson(x, n, population)
    assert 0 <= e.low <= e.value <= e.high <= 1
    plain = wilson(x, n)
    assert e.high - e.low <= plain.high - plain.low
    assert float(plain.low) == pytest.approx(wilson_float(x, n)[0], abs=1e-12)
