"""UN voting agreement and the permutation tests of the soft-balancing chapters (sinorus.alignment)."""

import numpy as np
import pandas as pd
import pytest

from sinorus import alignment as al

VOTES = pd.DataFrame({"rcid": [1, 1, 2, 2, 3, 3, 4],
                      "iso3": ["RUS", "CHN", "RUS", "CHN", "RUS", "CHN", "RUS"],
                      "vote": ["yes", "yes", "yes", "abstain", "no", "yes", "yes"]})
CALLS = pd.DataFrame({"rcid": [1, 2, 3, 4], "date": pd.to_datetime(["2001-01-01", "2001-06-01", "2002-01-01", "2002-02-01"])})


def test_vote_agreement_scores_same_half_and_opposite():
    scores = al.vote_agreement(VOTES, "RUS", "CHN")
    assert scores.to_dict() == {1: 1.0, 2: 0.5, 3: 0.0}  # roll call 4: China absent, left out


def test_yearly_agreement_averages_by_year_and_drops_thin_years():
    by_year = al.yearly_agreement(VOTES, CALLS, "RUS", "CHN", min_votes=1)
    assert by_year.to_dict() == {2001: 0.75, 2002: 0.0}
    assert al.yearly_agreement(VOTES, CALLS, "RUS", "CHN", min_votes=2).to_dict() == {2001: 0.75}


def test_shift_test_finds_a_clear_step_and_not_a_flat_series():
    years = np.arange(1990, 2010)
    step = pd.Series(np.where(years >= 2000, 1.0, 0.0) + np.linspace(0, 0.01, 20), index=years)
    found = al.shift_test(step, 2000, n_permutations=999, seed=1)
    assert found["shift"] == pytest.approx(1.0, abs=0.02) and found["p_value"] < 0.01
    flat = pd.Series(np.random.default_rng(3).normal(size=20), index=years)
    assert al.shift_test(flat, 2000, n_permutations=999, seed=1)["p_value"] > 0.05


def test_detrending_removes_a_steady_rise():
    years = np.arange(1990, 2010)
    trend = pd.Series(0.01 * (years - 1990) + np.random.default_rng(0).normal(0, 0.002, 20), index=years)
    assert al.shift_test(trend, 2000, n_permutations=999)["p_value"] < 0.01
    assert al.shift_test(trend, 2000, n_permutations=999, detrend=True)["p_value"] > 0.05


def test_shift_test_is_seeded_and_p_is_never_zero():
    series = pd.Series(np.arange(10.0), index=np.arange(2000, 2010))
    first, second = (al.shift_test(series, 2005, n_permutations=200, seed=7) for _ in range(2))
    assert first == second and first["p_value"] >= 1 / 201


def test_break_year_outside_the_series_is_refused():
    with pytest.raises(ValueError, match="no years on one side"):
        al.shift_test(pd.Series([1.0, 2.0], index=[2000, 2001]), 1990)


def test_change_point_test_locates_the_step():
    years = np.arange(1990, 2010)
    noise = np.random.default_rng(5).normal(0, 0.05, 20)
    series = pd.Series(np.where(years >= 1997, 1.0, 0.0) + noise, index=years)
    found = al.change_point_test(series, n_permutations=499, seed=2)
    assert found["break_year"] == 1997 and found["p_value"] < 0.01
    assert found["mean_after"] > found["mean_before"]
