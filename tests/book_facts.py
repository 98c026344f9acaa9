"""What the tests need to know about the book: its chapters, notebooks and glued values."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys

import nbformat
import pytest
import yaml

from sinorus import data

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"


# The jupyter-book of the environment running the tests (.venv under `make test`).
JUPYTER_BOOK = pathlib.Path(sys.executable).parent / "jupyter-book"


def build_site(output, config_file=None):
    """One build of the book as `make book` runs it (-W -n --keep-going) into ``output``."""
    command = [str(JUPYTER_BOOK), "build", str(ROOT), "--all", "-W", "-n", "--keep-going",
               "--path-output", str(output)]
    if config_file:
        command += ["--config", str(config_file)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def toc_files() -> list[str]:
    """Every file named in _toc.yml, in order, without extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files += [section["file"] for section in chapter.get("sections", [])]
    return files


def toc_chapters() -> list[pathlib.Path]:
    """The chapter sources (chapters/NN-topic.md) the table of contents lists."""
    return [ROOT / f"{f}.md" for f in toc_files() if f.startswith("chapters/")]


def notebook(md: pathlib.Path):
    return nbformat.read(md.with_suffix(".ipynb"), as_version=4)


GLUE_MIME = "application/papermill.record/text/plain"


def glued_values(nb) -> dict[str, str]:
    """Name -> text of every value glued in an executed notebook ``nb``."""
    values = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("scrapbook", {})
            if "name" in meta:
                data = output.get("data", {})
                values[meta["name"]] = data.get(GLUE_MIME, data.get("text/plain", ""))
    return values


def glued(md: pathlib.Path) -> dict[str, str]:
    """Name -> text of every value a chapter glues (as stored in its notebook)."""
    return glued_values(notebook(md))


def glued_number(md: pathlib.Path, name: str) -> float:
    return float(glued(md)[name])


GLUE_ROLE = re.compile(r"\{glue(?::\w*)?\}`([^`:]+)(?::[^`]*)?`")  # {glue}, {glue:}, {glue:text}...


def glue_references(md: pathlib.Path) -> set[str]:
    """Names the prose of a chapter quotes with a {glue} role."""
    return {m.group(1) for cell in notebook(md).cells if cell.cell_type == "markdown"
            for m in GLUE_ROLE.finditer(cell.source)}


def broken_copy(folder: pathlib.Path, name: str, edit, package: bool = False) -> pathlib.Path:
    """A copy of the book's table ``name`` in ``folder``, its text passed through ``edit``
    (str -> str, or -> bytes to write another encoding). With ``package``, the whole of
    data/ is copied first, so the copy's foreign keys reach copies too (``load(name,
    data_dir=copy.parent)``)."""
    folder = pathlib.Path(folder)
    if package:
        folder = folder / "data"
        shutil.copytree(data.DATA_DIR, folder, ignore=shutil.ignore_patterns("curate"))
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / data.resource(name)["path"]
    edited = edit((data.DATA_DIR / data.resource(name)["path"]).read_text(encoding="utf-8"))
    if isinstance(edited, str):
        edited = edited.encode("utf-8")
    copy.write_bytes(edited)
    return copy


def refusal(copy: pathlib.Path, name: str) -> str:
    """The message with which the loader refuses ``copy``, a broken copy of table ``name``
    (its foreign keys checked against data/, or against the copy's own package)."""
    own_package = (copy.parent / "datapackage.json").exists()
    with pytest.raises(data.DataValidationError) as refused:
        data.load_csv(copy, data.resource(name), package_dir=copy.parent if own_package else data.DATA_DIR)
    return str(refused.value)


def claims(md: pathlib.Path) -> dict[str, dict]:
    """Name -> record of every claim a chapter makes (see sinorus.claims), as stored."""
    import json

    from sinorus.claims import RECORD_SUFFIX

    return {name.removesuffix(RECORD_SUFFIX): json.loads(text)
            for name, text in glued(md).items() if name.endswith(RECORD_SUFFIX)}


def claim_value(md: pathlib.Path, name: str):
    """The stored value of one claim's condition (a bool, an 'N of M' or a chosen key)."""
    return claims(md)[name]["value"]


def execute_with_parameters(md: pathlib.Path, **values) -> dict[str, str]:
    """Execute chapter ``md`` with some of its parameters changed, as a reader would.

    A chapter's reader-facing parameters are assignments ``NAME = value`` in its code cells
    tagged ``parameters``; each keyword replaces one such assignment's right-hand side with
    the ``repr`` of its value. Returns the glued values of the run (claims' records
    included, under ``name + "__claim"``); the notebook on disk is not touched.
    """
    from sinorus import notebooks

    nb = notebooks.notebook_from_markdown(md)
    remaining = dict(values)
    for cell in nb.cells:
        if cell.cell_type != "code" or "parameters" not in cell.metadata.get("tags", []):
            continue
        lines = cell.source.splitlines()
        for index, line in enumerate(lines):
            match = re.match(r"^([A-Z][A-Z0-9_]*)\s*=", line)
            if match and match.group(1) in remaining:
                lines[index] = f"{match.group(1)} = {remaining.pop(match.group(1))!r}"
        cell.source = "\n".join(lines)
    if remaining:
        raise KeyError(f"{md.name} has no parameter(s) {sorted(remaining)} in a cell "
                       "tagged 'parameters'")
    return glued_values(notebooks.execute(nb, md.parent))
