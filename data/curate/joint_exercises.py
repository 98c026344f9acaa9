"""data/joint_exercises.csv and data/joint_exercise_participants.csv.

The exercises are those hand-compiled, each with a source, in the shared sources folder
(Peace Mission, Joint Sea, Coalition-2003, Exercise-01; 2002-2015; not complete), plus the
February 2010 exercise MacHaffie cites, which that list lacks. Participants become a
second, tidy table; troop numbers per country are kept only where a source gives them.
"""

import re

import pandas as pd

from _common import DATA, SOURCES, write

NAMES = {"China": "CHN", "Russia": "RUS", "Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ",
         "Tajikistan": "TJK", "Uzbekistan": "UZB"}
# Troops per participant where the compiled sources state them (exercise -> {iso3: troops}).
# (exercise -> ({iso3: troops}, note, source if other than the exercise's own source))
TROOPS = {"Peace Mission 2005": ({"CHN": 8200, "RUS": 1800}, "about 8,200 Chinese and 1,800 Russian",
                                 "https://en.wikipedia.org/wiki/Peace_Mission_2005"),
          "Peace Mission 2009": ({"CHN": 1300, "RUS": 1300}, "up to 1,300 army and air force personnel from each side (Xinhua)", None),
          "Peace Mission 2010": ({"CHN": 1000}, "PLA about 1,000 ground troops", None)}

compiled = pd.read_csv(SOURCES / "alliances_memberships" / "china_russia_sco_joint_exercises.csv")
compiled["exercise_id"] = compiled.exercise.map(lambda n: re.sub(r"[^a-z0-9]+", "-", n.lower()).strip("-"))
exercises = compiled.assign(
    name=compiled.exercise, start_precision="day", source=compiled.source_url,
    source_detail=compiled.note.fillna(""),
    troops_or_assets_reported=compiled.troops_or_assets_as_reported.fillna(""))
machaffie = pd.DataFrame([{
    "exercise_id": "anti-terror-drill-2010-02", "name": "Anti-terrorism drill (China, Russia, Kazakhstan)",
    "start_date": "2010-02-01", "start_precision": "month", "end_date": "", "location": "Kazakhstan",
    "troops_or_assets_reported": "400 Chinese, 400 Russian and 3,000 Kazakh troops (MacHaffie)",
    "source": "machaffie2011",
    "source_detail": "section 'Shanghai Cooperation Organization' (his notes 75-76, not in the text available); "
                     "no other source in the book's data confirms a February 2010 exercise"}])
columns = ["exercise_id", "name", "start_date", "start_precision", "end_date", "location",
           "troops_or_assets_reported", "source", "source_detail"]
write(pd.concat([exercises[columns], machaffie[columns]]).sort_values("start_date"), "joint_exercises.csv")

rows = []
for ex in compiled.itertuples():
    troops, detail, troop_source = TROOPS.get(ex.exercise, ({}, "", None))
    for name in re.split(r";\s*", ex.participants):
        iso3 = NAMES.get(name.split(" (")[0].strip())
        if iso3:
            counted = iso3 in troops
            rows.append({"exercise_id": ex.exercise_id, "iso3": iso3, "troops": troops.get(iso3),
                         "source": (troop_source if counted and troop_source else ex.source_url),
                         "source_detail": detail if counted else ""})
for iso3, troops in {"CHN": 400, "RUS": 400, "KAZ": 3000}.items():
    rows.append({"exercise_id": "anti-terror-drill-2010-02", "iso3": iso3, "troops": troops,
                 "source": "machaffie2011", "source_detail": "section 'Shanghai Cooperation Organization'"})
participants = pd.DataFrame(rows).astype({"troops": "Int64"})
write(participants, "joint_exercise_participants.csv")
