"""sinorus.fmt: numbers for prose, equilibria for tables."""

import numpy as np
import pytest

from sinorus import fmt


def test_plain_turns_numpy_scalars_into_python_numbers():
    assert type(fmt.plain(np.float64(0.5))) is float
    assert type(fmt.plain(np.int64(3))) is int
    assert type(fmt.plain(np.bool_(True))) is bool
    assert fmt.plain("never") == "never"


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_plain_refuses_non_finite_numbers(bad):
    with pytest.raises(ValueError):
        fmt.plain(bad)


def test_plain_refuses_containers():
    with pytest.raises(TypeError):
        fmt.plain([1, 2])


def test_number_formats():
    assert fmt.percent(0.4653) == "46.5%"
    assert fmt.thousands(1605) == "1,605"
    assert fmt.signed(2.04) == "+2.0"
    assert fmt.signed(-0.51) == "\u22120.5"


def test_pure_and_mixed_strategies():
    assert fmt.mixed_strategy([1.0, 0.0], ["C", "D"]) == "C"
    assert fmt.mixed_strategy([0.9999999999999998, 2e-16], ["C", "D"]) == "C"
    assert fmt.mixed_strategy([0.25, 0.75], ["C", "D"]) == "0.25 C + 0.75 D"
    assert fmt.equilibrium([0, 1], [1, 0], ["C", "D"], ["C", "D"]) == "(D, C)"


@pytest.mark.parametrize("probs", [[0.5, 0.6], [1.2, -0.2], [1.0]])
def test_strategies_must_be_probability_vectors(probs):
    with pytest.raises(ValueError):
        fmt.mixed_strategy(probs, ["C", "D"])


def test_glued_strings_show_without_quotes():
    assert repr(fmt._Words("2011")) == "2011"


def test_glued_floats_keep_ten_significant_digits():
    assert fmt.rounded(-0.6530191096847365) == fmt.rounded(-0.6530191096847366) == -0.6530191097
    assert repr(fmt.rounded(2 / 3)) == "0.6666666667"
    assert fmt.rounded(1234567.891234) == 1234567.891
    assert fmt.rounded(1.23456789012e-7) == 1.23456789e-7
    assert fmt.rounded(0.5) == 0.5


def test_solver_values_are_rounded_to_decimals():
    assert fmt.rounded(0.4999999999, decimals=6) == fmt.rounded(0.5000000001, decimals=6) == 0.5
    assert repr(fmt.rounded(-1e-12, decimals=6)) == "0.0"


def test_rounding_refuses_what_is_not_a_float():
    with pytest.raises(TypeError):
        fmt.rounded(3)
    with pytest.raises(TypeError):
        fmt.rounded(True)


def test_glue_rounds_floats_and_leaves_the_rest(monkeypatch):
    import myst_nb

    stored = {}
    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: stored.update({name: value}))
    fmt.glue("f", np.float64(-0.6530191096847365))
    fmt.glue("ode", 0.4999999999, decimals=6)
    fmt.glue("n", np.int64(7))
    fmt.glue("s", "never")
    assert stored == {"f": -0.6530191097, "ode": 0.5, "n": 7, "s": "never"}
    assert type(stored["n"]) is int
    with pytest.raises(TypeError):
        fmt.glue("n", 7, decimals=2)
