"""data/wmeat2012.csv and data/wmeat2012_world.csv: the US State Department's World
Military Expenditures and Arms Transfers 2012, Table I, 1999-2009 -- an estimate of
military spending and armed forces independent of SIPRI, used to cross-check MacHaffie's
2009 figures and to show how much a share depends on its source.

Selected: the fourteen states of the source folder and the World row, every year
1999-2009, and five of Table I's series:

- military expenditure in current dollars, converted at the current-year average market
  exchange rate (MER);
- military expenditure in constant 2009 dollars, at the real MER with base year 2009;
- military expenditure in current dollars at the purchasing-power-parity rate for GDP
  (WMEAT labels this block "PPP-for-GDP" for states and "PPP (for GDP)" for the World);
- armed forces personnel, thousands;
- GDP in current dollars at the current-year average MER.

WMEAT's colour flags for rough estimates were not kept by the source folder's reshaping.
"""

import pandas as pd

from _common import SOURCES, write

ENTITIES = {"China": "CHN", "Russia": "RUS", "United States": "USA", "United Kingdom": "GBR",
            "France": "FRA", "Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ", "Tajikistan": "TJK",
            "Uzbekistan": "UZB", "Belarus": "BLR", "Armenia": "ARM", "India": "IND",
            "Pakistan": "PAK", "Iran": "IRN", "World": "World"}
MER = "Economic at current-year-average MER"
SERIES = {  # (conversion block, parameter) -> the book's measure
    (MER, "Military expenditure (ME) - Current dollars (millions)"): "milex_current_usd_m",
    ("Economic at real MER, base year = 2009",
     "Military expenditure (ME) - constant 2009 dollars (millions)"): "milex_constant_2009_usd_m",
    ("Economic at PPP-for-GDP rate", "Military expenditure (ME) - Current dollars (millions)"): "milex_ppp_usd_m",
    ("Economic at PPP (for GDP) rate", "Military expenditure (ME) - Current dollars (millions)"): "milex_ppp_usd_m",
    ("Demographic", "Armed forces personnel (AF) (in thousands)"): "armed_forces_thousands",
    (MER, "Gross domestic product (GDP) - Current dollars (millions)"): "gdp_current_usd_m",
}

wmeat = pd.read_csv(SOURCES / "wmeat" / "wmeat2012_table1_selected_countries_1999_2009_long.csv")
wmeat = wmeat[(wmeat.section == "levels") & wmeat.entity.isin(ENTITIES)]
keys = list(zip(wmeat.conversion_block, wmeat.parameter))
wmeat = wmeat.assign(measure=[SERIES.get(k) for k in keys]).dropna(subset=["measure", "value"])
wmeat = wmeat.assign(iso3=wmeat.entity.map(ENTITIES), source="wmeat2012",
                     source_detail="Table I, " + wmeat.conversion_block + ": " + wmeat.parameter)
duplicates = wmeat.duplicated(["iso3", "year", "measure"])
if duplicates.any():
    raise SystemExit(f"two values for one cell: {wmeat[duplicates].head()}")

columns = ["year", "measure", "value", "source", "source_detail"]
states = wmeat[wmeat.iso3 != "World"].sort_values(["iso3", "measure", "year"])
write(states[["iso3", *columns]], "wmeat2012.csv")
write(wmeat[wmeat.iso3 == "World"].sort_values(["measure", "year"])[columns], "wmeat2012_world.csv")
