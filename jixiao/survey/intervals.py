"""95 % confidence intervals and the sample a margin needs, in Decimal arithmetic.

With the population size N known, the finite-population correction f = (N − n)/(N − 1)
scales the variance; for the Wilson interval that is the same as an effective sample
n / f. A census (n = N) has no sampling error."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

Z = Decimal("1.96")  # two-sided 95 %
CONFIDENCE = Decimal("0.95")


@dataclass(frozen=True)
class Estimate:
    """A value with its 95 % interval (fractions; low/high None when not computable)."""

    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def margin(self) -> Decimal | None:
        """The larger distance from the value to an end of the interval."""
        if self.low is None or self.high is None:
            return None
        return max(self.value - self.low, self.high - self.value)


def fpc(n: int, population: int | None) -> Decimal:
    """(N − n)/(N − 1), or 1 when N is unknown or smaller than the sample."""
    if population is None or population <= 1 or n > population:
        return Decimal(1)
    return Decimal(population - n) / Decimal(population - 1)


def wilson(successes: int, n: int, population: int | None = None) -> Estimate:
    """Wilson score interval for successes / n, with finite-population correction."""
    p = Decimal(successes) / Decimal(n)
    f = fpc(n, population)
    if f == 0:
        return Estimate(p, p, p)
    n_eff = Decimal(n) / f
    z2 = Z * Z
    denom = 1 + z2 / n_eff
    centre = (p + z2 / (2 * n_eff)) / denom
    half = Z * (p * (1 - p) / n_eff + z2 / (4 * n_eff * n_eff)).sqrt() / denom
    # Clamp to [0, 1] and keep p inside: at p = 0 or 1 the true end is p, rounding aside.
    return Estimate(p, min(p, max(Decimal(0), centre - half)), max(p, min(Decimal(1), centre + half)))


def sample_variance(counts: dict[Decimal, int]) -> tuple[Decimal, Decimal]:
    """(mean, sample variance) of values given as {value: how many}; needs n ≥ 2."""
    n = sum(counts.values())
    mean = sum((v * c for v, c in counts.items()), Decimal(0)) / n
    squares = sum((c * (v - mean) ** 2 for v, c in counts.items()), Decimal(0))
    return mean, squares / (n - 1)


def mean_interval(counts: dict[Decimal, int], population: int | None = None,
                  scale: Decimal = Decimal(100)) -> Estimate:
    """Normal interval for the mean of values ({value: how many}), divided by `scale`,
    from the sample variance with finite-population correction; clamped to the value range."""
    n = sum(counts.values())
    mean = sum((v * c for v, c in counts.items()), Decimal(0)) / n
    if n < 2:
        return Estimate(mean / scale)
    _, variance = sample_variance(counts)
    margin = Z * (variance / n * fpc(n, population)).sqrt()
    low = max(min(counts), mean - margin)
    high = min(max(counts), mean + margin)
    return Estimate(mean / scale, low / scale, high / scale)


def _with_fpc(n0: Decimal, population: int | None) -> int:
    if population is not None and population > 1:
        n0 = n0 * population / (population - 1 + n0)
    return int(n0.to_integral_value(rounding=ROUND_CEILING))


def sample_for_rate(p: Decimal, margin: Decimal, population: int | None = None) -> int:
    """Valid answers needed for a rate near p to reach ±margin (normal approximation, with FPC)."""
    return _with_fpc(Z * Z * p * (1 - p) / (margin * margin), population)


def sample_for_mean(variance: Decimal, margin: Decimal, population: int | None = None) -> int:
    """Valid answers needed for a mean with this variance to reach ±margin (with FPC)."""
    return _with_fpc(Z * Z * variance / (margin * margin), population)
