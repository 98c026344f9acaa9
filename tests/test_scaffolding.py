"""Every chapter says what a student can do after it, what it assumes and how long it
takes; every exercise says how hard it is, how long it takes and whether it needs code;
every chapter has at least one exercise that can be done without code. The declarations
live in each chapter's YAML header (see sinorus/sphinx_scaffolding.py)."""

import re

import pytest

from book_facts import notebook, toc_chapters
from sinorus.sphinx_scaffolding import LEVELS, exercise_line

EXERCISE = re.compile(r"^```\{exercise\}[^\n]*\n:label: ([\w-]+)", re.MULTILINE)


@pytest.mark.parametrize("md", toc_chapters(), ids=lambda p: p.stem)
def test_chapter_states_objectives_prerequisites_and_time(md):
    spec = notebook(md).metadata.get("learning")
    assert spec, f"{md.stem}: no `learning:` block in its YAML header"
    assert len(spec["objectives"]) >= 2 and all(o.strip() for o in spec["objectives"])
    needs = spec["prerequisites"]
    assert set(needs) <= {"chapters", "ideas"} and (needs.get("chapters") or needs.get("ideas"))
    for chapter in needs.get("chapters", []):
        assert (md.parent / f"{chapter}.md").exists(), f"{md.stem}: no chapter {chapter}"
        assert chapter < md.stem, f"{md.stem}: assumes a later chapter, {chapter}"
    assert isinstance(spec["minutes"], int) and 10 <= spec["minutes"] <= 240


@pytest.mark.parametrize("md", toc_chapters(), ids=lambda p: p.stem)
def test_every_exercise_has_level_time_and_code_and_one_needs_none(md):
    labels = EXERCISE.findall(md.read_text(encoding="utf-8"))
    specs = notebook(md).metadata.get("learning", {}).get("exercises", {})
    assert labels, f"{md.stem}: no exercises"
    assert sorted(specs) == sorted(labels), f"{md.stem}: exercises {labels} but specs {sorted(specs)}"
    for label, spec in specs.items():
        assert spec["level"] in LEVELS and isinstance(spec["minutes"], int), label
        assert isinstance(spec["code"], bool), label
        assert exercise_line(spec)
    assert any(not spec["code"] for spec in specs.values()), \
        f"{md.stem}: every exercise needs code; add one that can be done by reasoning or by hand"


def test_exercises_link_the_package_functions_they_call():
    """An exercise whose statement or solution calls the package names those functions,
    through the chapter's own import aliases (pt → process_tracing), plumbing left out."""
    import nbformat

    from sinorus.sphinx_scaffolding import package_calls

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from sinorus import fmt, memberships\nfrom sinorus import process_tracing as pt"),
        nbformat.v4.new_markdown_cell("```{exercise}\n:label: x-ex-a\n\nUse `memberships.overlaps` here.\n```"),
        nbformat.v4.new_markdown_cell("```{solution-start} x-ex-a\n:class: dropdown\n```"),
        nbformat.v4.new_code_cell("p = pt.posterior(prior, r)\nfmt.glue('x', 1)\nnp.log(2)"),
        nbformat.v4.new_markdown_cell("```{solution-end}\n```"),
        nbformat.v4.new_code_cell("pt.leaders(x)"),  # outside any solution
    ]
    assert package_calls(nb) == {"x-ex-a": ["sinorus.memberships.overlaps", "sinorus.process_tracing.posterior"]}
