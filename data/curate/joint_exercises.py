"""data/joint_exercises.csv and data/joint_exercise_participants.csv.

The exercises are those hand-compiled, each with a source, in the shared sources folder
(Peace Mission, Joint Sea, Coalition-2003, Exercise-01; 2002-2015; not complete), plus the
February 2010 exercise MacHaffie cites, which that list lacks, plus later exercises and joint
patrols to the end of 2024 (LATER). Still missing, for want of a source here: Joint Sea 2019 and
2021-2024, the naval patrols after 2021, the bomber patrols of 2021, November 2022 and 2023, and Russia's other strategic
exercises with Chinese participation (Tsentr 2019, Kavkaz 2020, Zapad/Interaction 2021). Participants become a
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
# Later exercises and patrols (added for the history chapters), with their participants and
# troops where the source states them per country.
LATER = [
    ("joint-sea-2016", "Joint Sea 2016", "2016-09-12", "2016-09-19", "South China Sea, east of Zhanjiang",
     "surface ships, submarines, aircraft and marines of both navies", {"CHN": None, "RUS": None},
     "https://en.inform.kz/news/china-russia-start-joint-navy-drill-in-south-china-sea_a2948483/", ""),
    ("joint-sea-2017-i", "Joint Sea 2017 (I)", "2017-07-21", "2017-07-28", "Baltic Sea, from Baltiysk",
     "China: a destroyer, a frigate and a supply ship; Russia: a frigate, aircraft and marines", {"CHN": None, "RUS": None},
     "https://news.cgtn.com/news/7959544d35517a6333566d54/index.html", "first Sino-Russian naval exercise in the Baltic"),
    ("vostok-2018", "Vostok 2018", "2018-09-11", "2018-09-17", "Tsugol training range, Trans-Baikal (Russia)",
     "China: about 3,200 troops, more than 900 pieces of equipment and 30 aircraft", {"CHN": 3200, "RUS": None},
     "http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/9259467.html",
     "joint phase 11-15 September; first Chinese part in a Russian strategic exercise"),
    ("joint-air-patrol-2019", "Joint strategic air patrol 2019", "2019-07-23", "2019-07-23", "Sea of Japan and East China Sea",
     "Russian Tu-95 and Chinese H-6 bombers", {"CHN": None, "RUS": None},
     "https://nationalpost.com/pmn/news-pmn/crime-pmn/russian-and-chinese-jets-conducted-joint-patrol-moscow-says",
     "the first joint bomber patrol; the source is dated the day after"),
    ("joint-naval-patrol-2021", "Joint naval patrol 2021", "2021-10-17", "2021-10-23", "Western Pacific, around Japan",
     "ten warships, five from each navy", {"CHN": None, "RUS": None},
     "https://slconcordtimes.com/russia-china-hold-first-joint-patrol-in-the-western-pacific-russian-defense-ministry-says/",
     "the first joint naval patrol"),
    ("peace-mission-2013", "Peace Mission 2013", "2013-07-27", "2013-08-15", "Chebarkul range, Chelyabinsk region (Russia)",
     "about 1,500 troops, some 600 of them Chinese, with tanks, artillery and aircraft", {"CHN": 600, "RUS": None},
     "https://www.rt.com/news/russia-china-drills-urals-016/",
     "bilateral, within the SCO framework; the deployment began on 27 July, the active phase on 3 August"),
    ("joint-sea-2014", "Joint Sea 2014", "2014-05-20", "2014-05-26", "northern East China Sea, from Wusong (Shanghai)",
     "14 surface ships, 2 submarines, 9 fixed-wing aircraft, helicopters and special forces", {"CHN": None, "RUS": None},
     "https://global.chinadaily.com.cn/china/2014-05/20/content_17526520.htm",
     "opened by Xi and Putin during Putin's visit; sources give end dates from 24 to 26 May"),
    ("joint-sea-2015-i", "Joint Sea 2015 (I)", "2015-05-11", "2015-05-21", "Mediterranean Sea, from Novorossiysk",
     "nine ships: six Russian, three Chinese", {"CHN": None, "RUS": None},
     "https://marinelink.com/news/conclude-russia-china391707",
     "opening ceremony 11 May, drills at sea 17 (or 18) to 21 May; the first Sino-Russian naval exercise in the Mediterranean"),
    ("peace-mission-2016", "Peace Mission 2016", "2016-09-15", "2016-09-21", "Edelweiss range, Balykchy, Issyk-Kul (Kyrgyzstan)",
     "about 2,000 troops and 300 pieces of equipment from five SCO members", {"CHN": None, "RUS": None, "KAZ": None, "KGZ": None, "TJK": None},
     "https://en.inform.kz/amp/sco-countries-display-high-combat-potential-kyrgyz-general-staff-chief_a2951406/", ""),
    ("peace-mission-2018", "Peace Mission 2018", "2018-08-24", "2018-08-29", "Chebarkul range, Chelyabinsk region (Russia)",
     "about 3,000 troops from the eight SCO members: Russia about 1,700, China about 700, India about 200",
     {"CHN": 700, "RUS": 1700, "IND": 200, "PAK": None, "KAZ": None, "KGZ": None, "TJK": None},
     "https://www.latestly.com/world/sco-peace-mission-2018-begins-today-eight-member-countries-including-india-and-pakistan-participating-in-the-military-exercise-342830.html",
     "the source names seven participants; Uzbekistan is not among them; the first exercise with both India and Pakistan"),
    ("joint-air-patrol-2020", "Joint strategic air patrol 2020", "2020-12-22", "2020-12-22", "Sea of Japan and East China Sea",
     "two Russian Tu-95MS and four Chinese H-6K bombers", {"CHN": None, "RUS": None},
     "https://www.yjc.ir/en/news/49906/russian-chinese-strategic-bombers-conduct-joint-air-patrol-in-asia-pacific-region",
     "the second joint bomber patrol"),
    ("joint-air-patrol-2022-05", "Joint strategic air patrol, May 2022", "2022-05-24", "2022-05-24", "Sea of Japan, East China Sea and western Pacific",
     "Russian Tu-95 and Chinese H-6 bombers", {"CHN": None, "RUS": None},
     "https://www.japantimes.co.jp/news/2022/05/24/national/china-russia-bombers-japan/",
     "during the Quad summit in Tokyo; the fourth joint flight near Japan since November 2021, according to Japan"),
    ("vostok-2022", "Vostok 2022", "2022-09-01", "2022-09-07", "Eastern Military District and Sea of Japan (Russia)",
     "China: more than 2,000 troops, 300 vehicles, 21 aircraft and 3 ships", {"CHN": 2000, "RUS": None, "IND": None, "BLR": None, "TJK": None, "MNG": None, "DZA": None},
     "http://eng.chinamil.com.cn/view/2022-09/01/content_10182185.htm",
     "participants as the Chinese defence ministry lists them; other states took part as well"),
    ("joint-air-patrol-2024-07", "Joint strategic air patrol, July 2024", "2024-07-24", "2024-07-24", "Chukchi and Bering Seas and the north Pacific, near Alaska",
     "two Russian Tu-95MS and two Chinese H-6 bombers", {"CHN": None, "RUS": None},
     "https://www.themoscowtimes.com/2024/07/25/russia-china-conduct-strategic-bomber-patrol-near-alaska-a85822",
     "the first joint patrol near Alaska; intercepted by US and Canadian fighters"),
    ("joint-air-patrol-2024-11", "Joint strategic air patrol, November 2024", "2024-11-29", "2024-11-30", "Sea of Japan",
     "Russian Tu-95 and Chinese H-6 bombers", {"CHN": None, "RUS": None},
     "https://www1.ru/en/news/2024/12/02/sinhua-samolety-rossii-i-kitaia-proveli-strategiceskoe-patrulirovanie-nad-iaponskim-morem.amp.html",
     "Xinhua calls it the ninth joint strategic patrol since 2019; the table lacks the third (2021), fifth (November 2022), sixth and seventh (2023) for want of a source here; dates 'late November'"),
]
later = pd.DataFrame([{"exercise_id": i, "name": n, "start_date": s, "start_precision": "day", "end_date": e,
                       "location": loc, "troops_or_assets_reported": assets, "source": src, "source_detail": note}
                      for i, n, s, e, loc, assets, _, src, note in LATER])
columns = ["exercise_id", "name", "start_date", "start_precision", "end_date", "location",
           "troops_or_assets_reported", "source", "source_detail"]
write(pd.concat([exercises[columns], machaffie[columns], later[columns]]).sort_values("start_date"),
      "joint_exercises.csv")

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
for i, _, _, _, _, _, troops, src, _ in LATER:
    for iso3, count in troops.items():
        rows.append({"exercise_id": i, "iso3": iso3, "troops": count, "source": src,
                     "source_detail": "as the source reports" if count else ""})
participants = pd.DataFrame(rows).astype({"troops": "Int64"})
write(participants, "joint_exercise_participants.csv")
