"""Voting power in a council: the Shapley-Shubik and Banzhaf indices of a weighted vote.

A council is a set of members with weights; a coalition wins when its members' weights
add up to at least the quota. Consensus, as in the SCO, is the case of equal weights and
a quota equal to the number of members: every member is needed. The indices measure how
often a member is *pivotal* — the one whose joining turns a losing coalition into a
winning one — counted over orderings of the members (Shapley and Shubik 1954) or over
coalitions (Banzhaf 1965).

Both are computed exactly by listing every coalition (2^n of them), which is instant for
councils the size of the SCO and refused beyond :data:`MAX_MEMBERS`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

MAX_MEMBERS = 20
# Weight sums are floats: a coalition within this relative margin of the quota wins.
RELATIVE_TOLERANCE = 1e-12


def council(weights: Mapping[str, float] | pd.Series, quota: float) -> tuple[pd.Series, float]:
    """The weights as a float Series and the quota, after checking that they make sense."""
    weights = pd.Series(weights, dtype=object)
    if weights.empty:
        raise ValueError("a council needs at least one member")
    if len(weights) > MAX_MEMBERS:
        raise ValueError(f"{len(weights)} members: exact power indices are computed for at most "
                         f"{MAX_MEMBERS}")
    if weights.index.has_duplicates:
        raise ValueError(f"members named twice: {sorted(set(weights.index[weights.index.duplicated()]))}")
    for name, w in weights.items():
        if isinstance(w, bool) or not isinstance(w, (int, float, np.integer, np.floating)) \
                or not np.isfinite(w) or w < 0:
            raise ValueError(f"the weight of {name} is {w!r}: weights must be finite numbers >= 0")
    weights = weights.astype(float)
    total = weights.sum()
    if not (isinstance(quota, (int, float, np.integer, np.floating)) and np.isfinite(quota)) or quota <= 0:
        raise ValueError(f"the quota is {quota!r}: it must be a positive number")
    if quota > total * (1 + RELATIVE_TOLERANCE):
        raise ValueError(f"the quota {quota} exceeds the total weight {total}: no coalition could win")
    return weights, float(quota)


def more_than(share: float) -> float:
    """A quota that a coalition meets only with *more than* ``share`` of the weight (the
    usual majority rule, "more than half"), not with exactly ``share``: a coalition at
    exactly ``share`` falls short by more than the rounding margin."""
    return float(share) * (1 + 1e3 * RELATIVE_TOLERANCE)


def consensus(members: Sequence[str]) -> tuple[pd.Series, float]:
    """A council that decides by consensus: one vote each, and every vote needed."""
    return pd.Series(1.0, index=list(members)), float(len(members))


def _winning(weights: np.ndarray, quota: float) -> np.ndarray:
    """For every coalition (bit k of its index set when member k is in it): does it win?"""
    n = len(weights)
    masks = np.arange(2 ** n)
    members = (masks[:, None] >> np.arange(n)) & 1
    totals = members @ weights
    return totals >= quota * (1 - RELATIVE_TOLERANCE)


def _swings(weights: pd.Series, quota: float):
    """For each member, the coalitions without it that lose alone and win with it."""
    weights, quota = council(weights, quota)
    n = len(weights)
    wins = _winning(weights.to_numpy(), quota)
    masks = np.arange(2 ** n)
    sizes = np.array([bin(m).count("1") for m in masks])
    for k, name in enumerate(weights.index):
        without = masks[(masks >> k) & 1 == 0]
        pivotal = ~wins[without] & wins[without | (1 << k)]
        yield name, n, sizes[without[pivotal]]


def shapley_shubik(weights: Mapping[str, float] | pd.Series, quota: float) -> pd.Series:
    """Each member's share of the orderings of the council in which it is pivotal.

    A member joining after the coalition ``S`` is pivotal in ``|S|! (n - |S| - 1)!`` of the n!
    orderings; the shares sum to one.
    """
    index = {}
    for name, n, sizes in _swings(weights, quota):
        index[name] = sum(math.factorial(s) * math.factorial(n - s - 1) for s in sizes) / math.factorial(n)
    return pd.Series(index, name="Shapley-Shubik")


def banzhaf(weights: Mapping[str, float] | pd.Series, quota: float, normalised: bool = True) -> pd.Series:
    """Each member's swings: coalitions that it turns from losing to winning.

    Normalised (the default), the swings are divided by all members' swings, so the
    index sums to one; otherwise by 2^(n-1), the probability of being decisive when every
    other member votes yes or no with even chances.
    """
    swings = {name: len(sizes) for name, n, sizes in _swings(weights, quota)}
    series = pd.Series(swings, dtype=float, name="Banzhaf")
    n = len(series)
    total = series.sum()
    if normalised:
        return series / total if total else series
    return series / 2 ** (n - 1)
