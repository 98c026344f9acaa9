"""Every chapter's notebook is the executed form of its current source.

nbval (run over chapters/ by the same `make test`) proves the stored outputs are what the
notebook's code produces now; these tests prove the notebook's code is the .md's code,
and that it was all executed. Together: the site shows what the sources compute.
"""

import shutil
import subprocess
import sys

import nbformat
import pytest

from book_facts import CHAPTERS, ROOT, toc_chapters
from sinorus import notebooks

CHAPTER_SOURCES = toc_chapters()


def test_toc_lists_every_chapter_source():
    on_disk = set(notebooks.chapter_sources())
    assert set(CHAPTER_SOURCES) == on_disk, "a chapters/NN-*.md is missing from _toc.yml, or vice versa"


@pytest.mark.parametrize("md", CHAPTER_SOURCES, ids=lambda p: p.stem)
def test_chapter_has_source_and_notebook(md):
    assert md.exists(), f"{md.name} is in _toc.yml but does not exist"
    assert md.with_suffix(".ipynb").exists(), f"{md.stem}.ipynb missing: run `make notebooks`"


@pytest.mark.parametrize("md", CHAPTER_SOURCES, ids=lambda p: p.stem)
def test_notebook_matches_source_and_was_executed(md):
    assert notebooks.pair_problems(md) == []


@pytest.fixture
def chapter_copy(tmp_path):
    """A copy of the first chapter's pair, to tamper with."""
    md = CHAPTER_SOURCES[0]
    copy = tmp_path / "chapters" / md.name
    copy.parent.mkdir()
    shutil.copy(md, copy)
    shutil.copy(md.with_suffix(".ipynb"), copy.with_suffix(".ipynb"))
    return copy


def test_untouched_copy_passes(chapter_copy):
    assert notebooks.pair_problems(chapter_copy) == []


def test_source_edited_without_regenerating_is_caught(chapter_copy):
    text = chapter_copy.read_text(encoding="utf-8")
    edited = text.replace("```{code-cell} ipython3\nimport", "```{code-cell} ipython3\nx = 1\nimport", 1)
    assert edited != text
    chapter_copy.write_text(edited, encoding="utf-8")
    problems = notebooks.pair_problems(chapter_copy)
    assert any("source differs" in p for p in problems), problems


def test_prose_edited_without_regenerating_is_caught(chapter_copy):
    text = chapter_copy.read_text(encoding="utf-8")
    chapter_copy.write_text(text.replace("\n## ", "\nA new sentence.\n\n## ", 1), encoding="utf-8")
    assert notebooks.pair_problems(chapter_copy) != []


def test_unexecuted_notebook_is_caught(chapter_copy):
    ipynb = chapter_copy.with_suffix(".ipynb")
    nb = nbformat.read(ipynb, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.execution_count, cell.outputs = None, []
    nbformat.write(nb, ipynb)
    problems = notebooks.pair_problems(chapter_copy)
    assert any("not all executed" in p for p in problems), problems


def test_missing_notebook_is_caught(chapter_copy):
    chapter_copy.with_suffix(".ipynb").unlink()
    assert "missing" in notebooks.pair_problems(chapter_copy)[0]


def test_regenerated_ids_are_stable():
    md = CHAPTER_SOURCES[0]
    first = [c.id for c in notebooks.notebook_from_markdown(md).cells]
    assert first == [c.id for c in notebooks.notebook_from_markdown(md).cells]
    assert first == [c.id for c in nbformat.read(md.with_suffix(".ipynb"), as_version=4).cells]


def _tiny_notebook(path, stored_output: str):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print(1 + 1)", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored_output)]
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def _nbval(path):
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "--nbval", "-p", "no:cacheprovider",
                           "-o", "addopts=", "-o", "filterwarnings=", str(path)],
                          capture_output=True, text=True, cwd=path.parent)


def test_nbval_is_strict_about_stored_outputs(tmp_path):
    """A stored output that the code no longer produces fails nbval (it is not --nbval-lax)."""
    _tiny_notebook(tmp_path / "right.ipynb", "2\n")
    _tiny_notebook(tmp_path / "stale.ipynb", "3\n")
    assert _nbval(tmp_path / "right.ipynb").returncode == 0
    stale = _nbval(tmp_path / "stale.ipynb")
    assert stale.returncode != 0, stale.stdout


def test_chapter_folder_holds_only_chapter_pairs():
    stray = [p.name for p in CHAPTERS.iterdir()
             if p.is_file() and p.suffix in {".md", ".ipynb"}
             and p.with_suffix(".md") not in CHAPTER_SOURCES]
    assert stray == []
