"""data/countries.csv: every state in the Correlates of War system, with its ISO code.

COW codes and abbreviations come from the NMC v6.0 table (every state it covers);
ISO 3166 alpha-3 codes and names from the Bailey-Strezhnev-Voeten ideal-point file,
which carries both codes. States that left the system before the UN existed get their
names from the COW state list. Two names in the ideal-point file are UTF-8 that was read
as Latin-1 ("SÃ£o TomÃ© & PrÃ­ncipe", "CÃ´te dâ€™Ivoire"); they are decoded again here.
"""

import pandas as pd

from _common import SOURCES, repair_mojibake, write

# States NMC covers that never voted in the UN: names as in the COW state list.
COW_ONLY_NAMES = {
    240: "Hanover", 245: "Bavaria", 267: "Baden", 269: "Saxony", 271: "Württemberg",
    273: "Hesse Electoral", 275: "Hesse Grand Ducal", 280: "Mecklenburg Schwerin",
    300: "Austria-Hungary", 327: "Papal States", 329: "Two Sicilies", 332: "Modena",
    335: "Parma", 337: "Tuscany", 347: "Kosovo", 511: "Zanzibar", 730: "Korea",
    817: "Republic of Vietnam",
}
# COW 345 runs on from Yugoslavia to Serbia; the ideal-point file keeps Yugoslavia's old
# code, but the state's ISO code today (and in the book's later events) is Serbia's.
RENAMED = {345: ("SRB", "Serbia (Yugoslavia to 2003, Serbia and Montenegro to 2006)")}
# ISO codes the ideal-point file gives twice: the code belongs to the state that holds it today.
NOT_THE_ISO_HOLDER = {260, 680}  # German Federal Republic (DEU is 255); Yemen PDR (YAR is 678)

nmc = pd.read_csv(SOURCES / "cow_nmc" / "NMC-60-abridged.csv", usecols=["ccode", "stateabb", "year"])
states = nmc.groupby(["ccode", "stateabb"], as_index=False).year.agg(first_year="min", last_year="max")

ideal = pd.read_csv(SOURCES / "unga_votes" / "unga_idealpoints_bsv_jul2025.csv",
                    usecols=["ccode", "iso3c", "countryname"]).dropna().drop_duplicates("ccode")
countries = states.merge(ideal, on="ccode", how="left")
countries.loc[countries.ccode.isin(NOT_THE_ISO_HOLDER), "iso3c"] = None
countries["countryname"] = countries.countryname.map(repair_mojibake).fillna(countries.ccode.map(COW_ONLY_NAMES))
for code, (iso3, name) in RENAMED.items():
    countries.loc[countries.ccode == code, ["iso3c", "countryname"]] = [iso3, name]
named_by_bsv = countries.ccode.isin(ideal.ccode)
countries["source"] = "cow_nmc_v6;" + named_by_bsv.map({True: "bailey2017", False: "cow_states2016"})

countries = countries.rename(columns={"ccode": "cow_code", "stateabb": "cow_abb", "iso3c": "iso3",
                                      "countryname": "name"})
write(countries[["cow_code", "cow_abb", "iso3", "name", "first_year", "last_year", "source"]], "countries.csv")
