"""Numbers in the prose of the soft-balancing chapters (10-13), recomputed independently.

Each test names its chapter. The recomputations read the CSV files with the standard
library and plain arithmetic: they share no code with the chapters or with
sinorus.process_tracing and sinorus.alignment.
"""

import csv
import math
from collections import defaultdict
from statistics import mean

import pytest

from book_facts import CHAPTERS, ROOT, glued, glued_number

CASE = CHAPTERS / "10-soft-balancing-the-case.md"
WEIGH = CHAPTERS / "11-weighing-the-evidence.md"
BEYOND = CHAPTERS / "12-beyond-the-thesis.md"
CONCLUSIONS = CHAPTERS / "13-conclusions.md"

HYPOTHESES = ["soft_balancing", "economic_interests", "regional_security", "policy_disputes", "mutual_containment"]
FOR = ["motive", "territorial_denial", "entangling_diplomacy", "economic_strengthening",
       "signals_of_resolve", "perceived_aggressiveness"]
RUNG = {"yes": 1.0, "partly": 0.5, "no": 0.25}


def rows(name):
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def close(glued_value, recomputed, rel=1e-9):
    return math.isclose(glued_value, recomputed, rel_tol=rel, abs_tol=1e-12)


@pytest.fixture(scope="module")
def coded():
    evidence = {r["evidence_id"]: r for r in rows("evidence.csv")}
    accounts = {eid: {"soft_balancing": r["soft_balancing_accounts"]} for eid, r in evidence.items()}
    ratio = defaultdict(dict)
    for r in rows("evidence_assessments.csv"):
        accounts[r["evidence_id"]][r["explanation"]] = r["accounts"]
        ratio[r["evidence_id"]][r["explanation"]] = float(r["likelihood_ratio"])
    return evidence, accounts, ratio


def posterior(prior, ratio, pieces, weight=1.0):
    """Bayes by hand: weight of h = prior(h) * prod_k (1 / LR_kh), soft balancing's LR = 1."""
    weights = {}
    for h, p in prior.items():
        log_w = math.log(p)
        if h != "soft_balancing":
            log_w -= weight * sum(math.log(ratio[k][h]) for k in pieces)
        weights[h] = math.exp(log_w)
    total = sum(weights.values())
    return {h: w / total for h, w in weights.items()}


UNIFORM = {h: 0.2 for h in HYPOTHESES}

# ---- chapters/10-soft-balancing-the-case and 11-weighing-the-evidence: their claims and numbers are
# recomputed in tests/test_prose_numbers_evidence.py (with the re-run of chapter 11 under another prior).


# ---- chapters/12-beyond-the-thesis


@pytest.fixture(scope="module")
def yearly_agreement():
    """Russia-China agreement per calendar year, by hand (years with at least 20 shared votes)."""
    year_of = {r["rcid"]: int(r["date"][:4]) for r in rows("unga_roll_calls.csv")}
    votes = defaultdict(dict)
    for r in rows("unga_votes.csv"):
        votes[r["rcid"]][r["iso3"]] = {"yes": 1.0, "abstain": 0.5, "no": 0.0}[r["vote"]]
    scores = defaultdict(list)
    for rcid, v in votes.items():
        if "RUS" in v and "CHN" in v:
            scores[year_of[rcid]].append(1 - abs(v["RUS"] - v["CHN"]))
    return {y: mean(s) for y, s in scores.items() if len(s) >= 20}


def test_beyond_roll_calls_and_the_rise_after_iraq(yearly_agreement):
    """12-beyond-the-thesis: roll calls, and Russia-China agreement from 2003 on minus before."""
    assert glued_number(BEYOND, "sb12_n_roll_calls") == len(rows("unga_roll_calls.csv"))
    assert glued_number(BEYOND, "sb12_last_agreement_year") == max(yearly_agreement)
    after = mean(v for y, v in yearly_agreement.items() if y >= 2003)
    before = mean(v for y, v in yearly_agreement.items() if y < 2003)
    assert close(glued_number(BEYOND, "sb12_iraq_rise_whole"), after - before)
    window_after = mean(yearly_agreement[y] for y in range(2003, 2008))
    window_before = mean(yearly_agreement[y] for y in range(1998, 2003))
    assert close(glued_number(BEYOND, "sb12_iraq_rise_window"), window_after - window_before)


def test_beyond_joint_vetoes():
    """12-beyond-the-thesis and 13-conclusions: joint Russia-China vetoes and China's share."""
    drafts = defaultdict(set)
    dates = {}
    for r in rows("unsc_vetoes.csv"):
        drafts[r["veto_id"]].add(r["member"])
        dates[r["veto_id"]] = r["date"]
    joint = [v for v, m in drafts.items() if {"RUS", "CHN"} <= m]
    china = [v for v, m in drafts.items() if "CHN" in m and dates[v] >= "1992"]
    assert glued_number(BEYOND, "sb12_n_joint_vetoes") == len(joint)
    assert glued_number(CONCLUSIONS, "sb13_n_joint_vetoes") == len(joint)
    assert glued_number(BEYOND, "sb12_first_joint_veto_year") == min(int(dates[v][:4]) for v in joint)
    assert close(glued_number(BEYOND, "sb12_share_china_joint"), len([v for v in joint if dates[v] >= "1992"]) / len(china))


def test_beyond_arms():
    """12-beyond-the-thesis and 13-conclusions: Russia's deliveries to China, exact years."""
    russia = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers.csv")
              if r["supplier"] == "RUS" and r["method"] == "exact"}
    world = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers.csv") if r["supplier"] == "WLD"}
    peak = max(russia, key=russia.get)
    assert glued_number(BEYOND, "sb12_arms_peak_year") == peak == glued_number(CONCLUSIONS, "sb13_arms_peak_year")
    assert glued_number(BEYOND, "sb12_years_russia_majority") == sum(russia[y] / world[y] > 0.5 for y in russia)
    assert close(glued_number(BEYOND, "sb12_arms_latest_vs_peak"), russia[max(russia)] / russia[peak])


def test_beyond_sco_gdp_against_the_us():
    """12-beyond-the-thesis: GDP (spending / share of GDP) of the SCO's 2008 members over the US's, 2007 and 2020."""
    values = defaultdict(dict)
    for r in rows("sipri_milex.csv"):
        if r["measure"] in {"current_usd_m", "share_of_gdp"}:
            values[r["iso3"], int(r["year"])][r["measure"]] = float(r["value"])
    def gdp(iso3, year):
        v = values.get((iso3, year), {})
        return v["current_usd_m"] / v["share_of_gdp"] if len(v) == 2 else 0.0
    members_2008 = sorted({r["iso3"] for r in rows("memberships.csv") if r["organisation"] == "SCO"
                           and r["status"] == "member" and r["start_date"] <= "2008-06-30"
                           and (r["end_date"] == "" or r["end_date"] >= "2008-06-30")})
    assert glued_number(BEYOND, "sb12_n_founders") == len(members_2008)
    for year, name in ((2007, "sb12_sco_us_ratio_2007"), (2020, "sb12_sco_us_ratio_2020")):
        ratio = sum(gdp(c, year) for c in members_2008) / gdp("USA", year)
        assert close(glued_number(BEYOND, name), ratio, rel=1e-9)


def test_beyond_exercises_and_enlargement():
    """12-beyond-the-thesis: first exercise with both states; SCO members in the latest year."""
    starts = {r["exercise_id"]: r["start_date"] for r in rows("joint_exercises.csv")}
    who = defaultdict(set)
    for r in rows("joint_exercise_participants.csv"):
        who[r["exercise_id"]].add(r["iso3"])
    both = [e for e in starts if {"RUS", "CHN"} <= who[e]]
    assert glued_number(BEYOND, "sb12_first_exercise_both") == min(int(starts[e][:4]) for e in both)
    assert glued_number(BEYOND, "sb12_n_exercises_both") == len(both)
    day = "2025-07-01"
    members = [r for r in rows("memberships.csv") if r["organisation"] == "SCO" and r["status"] == "member"
               and r["start_date"] <= day and (r["end_date"] == "" or r["end_date"] >= day)]
    assert glued_number(BEYOND, "sb12_sco_members_latest") == len(members)
    assert glued_number(CONCLUSIONS, "sb13_sco_members_latest") == len(members)

# ---- chapters/13-conclusions


def test_conclusions_posteriors(coded):
    """13-conclusions: the face-value posterior, with all evidence and with Bergfeldt's alone."""
    evidence, _, ratio = coded
    assert close(glued_number(CONCLUSIONS, "sb13_p_sb"), posterior(UNIFORM, ratio, list(ratio))["soft_balancing"])
    bergfeldt = [e for e, r in evidence.items() if r["paper"] == "bergfeldt2008"]
    assert close(glued_number(CONCLUSIONS, "sb13_p_sb_bergfeldt"), posterior(UNIFORM, ratio, bergfeldt)["soft_balancing"])
