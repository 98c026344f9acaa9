"""sinorus.games: checked payoffs, equilibria of known games, the catalogue, the space of
2x2 games, and the faster axelrod import."""

import inspect
import itertools
import sys
import textwrap
import warnings

import numpy as np
import pandas as pd
import pytest

from sinorus import data, games

PD = (np.array([[3, 1], [4, 2]]), np.array([[3, 4], [1, 2]]))
CHICKEN = (np.array([[3, 2], [4, 1]]), np.array([[3, 4], [2, 1]]))
HERO = (np.array([[2, 4], [3, 1]]), np.array([[2, 3], [4, 1]]))
PENNIES = (np.array([[1, -1], [-1, 1]]), np.array([[-1, 1], [1, -1]]))


def described(A, B):
    return [e.describe() for e in games.equilibria(A, B)]


# ---- bad input

@pytest.mark.parametrize("A, B, shape, message", [
    pytest.param([[3, 1], [4, 2], [2, 2]], [[3, 4], [1, 2], [2, 2]], (2, 2), "expected a 2x2 game, got 3x2",
                 id="wrong shape"),
    pytest.param([[3, 1], [4]], PD[1], None, "rows of different lengths", id="ragged rows"),
    pytest.param([[3, "1"], [4, 2]], PD[1], None, "row 1, column 2 is '1', not a number", id="text entry"),
    pytest.param([[3, None], [4, 2]], PD[1], None, "row 1, column 2 is None, not a number", id="missing entry"),
    pytest.param([[3, True], [4, 2]], PD[1], None, "row 1, column 2 is True, not a number", id="boolean entry"),
    pytest.param([[3, float("nan")], [4, 2]], PD[1], None, "not a finite number", id="nan entry"),
    pytest.param(PD[0], [[3, 4, 1], [1, 2, 2]], None, "the row player's payoffs are 2x2 but the column player's are 2x3",
                 id="unequal shapes"),
    pytest.param(3, PD[1], None, "must be a table", id="a number, not a matrix"),
    pytest.param([1, 2, 3, 4], PD[1], None, "two-dimensional", id="one-dimensional"),
    pytest.param([], PD[1], None, "two-dimensional", id="empty"),
])
def test_bad_payoffs_are_refused_with_a_clear_message(A, B, shape, message):
    with pytest.raises(games.PayoffError, match=None) as refused:
        games.payoff_matrices(A, B, shape=shape)
    assert message in str(refused.value)


def test_good_payoffs_come_back_as_floats():
    A, B = games.payoff_matrices(pd.DataFrame([[3, 1], [4, 2]]), np.array([[3, 4], [1, 2]]), shape=(2, 2))
    assert A.dtype == float and B.shape == (2, 2)


def test_every_game_function_checks_its_input():
    for function in (games.equilibria, games.pure_equilibria, games.degeneracies, games.pareto_optimal_cells):
        with pytest.raises(games.PayoffError):
            function([[3, "x"], [4, 2]], PD[1])


# ---- equilibria of known games

def test_prisoners_dilemma():
    assert described(*PD) == ["(D, D)"]
    assert games.dominant_strategy(PD[0]) == 1 and games.dominant_strategy(PD[1].T) == 1
    assert games.pareto_optimal_cells(*PD) == [(0, 0), (0, 1), (1, 0)]
    assert games.describe(*PD)["deficient equilibrium"]


def test_chicken_has_two_pure_equilibria_and_one_mixed():
    assert described(*CHICKEN) == ["(C, D)", "(D, C)", "(0.50 C + 0.50 D, 0.50 C + 0.50 D)"]
    assert games.dominant_strategy(CHICKEN[0]) is None


def test_hero_mixed_equilibrium_by_hand():
    # Row indifferent when the column plays C with q: 2q + 4(1-q) = 3q + 1(1-q) -> q = 3/4.
    mixed = [e for e in games.equilibria(*HERO) if not e.pure]
    assert len(mixed) == 1 and mixed[0].row == (0.75, 0.25) and mixed[0].column == (0.75, 0.25)
    assert mixed[0].row_payoff == pytest.approx(2 * 0.75 * 0.75 + 4 * 0.75 * 0.25 + 3 * 0.25 * 0.75 + 0.25 * 0.25)


def test_matching_pennies_has_only_a_mixed_equilibrium():
    assert described(*PENNIES) == ["(0.50 C + 0.50 D, 0.50 C + 0.50 D)"]


def test_non_degenerate_games_have_an_odd_number_of_equilibria():
    for A, B in (PD, CHICKEN, HERO, PENNIES):
        assert not games.is_degenerate(A, B)
        assert len(games.equilibria(A, B)) % 2 == 1


# ---- degenerate games: detected, solved, and never a warning

def test_ties_between_best_replies_are_detected_and_named():
    A = np.array([[3, 2], [3, 1]])  # against the column's C the row player is indifferent
    problems = games.degeneracies(A, PD[1])
    assert problems == ["against the column player's C, the row player is indifferent between C and D"]


def test_ties_that_are_not_between_best_replies_do_not_make_a_game_degenerate():
    A = np.array([[3, 3], [4, 1]])  # equal payoffs in one row: no player is indifferent
    assert not games.is_degenerate(A, A.T)


def test_degenerate_game_is_solved_by_vertex_enumeration_without_warning():
    A = np.array([[3, 2], [4, 2]])  # row indifferent against D; the column's D is dominant
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = described(A, PD[1])
    assert found == ["(C, D)", "(D, D)"]


def test_support_enumeration_would_have_warned_on_a_degenerate_game():
    """The check above matters: nashpy's own support enumeration warns on a degenerate game
    (here one in which the row player is tied against the column player's C)."""
    import nashpy as nash

    with pytest.warns(RuntimeWarning, match="degenerate"):
        list(nash.Game(np.array([[3, 1], [3, 2]]), np.array([[3, 3], [1, 2]])).support_enumeration())


def test_a_game_where_nothing_matters_is_handled():
    flat = np.zeros((2, 2))
    assert games.is_degenerate(flat, flat)
    assert len(games.pure_equilibria(flat, flat)) == 4
    assert {e.cell for e in games.equilibria(flat, flat) if e.pure} == {(0, 0), (0, 1), (1, 0), (1, 1)}


# ---- the catalogue

def test_catalogue_has_the_nine_named_games():
    catalogue = games.catalogue()
    assert [g.name for g in catalogue.values()] == [
        "Prisoner's Dilemma", "Chicken", "Deadlock", "Leader", "Hero", "Called Bluff", "Bully",
        "Big Bully", "Protector"]
    assert all(g.A.shape == (2, 2) and g.B.shape == (2, 2) for g in catalogue.values())
    assert {k for k, g in catalogue.items() if g.symmetric} == {
        "prisoners_dilemma", "chicken", "deadlock", "leader", "hero"}


def test_catalogue_matrices_are_strict_rankings():
    for game in games.catalogue().values():
        assert sorted(game.A.ravel()) == [1, 2, 3, 4] and sorted(game.B.ravel()) == [1, 2, 3, 4], game.name


def test_catalogue_prisoners_dilemma_is_the_textbook_one():
    pd_game = games.catalogue()["prisoners_dilemma"]
    assert np.array_equal(pd_game.A, PD[0]) and np.array_equal(pd_game.B, PD[1])


def test_asymmetric_games_pair_the_named_player_types():
    """Called Bluff, Bully and Big Bully give each player the payoffs of a symmetric game."""
    catalogue = games.catalogue()
    for key in ("called_bluff", "bully", "big_bully"):
        game = catalogue[key]
        row_type = next(g for g in catalogue.values() if g.name == game.row_player_type)
        column_type = next(g for g in catalogue.values() if g.name == game.column_player_type)
        assert np.array_equal(game.A, row_type.A) and np.array_equal(game.B, column_type.B), key


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.drop(index=3), "needs each of CC, CD, DC and DD exactly once"),
    (lambda t: t.assign(confidence=["low"] + list(t["confidence"][1:])), "disagree on confidence"),
])
def test_malformed_catalogue_is_refused(edit, message):
    table = data.load("games")
    with pytest.raises(games.PayoffError, match=message):
        games.catalogue(edit(table))


# ---- the space of strictly ordinal 2x2 games

def test_there_are_576_labelled_games():
    assert len(list(games.strict_ordinal_games())) == 24 * 24


def test_class_counts_144_and_78():
    assert len(games.ordinal_classes(exchange_players=False)) == 144
    assert len(games.ordinal_classes(exchange_players=True)) == 78


def test_class_counts_by_burnside():
    """An independent count: the number of classes is the average number of labelled games
    that each relabelling leaves unchanged (Burnside's lemma)."""
    labelled = list(games.strict_ordinal_games())
    relabellings = [  # the group acting on (A, B), with and without exchanging the players
        lambda a, b: (a, b), lambda a, b: (a[::-1], b[::-1]), lambda a, b: (a[:, ::-1], b[:, ::-1]),
        lambda a, b: (a[::-1, ::-1], b[::-1, ::-1])]
    exchanges = [lambda a, b, f=f: f(b.T, a.T) for f in relabellings]

    def orbits(group):
        fixed = sum(all(np.array_equal(x, y) for x, y in zip(g(a, b), (a, b))) for g in group for a, b in labelled)
        return fixed / len(group)

    assert orbits(relabellings) == 144
    assert orbits(relabellings + exchanges) == 78


def test_relabellings_and_canonical_keys():
    A, B = PD
    keys = {games.canonical(a, b, exchange_players=False) for a, b in games.relabellings(A, B, False)}
    assert len(keys) == 1
    a, b = games.from_key(next(iter(keys)))
    assert games.canonical(a, b, exchange_players=False) == next(iter(keys))


def test_classify_known_games():
    assert games.classify(*PD) == {"pure_equilibria": 1, "deficient": True, "dominant_strategies": 2,
                                   "no_conflict": False, "symmetric": True,
                                   "category": "one equilibrium, Pareto-deficient"}
    assert games.classify(*CHICKEN)["category"] == "two equilibria"
    stag = np.array([[4, 1], [3, 2]])
    assert games.classify(stag, stag.T)["no_conflict"]


def test_classify_equilibria_match_a_brute_force_count():
    """nashpy's pure equilibria, for every one of the 144 games, against best replies counted by hand."""
    for key in games.ordinal_classes(exchange_players=False)["key"]:
        A, B = games.from_key(key)
        by_hand = sum(A[i, j] == A[:, j].max() and B[i, j] == B[i, :].max()
                      for i, j in itertools.product(range(2), range(2)))
        assert games.classify(A, B)["pure_equilibria"] == by_hand


def test_grid_positions_put_symmetric_games_on_the_diagonal():
    positions = {}
    for key in games.ordinal_classes(exchange_players=False)["key"]:
        A, B = games.from_key(key)
        positions[key] = games.grid_position(A, B)
        assert (positions[key][0] == positions[key][1]) == games.classify(A, B)["symmetric"]
        assert games.grid_position(B.T, A.T) == positions[key][::-1]  # exchanging players mirrors
    assert len(set(positions.values())) == 144


def test_grid_position_refuses_ties():
    with pytest.raises(games.PayoffError, match="strictly ordinal"):
        games.grid_position(np.array([[3, 3], [4, 1]]), PD[1])


# ---- axelrod, imported faster

def test_import_axelrod_caches_getsource_during_the_import_only(monkeypatch, tmp_path):
    """A stand-in "axelrod" that asks inspect.getsource for the same function many times:
    during the import the answers are cached (the file is read once) and are the same
    text; afterwards inspect.getsource is the original again. The pkg_resources deprecation
    warning that axelrod's import raises under setuptools 80.9 is hidden (warnings are
    errors in the tests, so it would fail here). (The comparison with a plain
    import of the real library, 35 s, is in benchmarks/axelrod_import.py, run by make bench.)"""
    source = tmp_path / "stand_in_source.py"
    source.write_text("def f():\n    return 1\n", encoding="utf-8")
    (tmp_path / "axelrod.py").write_text(textwrap.dedent(f"""
        import importlib.util, inspect, warnings
        warnings.warn("pkg_resources is deprecated as an API", UserWarning)  # as axelrod's import does
        spec = importlib.util.spec_from_file_location("stand_in_source", {str(source)!r})
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        TEXTS = [inspect.getsource(module.f) for _ in range(50)]
        DURING = inspect.getsource
    """), encoding="utf-8")
    original = inspect.getsource
    calls = []
    monkeypatch.setattr(inspect, "getsource", lambda obj: calls.append(obj) or original(obj))
    wrapped = inspect.getsource
    monkeypatch.delitem(sys.modules, "axelrod", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    stand_in = games.import_axelrod()
    assert stand_in.TEXTS == ["def f():\n    return 1\n"] * 50
    assert len(calls) == 1                      # cached: the underlying function ran once
    assert stand_in.DURING is not wrapped       # the cache was in place during the import
    assert inspect.getsource is wrapped         # and is gone afterwards
    assert games.import_axelrod() is stand_in   # a second call returns the loaded module
    monkeypatch.delitem(sys.modules, "axelrod")


def test_import_axelrod_restores_getsource_even_if_the_import_fails(monkeypatch):
    original = inspect.getsource
    monkeypatch.delitem(sys.modules, "axelrod", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_Refuse(), *sys.meta_path])
    with pytest.raises(ImportError):
        games.import_axelrod()
    assert inspect.getsource is original


class _Refuse:
    """An import hook that refuses to import axelrod."""

    def find_spec(self, name, path=None, target=None):
        if name == "axelrod":
            raise ImportError("refused for the test")
        return None


def test_larger_games_are_solved_without_assuming_non_degeneracy():
    """Rock-paper-scissors (3x3): one mixed equilibrium, found by vertex enumeration."""
    A = np.array([[0, -1, 1], [1, 0, -1], [-1, 1, 0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = games.equilibria(A, -A)
    assert len(found) == 1
    assert found[0].row == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_grid_position_refuses_a_game_off_the_1_to_4_scale():
    """A strict game whose payoffs are not the ranks 1-4 is refused with a PayoffError
    (it used to escape as a bare StopIteration)."""
    with pytest.raises(games.PayoffError, match="strictly ordinal"):
        games.grid_position(np.array([[4, 0], [3, 2]]), PD[1])


# ---- ordinal and cardinal readings

def test_monotone_rescalings_are_strictly_increasing_and_seeded():
    u = games.monotone_rescalings(500, seed=7)
    assert u.shape == (500, 4)
    assert np.all(u[:, 0] == 0) and np.allclose(u[:, 3], 1) and np.all(np.diff(u, axis=1) > 0)
    assert np.array_equal(u, games.monotone_rescalings(500, seed=7))
    assert not np.array_equal(u, games.monotone_rescalings(500, seed=8))
    with pytest.raises(ValueError):
        games.monotone_rescalings(0, seed=7)


def test_rescale_replaces_ranks_and_refuses_non_ranks():
    assert games.rescale(PD[0], [0, 1, 2, 10]).tolist() == [[2, 0], [10, 1]]
    with pytest.raises(games.PayoffError, match="ranks 1-4"):
        games.rescale([[0, 1], [2, 3]], [0, 1, 2, 3])


def test_rescaling_keeps_pure_equilibria_and_moves_mixed_ones():
    u = [0, 0.1, 0.2, 1]
    A, B = games.rescale(HERO[0], u), games.rescale(HERO[1], u)
    assert games.pure_equilibria(A, B) == games.pure_equilibria(*HERO)
    mixed = next(e for e in games.equilibria(A, B) if not e.pure)
    # Hero: P(C) = (u4 - u1) / ((u4 - u1) + (u3 - u2)) = 1 / 1.1
    assert mixed.row[0] == pytest.approx(1 / 1.1)


@pytest.mark.parametrize("A, B, expected", [
    pytest.param(*CHICKEN, (2 / 3, 2 / 3), id="chicken: (4-2)/(4-1)"),
    pytest.param(*PD, (1.0, 1.0), id="PD: conflict preferred to yielding"),
    pytest.param(*HERO, (0.0, 0.0), id="hero: yielding preferred to winning"),
    pytest.param(np.array([[3, 2], [4, 1]]), np.array([[2, 4], [1, 3]]), (2 / 3, 1.0), id="bully"),
    pytest.param(np.array([[0, 0.2], [1, -9]]), np.array([[0, 1], [0.5, -9]]), (0.8 / 10, 0.5 / 10),
                 id="cardinal, asymmetric"),
])
def test_critical_risk(A, B, expected):
    assert games.critical_risk(A, B) == pytest.approx(expected)


def test_import_axelrod_builds_one_player_per_class_during_the_import_only(monkeypatch, tmp_path):
    """A stand-in axelrod package whose __init__ builds players (as axelrod's does to sort
    its strategies): during the import an argument-free call returns one player per class,
    calls with arguments are built anew, and afterwards every call builds a new player."""
    package = tmp_path / "axelrod"
    package.mkdir()
    (package / "player.py").write_text(textwrap.dedent("""
        class PostInitCaller(type):
            def __call__(cls, *args, **kwargs):
                return type.__call__(cls, *args, **kwargs)

        class Player(metaclass=PostInitCaller):
            def __init__(self, x=0):
                self.x = x
    """), encoding="utf-8")
    (package / "__init__.py").write_text(textwrap.dedent("""
        from axelrod.player import Player
        SAME_DURING = Player() is Player()
        ARGS_NEW_DURING = Player(1) is not Player(1)
    """), encoding="utf-8")
    for name in ("axelrod", "axelrod.player"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    meta_path = list(sys.meta_path)
    stand_in = games.import_axelrod()
    assert stand_in.SAME_DURING and stand_in.ARGS_NEW_DURING
    assert stand_in.Player() is not stand_in.Player()   # restored after the import
    assert sys.meta_path == meta_path                    # and the hook is gone
    for name in ("axelrod", "axelrod.player"):
        monkeypatch.delitem(sys.modules, name)
