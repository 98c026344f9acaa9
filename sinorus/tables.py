"""Tables for readers: the book's one presentation layer for tabular output.

A chapter computes a DataFrame as it likes (ids, booleans, shares as fractions), and shows
it with :func:`show`::

    tables.show(frame, labels={"cinc": "Share of capability"},
                formats={"cinc": "percent", "personnel": "count", "spend": "money:US$ bn"},
                caption="Capabilities in 2009", source="cow_nmc_v6")

What the reader sees: human column and row labels (ids stay in the data), numbers formatted
by kind, a dash for a missing value, "yes"/"no" (or ✓) for booleans, sources as author–year
citations linked to the bibliography, long text wrapped rather than cut, and every row
(nothing hidden behind "…"; filter a long table on purpose before showing it).

Kinds (``formats`` values; columns not named get a kind from their dtype and name):

==================  ===========================================================
``percent[:d]``     a share 0.634 → "63%" (``d`` decimals, default 0)
``count``           an integer with separators: 2945000 → "2,945,000"
``number[:d]``      separators and ``d`` decimals (default: as few as the column needs, ≤ 3)
``money:UNIT[:d]``  a number (default 1 decimal); the unit goes into the column label
``year``            1994 → "1994" (no separator, no ".0")
``date``            an ISO date, "2010-07-01"
``bool``            "yes" / "no";  ``check``: "✓" / "" (a mark only where true)
``label``           an id made readable: "less_than" → "less than" (or map it with ``values``)
``source``          bibliography keys ("a;b") → linked "MacHaffie, 2011"; a web address → its
                    site's name, linked (on the site and in the PDF; the plain text keeps the address)
``code``            a name a reader types (a dataset, a function), as it is, in monospace
``text``            as it is, wrapped
==================  ===========================================================

Why pandas' ``Styler`` and not a table library such as great_tables: Styler comes with pandas
(no new dependency, nothing to pin), renders both HTML (the site) and LaTeX (the PDF) from
the same cells, and leaves the cell text to us — the formatting above is plain Python that
the tests check directly. Its one non-deterministic part, the random table id, is replaced by
a hash of the content, so that nbval sees the same HTML on every run.

The object returned carries three renderings: ``_repr_html_`` (marked with the class
``sinorus-table``, which tests use to tell a formatted table from a raw DataFrame repr),
``_repr_latex_`` (a ``longtable``, for the PDF and for ``nbconvert --to pdf``) and a
plain-text ``__repr__``. myst-nb would typeset a notebook's ``text/latex`` output as
mathematics, where a table cannot stand; :mod:`sinorus.sphinx_tables` turns the LaTeX of a
table's output into raw LaTeX before that can happen, so the PDF typesets the table and the
site shows its HTML. The LaTeX table fits the text width: it keeps the columns' natural
widths when they fit, and otherwise wraps the text columns (numbers are never wrapped).
Its caption is unnumbered, as on the site.
"""

from __future__ import annotations

import hashlib
import html
import textwrap
import math
import numbers
import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from sinorus import citations

MARKER = "sinorus-table"
MISSING = "\u2014"  # an em dash
BIBLIOGRAPHY = "../bibliography.html"  # chapters are one folder below the bibliography page
_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
_URL = re.compile(r"^https?://")


def humanize(name) -> str:
    """A column or id as words: 'first_year' → 'First year'; other labels unchanged."""
    text = str(name)
    if _ID.match(text) or re.fullmatch(r"[a-z][a-z0-9]*", text):
        text = text.replace("_", " ")
        return text[:1].upper() + text[1:]
    return text


def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _split(kind: str) -> tuple[str, list[str]]:
    name, *args = kind.split(":")
    return name, args


def _decimals_needed(values: Sequence[float], cap: int = 3) -> int:
    finite = [float(v) for v in values if not _is_missing(v)]
    for digits in range(cap + 1):
        if all(abs(round(v, digits) - v) < 1e-9 * max(1.0, abs(v)) for v in finite):
            return digits
    return cap


def _number(value: float, digits: int) -> str:
    text = f"{float(value):,.{digits}f}"
    return text.replace("-", "\u2212")  # a true minus sign


def infer_kind(name, series: pd.Series) -> str:
    """The kind a column gets when ``formats`` does not name it."""
    lowered = str(name).lower()
    if lowered in ("source", "sources") or lowered.endswith("_source"):
        return "source"
    if pd.api.types.is_bool_dtype(series):
        return "bool"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if pd.api.types.is_numeric_dtype(series):
        if lowered in ("year", "first_year", "last_year") or lowered.endswith("_year"):
            return "year"
        if pd.api.types.is_integer_dtype(series):
            return "count"
        return "number"
    if series.dropna().map(lambda v: isinstance(v, (bool, np.bool_))).all() and series.notna().any():
        return "bool"
    return "text"


def cell_text(value, kind: str, column_values: Sequence | None = None) -> str:
    """The plain text of one cell of the given kind (what nbval and the PDF see)."""
    if _is_missing(value):
        return MISSING
    name, args = _split(kind)
    if name == "percent":
        digits = int(args[0]) if args else 0
        return f"{float(value) * 100:,.{digits}f}%".replace("-", "\u2212")
    if name == "count":
        if float(value) != round(float(value)):
            raise ValueError(f"a count that is not whole: {value!r}")
        return _number(value, 0)
    if name == "number":
        digits = int(args[0]) if args else _decimals_needed(column_values or [value])
        return _number(value, digits)
    if name == "money":
        digits = int(args[1]) if len(args) > 1 else 1
        return _number(value, digits)
    if name == "year":
        return str(int(value))
    if name == "date":
        return pd.Timestamp(value).date().isoformat()
    if name == "bool":
        return "yes" if bool(value) else "no"
    if name == "check":
        return "\u2713" if bool(value) else ""
    if name == "label":
        return humanize(value).lower() if _ID.match(str(value)) else str(value)
    if name == "source":
        return "; ".join(_source_text(part) for part in _source_parts(value))
    if name == "code":
        return str(int(value)) if isinstance(value, numbers.Integral) else str(value)
    if name == "text":
        if isinstance(value, (bool, np.bool_)):
            return "yes" if value else "no"
        if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
            return _number(value, _decimals_needed([value]))
        return str(value)
    raise ValueError(f"unknown kind of column: {kind!r}")


def _source_parts(value) -> list[str]:
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _source_text(part: str) -> str:
    if _URL.match(part):
        return part
    return citations.label(part)


def _site(url: str) -> str:
    """'https://www.example.org/a/b' → 'example.org'."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _source_html(value) -> str:
    links = []
    for part in _source_parts(value):
        if _URL.match(part):  # a web address shows as its site's name, linked
            links.append(f'<a href="{html.escape(part)}">{html.escape(_site(part))}</a>')
        else:
            links.append(f'<a class="reference internal" href="{BIBLIOGRAPHY}#{citations.anchor(part)}">'
                         f"{html.escape(citations.label(part))}</a>")
    return "; ".join(links)


def _latex_escape(text: str) -> str:
    replacements = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                    "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                    "^": r"\textasciicircum{}", "\u2713": r"\checkmark{}"}
    return "".join(replacements.get(c, c) for c in text)


_NUMERIC = {"percent", "count", "number", "money", "year"}
# A table with a text cell longer than this is stacked row by row on a phone.
STACK_TEXT_CHARS = 60
# Characters of a table's plain text in one line of the PDF (A4, \\small).
LATEX_LINE_CHARS = 100

def _latex_source(text: str) -> str:
    """A source cell for the PDF: citations as their labels, a web address as its site's
    name linked to it (as on the site: an address would run down the column)."""
    if text == MISSING:
        return text
    parts = []
    for part in text.split("; "):
        if _URL.match(part):
            target = part.replace("\\", "/").replace("%", "\\%").replace("#", "\\#")
            parts.append(f"\\href{{{target}}}{{{_latex_escape(_site(part))}}}")
        else:
            parts.append(_latex_escape(part))
    return "; ".join(parts)


# The plain-text rendering (nbval) switches from a grid to one block per row
# when a grid would be wider than this.
TEXT_WIDTH = 100

class Table:
    """A formatted table: HTML for the site, LaTeX for the PDF, plain text for nbval."""

    def __init__(self, cells: pd.DataFrame, kinds: Sequence[str], html_cells: pd.DataFrame,
                 caption: str | None, source_note: str | None, source_note_html: str | None,
                 show_index: bool, index_label: str | None, name: str | None = None):
        self.cells = cells  # the text of every cell, with human labels
        self.kinds = list(kinds)  # the kind of each column, in order
        self._html_cells = html_cells
        self.caption = caption
        self.source_note = source_note
        self._source_note_html = source_note_html
        self.show_index = show_index
        self.index_label = index_label
        self.name = name  # the label a chapter refers to it by: {numref}`tbl-...`

    def _uuid(self) -> str:
        content = repr((self.caption, self.source_note, self.cells.to_dict("split")))
        return hashlib.sha1(content.encode("utf-8")).hexdigest()[:10]

    def _styler(self, cells: pd.DataFrame, caption: str | None, index_label: str):
        # The row labels become the first column, headed by the index's label: Styler would
        # put that label on a header row of its own.
        kinds = self.kinds
        if self.show_index:
            cells = cells.copy()
            cells.insert(0, index_label, cells.index)
            kinds = ["rowlabel"] + kinds
        cells = cells.reset_index(drop=True)
        from pandas.io.formats.style import Styler  # needs jinja2, which pandas' HTML needs anyway

        styler = Styler(cells, uuid=self._uuid(), cell_ids=False)
        styler.hide(axis="index")
        classes = pd.DataFrame(
            [["num" if _split(k)[0] in _NUMERIC else _split(k)[0] for k in kinds]] * len(cells),
            index=cells.index, columns=cells.columns)
        styler.set_td_classes(classes)
        if caption:
            styler.set_caption(caption)
        return styler

    def _repr_html_(self) -> str:
        cells = self._html_cells
        caption = html.escape(self.caption) if self.caption else None
        styler = self._styler(cells, caption, html.escape(self.index_label or ""))
        stack = self._stacks_on_a_phone()
        styler.set_table_attributes(f'class="{MARKER}{" sinorus-stack" if stack else ""}"')
        table = styler.to_html(doctype_html=False)
        table = re.sub(r'<style type="text/css">\s*</style>\s*', "", table)
        if stack:  # each cell names its column, for the stacked layout of _static/sinorus.css
            headers = ([html.escape(self.index_label or "")] if self.show_index else []) + \
                [html.escape(str(c), quote=True) for c in self.cells.columns]
            table = re.sub(r'<td class="data row\d+ col(\d+)',
                           lambda m: f'<td data-label="{headers[int(m.group(1))]}" class="data row'
                                     + m.group(0).split(" row", 1)[1], table)
        note = f'<p class="sinorus-table-source">Source: {self._source_note_html}</p>' \
            if self._source_note_html else ""
        label = html.escape(self.caption or "table", quote=True)
        name = f' data-name="{self.name}"' if self.name else ""
        return (f'<div class="{MARKER}-wrap" role="region" tabindex="0" aria-label="{label}"{name}>'
                f"{table}</div>{note}")

    def _stacks_on_a_phone(self) -> bool:
        """A table of three or more columns with a long text (a summary, a reason) is read
        row by row on a phone: each row a block, each cell under its column's name. Tables of
        numbers keep their grid and scroll inside their box."""
        long_text = any(_split(k)[0] in {"text", "source", "label"}
                        and self.cells.iloc[:, i].map(len).max() > STACK_TEXT_CHARS
                        for i, k in enumerate(self.kinds) if len(self.cells))
        return long_text and len(self.kinds) + int(self.show_index) >= 3

    def latex(self) -> str:
        """The table as a LaTeX ``longtable`` (needs booktabs, longtable and array, which
        Sphinx's LaTeX loads), set in ``\\small`` and no wider than the text."""
        cells = self.cells.copy()
        for number, kind in enumerate(self.kinds):
            latex_cell = _latex_source if _split(kind)[0] == "source" else _latex_escape
            cells.iloc[:, number] = cells.iloc[:, number].map(latex_cell)
        cells.columns = [_latex_escape(str(c)) for c in cells.columns]
        cells.index = [_latex_escape(str(i)) for i in cells.index]
        caption = _latex_escape(self.caption) if self.caption else None
        styler = self._styler(cells, caption, _latex_escape(self.index_label or ""))
        latex = styler.to_latex(column_format=self._latex_columns(), hrules=True,
                                environment="longtable")
        # Unnumbered, as on the site; the caption is repeated on each page a table runs to.
        latex = latex.replace("\\caption[]{", "\\caption*{", 1).replace("\\caption{", "\\caption*{", 1)
        latex = "\\begingroup\\small\n" + latex + "\\endgroup\n"
        if self.source_note:
            latex += f"\\par\\noindent\\textit{{Source: {_latex_escape(self.source_note)}}}\\par\n"
        return latex

    def _repr_latex_(self) -> str:
        return self.latex()

    def _latex_columns(self) -> str:
        """The longtable's column specification. Widths are counted in characters of the
        plain text: when the columns' natural widths fit LATEX_LINE_CHARS they are kept
        ('l' for words, 'r' for numbers); otherwise every column becomes a paragraph
        column, numbers as wide as their longest cell (or header word), the words' columns
        sharing the rest in proportion to their natural widths."""
        kinds = (["rowlabel"] if self.show_index else []) + [_split(k)[0] for k in self.kinds]
        frame = self.cells.copy()
        if self.show_index:
            frame.insert(0, self.index_label or "", frame.index)
        headers = [str(c) for c in frame.columns]
        longest = [max([len(str(v)) for v in frame.iloc[:, i]] + [0]) for i in range(len(headers))]
        natural = [max(n, len(h)) for n, h in zip(longest, headers)]
        numeric = [k in _NUMERIC for k in kinds]
        # Numbers and names a reader types (code, and row labels without spaces) never wrap.
        unbroken = [num or k == "code" or (k == "rowlabel" and not any(" " in str(v) for v in frame.iloc[:, i]))
                    for i, (k, num) in enumerate(zip(kinds, numeric))]
        gap = 3  # the space between two columns, in characters
        if sum(natural) + gap * len(natural) <= LATEX_LINE_CHARS:
            return "".join("r" if n else "l" for n in numeric)
        word = [max([len(w) for w in h.split()] + [1]) for h in headers]
        fixed = [max(n, w) if keep else 0 for n, w, keep in zip(longest, word, unbroken)]
        free = max(LATEX_LINE_CHARS - sum(fixed) - gap * len(natural), 0)
        shares = [0 if keep else min(n, 60) for n, keep in zip(natural, unbroken)]
        widths = [f if keep else max(w, 8, free * share / max(sum(shares), 1))
                  for f, share, keep, w in zip(fixed, shares, unbroken, word)]
        # Fill the line: the columns' widths plus the gaps between them make the text width.
        scale = (LATEX_LINE_CHARS - gap * len(natural)) / sum(widths)
        spec = []
        for chars, num in zip(widths, numeric):
            align = "\\raggedleft" if num else "\\raggedright"
            spec.append(f">{{{align}\\arraybackslash}}p{{{chars * scale / LATEX_LINE_CHARS:.3f}\\linewidth}}")
        return "".join(spec)

    def __repr__(self) -> str:
        lines = [self.caption] if self.caption else []
        frame = self.cells.copy()
        if self.show_index:
            frame.insert(0, self.index_label or "", frame.index)
        text = frame.to_string(index=False)
        if max(map(len, text.splitlines()), default=0) > TEXT_WIDTH:
            # Too wide to read as a grid (a long text cell pads every row): one block per
            # row instead, each cell on its own wrapped line, nothing cut.
            blocks = []
            for _, row in frame.iterrows():
                blocks.append("\n".join(
                    textwrap.fill(f"{column}: {value}", TEXT_WIDTH, subsequent_indent="    ")
                    for column, value in row.items()))
            text = "\n\n".join(blocks)
        lines.append(text)
        if self.source_note:
            lines.append(f"Source: {self.source_note}")
        return "\n".join(lines)


def dates_as_known(dates: Sequence, precisions: Sequence[str]) -> list[str]:
    """Dates only as precisely as the sources know them, for a table's column: precision
    "year" → '1992', "month" → 'April 1996', anything else (day) → '26 April 1996'; a
    missing date is a dash. The book's event tables carry such precision columns."""
    shown = []
    for date, precision in zip(dates, precisions, strict=True):
        if _is_missing(date):
            shown.append(MISSING)
            continue
        date = pd.Timestamp(date)
        shown.append(f"{date:%Y}" if precision == "year" else f"{date:%B %Y}" if precision == "month"
                     else f"{date.day} {date:%B %Y}")
    return shown


def show(frame: pd.DataFrame | pd.Series, *, labels: Mapping | None = None,
         formats: Mapping[str, str] | None = None,
         values: Mapping[str, Mapping | Callable] | None = None,
         index_label: str | None = None, index_labels: Mapping | Callable | None = None,
         index_format: str | None = None,
         caption: str | None = None, source: str | Sequence[str] | None = None,
         index: bool | None = None, name: str | None = None) -> Table:
    """``frame`` as a table for readers (see the module's docstring for the kinds).

    - ``labels``: column → human label (unnamed columns: 'first_year' → 'First year');
    - ``formats``: column → kind (unnamed columns: inferred from dtype and name);
    - ``values``: column → mapping (or function) from a cell's value to the words shown;
    - ``index_label``: the index's header; ``index_labels`` maps its values to words;
      ``index_format``: its kind ("code" for names a reader types; default text);
    - ``caption``: shown above the table; in the book a captioned table is numbered within its
      chapter ("Table 5.1", on the site and in the PDF: :mod:`sinorus.sphinx_tables`);
    - ``name``: a label (``tbl-…``) by which the prose refers to the table, with
      ``{numref}`` (it needs a caption);
    - ``source``: bibliography key(s) of the whole table;
    - ``index``: show the index? (default: unless it is a plain, unnamed 0, 1, 2, … count;
      an index of years or scores that pandas holds as a range is shown).
    """
    table_name = name  # `name` is reused below for each column's kind
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    labels, formats, values = dict(labels or {}), dict(formats or {}), dict(values or {})
    unknown = (set(labels) | set(formats) | set(values)) - set(frame.columns)
    if unknown:
        raise KeyError(f"not columns of the table: {sorted(map(str, unknown))}")
    if index is None:  # a plain row count 0, 1, 2, … carries nothing; any other index does
        index = not (isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
                     and frame.index.step == 1 and frame.index.name is None)
    kinds = {column: formats.get(column) or infer_kind(column, frame[column]) for column in frame.columns}

    texts, htmls, headers = {}, {}, []
    for column in frame.columns:
        series = frame[column]
        if column in values:
            mapping = values[column]
            series = series.map(mapping if callable(mapping) else
                                lambda v, m=mapping: m.get(v, v) if not _is_missing(v) else v)
        kind = kinds[column]
        column_values = list(series) if _split(kind)[0] == "number" and not _split(kind)[1] else None
        text = [cell_text(v, kind, column_values) for v in series]
        header = labels.get(column) or humanize(column)
        name, args = _split(kind)
        if name == "money" and args:
            header = f"{header} ({args[0]})"
        headers.append(header)
        texts[header] = text
        if name == "source":
            htmls[header] = [MISSING if _is_missing(v) else _source_html(v) for v in series]
        elif name == "code":
            htmls[header] = [f"<code>{html.escape(t)}</code>" if t != MISSING else t for t in text]
        else:
            htmls[header] = [html.escape(t) for t in text]
    if len(set(headers)) != len(headers):
        raise ValueError(f"two columns with the same label: {headers}")

    if callable(index_labels):
        row_labels = [index_labels(i) for i in frame.index]
    else:
        mapping = dict(index_labels or {})
        row_labels = [mapping.get(i, humanize(i).lower() if _ID.match(str(i)) and index_format != "code"
                                  else i)
                      for i in frame.index]
    row_labels = [cell_text(i, index_format or ("year" if isinstance(i, numbers.Integral)
                                                and 1000 <= int(i) <= 2999 else "text"))
                  for i in row_labels]
    row_html = [f"<code>{html.escape(r)}</code>" if index_format == "code" else html.escape(r)
                for r in row_labels]
    cells = pd.DataFrame(texts, index=pd.Index(row_labels), columns=headers)
    html_cells = pd.DataFrame(htmls, index=pd.Index(row_html), columns=headers)
    html_cells.columns = [html.escape(h) for h in headers]
    if index:
        index_label = index_label or (humanize(frame.index.name) if frame.index.name else "")

    if table_name is not None and not (re.fullmatch(r"tbl-[a-z0-9]+(?:-[a-z0-9]+)*", table_name) and caption):
        raise ValueError(f"a table's name is 'tbl-' and lower-case words joined by hyphens, and "
                         f"a named table needs a caption: {table_name!r}")
    keys = [source] if isinstance(source, str) else list(source or [])
    note = "; ".join(_source_text(k) for k in keys) or None
    note_html = "; ".join(_source_html(k) for k in keys) or None
    return Table(cells, [kinds[c] for c in frame.columns], html_cells,
                 caption, note, note_html, index, index_label, table_name)
