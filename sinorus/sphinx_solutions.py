"""A Sphinx extension that leaves every solution out of a build (`make book SOLUTIONS=hide`).

sphinx-exercise's own ``hide_solutions`` drops a ``{solution}`` directive, but (in 1.2.1)
fails on gated solutions — ``{solution-start}`` … ``{solution-end}``, which the chapters use
so that a solution can hold code cells: it leaves the end marker behind, the build stops on
an unknown node, and the code cells between the markers would stay on the page anyway.
This transform removes each solution whole, markers and all, before sphinx-exercise
merges gated solutions. It is switched on by the config value ``book_hide_solutions``;
``python -m sinorus.sphinx_solutions OUT.yml`` writes the book's config with it on.
"""

from __future__ import annotations

import pathlib
import sys

import yaml
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx_exercise.nodes import solution_end_node, solution_node, solution_start_node


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


def setup(app: Sphinx) -> dict:
    app.add_config_value("book_hide_solutions", False, "env")
    app.add_transform(RemoveSolutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def config_without_solutions(root: pathlib.Path) -> dict:
    """The book's _config.yml with solutions switched off, usable from any folder."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["sphinx"]["config"]["book_hide_solutions"] = True
    # Jupyter Book resolves these paths from the config file's folder: make them absolute.
    config["sphinx"]["local_extensions"] = {name: str(root.resolve())
                                            for name in config["sphinx"]["local_extensions"]}
    return config


if __name__ == "__main__":
    root = pathlib.Path(__file__).resolve().parent.parent
    pathlib.Path(sys.argv[1]).write_text(yaml.safe_dump(config_without_solutions(root)))
