"""The dated events of ``data/events.csv``, queried by pair of states, and the
cooperation-conflict index the three history chapters draw.

An event's score (``events.csv``) measures cooperation (+) or conflict (-) between the
states of each pair listed for it in ``event_dyads.csv``. :func:`for_dyad` returns the
events of one pair; :func:`cooperation_index` turns their scores into a curve over time:
at each moment, the mean of the scores of all earlier events, each weighted by
``0.5 ** (age / half_life)``, so that an event counts half as much ``half_life`` years
later. Between events the curve keeps its level (a weighted mean does not decay towards
zero), which is what one wants of a relationship that goes quiet.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sinorus import data


def dyad_name(a: str, b: str) -> str:
    """The pair as the book writes it: the two ISO codes in alphabetical order, 'CHN-RUS'."""
    return "-".join(sorted((a, b)))


def events_with_dyads(events: pd.DataFrame | None = None,
                      dyads: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event and pair (events without a pair are left out), with a ``dyad``
    column. Pass modified tables to query a re-scored copy."""
    events = data.load("events") if events is None else events
    dyads = data.load("event_dyads") if dyads is None else dyads
    pairs = dyads.assign(dyad=[dyad_name(a, b) for a, b in zip(dyads["iso3_a"], dyads["iso3_b"])])
    return (pairs[["event_id", "dyad"]].merge(events, on="event_id", how="inner")
            .sort_values(["start_date", "event_id"], kind="stable").reset_index(drop=True))


def for_dyad(dyad: str, events: pd.DataFrame | None = None,
             dyads: pd.DataFrame | None = None) -> pd.DataFrame:
    """The events of one pair of states ('RUS-CHN' and 'CHN-RUS' are the same), by date."""
    a, b = dyad.split("-")
    paired = events_with_dyads(events, dyads)
    return paired[paired["dyad"] == dyad_name(a, b)].reset_index(drop=True)


def decimal_year(dates) -> np.ndarray:
    """Dates as years with a fraction: 1969-07-02 -> about 1969.5."""
    dates = pd.to_datetime(pd.Series(dates))
    start = pd.to_datetime(dates.dt.year.astype(str) + "-01-01")
    length = np.where(dates.dt.is_leap_year, 366.0, 365.0)
    return (dates.dt.year + (dates - start).dt.days / length).to_numpy(dtype=float)


def cooperation_index(when, scores, grid, half_life: float) -> np.ndarray:
    """The weighted mean of the scores of the events before each point of ``grid``.

    ``when`` are the events' times and ``grid`` the points to evaluate, both in (decimal)
    years; an event at ``t_i`` weighs ``0.5 ** ((t - t_i) / half_life)`` at ``t >= t_i``
    and nothing before. Points before the first event get NaN.
    """
    if half_life <= 0:
        raise ValueError("the half-life must be positive")
    when = np.asarray(when, dtype=float)
    scores = np.asarray(scores, dtype=float)
    grid = np.asarray(grid, dtype=float)
    age = grid[:, None] - when[None, :]
    # Work in log-weights relative to the youngest past event: 0.5 ** (age / h) underflows
    # for events centuries old, and only the ratios of the weights matter.
    past = age >= 0
    log_w = np.where(past, -age / half_life * np.log(2), -np.inf)
    top = log_w.max(axis=1, keepdims=True)
    weights = np.exp(log_w - np.where(np.isfinite(top), top, 0.0))
    total = weights.sum(axis=1)
    with np.errstate(invalid="ignore"):
        index = (weights * scores[None, :]).sum(axis=1) / total
    return np.where(total > 0, index, np.nan)
