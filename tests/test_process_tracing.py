"""The Bayesian process-tracing model of the soft-balancing chapters (sinorus.process_tracing)."""

import math

import numpy as np
import pandas as pd
import pytest

from sinorus import process_tracing as pt

UNIFORM = pd.Series(1 / 5, index=pt.HYPOTHESES)


def ratios(rows):
    """A ratio table from {evidence_id: [LR vs each of the four alternatives]}."""
    return pd.DataFrame.from_dict(rows, orient="index", columns=pt.ALTERNATIVES).astype(float)


def test_posterior_sums_to_one_and_is_positive():
    table = ratios({"E1": [2, 0.5, 1, 4], "E2": [3, 1, 0.25, 1], "E3": [0.1, 8, 1, 1]})
    for weight in (0, 0.5, 1, 2):
        post = pt.posterior(UNIFORM, table, weight)
        assert math.isclose(post.sum(), 1.0, rel_tol=1e-12)
        assert (post > 0).all()


def test_book_posterior_sums_to_one():
    _, assessments = pt.load_evidence()
    post = pt.posterior(UNIFORM, pt.ratio_table(assessments))
    assert math.isclose(post.sum(), 1.0, rel_tol=1e-12)


def test_no_evidence_or_zero_weight_returns_the_prior():
    table = ratios({"E1": [2, 0.5, 1, 4]})
    prior = pd.Series([0.4, 0.3, 0.1, 0.1, 0.1], index=pt.HYPOTHESES)
    assert np.allclose(pt.posterior(prior, table, weight=0), prior)
    assert np.allclose(pt.posterior(prior, table.iloc[:0]), prior)


@pytest.mark.parametrize("alternative", pt.ALTERNATIVES)
def test_raising_a_ratio_favours_soft_balancing_over_that_alternative(alternative):
    """A larger P(E|SB)/P(E|alt) raises P(SB) and lowers P(alt): monotone in every ratio."""
    base = ratios({"E1": [2, 0.5, 1, 4], "E2": [1, 1, 0.5, 2]})
    previous = pt.posterior(UNIFORM, base)
    for value in (0.5, 1, 2, 4, 8):
        table = base.copy()
        table.loc["E2", alternative] = value
        post = pt.posterior(UNIFORM, table)
        if value > 0.5:
            assert post[pt.REFERENCE] > previous[pt.REFERENCE]
            assert post[alternative] < previous[alternative]
        previous = post


def test_matches_a_hand_computation():
    """Two pieces, priors 0.4 (SB) and 0.15 each (alternatives), by hand.

    Piece 1: LR = 2, 1, 4, 1;  piece 2: LR = 1, 0.5, 2, 1.
    Unnormalised weights: SB 0.4 * 1 * 1 = 0.4; EI 0.15 / 2 / 1 = 0.075;
    RS 0.15 / 1 / 0.5 = 0.3; PD 0.15 / 4 / 2 = 0.01875; MC 0.15 / 1 / 1 = 0.15.
    Sum 0.94375, so P(SB) = 0.4 / 0.94375 = 0.42384...
    """
    prior = pd.Series([0.4, 0.15, 0.15, 0.15, 0.15], index=pt.HYPOTHESES)
    table = ratios({"E1": [2, 1, 4, 1], "E2": [1, 0.5, 2, 1]})
    post = pt.posterior(prior, table)
    by_hand = np.array([0.4, 0.075, 0.3, 0.01875, 0.15]) / 0.94375
    assert np.allclose(post.to_numpy(), by_hand, rtol=1e-12)
    assert math.isclose(post[pt.REFERENCE], 0.4 / 0.94375)


def test_two_hypothesis_odds_form():
    """With two live hypotheses, posterior odds = prior odds x product of ratios."""
    prior = pd.Series([0.5, 0.5, 1e-300, 1e-300, 1e-300], index=pt.HYPOTHESES)
    table = ratios({"E1": [2, 1, 1, 1], "E2": [3, 1, 1, 1]})
    post = pt.posterior(prior, table)
    assert math.isclose(post[pt.REFERENCE] / post["economic_interests"], 6.0, rel_tol=1e-9)


def test_weight_tempers_the_evidence():
    table = ratios({"E1": [4, 4, 4, 4]})
    strong, weak = pt.posterior(UNIFORM, table, 1.0), pt.posterior(UNIFORM, table, 0.5)
    assert strong[pt.REFERENCE] > weak[pt.REFERENCE] > UNIFORM[pt.REFERENCE]
    assert math.isclose(weak[pt.REFERENCE], 1 / (1 + 4 * 0.5))


def test_path_ends_at_the_posterior():
    table = ratios({"E1": [2, 0.5, 1, 4], "E2": [3, 1, 0.25, 1]})
    path = pt.posterior_path(UNIFORM, table)
    assert list(path.index) == ["E1", "E2"]
    assert np.allclose(path.iloc[-1], pt.posterior(UNIFORM, table))
    assert np.allclose(path.sum(axis=1), 1)


def test_long_products_do_not_underflow():
    table = ratios({f"E{i}": [50, 50, 50, 50] for i in range(400)})
    post = pt.posterior(UNIFORM, table)
    assert math.isclose(post[pt.REFERENCE], 1.0) and np.isfinite(post).all()


@pytest.mark.parametrize("prior", [
    pd.Series([0.5, 0.5, 0, 0, 0], index=pt.HYPOTHESES),
    pd.Series([0.5, 0.5], index=pt.HYPOTHESES[:2]),
])
def test_prior_must_be_positive_for_every_hypothesis(prior):
    with pytest.raises(ValueError, match="positive value for each"):
        pt.posterior(prior, ratios({"E1": [1, 1, 1, 1]}))


def test_ladder():
    assert pt.ladder_ratio("yes", "no") == 4
    assert pt.ladder_ratio("partly", "yes") == 0.5
    assert pt.ladder_ratio("partly", "partly") == 1
