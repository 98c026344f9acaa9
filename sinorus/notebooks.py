"""Make each chapter's notebook from its source, one way, and check that the two agree.

A chapter has one source, ``chapters/NN-topic.md`` (MyST markdown with a jupytext
header), and one executed form, ``chapters/NN-topic.ipynb``, which the site is built
from and which nbval re-runs. The notebook is always made *from* the markdown (never
``jupytext --sync``, which picks a direction by file time)::

    python -m sinorus.notebooks regenerate [chapters/NN-topic.md ...]   # all if none given
    python -m sinorus.notebooks check                                 # list stale pairs

:func:`pair_problems` is what ``tests/test_pairing.py`` runs: cells equal, every code cell
executed in order, no error stored.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAPTERS_DIR = ROOT / "chapters"
KERNEL = "python3"
TIMEOUT_SECONDS = 300
# Cell metadata that execution or a notebook editor may add, and that is not content.
VOLATILE_CELL_METADATA = {"execution", "collapsed", "scrolled", "jp-MarkdownHeadingCollapsed"}


def chapter_sources() -> list[pathlib.Path]:
    """Every chapter source, in file-name order (``NN-topic.md``)."""
    return sorted(CHAPTERS_DIR.glob("[0-9][0-9]-*.md"))


def notebook_from_markdown(md: pathlib.Path):
    """The unexecuted notebook that ``md`` describes, with stable cell ids."""
    import jupytext

    nb = jupytext.read(md)
    _stable_ids(nb)
    return nb


def _stable_ids(nb) -> None:
    # jupytext draws random cell ids; ids derived from content keep regenerated
    # notebooks byte-identical when nothing changed, so their git diffs stay honest.
    seen = collections.Counter()
    for cell in nb.cells:
        digest = hashlib.sha1(f"{cell.cell_type}\0{cell.source}".encode()).hexdigest()[:12]
        seen[digest] += 1
        cell.id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"


def execute(nb, cwd: pathlib.Path):
    """Run every cell of ``nb`` in a fresh kernel started in ``cwd``; stop at the first error."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=TIMEOUT_SECONDS, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(cwd)}},
                            record_timing=False, allow_errors=False)
    client.execute()
    # The interpreter's patch version is a fact about the machine, not the chapter.
    nb.metadata.get("language_info", {}).pop("version", None)
    return nb


def regenerate(md: pathlib.Path) -> pathlib.Path:
    """Write ``md``'s executed notebook beside it and return its path."""
    import nbformat

    nb = execute(notebook_from_markdown(md), md.parent)
    ipynb = md.with_suffix(".ipynb")
    nbformat.write(nb, ipynb)
    return ipynb


def pair_problems(md: pathlib.Path) -> list[str]:
    """What is wrong with ``md``'s notebook: missing, stale, unexecuted or failed."""
    import nbformat

    ipynb = md.with_suffix(".ipynb")
    name = f"{md.parent.name}/{ipynb.name}"
    if not ipynb.exists():
        return [f"{name}: missing; run `make notebooks`"]
    expected = notebook_from_markdown(md).cells
    stored = nbformat.read(ipynb, as_version=4).cells
    problems = []
    if len(expected) != len(stored):
        problems.append(f"{name}: {len(stored)} cells, but {md.name} has {len(expected)}")
    for index, (want, have) in enumerate(zip(expected, stored), start=1):
        if want.cell_type != have.cell_type:
            problems.append(f"{name}, cell {index}: a {have.cell_type} cell where {md.name} "
                            f"has a {want.cell_type} cell")
        elif want.source != have.source:
            problems.append(f"{name}, cell {index}: source differs from {md.name} "
                            f"({_first_difference(want.source, have.source)})")
        elif _content_metadata(want) != _content_metadata(have):
            problems.append(f"{name}, cell {index}: metadata differs from {md.name}")
    if problems:
        return problems + [f"{name}: regenerate it with `make notebooks`"]

    code = [c for c in stored if c.cell_type == "code"]
    counts = [c.get("execution_count") for c in code]
    if counts != list(range(1, len(code) + 1)):
        problems.append(f"{name}: code cells were not all executed, in order, in one run "
                        f"(execution counts {counts}); regenerate it with `make notebooks`")
    for index, cell in enumerate(stored, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"{name}, cell {index}: stored an error "
                                f"({output.get('ename')}: {output.get('evalue')})")
    return problems


def _content_metadata(cell) -> dict:
    return {k: v for k, v in cell.metadata.items() if k not in VOLATILE_CELL_METADATA}


def _first_difference(want: str, have: str) -> str:
    for number, (a, b) in enumerate(zip(want.splitlines(), have.splitlines()), start=1):
        if a != b:
            return f"line {number}: source says {a!r}, notebook says {b!r}"
    return f"source has {len(want.splitlines())} lines, notebook {len(have.splitlines())}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sinorus.notebooks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    regen = sub.add_parser("regenerate", help="make and execute notebooks from their .md")
    regen.add_argument("sources", nargs="*", type=pathlib.Path)
    sub.add_parser("check", help="list chapters whose notebook does not match its .md")
    args = parser.parse_args(argv)

    if args.command == "regenerate":
        for md in args.sources or chapter_sources():
            md = md.with_suffix(".md").resolve()
            start = time.perf_counter()
            ipynb = regenerate(md)
            print(f"{ipynb.relative_to(ROOT)}  executed in {time.perf_counter() - start:.1f} s")
        return 0
    problems = [p for md in chapter_sources() for p in pair_problems(md)]
    print("\n".join(problems) or "every notebook matches its source")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
