"""The book's one look: opaque figures and a palette that survives colour blindness.

Colours are compared in CIELAB after simulating protanopia, deuteranopia and tritanopia
with the matrices of Machado, Oliveira and Fernandes (2009), at full severity.
"""

import itertools

import matplotlib

matplotlib.use("Agg")  # tests draw nothing on screen

import matplotlib.pyplot as plt
import numpy as np
import pytest

from sinorus import style

DEFICIENCIES = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}


def _linear(rgb):
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb):
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ np.clip(linear_rgb, 0, 1)
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_as(hex_colour, deficiency):
    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return _lab(DEFICIENCIES[deficiency] @ _linear(rgb))


def distance(a, b, deficiency):
    return float(np.linalg.norm(seen_as(a, deficiency) - seen_as(b, deficiency)))


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("first, floor", [(3, 50), (4, 35)])
def test_first_cycle_colours_stay_apart(deficiency, first, floor):
    """Series drawn in the first colours of the cycle stay distinguishable: pairwise ΔE in
    CIELAB of at least 50 for three series, 35 for four (15 under tritanopia, the rarest)."""
    floor = 15 if deficiency == "tritanopia" else floor
    for a, b in itertools.combinations(style.CYCLE[:first], 2):
        assert distance(a, b, deficiency) >= floor, (a, b, deficiency)


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_protagonists_stay_apart(deficiency):
    """The US, China and Russia: ΔE ≥ 50 under every kind of colour vision."""
    floor = 50
    trio = [style.country_colour(c) for c in ("USA", "CHN", "RUS")]
    for a, b in itertools.combinations(trio, 2):
        assert distance(a, b, deficiency) >= floor, (a, b, deficiency)


def test_the_check_can_fail():
    """Red and green, the classic confusion, are close for a deuteranope."""
    assert distance("#D55E00", "#009E73", "normal") > 80
    assert distance("#CC0000", "#6B8E00", "deuteranopia") < 30


def test_palette_is_okabe_ito_and_every_country_colour_comes_from_it():
    assert set(style.CYCLE) == set(style.OKABE_ITO.values())
    assert set(style.COUNTRY_COLOURS.values()) <= set(style.OKABE_ITO.values())
    assert style.country_colour("KAZ") == style.GREY


def test_book_style_is_opaque_and_sets_the_cycle():
    style.use_book_style()
    try:
        assert matplotlib.colors.to_hex(plt.rcParams["figure.facecolor"]) == "#ffffff"
        assert matplotlib.colors.to_hex(plt.rcParams["axes.facecolor"]) == "#ffffff"
        assert plt.rcParams["savefig.transparent"] is False
        cycle = [matplotlib.colors.to_hex(c).upper() for c in plt.rcParams["axes.prop_cycle"].by_key()["color"]]
        assert cycle == [c.upper() for c in style.CYCLE]
    finally:
        matplotlib.rcdefaults()


def test_book_style_fixes_the_table_precision():
    import pandas as pd

    style.use_book_style()
    try:
        assert pd.get_option("display.precision") == 4
        assert "0.6667" in repr(pd.Series([2 / 3])) and "0.66666" not in repr(pd.Series([2 / 3]))
    finally:
        matplotlib.rcdefaults()
        pd.reset_option("display.precision")
        pd.reset_option("display.max_colwidth")
