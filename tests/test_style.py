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


def _hls(hex_colour):
    import colorsys
    return colorsys.rgb_to_hls(*(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))


def test_palette_is_okabe_ito_and_every_country_colour_comes_from_it():
    """Each colour is Okabe–Ito's, or Okabe–Ito's hue made darker (never lighter, never
    another hue) for contrast; countries and the cycle draw from that palette only."""
    assert style.PALETTE.keys() == style.OKABE_ITO.keys()
    for name, colour in style.PALETTE.items():
        original = style.OKABE_ITO[name]
        if colour != original:
            (h0, l0, s0), (h1, l1, s1) = _hls(original), _hls(colour)
            assert abs(h0 - h1) < 0.01 and abs(s0 - s1) < 0.05 and l1 < l0, name
    assert set(style.CYCLE) == set(style.PALETTE.values())
    assert set(style.COUNTRY_COLOURS.values()) <= set(style.PALETTE.values())
    assert style.country_colour("KAZ") == style.GREY


LINE_COLOURS = sorted(set(style.CYCLE) | set(style.COUNTRY_COLOURS.values()) | {style.GREY})


@pytest.mark.parametrize("colour", LINE_COLOURS)
def test_every_line_colour_has_3_to_1_contrast_against_white(colour):
    """WCAG 2.1 (1.4.11): a line a reader must see stands out 3:1 from the page."""
    assert style.contrast(colour) >= style.MIN_CONTRAST, (colour, round(style.contrast(colour), 2))


def test_the_contrast_check_can_fail():
    """Okabe–Ito's own yellow, orange and sky blue are too light for thin lines; black on
    white is the maximum, 21:1."""
    for name in ("yellow", "orange", "sky_blue"):
        assert style.contrast(style.OKABE_ITO[name]) < 3, name
    assert round(style.contrast(style.OKABE_ITO["yellow"]), 1) == 1.3
    assert style.contrast("#000000") == pytest.approx(21.0)
    assert style.contrast("#777777") == pytest.approx(4.48, abs=0.01)


def test_text_stays_legible_at_a_phones_width():
    """Every font size of the style, in a figure of the book's width shown in a 358 px
    column, is at least 9 CSS px; the rule is what it says (text at 7.2 in and 10 pt, the
    old style, was 6.9 px)."""
    style.use_book_style()
    try:
        assert tuple(plt.rcParams["figure.figsize"])[0] == style.FIG_WIDTH
        assert style.figsize(3.6) == (style.FIG_WIDTH, 3.6)
        sizes = {key: plt.rcParams[key] for key in ("font.size", "axes.labelsize", "axes.titlesize",
                                                     "xtick.labelsize", "ytick.labelsize",
                                                     "legend.fontsize", "legend.title_fontsize")}
        for key, size in sizes.items():
            points = matplotlib.font_manager.FontProperties(size=size).get_size_in_points()
            assert style.text_px(points) >= style.MIN_TEXT_PX, (key, points)
        assert style.text_px(10, width_in=7.2) < style.MIN_TEXT_PX
        assert style.text_px(72, width_in=1, column_px=100) == pytest.approx(100)
    finally:
        matplotlib.rcdefaults()


def test_lines_are_not_hairlines():
    style.use_book_style()
    try:
        assert plt.rcParams["lines.linewidth"] >= 2
    finally:
        matplotlib.rcdefaults()


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


def figure_rule_breaks(source: str) -> list[str]:
    """What in a chapter's source breaks the figure rules: the original Okabe–Ito colours
    (too light for lines: use style.PALETTE or style.country_colour), text set below the
    style's 12 pt, or a figure wider than the book's width (use style.figsize)."""
    import re

    found = [f"OKABE_ITO[{m}]" for m in re.findall(r"OKABE_ITO\[([^\]]+)\]", source)]
    found += [f"fontsize={m}" for m in re.findall(r"fontsize=(\d+(?:\.\d+)?)", source)
              if float(m) < 12]
    found += [f"figsize=({w}, …)" for w in re.findall(r"figsize=\((\d+(?:\.\d+)?)\s*,", source)
              if float(w) > style.FIG_WIDTH]
    return found


def test_the_figure_rule_check_can_fail():
    assert figure_rule_breaks('c = style.OKABE_ITO["orange"]; ax.text(0, 0, "x", fontsize=9); '
                              'plt.subplots(figsize=(7.2, 4))') == \
        ['OKABE_ITO["orange"]', "fontsize=9", "figsize=(7.2, …)"]
    assert figure_rule_breaks('plt.subplots(figsize=style.figsize(4)); c = style.PALETTE["orange"]') == []


@pytest.mark.parametrize("md", sorted((style.STYLE_FILE.parent.parent / "chapters").glob("[0-9][0-9]-*.md")),
                         ids=lambda p: p.stem)
def test_chapters_draw_with_the_book_style(md):
    found = figure_rule_breaks(md.read_text(encoding="utf-8"))
    assert not found, f"{md.stem}: {sorted(set(found))}"
