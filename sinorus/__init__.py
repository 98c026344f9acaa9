"""Shared plumbing for the chapters of *Sino-Russian Alignment, Recomputed*.

One module per job, so there is one place for each thing:

- :mod:`sinorus.data`      load a dataset from ``data/``, validated against ``data/datapackage.json``
- :mod:`sinorus.memberships` who belonged to which organisation when (``data/memberships.csv``)
- :mod:`sinorus.style`     the book's matplotlib style and colour-blind-safe palette
- :mod:`sinorus.fmt`       numbers for prose (``glue``) and equilibria for tables
- :mod:`sinorus.notebooks` make each chapter's ``.ipynb`` from its ``.md`` and check the pair
- :mod:`sinorus.sphinx_solutions` a Sphinx extension that leaves solutions out of a build

The computations a reader must see stay in the chapters; only what several chapters
share lives here.
"""

from sinorus.data import DataValidationError, load
from sinorus.fmt import glue
from sinorus.style import use_book_style

__all__ = ["DataValidationError", "glue", "load", "use_book_style"]
