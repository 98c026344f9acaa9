"""The alliance-games tables (games, machaffie_game_cells, game_taxonomy_counts) refuse bad
input with a message naming file, row and column."""

import pytest

from book_facts import broken_copy, refusal
from sinorus import data


def _refused(tmp_path, name, edit):
    """``edit`` takes and returns the table's lines."""
    return refusal(broken_copy(tmp_path, name, lambda text: "\n".join(edit(text.splitlines())) + "\n"), name)


def _replace_in(row, old, new):
    def edit(lines):
        assert old in lines[row - 1], (old, lines[row - 1])
        return lines[:row - 1] + [lines[row - 1].replace(old, new, 1)] + lines[row:]
    return edit


@pytest.mark.parametrize("edit, expected", [
    pytest.param(_replace_in(2, ",C,C,3,3,", ",C,C,5,3,"),
                 "games.csv, row 2, column 'row_payoff': '5' breaks the constraint maximum = 4", id="payoff above 4"),
    pytest.param(_replace_in(2, ",C,C,3,3,", ",C,C,0,3,"),
                 "games.csv, row 2, column 'row_payoff': '0' breaks the constraint minimum = 1", id="payoff below 1"),
    pytest.param(_replace_in(2, ",C,C,3,3,", ",C,C,three,3,"),
                 "games.csv, row 2, column 'row_payoff': 'three' is not a valid integer", id="payoff not a number"),
    pytest.param(_replace_in(2, ",C,C,3,3,", ",X,C,3,3,"),
                 "games.csv, row 2, column 'row_strategy': 'X' breaks the constraint enum", id="unknown strategy"),
    pytest.param(_replace_in(3, ",C,D,1,4,", ",C,C,1,4,"),
                 "games.csv, row 3, column 'game, row_strategy, column_strategy': duplicate primary key", id="cell twice"),
    pytest.param(_replace_in(2, ",high,", ",certain,"),
                 "games.csv, row 2, column 'confidence': 'certain' breaks the constraint enum", id="unknown confidence"),
    pytest.param(_replace_in(2, ",snyder1977;rapoport1966,", ",,"),
                 "games.csv, row 2, column 'source': empty, but every row must carry its source", id="empty source"),
])
def test_games_table_bad_input(tmp_path, edit, expected):
    assert expected in _refused(tmp_path, "games", edit)


@pytest.mark.parametrize("edit, expected", [
    pytest.param(_replace_in(6, ",RUS,CHN,", ",RUS,XXX,"),
                 "machaffie_game_cells.csv, row 6, column 'column_actor': 'XXX' is not a known iso3 in countries",
                 id="unknown country"),
    pytest.param(_replace_in(2, "3,C,C", "5,C,C"),
                 "machaffie_game_cells.csv, row 2, column 'table': '5' breaks the constraint enum", id="no such table"),
    pytest.param(_replace_in(2, "mutual cooperation", ""),
                 "machaffie_game_cells.csv, row 2, column 'outcome': empty, but a value is required", id="empty outcome"),
])
def test_machaffie_cells_bad_input(tmp_path, edit, expected):
    assert expected in _refused(tmp_path, "machaffie_game_cells", edit)


@pytest.mark.parametrize("edit, expected", [
    pytest.param(_replace_in(2, ",78,", ",-78,"),
                 "game_taxonomy_counts.csv, row 2, column 'published_value': '-78' breaks the constraint minimum = 1",
                 id="negative count"),
    pytest.param(_replace_in(2, ",rapoport1966,", ",rapoport1967,"),
                 "game_taxonomy_counts.csv, row 2, column 'source': 'rapoport1967' is neither a key of references.bib",
                 id="unknown source"),
])
def test_taxonomy_counts_bad_input(tmp_path, edit, expected):
    assert expected in _refused(tmp_path, "game_taxonomy_counts", edit)
