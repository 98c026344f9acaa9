"""Claims and numbers of chapters 10 (the case) and 11 (weighing the evidence), recomputed.

The recomputations read the CSV files with the standard library and redo the model by
hand (plain arithmetic over dictionaries; numpy only to replay the chapter's seeded
simulation): they share no code with the chapters or with sinorus.process_tracing.
Chapter 11 is also re-executed with the conventional-wisdom prior at 0.9, and every claim
of that run is checked against the recomputation under that prior, so that no sentence
of a re-run contradicts its own condition.
"""

import csv
import itertools
import math
from collections import defaultdict
from statistics import mean

import numpy as np
import pytest

from book_facts import CHAPTERS, ROOT, claim_value, claims, execute_with_parameters, glued, glued_number

CASE = CHAPTERS / "10-soft-balancing-the-case.md"
WEIGH = CHAPTERS / "11-weighing-the-evidence.md"

SB = "soft_balancing"
ALTS = ["economic_interests", "regional_security", "policy_disputes", "mutual_containment"]
HYPS = [SB, *ALTS]
FOR = ["motive", "territorial_denial", "entangling_diplomacy", "economic_strengthening",
       "signals_of_resolve", "perceived_aggressiveness"]
RUNG = {"yes": 1.0, "partly": 0.5, "no": 0.25}
PROB = {"yes": 0.75, "partly": 0.5, "no": 0.25}          # an act and its opposite sum to one
ACT_KINDS = ("obstructs_us", "cooperates_with_us")
NEW_ROWS = ["E53", "E54", "E55", "E56", "E57", "E58"]
SEPT_11 = "2001-09-11"
DEFAULTS = {"CONVENTIONAL_PRIOR_SB": 0.5, "SCEPTIC_PRIOR_SB": 0.1, "READING_WEIGHT": 0.0, "OCCAM": True}


def rows(name):
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def near(glued_value, recomputed, digits=4):
    """A value glued rounded to ``digits`` decimals against its recomputation."""
    return abs(float(glued_value) - recomputed) <= 0.6 * 10 ** -digits


class Table:
    """The evidence, by hand: codes, ratios and columns keyed by piece."""

    def __init__(self):
        evidence = rows("evidence.csv")
        evidence.sort(key=lambda r: (r["start_date"], r["evidence_id"]))
        self.ids = [r["evidence_id"] for r in evidence]
        self.row = {r["evidence_id"]: r for r in evidence}
        self.code = {i: {SB: r["soft_balancing_accounts"]} for i, r in self.row.items()}
        self.ratio = defaultdict(dict)
        self.reason = {}
        for r in rows("evidence_assessments.csv"):
            self.code[r["evidence_id"]][r["explanation"]] = r["accounts"]
            self.ratio[r["evidence_id"]][r["explanation"]] = float(r["likelihood_ratio"])
            self.reason[r["evidence_id"], r["explanation"]] = r["reason"]


@pytest.fixture(scope="module")
def table():
    return Table()


def occam(table, codes=None):
    """Each hypothesis's budget: max(1, P(its likeliest obstruction) + P(its likeliest cooperation))."""
    codes = codes or table.code
    out = {}
    for h in HYPS:
        total = 0.0
        for kind in ACT_KINDS:
            pieces = [i for i in table.ids if table.row[i]["act"] == kind]
            total += max((PROB[codes[i][h]] for i in pieces), default=0.5)
        out[h] = max(1.0, total)
    return out


def model_ratios(table, occam_on=True, base=None):
    base = base or table.ratio
    budget = occam(table)
    out = {}
    for i in table.ids:
        out[i] = dict(base[i])
        if occam_on and table.row[i]["act"] in ACT_KINDS:
            for h in ALTS:
                out[i][h] = base[i][h] * budget[h] / budget[SB]
    return out


def weights(table, reading_weight):
    return {i: reading_weight if table.row[i]["evidence_kind"] == "scholar_reading" else 1.0 for i in table.ids}


def log_sums(ratio, pieces, weight, scale=1.0):
    """sum_k w_k log P(E_k | h) / P(E_k | SB) for each hypothesis."""
    return {h: 0.0 if h == SB else -scale * sum(weight[k] * math.log(ratio[k][h]) for k in pieces) for h in HYPS}


def posterior(prior, sums):
    logs = {h: (math.log(prior[h]) if prior[h] > 0 else -math.inf) + sums[h] for h in sums}
    top = max(logs.values())
    w = {h: math.exp(v - top) for h, v in logs.items()}
    total = sum(w.values())
    return {h: v / total for h, v in w.items()}


def leader(post):
    best = max(post.values())
    top = [h for h in post if math.isclose(post[h], best, rel_tol=1e-10, abs_tol=1e-15)]
    return top[0] if len(top) == 1 else "tie"


def sb_prior(p):
    return {SB: p, **{h: (1 - p) / 4 for h in ALTS}}


def expected_weigh_claims(table, params):
    """The value of every claim of chapter 11, recomputed by hand under ``params``."""
    conv, rw = params["CONVENTIONAL_PRIOR_SB"], params["READING_WEIGHT"]
    ratio = model_ratios(table, params["OCCAM"])
    w = weights(table, rw)
    ids = table.ids
    sums = log_sums(ratio, ids, w)
    flat = posterior(sb_prior(0.2), sums)
    out = {}
    budget = occam(table)
    out["sb11_n_expect_both"] = f"{sum(b >= 1.5 for b in budget.values())} of 5"
    out["sb11_leader"] = leader(flat)
    # the Occam factor on the earlier policy-dispute codes
    earlier_codes = {i: dict(c) for i, c in table.code.items()}
    earlier_base = {i: dict(r) for i, r in table.ratio.items()}
    for i, v in {"E01": 0.5, "E33": 1.0, "E19": 0.25}.items():
        earlier_codes[i]["policy_disputes"] = "yes"
        earlier_base[i]["policy_disputes"] = v
    plain = posterior(sb_prior(0.2), log_sums(earlier_base, ids, w))["policy_disputes"]
    budget_earlier = occam(table, earlier_codes)
    with_factor = {i: {h: earlier_base[i][h] * (budget_earlier[h] / budget_earlier[SB]
                                                if table.row[i]["act"] in ACT_KINDS else 1.0) for h in ALTS}
                   for i in ids}
    occam_pd = posterior(sb_prior(0.2), log_sums(with_factor, ids, w))["policy_disputes"]
    out["sb11_occam_cuts_pd"] = occam_pd < plain
    conventional = posterior(sb_prior(conv), sums)
    rival_conv = max(ALTS, key=conventional.get)
    out["sb11_conventional_sb_leads"] = conventional[SB] > conventional[rival_conv]
    out["sb11_conventional_rival"] = rival_conv
    # the whole simplex, step 1/20, boundary included
    n, wins, lowered, inside, lowest = 20, 0, 0, 0, None
    total = 0
    for parts in itertools.product(range(n + 1), repeat=4):
        if sum(parts) > n:
            continue
        prior = dict(zip(HYPS, [x / n for x in (*parts, n - sum(parts))]))
        total += 1
        post = posterior(prior, sums)
        if leader(post) == SB:
            wins += 1
            lowest = prior[SB] if lowest is None else min(lowest, prior[SB])
        if 0 < prior[SB] < 1:
            inside += 1
            lowered += post[SB] < prior[SB]
    out["sb11_sb_leads_simplex"] = f"{wins} of {total}"
    out["sb11_sb_lowered_simplex"] = f"{lowered} of {inside}"
    out["sb11_sb_lowest_winning_prior"] = "none" if lowest is None else "vertex" if lowest == 1 else "some"
    # the contest with the strongest rival
    top = max(flat, key=flat.get)
    rival = top if top != SB else max(ALTS, key=flat.get)
    log_lr = {i: w[i] * math.log(ratio[i][rival]) for i in ids}
    pre = [i for i in ids if table.row[i]["start_date"] < SEPT_11]
    out["sb11_pre2001_favour_sb"] = f"{sum(log_lr[i] > 1e-12 for i in pre)} of {len(pre)}"
    total_lr = sum(log_lr.values())
    out["sb11_evidence_favours_sb"] = total_lr > 0
    running, n_level = total_lr, 0
    for value in sorted(v for v in log_lr.values() if v < -1e-12):
        running -= value
        n_level += 1
        if running >= 0:
            break
    out["sb11_level_by_recoding"] = ("already" if total_lr >= 0 else "by_recoding" if running >= 0 else "never")
    # the slice: soft balancing's prior from 0.02 to 0.98
    slice_priors = [round(0.02 * k, 10) for k in range(1, 50)]
    below = sum(posterior(sb_prior(p), sums)[SB] < p for p in slice_priors)
    out["sb11_slice_below"] = f"{below} of {len(slice_priors)}"
    quarter = log_sums(ratio, ids, w, scale=0.25)
    out["sb11_w025_hardly"] = max(abs(posterior(sb_prior(p), quarter)[SB] - p) for p in slice_priors) < 0.05
    out["sb11_prior_reaches_half"] = any(posterior(sb_prior(p), sums)[SB] >= 0.5 for p in slice_priors)
    # the simulation, replayed with the chapter's seed and order of draws
    rng = np.random.default_rng(2008)
    weight = np.array([w[i] for i in ids])
    logs = np.array([[0.0] + [-math.log(ratio[i][h]) for h in ALTS] for i in ids]) * weight[:, None]
    noise = rng.uniform(-math.log(2), math.log(2), size=(4000, len(ids), 4))
    noisy = np.repeat(logs[None], 4000, axis=0)
    noisy[:, :, 1:] -= noise * weight[None, :, None]
    draw_w = rng.uniform(0.25, 1.0, size=(4000, 1))
    draw_prior = rng.dirichlet(np.ones(5), size=4000)
    lw = np.log(draw_prior) + draw_w * noisy.sum(axis=1)
    lw -= lw.max(axis=1, keepdims=True)
    draws = np.exp(lw) / np.exp(lw).sum(axis=1, keepdims=True)
    tops = draws.argmax(axis=1)
    counts = [int((tops == k).sum()) for k in range(5)]
    out["sb11_mc_leader"] = HYPS[counts.index(max(counts))]
    wins_mc = tops == 0
    out["sb11_mc_prior_carries"] = bool(wins_mc.any() and draw_prior[wins_mc, 0].mean() > draw_prior[:, 0].mean() + 0.1)
    # by scope and by paper
    def on(pieces):
        return leader(posterior(sb_prior(0.2), log_sums(ratio, pieces, w)))
    out["sb11_leader_central_asia"] = on([i for i in ids if table.row[i]["scope"] == "central_asia"])
    out["sb11_leader_regional"] = on([i for i in ids if table.row[i]["scope"] != "global"])
    out["sb11_leader_without_two"] = on([i for i in ids if i not in ("E19", "E31")])
    out["sb11_leader_bergfeldt_only"] = on([i for i in ids if table.row[i]["paper"] == "bergfeldt2008"])
    # partial fits read as weak expectations
    promoted = {i: dict(r) for i, r in table.ratio.items()}
    for (i, h), reason in table.reason.items():
        if table.code[i][h] == "partly" and not reason.startswith("Silent"):
            promoted[i][h] *= 0.75
    promoted_post = posterior(sb_prior(0.2), log_sums(model_ratios(table, params["OCCAM"], promoted), ids, w))
    out["sb11_leader_partial_fit"] = leader(promoted_post)
    out["sb11_p_sb_partial_fit"] = promoted_post[SB] < 0.001
    # a sixth hypothesis, regime security: expects six pieces, silent on the rest
    six_logs = dict(sums)
    regime = {r["evidence_id"]: r for r in rows("evidence_regime_security.csv")}
    regime_code = {i: regime[i]["accounts"] for i in ids}
    regime_budget = max(1.0, sum(max(PROB[regime_code[i]] for i in ids if table.row[i]["act"] == kind)
                                 for kind in ACT_KINDS))
    regime_ratio = {}
    for i in ids:
        regime_ratio[i] = float(regime[i]["likelihood_ratio"])
        if params["OCCAM"] and table.row[i]["act"] in ACT_KINDS:
            regime_ratio[i] *= regime_budget / budget[SB]
    six_logs["regime_security"] = -sum(w[i] * math.log(regime_ratio[i]) for i in ids)
    out["sb11_leader_six"] = leader(posterior({h: 1 / 6 for h in six_logs}, six_logs))
    out["sb11_sb_not_clear_winner"] = flat[SB] < 0.5
    lead = out["sb11_leader"]
    out["sb11_thesis_vs_model"] = ("policy_disputes" if lead == "policy_disputes" else "sb" if lead == SB
                                   else "tie" if lead == "tie" else "other")
    # the earlier edition's codes, and the steps from them to this model
    earlier = {i: dict(table.ratio[i]) for i in ids}
    for i in ids:
        if table.row[i]["evidence_kind"] == "us_action":
            earlier[i] = {h: 2.0 for h in ALTS}
    for i, v in {"E01": 0.5, "E33": 1.0, "E19": 0.25, "E31": 0.25}.items():
        earlier[i]["policy_disputes"] = v
    recoded_pd = {i: dict(r) for i, r in earlier.items()}
    for i in ("E01", "E33", "E19", "E31"):
        recoded_pd[i]["policy_disputes"] = table.ratio[i]["policy_disputes"]
    old_ids = [i for i in ids if i not in NEW_ROWS]
    ones = {i: 1.0 for i in ids}
    steps = [("+ policy-dispute recode", recoded_pd, ones, old_ids), ("+ US acts at ratio 1", table.ratio, ones, old_ids),
             ("+ scholars' readings weighted", table.ratio, w, old_ids), ("+ Occam factor", ratio, w, old_ids),
             ("+ newly coded rows (this chapter's model)", ratio, w, ids)]
    previous = posterior(sb_prior(0.2), log_sums(earlier, old_ids, ones))
    out["sb11_earlier_leader"] = leader(previous)
    moves = {}
    for name, r, wt, pieces in steps:
        now = posterior(sb_prior(0.2), log_sums(r, pieces, wt))
        moves[name] = abs(now[SB] - previous[SB])
        previous = now
    out["sb11_biggest_step"] = max(moves, key=moves.get)
    out["sb11_sb_rank"] = str(1 + sum(flat[h] > flat[SB] for h in ALTS))
    offered = [i for i in ids if table.row[i]["bears_on"] in ("motive", "perceived_aggressiveness")]
    out["sb11_offer_not_observed"] = (f"{sum(table.row[i]['evidence_kind'] != 'observation' for i in offered)}"
                                      f" of {len(offered)}")
    # exercises
    early = [i for i in ids if table.row[i]["start_date"] < "2005-07-05"]
    out["sb11_ex_early_leader"] = on(early)
    def ladder(rungs):
        return {i: {h: rungs[table.code[i][SB]] / rungs[table.code[i][h]] for h in ALTS} for i in ids}
    steep = dict(RUNG, no=0.125)
    as_coded = posterior(sb_prior(0.2), log_sums(ladder(RUNG), ids, w))[SB]
    steeper = posterior(sb_prior(0.2), log_sums(ladder(steep), ids, w))[SB]
    out["sb11_ex_steep_costs_sb"] = steeper < as_coded
    return out, {"flat": flat, "conventional": conventional, "rival_conv": rival_conv,
                 "p_pd_earlier_plain": plain, "p_pd_earlier_occam": occam_pd}


# ---- chapter 10


def test_case_counts(table):
    """10-soft-balancing-the-case: pieces, by paper, assessments, the case for and against."""
    ids = table.ids
    assert glued_number(CASE, "sb10_n_evidence") == len(ids)
    assert glued_number(CASE, "sb10_n_bergfeldt") == sum(table.row[i]["paper"] == "bergfeldt2008" for i in ids)
    assert glued_number(CASE, "sb10_n_machaffie") == sum(table.row[i]["paper"] == "machaffie2011" for i in ids)
    assert glued_number(CASE, "sb10_n_assessments") == len(rows("evidence_assessments.csv"))
    case_for = [i for i in ids if table.row[i]["bears_on"] in FOR]
    against = [i for i in ids if i not in case_for]
    assert glued_number(CASE, "sb10_n_for") == len(case_for)
    assert glued_number(CASE, "sb10_n_against") == len(against)
    for code, name in (("yes", "sb10_n_for_yes"), ("partly", "sb10_n_for_partly"), ("no", "sb10_n_for_no")):
        assert glued_number(CASE, name) == sum(table.code[i][SB] == code for i in case_for)
    assert glued_number(CASE, "sb10_n_against_no") == sum(table.code[i][SB] == "no" for i in against)
    assert claim_value(CASE, "sb10_for_has_no") is any(table.code[i][SB] == "no" for i in case_for)
    assert claim_value(CASE, "sb10_against_mostly_silent") is (
        sum(table.code[i][SB] == "partly" for i in against) > len(against) / 2)
    more = "more" if len(against) > len(case_for) else "fewer" if len(against) < len(case_for) else "as many"
    assert claim_value(CASE, "sb10_against_vs_for") == more
    for_no = [i for i in case_for if table.code[i][SB] == "no"]
    assert claim_value(CASE, "sb10_no_only_machaffie") is bool(
        for_no and all(table.row[i]["paper"] == "machaffie2011" for i in for_no))


def test_case_discriminating_pieces(table):
    """10-soft-balancing-the-case: pieces only soft balancing expects, and those a policy dispute expects too."""
    sb_yes = [i for i in table.ids if table.code[i][SB] == "yes"]
    only = [i for i in sb_yes if all(table.code[i][h] != "yes" for h in ALTS)]
    assert glued_number(CASE, "sb10_n_sb_yes") == len(sb_yes)
    assert glued_number(CASE, "sb10_n_only_sb") == len(only)
    assert glued_number(CASE, "sb10_n_also_pd") == sum(table.code[i]["policy_disputes"] == "yes" for i in sb_yes)
    assert claim_value(CASE, "sb10_few_only_sb") is (len(only) < len(sb_yes) / 2)


def test_case_congruence_claims(table):
    """10-soft-balancing-the-case: the congruence cells and the sentences they choose."""
    def cell(group, h):
        return mean(RUNG[table.code[i][h]] for i in table.ids if table.row[i]["bears_on"] == group)
    sb_for = mean(cell(g, SB) for g in FOR)
    pd_for = mean(cell(g, "policy_disputes") for g in FOR)
    assert near(glued_number(CASE, "sb10_sb_mean_for"), sb_for)
    assert near(glued_number(CASE, "sb10_pd_mean_for"), pd_for)
    pd_ent, sb_ent = cell("entangling_diplomacy", "policy_disputes"), cell("entangling_diplomacy", SB)
    assert near(glued_number(CASE, "sb10_pd_entangling"), pd_ent)
    assert near(glued_number(CASE, "sb10_sb_entangling"), sb_ent)
    assert near(glued_number(CASE, "sb10_sb_mean_against"), mean(cell(g, SB) for g in ALTS))
    gap = pd_ent - sb_ent
    assert claim_value(CASE, "sb10_pd_vs_sb_entangling") == (
        "passes" if gap > 1e-9 else "equals" if gap > -1e-9 else "falls short of")
    behind = sb_for - pd_for
    assert claim_value(CASE, "sb10_pd_behind") == ("ahead" if behind < 0 else "close" if behind < 0.1 else "far")
    own = sum(cell(a, a) >= max(cell(a, h) for h in HYPS) - 1e-12 for a in ALTS)
    assert claim_value(CASE, "sb10_own_row") == f"{own} of {len(ALTS)}"


def test_case_dates(table):
    """10-soft-balancing-the-case: how much of each case dates from after September 2001."""
    ids = table.ids
    case_for = [i for i in ids if table.row[i]["bears_on"] in FOR]
    against = [i for i in ids if i not in case_for]
    after = sum(table.row[i]["start_date"] >= SEPT_11 for i in case_for)
    assert claim_value(CASE, "sb10_for_after_2001") == f"{after} of {len(case_for)}"
    before = sum(table.row[i]["start_date"] < SEPT_11 for i in against)
    assert claim_value(CASE, "sb10_against_before_2001") == f"{before} of {len(against)}"
    early = [i for i in ids if table.row[i]["start_date"] < SEPT_11]
    assert claim_value(CASE, "sb10_early_sb_yes") == f"{sum(table.code[i][SB] == 'yes' for i in early)} of {len(early)}"


def test_case_recoded_and_added(table):
    """10-soft-balancing-the-case: the rows recoded and added in this edition, and the global scope."""
    assert glued_number(CASE, "sb10_n_recoded") == sum("Recoded from" in r for r in table.reason.values())
    assert glued_number(CASE, "sb10_n_us_actions") == sum(r["evidence_kind"] == "us_action" for r in table.row.values())
    assert glued_number(CASE, "sb10_n_added") == len([i for i in NEW_ROWS if i in table.row])
    assert glued_number(CASE, "sb10_n_global") == sum(r["scope"] == "global" for r in table.row.values())
    offered = [r for r in table.row.values() if r["bears_on"] in ("motive", "perceived_aggressiveness")]
    assert glued_number(CASE, "sb10_n_offered_motive") == len(offered)
    assert glued_number(CASE, "sb10_n_offered_not_observed") == sum(r["evidence_kind"] != "observation" for r in offered)


# ---- chapter 11


def test_weigh_every_claim_as_executed(table):
    """11-weighing-the-evidence: every claim of the executed chapter, recomputed by hand."""
    expected, _ = expected_weigh_claims(table, DEFAULTS)
    stored = {name: record["value"] for name, record in claims(WEIGH).items()}
    assert set(stored) == set(expected), set(stored) ^ set(expected)
    wrong = {name: (stored[name], expected[name]) for name in expected if stored[name] != expected[name]}
    assert not wrong


def test_weigh_numbers(table):
    """11-weighing-the-evidence: the glued posteriors and counts of the revised model."""
    expected, run = expected_weigh_claims(table, DEFAULTS)
    flat, conventional = run["flat"], run["conventional"]
    assert near(glued_number(WEIGH, "sb11_p_sb_indifferent"), flat[SB])
    assert near(glued_number(WEIGH, "sb11_p_leader_indifferent"), max(flat.values()))
    assert near(glued_number(WEIGH, "sb11_p_sb_conventional"), conventional[SB])
    assert near(glued_number(WEIGH, "sb11_p_rival_conventional"), conventional[run["rival_conv"]])
    assert near(glued_number(WEIGH, "sb11_p_pd_earlier_plain"), run["p_pd_earlier_plain"])
    assert near(glued_number(WEIGH, "sb11_p_pd_earlier_occam"), run["p_pd_earlier_occam"])
    ratio = model_ratios(table)
    w = weights(table, DEFAULTS["READING_WEIGHT"])
    sceptic = posterior(sb_prior(0.1), log_sums(ratio, table.ids, w))
    assert near(glued_number(WEIGH, "sb11_p_sb_sceptic"), sceptic[SB])
    ca = [i for i in table.ids if table.row[i]["scope"] == "central_asia"]
    assert glued_number(WEIGH, "sb11_n_central_asia") == len(ca)
    assert glued_number(WEIGH, "sb11_n_outside") == len(table.ids) - len(ca)
    assert glued_number(WEIGH, "sb11_n_pieces") == len(table.ids)
    assert near(glued_number(WEIGH, "sb11_p_sb_central_asia"), posterior(sb_prior(0.2), log_sums(ratio, ca, w))[SB])
    kinds = [r["evidence_kind"] for r in table.row.values()]
    assert glued_number(WEIGH, "sb11_n_readings") == kinds.count("scholar_reading")
    assert glued_number(WEIGH, "sb11_n_us_actions") == kinds.count("us_action")
    assert glued_number(WEIGH, "sb11_n_acts") == sum(r["act"] in ACT_KINDS for r in table.row.values())
    partly = [(i, h) for (i, h) in table.reason if table.code[i][h] == "partly"]
    assert glued_number(WEIGH, "sb11_n_partly") == len(partly)
    assert glued_number(WEIGH, "sb11_n_partial_fit") == sum(not table.reason[k].startswith("Silent") for k in partly)
    judged = sum(not math.isclose(table.ratio[i][h], RUNG[table.code[i][SB]] / RUNG[table.code[i][h]])
                 for i in table.ids for h in ALTS)
    assert glued_number(WEIGH, "sb11_n_judged") == judged
    assert glued_number(WEIGH, "sb11_n_grid") == math.comb(24, 4)
    regime = rows("evidence_regime_security.csv")
    assert glued_number(WEIGH, "sb11_n_regime_yes") == sum(r["accounts"] == "yes" for r in regime)


def test_weigh_rerun_with_the_conventional_prior_at_nine_tenths(table):
    """11-weighing-the-evidence re-executed with CONVENTIONAL_PRIOR_SB = 0.9: no claim of the run
    contradicts its condition, recomputed by hand under that prior (the review found the page
    naming the wrong leader in this run)."""
    import json

    params = dict(DEFAULTS, CONVENTIONAL_PRIOR_SB=0.9)
    run = execute_with_parameters(WEIGH, CONVENTIONAL_PRIOR_SB=0.9)
    stored = {name.removesuffix("__claim"): json.loads(text)["value"]
              for name, text in run.items() if name.endswith("__claim")}
    expected, numbers = expected_weigh_claims(table, params)
    wrong = {name: (stored.get(name), value) for name, value in expected.items() if stored.get(name) != value}
    assert not wrong
    assert near(float(run["sb11_p_sb_conventional"]), numbers["conventional"][SB])
    assert near(float(run["sb11_conventional_prior"]), 0.9)


def test_weigh_rerun_with_readings_at_face_value_and_no_occam_factor(table):
    """11-weighing-the-evidence re-executed with scholars' readings at half weight, no Occam factor
    and the conventional prior at 0.95: every claim still agrees with its recomputation.
    (At full weight policy disputes and regional security tie exactly, to the last bit, and
    which one a float sum names then differs between Python 3.11 and 3.12, whose sum() is
    compensated; the chapter's wording of such a tie is still to do.)"""
    import json

    params = dict(DEFAULTS, CONVENTIONAL_PRIOR_SB=0.95, READING_WEIGHT=0.5, OCCAM=False)
    run = execute_with_parameters(WEIGH, CONVENTIONAL_PRIOR_SB=0.95, READING_WEIGHT=0.5, OCCAM=False)
    stored = {name.removesuffix("__claim"): json.loads(text)["value"]
              for name, text in run.items() if name.endswith("__claim")}
    expected, numbers = expected_weigh_claims(table, params)
    wrong = {name: (stored.get(name), value) for name, value in expected.items() if stored.get(name) != value}
    assert not wrong
    assert near(float(run["sb11_p_sb_indifferent"]), numbers["flat"][SB])
