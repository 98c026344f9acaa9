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

from book_facts import CHAPTERS, ROOT, claim_value, glued, glued_number

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


def test_beyond_roll_calls(yearly_agreement):
    """12-beyond-the-thesis: roll calls and the last year of the agreement series."""
    assert glued_number(BEYOND, "sb12_n_roll_calls") == len(rows("unga_roll_calls.csv"))
    assert glued_number(BEYOND, "sb12_last_agreement_year") == max(yearly_agreement)


# ---- An independent step test: the logistic drift with and without a step, by the normal
# equations over hat matrices (the package uses orthonormal bases), and its own bootstrap.

SCALES = (2.0, 3.0, 4.5, 7.0, 10.0, 15.0, 25.0)   # the chapter's stated grid: scales, midpoints +-10 years


def _designs(years, break_year=None):
    import numpy as np
    t = np.asarray(years, dtype=float)
    out = []
    for scale in SCALES:
        for midpoint in range(int(t.min()) - 10, int(t.max()) + 11):
            columns = [np.ones_like(t), 1 / (1 + np.exp(-(t - midpoint) / scale))]
            if break_year is not None:
                columns.append((t >= break_year).astype(float))
            out.append(np.column_stack(columns))
    return out


def _hats(years, break_year=None):
    import numpy as np
    return np.array([x @ np.linalg.pinv(x) for x in _designs(years, break_year)])


def _rss(values, hats):
    """Residual sums of squares of each row of values on each hat matrix: (rows, designs)."""
    import numpy as np
    fitted = np.einsum("gij,rj->rgi", hats, values)
    return ((values[:, None, :] - fitted) ** 2).sum(axis=2)


def _ar1_noise(residuals, n_boot: int, seed: int):
    """n_boot series of AR(1) noise fitted to the residuals (phi clipped to [0, 0.9]), the
    parametric bootstrap of the chapter's step tests."""
    import math

    import numpy as np
    c = residuals - residuals.mean()
    n = len(c)
    phi = min(max(float(c[1:] @ c[:-1] / (c[:-1] @ c[:-1])), 0.0), 0.9)
    sigma = math.sqrt(float((c ** 2).mean())) * math.sqrt(1 - phi ** 2)
    e = np.random.default_rng(seed).normal(0, sigma, size=(n_boot, n))
    noise = np.empty_like(e)
    noise[:, 0] = e[:, 0] / math.sqrt(1 - phi ** 2)
    for t in range(1, n):
        noise[:, t] = phi * noise[:, t - 1] + e[:, t]
    return noise

def independent_step_test(pairs, break_year, n_boot=199, seed=12345):
    """(likelihood ratio, bootstrap p, step size) for a step at break_year against a logistic drift."""
    import numpy as np
    years = [y for y, _ in pairs]
    y = np.array([[v for _, v in pairs]])
    h0, h1 = _hats(years), _hats(years, break_year)
    rss0, rss1 = _rss(y, h0), _rss(y, h1)
    n = len(years)
    lr = n * math.log(rss0.min() / rss1.min())
    fitted = h0[rss0.argmin()] @ y[0]
    design = _designs(years, break_year)[int(rss1.argmin())]
    step = float(np.linalg.lstsq(design, y[0], rcond=None)[0][2])
    sims = fitted + _ar1_noise(y[0] - fitted, n_boot, seed)
    boot = n * np.log(_rss(sims, h0).min(axis=1) / _rss(sims, h1).min(axis=1))
    return lr, (1 + int((boot >= lr - 1e-9).sum())) / (n_boot + 1), step


def logistic_midpoint(pairs):
    """The midpoint of the least-squares logistic drift (no step), by the same grid."""
    import numpy as np
    years = [y for y, _ in pairs]
    grid = [(m, s) for s in SCALES for m in range(min(years) - 10, max(years) + 11)]
    rss = _rss(np.array([[v for _, v in pairs]]), _hats(years))[0]
    return grid[int(rss.argmin())][0]


@pytest.fixture(scope="module")
def ideal_points():
    points = defaultdict(dict)
    for r in rows("unga_ideal_points.csv"):
        if r["iso3"] in {"USA", "RUS", "CHN"} and int(r["year"]) >= 1992:
            points[r["iso3"]][int(r["year"])] = float(r["ideal_point"])
    return points


def _distance(points, a, b):
    return sorted((y, abs(points[a][y] - points[b][y])) for y in points[a] if y in points[b])


@pytest.fixture(scope="module")
def event_break_years():
    """Break year of each event chapter 12 tests: its year if in January-June, else the next."""
    dated = {r["event_id"]: r["start_date"] for r in rows("events.csv")}
    dated.update({r["evidence_id"]: r["start_date"] for r in rows("evidence.csv")})
    ids = {"NATO enlargement, 1999": "ev-1999-nato-enlargement", "Kosovo war": "ev-1999-kosovo-bombing",
           "Taiwan Security Enhancement Act": "ev-2000-taiwan-security-bill", "invasion of Iraq": "E34",
           "NATO enlargement, 2004": "ev-2004-nato-enlargement", "colour revolutions": "E35", "Andijan": "E07",
           "Crimea": "ev-2014-crimea-annexed", "no-limits statement": "ev-2022-no-limits-statement"}
    def rule(date):
        return int(date[:4]) + (int(date[5:7]) > 6)
    return {name: rule(dated[i]) for name, i in ids.items()}


def test_beyond_rise_is_centred_before_2001(yearly_agreement):
    """12-beyond-the-thesis and 13-conclusions: the logistic drift of agreement, its midpoint."""
    midpoint = logistic_midpoint(sorted(yearly_agreement.items()))
    assert glued_number(BEYOND, "sb12_agreement_midpoint") == midpoint
    assert glued_number(CONCLUSIONS, "sb13_agreement_midpoint") == midpoint
    assert claim_value(BEYOND, "sb12_rise_before_2001") is (midpoint < 2001)
    assert claim_value(BEYOND, "sb12_paul_timing") is (midpoint < 2001)
    assert claim_value(CONCLUSIONS, "sb13_rise_before_2001") is (midpoint < 2001)


def test_beyond_distance_from_the_us(ideal_points):
    """12-beyond-the-thesis: Russia's and China's distances from the US, first and last year."""
    rus, chn = _distance(ideal_points, "USA", "RUS"), _distance(ideal_points, "USA", "CHN")
    assert glued_number(BEYOND, "sb12_rus_us_distance_last") == round(rus[-1][1], 2)
    assert glued_number(BEYOND, "sb12_chn_us_distance_first") == round(chn[0][1], 2)
    recent = mean(d for y, d in rus if y >= 2022)
    before = mean(d for y, d in rus if 2015 <= y <= 2021)
    assert claim_value(BEYOND, "sb12_rus_us_wider_since_2022") is (recent > before)


def test_beyond_step_tests_on_the_data(yearly_agreement, ideal_points, event_break_years):
    """12-beyond-the-thesis: every step test, recomputed with an independent implementation
    and bootstrap; the verdicts (rise with p < 0.05) agree except within Monte-Carlo error."""
    series = {"RUS–CHN agreement": sorted(yearly_agreement.items()),
              "RUS–CHN ideal-point closeness": [(y, -d) for y, d in _distance(ideal_points, "RUS", "CHN")],
              "Russia–US distance": _distance(ideal_points, "USA", "RUS"),
              "China–US distance": _distance(ideal_points, "USA", "CHN")}
    by_year = defaultdict(list)
    for event, year in event_break_years.items():
        by_year[year].append(event)
    found_text = glued(BEYOND)["sb12_found_list"]
    total = found = 0
    eras = defaultdict(lambda: [0, 0])
    for measure, pairs in series.items():
        years = [y for y, _ in pairs]
        for year in sorted(by_year):
            if sum(y < year for y in years) < 3 or sum(y >= year for y in years) < 3:
                continue
            total += 1
            lr, p, step = independent_step_test(pairs, year)
            label = f"{measure} at {'; '.join(by_year[year])} ({year})"
            in_book = label in found_text
            verdict = step > 0 and p < 0.05
            if abs(p - 0.05) > 0.04:
                assert verdict is in_book, (label, p, step)
            found += in_book
            era = "1999" if year <= 2000 else "2003" if year <= 2005 else None
            if era:
                eras[era][0] += in_book
                eras[era][1] += 1
    assert glued_number(BEYOND, "sb12_n_tests") == total
    assert claim_value(BEYOND, "sb12_steps_found") == f"{found} of {total}"
    assert claim_value(BEYOND, "sb12_steps_1999") == f"{eras['1999'][0]} of {eras['1999'][1]}"
    assert claim_value(BEYOND, "sb12_steps_2003") == f"{eras['2003'][0]} of {eras['2003'][1]}"
    assert claim_value(BEYOND, "sb12_no_step_at_thesis_events") is (eras["1999"][0] + eras["2003"][0] == 0)


def independent_scan(pairs, n_boot=49, seed=7):
    """(best break year, bootstrap p) of the largest likelihood ratio over every break year
    leaving three years each side, against the logistic drift; independent of the package."""
    import numpy as np
    years = [y for y, _ in pairs]
    y = np.array([[v for _, v in pairs]])
    candidates = years[3:len(years) - 2]
    h0 = _hats(years)
    h1 = [_hats(years, b) for b in candidates]
    n = len(years)
    def best(rows):
        rss0 = _rss(rows, h0).min(axis=1)
        rss1 = np.array([_rss(rows, h).min(axis=1) for h in h1])        # (candidates, rows)
        return n * np.log(rss0 / rss1.min(axis=0)), rss1.argmin(axis=0)
    observed, where = best(y)
    fitted = h0[_rss(y, h0).argmin()] @ y[0]
    boot, _ = best(fitted + _ar1_noise(y[0] - fitted, n_boot, seed))
    return candidates[int(where[0])], (1 + int((boot >= observed[0] - 1e-9).sum())) / (n_boot + 1)


def test_beyond_step_scan_and_its_claim(yearly_agreement, ideal_points):
    """12-beyond-the-thesis: the step scan of each series, recomputed independently (a small
    bootstrap: verdicts within Monte-Carlo error of the 5% line are not compared)."""
    series = {"RUS–CHN agreement": sorted(yearly_agreement.items()),
              "RUS–CHN ideal-point closeness": [(y, -d) for y, d in _distance(ideal_points, "RUS", "CHN")],
              "Russia–US distance": _distance(ideal_points, "USA", "RUS"),
              "China–US distance": _distance(ideal_points, "USA", "CHN")}
    listed = glued(BEYOND)["sb12_scan_found_list"]
    count = 0 if listed == "none" else listed.count(";") + 1
    assert claim_value(BEYOND, "sb12_scan_found") == f"{count} of {len(series)}"
    agreement_year, _ = independent_scan(series["RUS–CHN agreement"], n_boot=9)
    assert glued_number(BEYOND, "sb12_scan_agreement_year") == agreement_year
    for measure, pairs in series.items():
        year, p = independent_scan(pairs)
        if abs(p - 0.05) > 0.07:
            assert (f"{measure}," in listed) is (p < 0.05), (measure, year, p)
        if f"{measure}," in listed:
            assert f"in {year}" in listed.split(f"{measure},")[1].split(";")[0]


def test_beyond_power_claims_follow_the_rates():
    """12-beyond-the-thesis: the power study's claims follow its glued rates, and an independent
    small simulation of the new test finds the planted step and keeps its false alarms low."""
    import numpy as np
    rate = {k: glued_number(BEYOND, k) for k in ("sb12_old_window_power", "sb12_old_1996_false",
                                                 "sb12_new_false_2003", "sb12_new_false_1996", "sb12_new_power")}
    assert claim_value(BEYOND, "sb12_old_tests_mislead") is (rate["sb12_old_window_power"] < 0.5
                                                             and rate["sb12_old_1996_false"] > 0.5)
    assert claim_value(BEYOND, "sb12_new_size_ok") is (max(rate["sb12_new_false_2003"],
                                                           rate["sb12_new_false_1996"]) <= 0.1)
    sigma, phi = glued_number(BEYOND, "sb12_sigma"), glued_number(BEYOND, "sb12_phi")
    years = list(range(1992, 2020))
    rng = np.random.default_rng(99)
    t = np.array(years, dtype=float)
    base = 0.61 + 0.25 / (1 + np.exp(-(t - glued_number(BEYOND, "sb12_agreement_midpoint")) / 2.0))
    hits = {0: 0, 4: 0}
    for k in hits:
        for i in range(12):
            noise = rng.normal(0, sigma, len(t))
            for j in range(1, len(t)):
                noise[j] += phi * noise[j - 1]
            values = base + k * sigma * (t >= 2003) + noise
            _, p, _ = independent_step_test(list(zip(years, values)), 2003, n_boot=99, seed=i)
            hits[k] += p < 0.05
    assert hits[0] <= 3, "the step test raises false alarms on a smooth saturating series"
    assert hits[4] >= 7, "the step test misses a planted step of four noise sds"


def _drift(pairs):
    """The fitted values of the least-squares logistic drift (no step), by the same grid."""
    import numpy as np
    values = np.array([[v for _, v in pairs]])
    hats = _hats([y for y, _ in pairs])
    return hats[int(_rss(values, hats)[0].argmin())] @ values[0]


def _permutation_shift_p(years, values, break_year, detrend, rng, n=199):
    """One-sided permutation p of the rise in the mean from break_year on (the first edition's test)."""
    import numpy as np
    t, v = np.asarray(years, dtype=float), np.asarray(values, dtype=float)
    if detrend:
        v = v - np.polyval(np.polyfit(t, v, 1), t)
    after = t >= break_year
    observed = v[after].mean() - v[~after].mean()
    null = [s[after].mean() - s[~after].mean() for s in (rng.permutation(v) for _ in range(n))]
    return (1 + sum(x >= observed - 1e-12 for x in null)) / (n + 1)


def test_beyond_power_claims_recomputed(yearly_agreement):
    """12-beyond-the-thesis: claims "sb12_old_tests_mislead" and "sb12_detectable_step" from an
    independent power study: series along the agreement's own fitted drift with AR(1) noise
    (the glued sigma and phi), tested by hand. Twelve series per scenario: a rate within
    Monte-Carlo error of its threshold is not compared."""
    import numpy as np
    pairs = sorted(yearly_agreement.items())
    years = [y for y, _ in pairs]
    base = _drift(pairs)
    sigma, phi = glued_number(BEYOND, "sb12_sigma"), glued_number(BEYOND, "sb12_phi")
    rng = np.random.default_rng(2012)

    def batch(k_sigmas, n=12):
        t = np.array(years)
        out = []
        for _ in range(n):
            e = rng.normal(0, sigma, len(t))
            noise = np.empty_like(e)
            noise[0] = e[0] / math.sqrt(1 - phi ** 2)
            for j in range(1, len(t)):
                noise[j] = phi * noise[j - 1] + e[j]
            out.append(base + k_sigmas * sigma * (t >= 2003) + noise)
        return out
    no_step, planted = batch(0), batch(4)
    window = [y for y in years if 1998 <= y <= 2007]
    cut = [years.index(y) for y in window]
    window_power = mean(float(_permutation_shift_p(window, v[cut], 2003, True, rng) < 0.05) for v in planted)
    false_1996 = mean(float(_permutation_shift_p(years, v, 1996, True, rng) < 0.05) for v in no_step)
    assert abs(window_power - 0.5) > 0.25 and abs(false_1996 - 0.5) > 0.25, (window_power, false_1996)
    assert claim_value(BEYOND, "sb12_old_tests_mislead") is (window_power < 0.5 and false_1996 > 0.5)

    def power(k_sigmas):
        return mean(float(independent_step_test(list(zip(years, v)), 2003, n_boot=99, seed=i)[1] < 0.05)
                    for i, v in enumerate(batch(k_sigmas)))
    weak, strong = power(2), power(6)
    detectable = glued(BEYOND)["sb12_detectable_step"]
    if abs(strong - 0.8) > 0.1:   # power grows with the step: some size reaches 80% iff the largest does
        assert claim_value(BEYOND, "sb12_detectable_step") == ("found" if strong >= 0.8 else "none")
    if weak <= 0.6:     # one of 2 sds is not: the smallest step the words name is larger
        assert detectable != "a step of 2σ or more"
        assert glued_number(BEYOND, "sb12_detectable_size") > 2 * sigma


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
    topics = {r["veto_id"]: (r["agenda_item"], r["crisis_topic"]) for r in rows("unsc_vetoes.csv")}
    ukraine = [v for v, (item, topic) in topics.items() if "ukraine" in item.lower() or topic == "Ukraine"]
    assert glued_number(BEYOND, "sb12_n_ukraine_vetoes") == len(ukraine)
    assert glued(BEYOND)["sb12_ukraine_veto_years"] == ", ".join(sorted({dates[v][:4] for v in ukraine}))
    assert claim_value(BEYOND, "sb12_china_joined_no_ukraine_veto") is all("CHN" not in drafts[v] for v in ukraine)


def test_beyond_arms():
    """12-beyond-the-thesis and 13-conclusions: Russia's deliveries to China, exact years."""
    russia = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers.csv")
              if r["supplier"] == "RUS" and r["method"] == "exact"}
    world = {int(r["year"]): float(r["tiv_millions"]) for r in rows("arms_transfers.csv") if r["supplier"] == "WLD"}
    peak = max(russia, key=russia.get)
    assert glued_number(BEYOND, "sb12_arms_peak_year") == peak == glued_number(CONCLUSIONS, "sb13_arms_peak_year")
    assert glued_number(BEYOND, "sb12_years_russia_majority") == sum(russia[y] / world[y] > 0.5 for y in russia)
    assert close(glued_number(BEYOND, "sb12_arms_latest_vs_peak"), russia[max(russia)] / russia[peak])
    trough = min((y for y in russia if peak <= y <= 2014), key=russia.get)
    rebound = max((y for y in russia if y >= 2015), key=russia.get)
    assert glued_number(BEYOND, "sb12_arms_trough_year") == trough
    assert glued_number(BEYOND, "sb12_arms_rebound_year") == rebound
    later = mean(russia[y] for y in range(2015, 2020))
    earlier = mean(russia[y] for y in range(2010, 2015))
    assert claim_value(BEYOND, "sb12_arms_rebound") is (later > earlier)
    assert claim_value(CONCLUSIONS, "sb13_arms_rebound") is (later > earlier)
    assert claim_value(BEYOND, "sb12_arms_below_2000s_after_rebound") is (
        max(russia[y] for y in russia if y >= 2015) < min(russia[y] for y in range(2000, 2007)))
    assert claim_value(CONCLUSIONS, "sb13_arms_peak_in_band") is (2003 <= peak <= 2005)


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
    world = {int(r["year"]): float(r["gdp_current_usd_bn"]) * 1000 for r in rows("sipri_world_gdp.csv")}
    forecast = float(next(r["value"] for r in rows("evidence_claims.csv") if r["claim_id"] == "sco_gdp_share_2020"))
    share = sum(gdp(c, 2020) for c in members_2008) / world[2020]
    assert glued_number(BEYOND, "sb12_sco_world_share_2020") == round(share, 3)
    assert glued_number(CONCLUSIONS, "sb13_sco_share_2020") == round(share, 3)
    assert claim_value(BEYOND, "sb12_forecast_met") is (share >= forecast)
    assert claim_value(CONCLUSIONS, "sb13_forecast_met") is (share >= forecast)
    day = "2020-06-30"
    members_2020 = {r["iso3"] for r in rows("memberships.csv") if r["organisation"] == "SCO"
                    and r["status"] == "member" and r["start_date"] <= day
                    and (r["end_date"] == "" or r["end_date"] >= day)}
    share_at_time = sum(gdp(c, 2020) for c in members_2020) / world[2020]
    assert glued_number(BEYOND, "sb12_sco_world_share_2020_at_time") == round(share_at_time, 3)
    assert claim_value(BEYOND, "sb12_forecast_met_at_time") is (share_at_time >= forecast)
    # The world total cannot be smaller than the states of the book's own series in it.
    for year in (2009, 2020, 2024):
        listed = {iso3 for iso3, y in values if y == year and len(values[iso3, y]) == 2}
        assert world[year] >= sum(gdp(c, year) for c in listed)


def test_beyond_exercises_and_enlargement():
    """12-beyond-the-thesis: first exercise with both states; SCO members in the latest year."""
    starts = {r["exercise_id"]: r["start_date"] for r in rows("joint_exercises.csv")}
    who = defaultdict(set)
    for r in rows("joint_exercise_participants.csv"):
        who[r["exercise_id"]].add(r["iso3"])
    both = [e for e in starts if {"RUS", "CHN"} <= who[e]]
    assert glued_number(BEYOND, "sb12_first_exercise_both") == min(int(starts[e][:4]) for e in both)
    assert glued_number(BEYOND, "sb12_n_exercises_both") == len(both)
    after_2014 = [e for e in both if int(starts[e][:4]) > 2014]
    assert glued_number(BEYOND, "sb12_n_exercises_after_2014") == len(after_2014)
    assert glued_number(BEYOND, "sb12_last_exercise_year") == max(int(starts[e][:4]) for e in both)
    day = "2025-07-01"
    members = [r for r in rows("memberships.csv") if r["organisation"] == "SCO" and r["status"] == "member"
               and r["start_date"] <= day and (r["end_date"] == "" or r["end_date"] >= day)]
    assert glued_number(BEYOND, "sb12_sco_members_latest") == len(members)
    assert glued_number(CONCLUSIONS, "sb13_sco_members_latest") == len(members)

# ---- chapters/13-conclusions


def _weighed_posteriors():
    """Chapter 11's model (Occam factor, scholars' readings left out), recomputed with the
    stdlib helpers of tests/test_prose_numbers_evidence.py: all evidence and Bergfeldt's."""
    import test_prose_numbers_evidence as model
    table = model.Table()
    ratio, weight = model.model_ratios(table), model.weights(table, 0.0)
    uniform = {h: 1 / len(model.HYPS) for h in model.HYPS}
    everything = model.posterior(uniform, model.log_sums(ratio, table.ids, weight))
    ids = [i for i in table.ids if table.row[i]["paper"] == "bergfeldt2008"]
    bergfeldt = model.posterior(uniform, model.log_sums(ratio, ids, weight))
    return everything, bergfeldt


def test_conclusions_posteriors():
    """13-conclusions: the posterior under chapter 11's model, with all evidence and with
    Bergfeldt's alone."""
    everything, bergfeldt = _weighed_posteriors()
    assert close(glued_number(CONCLUSIONS, "sb13_p_sb"), everything["soft_balancing"], rel=1e-6)
    assert close(glued_number(CONCLUSIONS, "sb13_p_sb_bergfeldt"), bergfeldt["soft_balancing"], rel=1e-6)


def test_conclusions_claims_on_the_weighing():
    """13-conclusions: whether Bergfeldt's evidence singles out soft balancing, whether it leads
    on all the evidence, and the strongest and weakest alternatives, by hand."""
    everything, bergfeldt = _weighed_posteriors()
    assert claim_value(CONCLUSIONS, "sb13_bergfeldt_singles_out") is (
        max(bergfeldt, key=bergfeldt.get) == "soft_balancing" and bergfeldt["soft_balancing"] > 0.5)
    assert claim_value(CONCLUSIONS, "sb13_sb_leads_all") is (max(everything, key=everything.get) == "soft_balancing")
    names = {r["code"]: r["name"] if r["name"].startswith("Sino") else r["name"].lower()
             for r in rows("evidence_codes.csv")}
    alternatives = {h: everything[h] for h in HYPOTHESES[1:]}
    assert glued(CONCLUSIONS)["sb13_rival"] == names[max(alternatives, key=alternatives.get)]
    assert glued(CONCLUSIONS)["sb13_weakest"] == names[min(alternatives, key=alternatives.get)]
    assert claim_value(CONCLUSIONS, "sb13_rivals") is True
    singles = max(bergfeldt, key=bergfeldt.get) == "soft_balancing" and bergfeldt["soft_balancing"] > 0.5
    lower = everything["soft_balancing"] < bergfeldt["soft_balancing"]
    assert claim_value(CONCLUSIONS, "sb13_weighing_headline") == (
        "hesitation" if not singles else "taken back" if lower else "kept")


def test_conclusions_timing_step_tests(yearly_agreement, ideal_points, event_break_years):
    """13-conclusions: the step tests at the events of 1999-2000 and 2003-2005, recomputed
    independently on agreement and ideal-point closeness; and the exercise's 1990s steps."""
    closeness = [(y, -d) for y, d in _distance(ideal_points, "RUS", "CHN")]
    agreement = sorted(yearly_agreement.items())
    eras = {"sb13_steps_1999": ["NATO enlargement, 1999", "Kosovo war", "Taiwan Security Enhancement Act"],
            "sb13_steps_2003": ["invasion of Iraq", "colour revolutions", "Andijan", "NATO enlargement, 2004"]}
    counts = []
    for name, events in eras.items():
        years = sorted({event_break_years[e] for e in events})
        verdicts = []
        for pairs in (agreement, closeness):
            for year in years:
                _, p, step = independent_step_test(pairs, year)
                verdicts.append((step > 0 and p < 0.05, abs(p - 0.05) <= 0.04))
        count, total = map(int, claim_value(CONCLUSIONS, name).split(" of "))
        assert total == len(verdicts)
        clear = [v for v, borderline in verdicts if not borderline]
        assert sum(clear) <= count <= sum(clear) + sum(b for _, b in verdicts)
        counts.append(count)
    assert claim_value(CONCLUSIONS, "sb13_neither_era") is (sum(counts) == 0)
    p_1990s = [independent_step_test(agreement, y)[1] for y in (1996, 1999)]
    if all(abs(p - 0.05) > 0.04 for p in p_1990s):
        assert claim_value(CONCLUSIONS, "sb13_ex_step_1990s") is any(p < 0.05 for p in p_1990s)
