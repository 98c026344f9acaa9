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
describe and reach the site and the PDF alike. Below that line, an exercise whose statement
or solution calls the book's package (``memberships.overlaps``, ``pt.ladder_ratio``) links
each function to its entry on the reference page (:func:`package_calls`); the presentation
plumbing (``fmt``, ``claims``, ``tables``, ``style``) is left out. ``tests/test_scaffolding.py`` checks that
every chapter and every exercise has them, and that each chapter has an exercise that can
be done without code.
"""

from __future__ import annotations

import pathlib
import re

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


# Modules of the package an exercise may call; the presentation plumbing is left out.
PLUMBING = {"fmt", "claims", "tables", "style", "notebooks", "citations"}
_IMPORT = re.compile(r"^from sinorus import (.+?)(?:\s*#.*)?$", re.MULTILINE)
_CALL = re.compile(r"\b([A-Za-z_]\w*)\.([a-z_]\w*)\(")
_LITERAL = re.compile(r"`([A-Za-z_]\w*)\.([a-z_]\w*)(?:\([^`]*\))?`")
_EXERCISE = re.compile(r"```\{exercise\}[^\n]*\n(?::[^\n]*\n)*?:label: (\S+)")
_SOLUTION = re.compile(r"```\{solution-start\} (\S+)")


def package_calls(notebook: nbformat.NotebookNode) -> dict[str, list[str]]:
    """For each exercise label, the package's functions its statement names or its solution
    calls, as full names ('sinorus.memberships.overlaps'), in order of first use."""
    aliases = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            for names in _IMPORT.findall(cell.source):
                for item in names.split(","):
                    module, _, alias = item.strip().partition(" as ")
                    aliases[(alias or module).strip()] = module.strip()
    found: dict[str, list[str]] = {}
    current = None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for label in _EXERCISE.findall(cell.source):
                found.setdefault(label, [])
                for alias, name in _LITERAL.findall(cell.source):
                    _add(found[label], aliases, alias, name)
            starts = _SOLUTION.findall(cell.source)
            if starts:
                current = starts[-1]
            if "{solution-end}" in cell.source and not starts:
                current = None
        elif cell.cell_type == "code" and current:
            for alias, name in _CALL.findall(cell.source):
                _add(found.setdefault(current, []), aliases, alias, name)
    return {label: names for label, names in found.items() if names}


def _add(names: list[str], aliases: dict, alias: str, name: str) -> None:
    module = aliases.get(alias)
    full = f"sinorus.{module}.{name}"
    if module and module not in PLUMBING and full not in names:
        names.append(full)


class package_uses(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801
    """Placeholder for an exercise's links to the reference page, filled in once every
    page has been read (:func:`_link_package_uses`)."""


def _link_package_uses(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    objects = app.env.get_domain("py").objects
    for node in list(doctree.findall(package_uses)):
        links = []
        for full in node["names"]:
            entry = objects.get(full)
            if entry is None:
                continue  # not on the reference page
            link = nodes.reference("", "", internal=True, classes=["package-link"],
                                   refuri=app.builder.get_relative_uri(fromdocname, entry.docname)
                                   + "#" + entry.node_id)
            link += nodes.literal(text=full.removeprefix("sinorus."))
            links.append(link)
        if not links:
            node.parent.remove(node)
            continue
        line = nodes.inline(classes=["package-uses"])
        line += nodes.Text(" · uses ")
        for index, link in enumerate(links):
            if index:
                line += nodes.Text(", ")
            line += link
        node.replace_self(line)


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
    calls = package_calls(nbformat.read(notebook, as_version=4))
    for node in doctree.findall(lambda n: isinstance(n, (exercise_node,
                                                         exercise_enumerable_node))):
        label = node.get("label")
        if label in exercises:
            line = nodes.paragraph(text=exercise_line(exercises[label]),
                                   classes=["exercise-meta"])
            if calls.get(label):
                line += package_uses(names=calls[label])
            node.insert(1 if node.children and isinstance(node[0], nodes.title) else 0, line)


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", _add_scaffolding)
    app.connect("doctree-resolved", _link_package_uses)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
