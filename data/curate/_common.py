"""Shared by the curation scripts: where the raw files are, where the tables go, how to write.

The curation scripts are run by hand (or by ``make data``) when a curated table in data/
needs rebuilding from its raw files; the book and its tests read only data/. Each raw file
is listed, with its public URL, licence and SHA-256, in ``data/curate/sources.toml``.

Where the raw files are read from (``SOURCES``):

1. the folder named by the environment variable ``SOURCES``, if set;
2. else ``../shared/sources`` beside the repository, if it exists (the book's authors and
   CI have it);
3. else the user cache that ``make data`` fills (``data/curate/fetch.py``).

The tables are written to ``data/``, or to the folder named by ``CURATED_OUT`` (the tests
write to a temporary folder and compare byte for byte). Run from the repository root, e.g.::

    SOURCES=../shared/sources .venv/bin/python data/curate/cow_nmc.py
"""

import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from sinorus.data import MOJIBAKE  # noqa: E402  (the loader's rule: one definition)

DATA = ROOT / "data"
MANIFEST = ROOT / "data" / "curate" / "sources.toml"
LOCAL_SOURCES = ROOT.parent / "shared" / "sources"


def cache_dir() -> pathlib.Path:
    """The user cache that the fetch step downloads raw files into (never the repository)."""
    if os.environ.get("SINORUS_CACHE"):
        return pathlib.Path(os.environ["SINORUS_CACHE"])
    import platformdirs  # a dependency of pooch and of Jupyter
    return pathlib.Path(platformdirs.user_cache_dir("sinorus-sources"))


def sources_dir() -> pathlib.Path:
    if os.environ.get("SOURCES"):
        return pathlib.Path(os.environ["SOURCES"])
    return LOCAL_SOURCES if LOCAL_SOURCES.is_dir() else cache_dir()


SOURCES = sources_dir()
OUT = pathlib.Path(os.environ.get("CURATED_OUT", DATA))

def repair_mojibake(text):
    """``text`` with UTF-8 that was read as Latin-1 (or Windows-1252) decoded again.

    "SÃ£o TomÃ©" becomes "São Tomé"; text without the pattern, or that does not round-trip,
    is returned unchanged (a curation script then corrects it by hand, and the loader
    refuses what is left).
    """
    if not isinstance(text, str) or not MOJIBAKE.search(text):
        return text
    for encoding in ("cp1252", "latin-1"):
        try:
            return text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return text


def write(frame, name: str) -> None:
    path = OUT / name
    frame.to_csv(path, index=False, lineterminator="\n")
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    print(f"wrote {shown}: {len(frame)} rows")
