"""Bayesian process tracing: rival hypotheses weighed piece by piece of evidence.

The soft-balancing chapters ask which of five mutually exclusive hypotheses is the main
driver of Sino-Russian cooperation in Central Asia: soft balancing, or one of Bergfeldt's
four alternatives. Each piece of evidence carries, for each alternative, a likelihood
ratio

    LR = P(evidence | soft balancing) / P(evidence | alternative),

so soft balancing is the reference hypothesis and its own likelihood is 1. Bayes' rule
then gives, for every hypothesis h,

    P(h | E1..En)  ∝  P(h) · Π_k P(Ek | h) / P(Ek | soft balancing),

assuming the pieces are independent given each hypothesis (the chapter says what that
assumption costs). Work is done in logarithms, so long products neither overflow nor
underflow, and normalised at the end, so the posterior always sums to one.

The module also loads the coded evidence and checks the coding rules that a table schema
cannot express (every piece assessed against every alternative; a ratio that does not
contradict the verbal codes it comes with; a US action at a ratio near 1), with messages
naming file, row and column like the book's loader. Beyond the posterior it gives the
Occam factor (:func:`occam_factors`: a hypothesis that expects both an act and its
opposite pays for it), posteriors over many priors at once and a grid over the whole
simplex of priors (:func:`posteriors_over`, :func:`simplex_grid`, :func:`leaders`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sinorus import data

REFERENCE = "soft_balancing"
ALTERNATIVES = ["economic_interests", "regional_security", "policy_disputes", "mutual_containment"]
HYPOTHESES = [REFERENCE, *ALTERNATIVES]

# How strongly a hypothesis leads one to expect a piece of evidence, as a relative
# likelihood. The default ratio of a piece is the quotient of two rungs.
LADDER = {"yes": 1.0, "partly": 0.5, "no": 0.25}

# The same three codes as probabilities of a piece *and its opposite*: an explanation that
# expects an act (yes) gives its opposite what is left (no), and one that is silent (partly)
# splits evenly, so that over the two outcomes of a choice the probabilities sum to one.
# The Occam factor (occam_factors) holds every hypothesis to that budget.
LIKELIHOOD = {"yes": 0.75, "partly": 0.5, "no": 0.25}
ACTS = ("obstructs_us", "cooperates_with_us")
# A US action is about equally likely under every hypothesis about Moscow's and Beijing's motives.
US_ACTION_BOUND = 1.25


def ladder_ratio(soft_balancing: str, alternative: str) -> float:
    """The default likelihood ratio: soft balancing's rung over the alternative's."""
    return LADDER[soft_balancing] / LADDER[alternative]


# ---- the evidence, loaded and checked

def load_evidence(evidence: pd.DataFrame | None = None, assessments: pd.DataFrame | None = None,
                  evidence_path=None, assessments_path=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The evidence and its assessments, validated by their schemas and the coding rules.

    Pass frames (and the paths to name in messages) to check modified copies; by default
    the book's ``data/evidence.csv`` and ``data/evidence_assessments.csv`` are loaded.
    """
    if evidence is None:
        evidence = data.load("evidence")
        evidence_path = data.DATA_DIR / "evidence.csv"
    if assessments is None:
        assessments = data.load("evidence_assessments")
        assessments_path = data.DATA_DIR / "evidence_assessments.csv"
    if assessments_path is None:  # a frame passed without the path it came from
        assessments_path = "evidence_assessments (given as a frame)"
    problems = coding_problems(evidence, assessments, data.display_path(assessments_path))
    if problems:
        raise data.DataValidationError(assessments_path, problems)
    return evidence, assessments


def coding_problems(evidence: pd.DataFrame, assessments: pd.DataFrame, shown: str) -> list[str]:
    """Breaches of the coding rules, as ``file, row N, column 'c': what``.

    1. Every piece of evidence is assessed against each of the four alternatives.
    2. A ratio agrees in direction with the verbal codes: above or equal to 1 when soft
       balancing accounts for the piece better than the alternative, at most 1 when worse,
       and between 1/2 and 2 when the two are coded the same.
    3. A US action (``evidence_kind`` us_action) has a ratio near 1 against every
       alternative (within a factor :data:`US_ACTION_BOUND`): what the United States does
       cannot tell apart hypotheses about why Russia and China act.
    """
    problems = []
    sb_accounts = evidence.set_index("evidence_id")["soft_balancing_accounts"]
    for row, a in zip(range(2, len(assessments) + 2), assessments.itertuples()):
        if a.evidence_id not in sb_accounts.index:
            continue  # the foreign key has already refused it
        sb, alt, lr = LADDER[sb_accounts[a.evidence_id]], LADDER[a.accounts], a.likelihood_ratio
        if (sb > alt and lr < 1) or (sb < alt and lr > 1) or (sb == alt and not 0.5 <= lr <= 2):
            problems.append(f"{shown}, row {row}, column 'likelihood_ratio': {lr:g} contradicts the codes "
                            f"(soft balancing '{sb_accounts[a.evidence_id]}', {a.explanation} '{a.accounts}')")
    if "evidence_kind" in evidence.columns:
        kinds = evidence.set_index("evidence_id")["evidence_kind"]
        for row, a in zip(range(2, len(assessments) + 2), assessments.itertuples()):
            if kinds.get(a.evidence_id) == "us_action" and not 1 / US_ACTION_BOUND <= a.likelihood_ratio <= US_ACTION_BOUND:
                problems.append(f"{shown}, row {row}, column 'likelihood_ratio': {a.likelihood_ratio:g} for "
                                f"{a.evidence_id}, a US action, which happens whatever drives Moscow and Beijing; "
                                f"its ratio must lie between {1 / US_ACTION_BOUND:.3g} and {US_ACTION_BOUND:g}")
    counts = assessments.groupby("evidence_id")["explanation"].nunique()
    for evidence_id in sb_accounts.index:
        if counts.get(evidence_id, 0) != len(ALTERNATIVES):
            problems.append(f"{shown}, column 'explanation': evidence {evidence_id} is assessed against "
                            f"{counts.get(evidence_id, 0)} of the {len(ALTERNATIVES)} alternatives")
    return problems


def ratio_table(assessments: pd.DataFrame) -> pd.DataFrame:
    """Likelihood ratios as a table: one row per piece, one column per alternative."""
    return (assessments.pivot(index="evidence_id", columns="explanation", values="likelihood_ratio")
            .reindex(columns=ALTERNATIVES))


# ---- the model

def log_likelihoods(ratios: pd.DataFrame) -> pd.DataFrame:
    """log P(Ek | h) / P(Ek | soft balancing) for every piece and hypothesis (0 for the reference)."""
    logs = -np.log(ratios[ALTERNATIVES].astype(float))
    logs.insert(0, REFERENCE, 0.0)
    return logs


def normalise(log_weights: np.ndarray) -> np.ndarray:
    """Posterior probabilities from unnormalised log weights along the last axis."""
    shifted = log_weights - log_weights.max(axis=-1, keepdims=True)
    weights = np.exp(shifted)
    return weights / weights.sum(axis=-1, keepdims=True)


def _weighted_logs(ratios: pd.DataFrame, weight) -> pd.DataFrame:
    logs = log_likelihoods(ratios)
    if isinstance(weight, pd.Series):
        missing = logs.index.difference(weight.index)
        if len(missing):
            raise ValueError(f"no weight for pieces {sorted(missing)}")
        return logs.mul(weight.reindex(logs.index).astype(float), axis=0)
    return logs * float(weight)


def posterior(prior: pd.Series, ratios: pd.DataFrame, weight: float | pd.Series = 1.0) -> pd.Series:
    """P(h | evidence) for the five hypotheses.

    ``prior`` is indexed by the hypotheses (it need not be normalised). ``weight``
    multiplies every log ratio: 1 takes the ratios at face value, values below 1 discount
    them (for pieces that are not independent), 0 ignores the evidence. A Series of weights
    indexed by piece weighs each piece on its own (0 leaves a piece out).
    """
    prior = _as_prior(prior)
    log_weight = np.log(prior.to_numpy()) + _weighted_logs(ratios, weight).sum().to_numpy()
    return pd.Series(normalise(log_weight), index=HYPOTHESES, name="posterior")


def posteriors_over(priors: np.ndarray, ratios: pd.DataFrame, weight: float | pd.Series = 1.0) -> np.ndarray:
    """Posteriors for many priors at once: ``priors`` is (n, 5), rows need not be normalised.

    A zero in a prior rules that hypothesis out (its posterior is 0); each row needs at least
    one positive entry.
    """
    priors = np.asarray(priors, dtype=float)
    if priors.ndim != 2 or priors.shape[1] != len(HYPOTHESES) or (priors < 0).any() \
            or not (priors.sum(axis=1) > 0).all():
        raise ValueError(f"priors must be an (n, {len(HYPOTHESES)}) array of non-negative rows with a positive sum")
    with np.errstate(divide="ignore"):
        log_prior = np.log(priors)
    return normalise(log_prior + _weighted_logs(ratios, weight).sum().to_numpy()[None, :])


def simplex_grid(step: float, dimension: int = len(HYPOTHESES)) -> np.ndarray:
    """Every point of the simplex whose coordinates are multiples of ``step`` (boundary included)."""
    n = round(1 / step)
    if not np.isclose(n * step, 1):
        raise ValueError(f"step {step} does not divide 1")
    points = [c for c in _compositions(n, dimension)]
    return np.array(points, dtype=float) / n


def _compositions(n: int, k: int):
    if k == 1:
        yield (n,)
        return
    for first in range(n, -1, -1):
        for rest in _compositions(n - first, k - 1):
            yield (first, *rest)


def leaders(posteriors: np.ndarray) -> np.ndarray:
    """Index of the leading hypothesis in each row; a tie goes to none (-1)."""
    posteriors = np.asarray(posteriors)
    top = posteriors.max(axis=1, keepdims=True)
    tied = np.isclose(posteriors, top, rtol=1e-12, atol=1e-15).sum(axis=1) > 1
    return np.where(tied, -1, posteriors.argmax(axis=1))


# ---- the Occam factor

def occam_factors(evidence: pd.DataFrame, accounts: pd.DataFrame) -> pd.Series:
    """How far each hypothesis overspends its probability on the two outcomes of a choice.

    ``evidence`` has columns ``evidence_id`` and ``act`` (obstructs_us, cooperates_with_us or
    empty); ``accounts`` is one row per piece and one column per hypothesis (yes, partly,
    no). For each hypothesis, its expectation of each outcome is the highest
    :data:`LIKELIHOOD` it gives any piece of that outcome; the factor is
    ``max(1, P(obstruct) + P(cooperate))``. A hypothesis coded *yes* on both sides expects
    an act and its opposite and gets 1.5: its likelihood of every such piece is divided by
    it, so that the two outcomes sum to one. One that is silent on a side gets 1.25 if it
    expects the other, 1 if silent on both.
    """
    acts = evidence.set_index("evidence_id")["act"].fillna("")
    factors = {}
    for h in HYPOTHESES:
        expected = []
        for act in ACTS:
            pieces = acts.index[acts == act]
            codes = accounts.loc[pieces, h] if len(pieces) else pd.Series([], dtype=object)
            expected.append(max((LIKELIHOOD[c] for c in codes), default=LIKELIHOOD["partly"]))
        factors[h] = max(1.0, sum(expected))
    return pd.Series(factors, name="occam factor").reindex(HYPOTHESES)


def with_occam(ratios: pd.DataFrame, evidence: pd.DataFrame, accounts: pd.DataFrame) -> pd.DataFrame:
    """Ratios with the Occam factor: on each act piece, LR_j times factor_j / factor_SB."""
    factors = occam_factors(evidence, accounts)
    acts = evidence.set_index("evidence_id")["act"].fillna("").reindex(ratios.index)
    adjusted = ratios.copy().astype(float)
    on_act = acts.isin(ACTS).to_numpy()
    for alt in ALTERNATIVES:
        adjusted.loc[on_act, alt] = adjusted.loc[on_act, alt] * factors[alt] / factors[REFERENCE]
    return adjusted


def accounts_table(evidence: pd.DataFrame, assessments: pd.DataFrame) -> pd.DataFrame:
    """The verbal codes as a table: one row per piece, one column per hypothesis."""
    table = assessments.pivot(index="evidence_id", columns="explanation", values="accounts")[ALTERNATIVES]
    table.insert(0, REFERENCE, evidence.set_index("evidence_id")["soft_balancing_accounts"].reindex(table.index))
    return table


def posterior_path(prior: pd.Series, ratios: pd.DataFrame, weight: float | pd.Series = 1.0) -> pd.DataFrame:
    """The posterior after each piece in turn (rows in the order of ``ratios``)."""
    prior = _as_prior(prior)
    cumulative = _weighted_logs(ratios, weight).cumsum().to_numpy()
    path = normalise(np.log(prior.to_numpy()) + cumulative)
    return pd.DataFrame(path, index=ratios.index, columns=HYPOTHESES)


def _as_prior(prior: pd.Series) -> pd.Series:
    prior = pd.Series(prior, dtype=float).reindex(HYPOTHESES)
    if prior.isna().any() or (prior <= 0).any():
        raise ValueError(f"the prior needs a positive value for each of {HYPOTHESES}, got {prior.to_dict()}")
    return prior / prior.sum()


def weighed(evidence: pd.DataFrame, assessments: pd.DataFrame, reading_weight: float = 0.0,
            occam: bool = True) -> tuple[pd.DataFrame, pd.Series]:
    """The ratios and per-piece weights of chapter 11's model, for chapters that reuse it.

    The coded ratios, with the Occam factor on act rows if ``occam``; scholars' readings
    (``evidence_kind`` scholar_reading) weighted by ``reading_weight``, every other piece 1.
    Pass both to :func:`posterior`: ``posterior(prior, *weighed(evidence, assessments))``.
    """
    ratios = ratio_table(assessments).loc[evidence["evidence_id"]]
    if occam:
        ratios = with_occam(ratios, evidence, accounts_table(evidence, assessments))
    kind = evidence.set_index("evidence_id")["evidence_kind"].reindex(ratios.index)
    weights = pd.Series(np.where(kind == "scholar_reading", float(reading_weight), 1.0), index=ratios.index)
    return ratios, weights
