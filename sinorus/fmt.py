"""Numbers for prose and equilibria for tables.

Prose never carries a typed number: a chapter computes it and hands it to :func:`glue`,
and the text shows it with ``{glue:text}`name:.1%``` (or ``{glue:}`name```). Glued values
are plain Python ``int``/``float``/``str``: a numpy scalar would reach the page as
``np.float64(0.465)``, and its format specifications would not apply.

Glued floats are stored rounded (:func:`rounded`): to :data:`SIGNIFICANT_DIGITS`
significant digits by default, or to ``decimals=`` places for values from ODE or iterative
solvers. The last digits of a float depend on the CPU (numpy's SIMD code paths and the BLAS
kernel differ between processors); rounding keeps the stored notebooks the same on every
machine, and ``tests/test_determinism.py`` checks that no stored glue float has more digits.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np


def plain(value):
    """``value`` as a plain Python int, float, bool or str (numpy scalars converted)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        value = float(value)
        if not np.isfinite(value):
            raise ValueError(f"refusing to glue a non-finite number: {value}")
        return value
    if isinstance(value, str):
        return value
    raise TypeError(f"glue plain numbers or strings, not {type(value).__name__}")


# 10 significant digits hide differences below 5e-11 relative, far below what the prose
# shows (at most four decimals) and below the tolerance (rel 1e-9) at which the prose tests
# recompute glued numbers, so a real change still shows.
SIGNIFICANT_DIGITS = 10


def rounded(value: float, decimals: int | None = None) -> float:
    """``value`` rounded to :data:`SIGNIFICANT_DIGITS` significant digits, or to
    ``decimals`` decimal places when given (for the limit of an ODE or an iterative
    solver, which can land on either side of 0.5 on different CPUs: 0.4999999999 or
    0.5000000001)."""
    value = plain(value)
    if isinstance(value, bool) or not isinstance(value, float):
        raise TypeError(f"round floats, not {type(value).__name__}")
    if decimals is not None:
        return round(value, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}") + 0.0


class _Words(str):
    """A glued string that reaches the page without the quotes of its repr."""

    def __repr__(self) -> str:
        return str(self)


def glue(name: str, value, display: bool = False, decimals: int | None = None) -> None:
    """Store ``value`` (made plain; a float :func:`rounded`) under ``name`` for the prose.

    ``decimals`` rounds a float to that many places instead of to significant digits: use
    it, at no less than the precision the prose shows, for values from ODE or iterative
    solvers and for differences of nearly equal numbers (whose last significant digits are
    rounding error). Returns nothing, so that a cell ending in a ``glue`` call prints nothing either.
    """
    from sinorus.data import import_jsonschema_without_iri_grammars

    import_jsonschema_without_iri_grammars()  # myst_nb's glue imports nbformat, which imports jsonschema
    from myst_nb import glue as _glue  # imported here: only notebooks need myst_nb

    value = plain(value)
    if isinstance(value, float):
        value = rounded(value, decimals)
    elif decimals is not None:
        raise TypeError(f"decimals= rounds floats; {name!r} is a {type(value).__name__}")
    _glue(name, _Words(value) if isinstance(value, str) else value, display=display)


def percent(share: float, digits: int = 1) -> str:
    """0.4653 -> '46.5%'."""
    return f"{plain(share):.{digits}%}"


def thousands(value: float, digits: int = 0) -> str:
    """1605 -> '1,605'."""
    return f"{plain(value):,.{digits}f}"


def signed(value: float, digits: int = 1, unit: str = "") -> str:
    """A difference with its sign: 2.0 -> '+2.0', -0.5 -> '−0.5' (a true minus sign)."""
    text = f"{abs(plain(value)):.{digits}f}{unit}"
    return ("+" if value > 0 else "\u2212" if value < 0 else "\u00b1") + text


def mixed_strategy(probabilities: Sequence[float], labels: Sequence[str], digits: int = 2) -> str:
    """A strategy as a reader reads it: 'C' if pure, else '0.25 C + 0.75 D'.

    Probabilities within 1e-9 of 0 or 1 are treated as exact (nashpy's support
    enumeration returns floats such as 0.9999999999999998).
    """
    probs = np.asarray(probabilities, dtype=float)
    if probs.shape != (len(labels),):
        raise ValueError(f"{len(probs)} probabilities for {len(labels)} labels")
    if np.any(probs < -1e-9) or abs(probs.sum() - 1) > 1e-6:
        raise ValueError(f"not a probability vector: {probs.tolist()}")
    support = [i for i, p in enumerate(probs) if p > 1e-9]
    if len(support) == 1:
        return labels[support[0]]
    return " + ".join(f"{probs[i]:.{digits}f} {labels[i]}" for i in support)


def equilibrium(row: Sequence[float], column: Sequence[float],
                row_labels: Sequence[str], column_labels: Sequence[str]) -> str:
    """A strategy profile: '(C, D)' for pure strategies, mixed ones spelt out."""
    return (f"({mixed_strategy(row, row_labels)}, "
            f"{mixed_strategy(column, column_labels)})")
