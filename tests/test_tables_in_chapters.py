"""Chapters show tables for readers (sinorus.tables), not raw DataFrame reprs.

In every chapter, an output whose HTML is pandas' own (``<table class="dataframe">``,
without the ``sinorus-table`` marker) fails the test, naming its cell: show it with
``sinorus.tables.show``. tests/test_browser.py checks the table cells in the browser too
(no internal ids, NaN, True or False).
"""

import pytest

from book_facts import notebook, toc_chapters
from sinorus.tables import MARKER



def raw_frames(md):
    """(cell number, first line of its source) of each output that is a raw DataFrame repr."""
    found = []
    for number, cell in enumerate(notebook(md).cells):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            if 'class="dataframe' in html and MARKER not in html:
                found.append((number, cell.source.strip().splitlines()[-1][:70]))
    return found


@pytest.mark.parametrize("md", toc_chapters(), ids=lambda p: p.stem)
def test_tables_go_through_the_presentation_layer(md):
    found = raw_frames(md)
    assert not found, f"{md.stem}: raw DataFrame outputs (show them with sinorus.tables.show): {found}"


def test_the_check_can_fail(tmp_path):
    import nbformat
    import pandas as pd

    nb = nbformat.v4.new_notebook()
    frame = pd.DataFrame({"a_b": [True]})
    nb.cells.append(nbformat.v4.new_code_cell("frame", outputs=[nbformat.v4.new_output(
        "execute_result", data={"text/html": frame._repr_html_(), "text/plain": repr(frame)},
        execution_count=1)]))
    nbformat.write(nb, tmp_path / "x.ipynb")
    assert raw_frames(tmp_path / "x.md") == [(0, "frame")]
