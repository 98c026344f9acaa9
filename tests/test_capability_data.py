"""The capability chapters' tables: bad input is refused, naming file, row and column.

Each test copies one of the tables the capability chapters (05-06) curated into a
temporary folder, breaks one cell, and checks that loading stops with a message that
names the file, the row and the column. Also: the claims table's own rules, which a
schema cannot express.
"""

import csv
import io

import pytest

from sinorus import data

CAPABILITY_TABLES = ["wdi_armed_forces", "wdi_armed_forces_world", "wmeat2012", "wmeat2012_world",
                     "nuclear_warheads", "atop_dyad_years", "sipri_milex_as_published",
                     "machaffie_capability_claims"]


def _rows(name):
    text = (data.DATA_DIR / data.resource(name)["path"]).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def _load_broken(tmp_path, name, row, column, value):
    """Load a copy of table `name` with one cell (data row `row`, 1-based) set to `value`."""
    rows = _rows(name)
    rows[row][rows[0].index(column)] = value
    path = tmp_path / data.resource(name)["path"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return data.load_csv(path, data.resource(name), package_dir=data.DATA_DIR)


@pytest.mark.parametrize("name", CAPABILITY_TABLES)
def test_table_loads_and_every_row_has_a_source(name):
    frame = data.load(name)
    assert len(frame) > 0 and frame["source"].str.len().gt(0).all()


@pytest.mark.parametrize("name, row, column, value, expected", [
    pytest.param("wdi_armed_forces", 3, "personnel", "-5000",
                 "wdi_armed_forces.csv, row 4, column 'personnel': '-5000' breaks the constraint minimum = 0",
                 id="negative personnel"),
    pytest.param("wmeat2012", 1, "value", "-1",
                 "wmeat2012.csv, row 2, column 'value': '-1' breaks the constraint minimum = 0",
                 id="negative WMEAT value"),
    pytest.param("machaffie_capability_claims", 1, "paper_share", "1.79",
                 "machaffie_capability_claims.csv, row 2, column 'paper_share': '1.79' breaks the constraint maximum = 1",
                 id="share above 100%"),
    pytest.param("sipri_milex_as_published", 2, "share_of_world", "42",
                 "sipri_milex_as_published.csv, row 3, column 'share_of_world': '42' breaks the constraint maximum = 1",
                 id="published share typed as a percentage"),
    pytest.param("nuclear_warheads", 5, "iso3", "SUN",
                 "nuclear_warheads.csv, row 6, column 'iso3': 'SUN' is not a known iso3 in countries",
                 id="unknown country code"),
    pytest.param("wdi_armed_forces", 2, "iso3", "XKX",
                 "wdi_armed_forces.csv, row 3, column 'iso3': 'XKX' is not a known iso3 in countries",
                 id="unknown country code in personnel"),
    pytest.param("atop_dyad_years", 1, "cow_code_2", "999",
                 "atop_dyad_years.csv, row 2, column 'cow_code_2': '999' is not a known cow_code in countries",
                 id="unknown COW code"),
    pytest.param("machaffie_capability_claims", 1, "organisation", "WARSAW",
                 "machaffie_capability_claims.csv, row 2, column 'organisation': 'WARSAW' is not a known organisation",
                 id="unknown organisation"),
    pytest.param("wmeat2012", 4, "source", "",
                 "wmeat2012.csv, row 5, column 'source': empty, but every row must carry its source",
                 id="missing source"),
    pytest.param("nuclear_warheads", 1, "source", "somebody2020",
                 "nuclear_warheads.csv, row 2, column 'source': 'somebody2020' is neither a key of references.bib",
                 id="unknown source"),
    pytest.param("wmeat2012_world", 1, "measure", "milex_in_roubles",
                 "wmeat2012_world.csv, row 2, column 'measure': 'milex_in_roubles' breaks the constraint enum",
                 id="unknown measure"),
    pytest.param("machaffie_capability_claims", 2, "claim_id", "fig1_chn_share",
                 "machaffie_capability_claims.csv, row 3, column 'claim_id': duplicate primary key fig1_chn_share",
                 id="duplicate claim"),
    pytest.param("wdi_armed_forces_world", 1, "year", "2019",
                 "wdi_armed_forces_world.csv, row 2, column 'year': '2019' breaks the constraint maximum = 2018",
                 id="year out of range"),
    pytest.param("nuclear_warheads", 1, "value", "12.5",
                 "nuclear_warheads.csv, row 2, column 'value': '12.5' is not a valid integer",
                 id="fractional warhead"),
])
def test_bad_input_stops_loading(tmp_path, name, row, column, value, expected):
    with pytest.raises(data.DataValidationError) as refused:
        _load_broken(tmp_path, name, row, column, value)
    assert expected in str(refused.value)


# ---- rules of the claims table that its schema cannot say

@pytest.fixture(scope="module")
def claims():
    return data.load("machaffie_capability_claims")


def test_each_claim_has_exactly_the_value_its_unit_needs(claims):
    is_share = claims["unit"] == "share"
    assert (claims["paper_share"].notna() == is_share).all()
    assert (claims["paper_amount"].notna() == ~is_share).all()


def test_claims_the_data_cannot_measure_say_so(claims):
    unmeasurable = claims["book_basis"].str.startswith("none")
    assert claims.loc[unmeasurable, "likely_reason"].str.startswith("not checkable").all()


def test_claims_cover_every_capability_number_in_the_text(claims):
    """The numbers of MacHaffie's capability passages, as the chapter's plan lists them."""
    expected = {0.79, 0.15, 430, 46, 1605, 1000, 0.60, 0.12, 16000, 700, 20, 712, 0.465, 101,
                0.058, 53.5, 0.040, 0.74, 688.82, 1600, 2, 5}
    stated = set(claims["paper_share"].dropna().round(3)) | set(claims["paper_amount"].dropna())
    assert expected <= stated


def test_published_rows_have_a_value_and_countries_have_a_code():
    published = data.load("sipri_milex_as_published")
    assert (published["value_usd_bn"].notna() | published["share_of_world"].notna()).all()
    assert (published["iso3"].notna() == (published["scope"] == "country")).all()


def test_atop_obligations_name_two_different_states():
    atop = data.load("atop_dyad_years")
    assert (atop["cow_code_1"] != atop["cow_code_2"]).all()
