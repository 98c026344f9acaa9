"""Load the book's datasets, each validated against its schema before a chapter sees it.

Every CSV in ``data/`` is a resource of the Frictionless Data Package
``data/datapackage.json``: its fields, types, constraints, primary key, foreign keys and
sources are written there, once. :func:`load` checks the whole file with frictionless and
only then converts it to a :class:`pandas.DataFrame`; if anything is wrong it raises
:class:`DataValidationError` listing every problem as ``file, row, column: what``, and
returns nothing, so a chapter never works on half a table.

Rows are numbered as frictionless numbers them: the header is row 1, so the first record
is row 2 and, for files without multi-line cells, the row number is the line number.

Beyond the Table Schema standard the book adds two rules:

- every table has a ``source`` column, never empty, holding one or more keys of
  ``references.bib`` or web addresses (separated by ``;``): every number in the book can
  be traced to a citable source;
- a schema may say ``"x-not-before": {"end_date": "start_date"}``: in every row where
  both are given, the first column's value is not earlier (or smaller) than the second's.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import pathlib
import re

import pandas as pd

BOOK_VARIABLE = "SINORUS_BOOK"


def _book_root() -> pathlib.Path:
    """The book's folder: the one this package sits in (a clone of the book), or, when the
    package was installed elsewhere (``pip install``), the folder that the environment
    variable SINORUS_BOOK names; a chapter's set-up cell sets it."""
    here = pathlib.Path(__file__).resolve().parent.parent
    if (here / "data" / "datapackage.json").exists() or not os.environ.get(BOOK_VARIABLE):
        return here
    return pathlib.Path(os.environ[BOOK_VARIABLE]).resolve()


ROOT = _book_root()
DATA_DIR = ROOT / "data"
DATAPACKAGE = DATA_DIR / "datapackage.json"
BIBLIOGRAPHY = ROOT / "references.bib"

SOURCE_FIELD = "source"
MAX_PROBLEMS_SHOWN = 20


class DataValidationError(ValueError):
    """A data file does not match its schema; the message names file, row and column."""

    def __init__(self, path: pathlib.Path, problems: list[str]):
        self.path = path
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines = [f"{display_path(path)} does not match its schema in data/datapackage.json:"]
        lines += [f"  - {p}" for p in shown]
        if more:
            lines.append(f"  ... and {more} more")
        super().__init__("\n".join(lines))


def display_path(path: pathlib.Path) -> str:
    """The path as a reader should see it: relative to the book, never absolute."""
    path = pathlib.Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


@functools.cache
def datapackage() -> dict:
    """The parsed ``data/datapackage.json``."""
    if not DATAPACKAGE.exists():
        raise FileNotFoundError(f"the book's data are not at {DATA_DIR}: set {BOOK_VARIABLE} to "
                                "the folder of a clone of the book, or run the chapter's set-up cell")
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


def resource_names() -> list[str]:
    return [r["name"] for r in datapackage()["resources"]]


def resource(name: str) -> dict:
    """The descriptor of one resource (a dataset) in the data package."""
    for r in datapackage()["resources"]:
        if r["name"] == name:
            return r
    raise KeyError(f"no dataset named {name!r} in data/datapackage.json; "
                   f"known: {', '.join(resource_names())}")


@functools.cache
def bibliography_keys() -> frozenset[str]:
    """The citation keys of ``references.bib`` (read with a regex: no BibTeX parser needed)."""
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    return frozenset(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", text, flags=re.MULTILINE))


def load(name: str) -> pd.DataFrame:
    """Load dataset ``name`` from ``data/``, validated; raise DataValidationError if it is not."""
    descriptor = resource(name)
    return load_csv(DATA_DIR / descriptor["path"], descriptor, package_dir=DATA_DIR)


def load_csv(path: pathlib.Path, descriptor: dict, package_dir: pathlib.Path | None = None
             ) -> pd.DataFrame:
    """Validate ``path`` against a resource descriptor, then read it with typed columns.

    ``package_dir`` holds the other resources that foreign keys refer to (``data/`` for the
    book's own files); pass ``None`` to check a lone file whose schema has none.
    """
    path = pathlib.Path(path)
    problems = validate_csv(path, descriptor, package_dir)
    if problems:
        raise DataValidationError(path, problems)
    return _read_typed(path, descriptor["schema"])


def validate_csv(path: pathlib.Path, descriptor: dict, package_dir: pathlib.Path | None
                 ) -> list[str]:
    """Every problem with ``path`` as ``"file, row N, column 'c': what"``; empty if none."""
    import frictionless  # imported here: it is slow to import and only needed to validate

    shown = display_path(path)
    if not path.exists():
        return [f"{shown}: file not found"]
    schema = descriptor.get("schema", {})
    field_names = [f["name"] for f in schema.get("fields", [])]
    if SOURCE_FIELD not in field_names:
        return [f"{shown}: the schema has no '{SOURCE_FIELD}' column; every row must carry its source"]

    header = _header_problems(path, shown, field_names)
    if header:
        return header  # rows cannot be read against a schema whose columns they lack

    # "trusted": the descriptors are the book's own, and a test's modified copy of a table
    # lives outside data/, which frictionless would otherwise refuse as an unsafe path.
    with frictionless.system.use_context(trusted=True):
        if package_dir is not None and schema.get("foreignKeys"):
            package = frictionless.Package(_descriptor_with(descriptor, path))
            res = package.get_resource(descriptor["name"])
        else:
            res = frictionless.Resource(dict(descriptor, path=str(path.resolve())))
        report = res.validate()

    problems = [_describe(shown, err, schema) for task in report.tasks for err in task.errors]
    problems += [_describe_package_error(shown, err) for err in report.errors]
    if not problems:
        problems = _check_sources(path, shown) + _check_order(path, shown, schema)
    return problems


def _header_problems(path: pathlib.Path, shown: str, expected: list[str]) -> list[str]:
    """Missing, unexpected or misordered columns, named (frictionless matches by position)."""
    with path.open(encoding="utf-8", newline="") as handle:
        found = next(csv.reader(handle), [])
    problems = [f"{shown}, row 1 (header), column '{c}': missing; the schema expects it"
                for c in expected if c not in found]
    problems += [f"{shown}, row 1 (header), column '{c}': not in the schema"
                 for c in found if c not in expected]
    if not problems and found != expected:
        problems.append(f"{shown}, row 1 (header): columns in the order {found}, "
                        f"but the schema has {expected}")
    return problems


def _descriptor_with(descriptor: dict, path: pathlib.Path) -> dict:
    """The whole data package, with ``descriptor`` pointing at ``path`` (which may be a
    test's modified copy) so its foreign keys resolve against the book's other tables."""
    # Only the tables the foreign keys reach: frictionless checks every descriptor in a
    # package, and the book has dozens.
    needed, queue = set(), [descriptor]
    while queue:
        for key in queue.pop().get("schema", {}).get("foreignKeys", []):
            name = key["reference"].get("resource")
            if name and name != descriptor["name"] and name not in needed:
                needed.add(name)
                queue.append(resource(name))
    resources = [dict(resource(name), path=str((DATA_DIR / resource(name)["path"]).resolve()))
                 for name in sorted(needed)]
    resources.append(dict(descriptor, path=str(path.resolve())))
    return {"name": datapackage()["name"], "resources": resources}


def _describe(shown: str, err, schema: dict) -> str:
    """One frictionless error as a sentence naming file, row and column."""
    kind = err.type
    row = getattr(err, "row_number", None)
    column = getattr(err, "field_name", None)
    cell = getattr(err, "cell", None)
    where = shown + (f", row {row}" if row else "")
    if kind == "missing-label":
        return f"{shown}, row 1 (header), column '{column}': missing; the schema expects it"
    if kind in {"extra-label", "incorrect-label", "duplicate-label", "blank-label"}:
        expected = getattr(err, "field_name", "?")
        found = getattr(err, "label", "?")
        return (f"{shown}, row 1 (header), column {err.field_number}: found {found!r}, "
                f"the schema expects {expected!r} ({kind})")
    if kind == "type-error":
        field = _field(schema, column)
        return (f"{where}, column '{column}': {cell!r} is not a valid {field.get('type')}"
                f"{_format_hint(field)}")
    if kind == "constraint-error":
        field = _field(schema, column)
        constraints = field.get("constraints", {})
        if cell in ("", None) and constraints.get("required"):
            if column == SOURCE_FIELD:
                return f"{where}, column '{column}': empty, but every row must carry its source"
            return f"{where}, column '{column}': empty, but a value is required"
        broken = _broken_constraint(err.note)
        limit = constraints.get(broken, "?")
        return f"{where}, column '{column}': {cell!r} breaks the constraint {broken} = {limit!r}"
    if kind == "primary-key":
        keys = schema.get("primaryKey", [])
        keys = [keys] if isinstance(keys, str) else keys
        cells = getattr(err, "cells", [])
        values = [cells[_field_index(schema, k)] for k in keys] if cells else "?"
        first = re.search(r"position (\d+)", err.note or "")
        also = f" (first seen in row {first.group(1)})" if first else ""
        return (f"{where}, column '{', '.join(keys)}': duplicate primary key "
                f"{', '.join(map(str, values))}{also}")
    if kind == "foreign-key":
        return f"{where}, {_foreign_key_note(err.note)}"
    if kind == "missing-cell":
        return f"{where}, column '{column}': missing cell (the row is too short)"
    if kind == "extra-cell":
        return f"{where}, column {err.field_number}: extra cell {cell!r} (the row is too long)"
    if kind == "blank-row":
        return f"{where}: blank row"
    return f"{where}{f', column {column!r}' if column else ''}: {err.message}"


def _describe_package_error(shown: str, err) -> str:
    return f"{shown}: {err.message}"


def _field(schema: dict, name: str | None) -> dict:
    return next((f for f in schema.get("fields", []) if f["name"] == name), {})


def _field_index(schema: dict, name: str) -> int:
    return [f["name"] for f in schema["fields"]].index(name)


def _format_hint(field: dict) -> str:
    hints = {"date": " (expected an existing day written YYYY-MM-DD)",
             "integer": " (expected a whole number)", "number": " (expected a number)",
             "year": " (expected a four-digit year)", "boolean": " (expected true or false)"}
    return hints.get(field.get("type"), "")


def _broken_constraint(note: str | None) -> str:
    match = re.search(r'constraint "(\w+)"', note or "")
    return match.group(1) if match else "?"


def _foreign_key_note(note: str | None) -> str:
    # frictionless says: for "actor": values "XXX" not found in the lookup table "countries" as "code"
    match = re.search(r'for "([^"]+)": values "([^"]*)" not found in the lookup table "([^"]*)" '
                      r'as "([^"]+)"', note or "")
    if not match:
        return f"foreign key: {note}"
    column, value, table, target = match.groups()
    table = table or "this table"
    return f"column '{column}': {value!r} is not a known {target} in {table}"


def _check_sources(path: pathlib.Path, shown: str) -> list[str]:
    """Every ``source`` value is a key of references.bib or a web address."""
    keys = bibliography_keys()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=[SOURCE_FIELD])
    problems = []
    for offset, value in enumerate(frame[SOURCE_FIELD]):
        for part in (p.strip() for p in value.split(";")):
            if not (part in keys or part.startswith(("https://", "http://"))):
                problems.append(f"{shown}, row {offset + 2}, column '{SOURCE_FIELD}': {part!r} "
                                "is neither a key of references.bib nor a web address")
    return problems


def _check_order(path: pathlib.Path, shown: str, schema: dict) -> list[str]:
    """The schema's ``x-not-before`` pairs: a later column never precedes an earlier one."""
    pairs = schema.get("x-not-before", {})
    if not pairs:
        return []
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    numeric = {f["name"] for f in schema["fields"] if f.get("type") in {"integer", "number", "year"}}
    problems = []
    for later, earlier in pairs.items():
        for offset, (a, b) in enumerate(zip(frame[later], frame[earlier])):
            if not (a and b):
                continue
            # Numbers compare as numbers; ISO dates compare correctly as text.
            before = float(a) < float(b) if later in numeric else a < b
            if before:
                problems.append(f"{shown}, row {offset + 2}, column '{later}': {a!r} is before "
                                f"{earlier} {b!r}")
    return problems


_MISSING = ""


def _read_typed(path: pathlib.Path, schema: dict) -> pd.DataFrame:
    """Read an already validated CSV, giving each column the pandas type of its schema type."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for field in schema["fields"]:
        name, kind = field["name"], field.get("type", "string")
        column = frame[name].replace(_MISSING, None)
        if kind in {"integer", "year"}:
            column = pd.to_numeric(column).astype("Int64")
            if not column.isna().any():
                column = column.astype("int64")
        elif kind == "number":
            column = pd.to_numeric(column).astype("float64")
        elif kind == "boolean":
            truthy = set(field.get("trueValues", ["true", "True", "TRUE", "1"]))
            column = column.map(lambda v: None if v is None else v in truthy).astype("boolean")
            if not column.isna().any():
                column = column.astype(bool)
        elif kind == "date":
            column = pd.to_datetime(column, format="%Y-%m-%d")
        else:
            column = column.astype("str")
        frame[name] = column
    return frame
