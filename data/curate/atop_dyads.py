"""data/atop_dyad_years.csv: formal alliance ties between the focus states, 1990-2018,
from the ATOP v5 dyad-year file (as distributed in the R package peacesciencer).

Selected: dyads in which both states are among the fourteen focus states of the source
folder, the years 1990-2018. The file is directed, as the source is: a row gives the
obligations ATOP codes for the first state towards the second, which need not be
mutual (the United States' 1959 defence agreement with Pakistan binds only the United
States). The source has a row only where at least one ATOP alliance links the pair: a
pair-year absent from the table had no alliance of any kind. Each obligation is 1 if any
alliance in force that year carries it.
"""

import pandas as pd

from _common import SOURCES, write

FIRST, LAST = 1990, 2018
OBLIGATIONS = {"atop_defense": "defense", "atop_offense": "offense", "atop_neutral": "neutrality",
               "atop_nonagg": "nonaggression", "atop_consul": "consultation"}

atop = pd.read_csv(SOURCES / "alliances_memberships" / "atop5_dyad_year_focus_countries.csv")
atop = atop[atop.year.between(FIRST, LAST)]
atop = atop.rename(columns={"ccode1": "cow_code_1", "ccode2": "cow_code_2", **OBLIGATIONS})
atop = atop.assign(source="atop5;miller2022",
                   source_detail="ATOP v5 dyad-year file, peacesciencer 1.2.9; pair " + atop.abb1 + "-" + atop.abb2)
write(atop[["cow_code_1", "cow_code_2", "year", *OBLIGATIONS.values(), "source", "source_detail"]]
      .sort_values(["cow_code_1", "cow_code_2", "year"]), "atop_dyad_years.csv")
