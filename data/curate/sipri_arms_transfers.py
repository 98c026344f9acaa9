"""data/arms_transfers.csv: SIPRI trend-indicator values (TIV) of arms delivered to China.

Three series, one per `method`:
- `exact`: Russia to China, 2000-2023, SIPRI's own per-year delivery values (sum over deals).
- `even_split_approximation`: Soviet Union/Russia to China, 1950-1999, from the trade
  register, each deal's delivered TIV split evenly over its listed delivery years (computed
  in the shared sources folder; SIPRI weights years by units delivered, so single years
  can be misplaced). Years with no deliveries are 0.
- `sipri_total`: China's imports from all suppliers (`WLD`), 1950-2023.
TIV measure military capability transferred, not money.
"""

import pandas as pd

from _common import SOURCES, write

folder = SOURCES / "sipri_arms_transfers"
deliveries = pd.read_csv(folder / "sipri_at_deliveries_by_year_2000_2023_subset_gen2025-01-03.csv")
exact = (deliveries[(deliveries.Supplier == "Russia") & (deliveries.Recipient == "China")]
         .groupby("Delivery year", as_index=False)["TIV delivery values"].sum()
         .rename(columns={"Delivery year": "year", "TIV delivery values": "tiv_millions"})
         .assign(supplier="RUS", supplier_name="Russia", method="exact",
                 source_detail="deliveries-by-year file generated 3 January 2025"))

approx = pd.read_csv(folder / "sipri_tiv_ussr_russia_to_china_by_year.csv")
approx = (approx[approx.year <= 1999]
          .assign(supplier="RUS", method="even_split_approximation",
                  supplier_name=lambda f: f.year.map(lambda y: "Soviet Union" if y < 1992 else "Russia"),
                  source_detail="trade register generated 13 March 2025; deliveries split evenly over listed years")
          .rename(columns={"tiv_approx_even_split_register": "tiv_millions"}))

imports = pd.read_csv(folder / "sipri_tiv_imports_by_recipient_1950_2023.csv")
china = imports[imports.Recipient == "China"].drop(columns=["Recipient", "1950-2023", "Percentage"], errors="ignore")
china = china.loc[:, [c for c in china.columns if c.isdigit()]].T.reset_index()
china.columns = ["year", "tiv_millions"]
total = china.assign(year=china.year.astype(int), tiv_millions=china.tiv_millions.astype(float),
                     supplier="WLD", supplier_name="all suppliers", method="sipri_total",
                     source_detail="SIPRI import/export values table, China row")

rows = pd.concat([approx, exact, total])[["supplier", "supplier_name", "year", "method", "tiv_millions", "source_detail"]]
rows = rows.assign(recipient="CHN", source="sipri_arms2025")
write(rows[["supplier", "supplier_name", "recipient", "year", "method", "tiv_millions", "source", "source_detail"]]
      .sort_values(["supplier", "method", "year"]), "arms_transfers.csv")
