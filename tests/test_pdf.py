"""The two PDFs of `make pdf`: A4, titled, chapters numbered as on the site, and the
student's without a single solution. Run by `make pdf` after it builds them (which sets
SINORUS_REQUIRE_PDF=1, so there they must exist); skipped in a plain `make test`, where
PDFs left from an earlier build could be stale."""

import os
import re
import subprocess

import pytest

from book_facts import ROOT, toc_chapters

PDF = ROOT / "_build" / "pdf"
TEACHER, STUDENT = PDF / "sino-russian-alignment-teacher.pdf", PDF / "sino-russian-alignment-student.pdf"

if os.environ.get("SINORUS_REQUIRE_PDF") != "1":
    # PDFs left from an earlier build may not match the notebooks now: `make pdf` builds
    # them afresh and runs this file.
    pytest.skip("the PDFs are checked by `make pdf`, which builds them first", allow_module_level=True)
if not (TEACHER.exists() and STUDENT.exists()):
    raise RuntimeError("the PDFs were not built: see the output of `make pdf` above")


def _text(pdf):
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _info(pdf):
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


@pytest.mark.parametrize("pdf", [TEACHER, STUDENT], ids=["teacher", "student"])
def test_pdf_is_a4_and_titled(pdf):
    info = _info(pdf)
    assert "595.28 x 841.89" in info["Page size"], info["Page size"]
    assert info["Title"].strip().startswith("Sino-Russian Alignment, Recomputed")
    assert int(info["Pages"]) > 100


def test_student_pdf_has_no_solution_and_teacher_pdf_has_them_at_chapter_ends():
    teacher, student = _text(TEACHER), _text(STUDENT)
    assert "Solution to Exercise" in teacher
    assert not re.search(r"Solution to", student)
    chapter_ends = re.findall(r"^\s*\d+\.\d+\s+Solutions\s*$", teacher, flags=re.MULTILINE)
    assert len(chapter_ends) == len(toc_chapters()), "one Solutions section per chapter"
    assert "click to open" not in teacher and "click to open" not in student


def test_chapter_numbers_match_the_site():
    """Chapter NN of the site (chapters/NN-topic) is chapter NN of the PDF."""
    tex = (ROOT / "_build" / "pdf-teacher" / "_build" / "latex" / "sino-russian-alignment.tex"
           ).read_text(encoding="utf-8")
    assert r"\setcounter{chapter}{-1}" in tex.split(r"\begin{document}")[0]
    titles = re.findall(r"\\chapter\{(.+?)\}\n", tex)
    assert len(titles) >= len(toc_chapters())
    assert titles[0].startswith("How to use")  # chapter 0


def test_every_book_table_is_typeset_as_a_table():
    """Each output of sinorus.tables.show in the chapters is a longtable in the teacher's
    PDF (sinorus/sphinx_tables.py), not maths or monospace text."""
    from book_facts import notebook
    from sinorus.tables import MARKER

    shown = 0
    for md in toc_chapters():
        for cell in notebook(md).cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if MARKER in "".join(data.get("text/html", "")) and "text/latex" in data:
                    shown += 1
    tex = (ROOT / "_build" / "pdf-teacher" / "_build" / "latex" / "sino-russian-alignment.tex"
           ).read_text(encoding="utf-8")
    assert shown > 0
    assert tex.count("\\begingroup\\small\n\\begin{longtable}") == shown
    # captioned ones numbered (the site numbers them too) and named ones labelled for \ref
    assert "\\caption*{" not in tex
    label = r"\label{\detokenize{chapters/04-central-asia-sco-csto:tbl-hist04-departures}}"
    assert label in tex and r"\hyperref[\detokenize{chapters/04-central-asia-sco-csto:tbl-hist04-departures}]" in tex
