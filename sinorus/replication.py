"""Compare a paper's stated numbers with the book's: the difference and a verdict.

A replication table sets each number a paper states beside the value the book computes
from its data. The verdict follows one rule, written here once so that "reproduced"
means the same wherever the book uses it:

- a **share** (a fraction) is *reproduced* if the book's value is within half a
  percentage point of the paper's, and *close* within two points;
- an **amount** (dollars, a count of troops or warheads) is *reproduced* within 5% of
  the paper's value, and *close* within 15%;
- a **rank** is *reproduced* if it is the same, and *close* if one place off;
- a **bound** ("less than 1,000", "over 20") is *reproduced* if the book's value keeps it;
- a number the book's data cannot measure is *not checkable*;
- a number whose *basis* no available source measures (army and air force personnel, when
  every source counts all services) is *not checkable on the paper's basis*, whatever the
  nearest basis gives: the book shows its value on that nearest basis beside it, but a gap
  between two bases is not a failed replication.

Everything else is *not reproduced*. Points suit shares (a 0.5-point gap matters as much
for a 79% share as for a 4% one when shares are read off a chart); relative gaps suit
amounts, whose scale varies from hundreds to hundreds of billions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

REPRODUCED, CLOSE, NOT_REPRODUCED, NOT_CHECKABLE, NOT_ON_BASIS = (
    "reproduced", "close", "not reproduced", "not checkable", "not checkable on the paper's basis")
VERDICTS = (REPRODUCED, CLOSE, NOT_REPRODUCED, NOT_CHECKABLE, NOT_ON_BASIS)
BASES = ("measured", "unmeasured")

# (reproduced within, close within): fraction points for shares, a relative gap for
# amounts, places for ranks.
THRESHOLDS = {"share": (0.005, 0.02), "amount": (0.05, 0.15), "rank": (0, 1)}
UNITS = ("share", "usd_bn", "count", "rank", "local_currency_bn")
RELATIONS = ("equals", "about", "less_than", "more_than")


def kind(unit: str) -> str:
    """Which threshold a unit is judged by: 'share', 'rank' or 'amount'."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; known: {', '.join(UNITS)}")
    return unit if unit in ("share", "rank") else "amount"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def difference(paper: float, book: float | None, unit: str) -> float | None:
    """The book's value minus the paper's: in fraction points for a share, in places for
    a rank, and relative to the paper's value (book / paper - 1) for an amount. None if
    the book has no value, or if the paper's amount is zero (no relative gap exists)."""
    if _missing(book):
        return None
    if kind(unit) == "amount":
        return None if paper == 0 else book / paper - 1
    return book - paper


def verdict_key(verdict: str) -> str:
    """A verdict as a name fragment ("not checkable on the paper's basis" ->
    "not_checkable_on_the_papers_basis")."""
    return verdict.replace("'", "").replace(" ", "_")


def verdict(paper: float, book: float | None, unit: str, relation: str = "equals",
            thresholds: Mapping[str, tuple[float, float]] = THRESHOLDS,
            paper_basis: str = "measured") -> str:
    """The verdict on one number (see the module's docstring for the rule)."""
    if relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r}; known: {', '.join(RELATIONS)}")
    if paper_basis not in BASES:
        raise ValueError(f"unknown paper basis {paper_basis!r}; known: {', '.join(BASES)}")
    if paper_basis == "unmeasured":
        return NOT_ON_BASIS
    if _missing(book):
        return NOT_CHECKABLE
    if relation == "less_than":
        return REPRODUCED if book < paper else NOT_REPRODUCED
    if relation == "more_than":
        return REPRODUCED if book > paper else NOT_REPRODUCED
    if kind(unit) == "amount" and paper == 0:
        return REPRODUCED if book == 0 else NOT_REPRODUCED
    gap = abs(difference(paper, book, unit))
    within, near = thresholds[kind(unit)]
    # A tiny tolerance, so that a gap of exactly the threshold is not lost to rounding.
    if gap <= within + 1e-12:
        return REPRODUCED
    if gap <= near + 1e-12:
        return CLOSE
    return NOT_REPRODUCED


def compare(claims: pd.DataFrame, book_values: Mapping[str, float | None],
            thresholds: Mapping[str, tuple[float, float]] = THRESHOLDS) -> pd.DataFrame:
    """The claims table with the book's value, the difference and the verdict added.

    ``claims`` has the columns ``claim_id``, ``unit``, ``relation``, ``paper_share`` and
    ``paper_amount`` (one of the last two filled), and optionally ``paper_basis``
    ("measured" or "unmeasured"; measured if absent); ``book_values`` maps a claim_id to
    the book's value, or to None when the data cannot measure it. Every claim must have
    an entry, so that a claim cannot silently go unchecked.
    """
    unknown = sorted(set(book_values) - set(claims["claim_id"]))
    unchecked = sorted(set(claims["claim_id"]) - set(book_values))
    if unknown or unchecked:
        raise KeyError(f"book values for unknown claims {unknown}; claims without a book value {unchecked}")
    paper = claims["paper_share"].where(claims["unit"] == "share", claims["paper_amount"])
    if paper.isna().any():
        raise ValueError(f"claims without the paper's value: {list(claims.loc[paper.isna(), 'claim_id'])}")
    book = claims["claim_id"].map(lambda c: None if _missing(book_values[c]) else float(book_values[c]))
    basis = claims["paper_basis"] if "paper_basis" in claims else pd.Series("measured", index=claims.index)
    rows = list(zip(paper, book, claims["unit"], claims["relation"], basis))
    return claims.assign(
        paper_value=paper,
        book_value=book.astype("float64"),
        difference=pd.Series([difference(p, b, u) for p, b, u, _, _ in rows], index=claims.index, dtype="float64"),
        verdict=[verdict(p, b, u, r, thresholds, s) for p, b, u, r, s in rows],
    )
