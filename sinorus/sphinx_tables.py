"""The book's tables in the PDF: typeset as tables, not as maths or monospace text.

A table shown with :func:`sinorus.tables.show` leaves three renderings in the notebook:
``text/html`` (the site), ``text/latex`` (a ``longtable``) and ``text/plain``. myst-nb
would set ``text/latex`` as a displayed equation, where a table cannot stand. This
transform runs when a page is read, before any builder chooses among the renderings: in
each output that carries a book table (its HTML has the ``sinorus-table`` marker) it turns
the LaTeX into raw LaTeX. The HTML builders still choose the HTML, which they rank first,
and ignore raw LaTeX; the LaTeX builder chooses the LaTeX and writes it as it is. Other
``text/latex`` outputs (an equation a chapter prints) are left to myst-nb.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from sinorus.tables import MARKER


def _is_bundle(node) -> bool:
    return isinstance(node, nodes.container) and node.get("nb_element") == "mime_bundle"


class TablesAsLatex(SphinxTransform):
    default_priority = 500

    def apply(self, **kwargs) -> None:
        for bundle in list(self.document.findall(_is_bundle)):
            by_type = {child.get("mime_type"): child for child in bundle.children
                       if isinstance(child, nodes.container)}
            html, latex = by_type.get("text/html"), by_type.get("text/latex")
            if html is None or latex is None or MARKER not in html.astext():
                continue
            source = "".join(child.astext() for child in latex.children)
            latex.children = []
            latex += nodes.raw("", source, format="latex")


def setup(app: Sphinx) -> dict:
    app.add_transform(TablesAsLatex)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
