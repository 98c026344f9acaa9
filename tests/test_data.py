"""Every table in data/ is described, sourced and valid; bad input is refused, clearly."""

import json
import pathlib
import shutil

import frictionless
import pandas as pd
import pytest

from book_facts import broken_copy, refusal
from sinorus import data

RESOURCES = data.resource_names()


def test_datapackage_validates_as_a_whole():
    """Frictionless itself checks the descriptor, every table and every foreign key."""
    with frictionless.system.use_context(trusted=True):
        report = frictionless.validate(str(data.DATAPACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_csv_is_described_and_every_resource_exists():
    described = {r["path"] for r in data.datapackage()["resources"]}
    on_disk = {p.name for p in data.DATA_DIR.glob("*.csv")}
    assert on_disk == described, f"undescribed: {on_disk - described}; missing: {described - on_disk}"


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_is_fully_described(name):
    r = data.resource(name)
    assert r.get("title") and r.get("description"), f"{name}: give it a title and description"
    assert r.get("sources"), f"{name}: list its sources"
    schema = r["schema"]
    assert schema.get("primaryKey"), f"{name}: needs a primary key"
    fields = {f["name"]: f for f in schema["fields"]}
    assert fields.get("source", {}).get("constraints", {}).get("required"), \
        f"{name}: needs a required 'source' column"
    undocumented = [f for f, d in fields.items() if not d.get("description")]
    assert not undocumented, f"{name}: describe fields {undocumented}"


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_loads_with_its_schema_types(name):
    frame = data.load(name)
    assert len(frame) > 0
    for field in data.resource(name)["schema"]["fields"]:
        column = frame[field["name"]]
        if field["type"] == "integer":
            assert pd.api.types.is_integer_dtype(column), field["name"]
        elif field["type"] == "number":
            assert pd.api.types.is_float_dtype(column), field["name"]
        elif field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(column), field["name"]


def test_unknown_dataset_is_named():
    with pytest.raises(KeyError, match="no dataset named 'nope'"):
        data.load("nope")


# ---- bad input: each kind of problem gets its own clear message, and nothing is loaded

TOY = {
    "name": "toy_events",
    "path": "toy_events.csv",
    "profile": "tabular-data-resource",
    "schema": {
        "fields": [
            {"name": "id", "type": "string", "constraints": {"required": True}},
            {"name": "date", "type": "date"},
            {"name": "cow_code", "type": "integer"},
            {"name": "score", "type": "integer", "constraints": {"minimum": -10, "maximum": 10}},
            {"name": "source", "type": "string", "constraints": {"required": True}},
        ],
        "primaryKey": ["id"],
        "foreignKeys": [{"fields": ["cow_code"],
                         "reference": {"resource": "countries", "fields": ["cow_code"]}}],
    },
}
GOOD_ROWS = ["id,date,cow_code,score,source",
             "E1,2001-07-16,365,7,machaffie2011",
             "E2,2001-07-16,710,7,https://example.org/treaty"]


def _load(tmp_path, rows, descriptor=TOY):
    path = tmp_path / descriptor["path"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return data.load_csv(path, descriptor, package_dir=data.DATA_DIR)


def test_good_rows_load(tmp_path):
    frame = _load(tmp_path, GOOD_ROWS)
    assert list(frame["id"]) == ["E1", "E2"]
    assert frame["date"].dt.year.tolist() == [2001, 2001]


@pytest.mark.parametrize("rows, expected", [
    pytest.param([GOOD_ROWS[0].replace(",source", ""), "E1,2001-07-16,365,7"],
                 "toy_events.csv, row 1 (header), column 'source': missing", id="missing column"),
    pytest.param([GOOD_ROWS[0], "E1,2001-07-16,365,seven,machaffie2011"],
                 "toy_events.csv, row 2, column 'score': 'seven' is not a valid integer", id="wrong type"),
    pytest.param([GOOD_ROWS[0], "E1,2021-02-30,365,7,machaffie2011"],
                 "toy_events.csv, row 2, column 'date': '2021-02-30' is not a valid date", id="impossible date"),
    pytest.param([GOOD_ROWS[0], "E1,2001-07-16,365,11,machaffie2011"],
                 "toy_events.csv, row 2, column 'score': '11' breaks the constraint maximum = 10",
                 id="out of range"),
    pytest.param([*GOOD_ROWS, "E1,2002-01-01,365,1,machaffie2011"],
                 "toy_events.csv, row 4, column 'id': duplicate primary key E1 (first seen in row 2)",
                 id="duplicate key"),
    pytest.param([GOOD_ROWS[0], "E1,2001-07-16,365,7,"],
                 "toy_events.csv, row 2, column 'source': empty, but every row must carry its source",
                 id="empty source"),
    pytest.param([GOOD_ROWS[0], "E1,2001-07-16,365,7,nobody1999"],
                 "toy_events.csv, row 2, column 'source': 'nobody1999' is neither a key of references.bib",
                 id="unknown source"),
    pytest.param([GOOD_ROWS[0], "E1,2001-07-16,9999,7,machaffie2011"],
                 "toy_events.csv, row 2, column 'cow_code': '9999' is not a known cow_code in countries",
                 id="unknown country code"),
])
def test_bad_input_is_refused_with_file_row_and_column(tmp_path, rows, expected):
    with pytest.raises(data.DataValidationError) as refused:
        _load(tmp_path, rows)
    assert expected in str(refused.value)


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    rows = [GOOD_ROWS[0], "E1,2021-02-30,365,7,machaffie2011", "E2,2001-07-16,365,99,"]
    with pytest.raises(data.DataValidationError) as refused:
        _load(tmp_path, rows)
    assert len(refused.value.problems) == 3


def test_book_table_with_a_broken_row_is_refused(tmp_path):
    """The same holds for the book's own tables: here great_powers with an impossible year."""
    descriptor = data.resource("great_powers")
    copy = tmp_path / "great_powers.csv"
    shutil.copy(data.DATA_DIR / "great_powers.csv", copy)
    copy.write_text(copy.read_text().replace("2,1898,", "2,1798,"), encoding="utf-8")
    with pytest.raises(data.DataValidationError, match=r"row 2, column 'first_year': '1798' breaks the constraint minimum = 1816"):
        data.load_csv(copy, descriptor, package_dir=data.DATA_DIR)


def test_schema_without_source_column_is_refused(tmp_path):
    descriptor = json.loads(json.dumps(TOY))
    descriptor["schema"]["fields"] = descriptor["schema"]["fields"][:-1]
    with pytest.raises(data.DataValidationError, match="every row must carry its source"):
        _load(tmp_path, [r.rsplit(",", 1)[0] for r in GOOD_ROWS], descriptor)


def test_messages_show_book_relative_paths():
    assert data.display_path(data.DATA_DIR / "countries.csv") == "data/countries.csv"


def test_end_before_start_is_refused(tmp_path):
    descriptor = {"name": "spells", "path": "spells.csv", "profile": "tabular-data-resource",
                  "schema": {"fields": [{"name": "start_date", "type": "date"},
                                        {"name": "end_date", "type": "date"},
                                        {"name": "source", "type": "string", "constraints": {"required": True}}],
                             "primaryKey": ["start_date"],
                             "x-not-before": {"end_date": "start_date"}}}
    rows = ["start_date,end_date,source", "2001-07-16,2001-07-15,machaffie2011", "2001-08-01,,machaffie2011"]
    with pytest.raises(data.DataValidationError) as refused:
        _load(tmp_path, rows, descriptor)
    assert refused.value.problems == [
        "spells.csv, row 2, column 'end_date': '2001-07-15' is before start_date '2001-07-16'"]


def test_numeric_order_is_compared_as_numbers(tmp_path):
    """'-2.5' is not before '-3.8' as numbers, though it is as text."""
    descriptor = {"name": "bands", "path": "bands.csv", "profile": "tabular-data-resource",
                  "schema": {"fields": [{"name": "low", "type": "number"}, {"name": "high", "type": "number"},
                                        {"name": "source", "type": "string", "constraints": {"required": True}}],
                             "primaryKey": ["low"], "x-not-before": {"high": "low"}}}
    assert len(_load(tmp_path, ["low,high,source", "-3.8,-2.5,machaffie2011"], descriptor)) == 1
    with pytest.raises(data.DataValidationError, match=r"row 2, column 'high': '-4' is before low '-3.8'"):
        _load(tmp_path, ["low,high,source", "-3.8,-4,machaffie2011"], descriptor)


# ---- one parser: the frame holds the values frictionless validated, and text that the
# validator and a reader could read differently is refused before it is typed

def _refused(tmp_path, name, edit):
    """The problems with which load(name, data_dir=...) refuses a copy of data/ whose table
    ``name`` has passed through ``edit``."""
    path = broken_copy(tmp_path, name, edit, package=True)
    with pytest.raises(data.DataValidationError) as refused:
        data.load(name, data_dir=path.parent)
    assert refused.value.problems and str(refused.value) == refusal(path, name)
    return refused.value.problems


def _replace_line(number, old, new):
    def edit(text):
        lines = text.split("\n")
        assert old in lines[number - 1], (number, lines[number - 1])
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return "\n".join(lines)
    return edit


def test_latin1_or_windows1252_file_is_refused_naming_row_and_column(tmp_path):
    problems = _refused(tmp_path, "countries", lambda text: text.encode("cp1252"))
    assert problems == ["countries.csv, row 56, column 'name': byte 0xFC is not UTF-8 (the file is "
                        "in another encoding, perhaps Latin-1 or Windows-1252); save it as UTF-8"]


@pytest.mark.parametrize("text", ["1_000", "INF", "inf", "-inf", "NaN", "nan", "Infinity", " 276.5", "1e",
                                  "0x1F", "+-1"])
def test_numbers_other_than_plain_finite_decimals_are_refused(tmp_path, text):
    """sipri_milex 'value' is a number with constraints; Decimal() would take most of these."""
    problems = _refused(tmp_path, "sipri_milex", _replace_line(2, ",276.5813,", f",{text},"))
    assert len(problems) == 1
    assert problems[0].startswith(f"sipri_milex.csv, row 2, column 'value': {text!r} is not a valid number"), problems


@pytest.mark.parametrize("text", ["NaN", "INF", "-inf", "1_000"])
def test_required_number_not_finite_is_refused(tmp_path, text):
    descriptor = json.loads(json.dumps(TOY))
    descriptor["schema"]["fields"].insert(4, {"name": "weight", "type": "number", "constraints": {"required": True}})
    rows = ["id,date,cow_code,score,weight,source", f"E1,2001-07-16,365,7,{text},machaffie2011"]
    with pytest.raises(data.DataValidationError) as refused:
        _load(tmp_path, rows, descriptor)
    assert refused.value.problems == [
        f"toy_events.csv, row 2, column 'weight': {text!r} is not a valid number "
        "(expected a finite number written with digits, e.g. -1234.5 or 1.2e-3)"]


@pytest.mark.parametrize("text", ["1_000", "+7", " 7", "7.0"])
def test_integers_are_digits_only(tmp_path, text):
    rows = [GOOD_ROWS[0], f"E1,2001-07-16,365,{text},machaffie2011"]
    with pytest.raises(data.DataValidationError, match=r"row 2, column 'score': .* is not a valid integer"):
        _load(tmp_path, rows)


@pytest.mark.parametrize("text", ["2001-6-15", "2001-06-5", "20010615", "2001-06-15T00:00"])
def test_dates_must_be_padded_iso_days(tmp_path, text):
    rows = [GOOD_ROWS[0], f"E1,{text},365,7,machaffie2011"]
    with pytest.raises(data.DataValidationError) as refused:
        _load(tmp_path, rows)
    assert refused.value.problems == [
        f"toy_events.csv, row 2, column 'date': {text!r} is not a valid date "
        "(expected an existing day written YYYY-MM-DD)"]


SPELLS = {"name": "spells", "path": "spells.csv", "profile": "tabular-data-resource",
          "schema": {"fields": [{"name": "start_date", "type": "date"}, {"name": "end_date", "type": "date"},
                                {"name": "source", "type": "string", "constraints": {"required": True}}],
                     "primaryKey": ["start_date"], "x-not-before": {"end_date": "start_date"}}}


def test_unpadded_dates_are_refused_as_dates_not_misordered(tmp_path):
    """As text '2003-11-6' < '2003-8-6'; the dates are refused for their form, not their order."""
    with pytest.raises(data.DataValidationError) as refused:
        _load(tmp_path, ["start_date,end_date,source", "2003-8-6,2003-11-6,machaffie2011"], SPELLS)
    assert [p.split(":")[0] for p in refused.value.problems] == [
        "spells.csv, row 2, column 'start_date'", "spells.csv, row 2, column 'end_date'"]
    assert not any("before" in p for p in refused.value.problems)


def test_order_is_compared_on_the_typed_dates(tmp_path):
    frame = _load(tmp_path, ["start_date,end_date,source", "2003-08-06,2003-11-06,machaffie2011"], SPELLS)
    assert frame["end_date"].iloc[0] > frame["start_date"].iloc[0]
    with pytest.raises(data.DataValidationError, match="'2003-08-05' is before start_date '2003-08-06'"):
        _load(tmp_path, ["start_date,end_date,source", "2003-08-06,2003-08-05,machaffie2011"], SPELLS)


def test_header_only_table_is_refused(tmp_path):
    """Every table of the book feeds a chapter: a header alone is a lost table, not an empty one."""
    problems = _refused(tmp_path, "great_powers", lambda text: text.split("\n", 1)[0] + "\n")
    assert problems == ["great_powers.csv, row 2: no rows, only the header; a table of the book is "
                        "never empty (a header alone is what a failed curation or a truncated edit leaves)"]


def test_byte_order_mark_is_named(tmp_path):
    problems = _refused(tmp_path, "countries", lambda text: "\ufeff" + text)
    assert problems == ["countries.csv, row 1 (header): the file starts with a UTF-8 byte-order mark "
                        "(BOM, U+FEFF); save it as UTF-8 without a byte-order mark"]


def test_trailing_blank_line_is_one_clear_problem(tmp_path):
    problems = _refused(tmp_path, "great_powers", lambda text: text + "\n")
    assert len(problems) == 1 and "blank row at the end of the file" in problems[0], problems
    assert "duplicate" not in problems[0]


def test_blank_line_inside_is_refused(tmp_path):
    problems = _refused(tmp_path, "great_powers", _replace_line(3, "", "\n"))
    assert problems == ["great_powers.csv, row 3: blank row"]


def test_git_conflict_markers_are_named(tmp_path):
    def conflict(text):
        lines = text.split("\n")
        lines[2:3] = ["<<<<<<< HEAD", lines[2], "=======", lines[2].replace(",", ",x", 1), ">>>>>>> other"]
        return "\n".join(lines)
    problems = _refused(tmp_path, "great_powers", conflict)
    assert [p.split(": ", 1)[1][:40] for p in problems] == ["a git merge-conflict marker '<<<<<<<'; r",
                                                             "a git merge-conflict marker '======='; r",
                                                             "a git merge-conflict marker '>>>>>>>'; r"]
    assert problems[0].startswith("great_powers.csv, row 3: ")


@pytest.mark.parametrize("garbled", ["SÃ£o TomÃ©", "CÃ´te dâ€™Ivoire", "CÃ´te dâ\u0080\u0099Ivoire", "caf\u00c3\u00a9",
                                     "People?Ãƒâ€\u00a0s"])
def test_mojibake_is_refused(tmp_path, garbled):
    problems = _refused(tmp_path, "countries", _replace_line(3, ",Canada,", f",{garbled},"))
    assert len(problems) == 1
    assert problems[0].startswith(f"countries.csv, row 3, column 'name': {garbled!r} looks like mojibake")


@pytest.mark.parametrize("text", ["São Tomé & Príncipe", "Côte d’Ivoire", "Türkiye", "Württemberg", "Ñuñoa",
                                  "Đorđe", "Åland", "Â la carte", "Ã"])
def test_real_accented_text_is_not_mojibake(text):
    assert not data.MOJIBAKE.search(text)


def test_no_csv_in_data_has_mojibake():
    for path in sorted(data.DATA_DIR.glob("*.csv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            assert not data.MOJIBAKE.search(line), f"{path.name}, line {number}: {line}"


def test_crlf_line_endings_load_the_same(tmp_path):
    path = broken_copy(tmp_path, "great_powers", lambda text: text.replace("\n", "\r\n"), package=True)
    pd.testing.assert_frame_equal(data.load("great_powers", data_dir=path.parent), data.load("great_powers"))


def test_numbers_are_the_values_python_reads_from_the_text():
    """The loader's floats are the correctly rounded values of the text, read here by float()."""
    import csv
    with open(data.DATA_DIR / "sipri_milex.csv", encoding="utf-8", newline="") as handle:
        expected = [float(row["value"]) for row in csv.DictReader(handle)]
    assert data.load("sipri_milex")["value"].tolist() == expected


def test_missing_booleans_stay_missing():
    """An empty important_vote is unknown, not False (the old re-parse turned it into False)."""
    flags = data.load("unga_roll_calls")["important_vote"]
    with open(data.DATA_DIR / "unga_roll_calls.csv", encoding="utf-8") as handle:
        empty = sum(1 for line in handle if line.split(",")[4] == "")
    assert empty > 0 and int(flags.isna().sum()) == empty


def test_data_dir_reaches_foreign_key_targets(tmp_path):
    """load(name, data_dir=...) reads the table and the tables its keys reach from the copy."""
    path = broken_copy(tmp_path, "countries", lambda text: "\n".join(
        line for line in text.split("\n") if not line.startswith("365,")), package=True)
    with pytest.raises(data.DataValidationError, match=r"column 'cow_code': '365' is not a known cow_code in countries"):
        data.load("great_powers", data_dir=path.parent)
    assert len(data.load("great_powers")) > 0


def test_broken_copy_is_never_half_loaded(tmp_path):
    """A refused copy raises; nothing is returned, whatever the problem."""
    for number, edit in enumerate([lambda text: text + "\n", lambda text: "\ufeff" + text,
                                   lambda text: text.replace(",2016,", ",2016.0,", 1)]):
        path = broken_copy(tmp_path / str(number), "great_powers", edit, package=True)
        with pytest.raises(data.DataValidationError):
            data.load("great_powers", data_dir=path.parent)


def test_loading_does_not_compile_the_iri_grammars():
    """Loading a table imports jsonschema without rfc3987_syntax (2 s of lark grammars per
    chapter run, sinorus.data.import_jsonschema_without_iri_grammars); the package stays
    importable afterwards."""
    import subprocess
    import sys

    for first in ("from sinorus import data; data.load('countries')",
                  "from sinorus import fmt; fmt.glue('x', 1)"):  # whichever a chapter runs first
        code = (f"import sys; {first}; "
                "assert 'jsonschema' in sys.modules, 'jsonschema was not imported'; "
                "assert 'lark' not in sys.modules, 'lark grammars were compiled'; "
                "import rfc3987_syntax; print('ok')")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=pathlib.Path(__file__).resolve().parent.parent)
        assert done.stdout.strip().endswith("ok"), (first, done.stderr)
