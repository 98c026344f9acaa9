"""The book's one look: a matplotlib style and a colour-blind-safe palette.

Every chapter calls :func:`use_book_style` once (in its set-up cell); colours for
countries come from :data:`COUNTRY_COLOURS` so a country has the same colour in every
figure. The palette is Okabe & Ito's (2008), whose colours stay distinct under the
common colour-vision deficiencies; ``tests/test_style.py`` checks that by simulation.
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
GREY = "#999999"

# The style's colour cycle, in this order: the first three stay far apart under simulated
# protanopia, deuteranopia and tritanopia, and the first four well apart.
CYCLE = list(OKABE_ITO.values())

# The three protagonists get the three colours furthest apart for every kind of colour
# vision; a handful of others get colours of their own; everyone else is grey.
COUNTRY_COLOURS = {
    "USA": OKABE_ITO["blue"],
    "CHN": OKABE_ITO["vermillion"],
    "RUS": OKABE_ITO["black"],
    "GBR": OKABE_ITO["sky_blue"],
    "FRA": OKABE_ITO["reddish_purple"],
    "IND": OKABE_ITO["orange"],
    "DEU": OKABE_ITO["bluish_green"],
    "JPN": OKABE_ITO["yellow"],
}


def country_colour(iso3: str) -> str:
    """The colour of a country (ISO 3166 alpha-3) in every figure of the book."""
    return COUNTRY_COLOURS.get(iso3, GREY)


def use_book_style() -> None:
    """Apply the book's look (call once per chapter, in the set-up cell): the matplotlib
    style and colour cycle, and tables that show text cells whole and floats to four decimals."""
    import matplotlib.pyplot as plt
    import pandas as pd
    from cycler import cycler

    plt.style.use(STYLE_FILE)
    plt.rcParams["axes.prop_cycle"] = cycler(color=CYCLE)
    # pandas cuts text at 50 characters; the book's tables (paraphrased theories, event
    # titles, coding reasons) are meant to be read.
    pd.set_option("display.max_colwidth", 200)
    # Four decimals is more than any table's reader needs, and hides the last digits that
    # differ between CPUs (numpy's SIMD paths, BLAS kernels), so stored outputs stay put.
    pd.set_option("display.precision", 4)
