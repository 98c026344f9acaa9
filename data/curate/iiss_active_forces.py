"""data/iiss_active_forces.csv: active armed forces and active paramilitary forces, as the
IISS Military Balance's "International comparisons of defence expenditure and military
manpower" tables print them, for the few states and editions the capability chapters
compare (the two editions nearest the papers' snapshot and the end of the World Bank's
series).

Why: the World Bank's series MS.MIL.TOTL.P1 (data/wdi_armed_forces.csv) adds paramilitary
forces to the active forces; for China and India that changes who has the larger force.
The Military Balance tables separate the two. Their compilation carries no licence, and
PROVENANCE.md allows them for checking, not republication: so only the handful of figures
the book's comparisons need are kept here (a short quotation with its source), never the
table.

Selected: editions 2012 (strengths of late 2011, the nearest to 2009 the folder has) and
2019 (strengths of late 2018, beside WDI's last year); states: the SCO and CSTO members
of 2010, India, Pakistan and the United States. Values in thousands, as printed.
"""

import pandas as pd

from _common import SOURCES, write

EDITIONS = [2012, 2019]
LABELS = {  # the label each edition prints -> iso3 (footnote digits stripped)
    "Armenia": "ARM", "Belarus": "BLR", "China": "CHN", "India": "IND", "Kazakhstan": "KAZ",
    "Kyrgyzstan": "KGZ", "Pakistan": "PAK", "Russia": "RUS", "Tajikistan": "TJK",
    "United States": "USA", "Uzbekistan": "UZB",
}
MEASURES = {"Active Armed Forces (000)": "active_thousands",
            "Active Paramilitary (000)": "paramilitary_thousands"}

mb = pd.read_csv(SOURCES / "military_personnel"
                 / "iiss_military_balance_2012_2020_editions_comparative_table_long.csv")
mb = mb[mb.mb_edition.isin(EDITIONS) & mb.measure.isin(MEASURES) & (mb.region_block != "Summary")]
mb = mb.assign(label=mb.country_label_as_in_source.str.replace(r"[\s\d*]+$|\s*\[a\]$", "", regex=True))
mb = mb[mb.label.isin(LABELS)].drop_duplicates(["mb_edition", "label", "measure"])
wide = mb.pivot(index=["mb_edition", "label"], columns="measure", values="value").reset_index()
wide = wide.rename(columns=MEASURES)
if len(wide) != len(EDITIONS) * len(LABELS):
    raise SystemExit(f"expected {len(EDITIONS) * len(LABELS)} rows, found {len(wide)}")
out = pd.DataFrame({
    "iso3": wide.label.map(LABELS),
    "edition": wide.mb_edition.astype(int),
    "active_thousands": pd.to_numeric(wide.active_thousands).astype(int),
    "paramilitary_thousands": pd.to_numeric(wide.paramilitary_thousands).astype(int),
    "source": "iiss_mb",
    "source_detail": "The Military Balance " + wide.mb_edition.astype(str)
                     + ", International comparisons of defence expenditure and military manpower, row "
                     + wide.label + "; transcription of tdballesteros/conflict-relapse",
})
write(out.sort_values(["iso3", "edition"], kind="stable"), "iiss_active_forces.csv")
