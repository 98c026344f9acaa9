"""Check that games.import_axelrod() changes nothing but the time an import of axelrod takes.

Moved here from tests/test_games.py because a plain import of axelrod 4.13 takes 20-35 s
on the book's machine. In two fresh interpreters, run side by side, it checks that the
cached import leaves inspect.getsource as it was, that no module keeps the cache, and that
a small tournament's ranking and every strategy's classifier are the same as after a
plain import. Run by `make bench`; exits 1 if they differ.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import textwrap

ROOT = pathlib.Path(__file__).resolve().parent.parent

AXELROD_CHECK = textwrap.dedent("""
    import inspect, json, sys
    sys.path.insert(0, {root!r})
    original = inspect.getsource
    if {cached}:
        from sinorus import games
        axl = games.import_axelrod()
    else:
        import axelrod as axl
    holders = [name for name, module in list(sys.modules.items())
               for value in list(vars(module).values()) if getattr(value, "__wrapped__", None) is original]
    players = [axl.Cooperator(), axl.Defector(), axl.TitForTat(), axl.Grudger(), axl.Random()]
    ranking = axl.Tournament(players, turns=20, repetitions=3, seed=1).play(progress_bar=False).ranked_names
    uses = {{s.name: sorted(axl.Classifiers["makes_use_of"](s())) for s in axl.strategies}}
    classifiers = {{s.name: repr(sorted(s().classifier.items())) for s in axl.all_strategies}}
    lists = {{name: sorted(s.name for s in getattr(axl, name)) for name in
             ("strategies", "all_strategies", "basic_strategies", "long_run_time_strategies",
              "short_run_time_strategies", "cheating_strategies", "ordinary_strategies")}}
    fresh = axl.TitForTat() is not axl.TitForTat()  # players are built anew after the import
    import axelrod.player
    restored = inspect.getsource is original and "one_per_class" not in repr(axelrod.player.PostInitCaller.__call__)
    print(json.dumps({{"restored": restored and fresh, "holders": holders,
                      "ranking": ranking, "uses": uses, "classifiers": classifiers, "lists": lists}}))
""")


def _axelrod_in_subprocess(cached: bool) -> subprocess.Popen:
    code = AXELROD_CHECK.format(root=str(ROOT), cached=cached)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)


def check() -> list[str]:
    """Problems found (empty if the cached import changes nothing)."""
    processes = {"plain": _axelrod_in_subprocess(False), "cached": _axelrod_in_subprocess(True)}
    results, problems = {}, []
    try:
        for name, process in processes.items():
            out, err = process.communicate(timeout=600)
            if process.returncode != 0:
                problems.append(f"{name} import failed: {err[-2000:]}")
            else:
                results[name] = json.loads(out.strip().splitlines()[-1])
    finally:
        for process in processes.values():  # reap both, whatever happened
            if process.poll() is None:
                process.kill()
            process.communicate()
    if problems:
        return problems
    if not (results["cached"]["restored"] and results["cached"]["holders"] == []):
        problems.append("the cached import left inspect.getsource or the player metaclass changed, or held")
    for what in ("ranking", "uses", "classifiers", "lists"):
        if results["cached"][what] != results["plain"][what]:
            problems.append(f"the cached import changes the {what}")
    return problems


def main() -> int:
    problems = check()
    print("\n".join(problems) or "axelrod: the cached import changes nothing")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
