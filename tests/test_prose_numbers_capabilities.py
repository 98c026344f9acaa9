"""Numbers in the capability chapters' prose, recomputed independently from data/.

Each test names the chapter whose glued numbers it checks (05-capabilities-in-2009 or
06-capabilities-since-1990). The recomputations read the CSV files with the standard
library only and share no code with the chapters or with sinorus.
"""

import csv
import itertools
import math
from collections import defaultdict

import pytest

from book_facts import CHAPTERS, ROOT, claim_value, glued, glued_number

CH05 = CHAPTERS / "05-capabilities-in-2009.md"
CH06 = CHAPTERS / "06-capabilities-since-1990.md"


def rows(name):
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def close(glued_value, recomputed, rel=1e-9):
    return math.isclose(glued_value, recomputed, rel_tol=rel, abs_tol=1e-12)


def members(organisation, day):
    """Full members on `day` (YYYY-MM-DD); ISO dates compare correctly as text."""
    return sorted(r["iso3"] for r in rows("memberships.csv")
                  if r["organisation"] == organisation and r["status"] == "member"
                  and r["start_date"] <= day and (not r["end_date"] or r["end_date"] >= day))


def by_key(name, key, value, **where):
    result = {}
    for r in rows(name):
        if all(r[k] == str(v) for k, v in where.items()):
            result[r[key]] = float(r[value])
    return result


@pytest.fixture(scope="module")
def cow_iso3():
    return {r["cow_code"]: r["iso3"] for r in rows("countries.csv") if r["iso3"]}


@pytest.fixture(scope="module")
def claims():
    result = {}
    for r in rows("machaffie_capability_claims.csv"):
        value = r["paper_share"] if r["unit"] == "share" else r["paper_amount"]
        result[r["claim_id"]] = dict(r, paper=float(value))
    return result


# ---- chapters/05-capabilities-in-2009

def sco_csto():
    return members("SCO", "2010-06-01"), members("CSTO", "2010-06-01")


def test_ch05_members_of_mid_2010():
    """05-capabilities-in-2009: the SCO's six and the CSTO's seven members (Uzbekistan in both)."""
    sco, csto = sco_csto()
    assert len(sco) == 6 and len(csto) == 7 and "UZB" in set(sco) & set(csto)


def test_ch05_personnel_shares_wdi_and_cow(cow_iso3):
    """05-capabilities-in-2009: Figures 1 and 2 on WDI (paramilitary included) and COW personnel, 2009."""
    sco, csto = sco_csto()
    wdi = by_key("wdi_armed_forces.csv", "iso3", "personnel", year=2009)
    cow = {cow_iso3[r["cow_code"]]: float(r["milper"]) for r in rows("nmc_capabilities.csv")
           if r["year"] == "2009" and r["milper"]}
    for source, forces in (("wdi", wdi), ("cow", cow)):
        sco_total = sum(forces[i] for i in sco)
        csto_total = sum(forces[i] for i in csto)
        assert close(glued_number(CH05, f"cap05_sco_chn_{source}"), forces["CHN"] / sco_total)
        assert close(glued_number(CH05, f"cap05_csto_rus_{source}"), forces["RUS"] / csto_total)
        assert close(glued_number(CH05, f"cap05_csto_blr_{source}"), forces["BLR"] / csto_total)


def test_ch05_wmeat_personnel_share():
    """05-capabilities-in-2009: China's share of the SCO's forces in WMEAT 2012."""
    sco, _ = sco_csto()
    af = by_key("wmeat2012.csv", "iso3", "value", year=2009, measure="armed_forces_thousands")
    assert close(glued_number(CH05, "cap05_sco_chn_wmeat"), af["CHN"] / sum(af[i] for i in sco))


def test_ch05_active_forces_basis_and_claims(claims, cow_iso3):
    """05-capabilities-in-2009: Figures 1 and 2 on COW's active military personnel (2009),
    and the claims "cap05_sco_chn_short_everywhere", "cap05_csto_blr_below_everywhere" and
    "cap05_csto_blr_wdi_highest"."""
    sco, csto = sco_csto()
    wdi = by_key("wdi_armed_forces.csv", "iso3", "personnel", year=2009)
    cow = {cow_iso3[r["cow_code"]]: float(r["milper"]) for r in rows("nmc_capabilities.csv")
           if r["year"] == "2009" and r["milper"]}
    wmeat = by_key("wmeat2012.csv", "iso3", "value", year=2009, measure="armed_forces_thousands")
    sources = {"wdi": wdi, "cow": cow, "wmeat": wmeat}
    assert close(glued_number(CH05, "cap05_sco_chn_cow"), cow["CHN"] / sum(cow[i] for i in sco))
    assert close(glued_number(CH05, "cap05_csto_blr_cow"), cow["BLR"] / sum(cow[i] for i in csto))
    assert close(glued_number(CH05, "cap05_csto_rus_cow"), cow["RUS"] / sum(cow[i] for i in csto))
    assert close(glued_number(CH05, "cap05_blr_wdi_over_cow"), wdi["BLR"] / (1000 * cow["BLR"]), 0.01)
    chn = [s["CHN"] / sum(s[i] for i in sco) for s in sources.values()]
    blr = {k: s["BLR"] / sum(s[i] for i in csto) for k, s in sources.items()}
    n_short = sum(x < claims["fig1_chn_share"]["paper"] for x in chn)
    assert claim_value(CH05, "cap05_sco_chn_short_everywhere") == f"{n_short} of 3"
    n_below = sum(x < claims["fig2_blr_share"]["paper"] for x in blr.values())
    assert claim_value(CH05, "cap05_csto_blr_below_everywhere") == f"{n_below} of 3"
    assert claim_value(CH05, "cap05_csto_blr_wdi_highest") is (max(blr, key=blr.get) == "wdi")
    # claim "cap05_gap_is_basis": every source short of the paper for China, above it for Russia
    rus = [s["RUS"] / sum(s[i] for i in sco) for s in sources.values()]
    same_side = all(x < claims["fig1_chn_share"]["paper"] for x in chn) and \
        all(x > claims["fig1_rus_share"]["paper"] for x in rus)
    assert claim_value(CH05, "cap05_gap_is_basis") is same_side
    # claim "cap05_ca_far_more": the paper's Central Asians per Russian over twice any source's
    paper_ratio = (1 - claims["fig1_chn_share"]["paper"] - claims["fig1_rus_share"]["paper"]) / \
        claims["fig1_rus_share"]["paper"]
    counted = max((1 - c - r) / r for c, r in zip(chn, rus))
    assert claim_value(CH05, "cap05_ca_far_more") is (paper_ratio > 2 * counted)


def test_ch05_required_ratio_and_implied_armenia(claims):
    """05-capabilities-in-2009: what the paper's basis needs of Russia, and Armenia's implied share."""
    wdi = by_key("wdi_armed_forces.csv", "iso3", "personnel", year=2009)
    chn, rus = claims["fig1_chn_share"]["paper"], claims["fig1_rus_share"]["paper"]
    needed = (rus / chn) / (wdi["RUS"] / wdi["CHN"])
    assert close(glued_number(CH05, "cap05_required_vs_china_wdi"), needed)
    per_russia = (1 - chn - rus) / rus
    armenia = 1 - claims["fig2_rus_share"]["paper"] - claims["fig2_blr_share"]["paper"] \
        - per_russia * claims["fig2_rus_share"]["paper"]
    assert close(glued_number(CH05, "cap05_armenia_implied"), armenia)


def test_ch05_warheads_2009():
    """05-capabilities-in-2009: FAS stockpiles and Suh's first-strike count, 2009."""
    stock = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="stockpile")
    first = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="first_strike_deliverable")
    assert glued_number(CH05, "cap05_rus_stockpile") == stock["RUS"]
    assert glued_number(CH05, "cap05_chn_stockpile") == stock["CHN"]
    assert glued_number(CH05, "cap05_rus_first_strike") == first["RUS"]


@pytest.fixture(scope="module")
def current_2009():
    return {k: v / 1000 for k, v in
            by_key("sipri_milex.csv", "iso3", "value", year=2009, measure="current_usd_m").items()}


def test_ch05_figure_3_shares_ranks_and_top_ten(current_2009):
    """05-capabilities-in-2009: 2009 current-dollar shares of the sum over all countries."""
    world = sum(current_2009.values())
    ranked = sorted(current_2009, key=current_2009.get, reverse=True)
    assert close(glued_number(CH05, "cap05_world_current"), world)
    assert glued_number(CH05, "cap05_n_countries") == len(current_2009)
    for iso in ("USA", "CHN", "RUS"):
        assert close(glued_number(CH05, f"cap05_{iso.lower()}_share"), current_2009[iso] / world)
    assert glued_number(CH05, "cap05_chn_rank") == ranked.index("CHN") + 1
    assert glued_number(CH05, "cap05_rus_rank") == ranked.index("RUS") + 1
    assert close(glued_number(CH05, "cap05_top10_share"), sum(current_2009[i] for i in ranked[:10]) / world)
    assert close(glued_number(CH05, "cap05_rus_ahead_of_jpn"), current_2009["RUS"] - current_2009["JPN"])


def test_ch05_implied_world_totals_and_published_fits(claims):
    """05-capabilities-in-2009: the world totals the paper implies and SIPRI's figures as published."""
    assert close(glued_number(CH05, "cap05_implied_world_china"),
                 claims["fig3_chn_usd"]["paper"] / claims["fig3_chn_share"]["paper"])
    published = rows("sipri_milex_as_published.csv")
    world = {int(r["data_year"]): float(r["value_usd_bn"]) for r in published if r["scope"] == "world"}
    release = {r["iso3"]: float(r["value_usd_bn"]) for r in published
               if r["data_year"] == "2008" and r["scope"] == "country"}
    assert close(glued_number(CH05, "cap05_chn_2008_published"), release["CHN"] / world[2008])
    assert close(glued_number(CH05, "cap05_rus_2008_published"), release["RUS"] / world[2008])
    top = sorted(release.values(), reverse=True)[:10]
    assert close(glued_number(CH05, "cap05_top10_2008_published"), sum(top) / world[2008])
    assert close(glued_number(CH05, "cap05_usa_fit_2009_published"), claims["fig3_usa_usd"]["paper"] / world[2009])


def test_ch05_spectrum_places(cow_iso3):
    """05-capabilities-in-2009: Figure 4's placement of the three dyads in 2010."""
    points = by_key("unga_ideal_points.csv", "iso3", "ideal_point", year=2010)
    widest = max(abs(points[a] - points[b]) for a, b in itertools.combinations(points, 2))
    allied = {frozenset((cow_iso3[r["cow_code_1"]], cow_iso3[r["cow_code_2"]]))
              for r in rows("atop_dyad_years.csv") if r["year"] == "2010" and r["defense"] == "1"}
    levels = ["ally", "low-level threat", "modest threat", "high-level threat", "adversary"]
    for a, b in (("RUS", "CHN"), ("USA", "RUS"), ("USA", "CHN")):
        distance = abs(points[a] - points[b]) / widest
        level = 0 if frozenset((a, b)) in allied else 1 + sum(distance >= t for t in (0.25, 0.5, 0.75))
        key = f"{a}_{b}".lower()
        assert close(glued_number(CH05, f"cap05_distance_{key}_2010"), distance)
        assert glued(CH05)[f"cap05_place_{key}_2010"] == levels[level]


BOOK_RULE = {"share": (0.005, 0.02), "amount": (0.05, 0.15), "rank": (0, 1)}


def verdict(paper, book, unit, relation, basis="measured", rule=BOOK_RULE):
    """The book's rule, written out again: points for shares, relative gaps for amounts."""
    if basis == "unmeasured":
        return "not checkable on the paper's basis"
    if book is None:
        return "not checkable"
    if relation == "less_than":
        return "reproduced" if book < paper else "not reproduced"
    if unit == "rank":
        gap, (within, near) = abs(book - paper), rule["rank"]
    elif unit == "share":
        gap, (within, near) = abs(book - paper), rule["share"]
    elif paper == 0:
        return "reproduced" if book == 0 else "not reproduced"
    else:
        gap, (within, near) = abs(book / paper - 1), rule["amount"]
    return "reproduced" if gap <= within + 1e-12 else "close" if gap <= near + 1e-12 else "not reproduced"


def ch05_verdicts(claims, current_2009, rule=BOOK_RULE):
    """Every replication verdict of chapter 05, recomputed with the rule above."""
    sco, csto = sco_csto()
    wdi = by_key("wdi_armed_forces.csv", "iso3", "personnel", year=2009)
    stock = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="stockpile")
    first = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="first_strike_deliverable")
    world = sum(current_2009.values())
    ranked = sorted(current_2009, key=current_2009.get, reverse=True)
    book = defaultdict(lambda: None, {
        "fig1_chn_share": wdi["CHN"] / sum(wdi[i] for i in sco),
        "fig1_rus_share": wdi["RUS"] / sum(wdi[i] for i in sco),
        "fig2_rus_share": wdi["RUS"] / sum(wdi[i] for i in csto),
        "fig2_blr_share": wdi["BLR"] / sum(wdi[i] for i in csto),
        "warheads_rus": first["RUS"], "warheads_chn": stock["CHN"],
        "warheads_sco_small": sum(stock.get(i, 0) for i in sco if i not in ("CHN", "RUS")),
        "warheads_csto_rus_share": stock["RUS"] / sum(stock.get(i, 0) for i in csto),
        "fig3_usa_usd": current_2009["USA"], "fig3_chn_usd": current_2009["CHN"],
        "fig3_rus_usd": current_2009["RUS"], "fig3_usa_share": current_2009["USA"] / world,
        "fig3_chn_share": current_2009["CHN"] / world, "fig3_rus_share": current_2009["RUS"] / world,
        "fig3_top10_share": sum(current_2009[i] for i in ranked[:10]) / world,
        "fig3_chn_rank": ranked.index("CHN") + 1, "fig3_rus_rank": ranked.index("RUS") + 1,
    })
    return {c: verdict(r["paper"], book[c], r["unit"], r["relation"], r["paper_basis"], rule)
            for c, r in claims.items()}


def test_ch05_verdicts(claims, current_2009):
    """05-capabilities-in-2009: the replication table's verdicts and their counts."""
    verdicts = ch05_verdicts(claims, current_2009)
    for claim_id, expected in verdicts.items():
        assert glued(CH05)[f"cap05_verdict_{claim_id}"] == expected, claim_id
    for name in ("reproduced", "close", "not reproduced", "not checkable",
                 "not checkable on the paper's basis"):
        key = name.replace("'", "").replace(" ", "_")
        assert glued_number(CH05, f"cap05_n_{key}") == list(verdicts.values()).count(name)
    assert glued_number(CH05, "cap05_n_claims") == len(claims)


# ---- chapters/06-capabilities-since-1990

@pytest.fixture(scope="module")
def constant():
    series = defaultdict(dict)
    for r in rows("sipri_milex.csv"):
        if r["measure"] == "constant_2023_usd_m":
            series[r["iso3"]][int(r["year"])] = float(r["value"]) / 1000
    return series


def test_ch06_spending_shares_and_ratios(constant):
    """06-capabilities-since-1990: constant-dollar shares and ratios, 2009 and latest."""
    world = {int(r["year"]): float(r["value_usd_bn"]) for r in rows("sipri_milex_world.csv")
             if r["price_basis"] == "constant_2023_usd"}
    latest = max(world)
    assert glued_number(CH06, "cap06_latest_milex") == latest
    for iso in ("USA", "CHN", "RUS"):
        assert close(glued_number(CH06, f"cap06_milex_share_{iso.lower()}_2009"), constant[iso][2009] / world[2009])
        assert close(glued_number(CH06, f"cap06_milex_share_{iso.lower()}_latest"),
                     constant[iso][latest] / world[latest])
    assert close(glued_number(CH06, "cap06_us_over_china_latest"), constant["USA"][latest] / constant["CHN"][latest])
    ratios = {y: constant["CHN"][y] / constant["RUS"][y] for y in range(2009, latest + 1)}
    assert close(glued_number(CH06, "cap06_china_over_russia_peak"), max(ratios.values()))
    assert glued_number(CH06, "cap06_china_over_russia_peak_year") == max(ratios, key=ratios.get)


def test_ch06_china_in_the_founding_sco():
    """06-capabilities-since-1990: China's share of the SCO-six's forces (WDI), 2009 and highest."""
    sco = members("SCO", "2010-06-01")
    wdi = defaultdict(dict)
    for r in rows("wdi_armed_forces.csv"):
        wdi[int(r["year"])][r["iso3"]] = float(r["personnel"])
    shares = {y: f["CHN"] / sum(f[i] for i in sco) for y, f in wdi.items() if y >= 1992 and all(i in f for i in sco)}
    assert close(glued_number(CH06, "cap06_china_in_sco_2009"), shares[2009])
    assert close(glued_number(CH06, "cap06_china_in_sco_max"), max(shares.values()))


def test_ch06_stockpile_ratios():
    """06-capabilities-since-1990: Russia's stockpile over China's, 2009 and latest."""
    stock = defaultdict(dict)
    for r in rows("nuclear_warheads.csv"):
        if r["measure"] == "stockpile":
            stock[int(r["year"])][r["iso3"]] = int(r["value"])
    latest = max(stock)
    assert close(glued_number(CH06, "cap06_rus_over_chn_latest"), stock[latest]["RUS"] / stock[latest]["CHN"])
    assert close(glued_number(CH06, "cap06_rus_over_chn_2009"), stock[2009]["RUS"] / stock[2009]["CHN"])


def test_ch06_enlarged_sco_and_nato_spending():
    """06-capabilities-since-1990: the SCO's and NATO's shares of 2024 spending (members at end 2024)."""
    spending = by_key("sipri_milex.csv", "iso3", "value", year=2024, measure="current_usd_m")
    world = sum(spending.values())
    for organisation, key in (("SCO", "sco"), ("NATO", "nato")):
        share = sum(spending.get(i, 0) for i in members(organisation, "2024-12-31")) / world
        assert close(glued_number(CH06, f"cap06_{key}_milex_latest"), share)
    assert glued_number(CH06, "cap06_n_nato_latest") == len(members("NATO", "2024-12-31"))


def test_ch06_ppp_versus_exchange_rates():
    """06-capabilities-since-1990: China's spending relative to the US's in WMEAT 2009, two bases."""
    wmeat = defaultdict(dict)
    for r in rows("wmeat2012.csv"):
        if r["year"] == "2009":
            wmeat[r["measure"]][r["iso3"]] = float(r["value"])
    ppp, mer = wmeat["milex_ppp_usd_m"], wmeat["milex_current_usd_m"]
    assert close(glued_number(CH06, "cap06_chn_over_usa_ppp"), ppp["CHN"] / ppp["USA"])
    assert close(glued_number(CH06, "cap06_chn_over_usa_mer"), mer["CHN"] / mer["USA"])


def test_ch06_relative_un_distances():
    """06-capabilities-since-1990: UN voting distances relative to the widest pair, latest year."""
    points = defaultdict(dict)
    for r in rows("unga_ideal_points.csv"):
        points[int(r["year"])][r["iso3"]] = float(r["ideal_point"])
    latest = max(points)
    p = points[latest]
    span = max(p.values()) - min(p.values())
    assert close(glued_number(CH06, "cap06_distance_usa_rus_latest"), abs(p["USA"] - p["RUS"]) / span)
    assert close(glued_number(CH06, "cap06_distance_rus_chn_latest"), abs(p["RUS"] - p["CHN"]) / span)


def test_ch06_top_ten_today():
    """06-capabilities-since-1990 (exercise): the 2024 top ten's share of SIPRI's world total."""
    spending = by_key("sipri_milex.csv", "iso3", "value", year=2024, measure="current_usd_m")
    world = next(float(r["value_usd_bn"]) for r in rows("sipri_milex_world.csv")
                 if r["year"] == "2024" and r["price_basis"] == "current_2024_usd")
    top = sorted(spending.values(), reverse=True)[:10]
    assert close(glued_number(CH06, "cap06_ex_top10_share_2024"), sum(top) / 1000 / world)


def test_ch05_warheads_fail_under_every_rule(claims):
    """05-capabilities-in-2009 (exercise): claim "cap05_ex_core_always_fail" — Russia's
    warheads are not reproduced under the strict (10%), the book's (15%) and the loose (25%) rule."""
    first = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="first_strike_deliverable")
    gap = abs(first["RUS"] / claims["warheads_rus"]["paper"] - 1)
    assert claim_value(CH05, "cap05_ex_core_always_fail") is all(gap > near for near in (0.10, 0.15, 0.25))


def wdi_by_year():
    wdi = defaultdict(dict)
    for r in rows("wdi_armed_forces.csv"):
        wdi[int(r["year"])][r["iso3"]] = float(r["personnel"])
    return wdi


def test_ch06_personnel_claims(constant, claims):
    """06-capabilities-since-1990: claims "cap06_china_short_every_year" and "cap06_china_cut_forces"."""
    sco = members("SCO", "2010-06-01")
    wdi = wdi_by_year()
    shares = {y: f["CHN"] / sum(f[i] for i in sco) for y, f in wdi.items() if y >= 1992 and all(i in f for i in sco)}
    short = sum(s < claims["fig1_chn_share"]["paper"] for s in shares.values())
    assert claim_value(CH06, "cap06_china_short_every_year") == f"{short} of {len(shares)}"
    first = min(y for y, f in wdi.items() if all(i in f for i in ("USA", "CHN", "RUS")))
    latest = max(wdi)
    growth = constant["CHN"][latest] / constant["CHN"][first]
    assert close(glued_number(CH06, "cap06_chn_spending_growth"), growth)
    assert claim_value(CH06, "cap06_china_cut_forces") is (wdi[latest]["CHN"] < wdi[first]["CHN"] and growth > 2)


def test_ch06_spending_lead_claims(constant):
    """06-capabilities-since-1990: claims "cap06_lead_vs_2009" and "cap06_lead_shrunk_since_peak"."""
    latest = max(y for y in constant["CHN"] if y in constant["RUS"])
    ratio = {y: constant["CHN"][y] / constant["RUS"][y] for y in range(2009, latest + 1)}
    assert claim_value(CH06, "cap06_lead_vs_2009") == ("smaller" if ratio[latest] < ratio[2009] else "larger")
    assert claim_value(CH06, "cap06_lead_shrunk_since_peak") is (ratio[latest] < max(ratio.values()))


def test_ch06_sco_and_nato_claims():
    """06-capabilities-since-1990: claims "cap06_sco_more_forces_than_nato" and
    "cap06_more_people_than_money" (spending 2024, current dollars; forces WDI 2018)."""
    spending = by_key("sipri_milex.csv", "iso3", "value", year=2024, measure="current_usd_m")
    wdi = wdi_by_year()[2018]
    world_forces = next(float(r["personnel"]) for r in rows("wdi_armed_forces_world.csv") if r["year"] == "2018")
    sco, nato = members("SCO", "2024-12-31"), members("NATO", "2024-12-31")

    def share(states, values, total):
        return sum(values.get(i, 0) for i in states) / total
    world_spending = sum(spending.values())
    sco_f, nato_f = share(sco, wdi, world_forces), share(nato, wdi, world_forces)
    sco_m, nato_m = share(sco, spending, world_spending), share(nato, spending, world_spending)
    assert close(glued_number(CH06, "cap06_sco_forces_latest"), sco_f)
    assert claim_value(CH06, "cap06_sco_more_forces_than_nato") is (sco_f > nato_f and sco_m < nato_m)
    cr_f, cr_m = share(["CHN", "RUS"], wdi, world_forces), share(["CHN", "RUS"], spending, world_spending)
    assert claim_value(CH06, "cap06_more_people_than_money") is (sco_f - cr_f > sco_m - cr_m)


def test_ch06_largest_force_on_two_bases():
    """06-capabilities-since-1990 (exercise): claim "cap06_ex_largest_depends_on_basis" — the
    largest force of today's SCO on the World Bank's count (2018) and on COW's active military
    personnel (2016)."""
    sco = members("SCO", "2024-12-31")
    wdi = wdi_by_year()[2018]
    cow_code = {r["iso3"]: r["cow_code"] for r in rows("countries.csv") if r["iso3"]}
    cow = {r["cow_code"]: float(r["milper"]) for r in rows("nmc_capabilities.csv")
           if r["year"] == "2016" and r["milper"]}
    active = {i: cow[cow_code[i]] for i in sco}
    wdi_largest = max(sco, key=lambda i: wdi[i])
    active_largest = max(sco, key=lambda i: active[i])
    assert close(glued_number(CH06, "cap06_ex_china_enlarged"), wdi["CHN"] / sum(wdi[i] for i in sco))
    assert close(glued_number(CH06, "cap06_ex_china_enlarged_active"), active["CHN"] / sum(active[i] for i in sco))
    assert glued_number(CH06, "cap06_ex_latest_cow") == 2016
    assert claim_value(CH06, "cap06_ex_largest_depends_on_basis") is (wdi_largest != active_largest)


def test_ch05_consistency_and_exercise_claims(claims, cow_iso3):
    """05-capabilities-in-2009: claims "cap05_figures_consistent" (Armenia's implied share) and
    "cap05_ex_no_year_fits" (no year of WDI or COW gives Figure 1)."""
    sco, csto = sco_csto()
    wdi = by_key("wdi_armed_forces.csv", "iso3", "personnel", year=2009)
    chn, rus = claims["fig1_chn_share"]["paper"], claims["fig1_rus_share"]["paper"]
    per_russia = (1 - chn - rus) / rus
    armenia = 1 - claims["fig2_rus_share"]["paper"] - claims["fig2_blr_share"]["paper"] \
        - per_russia * claims["fig2_rus_share"]["paper"]
    arm_wdi = wdi["ARM"] / sum(wdi[i] for i in csto)
    assert claim_value(CH05, "cap05_figures_consistent") is (armenia > 0 and abs(armenia - arm_wdi) < 0.02)
    series = {"wdi": defaultdict(dict), "cow": defaultdict(dict)}
    for r in rows("wdi_armed_forces.csv"):
        series["wdi"][int(r["year"])][r["iso3"]] = float(r["personnel"])
    for r in rows("nmc_capabilities.csv"):
        if r["milper"] and r["cow_code"] in cow_iso3:
            series["cow"][int(r["year"])][cow_iso3[r["cow_code"]]] = float(r["milper"])
    fits = False
    for by_year in series.values():
        for year, f in by_year.items():
            if year >= 1992 and all(i in f for i in sco):
                total = sum(f[i] for i in sco)
                if abs(f["CHN"] / total - chn) <= 0.02 or f["RUS"] / total <= rus + 0.02:
                    fits = True
    assert claim_value(CH05, "cap05_ex_no_year_fits") is (not fits)


def test_ch05_constant_dollar_exercise(claims, current_2009):
    """05-capabilities-in-2009 (exercise cap05-ex-constant-dollars): claim
    "cap05_ex_n_closer_constant" — how many of MacHaffie's three Figure 3 shares are nearer
    the paper in constant 2023 dollars (SIPRI's world total) than in current dollars (sum
    over all countries), and the words the count chooses."""
    world_current = sum(current_2009.values())
    constant = by_key("sipri_milex.csv", "iso3", "value", year=2009, measure="constant_2023_usd_m")
    world_constant = next(float(r["value_usd_bn"]) for r in rows("sipri_milex_world.csv")
                          if r["year"] == "2009" and r["price_basis"] == "constant_2023_usd")
    closer = 0
    for iso in ("USA", "CHN", "RUS"):
        paper = claims[f"fig3_{iso.lower()}_share"]["paper"]
        in_current = current_2009[iso] / world_current
        in_constant = constant[iso] / 1000 / world_constant
        closer += abs(in_constant - paper) < abs(in_current - paper)
    words = {3: "all three", 0: "none"}.get(closer, f"{closer} of the three")
    assert claim_value(CH05, "cap05_ex_n_closer_constant") == f"{closer} of 3"
    assert glued(CH05)["cap05_ex_n_closer_constant"] == words
    assert close(glued_number(CH05, "cap05_ex_usa_constant"), constant["USA"] / 1000 / world_constant)


def spectrum_levels(points, allied, bins, dyads):
    """Each dyad's level (0 ally ... 4 adversary): its distance relative to the widest pair
    of `points`, binned at `bins` (a distance on a bin edge goes to the higher band)."""
    widest = max(abs(points[a] - points[b]) for a, b in itertools.combinations(points, 2))
    return [0 if frozenset((a, b)) in allied
            else 1 + sum(abs(points[a] - points[b]) / widest >= t for t in bins) for a, b in dyads]


def quantile(values, q):
    """The q-quantile with linear interpolation between order statistics."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (position - low) * (ordered[high] - ordered[low])


def _spectrum_exercise_inputs(cow_iso3):
    """Exercise cap05-ex-spectrum's inputs for 2010: final-passage and all-votes ideal
    points, the allied dyads (ATOP defence pacts), quartile bins of the relative distances
    and the three dyads."""
    final = by_key("unga_ideal_points.csv", "iso3", "ideal_point", year=2010)
    every_vote = by_key("unga_ideal_points.csv", "iso3", "ideal_point_all_votes", year=2010)
    allied = {frozenset((cow_iso3[r["cow_code_1"]], cow_iso3[r["cow_code_2"]]))
              for r in rows("atop_dyad_years.csv") if r["year"] == "2010" and r["defense"] == "1"}
    distances = [abs(final[a] - final[b]) for a, b in itertools.combinations(final, 2)]
    quartiles = [quantile([d / max(distances) for d in distances], q) for q in (0.25, 0.5, 0.75)]
    dyads = (("RUS", "CHN"), ("USA", "RUS"), ("USA", "CHN"))
    return final, every_vote, allied, quartiles, dyads


def _spectrum_variants(final, every_vote, allied, quartiles, dyads):
    """The three placements: the book's rule, all-votes ideal points, quartile bins."""
    return [spectrum_levels(final, allied, (0.25, 0.5, 0.75), dyads),
            spectrum_levels(every_vote, allied, (0.25, 0.5, 0.75), dyads),
            spectrum_levels(final, allied, quartiles, dyads)]


def test_ch05_spectrum_exercise(cow_iso3):
    """05-capabilities-in-2009 (exercise cap05-ex-spectrum): claims "cap05_ex_n_survive" (how
    many of the three 2010 placements are the same under all-votes ideal points and under
    quartile bins) and "cap05_ex_order_kept" (the dense rank order of the three dyads is the
    same under the book's rule and both variants)."""
    final, every_vote, allied, quartiles, dyads = _spectrum_exercise_inputs(cow_iso3)
    variants = _spectrum_variants(final, every_vote, allied, quartiles, dyads)
    survive = sum(len(set(levels)) == 1 for levels in zip(*variants))
    assert claim_value(CH05, "cap05_ex_n_survive") == f"{survive} of 3"
    assert glued(CH05)["cap05_ex_n_survive"] == {3: "every one", 0: "none"}.get(survive, f"{survive} of the three")

    def dense_ranks(levels):
        return [sorted(set(levels)).index(level) for level in levels]
    kept = all(dense_ranks(v) == dense_ranks(variants[0]) for v in variants)
    assert claim_value(CH05, "cap05_ex_order_kept") is kept
    assert glued(CH05)["cap05_ex_order_kept"] == ("keep" if kept else "do not keep")


def test_ch06_what_changed_claims(constant):
    """06-capabilities-since-1990: claims "cap06_us_still_first", "cap06_nuclear_lead_cut" and
    "cap06_votes_apart"."""
    latest = max(y for y in constant["USA"] if y in constant["CHN"])
    ratio = {y: constant["USA"][y] / constant["CHN"][y] for y in (2009, latest)}
    assert claim_value(CH06, "cap06_us_still_first") is (ratio[latest] > 1 and ratio[latest] < ratio[2009])
    stock = defaultdict(dict)
    for r in rows("nuclear_warheads.csv"):
        if r["measure"] == "stockpile":
            stock[int(r["year"])][r["iso3"]] = int(r["value"])
    last = max(stock)
    assert claim_value(CH06, "cap06_nuclear_lead_cut") is (
        stock[last]["RUS"] / stock[last]["CHN"] < stock[2009]["RUS"] / stock[2009]["CHN"])
    points = defaultdict(dict)
    for r in rows("unga_ideal_points.csv"):
        points[int(r["year"])][r["iso3"]] = float(r["ideal_point"])
    def rel(y, a, b):
        p = points[y]
        return abs(p[a] - p[b]) / (max(p.values()) - min(p.values()))
    un = max(points)
    assert claim_value(CH06, "cap06_votes_apart") is (
        rel(un, "USA", "RUS") > rel(2009, "USA", "RUS") and rel(un, "RUS", "CHN") < rel(2009, "RUS", "CHN"))


def test_ch05_nuclear_and_figure_3_claims(claims, current_2009):
    """05-capabilities-in-2009: claims "cap05_china_bound_safe", "cap05_rus_below_both",
    "cap05_ranks_hold" and "cap05_no_source_all_three"."""
    stock = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="stockpile")
    first = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="first_strike_deliverable")
    assert claim_value(CH05, "cap05_china_bound_safe") is (stock["CHN"] < claims["warheads_chn"]["paper"])
    paper_rus = claims["warheads_rus"]["paper"]
    assert claim_value(CH05, "cap05_rus_below_both") is (paper_rus < stock["RUS"] and paper_rus < first["RUS"])
    ranked = sorted(current_2009, key=current_2009.get, reverse=True)
    assert claim_value(CH05, "cap05_ranks_hold") is (
        ranked.index("CHN") + 1 == claims["fig3_chn_rank"]["paper"] and ranked.index("RUS") + 1 == claims["fig3_rus_rank"]["paper"])
    world = sum(current_2009.values())
    wmeat = by_key("wmeat2012.csv", "iso3", "value", year=2009, measure="milex_current_usd_m")
    wmeat_world = next(float(r["value"]) for r in rows("wmeat2012_world.csv")
                       if r["year"] == "2009" and r["measure"] == "milex_current_usd_m")
    sources = [{i: current_2009[i] / world for i in ("USA", "CHN", "RUS")},
               {i: wmeat[i] / wmeat_world for i in ("USA", "CHN", "RUS")}]
    ok = [all(abs(s[i] - claims[f"fig3_{i.lower()}_share"]["paper"]) <= 0.005 for i in s) for s in sources]
    assert claim_value(CH05, "cap05_no_source_all_three") is (not any(ok))


def test_ch05_figure_3_prose_claims(claims, current_2009):
    """05-capabilities-in-2009: the prose on MacHaffie's Figure 3 and the two SIPRI releases —
    claims "cap05_dollars_reproduce", "cap05_shares_do_less_well", "cap05_us_several_times",
    "cap05_implied_totals_differ", "cap05_not_one_total", "cap05_us_share_fits_2009",
    "cap05_sipri_us_below_paper", "cap05_summary_not_papers", "cap05_fits_2008_release",
    "cap05_rus_fell_back", "cap05_dollars_are_2009" and "cap05_fig3_two_years", each
    recomputed from sipri_milex.csv, sipri_milex_as_published.csv and the paper's numbers
    with the replication rule's thresholds (half a point for a share, 5% for an amount)."""
    share_rule, amount_rule = 0.005 + 1e-12, 0.05
    world = sum(current_2009.values())
    paper = {k: v["paper"] for k, v in claims.items()}
    trio = ("usa", "chn", "rus")
    dollars_ok = all(abs(current_2009[i.upper()] / paper[f"fig3_{i}_usd"] - 1) <= amount_rule for i in trio)
    assert claim_value(CH05, "cap05_dollars_reproduce") is dollars_ok
    shares_off = any(abs(current_2009[i.upper()] / world - paper[f"fig3_{i}_share"]) > share_rule for i in trio)
    assert claim_value(CH05, "cap05_shares_do_less_well") is shares_off
    ratio = current_2009["USA"] / (current_2009["CHN"] + current_2009["RUS"])
    assert close(glued_number(CH05, "cap05_us_over_chn_rus"), ratio)
    assert claim_value(CH05, "cap05_us_several_times") is (ratio >= 3)
    implied = [paper[f"fig3_{i}_usd"] / paper[f"fig3_{i}_share"] for i in trio]
    spread = max(implied) / min(implied) - 1
    assert close(glued_number(CH05, "cap05_implied_world_spread"), spread)
    assert claim_value(CH05, "cap05_implied_totals_differ") is (spread > amount_rule)
    assert claim_value(CH05, "cap05_not_one_total") is (spread > amount_rule)

    published = rows("sipri_milex_as_published.csv")
    world_then = {int(r["data_year"]): float(r["value_usd_bn"]) for r in published if r["scope"] == "world"}
    sipri_2009 = {r["scope"]: float(r["share_of_world"]) for r in published
                  if r["data_year"] == "2009" and r["reported_by"] == "SIPRI" and r["share_of_world"]}
    summary = {r["iso3"]: float(r["share_of_world"]) for r in published if r["reported_by"] == "secondary summary"}
    release_2008 = {r["iso3"]: float(r["value_usd_bn"]) for r in published
                    if r["data_year"] == "2008" and r["scope"] == "country"}
    us_fits = abs(paper["fig3_usa_usd"] / world_then[2009] - paper["fig3_usa_share"]) <= share_rule
    assert claim_value(CH05, "cap05_us_share_fits_2009") is us_fits
    assert glued(CH05)["cap05_us_share_fits_2009"] == ("fits" if us_fits else "does not fit")
    below = sipri_2009["country"] * world_then[2009] / paper["fig3_usa_usd"] - 1 < -amount_rule
    assert claim_value(CH05, "cap05_sipri_us_below_paper") is below
    off = tuple(abs(summary[i.upper()] - paper[f"fig3_{i}_share"]) > share_rule for i in ("chn", "rus"))
    key = {(True, True): "both_off", (True, False): "china_off", (False, True): "russia_off",
           (False, False): "both_match"}[off]
    assert claim_value(CH05, "cap05_summary_not_papers") == key
    top_2008 = sum(sorted(release_2008.values(), reverse=True)[:10])
    fits_2008 = (abs(release_2008["CHN"] / world_then[2008] - paper["fig3_chn_share"]) <= share_rule
                 and abs(release_2008["RUS"] / world_then[2008] - paper["fig3_rus_share"]) <= share_rule
                 and abs(top_2008 / world_then[2008] - paper["fig3_top10_share"]) <= share_rule)
    assert claim_value(CH05, "cap05_fits_2008_release") is fits_2008
    assert claim_value(CH05, "cap05_rus_fell_back") is (current_2009["RUS"] < release_2008["RUS"])
    are_2009 = all(abs(v / paper[f"fig3_{i}_usd"] - 1) <= amount_rule for i in ("chn", "rus")
                   for v in (current_2009[i.upper()], summary[i.upper()] * world_then[2009]))
    not_2008 = all(abs(release_2008[i.upper()] / paper[f"fig3_{i}_usd"] - 1) > amount_rule for i in ("chn", "rus"))
    assert claim_value(CH05, "cap05_dollars_are_2009") is (are_2009 and not_2008)
    assert claim_value(CH05, "cap05_fig3_two_years") is (us_fits and fits_2008 and are_2009 and not_2008)


def spectrum_2010_and_last(cow_iso3, column="ideal_point", years=None):
    """Relative UN distance and defence tie of every pair of the book's states, by year."""
    atop = rows("atop_dyad_years.csv")
    years = years or (2010, max(int(r["year"]) for r in atop))
    result = {}
    for year in years:
        points = {k: v for k, v in ((r["iso3"], r[column]) for r in rows("unga_ideal_points.csv")
                                    if r["year"] == str(year)) if v}
        points = {k: float(v) for k, v in points.items()}
        widest = max(abs(points[a] - points[b]) for a, b in itertools.combinations(points, 2))
        allied = {frozenset((cow_iso3[r["cow_code_1"]], cow_iso3[r["cow_code_2"]]))
                  for r in atop if r["year"] == str(year) and r["defense"] == "1"}
        result[year] = {(a, b): (abs(points[a] - points[b]) / widest, frozenset((a, b)) in allied)
                        for a, b in itertools.permutations(points, 2)}
    return result


def test_ch05_spectrum_prose_claims(cow_iso3):
    """05-capabilities-in-2009: claims "cap05_rus_chn_as_close_as_allies" (a treaty-ally dyad
    of the book's sixteen, US–Pakistan aside, at least as far apart as Russia–China in 2010),
    "cap05_us_nearer_adversary" (both US dyads above one half in 2010 and the last ATOP year)
    and "cap05_us_pak_weakness" (US–Pakistan allied yet above one half in both years)."""
    dyads = [("RUS", "CHN"), ("USA", "RUS"), ("USA", "CHN"), ("USA", "GBR"), ("USA", "FRA"),
             ("RUS", "BLR"), ("RUS", "KAZ"), ("RUS", "ARM"), ("CHN", "KAZ"), ("CHN", "PAK"),
             ("CHN", "IND"), ("RUS", "IND"), ("USA", "IND"), ("USA", "PAK"), ("RUS", "IRN"), ("USA", "IRN")]
    years = spectrum_2010_and_last(cow_iso3)
    in_2010 = years[2010]
    russia_china = in_2010[("RUS", "CHN")][0]
    as_close = any(tied and distance >= russia_china for d, (distance, tied) in
                   ((d, in_2010[d]) for d in dyads) if d != ("USA", "PAK"))
    assert claim_value(CH05, "cap05_rus_chn_as_close_as_allies") is as_close
    nearer = all(by_dyad[d][0] > 0.5 for by_dyad in years.values() for d in (("USA", "RUS"), ("USA", "CHN")))
    assert claim_value(CH05, "cap05_us_nearer_adversary") is nearer
    weakness = all(by_dyad[("USA", "PAK")][1] and by_dyad[("USA", "PAK")][0] > 0.5 for by_dyad in years.values())
    assert claim_value(CH05, "cap05_us_pak_weakness") is weakness


def test_ch05_spectrum_exercise_order(cow_iso3):
    """05-capabilities-in-2009 (exercise cap05-ex-spectrum): claims "cap05_ex_quartiles_push",
    "cap05_ex_rus_chn_nearest", "cap05_ex_us_bands" (on the bands US–Russia and China–US tie
    or not, under the three rules) and "cap05_ex_chn_us_further" (by distance, with both sets
    of ideal points)."""
    final, every_vote, allied, quartiles, dyads = _spectrum_exercise_inputs(cow_iso3)
    variants = _spectrum_variants(final, every_vote, allied, quartiles, dyads)
    book = variants[0]
    pushed = sum(q == b + 1 for q, b in zip(variants[2], book))
    assert claim_value(CH05, "cap05_ex_quartiles_push") == f"{pushed} of 3"
    assert claim_value(CH05, "cap05_ex_rus_chn_nearest") is all(v[0] < min(v[1], v[2]) for v in variants)
    gaps = [v[2] - v[1] for v in variants]
    key = ("tie" if all(g == 0 for g in gaps) else "china_further" if all(g > 0 for g in gaps)
           else "russia_further" if all(g < 0 for g in gaps) else "mixed")
    assert claim_value(CH05, "cap05_ex_us_bands") == key
    further = all(abs(p["USA"] - p["CHN"]) > abs(p["USA"] - p["RUS"]) for p in (final, every_vote))
    assert claim_value(CH05, "cap05_ex_chn_us_further") is further
    widest_all = max(abs(every_vote[a] - every_vote[b]) for a, b in itertools.combinations(every_vote, 2))
    assert close(glued_number(CH05, "cap05_ex_distance_usa_chn_all"),
                 abs(every_vote["USA"] - every_vote["CHN"]) / widest_all)


def test_ch06_spending_and_share_prose_claims(constant, cow_iso3):
    """06-capabilities-since-1990: claims "cap06_lead_widened_then_narrowed",
    "cap06_us_lead_narrowed", "cap06_constant_flatters_us", "cap06_exchange_rate_widest" (and
    its summary twin "cap06_exchange_rate_widest_summary") and "cap06_personnel_vary_less",
    the 2009 shares rebuilt from COW, SIPRI, WMEAT and the World Bank."""
    latest = max(y for y in constant["CHN"] if y in constant["RUS"])
    lead = {y: constant["CHN"][y] / constant["RUS"][y] for y in range(2009, latest + 1)}
    peak = max(lead.values())
    assert claim_value(CH06, "cap06_lead_widened_then_narrowed") is (peak > lead[2009] and lead[latest] < peak)
    us = {y: constant["USA"][y] / constant["CHN"][y] for y in (2009, latest)}
    assert claim_value(CH06, "cap06_us_lead_narrowed") is (us[latest] < us[2009])

    trio = ("USA", "CHN", "RUS")
    world_constant = next(float(r["value_usd_bn"]) * 1000 for r in rows("sipri_milex_world.csv")
                          if r["year"] == "2009" and r["price_basis"] == "constant_2023_usd")
    current = by_key("sipri_milex.csv", "iso3", "value", year=2009, measure="current_usd_m")
    cow_world = next(r for r in rows("nmc_world_totals.csv") if r["year"] == "2009")
    cow = {cow_iso3[r["cow_code"]]: r for r in rows("nmc_capabilities.csv")
           if r["year"] == "2009" and r["cow_code"] in cow_iso3}
    wmeat = defaultdict(dict)
    for r in rows("wmeat2012.csv"):
        if r["year"] == "2009":
            wmeat[r["measure"]][r["iso3"]] = float(r["value"])
    wmeat_world = {r["measure"]: float(r["value"]) for r in rows("wmeat2012_world.csv") if r["year"] == "2009"}
    wdi_world = next(float(r["personnel"]) for r in rows("wdi_armed_forces_world.csv") if r["year"] == "2009")
    wdi = wdi_by_year()[2009]
    spending = {
        "cow": {i: float(cow[i]["milex"]) / float(cow_world["milex_world_total"]) for i in trio},
        "sipri current": {i: current[i] / sum(current.values()) for i in trio},
        "sipri constant": {i: constant[i][2009] * 1000 / world_constant for i in trio},
        "wmeat": {i: wmeat["milex_current_usd_m"][i] / wmeat_world["milex_current_usd_m"] for i in trio},
        "wmeat ppp": {i: wmeat["milex_ppp_usd_m"][i] / wmeat_world["milex_ppp_usd_m"] for i in trio},
    }
    forces = {
        "cow": {i: float(cow[i]["milper"]) / float(cow_world["milper_world_total"]) for i in trio},
        "wdi": {i: wdi[i] / wdi_world for i in trio},
        "wmeat": {i: wmeat["armed_forces_thousands"][i] / wmeat_world["armed_forces_thousands"] for i in trio},
    }
    flatters = (spending["sipri constant"]["USA"] > spending["sipri current"]["USA"]
                and spending["sipri constant"]["RUS"] < spending["sipri current"]["RUS"])
    assert claim_value(CH06, "cap06_constant_flatters_us") is flatters
    ratio = {basis: s["CHN"] / s["USA"] for basis, s in spending.items()}
    market = [ratio[b] for b in ("cow", "sipri current", "sipri constant", "wmeat")]
    assert close(glued_number(CH06, "cap06_chn_over_usa_market_min"), min(market))
    widest = ratio["wmeat ppp"] - ratio["wmeat"] > max(market) - min(market)
    assert claim_value(CH06, "cap06_exchange_rate_widest") is widest
    assert claim_value(CH06, "cap06_exchange_rate_widest_summary") is widest

    def spread(table, iso):
        return max(s[iso] for s in table.values()) - min(s[iso] for s in table.values())
    less = sum(spread(forces, i) < spread(spending, i) for i in trio)
    assert claim_value(CH06, "cap06_personnel_vary_less") == f"{less} of 3"


def test_ch06_sco_nato_warheads_and_partners_claims():
    """06-capabilities-since-1990: claims "cap06_warheads_closer", "cap06_sco_soldiers_not_money",
    "cap06_ex_not_small_partners" (exercise cap06-ex-enlarged-figure-1) and
    "cap06_ex_ppp_higher_still" (exercise cap06-ex-source-over-time)."""
    sco, nato = members("SCO", "2024-12-31"), members("NATO", "2024-12-31")
    spending = by_key("sipri_milex.csv", "iso3", "value", year=2024, measure="current_usd_m")
    wdi = wdi_by_year()[2018]
    world_forces = next(float(r["personnel"]) for r in rows("wdi_armed_forces_world.csv") if r["year"] == "2018")
    stock = defaultdict(dict)
    for r in rows("nuclear_warheads.csv"):
        if r["measure"] == "stockpile":
            stock[int(r["year"])][r["iso3"]] = int(r["value"])
    bombs = stock[max(stock)]

    def share(states, values, total):
        return sum(values.get(i, 0) for i in states) / total
    forces = {k: share(g, wdi, world_forces) for k, g in (("sco", sco), ("nato", nato))}
    money = {k: share(g, spending, sum(spending.values())) for k, g in (("sco", sco), ("nato", nato))}
    nukes = {k: share(g, bombs, sum(bombs.values())) for k, g in (("sco", sco), ("nato", nato))}
    assert claim_value(CH06, "cap06_warheads_closer") is (
        abs(nukes["sco"] - nukes["nato"]) < abs(forces["sco"] - forces["nato"]))
    assert close(glued_number(CH06, "cap06_chn_rus_of_sco_nukes"),
                 (bombs["CHN"] + bombs["RUS"]) / sum(bombs.get(i, 0) for i in sco))
    assert claim_value(CH06, "cap06_sco_soldiers_not_money") is (
        forces["sco"] > forces["nato"] and money["sco"] < money["nato"] / 2)

    cow_code = {r["iso3"]: r["cow_code"] for r in rows("countries.csv") if r["iso3"]}
    cow = {r["cow_code"]: float(r["milper"]) for r in rows("nmc_capabilities.csv")
           if r["year"] == "2016" and r["milper"]}
    active = {i: cow[cow_code[i]] for i in sco}
    partners = [1 - (v["CHN"] + v["RUS"]) / sum(v[i] for i in sco) for v in (wdi, active)]
    assert close(glued_number(CH06, "cap06_ex_partners_cow"), partners[1])
    assert claim_value(CH06, "cap06_ex_not_small_partners") is all(p > 1 / 3 for p in partners)

    wmeat = defaultdict(dict)
    for r in rows("wmeat2012.csv"):
        if r["iso3"] == "CHN":
            wmeat[int(r["year"])][r["measure"]] = float(r["value"])
    world = defaultdict(dict)
    for r in rows("wmeat2012_world.csv"):
        world[int(r["year"])][r["measure"]] = float(r["value"])
    years = [y for y in wmeat if "milex_ppp_usd_m" in wmeat[y] and "milex_current_usd_m" in wmeat[y]]
    higher = sum(wmeat[y]["milex_ppp_usd_m"] / world[y]["milex_ppp_usd_m"]
                 > wmeat[y]["milex_current_usd_m"] / world[y]["milex_current_usd_m"] for y in years)
    assert claim_value(CH06, "cap06_ex_ppp_higher_still") == f"{higher} of {len(years)}"


def test_ch05_warhead_order_and_nuclear_monopoly(claims):
    """05-capabilities-in-2009: claims "cap05_same_order_deployed" (the paper's Russian count
    within a factor of two of FAS's latest deployed strategic count) and
    "cap05_nuclear_monopoly" (no 2009 stockpile for SCO members but China and Russia, nor for
    CSTO members but Russia; members of mid-2010)."""
    deployed = {int(r["year"]): float(r["value"]) for r in rows("nuclear_warheads.csv")
                if r["iso3"] == "RUS" and r["measure"] == "deployed_strategic"}
    ratio = claims["warheads_rus"]["paper"] / deployed[max(deployed)]
    assert close(glued_number(CH05, "cap05_rus_paper_over_deployed"), ratio)
    assert claim_value(CH05, "cap05_same_order_deployed") is (0.5 <= ratio <= 2)
    stock = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="stockpile")
    sco, csto = sco_csto()
    others = sum(stock.get(i, 0) for i in sco if i not in ("CHN", "RUS")) + sum(stock.get(i, 0) for i in csto if i != "RUS")
    assert claim_value(CH05, "cap05_nuclear_monopoly") is (others == 0)


def test_ch05_replication_pattern_and_summary_claims(claims, current_2009, cow_iso3):
    """05-capabilities-in-2009: the replication pattern and the summary — claims
    "cap05_core_reproduces", "cap05_core_supported", "cap05_shares_reproduce_or_close",
    "cap05_two_releases_summary", "cap05_nearer_bases_direction", "cap05_fig3_summary" and
    "cap05_csto_rus_well_above", from the verdicts recomputed above and the raw CSVs."""
    verdicts = ch05_verdicts(claims, current_2009)
    core = ["fig3_usa_usd", "fig3_chn_usd", "fig3_rus_usd", "fig3_chn_rank", "fig3_rus_rank",
            "warheads_chn", "warheads_sco_small", "warheads_csto_rus_share"]
    core_ok = all(verdicts[c] == "reproduced" for c in core)
    assert claim_value(CH05, "cap05_core_reproduces") is core_ok
    ratio = current_2009["USA"] / (current_2009["CHN"] + current_2009["RUS"])
    stock = by_key("nuclear_warheads.csv", "iso3", "value", year=2009, measure="stockpile")
    sco, csto = sco_csto()
    others = sum(stock.get(i, 0) for i in sco if i not in ("CHN", "RUS")) + sum(stock.get(i, 0) for i in csto if i != "RUS")
    assert claim_value(CH05, "cap05_core_supported") is (core_ok and ratio >= 3 and others == 0)
    shares = ["fig3_usa_share", "fig3_chn_share", "fig3_rus_share", "fig3_top10_share"]
    assert claim_value(CH05, "cap05_shares_reproduce_or_close") is all(
        verdicts[c] in ("reproduced", "close") for c in shares)
    # two releases: the same conditions as test_ch05_figure_3_prose_claims, from the CSVs
    published = rows("sipri_milex_as_published.csv")
    world_then = {int(r["data_year"]): float(r["value_usd_bn"]) for r in published if r["scope"] == "world"}
    summary = {r["iso3"]: float(r["share_of_world"]) for r in published if r["reported_by"] == "secondary summary"}
    release = {r["iso3"]: float(r["value_usd_bn"]) for r in published if r["data_year"] == "2008" and r["scope"] == "country"}
    paper = {k: v["paper"] for k, v in claims.items()}
    fits_2009 = abs(paper["fig3_usa_usd"] / world_then[2009] - paper["fig3_usa_share"]) <= 0.005 + 1e-12
    top = sum(sorted(release.values(), reverse=True)[:10])
    fits_2008 = all(abs(v / world_then[2008] - paper[k]) <= 0.005 + 1e-12 for k, v in
                    (("fig3_chn_share", release["CHN"]), ("fig3_rus_share", release["RUS"]), ("fig3_top10_share", top)))
    dollars = all(abs(v / paper[f"fig3_{i.lower()}_usd"] - 1) <= 0.05 for i in ("CHN", "RUS")
                  for v in (current_2009[i], summary[i] * world_then[2009]))
    not_2008 = all(abs(release[i] / paper[f"fig3_{i.lower()}_usd"] - 1) > 0.05 for i in ("CHN", "RUS"))
    two_years = fits_2009 and fits_2008 and dollars and not_2008
    implied = [paper[f"fig3_{i}_usd"] / paper[f"fig3_{i}_share"] for i in ("usa", "chn", "rus")]
    assert claim_value(CH05, "cap05_two_releases_summary") is (two_years and max(implied) / min(implied) - 1 > 0.05)
    assert claim_value(CH05, "cap05_fig3_summary") is (all(verdicts[c] == "reproduced" for c in core[:5]) and two_years)

    wdi = by_key("wdi_armed_forces.csv", "iso3", "personnel", year=2009)
    cow = {cow_iso3[r["cow_code"]]: float(r["milper"]) for r in rows("nmc_capabilities.csv")
           if r["year"] == "2009" and r["milper"] and r["cow_code"] in cow_iso3}
    wmeat = by_key("wmeat2012.csv", "iso3", "value", year=2009, measure="armed_forces_thousands")
    china_sco = [f["CHN"] / sum(f[i] for i in sco) for f in (wdi, cow, wmeat)]
    russia_csto = [f["RUS"] / sum(f[i] for i in csto) for f in (wdi, cow, wmeat)]
    assert claim_value(CH05, "cap05_nearer_bases_direction") is (
        all(c < paper["fig1_chn_share"] for c in china_sco) and all(r > paper["fig2_rus_share"] for r in russia_csto))
    assert claim_value(CH05, "cap05_csto_rus_well_above") is (min(russia_csto[:2]) > paper["fig2_rus_share"] + 0.02)


def test_ch05_threshold_exercise_claims(claims, current_2009):
    """05-capabilities-in-2009 (exercise cap05-ex-thresholds): the verdicts that change between
    a strict (0.2 point, 2%), the book's and a loose (1 point, 10%) rule, and claim
    "cap05_ex_mostly_spending" (more than half of them Figure 3 shares or dollars moving only
    between 'reproduced' and 'close')."""
    rules = [{"share": (0.002, 0.01), "amount": (0.02, 0.10), "rank": (0, 1)}, BOOK_RULE,
             {"share": (0.01, 0.03), "amount": (0.10, 0.25), "rank": (0, 1)}]
    by_rule = [ch05_verdicts(claims, current_2009, rule) for rule in rules]
    changed = [c for c in claims if len({v[c] for v in by_rule}) > 1]
    assert glued_number(CH05, "cap05_ex_n_changed") == len(changed)
    swaps = [c for c in changed if c.startswith("fig3_") and c.endswith(("_share", "_usd"))
             and {v[c] for v in by_rule} <= {"reproduced", "close"}]
    assert claim_value(CH05, "cap05_ex_mostly_spending") is (len(swaps) > len(changed) / 2)
    # claim "cap05_ex_core_fixed": Figures 1 and 2 and Russia's warheads keep their verdicts
    core = [c for c in claims if c.startswith(("fig1_", "fig2_")) or c == "warheads_rus"]
    assert claim_value(CH05, "cap05_ex_core_fixed") is all(len({v[c] for v in by_rule}) == 1 for c in core)
