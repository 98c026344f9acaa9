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


# ---- Steps against a saturating trend

YEARS = np.arange(1992, 2020)
WORLD = dict(low=0.61, high=0.86, midpoint=1996, scale=2.0, sigma=0.028, phi=0.07)


def test_vote_agreement_needs_both_states_and_names_the_pair():
    scores = al.vote_agreement(VOTES, "CHN", "RUS")
    assert scores.name == "CHN-RUS" and len(scores) == 3
    assert al.POSITION == {"yes": 1.0, "abstain": 0.5, "no": 0.0}


def test_yearly_agreement_default_needs_twenty_votes():
    assert al.yearly_agreement(VOTES, CALLS, "RUS", "CHN").empty
    many = pd.DataFrame({"rcid": np.repeat(np.arange(20), 2), "iso3": ["RUS", "CHN"] * 20, "vote": "yes"})
    calls = pd.DataFrame({"rcid": np.arange(20), "date": pd.to_datetime(["2005-03-01"] * 20)})
    assert al.yearly_agreement(many, calls, "RUS", "CHN").to_dict() == {2005: 1.0}
    assert al.yearly_agreement(many.iloc[:-2], calls, "RUS", "CHN").empty   # 19 shared votes


def test_shift_test_reports_the_shift_and_the_counts():
    series = pd.Series([0.0, 0.0, 0.0, 1.0, 1.0], index=np.arange(2000, 2005))
    found = al.shift_test(series, 2003, n_permutations=99, seed=0)
    assert found["shift"] == pytest.approx(1.0)
    assert (found["n_before"], found["n_after"], found["break_year"]) == (3, 2, 2003)
    # 2 of the 10 distinct orders put both ones after 2003: p near 1/10, never below 1/100
    assert 0.02 < found["p_value"] < 0.25
    with pytest.raises(ValueError):
        al.shift_test(series, 2010)


def test_change_point_scan_is_a_t_statistic():
    series = pd.Series([0.0, 0.1, 0.0, 0.1, 1.0, 1.1, 1.0, 1.1], index=np.arange(2000, 2008))
    scan = al.change_point_scan(series, min_segment=2)
    assert list(scan.index) == [2002, 2003, 2004, 2005, 2006]
    assert scan.idxmax() == 2004 and scan[2004] > 10
    a, b = series.to_numpy()[4:], series.to_numpy()[:4]
    pooled = (((a - a.mean()) ** 2).sum() + ((b - b.mean()) ** 2).sum()) / 6
    assert scan[2004] == pytest.approx((a.mean() - b.mean()) / np.sqrt(pooled * (1 / 4 + 1 / 4)))
    result = al.change_point_test(series, min_segment=2, n_permutations=199, seed=1)
    assert result["mean_before"] == pytest.approx(0.05) and result["mean_after"] == pytest.approx(1.05)
    assert result["t"] == pytest.approx(scan[2004])


def test_logistic_runs_from_zero_to_one_through_its_midpoint():
    assert al.logistic(np.array([2000.0]), 2000, 3)[0] == pytest.approx(0.5)
    assert al.logistic(np.array([2000.0 + 3]), 2000, 3)[0] == pytest.approx(1 / (1 + np.exp(-1)))
    assert al.logistic(np.array([1900.0]), 2000, 3)[0] < 1e-12
    assert min(al.LOGISTIC_SCALES) >= 2 and al.MIDPOINT_MARGIN == 10


def test_fit_saturating_recovers_a_noise_free_logistic():
    series = pd.Series(0.2 + 0.5 * al.logistic(YEARS, 2001, 3.0), index=YEARS)
    fit = al.fit_saturating(series)
    assert (fit["midpoint"], fit["scale"]) == (2001.0, 3.0)
    assert fit["low"] == pytest.approx(0.2) and fit["high"] == pytest.approx(0.7)
    assert fit["rss"] == pytest.approx(0.0, abs=1e-12) and fit["step"] == 0.0
    np.testing.assert_allclose(fit["fitted"], series.to_numpy(), atol=1e-12)
    stepped = series + 0.1 * (YEARS >= 2010)
    with_step = al.fit_saturating(stepped, 2010)
    assert with_step["step"] == pytest.approx(0.1) and with_step["rss"] == pytest.approx(0.0, abs=1e-12)
    assert al.fit_saturating(stepped)["rss"] > 1e-4


def test_grid_covers_midpoints_beyond_the_series():
    grid = al._trend_grid(YEARS)
    assert len(grid) == len(al.LOGISTIC_SCALES) * (len(YEARS) + 2 * al.MIDPOINT_MARGIN)
    assert min(m for m, _ in grid) == YEARS.min() - 10 and max(m for m, _ in grid) == YEARS.max() + 10


def test_simulated_series_are_seeded_and_follow_the_curve():
    first = al.simulate_saturating(YEARS, **WORLD, n_series=200, seed=4)
    again = al.simulate_saturating(YEARS, **WORLD, n_series=200, seed=4)
    np.testing.assert_array_equal(first, again)
    assert first.shape == (200, len(YEARS))
    trend = WORLD["low"] + (WORLD["high"] - WORLD["low"]) * al.logistic(YEARS, 1996, 2.0)
    assert np.abs(first.mean(axis=0) - trend).max() < 0.012
    stepped = al.simulate_saturating(YEARS, **WORLD, step=0.1, break_year=2003, n_series=200, seed=4)
    np.testing.assert_allclose(stepped - first, np.tile(0.1 * (YEARS >= 2003), (200, 1)), atol=1e-12)
    with pytest.raises(ValueError):
        al.simulate_saturating(YEARS, **WORLD, step=0.1)


def test_ar1_noise_has_its_autocorrelation_and_spread():
    noise = al.ar1_noise(400, 60, 1.0, 0.6, np.random.default_rng(0))
    lag = np.mean([np.corrcoef(row[1:], row[:-1])[0, 1] for row in noise])
    assert 0.5 < lag < 0.65
    assert noise.std() == pytest.approx(1 / np.sqrt(1 - 0.36), rel=0.06)
    phi, sigma = al._ar1(noise[0])
    assert 0.3 < phi < 0.85 and 0.6 < sigma < 1.4
    assert al._ar1(np.zeros(10)) == (0.0, 0.0)
    assert al._ar1(np.array([1.0, -1.0] * 10))[0] == 0.0          # negative autocorrelation is clipped


def test_step_test_detects_a_planted_step_and_not_a_smooth_curve():
    """Power at a fixed seed: a 4-sigma step planted in 2003 is found in most series; a smooth
    saturating series without a step is flagged in few."""
    planted = al.simulate_saturating(YEARS, **WORLD, step=4 * WORLD["sigma"], break_year=2003, n_series=30, seed=5)
    smooth = al.simulate_saturating(YEARS, **WORLD, n_series=30, seed=6)
    found = al.step_tests(planted, YEARS, [2003], n_boot=99, seed=7)["p_value"] < 0.05
    false = al.step_tests(smooth, YEARS, [2003], n_boot=99, seed=7)["p_value"] < 0.05
    false_1996 = al.step_tests(smooth, YEARS, [1996], n_boot=99, seed=7)["p_value"] < 0.05
    assert found.mean() >= 0.7
    assert false.mean() <= 0.15 and false_1996.mean() <= 0.15


def test_old_detrended_tests_fail_where_the_new_one_does_not():
    """The reason for the new test: on a smooth saturating series the old trend-removed test
    'finds' a 1996 step almost always."""
    smooth = al.simulate_saturating(YEARS, **WORLD, n_series=10, seed=8)
    old = [al.shift_test(pd.Series(s, index=YEARS), 1996, 199, seed=1, detrend=True)["p_value"] < 0.05 for s in smooth]
    assert np.mean(old) >= 0.8


def test_step_test_on_one_series_reports_step_aic_and_p():
    series = pd.Series(al.simulate_saturating(YEARS, **WORLD, step=0.15, break_year=2005, seed=9)[0], index=YEARS)
    found = al.step_test(series, 2005, n_boot=199, seed=1)
    assert found["break_year"] == 2005 and found["step"] == pytest.approx(0.15, abs=0.05)
    assert found["delta_aic"] == pytest.approx(found["lr"] - 2) and found["lr"] > 10
    assert 1 / 200 <= found["p_value"] < 0.02
    assert found == al.step_test(series, 2005, n_boot=199, seed=1)
    assert 0 <= found["phi"] <= 0.9 and 0.01 < found["sigma"] < 0.06
    flat = pd.Series(al.simulate_saturating(YEARS, **WORLD, seed=10)[0], index=YEARS)
    assert al.step_test(flat, 2005, n_boot=199, seed=1)["p_value"] > 0.05
    with pytest.raises(ValueError, match="fewer than 3 years"):
        al.step_test(series, 2018)
    with pytest.raises(ValueError, match="fewer than 3 years"):
        al.step_test(series, 1994)
    al.step_test(series, 1995)          # exactly three years before: allowed
    al.step_test(series, 2017)          # exactly three years from it: allowed


def test_step_tests_vectorised_agrees_with_one_at_a_time():
    batch = al.simulate_saturating(YEARS, **WORLD, step=0.1, break_year=2003, n_series=3, seed=11)
    together = al.step_tests(batch, YEARS, [2003], n_boot=49, seed=2)
    for row in range(3):
        alone = al.fit_saturating(pd.Series(batch[row], index=YEARS))
        stepped = al.fit_saturating(pd.Series(batch[row], index=YEARS), 2003)
        assert together["lr"][row] == pytest.approx(len(YEARS) * np.log(alone["rss"] / stepped["rss"]))
    assert list(together["break_year"]) == [2003, 2003, 2003]


def test_step_scan_finds_the_planted_year():
    series = pd.Series(al.simulate_saturating(YEARS, **WORLD, step=0.2, break_year=2008, seed=12)[0], index=YEARS)
    found = al.step_scan_test(series, n_boot=99, seed=3)
    assert found["break_year"] == 2008 and found["step"] == pytest.approx(0.2, abs=0.05)
    assert found["p_value"] < 0.05 and found["lr"] > 10
    smooth = pd.Series(al.simulate_saturating(YEARS, **WORLD, seed=13)[0], index=YEARS)
    assert al.step_scan_test(smooth, n_boot=99, seed=3)["p_value"] > 0.05
    falling = pd.Series(-series.to_numpy(), index=YEARS)
    assert al.step_scan_test(falling, n_boot=99, seed=3)["step"] == pytest.approx(-0.2, abs=0.05)


# ---- Exact checks (each recomputes a result from its definition; written against mutants)

@pytest.fixture(autouse=True)
def fresh_bases():
    """Each test builds its own designs: the cache must not hide how they are made."""
    al._BASES.clear()
    yield
    al._BASES.clear()


def test_bases_are_cached_and_the_cache_is_bounded():
    first, labels = al._bases(YEARS, [2003])
    assert al._bases(YEARS, [2003])[0] is first and len(labels) == len(al._trend_grid(YEARS))
    assert labels[0] == (2003, YEARS.min() - 10.0, al.LOGISTIC_SCALES[0])
    assert first.shape == (len(YEARS), 3 * len(labels))
    for b in range(1995, 1995 + 70):
        al._bases(np.arange(1900, 2000), [b % 90 + 1905])
    assert len(al._BASES) <= 65


def test_bases_span_constant_trend_and_step():
    """Each design's basis is orthonormal and spans 1, the logistic and the step exactly."""
    bases, labels = al._bases(YEARS, [2003, 2010])
    u = bases.reshape(len(YEARS), -1, 3)
    for index in (0, 150, len(labels) - 1):
        break_year, midpoint, scale = labels[index]
        design = np.column_stack([np.ones(len(YEARS)), al.logistic(YEARS, midpoint, scale),
                                  (YEARS >= break_year).astype(float)])
        basis = u[:, index, :]
        np.testing.assert_allclose(basis.T @ basis, np.eye(3), atol=1e-9)
        np.testing.assert_allclose(basis @ (basis.T @ design), design, atol=1e-9)
    null, null_labels = al._bases(YEARS, None)
    assert null_labels[0][0] is None and null.shape == (len(YEARS), 3 * len(null_labels))
    nu = null.reshape(len(YEARS), -1, 3)
    assert np.allclose(nu[:, :, 2], 0.0)                 # no third direction without a step
    design = np.column_stack([np.ones(len(YEARS)), al.logistic(YEARS, *null_labels[40][1:])])
    np.testing.assert_allclose(nu[:, 40, :2] @ (nu[:, 40, :2].T @ design), design, atol=1e-9)


def test_residual_ss_matches_least_squares():
    values = al.simulate_saturating(YEARS, **WORLD, n_series=2, seed=21)
    bases, labels = al._bases(YEARS, [2001])
    rss = al._residual_ss(values, bases)
    for index in (3, 200):
        b, m, s = labels[index]
        design = np.column_stack([np.ones(len(YEARS)), al.logistic(YEARS, m, s), (YEARS >= b).astype(float)])
        for row in range(2):
            residual = values[row] - design @ np.linalg.lstsq(design, values[row], rcond=None)[0]
            assert rss[row, index] == pytest.approx(residual @ residual, rel=1e-8)


def test_shift_test_p_value_is_the_permutation_share_with_ties():
    series = pd.Series([0.0, 0.0, 0.0, 1.0, 1.0], index=np.arange(2000, 2005))
    found = al.shift_test(series, 2003, n_permutations=300, seed=5)
    rng = np.random.default_rng(5)
    shuffled = rng.permuted(np.tile(series.to_numpy(), (300, 1)), axis=1)
    null = shuffled[:, 3:].mean(axis=1) - shuffled[:, :3].mean(axis=1)
    assert found["p_value"] == (1 + np.sum(null >= 1.0 - 1e-12)) / 301
    detrended = al.shift_test(series, 2003, n_permutations=300, seed=5, detrend=True)
    residual = series.to_numpy() - np.polyval(np.polyfit(series.index, series.to_numpy(), 1), series.index)
    assert detrended["shift"] == pytest.approx(residual[3:].mean() - residual[:3].mean())


def test_change_point_test_p_value_is_the_share_of_larger_maxima():
    series = pd.Series([0.0, 0.2, 1.0, 0.9, 1.1, 1.0, 0.95], index=np.arange(2000, 2007))
    found = al.change_point_test(series, min_segment=2, n_permutations=300, seed=3)
    assert found["break_year"] == 2002                   # outside the default segments of 3
    values, years = series.to_numpy(), series.index.to_numpy()
    rng = np.random.default_rng(3)
    shuffled = rng.permuted(np.tile(values, (300, 1)), axis=1)
    def t(rows, after):
        a, b = rows[:, after], rows[:, ~after]
        pooled = (((a - a.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)
                  + ((b - b.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)) / (len(values) - 2)
        return (a.mean(axis=1) - b.mean(axis=1)) / np.sqrt(pooled * (1 / after.sum() + 1 / (~after).sum()))
    null_max = np.max([np.abs(t(shuffled, years >= y)) for y in range(2002, 2006)], axis=0)
    observed = abs(t(values[None, :], years >= 2002)[0])
    assert found["t"] == pytest.approx(observed)
    assert found["p_value"] == (1 + np.sum(null_max >= observed - 1e-12)) / 301
    assert found == al.change_point_test(series, min_segment=2, n_permutations=300, seed=3)
    assert al.change_point_test(series, min_segment=2, n_permutations=300)["p_value"] == \
        al.change_point_test(series, min_segment=2, n_permutations=300, seed=0)["p_value"]


def test_change_point_scan_unequal_segments_and_name():
    series = pd.Series([0.0, 0.3, 0.1, 1.0, 1.2, 0.9, 1.1, 1.3], index=np.arange(2000, 2008))
    scan = al.change_point_scan(series, min_segment=2)
    assert scan.name == "t"
    values = series.to_numpy()
    for year in scan.index:
        after = series.index.to_numpy() >= year
        a, b = values[after], values[~after]
        pooled = (((a - a.mean()) ** 2).sum() + ((b - b.mean()) ** 2).sum()) / (len(values) - 2)
        assert scan[year] == pytest.approx((a.mean() - b.mean()) / np.sqrt(pooled * (1 / len(a) + 1 / len(b))))
    assert al.yearly_agreement(VOTES, CALLS, "RUS", "CHN", min_votes=1).name == "RUS-CHN"


def test_ar1_estimates_from_centred_residuals():
    residuals = np.array([0.0, 1.0, 1.0, -1.0, -1.0]) + 5.0
    phi, sigma = al._ar1(residuals)
    assert phi == pytest.approx(1 / 3)
    assert sigma == pytest.approx(np.sqrt(4 / 5) * np.sqrt(1 - 1 / 9))
    trend = np.linspace(-1, 1, 30)                       # lag-one correlation near 1: clipped
    assert al._ar1(trend)[0] == 0.9
    assert al._ar1(np.array([0.0, 0.0, 0.0, 0.0, 1.0]))[0] == 0.0


def test_ar1_noise_is_the_recursion():
    noise = al.ar1_noise(3, 6, 0.5, 0.8, np.random.default_rng(4))
    innovations = np.random.default_rng(4).normal(0.0, 0.5, size=(3, 6))
    expected = np.empty_like(innovations)
    expected[:, 0] = innovations[:, 0] / np.sqrt(1 - 0.64)
    for t in range(1, 6):
        expected[:, t] = 0.8 * expected[:, t - 1] + innovations[:, t]
    np.testing.assert_allclose(noise, expected, rtol=1e-12)


def test_simulate_saturating_defaults():
    once = al.simulate_saturating(YEARS, low=0.1, high=0.9, midpoint=2000, scale=3.0, sigma=0.01)
    trend = 0.1 + 0.8 * al.logistic(YEARS, 2000, 3.0)
    expected = trend + al.ar1_noise(1, len(YEARS), 0.01, 0.0, np.random.default_rng(0))
    assert once.shape == (1, len(YEARS))
    np.testing.assert_allclose(once, expected, rtol=1e-12)
    with pytest.raises(ValueError, match="a step needs its break year"):
        al.simulate_saturating(YEARS, low=0, high=1, midpoint=2000, scale=3.0, sigma=0.01, step=0.1)


def test_step_tests_p_value_is_the_bootstrap_share():
    values = al.simulate_saturating(YEARS, **WORLD, step=0.04, break_year=2004, n_series=2, seed=30)
    result = al.step_tests(values, YEARS, [2004], n_boot=60, seed=8)
    null_bases, _ = al._bases(YEARS, None)
    step_bases, _ = al._bases(YEARS, [2004])
    observed, _ = al._likelihood_ratio(values, null_bases, step_bases, 1)
    np.testing.assert_allclose(result["lr"], observed)
    fitted = al._null_fits(values, null_bases)
    rng = np.random.default_rng(8)
    for row in range(2):
        best = al.fit_saturating(pd.Series(values[row], index=YEARS))
        np.testing.assert_allclose(fitted[row], best["fitted"], atol=1e-10)
        phi, sigma = al._ar1(values[row] - fitted[row])
        simulated = fitted[row] + al.ar1_noise(60, len(YEARS), sigma, phi, rng)
        boot, _ = al._likelihood_ratio(simulated, null_bases, step_bases, 1)
        assert result["p_value"][row] == (1 + np.sum(boot >= observed[row] - 1e-9)) / 61
    assert al.step_tests(values, YEARS, [2017], n_boot=5)["lr"].shape == (2,)   # three years after: allowed
    with pytest.raises(ValueError):
        al.step_tests(values, YEARS, [2018], n_boot=5)
    tied = al.step_tests(np.tile(trend_of(YEARS), (1, 1)), YEARS, [2004], n_boot=20, seed=1)
    assert tied["p_value"][0] > 0.5                       # a noise-free curve: every bootstrap ties or beats it


def trend_of(years):
    return 0.3 + 0.4 * al.logistic(years, 1998, 4.5)


def test_step_test_and_scan_pass_on_their_arguments():
    flat = pd.Series(al.simulate_saturating(YEARS, **WORLD, seed=31)[0], index=YEARS)
    assert al.step_test(flat, 2003, n_boot=49, seed=2) == al.step_test(flat, 2003, n_boot=49, seed=2)
    p = al.step_test(flat, 2003, n_boot=49, seed=2)["p_value"]
    assert abs(p * 50 - round(p * 50)) < 1e-9
    with pytest.raises(ValueError):
        al.step_test(flat, 1996, min_segment=5)
    scan = al.step_scan_test(flat, n_boot=49, seed=2)
    assert scan == al.step_scan_test(flat, n_boot=49, seed=2)
    assert abs(scan["p_value"] * 50 - round(scan["p_value"] * 50)) < 1e-9 and scan["p_value"] > 0.05
    late = pd.Series(trend_of(YEARS) + 0.3 * (YEARS >= 2017)
                     + al.ar1_noise(1, len(YEARS), 0.01, 0.0, np.random.default_rng(1))[0], index=YEARS)
    assert al.step_scan_test(late, n_boot=49)["break_year"] == 2017
    assert al.step_scan_test(late, min_segment=6, n_boot=49)["break_year"] != 2017
