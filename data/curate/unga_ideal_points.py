"""data/unga_ideal_points.csv: UN General Assembly ideal points for the states the book
discusses, from the Bailey-Strezhnev-Voeten release of 28 July 2025.

Selected: the sources' fourteen focus states plus Germany and Japan, every year they have
an estimate; the final-passage estimate with its 5% and 95% posterior quantiles and the
number of votes, and the all-votes estimate. Russia's COW code 365 covers the USSR.
"""

import pandas as pd

from _common import SOURCES, write

STATES = ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "PAK", "IRN",
          "KAZ", "KGZ", "TJK", "UZB", "BLR", "ARM"]
COLUMNS = {"idealpointfp": "ideal_point", "q5fp": "ideal_point_q05", "q95fp": "ideal_point_q95",
           "nvotesfp": "n_votes", "idealpointall": "ideal_point_all_votes", "nvotesall": "n_votes_all"}

ideal = pd.read_csv(SOURCES / "unga_votes" / "unga_idealpoints_bsv_jul2025.csv")
# West Germany (260) also carries DEU in this file; the book's DEU is unified Germany (255).
ideal = ideal[ideal.iso3c.isin(STATES) & (ideal.ccode != 260)].dropna(subset=["idealpointfp"])
ideal = ideal.rename(columns={"iso3c": "iso3", **COLUMNS})
ideal = ideal.assign(source="bailey2017;voeten2025", n_votes=ideal.n_votes.astype(int),
                     n_votes_all=ideal.n_votes_all.astype("Int64"))
write(ideal[["iso3", "year", *COLUMNS.values(), "source"]].sort_values(["iso3", "year"]),
      "unga_ideal_points.csv")
