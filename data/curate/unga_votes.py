"""data/unga_roll_calls.csv and data/unga_votes.csv: UN General Assembly roll calls from
1992 (the first year of the Russian Federation) to the last in the unvotes data (January
2020), with the votes of the United States, Russia and China.

Selected from the shared sources' copy of the unvotes package (Voeten's data): the roll
calls' date, session, resolution, the State Department's "important vote" flag and the
short title; the votes of three states, reshaped to one row per roll call and state. A
state absent from a roll call has no row (absence is not a vote).

Two short titles in the source are garbled beyond mechanical repair (a lost character,
then UTF-8 read as Windows-1252 twice); they are corrected by hand in ``CORRECTED`` to the
title the same resolution series carries in other years, and the script stops if the
source no longer has the garbled text (the correction would then be stale).
"""

import pandas as pd

from _common import SOURCES, write

STATES = {"United States": "USA", "Russia": "RUS", "China": "CHN"}
SOURCE = "robinson2021unvotes;voeten2009"
# rcid -> (short title as in the source, corrected)
CORRECTED = {
    # R/60/173; rcid 4725 (R/61/174) is the same series: "...the Democratic People's Republi"
    4604: ("Situation of human rights in the Democratic People?\u00c3\u0192\u00e2\u20ac\u00a0s Republi",
           "Situation of human rights in the Democratic People's Republi"),
    # R/66/186, "Unilateral economic measures ..."; the series is "INTERNATIONAL TRADE" in
    # 2007, 2009 and 2013 (rcids 4816, 5042, 5304)
    5137: ("?\u00c3\u0192\u00c2\u00a1INTERNATIONAL TRADE", "INTERNATIONAL TRADE"),
}

folder = SOURCES / "unga_votes"
calls = pd.read_csv(folder / "un_roll_calls.csv")
calls = calls[calls.date >= "1992-01-01"]
calls = calls.assign(important_vote=calls.importantvote.map({1.0: "true", 0.0: "false"}),
                     short_title=calls.short.fillna("").str.strip(), source=SOURCE)
for rcid, (garbled, corrected) in CORRECTED.items():
    found = calls.loc[calls.rcid == rcid, "short_title"].tolist()
    assert found == [garbled], f"rcid {rcid}: the source now reads {found}; review CORRECTED"
    calls.loc[calls.rcid == rcid, "short_title"] = corrected
write(calls[["rcid", "session", "date", "unres", "important_vote", "short_title", "source"]]
      .sort_values("rcid"), "unga_roll_calls.csv")

wide = pd.read_csv(folder / "unga_rollcall_votes_14countries_wide.csv")
wide = wide[wide.rcid.isin(calls.rcid)]
votes = (wide.melt(id_vars="rcid", value_vars=list(STATES), var_name="state", value_name="vote")
         .dropna(subset=["vote"]))
votes = votes.assign(iso3=votes.state.map(STATES), source=SOURCE)
write(votes[["rcid", "iso3", "vote", "source"]].sort_values(["rcid", "iso3"]), "unga_votes.csv")
