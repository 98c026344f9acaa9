"""A Sphinx extension that puts each chapter's scaffolding on its page.

A chapter declares, in the YAML header of its ``.md`` source (which jupytext carries into
the notebook's metadata), what a student can do after it, what it assumes, how long it
takes, and for each exercise how hard it is, how long it takes and whether it needs code::

    learning:
      objectives:
        - compute ...
      prerequisites:
        chapters: [01-balance-of-power-and-threat]
        ideas: [what a Nash equilibrium is]
      minutes: 60
      exercises:
        howto-ex-powers-1960: {level: 1, minutes: 10, code: true}

This extension renders the first three as an overview box under the chapter's title and
the rest as one line at the head of each exercise, so they live beside the chapter they
describe and reach the site and the PDF alike. ``tests/test_scaffolding.py`` checks that
every chapter and every exercise has them, and that each chapter has an exercise that can
be done without code.
"""

from __future__ import annotations

import pathlib

import nbformat
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node

LEVELS = {1: "introductory", 2: "intermediate", 3: "advanced"}


def learning(notebook: pathlib.Path) -> dict:
    """The ``learning`` metadata of a chapter's notebook ({} if it has none)."""
    return nbformat.read(notebook, as_version=4).metadata.get("learning", {})


def exercise_line(spec: dict) -> str:
    """'Intermediate · about 20 min · needs code' for an exercise's spec."""
    code = "needs code" if spec["code"] else "no code: by reasoning or by hand"
    return f"{LEVELS[spec['level']].capitalize()} · about {spec['minutes']} min · {code}"


def _doc_link(docname: str, text: str) -> addnodes.pending_xref:
    xref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget=f"/{docname}",
                                 refexplicit=True, refwarn=True)
    xref += nodes.inline(text=text)
    return xref


def _overview(spec: dict) -> nodes.Node:
    box = nodes.admonition(classes=["chapter-overview"])
    box += nodes.title(text="In this chapter")
    items = nodes.bullet_list()
    doing = nodes.paragraph(text="After it you can:")
    objectives = nodes.bullet_list()
    for objective in spec["objectives"]:
        objectives += nodes.list_item("", nodes.paragraph(text=objective))
    items += nodes.list_item("", doing, objectives)
    assumes = nodes.paragraph(text="It assumes: ")
    needs = spec.get("prerequisites", {})
    parts: list[nodes.Node] = []
    for chapter in needs.get("chapters", []):
        parts.append(_doc_link(f"chapters/{chapter}", f"chapter {int(chapter[:2])}"))
    for idea in needs.get("ideas", []):
        parts.append(nodes.Text(idea))
    if not parts:
        parts.append(nodes.Text("nothing beyond the book's introduction"))
    for index, part in enumerate(parts):
        if index:
            assumes += nodes.Text("; ")
        assumes += part
    assumes += nodes.Text(".")
    items += nodes.list_item("", assumes)
    minutes = spec["minutes"]
    items += nodes.list_item("", nodes.paragraph(
        text=f"Time: about {minutes} minutes to read and run, exercises included."))
    box += items
    return box


def _add_scaffolding(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    notebook = pathlib.Path(app.srcdir) / f"{docname}.ipynb"
    if not docname.startswith("chapters/") or not notebook.exists():
        return
    spec = learning(notebook)
    if not spec:
        return
    app.env.note_dependency(str(notebook))
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None:
        title = next(iter(section.findall(nodes.title)))
        section.insert(section.index(title) + 1, _overview(spec))
    exercises = spec.get("exercises", {})
    for node in doctree.findall(lambda n: isinstance(n, (exercise_node,
                                                         exercise_enumerable_node))):
        label = node.get("label")
        if label in exercises:
            line = nodes.paragraph(text=exercise_line(exercises[label]),
                                   classes=["exercise-meta"])
            node.insert(1 if node.children and isinstance(node[0], nodes.title) else 0, line)


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", _add_scaffolding)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
