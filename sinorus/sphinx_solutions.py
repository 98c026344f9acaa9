"""A Sphinx extension for the two editions: the teacher's, with solutions, and the
student's, with none anywhere (`make book SOLUTIONS=hide`, `make pdf`).

sphinx-exercise's own ``hide_solutions`` drops a ``{solution}`` directive, but (in 1.2.1)
fails on gated solutions — ``{solution-start}`` … ``{solution-end}``, which the chapters use
so that a solution can hold code cells: it leaves the end marker behind, the build stops on
an unknown node, and the code cells between the markers would stay on the page anyway.

With the config value ``book_hide_solutions`` on, this extension

- removes each solution whole, markers and all, before sphinx-exercise merges gated
  solutions (a transform);
- sets the Sphinx tag ``student`` (``teacher`` otherwise), so prose that speaks of
  solutions sits in ``{only} teacher`` blocks and leaves the student's copy;
- strips the solution cells from every notebook and source the site offers for download
  (``_sources/``) once the build is done, so no file of the student's site holds one.

In the teacher's PDF (the LaTeX builder with solutions on) each chapter's solutions are
moved out of the text to a "Solutions" section at the chapter's end, so a handout can be
printed from the pages before it.

``python -m sinorus.sphinx_solutions OUT.yml`` writes the book's config with solutions off.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_exercise.nodes import solution_end_node, solution_node, solution_start_node

START = re.compile(r"^```\{solution-start\}", re.MULTILINE)
END = re.compile(r"^```\{solution-end\}", re.MULTILINE)


class RemoveSolutions(SphinxTransform):
    # sphinx-exercise checks gated directives at priority 1 and merges them at 10.
    default_priority = 5

    def apply(self) -> None:
        if not self.config.book_hide_solutions:
            return
        for start in list(self.document.findall(solution_start_node)):
            parent = start.parent
            first = parent.index(start)
            last = next(i for i in range(first, len(parent.children))
                        if isinstance(parent.children[i], solution_end_node))
            for child in parent.children[first:last + 1]:
                parent.remove(child)
        for solution in list(self.document.findall(solution_node)):
            solution.parent.remove(solution)


class SolutionsAtChapterEnd(SphinxPostTransform):
    """LaTeX only: move each chapter's solutions to a section at its end.

    The LaTeX builder inlines every chapter into one tree, each inside a
    ``start_of_file`` node; the solutions of each are gathered at the end of its section.
    """

    default_priority = 900
    builders = ("latex",)

    def run(self, **kwargs) -> None:
        if self.config.book_hide_solutions:
            return
        # Walk down (parent links are not reliable after Jupyter Book's LaTeX transforms),
        # remembering the innermost file each solution sits in.
        by_chapter: dict[int, tuple[nodes.Element, list]] = {}

        def walk(node, chapter):
            if isinstance(node, addnodes.start_of_file):
                chapter = node
            if isinstance(node, solution_node) and chapter is not None:
                by_chapter.setdefault(id(chapter), (chapter, []))[1].append((node.parent, node))
                return
            for child in list(getattr(node, "children", [])):
                walk(child, chapter)

        walk(self.document, None)
        for chapter, solutions in by_chapter.values():
            top = next((c for c in chapter.children if isinstance(c, nodes.section)), None)
            if top is None:
                continue
            section = nodes.section(ids=[f"solutions-{chapter['docname'].replace('/', '-')}"])
            section += nodes.title(text="Solutions")
            for parent, solution in solutions:
                parent.remove(solution)
                section += solution
            top += section


def _strip(text: str, state: list[bool]) -> str:
    """``text`` without what lies in solutions; ``state`` = [inside, closing] carries over
    between calls, since a solution can start in one notebook cell and end in another."""
    out = []
    for line in text.splitlines(keepends=True):
        inside, closing = state
        if START.match(line):
            state[0] = True
        elif inside and END.match(line):
            state[1] = True
            continue
        if closing and line.startswith("```"):
            state[:] = [False, False]
            continue
        if not state[0]:
            out.append(line)
    return "".join(out)


def strip_solution_cells(notebook: dict) -> dict:
    """``notebook`` (nbformat JSON) without its solutions: the code cells inside them go,
    and markdown cells keep only what lies outside them."""
    kept, state = [], [False, False]
    for cell in notebook["cells"]:
        if cell.get("cell_type") == "markdown":
            text = _strip("".join(cell.get("source", "")), state)
            if text.strip():
                kept.append(dict(cell, source=text))
        elif not state[0]:
            kept.append(cell)
    return dict(notebook, cells=kept)


def strip_solution_text(markdown: str) -> str:
    """MyST text without its gated solutions (start marker to end marker, both included)."""
    return _strip(markdown, [False, False])


def _strip_downloads(app: Sphinx, exception) -> None:
    if exception or not app.config.book_hide_solutions or app.builder.format != "html":
        return
    sources = pathlib.Path(app.outdir) / "_sources"
    for path in sources.rglob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(strip_solution_cells(notebook), indent=1, ensure_ascii=False)
                        + "\n", encoding="utf-8")
    for path in [*sources.rglob("*.md"), *sources.rglob("*.md.txt")]:
        path.write_text(strip_solution_text(path.read_text(encoding="utf-8")), encoding="utf-8")


def _set_edition_tag(app: Sphinx, config) -> None:
    app.tags.add("student" if config.book_hide_solutions else "teacher")


def setup(app: Sphinx) -> dict:
    app.add_config_value("book_hide_solutions", False, "env")
    app.add_transform(RemoveSolutions)
    app.add_post_transform(SolutionsAtChapterEnd)
    app.connect("config-inited", _set_edition_tag)
    app.connect("build-finished", _strip_downloads, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def config_without_solutions(root: pathlib.Path) -> dict:
    """The book's _config.yml with solutions switched off, usable from any folder.

    The launch buttons go too: they open the repository's notebooks, which hold the
    solutions.
    """
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["sphinx"]["config"]["book_hide_solutions"] = True
    config["launch_buttons"] = {"notebook_interface": "classic", "binderhub_url": "",
                                "colab_url": "", "jupyterhub_url": "", "thebe": False}
    # Jupyter Book resolves these paths from the config file's folder: make them absolute.
    config["sphinx"]["local_extensions"] = {name: str(root.resolve())
                                            for name in config["sphinx"]["local_extensions"]}
    latex = config.setdefault("latex", {}).setdefault("latex_documents", {})
    latex["title"] = f"{config['title']}: student edition"
    if "bibtex_bibfiles" in config:
        config["bibtex_bibfiles"] = [str((root / f).resolve()) for f in config["bibtex_bibfiles"]]
    return config


if __name__ == "__main__":
    root = pathlib.Path(__file__).resolve().parent.parent
    pathlib.Path(sys.argv[1]).write_text(yaml.safe_dump(config_without_solutions(root)))
