"""data/sipri_world_gdp.csv: world GDP in current US dollars as SIPRI's data imply it.

SIPRI gives each country's military spending in current dollars and as a share of its
GDP, so spending / share = GDP (the same derivation chapter 12 uses for the SCO's
members). Summed over every country with both values in a year, this is the world GDP
of the countries SIPRI covers; countries without armed forces or without a reported
share are missing, and the table says how many countries each year's sum covers. Only
the yearly totals are kept (SIPRI's terms ask for a cut-down extract).
"""

import pandas as pd

from _common import SOURCES, write

# Entities that are not countries, or that double-count countries listed on their own.
NOT_COUNTRIES = {"European Union"}

milex = pd.read_csv(SOURCES / "sipri_milex" / "sipri_milex_1949_2024_by_country_long.csv")
milex = milex[~milex.country.isin(NOT_COUNTRIES) & milex.year.between(1988, 2024)]
wide = milex.pivot_table(index=["country", "year"], columns="measure", values="value")
gdp = (wide["current_usd_m"] / wide["share_of_gdp"]).dropna().rename("gdp").reset_index()
world = gdp.groupby("year").agg(gdp_current_usd_bn=("gdp", "sum"), n_countries=("gdp", "size")).reset_index()
world["gdp_current_usd_bn"] = (world["gdp_current_usd_bn"] / 1000).round(1)
world = world.assign(source="sipri_milex2025",
                     source_detail="sum over SIPRI's countries of military spending in current US$ "
                                   "divided by its share of GDP")
write(world[["year", "gdp_current_usd_bn", "n_countries", "source", "source_detail"]], "sipri_world_gdp.csv")
