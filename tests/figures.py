"""Figures compared too: nbval checks a cell's text outputs, and this its PNGs.

nbval skips ``image/png``, so a swapped or changed figure used to pass. Registered by the
root ``conftest.py``, this runs after each nbval cell that passed and compares every PNG the
cell drew (nbval's own fresh execution, so no extra kernel time) with the one stored in the
notebook: byte-identical passes at once; otherwise ``matplotlib.testing.compare`` measures
the root-mean-square difference of the pixels (0-255 per channel) and the cell fails above
:data:`TOLERANCE`, leaving the stored, fresh and difference images in a temporary folder.
"""

from __future__ import annotations

import base64
import pathlib
import tempfile

import pytest

# Agg draws the book's figures bit for bit the same on every run and CPU tried (RMS 0 under
# default settings and with numpy's SIMD paths off and OpenBLAS on an old kernel), so the
# tolerance is only a margin for anti-aliasing on other platforms (matplotlib's own suite
# allows similar fractions of a grey level). The smallest real changes tried still exceed
# it: one point of a line moved by a third of a pixel measures RMS 0.78, one bar of five 1%
# shorter 5.2 (tests/test_figures.py).
TOLERANCE = 0.3


def pngs(outputs) -> list[bytes]:
    return [base64.b64decode(o["data"]["image/png"]) for o in outputs
            if "image/png" in o.get("data", {})]


def rms_difference(stored: bytes, fresh: bytes, keep_in: pathlib.Path | None = None) -> float:
    """The RMS pixel difference of two PNGs (inf if their sizes differ); 0.0 if identical."""
    from matplotlib.testing.compare import compare_images
    from matplotlib.testing.exceptions import ImageComparisonFailure

    if stored == fresh:
        return 0.0
    folder = keep_in or pathlib.Path(tempfile.mkdtemp(prefix="figure-"))
    (folder / "stored.png").write_bytes(stored)
    (folder / "fresh.png").write_bytes(fresh)
    try:
        result = compare_images(folder / "stored.png", folder / "fresh.png", tol=0, in_decorator=True)
    except ImageComparisonFailure:  # the sizes differ
        return float("inf")
    return 0.0 if result is None else float(result["rms"])


def figure_problems(stored_outputs, fresh_outputs, where: str) -> list[str]:
    """What differs between the figures a cell stored and those it draws now."""
    stored, fresh = pngs(stored_outputs), pngs(fresh_outputs)
    if len(stored) != len(fresh):
        return [f"{where}: draws {len(fresh)} figures, the notebook stores {len(stored)}"]
    problems = []
    for number, (old, new) in enumerate(zip(stored, fresh), start=1):
        if old == new:
            continue
        folder = pathlib.Path(tempfile.mkdtemp(prefix="figure-"))
        rms = rms_difference(old, new, keep_in=folder)
        if rms > TOLERANCE:
            how = "has another size" if rms == float("inf") else f"RMS {rms:.2f} > {TOLERANCE}"
            problems.append(f"{where}, figure {number}: differs from the stored one ({how}; "
                            f"stored.png, fresh.png and their difference are in {folder}); "
                            "regenerate the notebook with `make notebooks` if the change is meant")
    return problems


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    stored, fresh = getattr(item, "cell", None), getattr(item, "test_outputs", None)
    # Only nbval cells that were run and compared (not NBVAL_IGNORE_OUTPUT or unrun ones).
    if stored is None or fresh is None or not getattr(item, "options", {}).get("check", True) \
            or stored.get("execution_count") is None:
        return result
    problems = figure_problems(stored.get("outputs", []), fresh, f"{item.path.name}::{item.name}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    return result
