"""data/events.csv and its long tables: valid, consistent, referred to correctly, and
malformed events refused with a message naming file, row and column."""

import csv
import re

import pandas as pd
import pytest

from book_facts import CHAPTERS, refusal
from sinorus import data

EVENT_TABLES = ["event_scale", "disagreement_codes", "events", "event_actors", "event_organisations",
                "event_dyads", "event_mentions", "history_claims"]
HISTORY_CHAPTERS = sorted(CHAPTERS.glob("0[234]-*.md"))
EVENT_ID = re.compile(r"\bev-\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.fixture(scope="module")
def tables():
    return {name: data.load(name) for name in EVENT_TABLES}


def test_every_event_table_passes_its_schema(tables):
    assert all(len(frame) for frame in tables.values())


def test_enough_events_from_nerchinsk_to_today(tables):
    events = tables["events"]
    assert len(events) >= 120
    assert events["start_date"].min().year == 1689 and events["start_date"].max().year == 2024


def test_the_events_after_the_papers_are_there(tables):
    ids = set(tables["events"]["event_id"])
    for wanted in ["ev-2014-crimea-annexed", "ev-2014-power-of-siberia-contract", "ev-2017-sco-enlargement",
                   "ev-2022-no-limits-statement", "ev-2022-invasion-of-ukraine", "ev-2023-iran-joins-sco",
                   "ev-2024-belarus-joins-sco",
                   # the record carried to 2024, frictions included (issue 11)
                   "ev-2002-csto-charter", "ev-2009-kyrgyz-base-memorandum", "ev-2010-osh-no-csto-intervention",
                   "ev-2022-csto-kazakhstan", "ev-2003-angarsk-daqing-shelved", "ev-2008-j11b-dispute",
                   "ev-2006-arms-deliveries-fall", "ev-2007-market-trader-ban", "ev-2009-cherkizovsky-closed",
                   "ev-2024-bank-payment-curbs", "ev-2014-crimea-abstention", "ev-2022-ukraine-abstention",
                   "ev-2023-wagner-mutiny", "ev-2013-peace-mission", "ev-2014-joint-sea", "ev-2018-peace-mission"]:
        assert wanted in ids


def test_the_papers_errors_found_in_review_are_flagged(tables):
    """MacHaffie's Sun Yat-sen 'influenced by Stalin' (Sun died in 1925) and his 'first meeting'
    of July 2000 are errors; his 1917 is 'culminated in', not an end; his 49-year lease is the
    2009 memorandum's, not judged against the 2012 agreement."""
    m = tables["event_mentions"]
    def code(event_id, says):
        rows = m[(m["event_id"] == event_id) & m["paper_says"].str.contains(says, regex=False)]
        assert len(rows) == 1, (event_id, says)
        return rows["disagreement"].iloc[0]
    assert code("ev-1923-sun-joffe", "influenced by Stalin") == "fact"
    assert code("ev-2000-dushanbe-summit", "first with Putin as president") == "date"
    assert code("ev-1917-october-revolution", "culminated in") == "none"
    assert code("ev-2009-kyrgyz-base-memorandum", "49 years") == "unconfirmed"
    assert "ev-2012-kyrgyz-base-agreement" not in set(m["event_id"])
    claim = tables["history_claims"].set_index("claim_id").loc["mac-base-lease-years"]
    assert claim["period_end"] <= 2011 and claim["check_value"] == claim["paper_value"]


def test_frictions_after_1991_are_coded_negative(tables):
    """The documented frictions score below zero for China-Russia (the issue's list)."""
    events = tables["events"].set_index("event_id")
    for event_id in ["ev-2003-angarsk-daqing-shelved", "ev-2008-j11b-dispute", "ev-2007-market-trader-ban",
                     "ev-2009-cherkizovsky-closed", "ev-2024-bank-payment-curbs", "ev-2006-arms-deliveries-fall"]:
        assert events.loc[event_id, "score"] < 0, event_id


def test_event_id_carries_the_start_year(tables):
    events = tables["events"]
    wrong = events[events["event_id"].str[3:7].astype(int) != events["start_date"].dt.year]
    assert wrong.empty, wrong["event_id"].tolist()


def test_every_event_has_an_actor(tables):
    assert set(tables["events"]["event_id"]) == set(tables["event_actors"]["event_id"])


def test_dyads_are_pairs_of_the_event_s_actors(tables):
    actors = set(zip(tables["event_actors"]["event_id"], tables["event_actors"]["iso3"]))
    dyads = tables["event_dyads"]
    outside = [(r.event_id, r.iso3_a, r.iso3_b) for r in dyads.itertuples()
               if (r.event_id, r.iso3_a) not in actors or (r.event_id, r.iso3_b) not in actors]
    assert not outside
    assert (dyads["iso3_a"] != dyads["iso3_b"]).all()


def test_events_without_a_dyad_score_zero(tables):
    """An event that is no act between two states (a revolution, a death) is context only."""
    events = tables["events"]
    undirected = events[~events["event_id"].isin(tables["event_dyads"]["event_id"])]
    assert (undirected["score"] == 0).all(), undirected.loc[undirected["score"] != 0, "event_id"].tolist()


@pytest.mark.parametrize("table", ["event_actors", "event_organisations", "event_dyads"])
def test_long_tables_carry_the_event_s_source(tables, table):
    sources = tables["events"].set_index("event_id")["source"]
    frame = tables[table]
    assert (frame["source"] == frame["event_id"].map(sources)).all()


def _agrees(mention, event) -> bool:
    """Whether the paper's date falls within the event's dates, at the paper's precision."""
    fmt = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[mention.paper_date_precision]
    end = event.end_date if pd.notna(event.end_date) else event.start_date
    return event.start_date.strftime(fmt) <= mention.paper_date.strftime(fmt) <= end.strftime(fmt)


def test_paper_dates_agree_unless_a_disagreement_is_recorded(tables):
    events = tables["events"].set_index("event_id")
    mentions = tables["event_mentions"].dropna(subset=["paper_date"])
    for m in mentions.itertuples():
        agrees = _agrees(m, events.loc[m.event_id])
        if m.disagreement == "none":
            assert agrees, f"{m.event_id}: {m.paper} dates it {m.paper_date:%Y-%m-%d} but records no disagreement"
        if m.disagreement == "date":
            assert not agrees, f"{m.event_id}: a date disagreement where the dates agree"


def test_every_disagreement_is_explained(tables):
    mentions = tables["event_mentions"]
    flagged = mentions[mentions["disagreement"] != "none"]
    assert flagged["source_detail"].str.len().gt(20).all()


def test_both_papers_are_covered(tables):
    counts = tables["event_mentions"]["paper"].value_counts()
    assert counts["machaffie2011"] >= 40 and counts["bergfeldt2008"] >= 30


def test_scale_is_symmetric_in_steps_of_two(tables):
    assert sorted(tables["event_scale"]["score"]) == list(range(-10, 11, 2))


def test_the_history_chapters_exist():
    assert len(HISTORY_CHAPTERS) == 3


@pytest.mark.parametrize("md", HISTORY_CHAPTERS, ids=lambda p: p.stem)
def test_every_event_id_a_chapter_refers_to_exists(tables, md):
    referred = set(EVENT_ID.findall(md.read_text(encoding="utf-8")))
    assert referred, f"{md.stem} refers to no event"
    unknown = referred - set(tables["events"]["event_id"])
    assert not unknown, f"{md.stem} refers to unknown events {sorted(unknown)}"


def test_the_id_scanner_finds_ids():
    assert EVENT_ID.findall("see `ev-1969-zhenbao-clashes` and ev-2001-sco-founded.") == [
        "ev-1969-zhenbao-clashes", "ev-2001-sco-founded"]


# ---- bad input: a malformed event stops loading, naming file, row and column

def _broken_copy(tmp_path, name, edit):
    """A copy of data/<name>.csv with ``edit`` applied to its rows (dicts; row 2 is rows[0])."""
    copy = tmp_path / f"{name}.csv"
    with open(data.DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    rows = edit(rows) or rows
    with open(copy, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return copy


def _set(row: int, column: str, value: str):
    """An edit that sets one cell; ``row`` is numbered as the messages number it (header = 1)."""
    def edit(rows):
        rows[row - 2][column] = value
    return edit


def test_unknown_actor_code_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "event_actors", _set(2, "iso3", "XXX"))
    assert "event_actors.csv, row 2, column 'iso3': 'XXX' is not a known iso3 in countries" in refusal(copy, "event_actors")


def test_impossible_date_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "events", _set(2, "start_date", "1689-09-31"))
    assert "events.csv, row 2, column 'start_date': '1689-09-31' is not a valid date" in refusal(copy, "events")


def test_score_outside_the_range_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "events", _set(2, "score", "12"))
    assert "events.csv, row 2, column 'score': '12' breaks the constraint maximum = 10" in refusal(copy, "events")


def test_score_between_the_levels_of_the_scale_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "events", _set(2, "score", "5"))
    assert "events.csv, row 2, column 'score': '5' is not a known score in event_scale" in refusal(copy, "events")


def test_empty_source_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "events", _set(3, "source", ""))
    assert "events.csv, row 3, column 'source': empty, but every row must carry its source" in refusal(copy, "events")


def test_duplicate_event_id_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "events", lambda rows: [rows[0], *rows])
    assert ("events.csv, row 3, column 'event_id': duplicate primary key ev-1689-nerchinsk (first seen in row 2)"
            in refusal(copy, "events"))


def test_end_before_start_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "events", _set(4, "end_date", "1838-08-29"))
    assert "events.csv, row 4, column 'end_date': '1838-08-29' is before start_date '1839-09-01'" in refusal(copy, "events")


def test_dyad_written_out_of_order_isrefusal(tmp_path):
    def swap(rows):
        rows[0]["iso3_a"], rows[0]["iso3_b"] = rows[0]["iso3_b"], rows[0]["iso3_a"]
    copy = _broken_copy(tmp_path, "event_dyads", swap)
    assert "event_dyads.csv, row 2, column 'iso3_b': 'CHN' is before iso3_a 'RUS'" in refusal(copy, "event_dyads")


def test_mention_of_an_unknown_event_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "event_mentions", _set(2, "event_id", "ev-1689-nerchinks"))
    assert ("event_mentions.csv, row 2, column 'event_id': 'ev-1689-nerchinks' is not a known event_id in events"
            in refusal(copy, "event_mentions"))


def test_disagreement_code_outside_the_codebook_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "event_mentions", _set(2, "disagreement", "wrong"))
    assert ("event_mentions.csv, row 2, column 'disagreement': 'wrong' is not a known code in disagreement_codes"
            in refusal(copy, "event_mentions"))


def test_mention_without_a_location_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "event_mentions", _set(3, "location", ""))
    message = refusal(copy, "event_mentions")
    assert "event_mentions.csv, row 3, column 'location'" in message


def test_mention_with_a_blank_location_isrefusal(tmp_path):
    copy = _broken_copy(tmp_path, "event_mentions", _set(3, "location", "   "))
    assert "event_mentions.csv, row 3, column 'location'" in refusal(copy, "event_mentions")


def test_the_curation_script_writes_the_tables_as_they_are(tmp_path, monkeypatch):
    """data/curate/events.py and the CSVs agree byte for byte (one source of truth)."""
    import importlib.util
    import sys
    curate = data.DATA_DIR / "curate"
    monkeypatch.syspath_prepend(str(curate))
    import _common
    written = {}
    monkeypatch.setattr(_common, "write", lambda frame, name: written.__setitem__(
        name, frame.to_csv(index=False, lineterminator="\n")))
    spec = importlib.util.spec_from_file_location("events_curation", curate / "events.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.pop("events_curation", None)
    spec.loader.exec_module(module)
    module.write = _common.write
    module.main()
    assert written, "the script wrote nothing"
    for name, text in written.items():
        assert (data.DATA_DIR / name).read_text(encoding="utf-8") == text, name
