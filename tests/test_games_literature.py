"""The named games of data/games.csv pinned to the literature.

Each game's preference orders are typed here from the sources, not read from games.csv:
each player's ranking of the four outcomes, written from its own side as (own move, other's
move), best first, with C = cooperate (accommodate) and D = defect (stand firm), and the
game's number in Rapoport and Guyer's taxonomy of the 78 strict games. Where the
"literature" is the book's own reconstruction (Called Bluff, Big Bully, Protector), the
test pins the reconstruction as documented in the chapter, so that it cannot drift
silently either.

- Prisoner's Dilemma, Chicken, Deadlock: the orderings that define them (Rapoport and Guyer
  1966; Robinson and Goforth 2005): T > R > P > S, T > R > S > P, T > P > R > S.
- Leader and Hero: Rapoport and Guyer's (#68 and #69): the player who moves away from
  mutual C gets 4 and the other 3 (Leader), or 3 and the other 4 (Hero); mutual D worst.
- Bully: Poundstone's, a Chicken player (row) against a Deadlock player (column).
- Called Bluff (Chicken row, PD column), Big Bully (PD row, Deadlock column), Protector
  (a row player whose C is dominant, CC > DC > CD > DD, against a Chicken column player;
  R&G #55): the book's reconstructions.

The R&G numbers of the symmetric games are the published ones; those of the four
asymmetric games were identified by the review of these chapters by matching the
reconstructions against the R&G list, and are pinned as such.
"""

import csv
import itertools
import shutil

import pytest

from book_facts import ROOT

OWN_ORDER = {  # outcomes from the player's own side, (own move + other's move), best first
    "Prisoner's Dilemma": ("DC", "CC", "DD", "CD"),
    "Chicken": ("DC", "CC", "CD", "DD"),
    "Deadlock": ("DC", "DD", "CC", "CD"),
    "Leader": ("DC", "CD", "CC", "DD"),
    "Hero": ("CD", "DC", "CC", "DD"),
    "Protector": ("CC", "DC", "CD", "DD"),
}

LITERATURE = {  # game: (R&G number, row player's type, column player's type)
    "prisoners_dilemma": (12, "Prisoner's Dilemma", "Prisoner's Dilemma"),
    "chicken": (66, "Chicken", "Chicken"),
    "deadlock": (9, "Deadlock", "Deadlock"),
    "leader": (68, "Leader", "Leader"),
    "hero": (69, "Hero", "Hero"),
    "called_bluff": (39, "Chicken", "Prisoner's Dilemma"),
    "bully": (35, "Chicken", "Deadlock"),
    "big_bully": (11, "Prisoner's Dilemma", "Deadlock"),
    "protector": (55, "Protector", "Chicken"),
}

CELLS = ["CC", "CD", "DC", "DD"]  # (row move, column move)


def expected_payoffs(row_type, column_type):
    """(row payoff, column payoff) of each cell, ranks 4 (best) to 1, from the typed orders."""
    row = {own: 4 - k for k, own in enumerate(OWN_ORDER[row_type])}
    column = {own: 4 - k for k, own in enumerate(OWN_ORDER[column_type])}
    return {cell: (row[cell], column[cell[1] + cell[0]]) for cell in CELLS}


def canonical(payoffs):
    """One key for a game and its relabellings (rows, columns swapped; players exchanged)."""
    flip = {"C": "D", "D": "C"}
    keys = []
    for swap_rows, swap_columns, exchange in itertools.product((False, True), repeat=3):
        image = {}
        for cell, (a, b) in payoffs.items():
            r, c = cell
            r = flip[r] if swap_rows else r
            c = flip[c] if swap_columns else c
            image[c + r if exchange else r + c] = (b, a) if exchange else (a, b)
        keys.append(tuple(image[cell] for cell in CELLS))
    return min(keys)


def mismatches(path):
    """Every way the games in the CSV at `path` differ from the literature, in words."""
    stored = {}
    types = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            stored.setdefault(r["game"], {})[r["row_strategy"] + r["column_strategy"]] = (
                int(r["row_payoff"]), int(r["column_payoff"]))
            types[r["game"]] = (r["row_player_type"], r["column_player_type"])
    problems = []
    if set(stored) != set(LITERATURE):
        problems.append(f"games {sorted(stored)} are not the nine named ones")
    for game, (number, row_type, column_type) in LITERATURE.items():
        if game not in stored:
            continue
        expected = expected_payoffs(row_type, column_type)
        if types[game] != (row_type, column_type):
            problems.append(f"{game}: player types {types[game]}, literature {(row_type, column_type)}")
        for cell in CELLS:
            if stored[game].get(cell) != expected[cell]:
                problems.append(f"{game}: cell {cell} is {stored[game].get(cell)}, literature {expected[cell]}")
        if canonical(stored[game]) != canonical(expected):
            problems.append(f"{game}: not in the class of Rapoport and Guyer's #{number}")
    numbers = {}
    for game, (number, row_type, column_type) in LITERATURE.items():
        numbers.setdefault(canonical(expected_payoffs(row_type, column_type)), set()).add(number)
    if any(len(n) > 1 for n in numbers.values()) or len(numbers) != len(LITERATURE):
        problems.append("two named games fall in one R&G class")
    return problems


def test_named_games_match_their_published_orderings():
    assert mismatches(ROOT / "data" / "games.csv") == []


def test_the_symmetric_games_are_symmetric_and_the_others_not():
    for game, (_, row_type, column_type) in LITERATURE.items():
        e = expected_payoffs(row_type, column_type)
        symmetric = all(e[c][0] == e[c[1] + c[0]][1] for c in CELLS)
        assert symmetric == (row_type == column_type), game


@pytest.mark.parametrize("swap, game", [
    pytest.param(("leader", "CD", "DC"), "leader", id="Leader's CD and DC swapped: it becomes Hero"),
    pytest.param(("chicken", "CD", "DD"), "chicken", id="Chicken's CD and DD swapped: it becomes the PD"),
    pytest.param(("protector", "CC", "DC"), "protector", id="Protector's row CC and DC swapped"),
])
def test_a_corrupted_named_game_is_caught(tmp_path, swap, game):
    """Corrupt a copy of games.csv as a transcription slip would, and the pinning fails."""
    key, first, second = swap
    copy = tmp_path / "games.csv"
    shutil.copy(ROOT / "data" / "games.csv", copy)
    with open(copy, encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
        fields = list(table[0])
    cells = {r["row_strategy"] + r["column_strategy"]: r for r in table if r["game"] == key}
    for column in ("row_payoff", "column_payoff") if key != "protector" else ("row_payoff",):
        cells[first][column], cells[second][column] = cells[second][column], cells[first][column]
    with open(copy, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(table)
    problems = mismatches(copy)
    assert problems and all(p.startswith(game) for p in problems), problems
