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


# ---- the coding rules, on small tables (messages name file, row and column)


def _coded(pieces, kinds=None):
    """evidence and assessments frames from {piece: (soft balancing's code, [(alt code, LR)] * 4)}."""
    evidence = pd.DataFrame({"evidence_id": list(pieces),
                             "soft_balancing_accounts": [sb for sb, _ in pieces.values()]})
    if kinds is not None:
        evidence["evidence_kind"] = [kinds.get(p, "observation") for p in pieces]
    rows = [{"evidence_id": p, "explanation": alt, "accounts": code, "likelihood_ratio": lr}
            for p, (_, codes) in pieces.items() for alt, (code, lr) in zip(pt.ALTERNATIVES, codes)]
    return evidence, pd.DataFrame(rows)


SAME = [("partly", 1.0)] * 4


def test_a_consistent_coding_has_no_problem():
    evidence, assessments = _coded({"A": ("yes", [("no", 4.0), ("partly", 2.0), ("yes", 1.0), ("yes", 0.5)]),
                                    "B": ("no", [("yes", 0.25), ("partly", 0.5), ("no", 2.0), ("no", 1.0)])})
    assert pt.coding_problems(evidence, assessments, "x.csv") == []


@pytest.mark.parametrize("sb, alt, lr, bad", [
    ("yes", "no", 0.99, True), ("yes", "no", 1.0, False),       # SB better: LR ≥ 1
    ("no", "yes", 1.01, True), ("no", "yes", 1.0, False),       # SB worse: LR ≤ 1
    ("partly", "partly", 0.49, True), ("partly", "partly", 0.5, False),  # same code: 1/2 ≤ LR ≤ 2
    ("partly", "partly", 2.0, False), ("partly", "partly", 2.01, True),
])
def test_a_ratio_must_agree_in_direction_with_its_codes(sb, alt, lr, bad):
    evidence, assessments = _coded({"A": (sb, [(alt, lr)] + SAME[1:]), "B": ("partly", SAME)})
    problems = pt.coding_problems(evidence, assessments, "x.csv")
    if not bad:
        assert problems == []
        return
    assert problems == [f"x.csv, row 2, column 'likelihood_ratio': {lr:g} contradicts the codes "
                        f"(soft balancing '{sb}', economic_interests '{alt}')"]


def test_the_row_named_is_the_files_row():
    """The header is row 1: the fifth assessment (the second piece's first) is row 6."""
    evidence, assessments = _coded({"A": ("partly", SAME), "B": ("yes", [("no", 0.5)] + SAME[1:])})
    assert pt.coding_problems(evidence, assessments, "x.csv") == [
        "x.csv, row 6, column 'likelihood_ratio': 0.5 contradicts the codes "
        "(soft balancing 'yes', economic_interests 'no')"]


@pytest.mark.parametrize("lr, bad", [(1.25, False), (0.8, False), (1.26, True), (0.79, True)])
def test_a_us_action_needs_a_ratio_near_one(lr, bad):
    evidence, assessments = _coded({"U": ("partly", [("partly", lr)] + SAME[1:])}, kinds={"U": "us_action"})
    problems = pt.coding_problems(evidence, assessments, "x.csv")
    assert problems == ([f"x.csv, row 2, column 'likelihood_ratio': {lr:g} for U, a US action, which "
                         "happens whatever drives Moscow and Beijing; its ratio must lie between 0.8 and 1.25"]
                        if bad else [])
    # the same ratio on an observation is no problem
    evidence, assessments = _coded({"U": ("partly", [("partly", lr)] + SAME[1:])}, kinds={})
    assert pt.coding_problems(evidence, assessments, "x.csv") == []


def test_every_piece_is_assessed_against_the_four_alternatives():
    evidence, assessments = _coded({"A": ("partly", SAME), "B": ("partly", SAME)})
    fewer = assessments[~((assessments["evidence_id"] == "B") & (assessments["explanation"] == "policy_disputes"))]
    assert pt.coding_problems(evidence, fewer, "x.csv") == [
        "x.csv, column 'explanation': evidence B is assessed against 3 of the 4 alternatives"]
    none = assessments[assessments["evidence_id"] == "A"]
    assert pt.coding_problems(evidence, none, "x.csv") == [
        "x.csv, column 'explanation': evidence B is assessed against 0 of the 4 alternatives"]


def test_an_assessment_of_an_unknown_piece_is_left_to_the_foreign_key():
    evidence, assessments = _coded({"A": ("partly", SAME)})
    extra = pd.concat([assessments, pd.DataFrame([{"evidence_id": "Z", "explanation": "economic_interests",
                                                   "accounts": "yes", "likelihood_ratio": 9.0}])])
    assert pt.coding_problems(evidence, extra.reset_index(drop=True), "x.csv") == []


def test_load_evidence_refuses_a_breach_naming_the_file():
    from sinorus import data

    evidence, assessments = pt.load_evidence()
    assert len(evidence) > 40 and len(assessments) == 4 * len(evidence)
    assert list(pt.ratio_table(assessments).columns) == pt.ALTERNATIVES
    broken = assessments.copy()
    sb = evidence.set_index("evidence_id").loc[broken.loc[0, "evidence_id"], "soft_balancing_accounts"]
    at_least_as_good = pt.LADDER[sb] >= pt.LADDER[broken.loc[0, "accounts"]]
    broken.loc[0, "likelihood_ratio"] = 0.001 if at_least_as_good else 1000.0  # against its codes
    with pytest.raises(data.DataValidationError, match=r"evidence_assessments \(given as a frame\), row 2, column 'likelihood_ratio'"):
        pt.load_evidence(assessments=broken)
    with pytest.raises(data.DataValidationError, match=r"elsewhere\.csv, row 2"):
        pt.load_evidence(evidence, broken, assessments_path="elsewhere.csv")


def test_ratio_table_has_one_row_per_piece_and_the_alternatives_in_order():
    evidence, assessments = _coded({"A": ("yes", [("no", 4.0), ("partly", 2.0), ("yes", 1.0), ("yes", 0.5)])})
    table = pt.ratio_table(assessments.iloc[::-1])
    assert list(table.columns) == pt.ALTERNATIVES and list(table.index) == ["A"]
    assert table.loc["A"].tolist() == [4.0, 2.0, 1.0, 0.5]


def test_log_likelihoods_put_the_reference_first_at_zero():
    logs = pt.log_likelihoods(ratios({"A": [4, 2, 1, 0.5]}))
    assert list(logs.columns) == pt.HYPOTHESES
    assert logs.loc["A"].tolist() == pytest.approx([0.0, -math.log(4), -math.log(2), 0.0, math.log(2)])


def test_normalise_works_along_the_last_axis_and_survives_huge_weights():
    out = pt.normalise(np.array([[0.0, math.log(3)], [1000.0, 1000.0]]))
    assert out.ravel().tolist() == pytest.approx([0.25, 0.75, 0.5, 0.5])
    assert pt.normalise(np.array([-1e4, -1e4 + math.log(2)])).tolist() == pytest.approx([1 / 3, 2 / 3])


def test_a_prior_is_normalised_and_must_name_every_hypothesis():
    table = ratios({"A": [1, 1, 1, 1]})
    prior = pd.Series([2, 1, 1, 1, 5], index=pt.HYPOTHESES)
    assert pt.posterior(prior, table).tolist() == pytest.approx([0.2, 0.1, 0.1, 0.1, 0.5])
    with pytest.raises(ValueError, match="positive value for each of"):
        pt.posterior(prior.drop("policy_disputes"), table)


def test_posterior_path_steps_piece_by_piece():
    table = ratios({"A": [2, 1, 1, 1], "B": [1, 4, 1, 1]})
    path = pt.posterior_path(UNIFORM, table)
    assert list(path.index) == ["A", "B"] and list(path.columns) == pt.HYPOTHESES
    assert path.loc["A"].tolist() == pytest.approx(pt.posterior(UNIFORM, table.loc[["A"]]).tolist())
    assert path.loc["B"].tolist() == pytest.approx(pt.posterior(UNIFORM, table).tolist())
    half = pt.posterior_path(UNIFORM, table, weight=0.5)
    assert half.loc["B"].tolist() == pytest.approx(pt.posterior(UNIFORM, table, weight=0.5).tolist())
    assert half.loc["B", "economic_interests"] > path.loc["B", "economic_interests"]
