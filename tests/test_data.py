"""Every table in data/ is described, sourced and valid; bad input is refused, clearly."""

import json
import shutil

import frictionless
import pandas as pd
import pytest

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
