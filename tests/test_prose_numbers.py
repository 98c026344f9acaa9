"""Numbers in the prose, recomputed independently from data/ and compared with the glue.

Each test names the chapter whose glued numbers it checks. The recomputations read the
CSV files with the standard library only, so they share no code with the chapters.
"""

import csv
import math
from collections import defaultdict

import pytest

from book_facts import CHAPTERS, ROOT, claim_value, glued, glued_number

HOW_TO = CHAPTERS / "00-how-to-use.md"
THEORY = CHAPTERS / "01-balance-of-power-and-threat.md"
COMPONENTS = ["milex", "milper", "irst", "pec", "tpop", "upop"]


def rows(name):
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def close(glued_value, recomputed, rel=1e-9):
    return math.isclose(glued_value, recomputed, rel_tol=rel, abs_tol=1e-12)


# ---- chapters/00-how-to-use

def test_how_to_counts_tables_and_rows():
    """00-how-to-use: the number of tables in data/ and of their rows."""
    csvs = sorted((ROOT / "data").glob("*.csv"))
    assert glued_number(HOW_TO, "howto_n_datasets") == len(csvs)
    assert glued_number(HOW_TO, "howto_n_rows") == sum(len(rows(p.name)) for p in csvs)


def test_how_to_counts_great_powers_in_2016():
    """00-how-to-use: great powers on the COW list in 2016."""
    count = sum(int(r["first_year"]) <= 2016 <= int(r["last_year"]) for r in rows("great_powers.csv"))
    assert glued_number(HOW_TO, "howto_n_great_powers_2016") == count


def test_how_to_claims_the_list_grew():
    """00-how-to-use: the claim "howto_more_powers_2016", recomputed from the CSV."""
    def on_list(year):
        return sum(int(r["first_year"]) <= year <= int(r["last_year"])
                   for r in rows("great_powers.csv"))
    assert glued_number(HOW_TO, "howto_n_great_powers_1946") == on_list(1946)
    assert claim_value(HOW_TO, "howto_more_powers_2016") is (on_list(2016) > on_list(1946))


# ---- chapters/01-balance-of-power-and-threat

@pytest.fixture(scope="module")
def shares():
    """(cow_code, year) -> {component: share of the world total}, from the raw CSVs."""
    totals = {int(r["year"]): {c: float(r[f"{c}_world_total"]) for c in COMPONENTS}
              for r in rows("nmc_world_totals.csv")}
    result = {}
    for r in rows("nmc_capabilities.csv"):
        year = int(r["year"])
        result[int(r["cow_code"]), year] = {c: float(r[c]) / totals[year][c]
                                            for c in COMPONENTS if r[c] != ""}
    return result


def cinc(share: dict) -> float:
    return sum(share.values()) / len(share)


def great_powers_in(year):
    return {int(r["cow_code"]) for r in rows("great_powers.csv")
            if int(r["first_year"]) <= year <= int(r["last_year"])}


def test_theory_china_passes_the_us(shares):
    """01-balance-of-power-and-threat: first year China's CINC exceeds the US's."""
    first = min(y for (code, y) in shares if code == 710 and y >= 1950
                and cinc(shares[710, y]) > cinc(shares[2, y]))
    assert glued_number(THEORY, "theory_china_passes_us") == first


def test_theory_latest_shares(shares):
    """01-balance-of-power-and-threat: CINC and component shares in the latest year."""
    latest = max(y for (_, y) in shares)
    assert glued_number(THEORY, "theory_latest_year") == latest
    assert close(glued_number(THEORY, "theory_china_cinc_latest"), cinc(shares[710, latest]))
    assert close(glued_number(THEORY, "theory_us_cinc_latest"), cinc(shares[2, latest]))
    assert close(glued_number(THEORY, "theory_us_milex_share_latest"), shares[2, latest]["milex"])
    assert close(glued_number(THEORY, "theory_china_steel_share_latest"), shares[710, latest]["irst"])


def test_theory_cinc_recomputation_gap(shares):
    """01-balance-of-power-and-threat: largest gap between recomputed and published CINC."""
    published = {(int(r["cow_code"]), int(r["year"])): float(r["cinc"]) for r in rows("nmc_capabilities.csv")}
    gap = max(abs(cinc(s) - published[k]) for k, s in shares.items())
    assert close(glued_number(THEORY, "theory_cinc_max_gap"), gap, rel=1e-4)  # glued to 12 decimals


def test_theory_cinc_sum_range():
    """01-balance-of-power-and-threat: range of the world sum of published CINC."""
    sums = [float(r["cinc_sum"]) for r in rows("nmc_world_totals.csv")]
    assert glued_number(THEORY, "theory_cinc_sum_min") == min(sums)
    assert glued_number(THEORY, "theory_cinc_sum_max") == max(sums)


def test_theory_us_military_lead_in_2010(shares):
    """01-balance-of-power-and-threat: US share of great-power spending, and its multiple."""
    powers = great_powers_in(2010)
    milex = {code: shares[code, 2010]["milex"] for code in powers}
    assert close(glued_number(THEORY, "theory_us_gp_milex_share_2010"), milex[2] / sum(milex.values()))
    runner_up = max(v for code, v in milex.items() if code != 2)
    assert close(glued_number(THEORY, "theory_us_milex_multiple_2010"), milex[2] / runner_up)


def test_theory_concentration_in_2010(shares):
    """01-balance-of-power-and-threat: Ray-Singer concentration, by CINC and by spending."""
    def con(values):
        total = sum(values)
        s = [v / total for v in values]
        n = len(s)
        return math.sqrt((sum(x * x for x in s) - 1 / n) / (1 - 1 / n))

    powers = sorted(great_powers_in(2010))
    assert close(glued_number(THEORY, "theory_con_cinc_2010"), con([cinc(shares[c, 2010]) for c in powers]))
    assert close(glued_number(THEORY, "theory_con_milex_2010"), con([shares[c, 2010]["milex"] for c in powers]))


def test_theory_crossing_years_by_weight(shares):
    """01-balance-of-power-and-threat (exercise): crossing year when spending weighs 2 or 3."""
    def crossing(weight):
        def index(s):
            w = {c: (weight if c == "milex" else 1) for c in s}
            return sum(s[c] * w[c] for c in s) / sum(w.values())
        years = sorted(y for (code, y) in shares if code == 710 and y >= 1950
                       and index(shares[710, y]) > index(shares[2, y]))
        return str(years[0]) if years else "never"

    assert glued(THEORY)["theory_ex_crossing_weight_2"] == crossing(2)
    assert glued(THEORY)["theory_ex_crossing_weight_3"] == crossing(3)


def cinc_con(values):
    total = sum(values)
    s = [v / total for v in values]
    n = len(s)
    return math.sqrt((sum(x * x for x in s) - 1 / n) / (1 - 1 / n))


def test_theory_claims_china_ahead_and_concentration(shares):
    """01-balance-of-power-and-threat: claims "theory_china_ahead_since" and
    "theory_milex_more_concentrated_2010"."""
    years = sorted(y for (code, y) in shares if code == 710 and y >= 1950)
    ahead = {y: cinc(shares[710, y]) > cinc(shares[2, y]) for y in years}
    first = min(y for y in years if ahead[y])
    assert claim_value(THEORY, "theory_china_ahead_since") is all(ahead[y] for y in years if y >= first)
    powers = sorted(great_powers_in(2010))
    by_milex = cinc_con([shares[c, 2010]["milex"] for c in powers])
    by_cinc = cinc_con([cinc(shares[c, 2010]) for c in powers])
    assert claim_value(THEORY, "theory_milex_more_concentrated_2010") is (by_milex > by_cinc)


def test_theory_us_multiple_on_both_bases(shares):
    """01-balance-of-power-and-threat: the US multiple of the next power in 2010 on COW's and
    on SIPRI's figures (current US dollars), and the claim "theory_us_first_both_bases"."""
    iso = {int(r["cow_code"]): r["iso3"] for r in rows("countries.csv") if r["cow_code"]}
    powers = great_powers_in(2010)
    sipri = {r["iso3"]: float(r["value"]) for r in rows("sipri_milex.csv")
             if r["year"] == "2010" and r["measure"] == "current_usd_m"}
    listed = {iso[c]: sipri[iso[c]] for c in powers}
    multiple = listed["USA"] / max(v for k, v in listed.items() if k != "USA")
    assert close(glued_number(THEORY, "theory_us_milex_multiple_2010_sipri"), multiple)
    assert glued(THEORY)["theory_runner_up_2010_sipri"] == "China"
    cow = shares[2, 2010]["milex"] / max(shares[c, 2010]["milex"] for c in powers if c != 2)
    assert claim_value(THEORY, "theory_us_first_both_bases") is (multiple > 3 and cow > 3)


def test_theory_dip_of_1991_is_the_list(shares):
    """01-balance-of-power-and-threat: claim "theory_dip_mostly_the_list" — the fall in CINC
    concentration from 1990 to 1991 among listed powers and among a fixed set of five."""
    fixed = [2, 200, 220, 365, 710]
    listed = {y: cinc_con([cinc(shares[c, y]) for c in sorted(great_powers_in(y))]) for y in (1990, 1991)}
    held = {y: cinc_con([cinc(shares[c, y]) for c in fixed]) for y in (1990, 1991)}
    drop_listed, drop_fixed = listed[1990] - listed[1991], held[1990] - held[1991]
    assert close(glued_number(THEORY, "theory_dip_listed"), drop_listed)
    assert close(glued_number(THEORY, "theory_dip_fixed"), drop_fixed)
    assert claim_value(THEORY, "theory_dip_mostly_the_list") is (1 - drop_fixed / drop_listed > 0.5)


def test_theory_exercise_claims(shares):
    """01-balance-of-power-and-threat (exercises): claims "theory_ex_military_never" and
    "theory_ex_rise_without_china_positive"."""
    def military(code, y):
        s = shares[code, y]
        parts = [s[c] for c in ("milex", "milper") if c in s]
        return sum(parts) / len(parts)
    never = not any(military(710, y) > military(2, y) for (code, y) in shares
                    if code == 710 and y >= 1950)
    assert claim_value(THEORY, "theory_ex_military_never") is never

    def con_without_china(y):
        return cinc_con([cinc(shares[c, y]) for c in sorted(great_powers_in(y)) if c != 710])
    assert claim_value(THEORY, "theory_ex_rise_without_china_positive") is (
        con_without_china(2016) - con_without_china(2000) > 0)


def test_theory_machaffie_sipri_shares():
    """01-balance-of-power-and-threat: the SIPRI shares MacHaffie cites, from his claims table."""
    stated = {r["claim_id"]: r["paper_share"] for r in rows("machaffie_capability_claims.csv")}
    for iso in ("usa", "chn", "rus"):
        assert close(glued_number(THEORY, f"theory_mac_sipri_share_{iso}"), float(stated[f"fig3_{iso}_share"]))


def test_theory_us_share_fell(shares):
    """01-balance-of-power-and-threat: claim "theory_us_share_fell"."""
    us = {y: cinc(shares[2, y]) for (code, y) in shares if code == 2 and y >= 1946}
    peak_year = max(us, key=us.get)
    assert claim_value(THEORY, "theory_us_share_fell") is (us[max(us)] < 0.75 * us[peak_year] and peak_year < 1960)


def test_theory_prose_claims_on_cinc(shares):
    """01-balance-of-power-and-threat: claims "theory_recipe_matches" (recomputed CINC within a
    millionth of the published everywhere), "theory_soviet_1970s" (Soviet share 1979 against
    1970, a 5% band), "theory_russia_collapses" (latest below half of 1991),
    "theory_china_leads_non_military" and "theory_us_leads_milex" (latest COW year)."""
    published = {(int(r["cow_code"]), int(r["year"])): float(r["cinc"]) for r in rows("nmc_capabilities.csv")}
    gap = max(abs(cinc(s) - published[k]) for k, s in shares.items())
    assert claim_value(THEORY, "theory_recipe_matches") is (gap < 1e-6)
    change = cinc(shares[365, 1979]) / cinc(shares[365, 1970]) - 1
    key = "grows" if change > 0.05 else "falls" if change < -0.05 else "level"
    assert claim_value(THEORY, "theory_soviet_1970s") == key
    assert close(glued_number(THEORY, "theory_soviet_cinc_1979"), cinc(shares[365, 1979]))
    latest = max(y for (code, y) in shares if code == 710)
    assert claim_value(THEORY, "theory_russia_collapses") is (cinc(shares[365, latest]) < cinc(shares[365, 1991]) / 2)
    china, us = shares[710, latest], shares[2, latest]
    four = ("irst", "pec", "tpop", "upop")
    leads = all(china[c] > us[c] for c in four)
    twice = sum(china[c] >= 2 * us[c] for c in four)
    assert claim_value(THEORY, "theory_china_leads_non_military") == (
        "no" if not leads else "wide" if twice == 4 else "partly_wide")
    assert claim_value(THEORY, "theory_us_leads_milex") is (us["milex"] > china["milex"])


def test_theory_cinc_picture_in_2010(shares):
    """01: the US/China CINC ratio of 2010 and claim "theory_cinc_not_unipolar_2010" (the US
    share under twice China's), recomputed from the six COW indicators."""
    ratio = cinc(shares[2, 2010]) / cinc(shares[710, 2010])
    assert close(glued_number(THEORY, "theory_us_china_cinc_ratio_2010"), ratio, rel=1e-3)
    assert claim_value(THEORY, "theory_cinc_not_unipolar_2010") is (ratio < 2)
