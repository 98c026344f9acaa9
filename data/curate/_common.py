"""Shared by the curation scripts: where the public source files are, and how to write.

The curation scripts are run by hand, when a curated file in data/ needs rebuilding from
the public sources gathered in ../shared/sources (see its PROVENANCE.md); the book and
its tests read only data/. Run from the repository root, e.g.::

    SOURCES=../shared/sources .venv/bin/python data/curate/cow_nmc.py
"""

import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SOURCES = pathlib.Path(os.environ.get("SOURCES", ROOT.parent / "shared" / "sources"))


def write(frame, name: str) -> None:
    path = DATA / name
    frame.to_csv(path, index=False, lineterminator="\n")
    print(f"wrote {path.relative_to(ROOT)}: {len(frame)} rows")
