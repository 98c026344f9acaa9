"""data/nmc_capabilities.csv and data/nmc_world_totals.csv, from COW NMC v6.0.

Selected: 1946-2016, and the states the book discusses -- the five permanent members of
the Security Council, Germany and Japan (major powers again from 1991), India, and the
other members of the SCO and CSTO among the sources' focus states. NMC's -9 (missing)
becomes an empty cell. World totals are the sums over all states that the source
folder derived from the full table; shares are taken from them because CINC does not
sum to exactly one.
"""

import pandas as pd

from _common import SOURCES, write

FIRST, LAST = 1946, 2016
STATES = [2, 200, 220, 255, 365, 370, 371, 630, 702, 703, 704, 705, 710, 740, 750, 770]
COMPONENTS = ["milex", "milper", "irst", "pec", "tpop", "upop"]

nmc = pd.read_csv(SOURCES / "cow_nmc" / "NMC-60-abridged.csv")
nmc = nmc[nmc.ccode.isin(STATES) & nmc.year.between(FIRST, LAST)].copy()
nmc[COMPONENTS] = nmc[COMPONENTS].mask(nmc[COMPONENTS] == -9).astype("Int64")
nmc = nmc.rename(columns={"ccode": "cow_code"})
nmc["source"] = "cow_nmc_v6"
write(nmc[["cow_code", "year", *COMPONENTS, "cinc", "source"]].sort_values(["cow_code", "year"]),
      "nmc_capabilities.csv")

totals = pd.read_csv(SOURCES / "cow_nmc" / "NMC-60-world-totals-by-year.csv")
totals = totals[totals.year.between(FIRST, LAST)].copy()
for c in COMPONENTS:
    totals[f"{c}_world_total"] = totals[f"{c}_world_total"].round().astype("int64")
totals["source"] = "cow_nmc_v6"
write(totals, "nmc_world_totals.csv")
