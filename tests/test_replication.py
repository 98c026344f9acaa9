"""sinorus.replication: the verdict rule for a paper's numbers against the book's."""

import math

import pandas as pd
import pytest

from sinorus import replication as rep


@pytest.mark.parametrize("paper, book, unit, relation, expected", [
    # shares: within half a point reproduced, within two points close
    (0.465, 0.4675, "share", "equals", rep.REPRODUCED),
    (0.465, 0.470, "share", "equals", rep.REPRODUCED),          # exactly on the threshold
    (0.465, 0.4515, "share", "equals", rep.CLOSE),
    (0.79, 0.634, "share", "equals", rep.NOT_REPRODUCED),
    (0.12, 0.094, "share", "equals", rep.NOT_REPRODUCED),       # 2.6 points: beyond close
    # amounts: within 5% reproduced, within 15% close
    (712, 705.9, "usd_bn", "equals", rep.REPRODUCED),
    (101, 96.6, "usd_bn", "equals", rep.REPRODUCED),
    (1605, 1800, "count", "equals", rep.CLOSE),
    (1605, 2787, "count", "equals", rep.NOT_REPRODUCED),
    (700, 700, "count", "about", rep.REPRODUCED),
    (0, 0, "count", "equals", rep.REPRODUCED),
    (0, 3, "count", "equals", rep.NOT_REPRODUCED),
    # ranks
    (5, 5, "rank", "equals", rep.REPRODUCED),
    (5, 6, "rank", "equals", rep.CLOSE),
    (2, 4, "rank", "equals", rep.NOT_REPRODUCED),
    # bounds
    (1000, 240, "count", "less_than", rep.REPRODUCED),
    (1000, 1200, "count", "less_than", rep.NOT_REPRODUCED),
    (20, 25, "count", "more_than", rep.REPRODUCED),
    (20, 20, "count", "more_than", rep.NOT_REPRODUCED),
    # nothing to check against
    (430, None, "count", "equals", rep.NOT_CHECKABLE),
    (430, float("nan"), "count", "equals", rep.NOT_CHECKABLE),
])
def test_verdict(paper, book, unit, relation, expected):
    assert rep.verdict(paper, book, unit, relation) == expected


def test_difference_is_in_points_for_shares_and_relative_for_amounts():
    assert rep.difference(0.79, 0.634, "share") == pytest.approx(-0.156)
    assert rep.difference(712, 705.9, "usd_bn") == pytest.approx(705.9 / 712 - 1)
    assert rep.difference(5, 6, "rank") == 1
    assert rep.difference(0, 0, "count") is None
    assert rep.difference(430, None, "count") is None


def test_thresholds_can_be_changed():
    strict = {"share": (0.001, 0.005), "amount": (0.005, 0.05), "rank": (0, 0)}
    assert rep.verdict(712, 705.9, "usd_bn", thresholds=strict) == rep.CLOSE
    assert rep.verdict(5, 6, "rank", thresholds=strict) == rep.NOT_REPRODUCED


def test_unknown_unit_or_relation_is_refused():
    with pytest.raises(ValueError, match="unknown unit 'percent'"):
        rep.verdict(1, 1, "percent")
    with pytest.raises(ValueError, match="unknown relation 'roughly'"):
        rep.verdict(1, 1, "count", "roughly")


CLAIMS = pd.DataFrame({
    "claim_id": ["share", "dollars", "missiles", "bound"],
    "unit": ["share", "usd_bn", "count", "count"],
    "relation": ["equals", "equals", "equals", "less_than"],
    "paper_share": [0.465, math.nan, math.nan, math.nan],
    "paper_amount": [math.nan, 712.0, 430.0, 1000.0],
})


def test_compare_adds_book_value_difference_and_verdict():
    table = rep.compare(CLAIMS, {"share": 0.4515, "dollars": 705.9, "missiles": None, "bound": 240})
    assert table["paper_value"].tolist() == [0.465, 712.0, 430.0, 1000.0]
    assert table["verdict"].tolist() == [rep.CLOSE, rep.REPRODUCED, rep.NOT_CHECKABLE, rep.REPRODUCED]
    assert math.isnan(table.loc[2, "book_value"]) and math.isnan(table.loc[2, "difference"])
    assert table["difference"].dtype == "float64"


def test_compare_refuses_an_unchecked_or_unknown_claim():
    with pytest.raises(KeyError, match=r"claims without a book value \['bound'\]"):
        rep.compare(CLAIMS, {"share": 0.45, "dollars": 700, "missiles": None})
    with pytest.raises(KeyError, match=r"unknown claims \['extra'\]"):
        rep.compare(CLAIMS, {"share": 0.45, "dollars": 700, "missiles": None, "bound": 1, "extra": 2})


def test_compare_refuses_a_claim_without_the_papers_value():
    claims = CLAIMS.assign(paper_share=[math.nan] * 4)
    with pytest.raises(ValueError, match=r"without the paper's value: \['share'\]"):
        rep.compare(claims, {"share": 0.45, "dollars": 700, "missiles": None, "bound": 1})


def test_a_number_on_an_unmeasured_basis_is_not_checkable_on_that_basis():
    """A gap between the paper's basis and the nearest one is not a failed replication."""
    assert rep.verdict(0.79, 0.634, "share", paper_basis="unmeasured") == rep.NOT_ON_BASIS
    assert rep.verdict(0.79, 0.79, "share", paper_basis="unmeasured") == rep.NOT_ON_BASIS
    assert rep.verdict(0.79, 0.634, "share", paper_basis="measured") == rep.NOT_REPRODUCED
    with pytest.raises(ValueError, match="paper basis"):
        rep.verdict(0.79, 0.634, "share", paper_basis="guessed")
    claims = pd.DataFrame({"claim_id": ["a", "b"], "unit": ["share", "share"], "relation": ["equals"] * 2,
                           "paper_share": [0.79, 0.79], "paper_amount": [None, None],
                           "paper_basis": ["unmeasured", "measured"]})
    checked = rep.compare(claims, {"a": 0.634, "b": 0.634})
    assert list(checked["verdict"]) == [rep.NOT_ON_BASIS, rep.NOT_REPRODUCED]
    assert checked["difference"].iloc[0] == pytest.approx(-0.156)   # still shown beside it
    assert rep.verdict_key(rep.NOT_ON_BASIS) == "not_checkable_on_the_papers_basis"


def test_the_capability_claims_mark_army_and_air_force_figures_unmeasured():
    """Data: Figures 1 and 2 count army and air force, which no source separates."""
    import csv

    from book_facts import ROOT
    with open(ROOT / "data" / "machaffie_capability_claims.csv", encoding="utf-8", newline="") as f:
        basis = {r["claim_id"]: r["paper_basis"] for r in csv.DictReader(f)}
    assert {c for c, b in basis.items() if b == "unmeasured"} == {
        "fig1_chn_share", "fig1_rus_share", "fig2_rus_share", "fig2_blr_share"}
