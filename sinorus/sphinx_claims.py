"""A Sphinx extension that builds the claims ledger from the executed notebooks.

The directive ``{claims-ledger}`` (used once, in ``claims.md``) reads every chapter
notebook named in the table of contents, collects the claim records that
:mod:`sinorus.claims` stored in it, finds the section whose prose quotes each claim, and
renders one table per chapter: the claim as the page words it, the condition computed,
its value in this run, and where it stands. The ledger is made from the same notebooks the
site is built from, so it can never describe an older run than the pages beside it.
"""

from __future__ import annotations

import json
import pathlib
import re

import nbformat
import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sinorus.claims import RECORD_SUFFIX

GLUE_MIME = "application/papermill.record/text/plain"
GLUE_ROLE = re.compile(r"\{glue(?::[a-z]*)?\}`([^`:]+)(?::([^`]*))?`")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[({])")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$", re.MULTILINE)


def notebook_claims(ipynb: pathlib.Path, without_solutions: bool = False) -> list[dict]:
    """The claim records of one notebook, in the order the chapter makes them, each with
    the title of the section whose prose first quotes it (``section``). With
    ``without_solutions``, claims made or quoted only inside solutions are left out (the
    student's copy has no solution, so its ledger must not quote one)."""
    from sinorus.sphinx_solutions import _strip

    nb = nbformat.read(ipynb, as_version=4)
    values = _glued(nb)
    records, quoted_in, section, state = [], {}, _title(nb), [False, False]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            source = _strip(cell.source, state) if without_solutions else cell.source
            for match in GLUE_ROLE.finditer(source):
                quoted_in.setdefault(match.group(1), (
                    _section_at(source, match.start(), section),
                    _sentence_at(source, match.start(), values)))
            headings = HEADING.findall(source)
            if headings:
                section = headings[-1][1]
        elif without_solutions and state[0]:
            continue
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name", "")
            if name.endswith(RECORD_SUFFIX):
                records.append(dict(json.loads(values[name]), code_section=section))
    for rec in records:
        names = [rec["name"], *rec.get("uses", [])]
        rec["section"], rec["sentence"] = next(
            (quoted_in[n] for n in names if n in quoted_in), (None, None))
    if without_solutions:
        records = [rec for rec in records if rec["sentence"]]
    return records


def _glued(nb) -> dict[str, str]:
    values = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                values[name] = output["data"].get(GLUE_MIME) or output["data"]["text/plain"]
    return values


def _sentence_at(source: str, position: int, values: dict[str, str]) -> str:
    """The sentence of ``source`` around ``position``, its glue roles filled in."""
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(source) if m.end() <= position]
    start = starts[-1]
    end = next((m.start() for m in SENTENCE_END.finditer(source, position)), len(source))
    sentence = source[start:end]

    def fill(match):
        value, spec = values.get(match.group(1), "?"), match.group(2)
        for kind in (int, float):
            try:
                return format(kind(value), spec or "")
            except ValueError:
                continue
        return value

    sentence = GLUE_ROLE.sub(fill, sentence)
    sentence = re.sub(r"\{(?:cite|numref|ref|doc|term)(?::\w+)?\}`([^`]*)`", r"\1", sentence)
    return " ".join(sentence.split())


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for level, text in HEADING.findall(cell.source):
                if level == "#":
                    return text
    return ""


def _section_at(source: str, position: int, current: str) -> str:
    before = HEADING.findall(source[:position])
    return before[-1][1] if before else current


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _value(rec: dict) -> str:
    value = rec["value"]
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class ClaimsLedger(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        root = pathlib.Path(self.env.srcdir)
        toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
        chapters = [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])
                    if (root / f"{c['file']}.ipynb").exists()]
        lines = []
        for doc in chapters:
            ipynb = root / f"{doc}.ipynb"
            self.env.note_dependency(str(ipynb))
            records = notebook_claims(ipynb, self.config.book_hide_solutions)
            if not records:
                continue
            title = _title(nbformat.read(ipynb, as_version=4))
            count = f"{len(records)} claim{'s' if len(records) > 1 else ''}"
            lines += [f"## {title}", "", f"{count} in {{doc}}`/{doc}`.", "",
                      "| The sentence, as the page says it | Condition computed | Value | Section |",
                      "|---|---|---|---|"]
            for rec in records:
                sentence = rec["sentence"] or f"(not quoted in the prose: {rec['text']})"
                where = rec["section"] or rec["code_section"]
                lines.append(f"| {_escape(sentence)} | {_escape(rec['condition'])} | "
                             f"{_escape(_value(rec))} | {_escape(where)} |")
            lines.append("")
        container = nodes.container(classes=["claims-ledger"])
        self.state.nested_parse(StringList(lines, source="claims-ledger"), self.content_offset,
                                container, match_titles=True)
        return container.children


def setup(app: Sphinx) -> dict:
    app.add_directive("claims-ledger", ClaimsLedger)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
