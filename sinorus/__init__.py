"""Shared plumbing for the chapters of *Sino-Russian Alignment, Recomputed*.

One module per job, so there is one place for each thing:

- :mod:`sinorus.data`        load a dataset from ``data/``, validated against ``data/datapackage.json``
- :mod:`sinorus.memberships` who belonged to which organisation when (``data/memberships.csv``)
- :mod:`sinorus.style`       the book's matplotlib style and colour-blind-safe palette
- :mod:`sinorus.fmt`         numbers for prose (``glue``) and equilibria for tables
- :mod:`sinorus.tables`      tables for readers: labels, numbers by kind, linked sources (HTML, LaTeX, text)
- :mod:`sinorus.citations`   author–year labels and bibliography anchors of ``references.bib``
- :mod:`sinorus.history`     events by pair of states and the cooperation-conflict index
- :mod:`sinorus.replication` a paper's number beside the book's: difference and verdict
- :mod:`sinorus.games`       2x2 games: checked payoffs, equilibria, the catalogue, the space
- :mod:`sinorus.power`       Shapley-Shubik and Banzhaf power in a weighted council
- :mod:`sinorus.alignment`   UN voting agreement and permutation tests for a shift in it
- :mod:`sinorus.process_tracing` Bayesian weighing of evidence between rival explanations
- :mod:`sinorus.notebooks`   make each chapter's ``.ipynb`` from its ``.md`` and check the pair
- :mod:`sinorus.sphinx_solutions` a Sphinx extension that leaves solutions out of a build
- :mod:`sinorus.sphinx_site` a Sphinx extension: MathJax served locally, author–year bibliography labels

The computations a reader must see stay in the chapters; only what several chapters
share lives here.
"""

from sinorus.data import DataValidationError, load
from sinorus.fmt import glue
from sinorus.style import use_book_style

__all__ = ["DataValidationError", "glue", "load", "use_book_style"]
