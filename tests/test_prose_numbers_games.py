"""Numbers in the alliance-games chapters' prose, recomputed independently and compared
with the glue.

The recomputations read the CSV files with the standard library and count by brute force
(itertools), so they share no code with the chapters or with sinorus.games and
sinorus.power. Each test's docstring names its chapter.
"""

import csv
import itertools
import json
import math
from fractions import Fraction

import pytest

import numpy as np

from book_facts import CHAPTERS, ROOT, claim_value, execute_with_parameters, glued, glued_number

GAMES_CHAPTER = CHAPTERS / "07-alliance-games.md"
SPACE = CHAPTERS / "08-the-space-of-2x2-games.md"
REPEAT = CHAPTERS / "09-repetition-and-evolution.md"
CELLS = [("C", "C"), ("C", "D"), ("D", "C"), ("D", "D")]


def rows(name):
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def named_games():
    """key -> {(row move, column move): (row payoff, column payoff)}, from games.csv."""
    result = {}
    for r in rows("games.csv"):
        result.setdefault(r["game"], {})[r["row_strategy"], r["column_strategy"]] = (
            int(r["row_payoff"]), int(r["column_payoff"]))
    return result


def pure_equilibria(game):
    """Cells where neither player gains by switching its own move alone."""
    other = {"C": "D", "D": "C"}
    return [(r, c) for r, c in CELLS
            if game[r, c][0] >= game[other[r], c][0] and game[r, c][1] >= game[r, other[c]][1]]


def in_force(day):
    return [r for r in rows("memberships.csv") if r["status"] == "member"
            and r["start_date"] <= day and (r["end_date"] == "" or r["end_date"] >= day)]


# ---- chapters/07-alliance-games

def test_games_table_2_overlaps():
    """07-alliance-games: states in the four organisations of Table 2 on 2011-01-01."""
    member_of = {}
    for r in in_force("2011-01-01"):
        if r["organisation"] in {"EU", "SCO", "NATO", "CSTO"}:
            member_of.setdefault(r["iso3"], set()).add(r["organisation"])
    assert glued_number(GAMES_CHAPTER, "games_n_states_table_2") == len(member_of)
    assert glued_number(GAMES_CHAPTER, "games_n_in_two_or_more") == sum(len(o) >= 2 for o in member_of.values())
    assert glued_number(GAMES_CHAPTER, "games_n_both_blocs") == sum(
        bool(o & {"EU", "NATO"}) and bool(o & {"SCO", "CSTO"}) for o in member_of.values())
    assert glued_number(GAMES_CHAPTER, "games_n_sco_and_csto") == sum({"SCO", "CSTO"} <= o for o in member_of.values())


def test_games_pure_equilibria_of_every_named_game():
    """07-alliance-games: the pure equilibria of each named game, and of Table 4's Prisoner's Dilemma."""
    values = glued(GAMES_CHAPTER)
    for key, game in named_games().items():
        assert values[f"games_eq_{key}"] == ", ".join(r + c for r, c in pure_equilibria(game)), key
    assert values["games_pd_equilibrium"] == "DD"
    cooperative = sum(("C", "C") in pure_equilibria(g) for g in named_games().values())
    assert glued_number(GAMES_CHAPTER, "games_n_cooperative") == cooperative


def test_games_mixed_equilibrium_of_hero():
    """07-alliance-games: Hero's mixed equilibrium from the indifference condition."""
    g = named_games()["hero"]
    # The column player's probability q of C makes the row player indifferent.
    a = {cell: p[0] for cell, p in g.items()}
    q = Fraction(a["D", "D"] - a["C", "D"], a["C", "C"] - a["C", "D"] - a["D", "C"] + a["D", "D"])
    expected = f"({float(q):.2f} C + {float(1 - q):.2f} D, {float(q):.2f} C + {float(1 - q):.2f} D)"
    assert glued(GAMES_CHAPTER)["games_mixed_hero"] == expected


def test_games_low_confidence_list():
    """07-alliance-games: the games whose matrices are the book's reconstructions."""
    low = []
    for r in rows("games.csv"):
        if r["confidence"] == "low" and r["name"] not in low:
            low.append(r["name"])
    assert glued(GAMES_CHAPTER)["games_low_confidence"] == ", ".join(low)


def shapley_shubik(weights: dict, quota: float) -> dict:
    """By the coalition formula, with coalitions listed by itertools."""
    members = list(weights)
    n = len(members)
    result = dict.fromkeys(members, 0.0)
    for member in members:
        others = [m for m in members if m != member]
        for size in range(n):
            for coalition in itertools.combinations(others, size):
                total = sum(weights[m] for m in coalition)
                if total < quota * (1 - 1e-12) <= total + weights[member]:
                    result[member] += math.factorial(size) * math.factorial(n - size - 1) / math.factorial(n)
    return result


def sco_cinc(day, year):
    members = [r["iso3"] for r in in_force(day) if r["organisation"] == "SCO"]
    cow = {r["iso3"]: r["cow_code"] for r in rows("countries.csv") if r["iso3"] in members}
    cinc = {r["cow_code"]: float(r["cinc"]) for r in rows("nmc_capabilities.csv") if int(r["year"]) == year}
    return {m: cinc[cow[m]] for m in members}


def test_games_sco_power_in_2010():
    """07-alliance-games: consensus and CINC-weighted Shapley-Shubik power in the SCO of 2010."""
    weights = sco_cinc("2010-06-30", 2010)
    assert glued_number(GAMES_CHAPTER, "games_n_sco_2010") == len(weights)
    assert glued_number(GAMES_CHAPTER, "games_ss_rus_consensus_2010") == pytest.approx(1 / len(weights))
    total = sum(weights.values())
    assert glued_number(GAMES_CHAPTER, "games_china_cinc_share_2010") == pytest.approx(weights["CHN"] / total)
    majority = shapley_shubik(weights, total / 2)
    assert glued_number(GAMES_CHAPTER, "games_ss_chn_majority_2010") == pytest.approx(majority["CHN"])
    assert glued_number(GAMES_CHAPTER, "games_ss_rus_majority_2010") == pytest.approx(majority["RUS"])


def test_games_sco_power_latest():
    """07-alliance-games: the latest SCO, weighted by 2016 CINC, under a two-thirds quota."""
    latest = max(r["start_date"] for r in rows("memberships.csv") if r["organisation"] == "SCO")
    assert glued_number(GAMES_CHAPTER, "games_sco_latest_year") == int(latest[:4])
    weights = sco_cinc(latest, 2016)
    assert glued_number(GAMES_CHAPTER, "games_n_sco_latest") == len(weights)
    two_thirds = shapley_shubik(weights, sum(weights.values()) * 2 / 3)
    assert glued_number(GAMES_CHAPTER, "games_ss_chn_twothirds_latest") == pytest.approx(two_thirds["CHN"])
    assert glued_number(GAMES_CHAPTER, "games_ss_rus_twothirds_latest") == pytest.approx(two_thirds["RUS"])


RESCALING_SEED = 2011  # the chapter's parameter, typed here


def rescalings(n, seed):
    """The chapter's re-scalings, drawn again: ranks 1-4 -> (0, u2, u3, 1), flat Dirichlet steps."""
    steps = np.random.default_rng(seed).dirichlet(np.ones(3), size=n)
    return [(0.0, float(a), float(a + b), 1.0) for a, b, _ in steps]


def test_games_table_2_blocs_claim():
    """07-alliance-games: the claim "games_blocs_separate" (no state in both blocs)."""
    member_of = {}
    for r in in_force("2011-01-01"):
        member_of.setdefault(r["iso3"], set()).add(r["organisation"])
    both = sum(bool(o & {"EU", "NATO"}) and bool(o & {"SCO", "CSTO"}) for o in member_of.values())
    assert claim_value(GAMES_CHAPTER, "games_blocs_separate") is (both == 0)


def test_games_prisoners_dilemma_claims():
    """07-alliance-games: "games_pd_unique_pure_dd" and "games_pd_deficient", by hand."""
    g = named_games()["prisoners_dilemma"]
    assert claim_value(GAMES_CHAPTER, "games_pd_unique_pure_dd") is (pure_equilibria(g) == [("D", "D")])
    better = g["C", "C"][0] > g["D", "D"][0] and g["C", "C"][1] > g["D", "D"][1]
    assert claim_value(GAMES_CHAPTER, "games_pd_deficient") is better


def row_p_c(column_payoff):
    """The row player's P(C) in a 2x2 game's mixed equilibrium: the probability that makes the
    column player (payoffs ``column_payoff[row move, column move]``) indifferent between C and D."""
    b = column_payoff
    return (b["D", "D"] - b["D", "C"]) / (b["C", "C"] - b["C", "D"] - b["D", "C"] + b["D", "D"])


def test_games_degeneracy_and_ordinal_claims():
    """07-alliance-games: "games_none_degenerate"; "games_pure_ordinal" and "games_hero_mostly_c"
    counted by brute force over the chapter's re-scalings drawn again (each also holds by
    theorem: pure equilibria compare payoffs only by order; Hero's P(C) =
    (u4 - u1) / ((u4 - u1) + (u3 - u2)) > 1/2); and "games_hero_reading_flips" from Hero's
    mixed equilibrium with C and D renamed."""
    games_ = named_games()
    other = {"C": "D", "D": "C"}
    non_degenerate = sum(all(g[r, c][0] != g[other[r], c][0] and g[r, c][1] != g[r, other[c]][1]
                             for r, c in CELLS) for g in games_.values())
    assert claim_value(GAMES_CHAPTER, "games_none_degenerate") == f"{non_degenerate} of {len(games_)}"
    n = int(glued_number(GAMES_CHAPTER, "games_n_rescalings"))
    rows_u, columns_v = rescalings(n, RESCALING_SEED), rescalings(n, RESCALING_SEED + 1)

    def strict_pure(g, u, v):
        return {(r, c) for r, c in CELLS if u[g[r, c][0] - 1] > u[g[other[r], c][0] - 1]
                and v[g[r, c][1] - 1] > v[g[r, other[c]][1] - 1]}
    same = sum(strict_pure(g, u, v) == set(pure_equilibria(g))
               for g in games_.values() for u, v in zip(rows_u, columns_v))
    assert claim_value(GAMES_CHAPTER, "games_pure_ordinal") == f"{same} of {len(games_) * n}"
    assert glued(GAMES_CHAPTER)["games_pure_ordinal"] == (
        "in every game under every re-scaling drawn" if same == len(games_) * n else
        "in no game under any re-scaling drawn" if same == 0 else
        f"in {same} of the {len(games_) * n} game-re-scaling pairs drawn")
    hero = games_["hero"]
    mostly_c = sum(row_p_c({cell: v[hero[cell][1] - 1] for cell in CELLS}) > 0.5 for v in columns_v)
    assert claim_value(GAMES_CHAPTER, "games_hero_mostly_c") == f"{mostly_c} of {n}"
    # C and D renamed for both players: the column's payoff at (r, c) is the stored one at (other r, other c)
    renamed = {(r, c): hero[other[r], other[c]][1] for r, c in CELLS}
    flips = row_p_c(renamed) < 0.5
    assert claim_value(GAMES_CHAPTER, "games_hero_reading_flips") is flips
    assert glued(GAMES_CHAPTER)["games_hero_reading_flips"] == (
        "the same game puts most of its weight on the other move" if flips
        else "the same game still puts most of its weight on C")


def critical_risk(win, yielding, conflict):
    if yielding >= win:
        return 0.0
    if conflict >= yielding:
        return 1.0
    return (win - yielding) / (win - conflict)


def test_games_critical_risk_claims():
    """07-alliance-games: Zeuthen's verdicts, "games_russia_yields_bluff_bully" and
    "games_protector_verdict_stable", over the chapter's re-scalings drawn again."""
    n = int(glued_number(GAMES_CHAPTER, "games_n_rescalings"))
    rows_u, columns_v = rescalings(n, RESCALING_SEED), rescalings(n, RESCALING_SEED + 1)

    def risks(g, u, v):
        row = critical_risk(u[g["D", "C"][0] - 1], u[g["C", "D"][0] - 1], u[g["D", "D"][0] - 1])
        column = critical_risk(v[g["C", "D"][1] - 1], v[g["D", "C"][1] - 1], v[g["D", "D"][1] - 1])
        return row, column

    games_ = named_games()
    russia_lower = sum(r < c for key in ("called_bluff", "bully") for u, v in zip(rows_u, columns_v)
                       for r, c in [risks(games_[key], u, v)])
    assert claim_value(GAMES_CHAPTER, "games_russia_yields_bluff_bully") == f"{russia_lower} of {2 * n}"
    base = risks(games_["protector"], (1, 2, 3, 4), (1, 2, 3, 4))
    assert glued(GAMES_CHAPTER)["games_risk_verdict_protector"] == ("row (Russia)" if base[0] < base[1] else "column (China)")
    same = sum((r < c) == (base[0] < base[1]) and r != c for u, v in zip(rows_u, columns_v)
               for r, c in [risks(games_["protector"], u, v)])
    assert claim_value(GAMES_CHAPTER, "games_protector_verdict_stable") == f"{same} of {n}"


def test_games_viability_claim():
    """07-alliance-games: "games_viable_are_asymmetric" from the pure equilibria of games.csv."""
    games_ = named_games()
    viable = [g for g in games_.values() if all(e != ("D", "D") for e in pure_equilibria(g))]
    holds = bool(viable) and all(e in {("C", "D"), ("D", "C")} for g in viable for e in pure_equilibria(g)) \
        and not any(("C", "C") in pure_equilibria(g) for g in games_.values())
    assert claim_value(GAMES_CHAPTER, "games_viable_are_asymmetric") is holds


def test_games_bayesian_threshold_claims():
    """07-alliance-games: "games_bayes_russia_firm" and "games_bayes_firm_rescaled": Russia (a
    Chicken row player) stands firm iff p <= (u(DC) - u(CC)) / ((u(DC) - u(CC)) + (u(CD) - u(DD)))."""
    a = {cell: p[0] for cell, p in named_games()["chicken"].items()}
    prior = glued_number(GAMES_CHAPTER, "games_bayes_prior")

    def threshold(u):
        gain, loss = u[a["D", "C"] - 1] - u[a["C", "C"] - 1], u[a["C", "D"] - 1] - u[a["D", "D"] - 1]
        return gain / (gain + loss)

    assert glued_number(GAMES_CHAPTER, "games_bayes_threshold") == pytest.approx(threshold((1, 2, 3, 4)), abs=1e-3)
    assert claim_value(GAMES_CHAPTER, "games_bayes_russia_firm") is (prior <= threshold((1, 2, 3, 4)))
    n = int(glued_number(GAMES_CHAPTER, "games_n_rescalings"))
    firm = sum(prior <= threshold(u) for u in rescalings(n, RESCALING_SEED))
    assert claim_value(GAMES_CHAPTER, "games_bayes_firm_rescaled") == f"{firm} of {n}"


def sco_military(day, year):
    """The chapter's military index by hand: the mean of a member's shares of world military
    spending and personnel (COW), over the shares it reports."""
    members = [r["iso3"] for r in in_force(day) if r["organisation"] == "SCO"]
    cow = {r["iso3"]: r["cow_code"] for r in rows("countries.csv") if r["iso3"] in members}
    world = next(r for r in rows("nmc_world_totals.csv") if int(r["year"]) == year)
    found = {r["cow_code"]: r for r in rows("nmc_capabilities.csv") if int(r["year"]) == year}
    index = {}
    for m in members:
        shares = [float(found[cow[m]][c]) / float(world[f"{c}_world_total"]) for c in ("milex", "milper")
                  if found[cow[m]][c] != ""]
        index[m] = sum(shares) / len(shares)
    return index


def test_games_sco_weighted_claims():
    """07-alliance-games: "games_china_ahead_weighted" and "games_russia_veto_weighted" (CINC
    majority and two-thirds, military-index majority; SCO of 2010 and the latest, weighted by
    2016 capabilities), and the quota exercise's "games_ex_quota_above_china"."""
    latest = max(r["start_date"] for r in rows("memberships.csv") if r["organisation"] == "SCO")
    china_ahead, vetoes, rules = 0, 0, 0
    for day, year, when in (("2010-06-30", 2010, "2010"), (latest, 2016, "latest")):
        w, m = sco_cinc(day, year), sco_military(day, year)
        councils = [(w, sum(w.values()) / 2 * (1 + 1e-9)), (w, sum(w.values()) * 2 / 3),
                    (m, sum(m.values()) / 2 * (1 + 1e-9))]
        for weights, quota in councils:
            ss = shapley_shubik(weights, quota)
            china_ahead += ss["CHN"] > ss["RUS"]
            vetoes += sum(weights.values()) - weights["RUS"] < quota
            rules += 1
        military = shapley_shubik(m, sum(m.values()) / 2 * (1 + 1e-9))
        assert glued_number(GAMES_CHAPTER, f"games_ss_chn_military_{when}") == pytest.approx(military["CHN"])
        assert glued_number(GAMES_CHAPTER, f"games_ss_rus_military_{when}") == pytest.approx(military["RUS"])
    assert claim_value(GAMES_CHAPTER, "games_china_ahead_weighted") == f"{china_ahead} of {rules}"
    assert claim_value(GAMES_CHAPTER, "games_russia_veto_weighted") == f"{vetoes} of {rules}"
    w = sco_cinc("2010-06-30", 2010)
    share = w["CHN"] / sum(w.values())
    quotas = [round(0.5 + 0.01 * k, 2) for k in range(51)]
    first = min(q for q in quotas if shapley_shubik(w, q * sum(w.values()))["RUS"] > 0)
    assert claim_value(GAMES_CHAPTER, "games_ex_quota_above_china") is (first == min(q for q in quotas if q > share))


# ---- chapters/08-the-space-of-2x2-games

def labelled_games():
    """Every strict 2x2 game as ((a11, a12, a21, a22), (b11, b12, b21, b22))."""
    return [(a, b) for a in itertools.permutations(range(1, 5)) for b in itertools.permutations(range(1, 5))]


def images(a, b, exchange):
    """The game under every relabelling: rows swapped or not, columns swapped or not, and
    (if `exchange`) players exchanged or not. Cells are listed (11, 12, 21, 22)."""
    swap_rows = lambda m: (m[2], m[3], m[0], m[1])  # noqa: E731
    swap_cols = lambda m: (m[1], m[0], m[3], m[2])  # noqa: E731
    transpose = lambda m: (m[0], m[2], m[1], m[3])  # noqa: E731
    found = set()
    for r in (False, True):
        for c in (False, True):
            x, y = a, b
            if r:
                x, y = swap_rows(x), swap_rows(y)
            if c:
                x, y = swap_cols(x), swap_cols(y)
            found.add((x, y))
            if exchange:
                found.add((transpose(y), transpose(x)))
    return frozenset(found)


@pytest.fixture(scope="module")
def orbits():
    return {exchange: {images(a, b, exchange) for a, b in labelled_games()} for exchange in (False, True)}


def test_space_class_counts(orbits):
    """08-the-space-of-2x2-games: 576 labelled games, 144 and 78 classes, 12 symmetric, 57 conflict games."""
    assert glued_number(SPACE, "space_n_labelled") == len(labelled_games())
    assert glued_number(SPACE, "space_n_rg144") == len(orbits[False])
    assert glued_number(SPACE, "space_n_rg78") == len(orbits[True])
    transpose = lambda m: (m[0], m[2], m[1], m[3])  # noqa: E731
    symmetric = sum(any(x == transpose(y) for x, y in orbit) for orbit in orbits[False])
    assert glued_number(SPACE, "space_n_symmetric") == symmetric
    conflict = sum(not any(x[i] == 4 and y[i] == 4 for i in range(4)) for x, y in (next(iter(o)) for o in orbits[True]))
    assert glued_number(SPACE, "space_n_conflict") == conflict


def test_space_equilibrium_counts(orbits):
    """08-the-space-of-2x2-games: games with 0, 1 and 2 pure equilibria, and Pareto-deficient ones."""
    counts = {0: 0, 1: 0, 2: 0}
    deficient = 0
    for orbit in orbits[False]:
        a, b = next(iter(orbit))
        game = {cell: (a[k], b[k]) for k, cell in enumerate(CELLS)}
        equilibria = pure_equilibria(game)
        counts[len(equilibria)] += 1
        deficient += any(game[o][0] > game[e][0] and game[o][1] > game[e][1] for e in equilibria for o in CELLS)
    for n, count in counts.items():
        assert glued_number(SPACE, f"space_n_{n}_equilibria") == count
    assert glued_number(SPACE, "space_n_deficient") == deficient


def test_space_dependence_and_threshold():
    """08-the-space-of-2x2-games: dependence from 2010 CINC, and the threat at which Russia commits.

    In the chapter's construction (entrapment cost 0.15, the chapter's assumption) an ally
    commits strongly alone once threat x dependence exceeds twice the entrapment cost, and
    the partner, being less dependent, stays weak.
    """
    cinc = {int(r["cow_code"]): float(r["cinc"]) for r in rows("nmc_capabilities.csv") if r["year"] == "2010"}
    d_russia = cinc[710] / (cinc[710] + cinc[365])
    assert glued_number(SPACE, "space_dep_russia_2010") == pytest.approx(d_russia)
    threats = [round(0.01 * k, 2) for k in range(1, 101)]
    assert glued_number(SPACE, "space_threat_russia_commits") == min(t for t in threats if t * d_russia > 2 * 0.15)


def test_space_published_counts_claim():
    """08-the-space-of-2x2-games: "space_all_agree", each published count against the glue."""
    glue_of = {"rapoport_guyer_classes": "space_n_rg78", "robinson_goforth_games": "space_n_rg144",
               "robinson_goforth_symmetric": "space_n_symmetric", "brams_conflict_games": "space_n_conflict"}
    published = {r["count"]: int(r["published_value"]) for r in rows("game_taxonomy_counts.csv")}
    agree = sum(glued_number(SPACE, glue_of[k]) == v for k, v in published.items())
    assert claim_value(SPACE, "space_all_agree") == f"{agree} of {len(published)}"


def test_space_dilemma_claims(orbits):
    """08-the-space-of-2x2-games: the 10 deficient R&G classes split into coordination games
    and dilemmas; "space_pd_only_symmetric_dilemma" and "space_dilemmas_rare"."""
    transpose = lambda m: (m[0], m[2], m[1], m[3])  # noqa: E731
    coordination = dilemmas = symmetric_dilemmas = 0
    pd_in_symmetric_dilemmas = False
    pd_key = ((3, 1, 4, 2), (3, 4, 1, 2))
    for orbit in orbits[True]:
        a, b = next(iter(orbit))
        game = {cell: (a[k], b[k]) for k, cell in enumerate(CELLS)}
        eq = pure_equilibria(game)
        deficient = any(game[o][0] > game[e][0] and game[o][1] > game[e][1] for e in eq for o in CELLS)
        if not deficient:
            continue
        if len(eq) == 2:
            coordination += 1
        else:
            dilemmas += 1
            if any(x == transpose(y) for x, y in orbit):
                symmetric_dilemmas += 1
                pd_in_symmetric_dilemmas = pd_key in orbit
    assert glued_number(SPACE, "space_n_deficient_coordination") == coordination == 6
    assert glued_number(SPACE, "space_n_deficient_dilemmas") == dilemmas
    assert claim_value(SPACE, "space_pd_only_symmetric_dilemma") is (symmetric_dilemmas == 1 and pd_in_symmetric_dilemmas)
    assert claim_value(SPACE, "space_dilemmas_rare") is (dilemmas / len(orbits[True]) < 0.1)


def cinc_by(year):
    return {int(r["cow_code"]): float(r["cinc"]) for r in rows("nmc_capabilities.csv") if r["year"] == str(year)}


def test_space_alliance_model_claims():
    """08-the-space-of-2x2-games: the alliance model's claims, by the rule that an ally commits
    strongly exactly when threat x dependence > 2e (the chapter's ranking argument):
    "space_rule_matches_equilibria", "space_russia_commits_china_not", "space_dep_pair_sums_to_one",
    "space_china_commits_us_measure", "space_refusal_turns_on_e", "space_snyder_same_kind"."""
    e = 0.15  # the chapter's ENTRAPMENT, typed here
    threats = [round(0.01 * k, 2) for k in range(1, 101)]
    c = cinc_by(2010)
    d_russia, d_china = c[710] / (c[710] + c[365]), c[365] / (c[710] + c[365])

    def pattern(dr, dc, er, ec):
        return any(t * dr > 2 * er for t in threats), any(t * dc > 2 * ec for t in threats)

    # the equilibria of each game on the 2010 path, solved by hand (pure: no profitable switch;
    # mixed: each makes the other indifferent), the mixed one chosen where there are several
    def alliance(x):  # one ally's payoffs, rows its own (S, W), columns its partner's (S, W)
        return [[x - e, x / 2 - e], [x, 0.0]]

    def strong(t):
        A, own_china = alliance(t * d_russia), alliance(t * d_china)
        B = [[own_china[j][i] for j in range(2)] for i in range(2)]  # China's payoff at (Russia i, China j)
        for M in (A, own_china):
            values = sorted(v for line in M for v in line)
            assert min(b - a for a, b in zip(values, values[1:])) > 1e-9, t  # no tie: the game is generic
        pure = [(float(i == 0), float(j == 0)) for i in range(2) for j in range(2)
                if A[i][j] >= A[1 - i][j] and B[i][j] >= B[i][1 - j]]
        p = (B[1][1] - B[1][0]) / (B[0][0] - B[1][0] - B[0][1] + B[1][1])
        q = (A[1][1] - A[0][1]) / (A[0][0] - A[0][1] - A[1][0] + A[1][1])
        if 0 < p < 1 and 0 < q < 1:
            return p, q
        assert len(pure) == 1, t
        return pure[0]
    path = {t: strong(t) for t in threats}
    russia_first = min((t for t, (r, _) in path.items() if r > 0.5), default=None)
    rule_first = min((t for t in threats if t * d_russia > 2 * e), default=None)
    agrees = (all((path[t][1] > 0) == (t * d_china > 2 * e) for t in threats)
              and russia_first is not None and russia_first == rule_first)
    assert claim_value(SPACE, "space_rule_matches_equilibria") is agrees
    assert glued_number(SPACE, "space_threat_russia_commits") == russia_first
    assert claim_value(SPACE, "space_russia_commits_china_not") is (pattern(d_russia, d_china, e, e) == (True, False))
    sums_pair = [] ; sums_us = []
    years = {int(r["year"]) for r in rows("nmc_capabilities.csv")}
    for year in sorted(years):
        cy = cinc_by(year)
        if not all(k in cy for k in (2, 365, 710)):
            continue
        sums_pair.append(cy[710] / (cy[710] + cy[365]) + cy[365] / (cy[710] + cy[365]))
        sums_us.append(min(1, cy[710] / cy[2]) + min(1, cy[365] / cy[2]))
    assert claim_value(SPACE, "space_dep_pair_sums_to_one") is (
        all(abs(x - 1) < 1e-9 for x in sums_pair) and not all(abs(x - 1) < 1e-9 for x in sums_us))
    us_china = min(1, c[365] / c[2])
    assert glued_number(SPACE, "space_dep_us_china_2010") == pytest.approx(us_china, abs=1e-3)
    assert claim_value(SPACE, "space_china_commits_us_measure") is any(t * us_china > 2 * e for t in threats)
    grid = [round(0.01 * k, 2) for k in range(1, 31)]
    china_commits = [x for x in grid if any(t * d_china > 2 * x for t in threats)]
    assert glued_number(SPACE, "space_e_china_commits_below") == pytest.approx(max(china_commits))
    assert claim_value(SPACE, "space_refusal_turns_on_e") is (bool(china_commits) and e > max(china_commits))
    snyder = pattern(d_russia, d_china, 2 * e * (1 - d_russia), 2 * e * (1 - d_china))
    assert claim_value(SPACE, "space_snyder_same_kind") is (snyder == (True, False) == pattern(d_russia, d_china, e, e))


def test_space_n_person_claims():
    """08-the-space-of-2x2-games: "space_privileged_group" and "space_primary_is_dilemma_for_small"
    for the six SCO founders, weights their 2001 CINC shares (cost 0.2, benefit 1: the chapter's)."""
    cost, benefit = 0.2, 1.0
    founders = ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"]
    cow = {}
    for r in rows("countries.csv"):
        if r["iso3"] in founders:
            cow.setdefault(r["iso3"], []).append((int(r["last_year"] or 9999), int(r["cow_code"])))
    c = cinc_by(2001)
    weights = {m: c[max(cow[m])[1]] for m in founders}
    total = sum(weights.values())
    joins = [m for m in founders if benefit * weights[m] / total > cost]
    assert claim_value(SPACE, "space_privileged_group") == f"{len(joins)} of {len(founders)}"
    small = all(benefit * weights[m] / total < cost for m in founders[2:])
    assert claim_value(SPACE, "space_primary_is_dilemma_for_small") is (benefit - cost > 0 and small)


# ---- chapters/09-repetition-and-evolution

def test_repeat_discount_thresholds():
    """09-repetition-and-evolution: grim-trigger and tit-for-tat thresholds of the ordinal PD."""
    g = named_games()["prisoners_dilemma"]
    T, R, P, S = g["D", "C"][0], g["C", "C"][0], g["D", "D"][0], g["C", "D"][0]
    assert glued_number(REPEAT, "repeat_grim_threshold") == pytest.approx((T - R) / (T - P))
    assert glued_number(REPEAT, "repeat_tft_threshold") == pytest.approx(max((T - R) / (T - P), (T - R) / (R - S)))
    assert glued_number(REPEAT, "repeat_numeric_threshold") == pytest.approx((T - R) / (T - P), abs=0.0015)


def test_repeat_chicken_mixed_share():
    """09-repetition-and-evolution: Chicken's mixed equilibrium, the saddle of the two-population dynamics."""
    g = named_games()["chicken"]
    a = {cell: p[0] for cell, p in g.items()}
    q = (a["D", "D"] - a["C", "D"]) / (a["C", "C"] - a["C", "D"] - a["D", "C"] + a["D", "D"])
    assert glued_number(REPEAT, "repeat_chicken_mixed") == pytest.approx(q)


def pd_payoffs():
    g = named_games()["prisoners_dilemma"]
    return g["D", "C"][0], g["C", "C"][0], g["D", "D"][0], g["C", "D"][0]  # T, R, P, S


def test_repeat_threshold_claims():
    """09-repetition-and-evolution: "repeat_numeric_agrees", and over the re-scalings drawn again
    "repeat_grim_above_half" ((T-R)/(T-P) > 1/2) and "repeat_tft_impossible" (T + S >= 2R)."""
    T, R, P, S = pd_payoffs()
    numeric = glued_number(REPEAT, "repeat_numeric_threshold")
    assert claim_value(REPEAT, "repeat_numeric_agrees") is (abs(numeric - (T - R) / (T - P)) <= 0.0015)
    assert glued_number(REPEAT, "repeat_grim_10321") == pytest.approx(7 / 8)
    n = int(glued_number(REPEAT, "repeat_n_rescalings"))
    draws = rescalings(n, RESCALING_SEED)
    above = sum((u[T - 1] - u[R - 1]) / (u[T - 1] - u[P - 1]) > 0.5 for u in draws)
    impossible = sum(u[T - 1] + u[S - 1] >= 2 * u[R - 1] for u in draws)
    assert claim_value(REPEAT, "repeat_grim_above_half") == f"{above} of {n}"
    assert claim_value(REPEAT, "repeat_tft_impossible") == f"{impossible} of {n}"


def test_repeat_tournament_claims():
    """09-repetition-and-evolution: the claims agree with the glued ranking, and
    "repeat_shadow_defector_gains" with the glued ranks of the two formats (axelrod's draws of
    uncertain lengths are not redone; the ranking itself is recomputed in
    test_repeat_tournament_in_expectation)."""
    nice = {"Cooperator", "Tit For Tat", "Grudger", "Tit For 2 Tats"}
    ranking = glued(REPEAT)["repeat_ranking"].split(", ")
    assert claim_value(REPEAT, "repeat_top_three_nice") == f"{sum(n in nice for n in ranking[:3])} of 3"
    assert claim_value(REPEAT, "repeat_free_rider_beaten") is (ranking.index("Defector") > 0)
    assert int(glued_number(REPEAT, "repeat_defector_rank")) == ranking.index("Defector") + 1
    assert claim_value(REPEAT, "repeat_shadow_defector_gains") is (
        glued_number(REPEAT, "repeat_shadow_defector_uncertain") < glued_number(REPEAT, "repeat_shadow_defector_fixed"))


def play(first, second, turns, payoff):
    """Per-round scores of `first` in a match of each length 1..turns (deterministic strategies)."""
    def move(name, mine, theirs):
        if name == "Cooperator":
            return "C"
        if name == "Defector":
            return "D"
        if name == "Tit For Tat":
            return theirs[-1] if theirs else "C"
        if name == "Suspicious Tit For Tat":
            return theirs[-1] if theirs else "D"
        if name == "Grudger":
            return "D" if "D" in theirs else "C"
        if name == "Tit For 2 Tats":
            return "D" if theirs[-2:] == ["D", "D"] else "C"
        raise KeyError(name)
    a, b, total, per_round = [], [], 0, []
    for k in range(turns):
        x, y = move(first, a, b), move(second, b, a)
        a.append(x)
        b.append(y)
        total += payoff[x, y]
        per_round.append(total / (k + 1))
    return per_round


DETERMINISTIC = ["Cooperator", "Defector", "Tit For Tat", "Grudger", "Tit For 2 Tats", "Suspicious Tit For Tat"]


def test_repeat_tournament_in_expectation():
    """09-repetition-and-evolution: "repeat_top_three_nice" and "repeat_free_rider_beaten" from
    the round robin played by hand (every strategy against every other, not itself, for the
    chapter's number of rounds), the erratic ally's matches averaged over many draws of its
    own: each strategy's expected payoff per round. A claim whose ordering is within 0.05 of a
    tie is not compared (the chapter's seeded draws could order it either way)."""
    import random
    T, R, P, S = pd_payoffs()
    payoff = {("C", "C"): R, ("C", "D"): S, ("D", "C"): T, ("D", "D"): P}
    turns = int(glued_number(REPEAT, "repeat_turns"))
    rng = random.Random(9)

    def move(name, mine, theirs):
        if name == "Random: 0.5":
            return "C" if rng.random() < 0.5 else "D"
        return {"Cooperator": "C", "Defector": "D",
                "Tit For Tat": theirs[-1] if theirs else "C",
                "Suspicious Tit For Tat": theirs[-1] if theirs else "D",
                "Grudger": "D" if "D" in theirs else "C",
                "Tit For 2 Tats": "D" if theirs[-2:] == ["D", "D"] else "C"}[name]

    def per_round(first, second):
        a, b, total = [], [], 0
        for _ in range(turns):
            x, y = move(first, a, b), move(second, b, a)
            a.append(x)
            b.append(y)
            total += payoff[x, y]
        return total / turns
    field = [*DETERMINISTIC, "Random: 0.5"]
    assert sorted(field) == sorted(glued(REPEAT)["repeat_ranking"].split(", "))
    draws = 300
    score = {}
    for s in field:
        against = [sum(per_round(s, o) for _ in range(draws if "Random: 0.5" in (s, o) else 1))
                   / (draws if "Random: 0.5" in (s, o) else 1) for o in field if o != s]
        score[s] = sum(against) / len(against)
    ranked = sorted(field, key=score.get, reverse=True)
    nice = {"Cooperator", "Tit For Tat", "Grudger", "Tit For 2 Tats"}
    if score[ranked[2]] - score[ranked[3]] > 0.05:
        assert claim_value(REPEAT, "repeat_top_three_nice") == f"{sum(n in nice for n in ranked[:3])} of 3"
    best_other = max(score[s] for s in field if s != "Defector")
    if abs(score["Defector"] - best_other) > 0.05:
        assert claim_value(REPEAT, "repeat_free_rider_beaten") is (score["Defector"] < best_other)


def test_repeat_shadow_expectation_claim():
    """09-repetition-and-evolution: "repeat_shadow_expected_last", by playing the six
    deterministic strategies by hand and weighting match lengths geometrically."""
    T, R, P, S = pd_payoffs()
    payoff = {("C", "C"): R, ("C", "D"): S, ("D", "C"): T, ("D", "D"): P}
    prob_end = glued_number(REPEAT, "repeat_prob_end")
    mean = round(1 / prob_end)
    turns = 100
    weights = [prob_end * (1 - prob_end) ** (n - 1) for n in range(1, turns + 1)]
    total_weight = sum(weights)
    expected, fixed = {}, {}
    for s in DETERMINISTIC:
        curves = [play(s, o, turns, payoff) for o in DETERMINISTIC]
        average = [sum(c[k] for c in curves) / len(curves) for k in range(turns)]
        expected[s] = sum(w * v for w, v in zip(weights, average)) / total_weight
        fixed[s] = average[mean - 1]
    last = min(expected, key=expected.get) == "Defector" and min(fixed, key=fixed.get) == "Defector"
    assert claim_value(REPEAT, "repeat_shadow_expected_last") is last
    assert glued_number(REPEAT, "repeat_short_share") == pytest.approx(1 - (1 - prob_end) ** 3, abs=1e-4)


def rk4(f, x, t_end, dt):
    for _ in range(int(round(t_end / dt))):
        k1 = f(x)
        k2 = f([a + dt / 2 * b for a, b in zip(x, k1)])
        k3 = f([a + dt / 2 * b for a, b in zip(x, k2)])
        k4 = f([a + dt * b for a, b in zip(x, k3)])
        x = [a + dt / 6 * (b + 2 * c + 2 * d + e) for a, b, c, d, e in zip(x, k1, k2, k3, k4)]
    return x


def test_repeat_replicator_claims():
    """09-repetition-and-evolution: "repeat_pd_dies_out" (closed form of the logistic) and
    "repeat_two_populations_pure" (two-population dynamics in Chicken, integrated by hand)."""
    T, R, P, S = pd_payoffs()
    # one population, x = share of C: dx/dt = x (1 - x) (x (R - T) + (1 - x) (S - P)); here R - T = S - P
    assert R - T == S - P
    rate = S - P
    final = max(x0 * math.exp(rate * 15) / (1 - x0 + x0 * math.exp(rate * 15)) for x0 in (0.1, 0.5, 0.9))
    assert glued_number(REPEAT, "repeat_pd_final") == pytest.approx(final, abs=1e-6)
    assert claim_value(REPEAT, "repeat_pd_dies_out") is (final < 0.01)
    g = named_games()["chicken"]
    a = {cell: p[0] for cell, p in g.items()}
    b = {cell: p[1] for cell, p in g.items()}

    def flow(z):
        x, y = z  # shares of C among the row (Russian) and column (Chinese) populations
        row_gain = (y * a["C", "C"] + (1 - y) * a["C", "D"]) - (y * a["D", "C"] + (1 - y) * a["D", "D"])
        column_gain = (x * b["C", "C"] + (1 - x) * b["D", "C"]) - (x * b["C", "D"] + (1 - x) * b["D", "D"])
        return [x * (1 - x) * row_gain, y * (1 - y) * column_gain]

    grid = (0.1, 0.3, 0.45, 0.55, 0.7, 0.9)
    ends = [rk4(flow, [x, y], 40, 0.02) for x in grid for y in grid if x != y]
    pure = sum((round(x, 3), round(y, 3)) in {(1.0, 0.0), (0.0, 1.0)} for x, y in ends)
    assert claim_value(REPEAT, "repeat_two_populations_pure") == f"{pure} of {len(ends)}"
    assert glued_number(REPEAT, "repeat_two_pop_russia_yields") == sum(x > 0.5 for x, _ in ends)


def test_repeat_strategy_evolution_claims():
    """09-repetition-and-evolution: "repeat_evo_defector_dies_from_even", "repeat_evo_bistable",
    "repeat_wsls_not_strict", "repeat_noise_winner_unstable" and "repeat_noise_free_riders_gone",
    from 50-round matches played by hand (the noisy ones from the glued outcomes)."""
    T, R, P, S = pd_payoffs()
    payoff = {("C", "C"): R, ("C", "D"): S, ("D", "C"): T, ("D", "D"): P}
    turns = int(glued_number(REPEAT, "repeat_turns"))
    names = ["Cooperator", "Defector", "Tit For Tat", "Grudger"]
    M = [[play(s, o, turns, payoff)[-1] for o in names] for s in names]
    a, b, c, d = M[2][2], M[2][1], M[1][2], M[1][1]
    barrier = (a - c) / ((a - c) + (d - b))
    assert glued_number(REPEAT, "repeat_evo_barrier") == pytest.approx(barrier, abs=1e-4)

    def flow(x):
        fitness = [sum(M[i][j] * x[j] for j in range(4)) for i in range(4)]
        mean = sum(f * s for f, s in zip(fitness, x))
        return [s * (f - mean) for s, f in zip(x, fitness)]

    even = rk4(flow, [0.25] * 4, 300, 0.1)
    assert claim_value(REPEAT, "repeat_evo_defector_dies_from_even") is (even[1] < 0.01)
    rest = 0.5 * (1 - barrier) - 0.005
    above = rk4(flow, [rest, barrier + 0.01, rest, 0.0], 300, 0.1)
    assert claim_value(REPEAT, "repeat_evo_bistable") is (above[1] > 0.99)
    assert claim_value(REPEAT, "repeat_wsls_not_strict") is (2 * R <= T + P)
    # the noisy runs are axelrod's draws: their claims are checked against the glued outcomes
    winners = glued(REPEAT)["repeat_evo_noise_winners"].split(", ")
    assert claim_value(REPEAT, "repeat_noise_winner_unstable") is (len(set(winners)) > 1)
    shares = [float(x) for x in glued(REPEAT)["repeat_evo_noise_defector_shares"].split(", ")]
    assert claim_value(REPEAT, "repeat_noise_free_riders_gone") == f"{sum(x < 0.01 for x in shares)} of {len(shares)}"


def test_space_composite_game_claims():
    """08-the-space-of-2x2-games: the composite game's claims, by brute force over the eight
    profiles ("space_composite_russia_carries", "space_composite_us_firm",
    "space_composite_deterred", "space_composite_cost_deters"); the chapter's parameters typed here."""
    e, t_firm, t_conc, gain = 0.15, 0.75, 0.25, 0.3
    c = cinc_by(2010)
    d = {"R": c[710] / (c[710] + c[365]), "C": c[365] / (c[710] + c[365])}

    def ally(own, other, dependence, us):
        t = t_firm if us == "F" else t_conc
        cost = e if us == "F" else e / 2
        x = t * dependence
        return {("S", "S"): x - cost, ("S", "W"): x / 2 - cost, ("W", "S"): x, ("W", "W"): 0.0}[own, other]

    def payoffs(r, ch, us, cost):
        committed = (r == "S") + (ch == "S")
        return ally(r, ch, d["R"], us), ally(ch, r, d["C"], us), (gain - cost * committed) if us == "F" else 0.0

    def equilibria(cost):
        moves = (("S", "W"), ("S", "W"), ("F", "K"))
        result = []
        for profile in itertools.product(*moves):
            base = payoffs(*profile, cost)
            if all(payoffs(*(profile[:k] + (m,) + profile[k + 1:]), cost)[k] <= base[k] + 1e-9
                   for k in range(3) for m in moves[k]):
                result.append(profile)
        return result

    found = equilibria(0.2)
    assert glued(SPACE)["space_composite_equilibria"] == "; ".join("".join(p) for p in found)
    assert claim_value(SPACE, "space_composite_russia_carries") is (found == [("S", "W", "F")])
    assert claim_value(SPACE, "space_composite_us_firm") is (bool(found) and all(p[2] == "F" for p in found))
    assert claim_value(SPACE, "space_composite_deterred") is (payoffs("S", "S", "K", 0.2)[2] > payoffs("S", "S", "F", 0.2)[2])
    costs = [round(0.05 * k, 2) for k in range(1, 9)]
    deterred = [x for x in costs if equilibria(x) and all(p[2] == "K" for p in equilibria(x))]
    assert claim_value(SPACE, "space_composite_cost_deters") == f"{len(deterred)} of {len(costs)}"


# ---- re-runs with other parameters: the sentences follow the condition

def test_games_rerun_with_a_pessimistic_prior_changes_the_words():
    """07-alliance-games re-run with PRIOR_PD_CHINA = 0.7 (above p* = 1/2 on the 4-3-2-1
    scale): the claim "games_bayes_russia_firm" turns, and its words with it."""
    values = execute_with_parameters(GAMES_CHAPTER, PRIOR_PD_CHINA=0.7, N_RESCALINGS=50)
    record = json.loads(values["games_bayes_russia_firm__claim"])
    assert record["value"] is False and values["games_bayes_russia_firm"] == record["text"]
    assert "yield" in record["text"]


def test_space_rerun_with_a_cheap_entrapment_changes_the_words():
    """08-the-space-of-2x2-games re-run with ENTRAPMENT = 0.05 (below half China's 2010
    dependence): China now commits at some threat, so "space_russia_commits_china_not"
    and "space_refusal_turns_on_e" turn false, and their words with them."""
    values = execute_with_parameters(SPACE, ENTRAPMENT=0.05)
    for name in ("space_russia_commits_china_not", "space_refusal_turns_on_e"):
        record = json.loads(values[name + "__claim"])
        assert record["value"] is False and values[name] == record["text"], name


def test_space_china_and_dominance_claims(orbits):
    """08-the-space-of-2x2-games: "space_china_needs_need" (d_China x 1 <= 2e) and the
    exercise's "space_ex_pd_the_exception" (one both-dominant class is deficient: the PD's)."""
    c = cinc_by(2010)
    d_china = c[365] / (c[710] + c[365])
    assert claim_value(SPACE, "space_china_needs_need") is (1.0 * d_china <= 2 * 0.15)
    pd_key = ((3, 1, 4, 2), (3, 4, 1, 2))
    both, deficient = 0, []
    for orbit in orbits[True]:
        a, b = next(iter(orbit))
        game = {cell: (a[k], b[k]) for k, cell in enumerate(CELLS)}
        row_dom = any(all(game[m, col][0] > game[o, col][0] for col in "CD") for m, o in (("C", "D"), ("D", "C")))
        col_dom = any(all(game[row, m][1] > game[row, o][1] for row in "CD") for m, o in (("C", "D"), ("D", "C")))
        if row_dom and col_dom:
            both += 1
            eq = pure_equilibria(game)
            if any(game[o][0] > game[e][0] and game[o][1] > game[e][1] for e in eq for o in CELLS):
                deficient.append(orbit)
    assert glued_number(SPACE, "space_ex_n_both_dominant") == both
    assert claim_value(SPACE, "space_ex_pd_the_exception") is (len(deficient) == 1 and both > 2 and pd_key in deficient[0])


def test_exercise_claims():
    """07 and 09: the exercises' claims "games_ex_assurance_trust" (3 and 4 swapped in the PD of
    games.csv) and "repeat_ex_alternation_sets_tft" (Axelrod's 5-3-1-0)."""
    swap = {3: 4, 4: 3}
    g = {cell: (swap.get(a, a), swap.get(b, b)) for cell, (a, b) in named_games()["prisoners_dilemma"].items()}
    eq = set(pure_equilibria(g))
    best = g["C", "C"][0] == 4 and g["C", "C"][1] == 4
    assert claim_value(GAMES_CHAPTER, "games_ex_assurance_trust") is (eq == {("C", "C"), ("D", "D")} and best)
    T, R, P, S = 5, 3, 1, 0
    assert claim_value(REPEAT, "repeat_ex_alternation_sets_tft") is ((T - R) / (R - S) > (T - R) / (T - P))
