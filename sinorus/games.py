"""Two-by-two games for the alliance-games chapters: checked payoffs, equilibria, the
catalogue of named games, the space of all strictly ordinal 2x2 games, and a faster
import of the axelrod library.

A game is a pair of payoff matrices ``(A, B)``: ``A`` holds the row player's payoffs and
``B`` the column player's, rows and columns in the order of the strategy labels
(``("C", "D")`` unless told otherwise). Ordinal payoffs run from 4 (best) to 1 (worst).

Equilibria come from nashpy (Knight and Campbell 2018). Its support enumeration assumes a
non-degenerate game and warns when it meets a degenerate one; :func:`equilibria` checks
degeneracy first (:func:`degeneracies`) and then uses vertex enumeration, which lists the
extreme equilibria of a degenerate game without a warning, so none reaches a chapter.

The chapters show the computations a reader must follow (which game, which equilibrium,
what it means for Russia and China); only what several chapters share lives here.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.util
import inspect
import itertools
import numbers
import sys
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

STRATEGIES = ("C", "D")
# Payoffs closer than this count as equal: ties are what make a game degenerate.
TOLERANCE = 1e-9


class PayoffError(ValueError):
    """Payoffs that cannot describe a game; the message says what is wrong, and where."""


# ---- checked payoffs ---------------------------------------------------------------------

def payoff_matrices(A, B, shape: tuple[int, int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``A`` and ``B`` as float arrays, after checking that they describe a game.

    Refused, with a :class:`PayoffError` naming the problem: a matrix that is not a
    rectangular table of numbers, an entry that is not a finite number (named by its
    row and column), matrices of different shapes, and a shape other than ``shape``.
    """
    A = _matrix(A, "the row player's")
    B = _matrix(B, "the column player's")
    if A.shape != B.shape:
        raise PayoffError(f"the row player's payoffs are {_dims(A.shape)} but the column player's are "
                          f"{_dims(B.shape)}: both players need a payoff in every cell")
    if shape is not None and A.shape != tuple(shape):
        raise PayoffError(f"expected a {_dims(shape)} game, got {_dims(A.shape)} payoff matrices")
    return A, B


def _dims(shape) -> str:
    return "x".join(str(n) for n in shape)


def _matrix(M, whose: str) -> np.ndarray:
    rows = M.values.tolist() if isinstance(M, pd.DataFrame) else M
    if isinstance(rows, np.ndarray):
        rows = rows.tolist()
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence):
        raise PayoffError(f"{whose} payoffs must be a table (a list of rows), not {type(M).__name__}")
    if not rows or any(isinstance(r, (str, bytes)) or not isinstance(r, Sequence) for r in rows):
        raise PayoffError(f"{whose} payoffs must be a two-dimensional table: a list of rows, "
                          "each a list of numbers")
    widths = {len(r) for r in rows}
    if len(widths) != 1 or 0 in widths:
        raise PayoffError(f"{whose} payoffs have rows of different lengths {sorted(widths)}: "
                          "every row needs one payoff per column strategy")
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
                raise PayoffError(f"{whose} payoff in row {i + 1}, column {j + 1} is {value!r}, "
                                  "not a number")
            if not np.isfinite(float(value)):
                raise PayoffError(f"{whose} payoff in row {i + 1}, column {j + 1} is {value!r}, "
                                  "not a finite number")
    return np.array(rows, dtype=float)


# ---- properties of a game ----------------------------------------------------------------

def degeneracies(A, B, labels: Sequence[str] = STRATEGIES) -> list[str]:
    """Every way the game is degenerate, in words; empty if it is not degenerate.

    A two-player game is non-degenerate if no mixed strategy with k strategies in its
    support has more than k pure best responses. For a pure strategy (k = 1) that means:
    against it, the other player is never indifferent between two best replies. In a
    2x2 game no other case can arise (a mixed strategy has two strategies in its support,
    and there are only two replies); larger games are checked for pure strategies only.
    """
    A, B = payoff_matrices(A, B)
    found = []
    for j in range(A.shape[1]):
        best = np.flatnonzero(A[:, j] >= A[:, j].max() - TOLERANCE)
        if len(best) > 1:
            found.append(f"against the column player's {_label(labels, j)}, the row player is "
                         f"indifferent between {_and(labels, best)}")
    for i in range(B.shape[0]):
        best = np.flatnonzero(B[i, :] >= B[i, :].max() - TOLERANCE)
        if len(best) > 1:
            found.append(f"against the row player's {_label(labels, i)}, the column player is "
                         f"indifferent between {_and(labels, best)}")
    return found


def is_degenerate(A, B) -> bool:
    """Whether some pure strategy has more than one best reply (see :func:`degeneracies`)."""
    return bool(degeneracies(A, B))


def _label(labels, index) -> str:
    return labels[index] if index < len(labels) else f"strategy {index + 1}"


def _and(labels, indices) -> str:
    return " and ".join(_label(labels, i) for i in indices)


def pure_equilibria(A, B) -> list[tuple[int, int]]:
    """The cells ``(i, j)`` in which each player's move is a best reply to the other's."""
    A, B = payoff_matrices(A, B)
    return [(i, j) for i in range(A.shape[0]) for j in range(A.shape[1])
            if A[i, j] >= A[:, j].max() - TOLERANCE and B[i, j] >= B[i, :].max() - TOLERANCE]


def dominant_strategy(M) -> int | None:
    """The row of ``M`` that is strictly better than every other row against every
    column, or None. For the column player pass ``B.T`` (its own moves as rows)."""
    M = np.asarray(M, dtype=float)
    for i in range(M.shape[0]):
        if all(np.all(M[i] > M[k] + TOLERANCE) for k in range(M.shape[0]) if k != i):
            return i
    return None


def pareto_optimal_cells(A, B) -> list[tuple[int, int]]:
    """Cells that no other cell beats for one player without hurting the other."""
    A, B = payoff_matrices(A, B)
    cells = list(itertools.product(range(A.shape[0]), range(A.shape[1])))

    def dominated(c):
        return any(A[o] >= A[c] - TOLERANCE and B[o] >= B[c] - TOLERANCE
                   and (A[o] > A[c] + TOLERANCE or B[o] > B[c] + TOLERANCE) for o in cells)

    return [c for c in cells if not dominated(c)]


@dataclass(frozen=True)
class Equilibrium:
    """A Nash equilibrium: each player's probabilities over its strategies, and payoffs."""

    row: tuple[float, ...]
    column: tuple[float, ...]
    row_payoff: float
    column_payoff: float

    @property
    def pure(self) -> bool:
        return max(self.row) == 1.0 and max(self.column) == 1.0

    @property
    def cell(self) -> tuple[int, int] | None:
        """The cell of a pure equilibrium (None for a mixed one)."""
        return (self.row.index(1.0), self.column.index(1.0)) if self.pure else None

    def describe(self, row_labels: Sequence[str] = STRATEGIES,
                 column_labels: Sequence[str] = STRATEGIES) -> str:
        from sinorus import fmt

        return fmt.equilibrium(self.row, self.column, row_labels, column_labels)


def equilibria(A, B) -> list[Equilibrium]:
    """Every Nash equilibrium of a non-degenerate game, or the extreme equilibria of a
    degenerate one (where the equilibria may form segments between them), pure first.

    A 2x2 game that :func:`degeneracies` finds non-degenerate goes to nashpy's support
    enumeration. Any other game — degenerate, or larger than 2x2, where that check covers
    pure strategies only — goes to its vertex enumeration, which does not assume
    non-degeneracy (support enumeration would warn). Pure equilibria are also found
    directly from best replies, so none is ever missed.
    """
    import nashpy as nash

    A, B = payoff_matrices(A, B)
    # Equilibria do not change when a constant is added to a player's payoffs; positive
    # payoffs keep nashpy's best-response polytopes bounded.
    game = nash.Game(A - A.min() + 1, B - B.min() + 1)
    checked = A.shape == (2, 2) and not is_degenerate(A, B)
    found = game.support_enumeration() if checked else game.vertex_enumeration()
    profiles = {_clean(r, c) for r, c in found}
    for i, j in pure_equilibria(A, B):
        profiles.add((tuple(float(k == i) for k in range(A.shape[0])),
                      tuple(float(k == j) for k in range(A.shape[1]))))
    result = [Equilibrium(r, c, float(np.array(r) @ A @ np.array(c)), float(np.array(r) @ B @ np.array(c)))
              for r, c in profiles]
    return sorted(result, key=lambda e: (not e.pure, [-p for p in e.row], [-p for p in e.column]))


def _clean(row, column) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Probabilities without floating-point dust (-5e-17, 0.9999999999999998)."""
    def tidy(p):
        p = np.clip(np.asarray(p, dtype=float), 0, None)
        p = np.round(p / p.sum(), 12)
        return tuple(float(x) + 0.0 for x in p)  # + 0.0 turns -0.0 into 0.0
    return tidy(row), tidy(column)


def describe(A, B, labels: Sequence[str] = STRATEGIES) -> dict[str, object]:
    """A game's equilibria, dominant strategies and Pareto-optimal cells, as a table row."""
    A, B = payoff_matrices(A, B)
    found = equilibria(A, B)
    pure = [e for e in found if e.pure]
    mixed = [e for e in found if not e.pure]
    cell = functools.partial(_cell_name, labels)
    row_dominant, column_dominant = dominant_strategy(A), dominant_strategy(B.T)
    optimal = pareto_optimal_cells(A, B)
    return {
        "pure equilibria": ", ".join(cell(e.cell) for e in pure) or "none",
        "mixed equilibria": "; ".join(e.describe(labels, labels) for e in mixed) or "none",
        "row dominant": labels[row_dominant] if row_dominant is not None else "none",
        "column dominant": labels[column_dominant] if column_dominant is not None else "none",
        "Pareto-optimal cells": ", ".join(cell(c) for c in optimal),
        "deficient equilibrium": any(e.cell not in optimal for e in pure),
        "degenerate": is_degenerate(A, B),
    }


def _cell_name(labels, cell) -> str:
    return labels[cell[0]] + labels[cell[1]]


# ---- ordinal and cardinal readings -------------------------------------------------------

def monotone_rescalings(n: int, seed: int) -> np.ndarray:
    """``n`` random strictly increasing re-scalings of the ranks 1 < 2 < 3 < 4, one per row:
    the values (u1, u2, u3, u4) given to ranks 1 to 4, with u1 = 0 and u4 = 1.

    Fixing the ends loses nothing: the quantities the book computes from cardinal payoffs
    (mixed equilibria, discount thresholds, critical risks, replicator rest points) do not
    change when a player's payoffs are multiplied by a positive number or shifted. The
    three steps between the ranks are drawn uniformly from the simplex (a flat Dirichlet),
    so every strictly increasing scale can be drawn.
    """
    if n < 1:
        raise ValueError(f"asked for {n} re-scalings: ask for at least one")
    steps = np.random.default_rng(seed).dirichlet(np.ones(3), size=n)
    return np.concatenate([np.zeros((n, 1)), np.cumsum(steps, axis=1)], axis=1).clip(0, 1)


def rescale(M, values) -> np.ndarray:
    """A matrix of ranks 1-4 with each rank replaced by ``values[rank - 1]``."""
    M = np.asarray(M, dtype=float)
    if not np.all(np.isin(M, (1, 2, 3, 4))):
        raise PayoffError(f"re-scaling needs ranks 1-4, got {sorted(set(M.ravel().tolist()))}")
    return np.asarray(values, dtype=float)[M.astype(int) - 1]


def critical_risk(A, B) -> tuple[float, float]:
    """Each player's critical risk (Zeuthen; Ellsberg; Snyder and Diesing's crisis tool):
    the highest probability of conflict it would run by standing firm rather than yield.

    With C = accommodate and D = stand firm, the row player's "win" is DC, its yielding CD
    and the conflict DD. Its critical risk is (u(DC) - u(CD)) / (u(DC) - u(DD)): standing
    firm pays if the chance that the other stands firm too is below it. A player that
    prefers conflict to yielding (u(DD) >= u(CD)) never yields: its critical risk is 1;
    one that prefers yielding to winning (u(CD) >= u(DC)) has nothing to stand firm for:
    0. By Zeuthen's principle the player with the lower critical risk gives way.
    """
    A, B = payoff_matrices(A, B, shape=(2, 2))

    def risk(win, yielding, conflict):
        if yielding >= win - TOLERANCE:
            return 0.0
        if conflict >= yielding - TOLERANCE:
            return 1.0
        return float((win - yielding) / (win - conflict))

    return risk(A[1, 0], A[0, 1], A[1, 1]), risk(B[0, 1], B[1, 0], B[1, 1])


# ---- the catalogue of named games --------------------------------------------------------

@dataclass(frozen=True)
class NamedGame:
    """One game of ``data/games.csv``: its matrices and what the book knows of its source."""

    key: str
    name: str
    A: np.ndarray
    B: np.ndarray
    row_player_type: str
    column_player_type: str
    confidence: str
    source: str
    source_detail: str
    convention: str

    @property
    def symmetric(self) -> bool:
        return bool(np.array_equal(self.A, self.B.T))


GAME_ATTRIBUTES = ["name", "row_player_type", "column_player_type", "confidence", "source",
                   "source_detail", "convention"]


def catalogue(table: pd.DataFrame | None = None) -> dict[str, NamedGame]:
    """The named games, from ``data/games.csv`` (or ``table``, a frame of the same form).

    Each game needs exactly one row per cell (CC, CD, DC, DD) and the same name, types,
    source and confidence in all four; anything else is refused with a PayoffError.
    """
    if table is None:
        from sinorus import data

        table = data.load("games")
    games = {}
    for key, rows in table.groupby("game", sort=False):
        cells = list(zip(rows["row_strategy"], rows["column_strategy"]))
        expected = list(itertools.product(STRATEGIES, STRATEGIES))
        if sorted(cells) != expected:
            raise PayoffError(f"game {key!r} has cells {sorted(''.join(c) for c in cells)}; "
                              "it needs each of CC, CD, DC and DD exactly once")
        for column in GAME_ATTRIBUTES:
            if rows[column].nunique() != 1:
                raise PayoffError(f"game {key!r}: its cells disagree on {column}")
        A = np.zeros((2, 2))
        B = np.zeros((2, 2))
        for r, c, a, b in zip(rows["row_strategy"], rows["column_strategy"],
                              rows["row_payoff"], rows["column_payoff"]):
            A[STRATEGIES.index(r), STRATEGIES.index(c)] = a
            B[STRATEGIES.index(r), STRATEGIES.index(c)] = b
        A, B = payoff_matrices(A, B, shape=(2, 2))
        first = rows.iloc[0]
        games[key] = NamedGame(key, A=A, B=B, **{c: str(first[c]) for c in GAME_ATTRIBUTES})
    return games


# ---- the space of strictly ordinal 2x2 games ---------------------------------------------

def strict_ordinal_games() -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every 2x2 game in which each player ranks the four cells 4, 3, 2, 1 without ties:
    4! x 4! of them, strategies and players still labelled."""
    for a in itertools.permutations((1, 2, 3, 4)):
        for b in itertools.permutations((1, 2, 3, 4)):
            yield np.array(a).reshape(2, 2), np.array(b).reshape(2, 2)


def relabellings(A, B, exchange_players: bool) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The same game with its rows swapped or not, its columns swapped or not and, if
    ``exchange_players``, the players exchanged or not (the column player becomes the row
    player: ``(A, B)`` -> ``(B.T, A.T)``)."""
    A, B = np.asarray(A), np.asarray(B)
    for swap_rows, swap_columns in itertools.product((False, True), repeat=2):
        a, b = A, B
        if swap_rows:
            a, b = a[::-1], b[::-1]
        if swap_columns:
            a, b = a[:, ::-1], b[:, ::-1]
        yield a, b
        if exchange_players:
            yield b.T, a.T


def canonical(A, B, exchange_players: bool) -> tuple[int, ...]:
    """One key shared by a game and all its relabellings: the smallest of their payoffs
    written out as (A row by row, then B row by row)."""
    return min(tuple(np.concatenate([a.ravel(), b.ravel()]).astype(int))
               for a, b in relabellings(A, B, exchange_players))


def from_key(key: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The game that :func:`canonical` wrote as ``key``."""
    values = np.asarray(key)
    return values[:4].reshape(2, 2), values[4:].reshape(2, 2)


def ordinal_classes(exchange_players: bool) -> pd.DataFrame:
    """The classes of strictly ordinal 2x2 games: one row per class, with its canonical
    key and how many of the labelled games fall in it.

    With ``exchange_players`` False, games that differ only by the order of each player's
    strategies are one class (Robinson and Goforth's count); with True, also games that
    differ by which player is called the row player (Rapoport and Guyer's count).
    """
    members: dict[tuple[int, ...], int] = {}
    for A, B in strict_ordinal_games():
        key = canonical(A, B, exchange_players)
        members[key] = members.get(key, 0) + 1
    return pd.DataFrame({"key": list(members), "labelled_games": list(members.values())})


def classify(A, B) -> dict[str, object]:
    """What kind of game ``(A, B)`` is, by its equilibria (from nashpy) and payoffs.

    - ``pure_equilibria``: how many pure Nash equilibria (0, 1 or 2 in a strict game);
    - ``deficient``: some pure equilibrium is Pareto-dominated by another cell (the mark
      of a social dilemma such as the Prisoner's Dilemma);
    - ``dominant_strategies``: how many players have a strictly dominant strategy;
    - ``no_conflict``: some cell is best for both players;
    - ``symmetric``: with some order of the strategies, the players' payoffs mirror each
      other (``A`` equals ``B.T``);
    - ``category``: a summary of the first two, used in the book's figures.
    """
    A, B = payoff_matrices(A, B, shape=(2, 2))
    found = equilibria(A, B)
    pure = [e.cell for e in found if e.pure]
    optimal = pareto_optimal_cells(A, B)
    deficient = any(c not in optimal for c in pure)
    best_for_both = any(A[c] == A.max() and B[c] == B.max() for c in optimal)
    return {
        "pure_equilibria": len(pure),
        "deficient": deficient,
        "dominant_strategies": sum(s is not None for s in (dominant_strategy(A), dominant_strategy(B.T))),
        "no_conflict": bool(best_for_both),
        "symmetric": any(np.array_equal(a, b.T) for a, b in relabellings(A, B, exchange_players=False)),
        "category": category(len(pure), deficient),
    }


CATEGORIES = ["one equilibrium, Pareto-optimal", "one equilibrium, Pareto-deficient",
              "two equilibria", "no pure equilibrium"]


def category(pure_equilibria: int, deficient: bool) -> str:
    """The book's four kinds of strict 2x2 game, by pure equilibria and deficiency."""
    if pure_equilibria == 0:
        return CATEGORIES[3]
    if pure_equilibria >= 2:
        return CATEGORIES[2]
    return CATEGORIES[1] if deficient else CATEGORIES[0]


# Each player's payoffs in a strict game, seen from its own side (its moves as rows, the
# other's as columns), with its best cell moved into its second row: twelve patterns. A
# game's two patterns place it in a 12 x 12 grid (Robinson and Goforth's idea); a game in
# which both players have the same pattern is symmetric, and lies on the diagonal.
OWN_PATTERNS = [np.array(p).reshape(2, 2) for p in itertools.permutations((1, 2, 3, 4))
                if 4 in p[2:]]


def grid_position(A, B) -> tuple[int, int]:
    """The game's place in the 12 x 12 grid: (row player's pattern, column player's
    pattern), as indices of :data:`OWN_PATTERNS`. Exchanging the players mirrors it."""
    A, B = payoff_matrices(A, B, shape=(2, 2))
    if A.max() != 4 or B.max() != 4 or len(set(A.ravel())) < 4 or len(set(B.ravel())) < 4:
        raise PayoffError("grid positions are defined for strictly ordinal games (payoffs 1-4, no ties)")
    if A[1].max() != 4:       # the row player's best cell goes to the second row
        A, B = A[::-1], B[::-1]
    if B[:, 1].max() != 4:    # the column player's best cell goes to the second column
        A, B = A[:, ::-1], B[:, ::-1]
    return _pattern(A), _pattern(B.T)


def _pattern(own) -> int:
    for k, p in enumerate(OWN_PATTERNS):
        if np.array_equal(p, own):
            return k
    raise PayoffError("grid positions are defined for strictly ordinal games (payoffs 1-4, "
                      f"no ties); a player's payoffs {own.astype(int).tolist()} are not a ranking 1-4")


# ---- axelrod, imported faster ------------------------------------------------------------

def import_axelrod():
    """Import the axelrod library (Knight et al. 2016) in about a third of the time, and
    return the module.

    Why: while axelrod 4.13 is imported, its strategy transformers ask
    ``inspect.getsource`` for the source of a few dozen methods about 12,000 times, and
    every call re-reads and re-tokenises the file; on the book's machine the import took
    12-20 s. During the import only, this caches the answers by where the code is defined
    (a function's file and first line; a class's module and qualified name), which is all
    ``inspect.getsource`` looks at, so the text returned is the same. The original
    ``inspect.getsource`` is put back afterwards, whatever happens. It also builds each
    strategy's player once while axelrod sorts its strategies into lists
    (``_OnePlayerPerClass``), which saves about a second more.
    """
    if "axelrod" in sys.modules:
        return sys.modules["axelrod"]
    original = inspect.getsource
    cache: dict[tuple, str] = {}

    @functools.wraps(original)
    def cached_getsource(obj):
        key = _source_key(obj)
        if key is None:
            return original(obj)
        if key not in cache:
            cache[key] = original(obj)  # errors are raised, not cached, as before
        return cache[key]

    inspect.getsource = cached_getsource
    hook = _OnePlayerPerClass()
    sys.meta_path.insert(0, hook)
    try:
        with warnings.catch_warnings():
            # axelrod 4.13 imports pkg_resources, which setuptools 80.9 deprecates with a
            # UserWarning on import; that one warning, and only during this import, is hidden.
            warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
            import axelrod
    finally:
        inspect.getsource = original
        hook.restore()
    return axelrod


class _OnePlayerPerClass(importlib.abc.MetaPathFinder):
    """During axelrod's import only: a strategy built with no arguments is built once.

    To sort its ~240 strategies into lists (stochastic, long run time, cheating, …),
    axelrod's ``strategies/__init__.py`` builds a player of every strategy for each list,
    and each of its ~115 meta strategies builds a player of every member of its team:
    ~30,000 players, a second of every chapter that imports it, for lists that read
    only each class's classifier. When ``axelrod.player`` has been executed, this hook makes
    its metaclass return one player per class for argument-free calls; :meth:`restore`
    puts the metaclass back once the import is over, so that every player built later is
    new. No player built during the import outlives it (axelrod keeps classes, not
    players, in its lists), and ``benchmarks/axelrod_import.py`` checks that the lists and
    classifiers are those of a plain import.
    """

    def __init__(self):
        self._restore = None

    def find_spec(self, name, path, target=None):
        if name != "axelrod.player":
            return None
        sys.meta_path.remove(self)  # find the real spec, then wrap its loader
        spec = importlib.util.find_spec(name)
        execute = spec.loader.exec_module

        def exec_module(module):
            execute(module)
            metaclass = module.PostInitCaller
            build = metaclass.__call__
            players = {}

            def one_per_class(cls, *args, **kwargs):
                if args or kwargs:
                    return build(cls, *args, **kwargs)
                if cls not in players:
                    players[cls] = build(cls)
                return players[cls]

            metaclass.__call__ = one_per_class
            self._restore = lambda: (setattr(metaclass, "__call__", build), players.clear())

        spec.loader.exec_module = exec_module
        return spec

    def restore(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        if self._restore is not None:
            self._restore()
            self._restore = None


def _source_key(obj) -> tuple | None:
    if inspect.isclass(obj):
        return ("class", obj.__module__, obj.__qualname__)
    code = getattr(getattr(obj, "__func__", obj), "__code__", None)
    if code is not None:
        return ("code", code.co_filename, code.co_firstlineno)
    return None
