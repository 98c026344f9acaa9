"""Numbers in the prose of the history chapters (02-04), recomputed independently from
data/ with the standard library and compared with the values the chapters glue.

Each test's docstring names its chapter. The event index is recomputed here from its
definition (a half-life-weighted mean of past scores), not with sinorus.history.
"""

import csv
import datetime
import math
import statistics
from collections import defaultdict

import pytest

from book_facts import CHAPTERS, ROOT, claim_value, execute_with_parameters, glued, glued_number

SINO_RUSSIAN = CHAPTERS / "02-sino-russian-relations.md"
RUSSIA_US = CHAPTERS / "03-russia-and-the-united-states.md"
CENTRAL_ASIA = CHAPTERS / "04-central-asia-sco-csto.md"
HALF_LIFE = 3


def rows(name):
    name = name if name.endswith(".csv") else f"{name}.csv"
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def close(a, b, rel=1e-9):
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def day(text):
    return datetime.date.fromisoformat(text)


def decimal_year(date):
    length = 366 if (date.year % 4 == 0 and (date.year % 100 != 0 or date.year % 400 == 0)) else 365
    return date.year + (date - datetime.date(date.year, 1, 1)).days / length


def dyad_events(a, b):
    """(decimal year, score) of the events of one pair, from the raw tables."""
    pair = tuple(sorted((a, b)))
    ids = {r["event_id"] for r in rows("event_dyads") if (r["iso3_a"], r["iso3_b"]) == pair}
    return [(decimal_year(day(r["start_date"])), int(r["score"]), r) for r in rows("events") if r["event_id"] in ids]


def index_at(events, t):
    weights = [(0.5 ** ((t - when) / HALF_LIFE), score) for when, score, _ in events if when <= t]
    return sum(w * s for w, s in weights) / sum(w for w, _ in weights)


# ---- chapters/02-sino-russian-relations

def test_counts_of_events():
    """02-sino-russian-relations: events, China-Russia events and mentions."""
    assert glued_number(SINO_RUSSIAN, "hist02_n_events") == len(rows("events"))
    assert glued_number(SINO_RUSSIAN, "hist02_n_chn_rus") == len(dyad_events("CHN", "RUS"))
    assert glued_number(SINO_RUSSIAN, "hist02_n_mentions") == len(rows("event_mentions"))


def test_index_at_the_clashes_and_today():
    """02-sino-russian-relations: the China-Russia index in mid-1969 and at the end of 2024."""
    events = dyad_events("CHN", "RUS")
    assert close(glued_number(SINO_RUSSIAN, "hist02_index_clashes_1969"), index_at(events, 1969.5))
    assert close(glued_number(SINO_RUSSIAN, "hist02_index_latest"), index_at(events, 2024.75))


def test_index_turns_positive_after_the_clashes():
    """02-sino-russian-relations: first year (on a quarter-year grid) the index is positive after mid-1969."""
    events = dyad_events("CHN", "RUS")
    first = next(1969.5 + k / 4 for k in range(4 * 56) if index_at(events, 1969.5 + k / 4) > 0)
    assert glued_number(SINO_RUSSIAN, "hist02_index_positive_again") == int(first)


def test_summit_count_against_the_claim():
    """02-sino-russian-relations: Russia-China summits from 1992 to 18 July 2000, and MacHaffie's count."""
    count = sum(1 for _, _, r in dyad_events("CHN", "RUS")
                if r["category"] == "summit" and "1992-01-01" <= r["start_date"] <= "2000-07-18")
    assert glued_number(SINO_RUSSIAN, "hist02_summits_counted") == count
    claim = next(r for r in rows("history_claims") if r["claim_id"] == "mac-summit-count")
    assert glued_number(SINO_RUSSIAN, "hist02_summits_claimed") == float(claim["paper_value"])


def _ahead_from(ratio):
    years = sorted(ratio)
    last_behind = max((y for y in years if ratio[y] <= 1), default=None)
    return years[0] if last_behind is None else min(y for y in years if y > last_behind)


def test_reversal_of_fortunes():
    """02-sino-russian-relations: years from which China leads Russia on CINC and on spending."""
    cinc = defaultdict(dict)
    for r in rows("nmc_capabilities"):
        cinc[int(r["year"])][int(r["cow_code"])] = float(r["cinc"])
    cinc_ratio = {y: v[710] / v[365] for y, v in cinc.items() if 710 in v and 365 in v}
    assert glued_number(SINO_RUSSIAN, "hist02_cinc_ahead_from") == _ahead_from(cinc_ratio)
    spending = defaultdict(dict)
    for r in rows("sipri_milex"):
        if r["measure"] == "constant_2023_usd_m" and r["iso3"] in {"CHN", "RUS"}:
            spending[int(r["year"])][r["iso3"]] = float(r["value"])
    spending_ratio = {y: v["CHN"] / v["RUS"] for y, v in spending.items() if len(v) == 2}
    assert glued_number(SINO_RUSSIAN, "hist02_spending_ahead_from") == _ahead_from(spending_ratio)
    assert close(glued_number(SINO_RUSSIAN, "hist02_spending_ratio_latest"), spending_ratio[max(spending_ratio)])


def test_russian_arms_for_china():
    """02-sino-russian-relations: Russia's share of China's arms imports 1993-2010 and late-1990s deliveries."""
    russia = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers") if r["supplier"] == "RUS"}
    world = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers") if r["supplier"] == "WLD"}
    period = range(1993, 2011)
    assert close(glued_number(SINO_RUSSIAN, "hist02_russian_share"),
                 sum(russia[y] for y in period) / sum(world[y] for y in period))
    assert close(glued_number(SINO_RUSSIAN, "hist02_tiv_late_1990s"), statistics.mean(russia[y] for y in (1997, 1998, 1999)))
    assert glued_number(SINO_RUSSIAN, "hist02_tiv_peak_year") == max((y for y in russia if y >= 1992), key=russia.get)


# ---- chapters/03-russia-and-the-united-states

def _ideal_points():
    points = defaultdict(dict)
    for r in rows("unga_ideal_points"):
        if r["iso3"] in {"USA", "RUS", "CHN"} and int(r["year"]) >= 1991:
            points[int(r["year"])][r["iso3"]] = float(r["ideal_point"])
    return points


def test_voting_distances():
    """03-russia-and-the-united-states: ideal-point distances in 1991 and the latest year, closest year."""
    points = _ideal_points()
    latest = max(points)
    us_rus = {y: abs(p["USA"] - p["RUS"]) for y, p in points.items()}
    rus_chn = {y: abs(p["RUS"] - p["CHN"]) for y, p in points.items()}
    assert glued_number(RUSSIA_US, "hist03_latest_year") == latest
    assert close(glued_number(RUSSIA_US, "hist03_distance_us_rus_1991"), us_rus[1991], rel=1e-6)
    assert close(glued_number(RUSSIA_US, "hist03_distance_rus_chn_latest"), rus_chn[latest], rel=1e-6)
    assert glued_number(RUSSIA_US, "hist03_us_rus_closest_year") == min(us_rus, key=us_rus.get)
    closer = [str(y) for y in sorted(points) if us_rus[y] < rus_chn[y]]
    assert glued(RUSSIA_US)["hist03_years_closer_to_us"] == ", ".join(closer)


def test_index_and_votes_correlate():
    """03-russia-and-the-united-states: correlation of the mid-year Russia-US index with the voting distance."""
    events = dyad_events("RUS", "USA")
    points = _ideal_points()
    years = sorted(points)
    index = [index_at(events, y + 0.5) for y in years]
    distance = [abs(points[y]["USA"] - points[y]["RUS"]) for y in years]
    assert close(glued_number(RUSSIA_US, "hist03_index_vote_correlation"), statistics.correlation(index, distance), rel=1e-6)


def test_joint_vetoes():
    """03-russia-and-the-united-states: Sino-Russian joint vetoes after 1991, and the first."""
    members = defaultdict(set)
    dates = {}
    for r in rows("unsc_vetoes"):
        if r["date"] >= "1991-12-26":
            members[r["veto_id"]].add(r["member"])
            dates[r["veto_id"]] = r["date"]
    joint = [v for v, m in members.items() if {"CHN", "RUS"} <= m]
    assert glued_number(RUSSIA_US, "hist03_n_joint_vetoes") == len(joint)
    first = min(dates[v] for v in joint)
    assert glued(RUSSIA_US)["hist03_first_joint_veto"] == f"{day(first):%B %Y}"


def test_russia_us_events_since_1991():
    """03-russia-and-the-united-states: Russia-US events since 1991 and the share that are hostile."""
    since = [s for _, s, r in dyad_events("RUS", "USA") if r["start_date"] >= "1991-01-01"]
    assert glued_number(RUSSIA_US, "hist03_n_rus_usa") == len(since)
    assert close(glued_number(RUSSIA_US, "hist03_share_negative"), sum(s < 0 for s in since) / len(since))


# ---- chapters/04-central-asia-sco-csto

def _members_on(date, organisation=None, status="member"):
    out = set()
    for r in rows("memberships"):
        if (r["start_date"] <= date and (not r["end_date"] or r["end_date"] >= date)
                and r["status"] == status and (organisation is None or r["organisation"] == organisation)):
            out.add((r["organisation"], r["iso3"]))
    return out


def test_table_2_overlaps():
    """04-central-asia-sco-csto: states in two of the four organisations on 1 July 2010, and across the divide."""
    held = defaultdict(set)
    for organisation, iso3 in _members_on("2010-07-01"):
        if organisation in {"EU", "SCO", "NATO", "CSTO"}:
            held[iso3].add(organisation)
    assert glued_number(CENTRAL_ASIA, "hist04_n_in_any") == len(held)
    assert glued_number(CENTRAL_ASIA, "hist04_n_in_two") == sum(len(o) >= 2 for o in held.values())
    across = sum(bool(o & {"EU", "NATO"}) and bool(o & {"SCO", "CSTO"}) for o in held.values())
    assert glued_number(CENTRAL_ASIA, "hist04_n_in_both_camps") == across


def test_organisation_sizes():
    """04-central-asia-sco-csto: SCO members at the end of 2024 and CSTO members in mid-1995."""
    assert glued_number(CENTRAL_ASIA, "hist04_sco_members_latest") == len(_members_on("2024-12-31", "SCO"))
    assert glued_number(CENTRAL_ASIA, "hist04_csto_members_1995") == len(_members_on("1995-07-01", "CSTO"))


def test_february_2010_exercise():
    """04-central-asia-sco-csto: the troops MacHaffie reports for February 2010, and their sources."""
    troops = {r["iso3"]: int(r["troops"]) for r in rows("joint_exercise_participants")
              if r["exercise_id"] == "anti-terror-drill-2010-02"}
    assert glued_number(CENTRAL_ASIA, "hist04_feb2010_kaz") == troops["KAZ"]
    assert close(glued_number(CENTRAL_ASIA, "hist04_feb2010_kazakh_share"), troops["KAZ"] / sum(troops.values()))
    row = next(r for r in rows("joint_exercises") if r["exercise_id"] == "anti-terror-drill-2010-02")
    assert glued_number(CENTRAL_ASIA, "hist04_n_sources_feb2010") == len(row["source"].split(";"))


def test_exercises_and_bases():
    """04-central-asia-sco-csto: exercises listed, and years of the US base at Karshi-Khanabad."""
    assert glued_number(CENTRAL_ASIA, "hist04_n_exercises") == len(rows("joint_exercises"))
    dates = {r["event_id"]: day(r["start_date"]) for r in rows("events")}
    years = (dates["ev-2005-k2-closed"] - dates["ev-2001-k2-agreement"]).days / 365.25
    assert glued_number(CENTRAL_ASIA, "hist04_k2_years") == pytest.approx(round(years, 1))


def test_uzbekistan_in_the_csto():
    """04-central-asia-sco-csto (exercise): days Uzbekistan was a CSTO member."""
    days = sum((day(r["end_date"]) - day(r["start_date"])).days + 1 for r in rows("memberships")
               if r["organisation"] == "CSTO" and r["iso3"] == "UZB")
    assert glued_number(CENTRAL_ASIA, "hist04_ex_uzbek_days") == days


def _table_2(date):
    held = defaultdict(set)
    for organisation, iso3 in _members_on(date):
        if organisation in {"EU", "SCO", "NATO", "CSTO"}:
            held[iso3].add(organisation)
    return held


def _table_2_claims(date):
    """The Table 2 claims of chapter 04 for ``date``, recomputed from memberships.csv."""
    held = _table_2(date)
    size = {o: sum(o in orgs for orgs in held.values()) for o in ("EU", "SCO", "NATO", "CSTO")}
    cross = sum(bool(o & {"EU", "NATO"}) and bool(o & {"SCO", "CSTO"}) for o in held.values())
    eastern = sorted(i for i, o in held.items() if {"SCO", "CSTO"} <= o)
    china = held.get("CHN", set())
    return {
        "hist04_west_larger": size["EU"] + size["NATO"] > size["SCO"] + size["CSTO"],
        "hist04_combinations": "some" if any(len(o) >= 2 for o in held.values()) else "none",
        "hist04_camps_disjoint": cross == 0,
        "hist04_sco_and_csto": "some" if eastern else "none",
        "hist04_china_where": ("sco only" if "SCO" in china and "CSTO" not in china else
                               "both" if {"SCO", "CSTO"} <= china else
                               "csto only" if "CSTO" in china else "neither"),
    }


def test_table_2_claims():
    """04-central-asia-sco-csto: claims "hist04_west_larger", "hist04_combinations",
    "hist04_camps_disjoint", "hist04_sco_and_csto", "hist04_china_where" on 1 July 2010, and
    "hist04_latest_divide" at the end of 2024."""
    for name, value in _table_2_claims("2010-07-01").items():
        assert claim_value(CENTRAL_ASIA, name) == value, name
    # the words the two lists put in the sentence: which pairs of organisations, which states
    held = _table_2("2010-07-01")
    order = ["EU", "SCO", "NATO", "CSTO"]
    pairs = {" and ".join(o for o in order if o in orgs) for orgs in held.values() if len(orgs) >= 2}
    names = {r["iso3"]: r["name"] for r in rows("countries") if r["iso3"]}
    eastern = {names[i] for i, orgs in held.items() if {"SCO", "CSTO"} <= orgs}
    words = glued(CENTRAL_ASIA)
    assert pairs and set(words["hist04_combinations"].removeprefix("Every double membership is ").split(", or ")) == pairs
    assert eastern and set(words["hist04_sco_and_csto"].removeprefix("the double members were ").split(", ")) == eastern
    latest = _table_2("2024-12-31")
    cross = sum(bool(o & {"EU", "NATO"}) and bool(o & {"SCO", "CSTO"}) for o in latest.values())
    assert claim_value(CENTRAL_ASIA, "hist04_latest_divide") is (cross == 0)


def test_table_2_rerun_for_1999_leaves_no_false_sentence():
    """04-central-asia-sco-csto re-run with TABLE_DATE = 1999-06-01 (before the SCO and the
    CSTO existed): every Table 2 claim is recomputed for that date, the CSTO is called the
    Collective Security Treaty, and no sentence names double members that did not exist."""
    import json

    values = execute_with_parameters(CENTRAL_ASIA, TABLE_DATE="1999-06-01")
    for name, expected in _table_2_claims("1999-06-01").items():
        assert json.loads(values[name + "__claim"])["value"] == expected, name
    assert values["hist04_csto_name"] == "Collective Security Treaty"
    assert "did not yet exist" in values["hist04_sco_and_csto"]
    assert "—" not in values["hist04_sco_and_csto"]
    assert values["hist04_combinations"] == "Every double membership is EU and NATO"


def test_kyrgyz_base_and_kant_claims():
    """04-central-asia-sco-csto: claims "hist04_lease_matches" (against the 2009 memorandum)
    and "hist04_kant_fewer_at_opening"."""
    claims = {r["claim_id"]: r for r in rows("history_claims")}
    lease, kant = claims["mac-base-lease-years"], claims["mac-kant-personnel"]
    assert int(lease["period_end"]) <= 2011
    assert claim_value(CENTRAL_ASIA, "hist04_lease_matches") is (float(lease["check_value"]) == float(lease["paper_value"]))
    assert claim_value(CENTRAL_ASIA, "hist04_kant_fewer_at_opening") is (
        float(kant["check_value"]) < float(kant["paper_value"]))


def test_central_asia_exercise_claims():
    """04-central-asia-sco-csto (exercises): claims "hist04_ex_all_but_china",
    "hist04_ex_observers_never" and "hist04_ex_rate_compare"."""
    held = _table_2("2009-01-01")
    sco = {i for org, i in _members_on("2009-01-01", "SCO")}
    two_in_sco = {i for i, o in held.items() if len(o) == 2 and "SCO" in o}
    assert claim_value(CENTRAL_ASIA, "hist04_ex_all_but_china") is (two_in_sco == sco - {"CHN"})
    sco_events = {r["event_id"] for r in rows("event_organisations") if r["organisation"] == "SCO"}
    dates = [r["start_date"] for r in rows("events") if r["event_id"] in sco_events and r["category"] == "organisation"]
    outnumber = any(len(_members_on(d, "SCO", "observer")) > len(_members_on(d, "SCO")) for d in dates)
    assert claim_value(CENTRAL_ASIA, "hist04_ex_observers_never") is (not outnumber)
    people = defaultdict(set)
    for r in rows("joint_exercise_participants"):
        people[r["exercise_id"]].add(r["iso3"])
    years = [int(r["start_date"][:4]) for r in rows("joint_exercises") if {"CHN", "RUS"} <= people[r["exercise_id"]]]
    early = sum(2003 <= y <= 2015 for y in years) / 13
    late = sum(2016 <= y <= 2024 for y in years) / 9
    assert close(glued_number(CENTRAL_ASIA, "hist04_ex_rate_late"), late)
    assert claim_value(CENTRAL_ASIA, "hist04_ex_rate_compare") == ("higher" if late > early else "lower" if late < early else "equal")


# ---- chapter 02: the claims

def _pressure_at(events, t):
    return sum(0.5 ** ((t - when) / HALF_LIFE) * score for when, score, _ in events if when <= t)


def _sign(x):
    return (x > 0) - (x < 0)


def test_sino_russian_friction_claims():
    """02-sino-russian-relations: the share of positive events since 1980 and the claim
    "hist02_no_clash_since_1980"."""
    since = [(s, r) for _, s, r in dyad_events("CHN", "RUS") if r["start_date"] >= "1980-01-01"]
    assert glued_number(SINO_RUSSIAN, "hist02_n_since_1980") == len(since)
    assert close(glued_number(SINO_RUSSIAN, "hist02_share_positive_since_1980"), sum(s > 0 for s, _ in since) / len(since))
    assert claim_value(SINO_RUSSIAN, "hist02_no_clash_since_1980") is (min(s for s, _ in since) > -8)


def test_index_honesty_claims():
    """02-sino-russian-relations: claims "hist02_min_is_plateau", "hist02_rapprochement_before_1991",
    "hist02_periods_present", "hist02_variants_agree", "hist02_pressure_fades_in_1970s" and
    "hist02_turning_year_compare", recomputed from their definitions."""
    events = dyad_events("CHN", "RUS")
    grid = [1917 + k / 4 for k in range(4 * 108)]
    values = {t: index_at(events, t) for t in grid if any(w <= t for w, _, _ in events)}
    low = min(values.values())
    at_min = [t for t, v in values.items() if abs(v - low) <= 1e-9]
    assert claim_value(SINO_RUSSIAN, "hist02_min_is_plateau") is (max(at_min) - min(at_min) >= 1)
    first = next(t for t in grid if t >= 1969.5 and values[t] > 0)
    assert claim_value(SINO_RUSSIAN, "hist02_rapprochement_before_1991") is (int(first) < 1991)

    def at(series, year):  # the last grid point not after `year`
        return series(max(t for t in grid if t <= year))
    mean = lambda t: values[t]
    periods = [at(mean, 1955) > 0, at(mean, 1965.5) < 0, at(mean, 1969.5) < 0, at(mean, 2001.75) > 0]
    assert claim_value(SINO_RUSSIAN, "hist02_periods_present") == f"{sum(periods)} of 4"
    signs = [(w, _sign(s), r) for w, s, r in events]
    moments = [1955, 1965.5, 1969.5, 1980.5, 1990, 2001.75, 2024.75]
    agree = sum(len({_sign(at(mean, m)), _sign(at(lambda t: index_at(signs, t), m)),
                     _sign(at(lambda t: _pressure_at(events, t), m))}) == 1 for m in moments)
    assert claim_value(SINO_RUSSIAN, "hist02_variants_agree") == f"{agree} of 7"
    fades = abs(at(lambda t: _pressure_at(events, t), 1978.9)) < abs(at(lambda t: _pressure_at(events, t), 1969.5)) / 4
    assert claim_value(SINO_RUSSIAN, "hist02_pressure_fades_in_1970s") is fades
    pressure_first = next(t for t in grid if t >= 1969.5 and _pressure_at(events, t) > 0)
    assert claim_value(SINO_RUSSIAN, "hist02_turning_year_compare") == (
        "same" if int(pressure_first) == int(first) else "differs")


def test_index_gap_of_the_1970s():
    """02-sino-russian-relations: the longest stretch without a China-Russia event since 1917."""
    dates = sorted(day(r["start_date"]) for _, _, r in dyad_events("CHN", "RUS") if r["start_date"] >= "1917-01-01")
    gaps = [((b - a).days / 365.25, a, b) for a, b in zip(dates, dates[1:])]
    length, a, b = max(gaps)
    assert close(glued_number(SINO_RUSSIAN, "hist02_gap_years"), length)
    assert (glued_number(SINO_RUSSIAN, "hist02_gap_from"), glued_number(SINO_RUSSIAN, "hist02_gap_to")) == (a.year, b.year)


def test_spending_crossover_per_basis():
    """02-sino-russian-relations: claims "hist02_spending_bases_agree" and "hist02_reversal_in_1990s" —
    the lasting crossover in constant and in current dollars (1995 and 1998 in the 2025 release)."""
    ratios = {}
    for measure in ("constant_2023_usd_m", "current_usd_m"):
        spending = defaultdict(dict)
        for r in rows("sipri_milex"):
            if r["measure"] == measure and r["iso3"] in {"CHN", "RUS"}:
                spending[int(r["year"])][r["iso3"]] = float(r["value"])
        ratios[measure] = _ahead_from({y: v["CHN"] / v["RUS"] if v["RUS"] else float("inf")
                                       for y, v in spending.items() if len(v) == 2})
    assert glued_number(SINO_RUSSIAN, "hist02_spending_ahead_from_current") == ratios["current_usd_m"]
    assert claim_value(SINO_RUSSIAN, "hist02_spending_bases_agree") == (
        "same" if ratios["constant_2023_usd_m"] == ratios["current_usd_m"] else "differ")
    cinc = defaultdict(dict)
    for r in rows("nmc_capabilities"):
        cinc[int(r["year"])][int(r["cow_code"])] = float(r["cinc"])
    cinc_from = _ahead_from({y: v[710] / v[365] for y, v in cinc.items() if 710 in v and 365 in v})
    assert claim_value(SINO_RUSSIAN, "hist02_reversal_in_1990s") is all(
        1990 <= y <= 1999 for y in (cinc_from, *ratios.values()))


def test_arms_claims():
    """02-sino-russian-relations: claims "hist02_share_claim_holds", "hist02_split_exceeds_total",
    "hist02_growth_after_2000", "hist02_return_not_first" and "hist02_ex_main_supplier"."""
    russia = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers") if r["supplier"] == "RUS"}
    world = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers") if r["supplier"] == "WLD"}
    period = range(1993, 2011)
    share = sum(russia[y] for y in period) / sum(world[y] for y in period)
    assert claim_value(SINO_RUSSIAN, "hist02_share_claim_holds") is (share > 0.7)
    late = statistics.mean(russia[y] for y in (1997, 1998, 1999))
    total = statistics.mean(world[y] for y in (1997, 1998, 1999))
    assert close(glued_number(SINO_RUSSIAN, "hist02_all_suppliers_late_1990s"), total)
    assert claim_value(SINO_RUSSIAN, "hist02_split_exceeds_total") is (late > total)
    assert claim_value(SINO_RUSSIAN, "hist02_growth_after_2000") is (statistics.mean(russia[y] for y in range(2000, 2007)) > late)
    fifties = statistics.mean(russia.get(y, 0) for y in range(1950, 1960))
    split = statistics.mean(russia.get(y, 0) for y in range(1970, 1990))
    assert claim_value(SINO_RUSSIAN, "hist02_return_not_first") is (fifties > split)
    below = [y for y in range(2000, max(russia) + 1) if y in world and russia.get(y, 0) / world[y] < 0.5]
    assert claim_value(SINO_RUSSIAN, "hist02_ex_main_supplier") is (not below)


# ---- chapter 03: the claims

def test_russia_us_claims():
    """03-russia-and-the-united-states: claims "hist03_partnership_in_votes", "hist03_measures_agree"
    and "hist03_ex_closeness_early_1990s"."""
    points = _ideal_points()
    latest = max(points)
    us_rus = {y: abs(p["USA"] - p["RUS"]) for y, p in points.items()}
    rus_chn = {y: abs(p["RUS"] - p["CHN"]) for y, p in points.items()}
    assert claim_value(RUSSIA_US, "hist03_partnership_in_votes") is (
        rus_chn[latest] < us_rus[latest] and rus_chn[latest] < rus_chn[1991])
    events = dyad_events("RUS", "USA")
    years = sorted(points)
    r = statistics.correlation([index_at(events, y + 0.5) for y in years], [us_rus[y] for y in years])
    assert claim_value(RUSSIA_US, "hist03_measures_agree") is (r < 0)
    all_votes = defaultdict(dict)
    for row in rows("unga_ideal_points"):
        if row["iso3"] in {"USA", "RUS", "CHN"} and int(row["year"]) >= 1991 and row["ideal_point_all_votes"]:
            all_votes[int(row["year"])][row["iso3"]] = float(row["ideal_point_all_votes"])
    d_all = {y: abs(p["USA"] - p["RUS"]) for y, p in all_votes.items() if len(p) == 3}
    early = 1991 <= min(d_all, key=d_all.get) <= 1995 and 1991 <= min(us_rus, key=us_rus.get) <= 1995
    assert claim_value(RUSSIA_US, "hist03_ex_closeness_early_1990s") is early


def test_solo_vetoes_in_two_groups_and_two_outside():
    """03-russia-and-the-united-states (exercise): claims "hist03_ex_two_groups" (15 of 17 in the
    2022 data: Yemen 2018 and Climate and Security 2021 fit neither) and
    "hist03_ex_china_not_in_russias_wars"."""
    members, topic = defaultdict(set), {}
    for r in rows("unsc_vetoes"):
        if r["date"] >= "1991-12-26":
            members[r["veto_id"]].add(r["member"])
            topic[r["veto_id"]] = r["crisis_topic"]
    party = {"Cyprus", "Bosnia", "Georgia", "Ukraine"}
    alone = [v for v, m in members.items() if m == {"RUS"}]
    grouped = sum(topic[v] in party or topic[v] == "Syria" for v in alone)
    assert claim_value(RUSSIA_US, "hist03_ex_two_groups") == f"{grouped} of {len(alone)}"
    outside = sorted(topic[v] for v in alone if topic[v] not in party and topic[v] != "Syria")
    assert outside == ["Climate and Security", "Yemen"]
    joint = [v for v, m in members.items() if {"CHN", "RUS"} <= m]
    assert claim_value(RUSSIA_US, "hist03_ex_china_not_in_russias_wars") is (not any(topic[v] in party for v in joint))


def test_two_numbers_of_the_papers():
    """02-sino-russian-relations: MacHaffie's 'ten percent each year' against 1990, and Bergfeldt's border."""
    claims = {r["claim_id"]: r for r in rows("history_claims")}
    assert close(glued_number(SINO_RUSSIAN, "hist02_growth_1990"), float(claims["mac-china-growth-1990s"]["check_value"]))
    assert float(claims["mac-china-growth-1990s"]["check_value"]) < float(claims["mac-china-growth-1990s"]["paper_value"])
    assert close(glued_number(SINO_RUSSIAN, "hist02_border_paper"), float(claims["berg-border-length"]["paper_value"]))


def test_russians_in_kyrgyzstan():
    """04-central-asia-sco-csto: claim "hist04_russians_fewer" (census of 2009 against the paper)."""
    c = next(r for r in rows("history_claims") if r["claim_id"] == "mac-russians-kyrgyzstan")
    assert glued_number(CENTRAL_ASIA, "hist04_russians_census") == float(c["check_value"])
    assert claim_value(CENTRAL_ASIA, "hist04_russians_fewer") is (float(c["check_value"]) < 0.9 * float(c["paper_value"]))


def test_bergfeldt_2005_sequence():
    """04-central-asia-sco-csto: claim "hist04_bergfeldt_2005_order" — the events of 2005 in Bergfeldt's order."""
    dates = {r["event_id"]: r["start_date"] for r in rows("events")}
    order = ["ev-2005-tulip-revolution", "ev-2005-andijan", "ev-2005-sco-bases-timetable",
             "ev-2005-k2-eviction", "ev-2005-k2-closed"]
    assert claim_value(CENTRAL_ASIA, "hist04_bergfeldt_2005_order") is all(
        dates[a] < dates[b] for a, b in zip(order, order[1:]))


def test_russia_us_and_china_russia_lines_part():
    """03-russia-and-the-united-states: claim "hist03_lines_part" — from 2012 the Russia-US index is
    negative and the China-Russia index positive at every quarter-year."""
    rus_usa, chn_rus = dyad_events("RUS", "USA"), dyad_events("CHN", "RUS")
    grid = [2012 + k / 4 for k in range(4 * 13)]
    assert claim_value(RUSSIA_US, "hist03_lines_part") is all(
        index_at(rus_usa, t) < 0 and index_at(chn_rus, t) > 0 for t in grid)


def test_history_mentions_and_arms_summary_claims():
    """02-sino-russian-relations: claims "hist02_most_departures_small" (more than half the
    departures in the chapter's sections are on a date or the order of events),
    "hist02_right_in_outline" (three quarters or more of the mentions agree) and
    "hist02_peak_after_late_1990s" (Russia's peak delivery year since 1992 after 1999)."""
    sections = {"Historical Background: Sino-Russian Relations", "Additional Factors", "§2.1", "§2.2"}
    here = [r["disagreement"] for r in rows("event_mentions") if r["location"] in sections]
    departures = [d for d in here if d != "none"]
    agree = here.count("none") / len(here)
    assert close(glued_number(SINO_RUSSIAN, "hist02_agree_share_here"), agree)
    small = sum(d in ("date", "sequence") for d in departures)
    assert glued_number(SINO_RUSSIAN, "hist02_n_small_departures") == small
    assert claim_value(SINO_RUSSIAN, "hist02_most_departures_small") is (small > len(departures) / 2)
    key = "exact" if not departures else "outline" if agree >= 0.75 else "often_wrong"
    assert claim_value(SINO_RUSSIAN, "hist02_right_in_outline") == key
    russia = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers") if r["supplier"] == "RUS"}
    late_end = int(next(r["period_end"] for r in rows("history_claims") if r["claim_id"] == "mac-arms-late-1990s"))
    peak = max((y for y in russia if y >= 1992), key=russia.get)
    assert claim_value(SINO_RUSSIAN, "hist02_peak_after_late_1990s") is (peak > late_end)


def test_exercise_list_gaps_and_change_after_2015():
    """04-central-asia-sco-csto: claims "hist04_expected_held" (which of Peace Mission 2013,
    2016, 2018, Joint Sea 2014, 2015 and a bomber patrol in each year 2019-2024 have a row of
    that series and start year) and "hist04_character_changes" (exercises with both China and
    Russia and no Central Asian state: a larger share after 2015 than up to 2015)."""
    exercises = rows("joint_exercises")
    expected = [("Peace Mission", 2013), ("Peace Mission", 2016), ("Peace Mission", 2018),
                ("Joint Sea", 2014), ("Joint Sea", 2015)] + [("Joint strategic air patrol", y) for y in range(2019, 2025)]
    found = {(s, y): any(r["name"].startswith(s) and r["start_date"][:4] == str(y) for r in exercises)
             for s, y in expected}
    assert claim_value(CENTRAL_ASIA, "hist04_expected_held") == f"{sum(found.values())} of {len(expected)}"
    missing = [f"a joint bomber patrol in {y}" if s.startswith("Joint strategic") else f"{s} {y}"
               for (s, y), ok in found.items() if not ok]
    assert glued(CENTRAL_ASIA)["hist04_expected_lacking"] == ("; ".join(missing) or "nothing")

    taking_part = defaultdict(set)
    for r in rows("joint_exercise_participants"):
        taking_part[r["exercise_id"]].add(r["iso3"])
    pair = [(int(r["start_date"][:4]), taking_part[r["exercise_id"]]) for r in exercises
            if {"CHN", "RUS"} <= taking_part[r["exercise_id"]]]
    central_asia = {"KAZ", "KGZ", "TJK", "UZB"}

    def share_without(years):
        chosen = [p for y, p in pair if y in years]
        return sum(not (p & central_asia) for p in chosen) / len(chosen)
    until, after = share_without(range(1990, 2016)), share_without(range(2016, 2100))
    assert close(glued_number(CENTRAL_ASIA, "hist04_share_without_ca_after_2015"), after)
    assert claim_value(CENTRAL_ASIA, "hist04_character_changes") is (after > until)


def test_russia_us_index_episodes_and_vote_distances():
    """03-russia-and-the-united-states: claims "hist03_index_follows_episodes" (the index at
    mid-year positive through 1992-1998, then down in 1999, up in 2002, down in 2008, up in
    2010), "hist03_us_chn_largest", "hist03_rus_chn_shrunk" and "hist03_us_rus_grown" (the
    ideal-point distances against the year Russia voted closest to the United States)."""
    events = dyad_events("RUS", "USA")
    at = {y: index_at(events, y + 0.5) for y in (1998, 1999, 2002, 2008, 2010)}
    nineties = [index_at(events, 1992 + q / 4) for q in range(28)
                if any(when <= 1992 + q / 4 for when, _, _ in events)]
    follows = (all(v > 0 for v in nineties) and at[1999] < at[1998] and at[2002] > at[1999]
               and at[2008] < at[2002] and at[2010] > at[2008])
    assert claim_value(RUSSIA_US, "hist03_index_follows_episodes") is follows
    points = _ideal_points()
    latest = max(points)
    us_rus = {y: abs(p["USA"] - p["RUS"]) for y, p in points.items()}
    rus_chn = {y: abs(p["RUS"] - p["CHN"]) for y, p in points.items()}
    us_chn = {y: abs(p["USA"] - p["CHN"]) for y, p in points.items()}
    assert claim_value(RUSSIA_US, "hist03_us_chn_largest") is all(
        us_chn[y] > max(us_rus[y], rus_chn[y]) for y in points)
    closest = min(us_rus, key=us_rus.get)
    assert claim_value(RUSSIA_US, "hist03_rus_chn_shrunk") is (rus_chn[latest] < rus_chn[closest])
    assert claim_value(RUSSIA_US, "hist03_us_rus_grown") is (us_rus[latest] > us_rus[closest])


def test_sco_grown_and_csto_shrunk():
    """04-central-asia-sco-csto: claims "hist04_sco_grown" (more SCO members at the end of 2024
    than on 1 July 2001) and "hist04_csto_shrunk" (fewer CSTO members at the end of 2024 than
    parties to the treaty on 1 July 1995)."""
    assert claim_value(CENTRAL_ASIA, "hist04_sco_grown") is (
        len(_members_on("2024-12-31", "SCO")) > len(_members_on("2001-07-01", "SCO")))
    assert claim_value(CENTRAL_ASIA, "hist04_csto_shrunk") is (
        len(_members_on("2024-12-31", "CSTO")) < len(_members_on("1995-07-01", "CSTO")))


def test_reversal_and_arms_comparison_claims():
    """02-sino-russian-relations: claims "hist02_climb_after_1992" (China's CINC over Russia's
    higher in the latest year than in 1992), "hist02_ratio_brought_down" (the spending ratio
    peaks before 2022 and is lower now), "hist02_increase_over_split" (late-1990s deliveries
    above the 1970-1989 average) and "hist02_fifties_like_best" (the 1950s average within a
    quarter of Russia's three best years after 2000)."""
    cinc = defaultdict(dict)
    for r in rows("nmc_capabilities"):
        cinc[int(r["year"])][int(r["cow_code"])] = float(r["cinc"])
    ratio = {y: v[710] / v[365] for y, v in cinc.items() if 710 in v and 365 in v}
    assert close(glued_number(SINO_RUSSIAN, "hist02_cinc_ratio_1992"), ratio[1992])
    assert claim_value(SINO_RUSSIAN, "hist02_climb_after_1992") is (ratio[max(ratio)] > ratio[1992])
    spending = defaultdict(dict)
    for r in rows("sipri_milex"):
        if r["measure"] == "constant_2023_usd_m" and r["iso3"] in {"CHN", "RUS"} and r["value"]:
            spending[int(r["year"])][r["iso3"]] = float(r["value"])
    lead = {y: v["CHN"] / v["RUS"] for y, v in spending.items() if len(v) == 2}
    peak_year = max(lead, key=lead.get)
    assert claim_value(SINO_RUSSIAN, "hist02_ratio_brought_down") is (
        lead[max(lead)] < lead[peak_year] and peak_year < 2022)
    russia = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers") if r["supplier"] == "RUS"}
    late = statistics.mean(russia[y] for y in (1997, 1998, 1999))
    split = statistics.mean(russia.get(y, 0) for y in range(1970, 1990))
    assert claim_value(SINO_RUSSIAN, "hist02_increase_over_split") is (late > split)
    best = statistics.mean(sorted((v for y, v in russia.items() if y >= 2000), reverse=True)[:3])
    assert close(glued_number(SINO_RUSSIAN, "hist02_tiv_best_three_after_2000"), best)
    fifties = statistics.mean(russia.get(y, 0) for y in range(1950, 1960))
    assert claim_value(SINO_RUSSIAN, "hist02_fifties_like_best") is (0.75 <= fifties / best <= 1 / 0.75)


def test_reset_is_the_last_cooperative_run():
    """03-russia-and-the-united-states: claim "hist03_reset_last_run" — in date order, the last
    run of two or more consecutive positive Russia-US events is the reset, New START and the
    Victory Day parade of 2010; and the positive events after it."""
    ordered = sorted(dyad_events("RUS", "USA"), key=lambda e: e[2]["start_date"])
    runs, run = [], []
    for _, score, r in ordered:
        if score > 0:
            run.append(r["event_id"])
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    if len(run) >= 2:
        runs.append(run)
    is_reset = bool(runs) and runs[-1] == ["ev-2009-reset", "ev-2010-new-start", "ev-2010-victory-day-parade"]
    assert claim_value(RUSSIA_US, "hist03_reset_last_run") is is_reset
    later = [f'{r["title"]} ({r["start_date"][:4]})' for _, score, r in ordered
             if score > 0 and r["start_date"] > "2010-05-09"]
    assert glued(RUSSIA_US)["hist03_later_positive"] == ("; ".join(later) or "none")


def test_rescored_episodes_keep_their_sign():
    """02 (exercise): claim "hist02_ex_episodes_robust": the index's sign at the alliance,
    the split, the clashes, 1970 and 1990, with each of three events re-scored alone and all
    three together, recomputed from events.csv."""
    rescored = {"ev-1858-aigun": -10, "ev-1950-alliance-treaty": 8, "ev-1969-kosygin-zhou": 4}
    base = dyad_events("CHN", "RUS")
    years = [1955, 1965.5, 1969.5, 1970, 1990]

    def signs(scores):
        events = [(when, scores.get(r["event_id"], score), r) for when, score, r in base]
        return [_sign(index_at(events, t)) for t in years]

    variants = [{k: v} for k, v in rescored.items()] + [rescored]
    kept = all(signs(v) == signs({}) for v in variants)
    assert claim_value(SINO_RUSSIAN, "hist02_ex_episodes_robust") is kept


def test_nato_russia_council_months_after_september_11():
    """03: "hist03_council_months" and claim "hist03_council_after_911", from events.csv."""
    dates = {r["event_id"]: day(r["start_date"]) for r in rows("events")}
    attacks, council = dates["ev-2001-september-11"], dates["ev-2002-nato-russia-council"]
    months = (council.year - attacks.year) * 12 + council.month - attacks.month - (council.day < attacks.day)
    assert glued_number(RUSSIA_US, "hist03_council_months") == months
    assert claim_value(RUSSIA_US, "hist03_council_after_911") is (council > attacks)
