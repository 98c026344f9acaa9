"""A Sphinx extension for what the site tells about its sources: each chapter's MyST
source offered for download, and the execution report.

The site is built from the executed notebooks, so the theme's download menu offers the
``.ipynb`` twice (as the notebook and as the page's source). This extension makes the
second entry the chapter's ``.md`` — the file to review, edit and diff — and copies it
into ``_sources/`` beside the notebook once the build is done (before the student
edition strips solutions from both: see :mod:`sinorus.sphinx_solutions`).
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def _markdown_source(app: Sphinx, pagename: str) -> pathlib.Path | None:
    md = pathlib.Path(app.srcdir) / f"{pagename}.md"
    notebook = md.with_suffix(".ipynb")
    return md if md.exists() and notebook.exists() else None


def _offer_markdown(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if _markdown_source(app, pagename) is None:
        return
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []):
            if button.get("label") == "download-source-button":
                button["url"] = f"{context['pathto']('_sources', 1)}/{pagename}.md"
                button["text"] = ".md"
                button["tooltip"] = "Download the chapter's MyST source"


def _copy_sources(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    for pagename in app.env.found_docs:
        md = _markdown_source(app, pagename)
        if md is not None:
            target = pathlib.Path(app.outdir) / "_sources" / f"{pagename}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(md, target)


class ExecutionReport(SphinxDirective):
    """``{execution-report}``: for each chapter, when its stored notebook last changed (the
    date of the last commit that touched it: the pairing test proves that notebook is the
    executed form of its current source) and how long it takes to run (from
    ``benchmarks/report.md``, written by ``make bench``)."""

    def run(self) -> list[nodes.Node]:
        root = pathlib.Path(self.env.srcdir)
        timings = _benchmark_timings(root / "benchmarks" / "report.md")
        self.env.note_dependency(str(root / "benchmarks" / "report.md"))
        lines = ["| Chapter | Notebook last changed | Run time (median, s) | Under 10 s |",
                 "|---|---|---:|---|"]
        for notebook in sorted((root / "chapters").glob("[0-9][0-9]-*.ipynb")):
            doc = f"chapters/{notebook.stem}"
            seconds = timings.get(notebook.stem)
            lines.append(f"| {{doc}}`/{doc}` | {_last_commit_date(root, notebook)} | "
                         f"{seconds if seconds is not None else '—'} | "
                         f"{'—' if seconds is None else 'yes' if float(seconds) < 10 else 'no'} |")
        container = nodes.container()
        self.state.nested_parse(StringList(lines, source="execution-report"),
                                self.content_offset, container)
        return container.children


def _benchmark_timings(report: pathlib.Path) -> dict[str, str]:
    if not report.exists():
        return {}
    rows = re.findall(r"^\| (\d\d-[\w-]+) \| ([\d.]+) \|", report.read_text(encoding="utf-8"),
                      flags=re.MULTILINE)
    return dict(rows)


def _last_commit_date(root: pathlib.Path, path: pathlib.Path) -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(path)], cwd=root,
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "—"
    return out.stdout.strip() or "not yet committed"


def setup(app: Sphinx) -> dict:
    app.add_directive("execution-report", ExecutionReport)
    # After the theme has made its buttons (priority 500), before solutions are stripped.
    app.connect("html-page-context", _offer_markdown, priority=600)
    app.connect("build-finished", _copy_sources, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
