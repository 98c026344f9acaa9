"""A chapter opened on its own, as in Colab: copied alone into an empty folder.

Its set-up cell fetches the book (here a local clone of this repository, named by
SINORUS_REPOSITORY, so the test is offline), installs the pins (already satisfied in
this environment, so pip has nothing to fetch) and the chapter runs. Run again in the same
folder and a fresh kernel, as after a Colab restart, with the set-up cell twice, it finds
the copy it fetched and runs again. Where the book cannot be fetched, the cell stops with
one line that says what to do, not a traceback.
"""

import pathlib
import shutil
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from book_facts import ROOT
from sinorus.notebooks import notebook_from_markdown

# Chapter 00 reads the book's own files through the set-up cell's `root` and imports
# jupytext, the one package no other chapter needs. Its notebook is made from its source
# (tests/test_pairing.py checks that the stored one has the same cells).
CHAPTER = ROOT / "chapters" / "00-how-to-use.md"
CLONE_NAME = "sino-russian-alignment"

pytestmark = pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None,
                                reason="needs git and a git clone of the book to fetch from")


def _run(notebook, folder):
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def _alone(folder: pathlib.Path) -> pathlib.Path:
    folder.mkdir()
    path = folder / CHAPTER.with_suffix(".ipynb").name
    nbformat.write(notebook_from_markdown(CHAPTER), path)
    return path


@pytest.fixture
def offline_pip(monkeypatch):
    # Every pin is installed in this environment: pip must find them there, not online.
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_DISABLE_PIP_VERSION_CHECK", "1")
    monkeypatch.delenv("SINORUS_BOOK", raising=False)


def test_a_chapter_alone_runs_twice_against_a_local_clone(tmp_path, monkeypatch, offline_pip):
    monkeypatch.setenv("SINORUS_REPOSITORY", ROOT.as_uri())
    path = _alone(tmp_path / "alone")

    _run(nbformat.read(path, as_version=4), path.parent)
    clone = path.parent / CLONE_NAME
    assert (clone / "sinorus" / "__init__.py").exists() and (clone / "data" / "datapackage.json").exists()
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout
    (clone / "fetched-once").touch()

    again = nbformat.read(path, as_version=4)
    setup = next(c for c in again.cells if c.cell_type == "code")
    again.cells.insert(again.cells.index(setup), nbformat.from_dict(dict(setup)))
    _run(again, path.parent)
    assert (clone / "fetched-once").exists(), "the second run fetched the book again"
    assert subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout == head
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, CLONE_NAME])


def test_a_chapter_alone_says_what_to_do_when_the_book_cannot_be_fetched(tmp_path, monkeypatch,
                                                                         offline_pip):
    monkeypatch.setenv("SINORUS_REPOSITORY", (tmp_path / "no-such-repository").as_uri())
    path = _alone(tmp_path / "alone")
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [next(c for c in notebook.cells if c.cell_type == "code")]
    with pytest.raises(CellExecutionError):
        _run(notebook, path.parent)
    outputs = notebook.cells[0].outputs
    error = next(o for o in outputs if o.output_type == "error")
    assert error.ename == "BookNotFetched" and error.traceback == [error.evalue]
    assert error.evalue.startswith("Could not fetch the book from file://") and "\n" not in error.evalue
    assert "clone it yourself" in error.evalue
    shown = "".join(o.get("text", "") for o in outputs) + "".join(error.traceback)
    assert "CalledProcessError" not in shown and "Traceback" not in shown
    assert not (path.parent / CLONE_NAME).exists()
