"""Voting alignment in the UN General Assembly, and whether it shifted after an event.

The soft-balancing chapters measure how often two states vote alike and ask whether that
rose after the events Bergfeldt reads as perceived US aggressiveness. Two tools:

- :func:`yearly_agreement`, the agreement score used in the UN-voting literature: on each
  roll call both states voted in, 1 for the same vote, 1/2 when one abstains and the
  other does not, 0 for opposite votes; averaged over the calendar year.
- :func:`shift_test` and :func:`change_point_test`, permutation tests on a yearly series:
  the difference of the mean after a break year and before it, compared with the same
  difference after shuffling the years (vectorised: every permutation in one array).
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
