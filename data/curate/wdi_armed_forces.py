"""data/wdi_armed_forces.csv and data/wdi_armed_forces_world.csv: armed forces personnel,
paramilitary forces included (World Bank WDI series MS.MIL.TOTL.P1, from the IISS Military
Balance), as distributed by Our World in Data.

Selected: every state that was ever a full member of the SCO, the CSTO or NATO (so the
capability chapters can sum any of the three organisations in any year), and the World
aggregate; every year the file has (1985 and 1989-2018). The series counts active duty
personnel, paramilitary forces included where they resemble regular forces. It has no
army, navy or air force breakdown, and no source in the folder has one.

The IISS Military Balance comparative tables in the same folder may be used for checking,
not republished (their PROVENANCE.md): they are read here only to check that the WDI series
is active plus paramilitary forces (China, late 2018; India, late 2017) and to print the
Military Balance's active-force shares beside the WDI shares. Nothing from them is written
to data/; the book's active-forces basis is COW's military personnel (cow_nmc.py).
"""

import pandas as pd

from _common import DATA, SOURCES, write

ORGANISATIONS = ["SCO", "CSTO", "NATO"]
FIRST, LAST = 1985, 2018

wdi = pd.read_csv(SOURCES / "military_personnel" / "wdi_armed_forces_personnel_total_1985_2018_owid.csv")
wdi = wdi.rename(columns={"Entity": "entity", "Year": "year",
                          "Armed forces personnel, total": "personnel"})
wdi = wdi[wdi.year.between(FIRST, LAST)]

memberships = pd.read_csv(DATA / "memberships.csv")
states = set(memberships[memberships.organisation.isin(ORGANISATIONS)
                         & (memberships.status == "member")].iso3) | {"USA"}
countries = pd.read_csv(DATA / "countries.csv").dropna(subset=["iso3"])
names = dict(zip(countries.iso3, countries.name))
wanted = {names[iso3]: iso3 for iso3 in states}
missing = sorted(set(wanted) - set(wdi.entity))
if missing:
    raise SystemExit(f"no WDI rows for {missing}; map their names")

chosen = wdi[wdi.entity.isin(wanted)].assign(iso3=lambda d: d.entity.map(wanted))
chosen = chosen.assign(personnel=chosen.personnel.round().astype("int64"), source="wdi_milper",
                       source_detail="OWID copy of WDI MS.MIL.TOTL.P1, entity " + chosen.entity)
write(chosen[["iso3", "year", "personnel", "source", "source_detail"]].sort_values(["iso3", "year"]),
      "wdi_armed_forces.csv")

world = wdi[wdi.entity == "World"]
world = world.assign(personnel=world.personnel.round().astype("int64"), source="wdi_milper",
                     source_detail="OWID copy of WDI MS.MIL.TOTL.P1, entity World")
write(world[["year", "personnel", "source", "source_detail"]].sort_values("year"),
      "wdi_armed_forces_world.csv")

# ---- check only: the Military Balance's own figures (not republished)
mb_all = pd.read_csv(SOURCES / "military_personnel"
                     / "iiss_military_balance_2012_2020_editions_comparative_table_long.csv")
# The WDI series is the Military Balance's active plus paramilitary forces: the 2019 edition
# (strengths of late 2018) gives China's WDI 2018 figure and India's WDI 2017 figure.
mb19 = mb_all[(mb_all.mb_edition == 2019) & (mb_all.region_block != "Summary")
              & mb_all.measure.isin(["Active Armed Forces (000)", "Active Paramilitary (000)"])]
for label, iso3, year in (("China", "CHN", 2018), ("India", "IND", 2017)):
    both = pd.to_numeric(mb19[mb19.country_label_as_in_source.str.replace(r"\s*\d+$", "", regex=True)
                              == label].drop_duplicates("measure")["value"])
    wdi_value = int(chosen[(chosen.iso3 == iso3) & (chosen.year == year)].personnel.iloc[0])
    if len(both) != 2 or wdi_value != 1000 * int(both.sum()):
        raise SystemExit(f"check failed: WDI {iso3} {year} = {wdi_value} is not the Military Balance "
                         f"2019 active plus paramilitary forces ({both.tolist()} thousand)")
    print(f"check: WDI {iso3} {year} equals Military Balance 2019 active plus paramilitary")
mb = mb_all
mb = mb[(mb.mb_edition == 2012) & (mb.measure == "Active Armed Forces (000)")
        & (mb.region_block != "Summary")]
mb = mb.assign(name=mb.country_label_as_in_source.str.replace(r"\s*\d+$", "", regex=True))
mb = pd.to_numeric(mb.drop_duplicates("name").set_index("name")["value"], errors="coerce")
wdi_2009 = chosen[chosen.year == 2009].set_index("iso3")["personnel"]
for organisation, members in {"SCO": ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"],
                              "CSTO": ["RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK", "UZB"]}.items():
    active = mb.reindex([names[i] for i in members])
    print(f"check {organisation}: Military Balance 2012 edition, shares of active forces:",
          (active / active.sum()).round(3).to_dict())
    print(f"check {organisation}: WDI 2009 shares:",
          (wdi_2009[members] / wdi_2009[members].sum()).round(3).to_dict())
