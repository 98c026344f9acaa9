"""sinorus.history: pairs of states, decimal years and the cooperation-conflict index."""

import math

import numpy as np
import pandas as pd
import pytest

from sinorus import history


def test_dyad_names_are_alphabetical():
    assert history.dyad_name("RUS", "CHN") == "CHN-RUS"
    assert history.dyad_name("USA", "RUS") == "RUS-USA"


def test_for_dyad_ignores_the_order_and_sorts_by_date():
    events = history.for_dyad("RUS-CHN")
    assert len(events) > 50
    assert set(events["dyad"]) == {"CHN-RUS"}
    assert events["start_date"].is_monotonic_increasing
    assert "ev-1969-zhenbao-clashes" in set(events["event_id"])


def test_for_dyad_uses_modified_tables():
    events = pd.DataFrame({"event_id": ["a", "b"], "start_date": pd.to_datetime(["2000-01-01", "2001-01-01"]),
                           "score": [2, -4]})
    dyads = pd.DataFrame({"event_id": ["a", "b"], "iso3_a": ["CHN", "RUS"], "iso3_b": ["RUS", "USA"]})
    assert history.for_dyad("CHN-RUS", events, dyads)["event_id"].tolist() == ["a"]


def test_decimal_year():
    years = history.decimal_year(["1969-01-01", "1969-07-02", "2000-12-31"])
    assert years[0] == 1969.0
    assert years[1] == pytest.approx(1969 + 182 / 365)
    assert years[2] == pytest.approx(2000 + 365 / 366)


def test_index_is_a_weighted_mean_of_past_scores():
    # Two events one half-life apart: at the second, the first weighs half as much.
    index = history.cooperation_index([2000.0, 2003.0], [10, -10], [1999.0, 2000.0, 2003.0, 2100.0], half_life=3)
    assert math.isnan(index[0])
    assert index[1] == 10
    assert index[2] == pytest.approx((0.5 * 10 - 10) / 1.5)
    # Long after both, the ratio of the weights is unchanged: the level holds.
    assert index[3] == pytest.approx(index[2])


def test_index_survives_centuries_without_underflow():
    index = history.cooperation_index([1689.0, 1690.0], [6, -6], [2024.0], half_life=0.5)
    assert np.isfinite(index[0]) and index[0] == pytest.approx((0.25 * 6 - 6) / 1.25)


def test_index_refuses_a_non_positive_half_life():
    with pytest.raises(ValueError):
        history.cooperation_index([2000.0], [1], [2001.0], half_life=0)


def test_event_pressure_is_a_decaying_sum_that_sees_density():
    grid = [1999.0, 2000.0, 2003.0, 2030.0]
    one = history.event_pressure([2000.0], [4], grid, half_life=3)
    assert list(one[:3]) == [0, 4, pytest.approx(2)]
    three = history.event_pressure([2000.0, 2000.0, 2000.0], [4, 4, 4], grid, half_life=3)
    assert three[1] == 12                       # density counts ...
    same_mean = history.cooperation_index([2000.0, 2000.0, 2000.0], [4, 4, 4], grid, half_life=3)
    assert same_mean[1] == 4                    # ... where the mean cannot see it
    assert one[3] < 0.01                        # a quiet stretch returns it towards zero
    with pytest.raises(ValueError):
        history.event_pressure([2000.0], [1], [2001.0], half_life=-1)


def test_the_mean_index_is_flat_between_events():
    """Between two events every weight shrinks by the same factor: the mean cannot move."""
    index = history.cooperation_index([1969.2, 1979.1], [-10, -8], [1969.3, 1972.0, 1978.9], half_life=3)
    assert index[0] == pytest.approx(index[1]) == pytest.approx(index[2])
