"""What the tests need to know about the book: its chapters, notebooks and glued values."""

from __future__ import annotations

import pathlib
import re

import nbformat
import pytest
import yaml

from sinorus import data

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"


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


def glued(md: pathlib.Path) -> dict[str, str]:
    """Name -> text of every value a chapter glues (as stored in its notebook)."""
    values = {}
    for cell in notebook(md).cells:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("scrapbook", {})
            if "name" in meta:
                data = output.get("data", {})
                values[meta["name"]] = data.get(GLUE_MIME, data.get("text/plain", ""))
    return values


def glued_number(md: pathlib.Path, name: str) -> float:
    return float(glued(md)[name])


GLUE_ROLE = re.compile(r"\{glue(?::\w*)?\}`([^`:]+)(?::[^`]*)?`")  # {glue}, {glue:}, {glue:text}...


def glue_references(md: pathlib.Path) -> set[str]:
    """Names the prose of a chapter quotes with a {glue} role."""
    return {m.group(1) for cell in notebook(md).cells if cell.cell_type == "markdown"
            for m in GLUE_ROLE.finditer(cell.source)}


def refusal(copy: pathlib.Path, name: str) -> str:
    """The message with which the loader refuses ``copy``, a broken copy of table ``name``."""
    with pytest.raises(data.DataValidationError) as refused:
        data.load_csv(copy, data.resource(name), package_dir=data.DATA_DIR)
    return str(refused.value)
