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
