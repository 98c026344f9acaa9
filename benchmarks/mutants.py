"""Write benchmarks/mutants.md: the score of `make mutants`, per module, from mutmut's results.

mutmut (pinned in requirements.txt) leaves one ``mutants/<module>.py.meta`` JSON file per
mutated module, mapping each mutant to the exit code of the tests run against it; exit
codes 1 and 3 mean the tests failed, i.e. the mutant was killed (mutmut's own table).
"""

import json
import pathlib
import sys
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
KILLED, SURVIVED, NO_TESTS, TIMEOUT = {1, 3}, {0}, {5, 33}, {24, 36, -24, 152, 255}


def status(code) -> str:
    if code in KILLED:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in NO_TESTS:
        return "no tests"
    if code in TIMEOUT:
        return "timeout"
    return "not checked" if code is None else "other"


def main() -> int:
    metas = sorted((ROOT / "mutants").rglob("*.py.meta"))
    if not metas:
        print("no mutmut results under mutants/: run `make mutants`", file=sys.stderr)
        return 1
    lines = ["# Mutation benchmark", "",
             "`make mutants` runs mutmut over the modules named in pyproject.toml ([tool.mutmut]) with",
             "their unit tests. A mutant is *killed* when some test fails against it; the score is",
             "killed / (all mutants checked). A timeout counts as killed, as mutmut counts it.", "",
             "| module | mutants | killed | survived | no tests | timeout | score |",
             "|---|---|---|---|---|---|---|"]
    survivors = []
    for meta in metas:
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        counts = Counter(status(c) for c in codes.values())
        checked = sum(v for k, v in counts.items() if k != "not checked")
        score = (counts["killed"] + counts["timeout"]) / checked if checked else 0.0
        module = meta.relative_to(ROOT / "mutants").as_posix().removesuffix(".meta")
        lines.append(f"| `{module}` | {len(codes)} | {counts['killed']} | {counts['survived']} | "
                     f"{counts['no tests']} | {counts['timeout']} | {score:.0%} |")
        survivors += [f"- `{name}`" for name, c in sorted(codes.items()) if status(c) in {"survived", "no tests"}]
    lines += ["", "Surviving mutants (inspect one with `.venv/bin/mutmut show NAME`):", ""] + (survivors or ["- none"])
    (ROOT / "benchmarks" / "mutants.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:8 + len(metas)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
