"""Who belonged to which organisation when: queries on ``data/memberships.csv``.

The history, capability and alliance-games chapters all ask this question of the one
membership table; the answer is computed here, once.
"""

from __future__ import annotations

import pandas as pd

from sinorus import data


def on(date, organisation: str | None = None, status: str = "member",
       memberships: pd.DataFrame | None = None) -> pd.DataFrame:
    """The spells in force on ``date`` (a spell includes its first and last day).

    ``organisation`` narrows to one organisation; ``status`` to members, observers or
    dialogue partners (None for all). Pass ``memberships`` to query a modified copy.
    """
    spells = data.load("memberships") if memberships is None else memberships
    day = pd.Timestamp(date)
    in_force = (spells["start_date"] <= day) & (spells["end_date"].isna() | (spells["end_date"] >= day))
    if organisation is not None:
        in_force &= spells["organisation"] == organisation
    if status is not None:
        in_force &= spells["status"] == status
    return spells[in_force].reset_index(drop=True)


def members(organisation: str, date, memberships: pd.DataFrame | None = None) -> list[str]:
    """ISO codes of the full members of ``organisation`` on ``date``, sorted.

    Pass ``memberships`` (the loaded table) when calling many times: loading validates it."""
    return sorted(on(date, organisation, memberships=memberships)["iso3"])


def overlaps(date, organisations: list[str], memberships: pd.DataFrame | None = None) -> pd.DataFrame:
    """A state-by-organisation table of full membership on ``date`` (True/False), with
    the number of the organisations each state belongs to; states in none are left out."""
    spells = on(date, memberships=memberships)
    spells = spells[spells["organisation"].isin(organisations)]
    table = (pd.crosstab(spells["iso3"], spells["organisation"]).reindex(columns=organisations, fill_value=0)
             .astype(bool))
    table["memberships"] = table.sum(axis=1)
    return table.sort_values(["memberships", *organisations], ascending=False, kind="stable")
