"""Load the book's datasets, each validated against its schema before a chapter sees it.

Every CSV in ``data/`` is a resource of the Frictionless Data Package
``data/datapackage.json``: its fields, types, constraints, primary key, foreign keys and
sources are written there, once. :func:`load` checks the whole file and returns a
:class:`pandas.DataFrame`; if anything is wrong it raises :class:`DataValidationError`
listing every problem as ``file, row, column: what``, and returns nothing, so a chapter
never works on half a table.

One parser. The frame is built from the cells frictionless typed while it validated the
file (``Resource.validate(on_row=...)``); no second reader parses the text, so what was
checked is what the chapters get. The encoding (UTF-8) and the CSV dialect are fixed, not
sniffed. Before frictionless sees the file, its text is checked for what a parser would
misread or a reader would not see: a byte that is not UTF-8, a byte-order mark, git
conflict markers, blank rows, a header unlike the schema's, a header without rows, and
mojibake (UTF-8 decoded as Latin-1 or Windows-1252, ``MOJIBAKE``). Where frictionless is
laxer than the book, the book's lexical rules (``_LEXICAL``) refuse the cell: numbers are
plain finite decimals (no ``1_000``, ``INF``, ``NaN``), integers are digits, dates are
padded ``YYYY-MM-DD``.

Rows are numbered as frictionless numbers them: the header is row 1, so the first record
is row 2 and, for files without multi-line cells, the row number is the line number.

Beyond the Table Schema standard the book adds three rules:

- every table has a ``source`` column, never empty, holding one or more keys of
  ``references.bib`` or web addresses (separated by ``;``): every number in the book can
  be traced to a citable source;
- a schema may say ``"x-not-before": {"end_date": "start_date"}``: in every row where
  both are given, the first column's value is not earlier (or smaller) than the second's,
  compared as typed values (dates as dates, numbers as numbers);
- a table has at least one row: every table feeds a chapter, and a header alone is what a
  failed curation script or a truncated edit leaves.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
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


def load(name: str, data_dir: pathlib.Path | str | None = None) -> pd.DataFrame:
    """Load dataset ``name``, validated; raise DataValidationError if it is not.

    The table and the tables its foreign keys reach are read from ``data_dir`` (the book's
    ``data/`` by default; a test may point it at a modified copy). The schema is always the
    book's own, from ``data/datapackage.json``: a copy cannot loosen its rules.
    """
    folder = DATA_DIR if data_dir is None else pathlib.Path(data_dir)
    descriptor = resource(name)
    return load_csv(folder / descriptor["path"], descriptor, package_dir=folder)


def load_csv(path: pathlib.Path, descriptor: dict, package_dir: pathlib.Path | None = None
             ) -> pd.DataFrame:
    """Validate ``path`` against a resource descriptor and return its typed values.

    The frame is built from the cells frictionless parsed while validating, so what was
    checked is what is returned: no second parser reads the text. ``package_dir`` holds the
    other resources that foreign keys refer to (``data/`` for the book's own files); pass
    ``None`` to check a lone file whose schema has none.
    """
    path = pathlib.Path(path)
    problems, frame = _validate(path, descriptor, package_dir)
    if problems:
        raise DataValidationError(path, problems)
    return frame


def validate_csv(path: pathlib.Path, descriptor: dict, package_dir: pathlib.Path | None
                 ) -> list[str]:
    """Every problem with ``path`` as ``"file, row N, column 'c': what"``; empty if none."""
    return _validate(pathlib.Path(path), descriptor, package_dir)[0]


def import_jsonschema_without_iri_grammars() -> None:
    """Import jsonschema (frictionless validates descriptors with it) without the optional
    ``rfc3987_syntax``, which JupyterLab's dependencies install and which compiles 38 lark
    grammars when imported: 1.5-2 s of every chapter's run, for the "iri" formats that no
    schema of the book uses. Called before the first validation and the first glue (myst-nb's
    glue imports nbformat, which imports jsonschema), whichever a chapter runs first. jsonschema then simply has no checker for those two formats;
    ``rfc3987_syntax`` itself stays importable afterwards."""
    import sys

    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # an import of it now raises ImportError
    try:
        import jsonschema  # noqa: F401
    finally:
        del sys.modules["rfc3987_syntax"]


def _validate(path: pathlib.Path, descriptor: dict, package_dir: pathlib.Path | None
              ) -> tuple[list[str], pd.DataFrame | None]:
    """The problems with ``path`` and, when there are none, the frame of its typed values."""
    import_jsonschema_without_iri_grammars()
    import frictionless  # imported here: it is slow to import and only needed to validate

    shown = display_path(path)
    if not path.exists():
        return [f"{shown}: file not found"], None
    schema = descriptor.get("schema", {})
    field_names = [f["name"] for f in schema.get("fields", [])]
    if SOURCE_FIELD not in field_names:
        return [f"{shown}: the schema has no '{SOURCE_FIELD}' column; every row must carry its source"], None

    text_problems = _text_problems(path, shown, field_names)
    if text_problems:
        return text_problems, None  # rows cannot be read against a schema whose columns they lack

    # "trusted": the descriptors are the book's own, and a test's modified copy of a table
    # lives outside data/, which frictionless would otherwise refuse as an unsafe path.
    # The encoding and dialect are fixed, not sniffed: the text checks above read the file
    # the same way.
    fixed = {"encoding": "utf-8", "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True}}
    rows = _Rows(shown, schema)
    with frictionless.system.use_context(trusted=True):
        if package_dir is not None and schema.get("foreignKeys"):
            package = frictionless.Package(_descriptor_with(dict(descriptor, **fixed), path, package_dir))
            res = package.get_resource(descriptor["name"])
        else:
            res = frictionless.Resource(dict(descriptor, **fixed, path=str(path.resolve())))
        report = res.validate(on_row=rows.add)

    # A cell the lexical rules refuse ("NaN", "INF") is reported once, as not a valid number,
    # not also for the constraint its parsed value then breaks.
    problems = [_describe(shown, err, schema) for task in report.tasks for err in task.errors
                if (getattr(err, "row_number", None), getattr(err, "field_name", None)) not in rows.refused]
    problems += [_describe_package_error(shown, err) for err in report.errors]
    problems += rows.problems
    if problems:
        return problems, None
    frame = rows.frame()
    problems = _check_sources(frame, rows, shown) + _check_order(frame, rows, shown, schema)
    return problems, (None if problems else frame)


# ---- the text, before any parser: encoding, byte-order mark, conflict markers, blank
# lines, the header, rows present, and mojibake

_BOMS = {codecs.BOM_UTF8: "UTF-8", codecs.BOM_UTF16_LE: "UTF-16", codecs.BOM_UTF16_BE: "UTF-16"}
_CONFLICT = re.compile(r"(<{7}|={7}|>{7}|\|{7})(?: |$)")
# UTF-8 text decoded as Latin-1 or Windows-1252: a lead byte of a two-byte UTF-8 sequence
# (shown as Ã, Â, Ð, Ñ, Å) followed by a continuation byte (U+0080-U+00BF, or the
# Windows-1252 characters for bytes 0x80-0x9F), or the three-byte lead of U+2000-U+20FF
# (punctuation: quotes, dashes) shown as "â€" or "â" with a C1 control.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
MOJIBAKE = re.compile(f"[ÃÂÐÑÅ][\u0080-\u00bf{_CP1252_HIGH}]|â€|â[\u0080-\u009f]")


def _text_problems(path: pathlib.Path, shown: str, expected: list[str]) -> list[str]:
    """What is wrong with the file as text, before frictionless types a cell of it."""
    raw = path.read_bytes()
    for bom, encoding in _BOMS.items():
        if raw.startswith(bom):
            return [f"{shown}, row 1 (header): the file starts with a {encoding} byte-order mark "
                    "(BOM, U+FEFF); save it as UTF-8 without a byte-order mark"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return [_not_utf8(raw, err, shown, expected)]

    records = list(csv.reader(io.StringIO(text, newline="")))
    problems = [f"{shown}, row {number}: a git merge-conflict marker {record[0][:7]!r}; resolve "
                "the conflict and keep one version of the rows"
                for number, record in enumerate(records, start=1)
                if len(record) == 1 and _CONFLICT.match(record[0])]
    if problems:
        return problems
    problems = [f"{shown}, row {number}: blank row" + (" at the end of the file; end the file with "
                "a single newline" if number == len(records) else "")
                for number, record in enumerate(records, start=1) if not record]
    if problems:
        return problems

    found = records[0] if records else []
    problems = [f"{shown}, row 1 (header), column '{c}': missing; the schema expects it"
                for c in expected if c not in found]
    problems += [f"{shown}, row 1 (header), column '{c}': not in the schema"
                 for c in found if c not in expected]
    if not problems and found != expected:
        problems.append(f"{shown}, row 1 (header): columns in the order {found}, "
                        f"but the schema has {expected}")
    if problems:
        return problems
    if len(records) < 2:
        return [f"{shown}, row 2: no rows, only the header; a table of the book is never empty "
                "(a header alone is what a failed curation or a truncated edit leaves)"]
    if MOJIBAKE.search(text):
        problems = [f"{shown}, row {number}, column '{expected[i]}': {cell!r} looks like mojibake "
                    f"(UTF-8 text decoded as Latin-1 or Windows-1252: {MOJIBAKE.search(cell).group()!r})"
                    f"{_repair_hint(cell)}; repair the text where it was curated"
                    for number, record in enumerate(records[1:], start=2)
                    for i, cell in enumerate(record[:len(expected)]) if MOJIBAKE.search(cell)]
    return problems


def _not_utf8(raw: bytes, err: UnicodeDecodeError, shown: str, expected: list[str]) -> str:
    """Where the first byte that is not UTF-8 sits, as row and column."""
    line_start = raw.rfind(b"\n", 0, err.start) + 1
    row = raw.count(b"\n", 0, err.start) + 1
    before = raw[line_start:err.start].decode("utf-8", errors="replace")
    index = len(next(csv.reader([before]), [""])) - 1 if before else 0
    column = f", column '{expected[index]}'" if row > 1 and index < len(expected) else ""
    return (f"{shown}, row {row}{column}: byte 0x{raw[err.start]:02X} is not UTF-8 (the file is in "
            "another encoding, perhaps Latin-1 or Windows-1252); save it as UTF-8")


def _repair_hint(cell: str) -> str:
    for encoding in ("cp1252", "latin-1"):
        try:
            repaired = cell.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        return f", perhaps {repaired!r}"
    return ""


# ---- the rows as frictionless typed them, with the book's stricter lexical rules

# What the book writes for each type. frictionless is laxer: Python's int() and Decimal()
# accept "1_000", "INF", "NaN" and " 12", and strptime accepts "2001-6-15".
_LEXICAL = {
    "integer": (re.compile(r"-?[0-9]+"), "a whole number written with digits only, e.g. -12"),
    "year": (re.compile(r"-?[0-9]{4}"), "a four-digit year"),
    "number": (re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"),
               "a finite number written with digits, e.g. -1234.5 or 1.2e-3"),
    "date": (re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), "an existing day written YYYY-MM-DD"),
}


class _Rows:
    """Collects each row frictionless validates: its typed cells for the frame, its raw
    text for messages, and breaches of the lexical rules in ``_LEXICAL``."""

    def __init__(self, shown: str, schema: dict):
        self.shown = shown
        self.fields = schema.get("fields", [])
        self.names = [f["name"] for f in self.fields]
        self.lexical = [(i, f["name"], f["type"], *_LEXICAL[f["type"]])
                        for i, f in enumerate(self.fields) if f.get("type") in _LEXICAL]
        self.numbers, self.typed, self.raw, self.problems = [], [], [], []
        self.refused: set[tuple[int, str]] = set()

    def add(self, row) -> None:
        cells = row.cells
        for index, name, kind, pattern, what in self.lexical:
            text = cells[index] if index < len(cells) else None
            if not text or pattern.fullmatch(text) or name in row.error_cells:
                continue  # missing, well formed, or already refused by frictionless's own type
            self.refused.add((row.row_number, name))
            self.problems.append(f"{self.shown}, row {row.row_number}, column '{name}': "
                                 f"{text!r} is not a valid {kind} (expected {what})")
        self.numbers.append(row.row_number)
        self.typed.append(list(map(row.__getitem__, self.names)))
        self.raw.append(cells)

    def frame(self) -> pd.DataFrame:
        columns = list(zip(*self.typed)) if self.typed else [()] * len(self.names)
        return pd.DataFrame({f["name"]: _column(f, values) for f, values in zip(self.fields, columns)})

    def raw_column(self, name: str) -> list[str]:
        index = self.names.index(name)
        return [cells[index] if index < len(cells) else "" for cells in self.raw]


def _column(field: dict, values: tuple) -> pd.Series:
    """One column of typed cells (None where missing) as the pandas type of its schema type."""
    kind = field.get("type", "string")
    missing = any(v is None for v in values)
    if kind in {"integer", "year"}:
        return pd.Series(values, dtype="Int64" if missing else "int64")
    if kind == "number":
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
    if kind == "boolean":
        return pd.Series(values, dtype="boolean" if missing else bool)
    if kind == "date":
        return pd.to_datetime(pd.Series([None if v is None else v.isoformat() for v in values],
                                        dtype=object), format="%Y-%m-%d")
    return pd.Series(values, dtype=object).astype("str")


def _descriptor_with(descriptor: dict, path: pathlib.Path, package_dir: pathlib.Path) -> dict:
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
    resources = [dict(resource(name), path=str((package_dir / resource(name)["path"]).resolve()))
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


def _check_sources(frame: pd.DataFrame, rows: _Rows, shown: str) -> list[str]:
    """Every ``source`` value is a key of references.bib or a web address."""
    keys = bibliography_keys()
    problems = []
    for number, value in zip(rows.numbers, frame[SOURCE_FIELD]):
        for part in (p.strip() for p in value.split(";")):
            if not (part in keys or part.startswith(("https://", "http://"))):
                problems.append(f"{shown}, row {number}, column '{SOURCE_FIELD}': {part!r} "
                                "is neither a key of references.bib nor a web address")
    return problems


def _check_order(frame: pd.DataFrame, rows: _Rows, shown: str, schema: dict) -> list[str]:
    """The schema's ``x-not-before`` pairs: a later column never precedes an earlier one.

    The typed values are compared (dates as dates, numbers as numbers); the message quotes
    the cells as written.
    """
    problems = []
    for later, earlier in schema.get("x-not-before", {}).items():
        pairs = zip(rows.numbers, frame[later], frame[earlier], rows.raw_column(later),
                    rows.raw_column(earlier))
        for number, a, b, a_text, b_text in pairs:
            if pd.isna(a) or pd.isna(b):
                continue
            if a < b:
                problems.append(f"{shown}, row {number}, column '{later}': {a_text!r} is before "
                                f"{earlier} {b_text!r}")
    return problems
