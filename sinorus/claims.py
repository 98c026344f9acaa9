"""Claims: every sentence that concludes from the data rests on a computed condition.

Numbers reach the prose through :func:`sinorus.fmt.glue`; a *conclusion* — a comparison, a
trend or its absence, a ranking, a "leads", an "every / none / whatever" — reaches it
through this module. The chapter computes the condition, and the words that depend on it
are chosen by it and glued under the claim's name, so a reader who changes a prior, a year
or a payoff and re-runs gets prose that is still true::

    leads = bool(posterior.idxmax() == "soft_balancing")
    claims.claim("sb11_sb_leads", leads,
                 condition="soft balancing has the highest posterior under the indifferent prior",
                 true="soft balancing leads", false="soft balancing does not lead")

and the text says ``{glue:}`sb11_sb_leads```. Beside the words, each claim stores a record
(glued, not displayed, under ``name + "__claim"``): the condition in words, its computed
value and the words chosen. From those records

- the claims ledger (``claims.md``, built by :mod:`sinorus.sphinx_claims`) lists every
  claim of every chapter, the condition behind it, where it is and its value;
- ``tests/test_claims.py`` checks that every claim is recomputed independently by a test
  (its name appears in a test file) and that the words on the page are the record's.

Four kinds of claim:

- :func:`claim` — a yes/no condition choosing between two phrasings;
- :func:`quantified` — "every", "none" or "N of M": a robustness or universality claim,
  counted over the whole space it names (the condition must say what that space is);
- :func:`choose` — one of several phrasings picked by a computed key ("rises", "falls");
- :func:`record` — a claim whose words are other glued values (the name of the leading
  explanation, say): only the record is stored, naming the glue it rests on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from sinorus import fmt

RECORD_SUFFIX = "__claim"


def _store(name: str, kind: str, condition: str, value, text: str | None,
           uses: Sequence[str] = ()) -> None:
    if not condition or not condition.strip():
        raise ValueError(f"claim {name!r}: say in words what condition is computed")
    record = {"name": name, "kind": kind, "condition": condition.strip(), "value": value,
              "text": text, "uses": list(uses)}
    fmt.glue(name + RECORD_SUFFIX, json.dumps(record, ensure_ascii=False, sort_keys=True))


def claim(name: str, holds, *, condition: str, true: str, false: str) -> str:
    """Glue ``true`` under ``name`` if ``holds``, else ``false``; record the claim.

    ``holds`` must be a real boolean (numpy's included), not a number or an array: a claim
    rests on one condition. Returns the words chosen.
    """
    if not isinstance(holds, bool) and type(holds).__name__ != "bool_":
        raise TypeError(f"claim {name!r}: the condition must be a bool, not {type(holds).__name__}")
    holds = bool(holds)
    text = true if holds else false
    fmt.glue(name, text)
    _store(name, "claim", condition, holds, text)
    return text


def quantified(name: str, count: int, total: int, *, condition: str, every: str,
               some: str, none: str) -> str:
    """Words for a claim over a whole space: ``every`` when ``count == total``, ``none`` when
    ``count == 0``, else ``some`` (which may use ``{count}`` and ``{total}``).

    ``condition`` says what is counted and over which space ("priors on a grid of step
    0.05 over the whole simplex in which soft balancing has the highest posterior").
    """
    count, total = int(count), int(total)
    if total <= 0 or not 0 <= count <= total:
        raise ValueError(f"claim {name!r}: {count} of {total} is not a count over a space")
    template = every if count == total else none if count == 0 else some
    text = template.format(count=count, total=total)
    fmt.glue(name, text)
    _store(name, "quantified", condition, f"{count} of {total}", text)
    return text


def choose(name: str, key: str, options: Mapping[str, str], *, condition: str) -> str:
    """Glue ``options[key]`` under ``name``: the phrasing a computed ``key`` selects."""
    if key not in options:
        raise KeyError(f"claim {name!r}: {key!r} is not one of {sorted(options)}")
    text = options[key]
    fmt.glue(name, text)
    _store(name, "choose", condition, str(key), text)
    return text


def record(name: str, holds, *, condition: str, uses: Sequence[str]) -> None:
    """Record a claim whose sentence is made of other glued values (``uses``)."""
    if not uses:
        raise ValueError(f"claim {name!r}: name the glued values the sentence rests on")
    _store(name, "record", condition, bool(holds), None, uses)
