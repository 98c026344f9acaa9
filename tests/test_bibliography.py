"""One bibliography: complete for both papers, and every citation resolves."""

import re

import pybtex.database
import pytest

from book_facts import ROOT, toc_chapters

BIB = pybtex.database.parse_file(ROOT / "references.bib")
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")

# Every entry of Bergfeldt's reference list (2008, section 7), by the book's key.
BERGFELDT_REFERENCES = [
    "allison2004", "azizian2007", "brooks2005", "brummer2007", "campbell2008", "chung2004",
    "cooley2008", "cornell2002", "cornell2004", "ferdinand2007", "foot2006", "pan2007", "pan2005",
    "hurrell2006", "kerr2008", "kupchan2007", "li2007", "lieber2005a", "lieber2005b", "lo2004",
    "macfarlane2006", "malashenko2007", "mandelbaum1995", "mearsheimer1994", "nardin1993",
    "norling2007", "pape2005", "paul2005", "posen2003", "rittberger2006", "rumer2006a",
    "rumer2006b", "sco2001", "sakwa2008", "shaihutdinov2005", "feng2007", "simons2007",
    "torbakov2007", "troush2007", "tonnesson2004", "walt2006", "waltz1979", "waltz1997",
    "waltz2000", "wohlforth1999", "wohlforth2007", "shi2007",
]
# Works MacHaffie names in his text (his reference list is not in the text we have).
MACHAFFIE_NAMED = [
    "thucydides", "machiavelli1532", "carr1939", "morgenthau1948", "waltz1979", "walt1987",
    "walt2009", "wohlforth1999", "snyder1984", "snyder1977", "david1991", "paul2005", "sco2002",
]


def test_both_papers_and_their_references_are_present():
    missing = [k for k in ["machaffie2011", "bergfeldt2008", *BERGFELDT_REFERENCES, *MACHAFFIE_NAMED]
               if k not in BIB.entries]
    assert not missing


def test_bergfeldt_list_is_complete():
    """Bergfeldt's list has 47 entries; the book keeps every one."""
    assert len(set(BERGFELDT_REFERENCES)) == 47


@pytest.mark.parametrize("key", sorted(BIB.entries))
def test_entry_has_author_or_editor_title_and_year(key):
    entry = BIB.entries[key]
    assert entry.persons.get("author") or entry.persons.get("editor"), key
    assert entry.fields.get("title") and re.fullmatch(r"\d{4}", entry.fields.get("year", "")), key


def _cited_keys(path):
    return {k.strip() for group in CITE.findall(path.read_text(encoding="utf-8")) for k in group.split(",")}


def test_every_citation_resolves():
    pages = [*toc_chapters(), ROOT / "index.md"]
    unknown = {(p.name, k) for p in pages for k in _cited_keys(p) if k not in BIB.entries}
    assert not unknown
