"""sinorus.power: Shapley-Shubik and Banzhaf indices, checked on examples worked by hand."""

import math

import pandas as pd
import pytest

from sinorus import power


def test_hand_checked_weighted_game():
    """[3; 2, 1, 1]: A wins with either B or C; B and C together lose.

    Shapley-Shubik: of the 6 orderings, A is pivotal in the 4 in which it does not come
    first (BAC, BCA, CAB, CBA), B only in ABC and C only in ACB: A 2/3, B 1/6, C 1/6.
    Banzhaf swings: A in {A,B}, {A,C}, {A,B,C} = 3; B in {A,B} = 1;
    C in {A,C} = 1; normalised 3/5, 1/5, 1/5; raw A 3/4, B 1/4, C 1/4.
    """
    weights = {"A": 2, "B": 1, "C": 1}
    ss = power.shapley_shubik(weights, 3)
    assert ss.to_dict() == pytest.approx({"A": 2 / 3, "B": 1 / 6, "C": 1 / 6})
    assert power.banzhaf(weights, 3).to_dict() == pytest.approx({"A": 0.6, "B": 0.2, "C": 0.2})
    assert power.banzhaf(weights, 3, normalised=False).to_dict() == pytest.approx({"A": 0.75, "B": 0.25, "C": 0.25})


def test_shapley_shubik_by_listing_orderings():
    """The same index computed from its definition, over all orderings of a 4-member council."""
    import itertools

    weights = {"A": 4, "B": 3, "C": 2, "D": 1}
    quota = 6
    pivots = dict.fromkeys(weights, 0)
    for order in itertools.permutations(weights):
        total = 0
        for member in order:
            total += weights[member]
            if total >= quota:
                pivots[member] += 1
                break
    expected = {m: n / math.factorial(4) for m, n in pivots.items()}
    assert power.shapley_shubik(weights, quota).to_dict() == pytest.approx(expected)


def test_consensus_gives_everyone_the_same_power():
    weights, quota = power.consensus(["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"])
    assert quota == 6
    assert power.shapley_shubik(weights, quota).tolist() == pytest.approx([1 / 6] * 6)
    assert power.banzhaf(weights, quota).tolist() == pytest.approx([1 / 6] * 6)


def test_a_dictator_has_all_the_power():
    weights = pd.Series({"big": 0.6, "small": 0.3, "tiny": 0.1})
    assert power.shapley_shubik(weights, 0.5).to_dict() == {"big": 1.0, "small": 0.0, "tiny": 0.0}
    assert power.banzhaf(weights, 0.5).to_dict() == {"big": 1.0, "small": 0.0, "tiny": 0.0}


def test_indices_sum_to_one():
    weights = {"a": 0.21, "b": 0.04, "c": 0.003, "d": 0.002, "e": 0.0004, "f": 0.0003}
    for quota in (0.1, 0.2, 0.25):
        assert power.shapley_shubik(weights, quota).sum() == pytest.approx(1)
        assert power.banzhaf(weights, quota).sum() == pytest.approx(1)


def test_a_quota_met_exactly_despite_rounding_wins():
    # 0.1 + 0.2 is 0.30000000000000004 in floating point; a quota of 0.3 must still be met.
    assert power.shapley_shubik({"a": 0.1, "b": 0.2}, 0.3).to_dict() == pytest.approx({"a": 0.5, "b": 0.5})


@pytest.mark.parametrize("weights, quota, message", [
    ({}, 1, "at least one member"),
    ({"a": -1, "b": 2}, 1, "the weight of a is -1"),
    ({"a": float("nan"), "b": 2}, 1, "the weight of a is nan"),
    ({"a": "big", "b": 2}, 1, "the weight of a is 'big'"),
    ({"a": 1, "b": 2}, 4, "exceeds the total weight"),
    ({"a": 1, "b": 2}, 0, "must be a positive number"),
    ({f"m{i}": 1 for i in range(21)}, 11, "at most 20"),
])
def test_bad_councils_are_refused(weights, quota, message):
    with pytest.raises(ValueError, match=message):
        power.shapley_shubik(weights, quota)


def test_duplicate_members_are_refused():
    with pytest.raises(ValueError, match="named twice"):
        power.banzhaf(pd.Series([1, 2], index=["a", "a"]), 2)


def test_more_than_half_means_more_than_half():
    """With `more_than`, a coalition holding exactly half the weight loses."""
    import itertools
    weights = {"A": 2.0, "B": 2.0, "C": 1.0, "D": 1.0}  # {A, C} holds exactly half

    def by_orderings(wins):
        pivots = dict.fromkeys(weights, 0)
        orderings = list(itertools.permutations(weights))
        for order in orderings:
            total = 0.0
            for member in order:
                if not wins(total) and wins(total + weights[member]):
                    pivots[member] += 1
                total += weights[member]
        return {m: k / len(orderings) for m, k in pivots.items()}

    strict = power.shapley_shubik(weights, power.more_than(3.0))
    assert strict.to_dict() == pytest.approx(by_orderings(lambda t: t > 3.0))
    assert power.shapley_shubik(weights, 3.0).to_dict() == pytest.approx(by_orderings(lambda t: t >= 3.0))
    # a quota of three quarters: at least (A with B or C) or more than (everyone)
    three = {"A": 2.0, "B": 1.0, "C": 1.0}
    assert power.shapley_shubik(three, power.more_than(3.0)).to_dict() == pytest.approx(dict.fromkeys(three, 1 / 3))
    assert power.shapley_shubik(three, 3.0)["A"] == pytest.approx(2 / 3)
