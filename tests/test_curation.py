"""The provenance chain: raw files -> data/curate/*.py -> data/*.csv, checked offline.

- events.py is the one source of the seven event tables: running it must rewrite them
  byte for byte (no raw files needed, so this always runs).
- data/curate/sources.toml lists every raw file the other scripts read, with its URL,
  licence and SHA-256; where the raw files are here (``../shared/sources`` beside the
  repository, or ``SOURCES=``), each must match its SHA-256 and every script must
  reproduce its tables byte for byte. Where they are absent the tests say so and skip.
- The fetch step (``make data``) is exercised against a local server only: no test
  reaches the network.
"""

import functools
import hashlib
import http.server
import os
import pathlib
import re
import runpy
import sys
import threading
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CURATE = ROOT / "data" / "curate"
DATA = ROOT / "data"
MANIFEST = tomllib.loads((CURATE / "sources.toml").read_text(encoding="utf-8"))["file"]
SCRIPTS = sorted(p.name for p in CURATE.glob("*.py") if not p.name.startswith("_") and p.name != "fetch.py")
EVENT_TABLES = ["events.csv", "event_actors.csv", "event_organisations.csv", "event_dyads.csv",
                "event_mentions.csv", "event_scale.csv", "history_claims.csv", "disagreement_codes.csv"]


def _sources() -> pathlib.Path | None:
    folder = pathlib.Path(os.environ["SOURCES"]) if os.environ.get("SOURCES") else ROOT.parent / "shared" / "sources"
    return folder if folder.is_dir() else None


NO_SOURCES = ("the raw source files are not here (neither SOURCES= nor ../shared/sources beside the "
              "repository); `make data` fetches those that can be fetched. Curation is not re-checked.")


def _curate(script: str, out: pathlib.Path, sources: pathlib.Path | None, monkeypatch) -> None:
    """Run one curation script in this process (pandas is imported once), writing to ``out``."""
    monkeypatch.setenv("CURATED_OUT", str(out))
    if sources is not None:
        monkeypatch.setenv("SOURCES", str(sources))
    monkeypatch.syspath_prepend(str(CURATE))
    sys.modules.pop("_common", None)  # it reads SOURCES and CURATED_OUT when imported
    try:
        runpy.run_path(str(CURATE / script), run_name="__main__")
    finally:
        sys.modules.pop("_common", None)


def _same_as_data(out: pathlib.Path) -> list[str]:
    written = sorted(p.name for p in out.glob("*.csv"))
    assert written, "the script wrote nothing"
    return [name for name in written if (out / name).read_bytes() != (DATA / name).read_bytes()]


def test_events_script_is_the_source_of_the_event_tables(tmp_path, monkeypatch):
    """data/curate/events.py writes the eight tables exactly as committed: edit the script,
    re-run it, commit both."""
    _curate("events.py", tmp_path, None, monkeypatch)
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == sorted(EVENT_TABLES)
    differ = _same_as_data(tmp_path)
    assert not differ, (f"{differ} differ from what data/curate/events.py writes; the script is the "
                        "source: edit it and run `.venv/bin/python data/curate/events.py`")


def test_manifest_entries_are_complete():
    for entry in MANIFEST:
        assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]), entry["path"]
        assert entry["fetch"] in {"direct", "converted"}, entry["path"]
        assert entry["licence"] and entry["origin"] and entry["retrieved"] and entry["used_by"], entry["path"]
        if entry["fetch"] == "direct":
            assert entry["url"].startswith("https://") and entry.get("verified"), entry["path"]
        else:
            assert entry.get("conversion"), f"{entry['path']}: say how it was converted"
        assert set(entry["used_by"]) <= set(SCRIPTS), entry["path"]
    paths = [e["path"] for e in MANIFEST]
    assert len(paths) == len(set(paths))


@pytest.mark.parametrize("script", [s for s in SCRIPTS if s != "events.py"])
def test_manifest_lists_every_raw_file_a_script_reads(script):
    """Every file name a script mentions is a raw file of the manifest or a table of data/."""
    text = (CURATE / script).read_text(encoding="utf-8")
    named = set(re.findall(r'"([\w.-]+\.csv)"', text))
    raw = {pathlib.PurePosixPath(e["path"]).name for e in MANIFEST if script in e["used_by"]}
    tables = {p.name for p in DATA.glob("*.csv")}
    assert raw, f"{script} has no raw file in data/curate/sources.toml"
    assert named - tables <= raw, f"{script} reads {sorted(named - tables - raw)}, not in the manifest"


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["path"] for e in MANIFEST])
def test_local_raw_file_matches_its_sha256(entry):
    sources = _sources()
    if sources is None:
        pytest.skip(NO_SOURCES)
    path = sources / entry["path"]
    assert path.exists(), f"{entry['path']} is in the manifest but not in {sources.name}/"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], (
        f"{entry['path']} is not the file data/ was curated from (SHA-256 differs)")


@pytest.mark.parametrize("script", [s for s in SCRIPTS if s != "events.py"])
def test_curation_script_reproduces_data_byte_for_byte(script, tmp_path, monkeypatch):
    sources = _sources()
    if sources is None:
        pytest.skip(NO_SOURCES)
    _curate(script, tmp_path, sources, monkeypatch)
    differ = _same_as_data(tmp_path)
    assert not differ, f"{script} no longer writes {differ} as committed in data/"


# ---- the fetch step, against a local server

@pytest.fixture()
def local_server(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def _fetch_module(monkeypatch, cache):
    monkeypatch.setenv("SINORUS_CACHE", str(cache))
    monkeypatch.delenv("SOURCES", raising=False)
    monkeypatch.syspath_prepend(str(CURATE))
    for name in ("fetch", "_common"):
        sys.modules.pop(name, None)
    import fetch
    return fetch


def test_fetch_downloads_a_direct_file_into_the_cache_and_checks_its_hash(monkeypatch, tmp_path, local_server):
    served, url = local_server
    (served / "raw.csv").write_bytes(b"a,b\n1,2\n")
    good = hashlib.sha256(b"a,b\n1,2\n").hexdigest()
    cache = tmp_path / "cache"
    fetch = _fetch_module(monkeypatch, cache)
    entry = {"path": "folder/raw.csv", "fetch": "direct", "url": f"{url}/raw.csv", "sha256": good}
    assert fetch.status(entry, sources=cache, download=True) == "ok"
    assert (cache / "folder" / "raw.csv").read_bytes() == b"a,b\n1,2\n"

    changed = dict(entry, path="folder/other.csv", sha256="0" * 64)
    assert fetch.status(changed, sources=cache, download=True).startswith("download failed: ValueError")
    assert not (cache / "folder" / "other.csv").exists()


def test_fetch_never_downloads_converted_files_or_into_a_local_folder(monkeypatch, tmp_path):
    fetch = _fetch_module(monkeypatch, tmp_path / "cache")
    converted = {"path": "f/x.csv", "fetch": "converted", "url": "https://example.invalid/x.rda", "sha256": "0" * 64}
    assert fetch.status(converted, sources=tmp_path / "cache", download=True) == "cannot fetch"
    direct = dict(converted, fetch="direct")
    assert fetch.status(direct, sources=tmp_path / "local", download=True) == "missing"
