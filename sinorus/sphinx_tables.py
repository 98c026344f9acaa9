"""The book's tables on the site and in the PDF: numbered within their chapter, referable
with ``{numref}``, and typeset as tables in the PDF (not as maths or monospace text).

A table shown with :func:`sinorus.tables.show` leaves three renderings in the notebook:
``text/html`` (the site), ``text/latex`` (a ``longtable``) and ``text/plain``. When a page
is read, before any builder chooses among the renderings, the transform here

- turns the LaTeX of each book table (its HTML has the ``sinorus-table`` marker) into raw
  LaTeX: myst-nb would otherwise set ``text/latex`` as a displayed equation, where a table
  cannot stand. The HTML builders still choose the HTML, which they rank first, and ignore
  raw LaTeX; the LaTeX builder chooses the LaTeX and writes it as it is. Other
  ``text/latex`` outputs (an equation a chapter prints) are left to myst-nb;
- wraps each captioned book table in a ``book_table`` node, which Sphinx numbers as a
  table ("Table 5.1", sharing the counter of the chapters' own tables) and, when the table
  was given ``name="tbl-…"``, registers under that label for ``{numref}``.

Writing, the HTML translator puts the number into the table's own ``<caption>``; the LaTeX
translator makes the first caption of the ``longtable`` numbered and labelled, so that
LaTeX's numbering (per chapter, in the same order) and ``\\ref`` agree with the site's.
"""

from __future__ import annotations

import hashlib
import html
import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from sinorus.tables import MARKER

_NAME = re.compile(r'data-name="(tbl-[a-z0-9-]+)"')
_CAPTION = re.compile(r'aria-label="([^"]*)"')


class book_table(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A numbered book table: its caption in ``node['caption']``, the output inside."""


def _is_bundle(node) -> bool:
    return isinstance(node, nodes.container) and node.get("nb_element") == "mime_bundle"


class BookTables(SphinxTransform):
    default_priority = 500  # before SphinxDomains (850) collects the labels

    def apply(self, **kwargs) -> None:
        for bundle in list(self.document.findall(_is_bundle)):
            by_type = {child.get("mime_type"): child for child in bundle.children
                       if isinstance(child, nodes.container)}
            html, latex = by_type.get("text/html"), by_type.get("text/latex")
            if html is None or MARKER not in html.astext():
                continue
            if latex is not None:
                source = "".join(child.astext() for child in latex.children)
                latex.children = []
                latex += nodes.raw("", source, format="latex")
            markup = html.astext()
            if "<caption" not in markup:
                continue  # an uncaptioned table is not numbered, as Sphinx does for figures
            self._number(bundle, markup)

    def _number(self, bundle, markup: str) -> None:
        caption = _CAPTION.search(markup)
        wrapper = book_table(caption=html.unescape(caption.group(1)) if caption else "table")
        bundle.replace_self(wrapper)
        wrapper += bundle
        name = _NAME.search(markup)
        if name:
            wrapper["names"].append(name.group(1))
            self.document.note_explicit_target(wrapper, wrapper)
        else:  # numbered all the same: Sphinx numbers only nodes with an id
            digest = hashlib.sha1(markup.encode("utf-8")).hexdigest()[:10]
            wrapper["ids"].append(f"sinorus-table-{digest}")
            self.document.ids[wrapper["ids"][0]] = wrapper


def _caption_of(node) -> str:
    return node.get("caption", "")


def _visit_html(self, node) -> None:
    self.body.append(self.starttag(node, "div", CLASS="sinorus-numbered-table"))
    start = len(self.body)
    self.add_fignumber(node)  # '<span class="caption-number">Table 5.1 </span>'
    number = "".join(self.body[start:])
    del self.body[start:]
    for raw in node.findall(nodes.raw):
        if "html" in raw.get("format", "").split() and "<caption" in raw.astext():
            text = re.sub(r"(<caption[^>]*>)", lambda m: m.group(1) + number, raw.astext(), count=1)
            raw.children = [nodes.Text(text)]
            break


def _depart_html(self, node) -> None:
    self.body.append("</div>\n")


def _visit_latex(self, node) -> None:
    label = "".join(self.hypertarget(i, anchor=False) for i in node["ids"])
    for raw in node.findall(nodes.raw):
        if "latex" in raw.get("format", "").split():
            text = raw.astext()
            # the first head's caption numbered and labelled; the continued heads repeat it
            text = re.sub(r"\\caption\*\{(.*)\} \\\\", lambda m: "\\caption{" + m.group(1) + "}" + label + " \\\\",
                          text, count=1)
            text = text.replace("\\caption*{", "\\caption[]{")
            raw.children = [nodes.Text(text)]


def _depart_latex(self, node) -> None:
    pass


def setup(app: Sphinx) -> dict:
    app.add_enumerable_node(book_table, "table", _caption_of,
                            html=(_visit_html, _depart_html), latex=(_visit_latex, _depart_latex))
    app.add_transform(BookTables)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
