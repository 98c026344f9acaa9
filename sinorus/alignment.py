"""Voting alignment in the UN General Assembly, and whether it shifted after an event.

The soft-balancing chapters measure how often two states vote alike and ask whether that
rose after the events Bergfeldt reads as perceived US aggressiveness. Two tools:

- :func:`yearly_agreement`, the agreement score used in the UN-voting literature: on each
  roll call both states voted in, 1 for the same vote, 1/2 when one abstains and the
  other does not, 0 for opposite votes; averaged over the calendar year.
- :func:`shift_test` and :func:`change_point_test`, permutation tests on a yearly series:
  the difference of the mean after a break year and before it, compared with the same
  difference after shuffling the years (vectorised: every permutation in one array).
  Against a series that rises and levels off they mislead: a step at a fixed year and a
  straight line are nearly the same regressor in a short window, and a saturating curve
  with no step at all looks like an early "break" to a comparison of means.
- :func:`step_test` and :func:`step_scan_test`, which can see a step against a bounded,
  levelling-off series: a segmented regression with a step against a *saturating* trend
  (a logistic curve, whose midpoint and scale are searched over a grid, so exponential
  approaches to a ceiling and near-straight lines are included), compared with the same
  trend without the step by a likelihood ratio; the p-value is a parametric bootstrap
  from the fitted no-step curve with AR(1) noise, so a drift that levels off is the null
  the step must beat. :func:`simulate_saturating` makes the series on which their power
  is measured.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# Agreement between two votes; an abstention is half-way between yes and no.
POSITION = {"yes": 1.0, "abstain": 0.5, "no": 0.0}


def vote_agreement(votes: pd.DataFrame, a: str, b: str) -> pd.Series:
    """Agreement of states ``a`` and ``b`` on each roll call both voted in (index ``rcid``).

    ``votes`` is long: one row per roll call and state, with columns rcid, iso3, vote.
    """
    wide = votes.pivot(index="rcid", columns="iso3", values="vote")[[a, b]].dropna()
    positions = wide.replace(POSITION).astype(float)
    return (1 - (positions[a] - positions[b]).abs()).rename(f"{a}-{b}")


def yearly_agreement(votes: pd.DataFrame, roll_calls: pd.DataFrame, a: str, b: str,
                     min_votes: int = 20) -> pd.Series:
    """Mean agreement of ``a`` and ``b`` per calendar year, for years with at least
    ``min_votes`` roll calls both voted in (a year with a handful is not a measurement)."""
    scores = vote_agreement(votes, a, b).to_frame("score")
    scores["year"] = roll_calls.set_index("rcid").loc[scores.index, "date"].dt.year
    by_year = scores.groupby("year")["score"].agg(["mean", "size"])
    return by_year.loc[by_year["size"] >= min_votes, "mean"].rename(f"{a}-{b}")


def _shifts(values: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Mean of the values flagged ``after`` minus the mean of the rest, along the last axis.

    ``values`` may hold one series or many (one per row); ``after`` is a boolean mask."""
    return values[..., after].mean(axis=-1) - values[..., ~after].mean(axis=-1)


def _detrended(values: np.ndarray, years: np.ndarray) -> np.ndarray:
    slope, intercept = np.polyfit(years, values, 1)
    return values - (intercept + slope * years)


def shift_test(series: pd.Series, break_year: int, n_permutations: int = 5000, seed: int = 0,
               detrend: bool = False) -> dict:
    """Did the mean of a yearly series rise from ``break_year`` on?

    Returns the observed shift (mean from break_year on minus mean before) and the
    one-sided permutation p-value: the share of shuffles of the years whose shift is at
    least as large (counting the observed order, so p is never zero). With ``detrend``
    the series' linear trend is removed first, so a steady rise is not taken for a break.
    Shuffling assumes the years are exchangeable, which a trending, autocorrelated series
    is not: read the p-value as a yardstick, not as an exact error rate.
    """
    years = series.index.to_numpy()
    values = series.to_numpy(dtype=float)
    if detrend:
        values = _detrended(values, years)
    after = years >= break_year
    if after.all() or not after.any():
        raise ValueError(f"break year {break_year} leaves no years on one side of {years.min()}-{years.max()}")
    observed = _shifts(values, after)
    rng = np.random.default_rng(seed)
    shuffled = rng.permuted(np.tile(values, (n_permutations, 1)), axis=1)
    null = _shifts(shuffled, after)
    p_value = (1 + np.sum(null >= observed - 1e-12)) / (n_permutations + 1)
    return {"break_year": int(break_year), "shift": float(observed), "p_value": float(p_value),
            "n_before": int((~after).sum()), "n_after": int(after.sum())}


def change_point_scan(series: pd.Series, min_segment: int = 3) -> pd.Series:
    """The shift of the mean at every possible break year leaving ``min_segment`` years on
    each side, scaled as a two-sample t statistic (pooled variance)."""
    years = series.index.to_numpy()
    values = series.to_numpy(dtype=float)
    candidates = years[min_segment:len(years) - min_segment + 1]
    return pd.Series([_t_statistic(values, years >= y) for y in candidates], index=candidates,
                     name="t")


def _t_statistic(values: np.ndarray, after: np.ndarray) -> np.ndarray:
    n1, n0 = after.sum(), (~after).sum()
    a, b = values[..., after], values[..., ~after]
    pooled = (((a - a.mean(axis=-1, keepdims=True)) ** 2).sum(axis=-1)
              + ((b - b.mean(axis=-1, keepdims=True)) ** 2).sum(axis=-1)) / (n1 + n0 - 2)
    return (a.mean(axis=-1) - b.mean(axis=-1)) / np.sqrt(pooled * (1 / n1 + 1 / n0))


def change_point_test(series: pd.Series, min_segment: int = 3, n_permutations: int = 2000,
                      seed: int = 0) -> dict:
    """The single break that best splits the series into two means, and how unusual it is.

    The statistic is the largest absolute t over all candidate breaks; its p-value is the
    share of shuffled series whose largest absolute t is at least as large, which accounts
    for having searched over every year.
    """
    scan = change_point_scan(series, min_segment)
    best = scan.abs().idxmax()
    years = series.index.to_numpy()
    values = series.to_numpy(dtype=float)
    rng = np.random.default_rng(seed)
    shuffled = rng.permuted(np.tile(values, (n_permutations, 1)), axis=1)
    null_max = np.max([np.abs(_t_statistic(shuffled, years >= y)) for y in scan.index], axis=0)
    p_value = (1 + np.sum(null_max >= abs(scan[best]) - 1e-12)) / (n_permutations + 1)
    before, after = values[years < best].mean(), values[years >= best].mean()
    return {"break_year": int(best), "t": float(scan[best]), "p_value": float(p_value),
            "mean_before": float(before), "mean_after": float(after)}


# ---- Steps against a saturating trend

# The logistic trends searched: scales (years for the curve to move from 27% to 73% of its
# rise is about 2 scales); the smallest is 2, so no "trend" is itself a step. Midpoints run
# from MIDPOINT_MARGIN years before the series to as many after, so the curve may be only
# the rising start or the levelling-off end of a logistic (an exponential approach).
LOGISTIC_SCALES = (2.0, 3.0, 4.5, 7.0, 10.0, 15.0, 25.0)
MIDPOINT_MARGIN = 10


def logistic(years: np.ndarray, midpoint: float, scale: float) -> np.ndarray:
    """The standard logistic curve of ``(years - midpoint) / scale``, from 0 to 1."""
    return 1.0 / (1.0 + np.exp(-(np.asarray(years, dtype=float) - midpoint) / scale))


def _trend_grid(years: np.ndarray, scales=LOGISTIC_SCALES) -> list[tuple[float, float]]:
    midpoints = np.arange(years.min() - MIDPOINT_MARGIN, years.max() + MIDPOINT_MARGIN + 1)
    return [(float(m), float(s)) for s in scales for m in midpoints]


def _bases(years: np.ndarray, break_years, scales=LOGISTIC_SCALES):
    """Orthonormal bases of every design: constant, logistic trend and (if break years are
    given) a step at one of them. Returns (bases, flat as (n, designs * 3), and labels)."""
    key = (tuple(int(y) for y in years), None if break_years is None else tuple(int(b) for b in break_years),
           tuple(scales))
    if key not in _BASES:
        _BASES.clear() if len(_BASES) > 64 else None
        _BASES[key] = _make_bases(years, break_years, scales)
    return _BASES[key]


_BASES: dict = {}


def _make_bases(years: np.ndarray, break_years, scales):
    grid = _trend_grid(years, scales)
    midpoints, widths = (np.array(column)[:, None] for column in zip(*grid))
    trends = logistic(years[None, :], midpoints, widths)                       # (grid, n)
    steps = [None] if break_years is None else list(break_years)
    designs = np.zeros((len(steps), len(grid), len(years), 3))
    designs[..., 0] = 1.0
    designs[..., 1] = trends[None, :, :]
    for index, break_year in enumerate(steps):
        if break_year is not None:
            designs[index, :, :, 2] = (years >= break_year)
    labels = [(b, m, w) for b in steps for m, w in grid]
    designs = designs.reshape(-1, len(years), 3)
    u, singular, _ = np.linalg.svd(designs, full_matrices=False)
    keep = singular > 1e-10 * singular[:, :1]
    u = u * keep[:, None, :]
    # Stored flat, (n, designs * 3), so that projecting many series is one matrix product.
    return np.ascontiguousarray(u.transpose(1, 0, 2).reshape(len(years), -1)), labels


def _residual_ss(values: np.ndarray, bases: np.ndarray) -> np.ndarray:
    """Residual sums of squares of every series (rows of ``values``) on every design
    (``bases`` as :func:`_bases` returns them)."""
    projections = values @ bases
    projections *= projections
    explained = projections.reshape(len(values), -1, 3).sum(axis=2)
    return (values ** 2).sum(axis=1)[:, None] - explained


def fit_saturating(series: pd.Series, break_year: int | None = None) -> dict:
    """The best-fitting logistic trend (with a step at ``break_year`` if given), by least
    squares over the grid of midpoints and scales: the fitted values, the residual sum of
    squares, the trend's midpoint and scale, its level far before and far after (``low``,
    ``high``, without the step) and the step's size (0 without a break)."""
    years = series.index.to_numpy()
    values = series.to_numpy(dtype=float)
    bases, labels = _bases(years, None if break_year is None else [break_year])
    rss = _residual_ss(values[None, :], bases)[0]
    best = int(np.argmin(rss))
    _, midpoint, scale = labels[best]
    design = [np.ones(len(years)), logistic(years, midpoint, scale)]
    if break_year is not None:
        design.append((years >= break_year).astype(float))
    design = np.column_stack(design)
    coefficients, *_ = np.linalg.lstsq(design, values, rcond=None)
    return {"fitted": design @ coefficients, "rss": float(max(rss[best], 0.0)), "midpoint": midpoint,
            "scale": scale, "low": float(coefficients[0]), "high": float(coefficients[0] + coefficients[1]),
            "step": float(coefficients[2]) if break_year is not None else 0.0}


def _null_fits(values: np.ndarray, bases: np.ndarray) -> np.ndarray:
    """Fitted values of the best no-step trend for every row of ``values``."""
    n = values.shape[1]
    best = _residual_ss(values, bases).argmin(axis=1)
    chosen = bases.reshape(n, -1, 3)[:, best, :].transpose(1, 0, 2)          # (rows, n, 3)
    return np.einsum("rnk,rk->rn", chosen, np.einsum("rnk,rn->rk", chosen, values))


def _likelihood_ratio(values: np.ndarray, null_bases: np.ndarray, step_bases: np.ndarray,
                      n_breaks: int) -> tuple[np.ndarray, np.ndarray]:
    """n log(RSS without step / RSS with the best step): the Gaussian likelihood-ratio
    statistic, for each row of ``values``; with several break years, the best of them.
    Returns (statistics, index of the best break year)."""
    n = values.shape[1]
    rss0 = np.maximum(_residual_ss(values, null_bases).min(axis=1), 1e-300)
    rss1 = _residual_ss(values, step_bases).reshape(len(values), n_breaks, -1).min(axis=2)
    rss1 = np.maximum(rss1, 1e-300)
    best = rss1.argmin(axis=1)
    return n * np.log(rss0 / rss1[np.arange(len(values)), best]), best


def _ar1(residuals: np.ndarray) -> tuple[float, float]:
    """Lag-one autocorrelation (kept within [0, 0.9]) and innovation sd of residuals."""
    centred = residuals - residuals.mean()
    phi = float(np.clip((centred[1:] @ centred[:-1]) / (centred[:-1] @ centred[:-1]), 0.0, 0.9)) \
        if np.any(centred[:-1]) else 0.0
    sd = float(np.sqrt((centred ** 2).mean()))
    return phi, sd * float(np.sqrt(1 - phi ** 2))


def ar1_noise(n_series: int, n_years: int, sigma: float, phi: float, rng) -> np.ndarray:
    """``n_series`` stationary AR(1) noise series (innovation sd ``sigma``, lag-one
    autocorrelation ``phi``), one per row."""
    innovations = rng.normal(0.0, sigma, size=(n_series, n_years))
    noise = np.empty_like(innovations)
    noise[:, 0] = innovations[:, 0] / np.sqrt(1 - phi ** 2)
    for t in range(1, n_years):
        noise[:, t] = phi * noise[:, t - 1] + innovations[:, t]
    return noise


def simulate_saturating(years, *, low: float, high: float, midpoint: float, scale: float,
                        sigma: float, phi: float = 0.0, step: float = 0.0,
                        break_year: int | None = None, n_series: int = 1, seed: int = 0) -> np.ndarray:
    """Series that rise along a logistic from ``low`` to ``high`` (plus ``step`` from
    ``break_year`` on), with AR(1) noise; one per row, seeded."""
    years = np.asarray(years)
    trend = low + (high - low) * logistic(years, midpoint, scale)
    if step:
        if break_year is None:
            raise ValueError("a step needs its break year")
        trend = trend + step * (years >= break_year)
    rng = np.random.default_rng(seed)
    return trend + ar1_noise(n_series, len(years), sigma, phi, rng)


def _check_break(years: np.ndarray, break_year: int, min_segment: int) -> None:
    if (years < break_year).sum() < min_segment or (years >= break_year).sum() < min_segment:
        raise ValueError(f"break year {break_year} leaves fewer than {min_segment} years on one side "
                         f"of {years.min()}-{years.max()}")


def step_tests(values: np.ndarray, years, break_years, n_boot: int = 499, seed: int = 0,
               min_segment: int = 3) -> dict:
    """The step test of :func:`step_test` (one break year) or :func:`step_scan_test` (several:
    the best of them) on every row of ``values`` at once, for power simulations.

    Returns arrays: ``lr`` (the likelihood-ratio statistic), ``p_value`` (parametric
    bootstrap from each row's fitted no-step trend with its AR(1) noise) and
    ``break_year`` (the best break year of each row).
    """
    years = np.asarray(years)
    values = np.atleast_2d(np.asarray(values, dtype=float))
    break_years = [int(b) for b in np.atleast_1d(break_years)]
    for break_year in break_years:
        _check_break(years, break_year, min_segment)
    null_bases, _ = _bases(years, None)
    step_bases, _ = _bases(years, break_years)
    observed, best = _likelihood_ratio(values, null_bases, step_bases, len(break_years))
    fitted = _null_fits(values, null_bases)
    rng = np.random.default_rng(seed)
    p_values = np.empty(len(values))
    simulated = np.empty((len(values), n_boot, len(years)))
    for row in range(len(values)):
        phi, sigma = _ar1(values[row] - fitted[row])
        simulated[row] = fitted[row] + ar1_noise(n_boot, len(years), sigma, phi, rng)
    boot, _ = _likelihood_ratio(simulated.reshape(-1, len(years)), null_bases, step_bases, len(break_years))
    exceed = (boot.reshape(len(values), n_boot) >= observed[:, None] - 1e-9).sum(axis=1)
    p_values[:] = (1 + exceed) / (n_boot + 1)
    return {"lr": observed, "p_value": p_values, "break_year": np.array(break_years)[best]}


def step_test(series: pd.Series, break_year: int, n_boot: int = 499, seed: int = 0,
              min_segment: int = 3) -> dict:
    """Is there a step at ``break_year`` beyond a smooth, possibly levelling-off trend?

    Fits a logistic trend with and without a step at ``break_year`` (a segmented
    regression) and returns the step's size, the likelihood-ratio statistic
    ``lr = n log(RSS without / RSS with)``, the difference in AIC (``lr - 2``: positive
    favours the step), and a parametric-bootstrap p-value: the share of ``n_boot`` series
    simulated from the fitted no-step trend with AR(1) noise whose statistic is at least
    as large (counting the observed one, so p is never zero). The two-sided statistic
    finds falls as well as rises; the sign of ``step`` says which.
    """
    years = series.index.to_numpy()
    values = series.to_numpy(dtype=float)
    result = step_tests(values[None, :], years, [break_year], n_boot=n_boot, seed=seed,
                        min_segment=min_segment)
    phi, sigma = _ar1(values - fit_saturating(series)["fitted"])
    lr = float(result["lr"][0])
    return {"break_year": int(break_year), "step": fit_saturating(series, break_year)["step"],
            "lr": lr, "delta_aic": lr - 2, "p_value": float(result["p_value"][0]),
            "phi": phi, "sigma": sigma}


def step_scan_test(series: pd.Series, min_segment: int = 3, n_boot: int = 199, seed: int = 0) -> dict:
    """The break year whose step best beats a saturating trend, and whether any does.

    Like :func:`step_test` at every break year leaving ``min_segment`` years on each side;
    the statistic is the largest likelihood ratio over them, and the bootstrap takes the
    largest in each simulated series too, which accounts for the search.
    """
    years = series.index.to_numpy()
    candidates = [int(y) for y in years[min_segment:len(years) - min_segment + 1]]
    result = step_tests(series.to_numpy(dtype=float)[None, :], years, candidates, n_boot=n_boot,
                        seed=seed, min_segment=min_segment)
    break_year = int(result["break_year"][0])
    return {"break_year": break_year, "step": fit_saturating(series, break_year)["step"],
            "lr": float(result["lr"][0]), "p_value": float(result["p_value"][0])}
