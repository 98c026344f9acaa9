"""The figure check (tests/figures.py) can fail: a swapped figure, a small change."""

import io
import os
import re
import shutil
import subprocess
import sys

import matplotlib
import nbformat
import pytest

from book_facts import ROOT
import figures

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def _png(draw) -> bytes:
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    draw(ax)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _bars(last):
    return lambda ax: ax.bar(range(5), [3, 5, 2, 4, last], color="#0072B2")


def _line(change):
    def draw(ax):
        ys = [1, 3, 2, 5, 4, 6, 5, 7, 6, 8]
        ys[4] += change
        ax.plot(range(10), ys, color="#D55E00")
        ax.set_ylim(0, 9)
    return draw


def test_identical_drawings_measure_zero():
    assert figures.rms_difference(_png(_bars(4)), _png(_bars(4))) == 0.0


@pytest.mark.parametrize("stored, fresh", [
    (_bars(4), _bars(3.96)),   # one bar of five, 1% shorter: RMS 5.2
    (_line(0), _line(0.01)),   # one point of a line moved by a third of a pixel: RMS 0.78
])
def test_small_real_changes_exceed_the_tolerance(stored, fresh):
    assert figures.rms_difference(_png(stored), _png(fresh)) > figures.TOLERANCE


def test_a_figure_of_another_size_fails():
    small = io.BytesIO()
    plt.figure(figsize=(3, 2)).savefig(small, format="png")
    plt.close("all")
    assert figures.rms_difference(_png(_bars(4)), small.getvalue()) == float("inf")


def test_swapped_figures_fail_nbval():
    """Chapter 07's two stored figures swapped in a copy: nbval fails both cells, on the figures."""
    chapter = ROOT / "chapters" / "07-alliance-games.ipynb"
    nb = nbformat.read(chapter, as_version=4)
    cells = [c for c in nb.cells if any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    assert len(cells) == 2
    first, second = (next(o for o in c.outputs if "image/png" in o.get("data", {})) for c in cells)
    first.data["image/png"], second.data["image/png"] = second.data["image/png"], first.data["image/png"]
    # Inside the repository, so that the set-up cell finds the book without the network.
    folder = ROOT / "_build" / "figure-check"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        nbformat.write(nb, folder / chapter.name)
        run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                              str(folder / chapter.name)], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}, timeout=300)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert run.returncode == 1, run.stdout[-3000:]
    # Each failing cell names its figure (pytest may repeat the message in its summary).
    failed = re.findall(r"^FAILED (\S+::Cell \d+)", run.stdout, flags=re.MULTILINE)
    assert len(set(failed)) == 2, run.stdout[-3000:]
    assert "differs from the stored one" in run.stdout, run.stdout[-3000:]
    assert "2 failed" in run.stdout, run.stdout[-3000:]
