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


def test_book_posterior_odds_are_the_product_of_the_ratios():
    """On the book's evidence: P(alt) / P(SB) = prior odds / product of that alternative's ratios."""
    _, assessments = pt.load_evidence()
    table = pt.ratio_table(assessments)
    post = pt.posterior(UNIFORM, table)
    for alt in pt.ALTERNATIVES:
        product = math.prod(table[alt])
        assert math.isclose(post[alt] / post[pt.REFERENCE], 1 / product, rel_tol=1e-9)


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


# ---- per-piece weights


def test_a_zero_weight_drops_the_piece_and_a_half_weight_takes_its_square_root():
    table = ratios({"E1": [4, 1, 1, 1], "E2": [0.25, 2, 1, 1]})
    dropped = pt.posterior(UNIFORM, table, pd.Series({"E1": 1.0, "E2": 0.0}))
    assert np.allclose(dropped, pt.posterior(UNIFORM, table.loc[["E1"]]))
    halved = pt.posterior(UNIFORM, table, pd.Series({"E1": 0.5, "E2": 1.0}))
    by_hand = np.array([1, 1 / 2 / 0.25, 1 / 2, 1, 1]) * 0.2
    assert np.allclose(halved, by_hand / by_hand.sum())


def test_a_weight_series_must_cover_every_piece():
    with pytest.raises(ValueError, match="no weight for pieces"):
        pt.posterior(UNIFORM, ratios({"E1": [2, 1, 1, 1], "E2": [1, 1, 1, 1]}), pd.Series({"E1": 1.0}))


# ---- many priors, the simplex, leaders


def test_posteriors_over_matches_posterior_and_a_zero_prior_rules_out():
    table = ratios({"E1": [2, 0.5, 1, 4], "E2": [3, 1, 0.25, 1]})
    priors = np.array([[0.2] * 5, [0.5, 0.125, 0.125, 0.125, 0.125], [0, 0.25, 0.25, 0.25, 0.25]])
    many = pt.posteriors_over(priors, table)
    for row, prior in zip(many, priors[:2]):
        assert np.allclose(row, pt.posterior(pd.Series(prior, index=pt.HYPOTHESES), table))
    assert many[2, 0] == 0 and math.isclose(many[2].sum(), 1)
    with pytest.raises(ValueError):
        pt.posteriors_over(np.zeros((1, 5)), table)


def test_simplex_grid_is_the_whole_simplex():
    grid = pt.simplex_grid(0.25)
    assert len(grid) == math.comb(4 + 4, 4)            # compositions of 4 into 5 parts
    assert np.allclose(grid.sum(axis=1), 1) and (grid >= 0).all()
    assert len({tuple(r) for r in grid}) == len(grid)
    assert any((r == [1, 0, 0, 0, 0]).all() for r in grid)     # vertices included
    assert len(pt.simplex_grid(0.05)) == math.comb(24, 4)
    with pytest.raises(ValueError):
        pt.simplex_grid(0.3)


def test_leaders_flags_ties():
    assert list(pt.leaders(np.array([[0.1, 0.5, 0.2, 0.1, 0.1], [0.4, 0.4, 0.1, 0.05, 0.05]]))) == [1, -1]


# ---- the Occam factor


def _acts(codes):
    """evidence and accounts frames from {piece: (act, {hypothesis: code})}; unnamed codes are 'partly'."""
    evidence = pd.DataFrame({"evidence_id": list(codes), "act": [a for a, _ in codes.values()]})
    accounts = pd.DataFrame({h: [c.get(h, "partly") for _, c in codes.values()] for h in pt.HYPOTHESES},
                            index=list(codes))
    return evidence, accounts


def test_expecting_an_act_and_its_opposite_is_worth_no_more_than_silence():
    evidence, accounts = _acts({"A": ("obstructs_us", {"policy_disputes": "yes", "soft_balancing": "yes"}),
                                "B": ("cooperates_with_us", {"policy_disputes": "yes", "soft_balancing": "no"}),
                                "C": ("", {"policy_disputes": "yes"})})
    factors = pt.occam_factors(evidence, accounts)
    assert factors["policy_disputes"] == 1.5            # yes on both sides
    assert factors["soft_balancing"] == 1.0             # yes on one side, no on the other: 0.75 + 0.25
    assert factors["economic_interests"] == 1.0         # silent on both: 0.5 + 0.5
    assert pt.LIKELIHOOD["yes"] / factors["policy_disputes"] == pt.LIKELIHOOD["partly"]
    evidence2, accounts2 = _acts({"A": ("obstructs_us", {"regional_security": "yes"}),
                                  "B": ("cooperates_with_us", {})})
    assert pt.occam_factors(evidence2, accounts2)["regional_security"] == 1.25   # yes and silent
    evidence3, accounts3 = _acts({"A": ("obstructs_us", {"mutual_containment": "no", "soft_balancing": "no"}),
                                  "B": ("cooperates_with_us", {"mutual_containment": "no"})})
    factors3 = pt.occam_factors(evidence3, accounts3)
    assert factors3["mutual_containment"] == 1.0    # 0.25 + 0.25 spends less than one: no reward, no penalty
    assert factors3["soft_balancing"] == 1.0        # 0.25 + 0.5


def test_with_occam_moves_only_act_pieces_by_the_ratio_of_factors():
    evidence, accounts = _acts({"A": ("obstructs_us", {"policy_disputes": "yes", "soft_balancing": "yes"}),
                                "B": ("cooperates_with_us", {"policy_disputes": "yes", "soft_balancing": "no"}),
                                "C": ("", {"policy_disputes": "yes"})})
    table = ratios({"A": [2, 2, 1, 2], "B": [0.5, 0.5, 0.25, 0.5], "C": [1, 1, 0.5, 1]})
    adjusted = pt.with_occam(table, evidence, accounts)
    assert adjusted.loc["A", "policy_disputes"] == 1.5 and adjusted.loc["B", "policy_disputes"] == 0.375
    assert adjusted.loc["C", "policy_disputes"] == 0.5                       # not an act: untouched
    assert adjusted.loc["A", "economic_interests"] == 2.0                    # same budget as soft balancing
    # the posterior of the hypothesis that expects both falls
    assert pt.posterior(UNIFORM, adjusted)["policy_disputes"] < pt.posterior(UNIFORM, table)["policy_disputes"]


def test_book_codes_expect_no_act_and_its_opposite_and_us_actions_are_neutral():
    evidence, assessments = pt.load_evidence()
    factors = pt.occam_factors(evidence, pt.accounts_table(evidence, assessments))
    assert (factors < 1.5).all(), factors[factors >= 1.5]
    us = evidence.loc[evidence["evidence_kind"] == "us_action", "evidence_id"]
    assert np.allclose(pt.ratio_table(assessments).loc[us], 1)


def test_weighed_is_chapter_11s_model_on_a_small_table():
    """Occam on act rows, readings at the given weight, other pieces at 1."""
    evidence = pd.DataFrame({"evidence_id": ["A", "B", "C"], "act": ["obstructs_us", "cooperates_with_us", ""],
                             "evidence_kind": ["observation", "observation", "scholar_reading"],
                             "soft_balancing_accounts": ["yes", "no", "yes"]})
    rows = []
    for piece, pd_code, lr in (("A", "yes", 1.0), ("B", "yes", 0.25), ("C", "partly", 2.0)):
        for alt in pt.ALTERNATIVES:
            code, ratio = (pd_code, lr) if alt == "policy_disputes" else ("partly", {"A": 2.0, "B": 0.5, "C": 2.0}[piece])
            rows.append({"evidence_id": piece, "explanation": alt, "accounts": code, "likelihood_ratio": ratio})
    ratios, weights = pt.weighed(evidence, pd.DataFrame(rows), reading_weight=0.5)
    # policy disputes expects both sides (factor 1.5), soft balancing yes/no (factor 1)
    assert ratios.loc["A", "policy_disputes"] == 1.5 and ratios.loc["B", "policy_disputes"] == 0.375
    assert ratios.loc["C", "policy_disputes"] == 2.0
    assert ratios.loc["A", "economic_interests"] == 2.0   # silent on both sides: factor 1
    assert list(weights) == [1.0, 1.0, 0.5]
