"""The presentation layer for tables (sinorus.tables) and author-year labels (sinorus.citations)."""

import re

import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from sinorus import citations, tables


@pytest.fixture
def frame():
    return pd.DataFrame({
        "iso3": ["CHN", "RUS", "USA"],
        "cinc_share": [0.634, np.nan, 0.2],
        "personnel": [2945000.0, 1027000.0, 1580000.0],
        "spending": [12.34, 5.0, 600.0],
        "ally": [True, False, True],
        "relation": ["less_than", "equal_to", "greater_than"],
        "source": ["machaffie2011", "cow_nmc_v6;https://example.org/table", "cow_nmc_v6"],
        "year": [2009, 2009, 2009],
    }).set_index("iso3")


@pytest.fixture
def table(frame):
    return tables.show(frame, labels={"cinc_share": "Share of capability"},
                       formats={"cinc_share": "percent", "personnel": "count",
                                "spending": "money:US$ bn", "relation": "label"},
                       index_label="Country", index_labels={"CHN": "China", "RUS": "Russia"},
                       caption="Capabilities in 2009", source="machaffie2011")


def test_cells_are_formatted_by_kind(table):
    cells = table.cells
    assert list(cells.index) == ["China", "Russia", "USA"]
    assert list(cells.columns) == ["Share of capability", "Personnel", "Spending (US$ bn)", "Ally",
                                   "Relation", "Source", "Year"]
    assert list(cells["Share of capability"]) == ["63%", tables.MISSING, "20%"]
    assert list(cells["Personnel"]) == ["2,945,000", "1,027,000", "1,580,000"]
    assert list(cells["Spending (US$ bn)"]) == ["12.3", "5.0", "600.0"]
    assert list(cells["Ally"]) == ["yes", "no", "yes"]
    assert list(cells["Relation"]) == ["less than", "equal to", "greater than"]
    assert list(cells["Year"]) == ["2009"] * 3
    assert cells.loc["Russia", "Source"] == "Correlates of War Project, 2021; https://example.org/table"


@pytest.mark.parametrize("value, kind, text", [
    (0.4653, "percent:1", "46.5%"), (-0.05, "percent", "\u22125%"), (1605.0, "count", "1,605"),
    (1234.5678, "number:2", "1,234.57"), (1994.0, "year", "1994"), (True, "check", "\u2713"),
    (False, "check", ""), (None, "count", tables.MISSING), (pd.NA, "text", tables.MISSING),
    (pd.Timestamp("2010-07-01"), "date", "2010-07-01"), ("entangling_diplomacy", "label",
                                                         "entangling diplomacy"),
])
def test_cell_text(value, kind, text):
    assert tables.cell_text(value, kind) == text


def test_no_spurious_decimals_and_no_lost_ones():
    assert tables.cell_text(430.0, "number", [430.0, 1605.0]) == "430"
    assert tables.cell_text(0.5, "number", [0.5, 0.25]) == "0.50"
    assert tables.cell_text(0.123456, "number", [0.123456]) == "0.123"


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="not whole"):
        tables.cell_text(2.5, "count")
    with pytest.raises(ValueError, match="unknown kind"):
        tables.cell_text(1, "money-ish")
    with pytest.raises(KeyError, match="not columns"):
        tables.show(pd.DataFrame({"a": [1]}), labels={"b": "B"})
    with pytest.raises(KeyError, match="not a key"):
        tables.show(pd.DataFrame({"source": ["no_such_key2099"]}))
    with pytest.raises(ValueError, match="same label"):
        tables.show(pd.DataFrame({"a": [1], "b": [2]}), labels={"a": "X", "b": "X"})


def test_kinds_are_inferred_from_dtype_and_name():
    frame = pd.DataFrame({"n": [1, 2000], "x": [0.5, 1.25], "flag": [True, False],
                          "first_year": [1816, 1991], "source": ["cow_nmc_v6", "cow_nmc_v6"]})
    table = tables.show(frame)
    assert table.kinds == ["count", "number", "bool", "year", "source"]
    assert list(table.cells["N"]) == ["1", "2,000"]
    assert list(table.cells["First year"]) == ["1816", "1991"]
    assert not table.show_index  # a 0, 1, 2, … index is not shown


def test_html_is_marked_linked_escaped_and_deterministic(frame, table):
    html = table._repr_html_()
    assert html == tables.show(frame, labels={"cinc_share": "Share of capability"},
                               formats={"cinc_share": "percent", "personnel": "count",
                                        "spending": "money:US$ bn", "relation": "label"},
                               index_label="Country", index_labels={"CHN": "China", "RUS": "Russia"},
                               caption="Capabilities in 2009", source="machaffie2011")._repr_html_()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("table")["class"] == [tables.MARKER]
    assert "dataframe" not in html
    assert soup.find("caption").get_text() == "Capabilities in 2009"
    links = [a["href"] for a in soup.find_all("a")]
    assert "../bibliography.html#cite-machaffie2011" in links
    assert "../bibliography.html#cite-cow-nmc-v6" in links
    assert "https://example.org/table" in links
    assert soup.find("a", href="https://example.org/table").get_text() == "example.org"
    assert soup.find("th").get_text() == "Country"
    assert re.search(r'id="T_[0-9a-f]{10}"', html)
    wrap = soup.find("div", class_=f"{tables.MARKER}-wrap")
    assert wrap["tabindex"] == "0" and wrap["role"] == "region"  # scrolls on its own, by keyboard too
    other = tables.show(frame.iloc[:2])._repr_html_()
    assert re.search(r'id="(T_\w+)"', other).group(1) != re.search(r'id="(T_\w+)"', html).group(1)
    escaped = tables.show(pd.DataFrame({"text": ["<b>a & b</b>"]}))._repr_html_()
    assert "&lt;b&gt;a &amp; b&lt;/b&gt;" in escaped


def test_long_tables_and_long_text_are_shown_whole():
    long = pd.DataFrame({"year": range(1900, 2100), "note": ["word " * 60] * 200})
    table = tables.show(long)
    text = repr(table)
    assert "…" not in text and "..." not in text
    assert "2099" in text and "1950" in text
    assert ("word " * 60).strip() in table._repr_html_()


def test_latex_and_text_renderings(table):
    latex = table.latex()
    assert latex.startswith("\\begingroup\\small\n\\begin{longtable}")
    assert table._repr_latex_() == latex
    # unnumbered, as on the site
    assert "63\\%" in latex and "Spending (US\\$ bn)" in latex and "\\caption*{Capabilities in 2009}" in latex
    assert "\\caption{" not in latex and "\\caption[" not in latex
    assert "Source: MacHaffie, 2011" in latex
    text = repr(table)
    assert text.splitlines()[0] == "Capabilities in 2009"
    assert "China" in text and "2,945,000" in text and text.endswith("Source: MacHaffie, 2011")
    assert "less_than" not in text and "True" not in text and "nan" not in text.lower()


def test_humanize():
    assert tables.humanize("first_year") == "First year"
    assert tables.humanize("rows") == "Rows"
    assert tables.humanize("What a row is") == "What a row is"
    assert tables.humanize("CINC") == "CINC"


def test_author_year_labels_and_anchors():
    labels = citations.labels()
    assert labels["machaffie2011"] == "MacHaffie, 2011"
    assert labels["bergfeldt2008"] == "Bergfeldt, 2008"
    assert labels["azizian2007"] == "Azizian and Davis, 2007"
    assert len(set(labels.values())) == len(labels), "labels must be unique"
    assert {labels["rumer2006a"], labels["rumer2006b"]} == {"Rumer, 2006a", "Rumer, 2006b"}
    assert citations.anchor("cow_nmc_v6") == "cite-cow-nmc-v6"


def test_latex_compiles(tmp_path, table):
    """The PDF's table: escaped so that LaTeX accepts it (with the packages Sphinx's LaTeX
    loads: booktabs, longtable, array, amssymb, hyperref). Skips where no xelatex is installed."""
    import shutil
    import subprocess

    xelatex = shutil.which("xelatex")
    if not xelatex:
        pytest.skip("xelatex not installed (apt-get install texlive-xetex)")
    tricky = tables.show(pd.DataFrame({"note": ["50% of $5 & a_b #1 {x} ~^\\"], "ok": [True]}),
                         formats={"ok": "check"}, caption="Tricky_caption & more")
    wide = tables.show(pd.DataFrame({"what": ["a long sentence of words " * 8] * 3,
                                     "why": ["another long sentence " * 6] * 3,
                                     "share": [0.5, 0.25, 0.125]}), formats={"share": "percent:1"})
    assert "p{" in wide.latex()
    linked = tables.show(pd.DataFrame({"dataset": ["nmc_capabilities_long_name"], "what": ["words " * 30],
                                       "source": ["machaffie2011;https://example.org/a%20b#c_d"]}),
                         formats={"dataset": "code"})
    assert "\\href{https://example.org/a\\%20b\\#c_d}{example.org}" in linked.latex()
    assert "p{0.2" in linked.latex().split("\n")[1], "a code column keeps its whole width"
    body = table.latex() + tricky.latex() + wide.latex() + linked.latex()
    (tmp_path / "t.tex").write_text(
        "\\documentclass{article}\\usepackage{fontspec}\\usepackage{amssymb}\\usepackage{booktabs}"
        "\\usepackage{longtable}\\usepackage{array}\\usepackage{hyperref}\\begin{document}\n" + body + "\\end{document}\n", encoding="utf-8")
    result = subprocess.run([xelatex, "-interaction=nonstopmode", "-halt-on-error", "t.tex"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]


def test_an_index_is_hidden_only_when_it_is_a_plain_row_count():
    """pandas holds consecutive integers (years, scores) as a RangeIndex: they are shown."""
    years = pd.DataFrame({"n": [1, 2]}, index=pd.RangeIndex(2000, 2002))
    assert tables.show(years).show_index and "2000" in repr(tables.show(years))
    named = pd.DataFrame({"n": [1, 2]}).rename_axis("rank")
    assert tables.show(named).show_index
    assert not tables.show(pd.DataFrame({"n": [1, 2]})).show_index


def test_dates_are_shown_as_precisely_as_they_are_known():
    dates = pd.to_datetime(pd.Series(["1992-01-01", "1996-04-01", "1996-04-26", None]))
    assert tables.dates_as_known(dates, ["year", "month", "day", "day"]) == \
        ["1992", "April 1996", "26 April 1996", tables.MISSING]
    with pytest.raises(ValueError):
        tables.dates_as_known(dates, ["year"])


def test_a_named_table_carries_its_label_and_needs_a_caption():
    frame = pd.DataFrame({"source": ["machaffie2011"], "n": [1]})
    named = tables.show(frame, caption="One", name="tbl-one-row")
    assert 'data-name="tbl-one-row"' in named._repr_html_()
    assert "data-name" not in tables.show(frame, caption="One")._repr_html_()
    for bad in ("one-row", "tbl_one", "tbl-One"):
        with pytest.raises(ValueError, match="a table's name"):
            tables.show(frame, caption="One", name=bad)
    with pytest.raises(ValueError, match="needs a caption"):
        tables.show(frame, name="tbl-one-row")


def test_tables_with_long_text_stack_on_a_phone_and_cells_name_their_column():
    long = tables.show(pd.DataFrame({"what": ["word " * 20], "n": [1]}, index=["E01"]),
                       index_label="Piece", caption="Long")
    html = long._repr_html_()
    assert "sinorus-stack" in html
    assert '<td data-label="Piece" class="data row0 col0 rowlabel"' in html
    assert '<td data-label="What" class="data row0 col1 text"' in html
    numbers = tables.show(pd.DataFrame({"a": [1.5], "b": [2], "c": ["short"]}))._repr_html_()
    assert "sinorus-stack" not in numbers and "data-label" not in numbers
