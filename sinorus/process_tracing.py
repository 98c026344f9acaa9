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

The module also loads the coded evidence and checks the two coding rules that a table
schema cannot express (every piece assessed against every alternative; a ratio that does
not contradict the verbal codes it comes with), with messages naming file, row and column
like the book's loader.
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
    problems = coding_problems(evidence, assessments, data.display_path(assessments_path or "assessments"))
    if problems:
        raise data.DataValidationError(assessments_path, problems)
    return evidence, assessments


def coding_problems(evidence: pd.DataFrame, assessments: pd.DataFrame, shown: str) -> list[str]:
    """Breaches of the coding rules, as ``file, row N, column 'c': what``.

    1. Every piece of evidence is assessed against each of the four alternatives.
    2. A ratio agrees in direction with the verbal codes: above or equal to 1 when soft
       balancing accounts for the piece better than the alternative, at most 1 when worse,
       and between 1/2 and 2 when the two are coded the same.
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


def posterior(prior: pd.Series, ratios: pd.DataFrame, weight: float = 1.0) -> pd.Series:
    """P(h | evidence) for the five hypotheses.

    ``prior`` is indexed by the hypotheses (it need not be normalised). ``weight``
    multiplies every log ratio: 1 takes the ratios at face value, values below 1 discount
    them (for pieces that are not independent), 0 ignores the evidence.
    """
    prior = _as_prior(prior)
    log_weight = np.log(prior.to_numpy()) + weight * log_likelihoods(ratios).sum().to_numpy()
    return pd.Series(normalise(log_weight), index=HYPOTHESES, name="posterior")


def posterior_path(prior: pd.Series, ratios: pd.DataFrame, weight: float = 1.0) -> pd.DataFrame:
    """The posterior after each piece in turn (rows in the order of ``ratios``)."""
    prior = _as_prior(prior)
    cumulative = weight * log_likelihoods(ratios).cumsum().to_numpy()
    path = normalise(np.log(prior.to_numpy()) + cumulative)
    return pd.DataFrame(path, index=ratios.index, columns=HYPOTHESES)


def _as_prior(prior: pd.Series) -> pd.Series:
    prior = pd.Series(prior, dtype=float).reindex(HYPOTHESES)
    if prior.isna().any() or (prior <= 0).any():
        raise ValueError(f"the prior needs a positive value for each of {HYPOTHESES}, got {prior.to_dict()}")
    return prior / prior.sum()
