"""The book's one look: a matplotlib style and a colour-blind-safe palette.

Every chapter calls :func:`use_book_style` once (in its set-up cell); colours for
countries come from :data:`COUNTRY_COLOURS` so a country has the same colour in every
figure. The palette is Okabe & Ito's (2008), whose colours stay distinct under the
common colour-vision deficiencies; ``tests/test_style.py`` checks that by simulation.

Legible on a phone. A figure is shown at the width of the text column, so its text is
scaled by column / (figure width × dpi); the dpi cancels, and a font of ``pt`` points in a
figure ``w`` inches wide appears at ``pt × column_px / (72 × w)`` CSS pixels. On a 390 px
phone the column is about :data:`PHONE_COLUMN_PX` = 358 px; for the smallest text (tick
labels, legends) to stay at :data:`MIN_TEXT_PX` = 9 px in a figure :data:`FIG_WIDTH` = 6.4 in
wide, it must be at least 9 × 72 × 6.4 / 358 ≈ 11.6 pt: the style sets 12 pt
(:func:`text_px` computes it). A wider figure needs larger fonts — use :func:`figsize`, which
keeps the book's width. Figures are drawn at 100 dpi and stored at twice that (IPython's
"retina" PNG, shown at its 1x size), so they stay sharp on high-density screens; on the
site a click on a figure opens it full size.

Contrast. Thin lines must stand out from the white background by WCAG's 3:1 for
graphical objects. Okabe–Ito's sky blue (2.3:1), orange (2.2:1) and yellow (1.3:1) do not:
:data:`PALETTE` keeps their hue and darkens them just enough (:data:`OKABE_ITO` keeps the
original values); grey for "everyone else" is darkened likewise.
"""

from __future__ import annotations

import pathlib

STYLE_FILE = pathlib.Path(__file__).with_name("book.mplstyle")

OKABE_ITO = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "black": "#000000",
    "bluish_green": "#009E73",
    "sky_blue": "#56B4E9",
    "reddish_purple": "#CC79A7",
    "orange": "#E69F00",
    "yellow": "#F0E442",
}
# The palette the book draws with: Okabe–Ito, each colour darkened (same hue and
# saturation in HLS, lower lightness) to a contrast of at least 3.1:1 against white.
PALETTE = {
    **OKABE_ITO,
    "sky_blue": "#1D9AE0",
    "orange": "#C28600",
    "yellow": "#9E940D",
}
GREY = "#929292"
MIN_CONTRAST = 3.0  # WCAG 2.1, 1.4.11: graphical objects against their background

# The style's colour cycle, in this order: the first three stay far apart under simulated
# protanopia, deuteranopia and tritanopia, and the first four well apart.
CYCLE = list(PALETTE.values())

# Sizes for the text column (see the module's docstring for the rule).
FIG_WIDTH = 6.4          # inches; matches figure.figsize in book.mplstyle
PHONE_COLUMN_PX = 358    # the text column on a 390 px wide phone
MIN_TEXT_PX = 9.0        # the smallest text a figure may show there, in CSS pixels

# The three protagonists get the three colours furthest apart for every kind of colour
# vision; a handful of others get colours of their own; everyone else is grey.
COUNTRY_COLOURS = {
    "USA": PALETTE["blue"],
    "CHN": PALETTE["vermillion"],
    "RUS": PALETTE["black"],
    "GBR": PALETTE["sky_blue"],
    "FRA": PALETTE["reddish_purple"],
    "IND": PALETTE["orange"],
    "DEU": PALETTE["bluish_green"],
    "JPN": PALETTE["yellow"],
}


def country_colour(iso3: str) -> str:
    """The colour of a country (ISO 3166 alpha-3) in every figure of the book."""
    return COUNTRY_COLOURS.get(iso3, GREY)


def text_px(points: float, width_in: float = FIG_WIDTH, column_px: float = PHONE_COLUMN_PX) -> float:
    """CSS pixels of ``points``-point text in a figure ``width_in`` inches wide, shown at
    ``column_px`` pixels (the figure's dpi cancels out)."""
    return points * column_px / (72 * width_in)


def figsize(height_in: float, width_in: float = FIG_WIDTH) -> tuple[float, float]:
    """A figure size at the book's width: ``plt.subplots(figsize=style.figsize(3.6))``."""
    return (width_in, height_in)


def contrast(colour: str, background: str = "#FFFFFF") -> float:
    """WCAG 2.1 contrast ratio of two colours given as '#RRGGBB'."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(colour), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def use_book_style() -> None:
    """Apply the book's look (call once per chapter, in the set-up cell): the matplotlib
    style and colour cycle, sharp (2x) PNG figures in a notebook, and tables that show text
    cells whole and floats to four decimals."""
    import matplotlib.pyplot as plt
    import pandas as pd
    from cycler import cycler

    plt.style.use(STYLE_FILE)
    plt.rcParams["axes.prop_cycle"] = cycler(color=CYCLE)
    _retina_figures()
    # pandas cuts text at 50 characters; the book's tables (paraphrased theories, event
    # titles, coding reasons) are meant to be read.
    pd.set_option("display.max_colwidth", 200)
    # Four decimals is more than any table's reader needs, and hides the last digits that
    # differ between CPUs (numpy's SIMD paths, BLAS kernels), so stored outputs stay put.
    pd.set_option("display.precision", 4)


def _retina_figures() -> None:
    """In IPython, store figures as PNG at twice their dpi, marked to be shown at 1x."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every notebook
        return
    if get_ipython() is None:
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("retina")
