"""Check the raw files against data/curate/sources.toml, download what can be downloaded,
and (with ``--run``) re-run the curation scripts whose raw files are all present.

This is ``make data``. The raw files are looked for where the curation scripts read them
(``_common.SOURCES``: ``SOURCES=``, else ``../shared/sources``, else the user cache). A
file marked ``fetch = "direct"`` in the manifest is byte for byte its upstream file, so when
it is missing and the sources folder is the user cache, it is downloaded with pooch into
that cache and checked against its SHA-256 (the only step of the book that uses the
network; ``make test`` and ``make book`` never call it). A file marked ``"converted"`` was
converted or subset outside this repository by the sources' curators; it cannot be
downloaded as is, and the scripts that need it are skipped with a message saying so.

    .venv/bin/python data/curate/fetch.py          # check and fetch
    .venv/bin/python data/curate/fetch.py --run    # ... then re-run the curation scripts
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import subprocess
import sys
import tomllib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _common import MANIFEST, ROOT, SOURCES, cache_dir  # noqa: E402

CURATE = ROOT / "data" / "curate"
# countries.csv first: sipri_milex.py and wdi_armed_forces.py read it from data/.
ORDER = ["events.py", "countries.py", "atop_dyads.py", "cow_nmc.py", "joint_exercises.py",
         "nuclear_forces.py", "sipri_arms_transfers.py", "sipri_milex.py", "unga_ideal_points.py",
         "unga_votes.py", "unsc_vetoes.py", "wdi_armed_forces.py", "wmeat2012.py"]


def manifest() -> list[dict]:
    with MANIFEST.open("rb") as handle:
        return tomllib.load(handle)["file"]


def sha256(path: pathlib.Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def status(entry: dict, sources: pathlib.Path = SOURCES, download: bool = False) -> str:
    """'ok', 'mismatch', 'missing', 'cannot fetch' or 'download failed: why' for one raw
    file of the manifest; with ``download``, a missing direct file is fetched into the cache."""
    path = sources / entry["path"]
    if not path.exists() and download and entry["fetch"] == "direct" and sources == cache_dir():
        import pooch  # only here: the one step that may use the network
        try:
            pooch.retrieve(entry["url"], known_hash=f"sha256:{entry['sha256']}",
                           fname=path.name, path=path.parent, progressbar=False)
        except Exception as err:  # no network, a moved file, or a changed one (hash)
            return f"download failed: {type(err).__name__}: {str(err).splitlines()[0][:200]}"
    if not path.exists():
        return "missing" if entry["fetch"] == "direct" else "cannot fetch"
    return "ok" if sha256(path) == entry["sha256"] else "mismatch"


def main(argv: list[str]) -> int:
    print(f"raw files: {SOURCES}")
    states = {}
    for entry in manifest():
        states[entry["path"]] = state = status(entry, download=True)
        label, _, why = state.partition(": ")
        note = {"ok": "", "mismatch": "SHA-256 differs from data/curate/sources.toml",
                "missing": "not in the sources folder; set SOURCES= to a folder that has it",
                "cannot fetch": f"converted outside the repository ({entry.get('conversion', '')}); "
                                f"upstream: {entry['url'] or 'none'}"}.get(label, why)
        print(f"  {label:15} {entry['path']}" + (f"\n  {'':15} {note}" if note else ""))
    if "--run" not in argv:
        return 0 if all(s == "ok" for s in states.values()) else 1
    needs = {}
    for entry in manifest():
        for script in entry["used_by"]:
            needs.setdefault(script, []).append(entry["path"])
    failed, skipped = [], []
    for script in ORDER:
        lacking = [p for p in needs.get(script, []) if states[p] != "ok"]
        if lacking:
            skipped.append(script)
            print(f"skipped {script}: needs {', '.join(lacking)}")
            continue
        env = dict(os.environ, SOURCES=str(SOURCES))
        if subprocess.run([sys.executable, str(CURATE / script)], cwd=ROOT, env=env).returncode:
            failed.append(script)
    mismatched = [p for p, s in states.items() if s == "mismatch"]
    print(f"re-ran {len(ORDER) - len(skipped) - len(failed)} of {len(ORDER)} curation scripts"
          + (f"; skipped {len(skipped)} for lack of raw files" if skipped else "")
          + (f"; FAILED: {', '.join(failed)}" if failed else "")
          + (f"; raw files that differ from the manifest: {', '.join(mismatched)}" if mismatched else "")
          + ". `git diff data/` shows what changed.")
    return 1 if failed or mismatched else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
