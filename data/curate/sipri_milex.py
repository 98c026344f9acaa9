"""data/sipri_milex.csv and data/sipri_milex_world.csv, from the SIPRI Military
Expenditure Database (1949-2024 release), cut down to what the book needs, as SIPRI's
terms ask: every country for the two benchmark years (2009, MacHaffie's year, and the
latest year) to rank the top spenders; full series since 1988 for the states the book
discusses; and the world totals.
"""

import pandas as pd

from _common import DATA, SOURCES, write

BENCHMARK_YEARS = [2009, 2024]
SERIES_STATES = ["USA", "CHN", "RUS", "GBR", "FRA", "JPN", "DEU", "SAU", "IND", "ITA",
                 "KAZ", "KGZ", "TJK", "UZB", "BLR", "ARM", "PAK", "IRN"]
MEASURES = ["current_usd_m", "constant_2023_usd_m", "share_of_gdp"]
# SIPRI spellings that differ from the names in data/countries.csv.
SIPRI_NAMES = {
    "United States of America": "USA", "Kyrgyz Republic": "KGZ", "Türkiye": "TUR",
    "Korea, South": "KOR", "Korea, North": "PRK", "Russia": "RUS", "Iran": "IRN",
    "Czechia": "CZE", "Viet Nam": "VNM", "Congo, DR": "COD", "Congo, Republic": "COG",
    "Gambia, The": "GMB", "Côte d’Ivoire": "CIV", "Cote d'Ivoire": "CIV", "Lao PDR": "LAO",
    "Bosnia and Herzegovina": "BIH", "North Macedonia": "MKD", "Cabo Verde": "CPV",
    "Timor Leste": "TLS", "Brunei": "BRN", "Eswatini": "SWZ", "Syria": "SYR",
    "Taiwan": "TWN", "Moldova": "MDA", "United Arab Emirates": "ARE", "Yemen": "YEM",
    "Central African Republic": "CAF", "Dominican Republic": "DOM", "Trinidad and Tobago": "TTO",
    "Papua New Guinea": "PNG", "South Sudan": "SSD", "Myanmar": "MMR", "Serbia": "SRB", "Kosovo": None, "European Union": None,
    "USSR": None, "Czechoslovakia": None, "German Democratic Republic": None,
    "Yugoslavia": None, "Yemen, North": None,
}

milex = pd.read_csv(SOURCES / "sipri_milex" / "sipri_milex_1949_2024_by_country_long.csv")
countries = pd.read_csv(DATA / "countries.csv").dropna(subset=["iso3"])
by_name = dict(zip(countries.name, countries.iso3))
milex["iso3"] = milex.country.map(lambda name: SIPRI_NAMES.get(name, by_name.get(name)))
unmapped = sorted(set(milex.country[milex.iso3.isna()]) - {k for k, v in SIPRI_NAMES.items() if v is None})
if unmapped:
    raise SystemExit(f"add these SIPRI names to SIPRI_NAMES: {unmapped}")
milex = milex.dropna(subset=["iso3"])

benchmark = milex[milex.year.isin(BENCHMARK_YEARS) & milex.measure.isin(MEASURES[:2])]
series = milex[milex.iso3.isin(SERIES_STATES) & milex.year.between(1988, 2024) & milex.measure.isin(MEASURES)]
chosen = pd.concat([benchmark, series]).drop_duplicates(["iso3", "year", "measure"])
chosen = chosen.assign(source="sipri_milex2025",
                       source_detail="SIPRI country " + chosen.country + chosen.sipri_notes.fillna("").map(
                           lambda notes: f"; SIPRI notes {notes}" if notes else ""))
write(chosen[["iso3", "year", "measure", "value", "status", "source", "source_detail"]]
      .sort_values(["iso3", "measure", "year"]), "sipri_milex.csv")

world = pd.read_csv(SOURCES / "sipri_milex" / "sipri_milex_regional_totals_1988_2024.csv")
world = world[world.region == "World"].dropna(subset=["value_usd_bn"])
world = world.assign(source="sipri_milex2025", source_detail="SIPRI regional totals sheet, World")
write(world[["year", "price_basis", "value_usd_bn", "source", "source_detail"]], "sipri_milex_world.csv")
