"""A Sphinx extension for how the site reads: offline maths and author–year bibliography labels.

- **Maths without the network.** MathJax 3 comes from the pinned PyPI package
  ``sphinx-mathjax-offline`` (MathJax 3.2.2's files, nothing else); this extension copies the
  parts a page can load — ``tex-chtml.js``, its fonts, the TeX extensions and the menu — into
  ``_build/html/_static/mathjax`` and points ``mathjax_path`` at them, so a page never asks a
  CDN for anything. (The package's own ``setup`` would copy all 24 MB, speech rules included.)
- **The bibliography labelled as the text cites.** The text cites author–year
  ("[MacHaffie, 2011]"); the pybtex style ``sinorus_author_year`` gives each bibliography entry
  the same label, made by :mod:`sinorus.citations`, instead of "[55]" (two works of one author
  and year get "2006a" and "2006b" here; the text's citations cannot say so). It is the
  ``plain`` style otherwise (entries sorted by author, year, title).

The site's CSS and JavaScript live in ``_static/`` (Jupyter Book adds every file there).
"""

from __future__ import annotations

import importlib.util
import pathlib
import shutil

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from sphinx.application import Sphinx

from sinorus import citations

MATHJAX_PACKAGE = "sphinx-mathjax-offline"
MATHJAX_PATH = "mathjax/tex-chtml.js"
# What tex-chtml.js loads on demand: fonts, \require'd TeX extensions, the context menu and
# its accessibility tools. The speech rules (sre/, 3.9 MB) are left out.
MATHJAX_PARTS = ["tex-chtml.js", "output/chtml/fonts", "input/tex/extensions", "ui", "a11y",
                 "adaptors", "LICENSE"]


class AuthorYearLabels(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield citations.labels().get(entry.key) or citations.author_year(entry)


class AuthorYearStyle(PlainStyle):
    default_label_style = AuthorYearLabels


def mathjax_source() -> pathlib.Path:
    spec = importlib.util.find_spec(MATHJAX_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"MathJax is served from the package {MATHJAX_PACKAGE}: "
                           f"pip install -r requirements.txt")
    return pathlib.Path(next(iter(spec.submodule_search_locations))) / "static" / "mathjax"


def _use_local_mathjax(app: Sphinx, config) -> None:
    config.mathjax_path = MATHJAX_PATH


def _copy_mathjax(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    source, target = mathjax_source(), pathlib.Path(app.outdir) / "_static" / "mathjax"
    for part in MATHJAX_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, dirs_exist_ok=True)
        elif (source / part).exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / part, target / part)


def setup(app: Sphinx) -> dict:
    register_plugin("pybtex.style.formatting", "sinorus_author_year", AuthorYearStyle, force=True)
    app.connect("config-inited", _use_local_mathjax, priority=900)
    app.connect("build-finished", _copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
