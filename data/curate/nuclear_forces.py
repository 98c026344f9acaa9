"""data/nuclear_warheads.csv: nuclear warheads by state and year, three counts.

- FAS "Status of World Nuclear Forces" (2023 update): the stockpile, i.e. warheads
  assigned to military forces (retired warheads awaiting dismantlement excluded),
  1945-2023, every state that has held warheads;
- FAS inventories for 2022 and 2023: deployed strategic, deployed non-strategic, reserve
  or non-deployed, retired, and the total inventory;
- Suh's Strategic Nuclear Forces Dataset (2022): strategic warheads deliverable in a first
  strike, 1945-2010 -- the only launcher-related count in the sources. Its stockpile
  column repeats FAS's and is not kept.

All three as cleaned by Our World in Data. "Russia" covers the USSR before 1992. The
source's "World" row is not kept: it is not the sum of the states' rows, and the book
sums the states itself. No source in the folder counts ICBMs or other launchers.
"""

import pandas as pd

from _common import SOURCES, write

NAMES = {"China": "CHN", "France": "FRA", "India": "IND", "Israel": "ISR", "North  Korea": "PRK",
         "North Korea": "PRK", "Pakistan": "PAK", "Russia": "RUS", "South Africa": "ZAF",
         "United Kingdom": "GBR", "United States": "USA"}
FOLDER = SOURCES / "nuclear_forces"

stockpiles = pd.read_csv(FOLDER / "fas_nuclear_warhead_stockpiles_1945_2023_owid.csv")
stockpiles = stockpiles[stockpiles.country_name != "World"]
stockpiles = stockpiles.assign(measure="stockpile", value=stockpiles.nuclear_weapons_stockpile,
                               source="fas2023",
                               source_detail="FAS stockpile: warheads assigned to military forces")

inventories = pd.read_csv(FOLDER / "fas_nuclear_warhead_inventories_2022_2023_owid.csv")
inventory_measures = {"nuclear_weapons_depl_strat": "deployed_strategic",
                      "nuclear_weapons_depl_nonstrat": "deployed_nonstrategic",
                      "nuclear_weapons_reserve_nondepl": "reserve_nondeployed",
                      "nuclear_weapons_retired": "retired",
                      "nuclear_weapons_inventory": "inventory"}
inventories = (inventories.melt(id_vars=["country_name", "year"], value_vars=list(inventory_measures),
                                var_name="column", value_name="value")
               .assign(measure=lambda d: d.column.map(inventory_measures), source="fas2023",
                       source_detail="FAS inventories 2022-2023"))

suh = pd.read_csv(FOLDER / "suh2022_strategic_nuclear_forces_1945_2010_owid.csv")
suh = suh.dropna(subset=["nuclear_warheads_firststrike"])
suh = suh.assign(measure="first_strike_deliverable", value=suh.nuclear_warheads_firststrike,
                 source="suh2022",
                 source_detail="Suh, strategic warheads deliverable in a first strike")

warheads = pd.concat([stockpiles, inventories, suh])
warheads = warheads.assign(iso3=warheads.country_name.map(NAMES), value=warheads.value.round().astype("int64"))
if warheads.iso3.isna().any():
    raise SystemExit(f"unmapped: {sorted(set(warheads.country_name[warheads.iso3.isna()]))}")
write(warheads[["iso3", "year", "measure", "value", "source", "source_detail"]]
      .sort_values(["iso3", "measure", "year"]), "nuclear_warheads.csv")
