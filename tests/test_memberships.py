"""sinorus.memberships, on hand-checked dates."""

from sinorus import memberships


def test_sco_founders_and_enlargements():
    assert memberships.members("SCO", "2001-06-15") == ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert memberships.members("SCO", "2001-06-14") == []
    assert "IND" in memberships.members("SCO", "2017-06-09")
    assert "IND" not in memberships.members("SCO", "2017-06-08")


def test_uzbekistan_in_and_out_of_the_csto():
    assert "UZB" in memberships.members("CSTO", "1995-01-01")
    assert "UZB" not in memberships.members("CSTO", "2003-01-01")
    assert "UZB" in memberships.members("CSTO", "2009-01-01")
    assert "UZB" not in memberships.members("CSTO", "2013-01-01")


def test_observers_are_not_members():
    observers = memberships.on("2010-01-01", "SCO", status="observer")
    assert sorted(observers["iso3"]) == ["IND", "IRN", "MNG", "PAK"]


def test_overlaps_count_memberships():
    table = memberships.overlaps("2009-06-01", ["EU", "SCO", "NATO", "CSTO"])
    assert table.loc["RUS", "memberships"] == 2       # SCO and CSTO
    assert table.loc["FRA", "memberships"] == 2       # EU and NATO
    assert table.loc["USA", "memberships"] == 1
    assert "CHN" in table.index and not table.loc["CHN", "CSTO"]
