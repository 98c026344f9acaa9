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

- **A bibliography assistive technology can read.** docutils marks the bibliography as a
  ``list`` of ``doc-biblioentry`` items, which ARIA does not allow (axe-core: "critical");
  each entry becomes a ``listitem``.
- **No JavaScript error on a first visit.** The theme's colour mode starts as "auto".
- **No script twice.** sphinx-thebe's inline set-up script (``const THEBE_JS_URL = …``) is
  added twice to every page by Jupyter Book 1, and the second copy is a JavaScript error
  ("Identifier has already been declared"): each page keeps the first copy of any script.

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


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # The theme's colour mode starts as "auto" (the reader's system decides); left empty,
    # as this theme leaves it, the theme's script logs an error on a first visit.
    context.setdefault("default_mode", "auto")
    scripts, seen = context.get("script_files"), set()
    if not scripts:
        return
    kept = []
    for script in scripts:
        attributes = getattr(script, "attributes", {}) or {}
        # An inline script's file name is None or "", as the extension added it.
        key = (str(getattr(script, "filename", script) or ""), tuple(sorted(attributes.items())))
        if key not in seen:
            seen.add(key)
            kept.append(script)
    scripts[:] = kept


def _fix_bibliography_roles(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for page in pathlib.Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'role="doc-biblioentry"' in text:
            page.write_text(text.replace('role="doc-biblioentry"', 'role="listitem"'), encoding="utf-8")


def setup(app: Sphinx) -> dict:
    register_plugin("pybtex.style.formatting", "sinorus_author_year", AuthorYearStyle, force=True)
    app.connect("config-inited", _use_local_mathjax, priority=900)
    app.connect("build-finished", _copy_mathjax)
    app.connect("build-finished", _fix_bibliography_roles)
    app.connect("html-page-context", _page_context, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
