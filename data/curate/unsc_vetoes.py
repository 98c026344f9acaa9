"""data/unsc_vetoes.csv: vetoes cast in the UN Security Council, 1946 to 15 September 2022.

Reshaped to one row per veto cast: a draft vetoed by two members gives two rows sharing
a `veto_id` (the draft's position in the compiler's list, since early entries name a
meeting record rather than a draft symbol and repeat it). The USSR's vetoes carry Russia's
code, as in COW; `member_name` keeps the source's name.
"""

import pandas as pd

from _common import SOURCES, write

ISO = {"USSR": "RUS", "Russia": "RUS", "China": "CHN", "USA": "USA", "UK": "GBR", "France": "FRA"}

vetoes = pd.read_csv(SOURCES / "unsc_vetoes" / "unsc_vetoes_1946_sept2022.csv")
vetoes["veto_id"] = range(1, len(vetoes) + 1)
vetoes["date"] = pd.to_datetime(vetoes.date, format="%m/%d/%Y").dt.strftime("%Y-%m-%d")
long = vetoes.melt(id_vars=["veto_id", "date", "draft", "agenda_item", "crisis_topic", "region"],
                   value_vars=["member_veto1", "member_veto2", "member_veto3"],
                   value_name="member_name").dropna(subset=["member_name"])
long = long.assign(member=long.member_name.map(ISO), source="yordan2022;undhl_vetoes")
write(long[["veto_id", "date", "draft", "member", "member_name", "agenda_item", "crisis_topic", "region", "source"]]
      .sort_values(["veto_id", "member"]), "unsc_vetoes.csv")
