"""Claims that can fail: every concluding sentence rests on a computed, tested condition.

A chapter states a conclusion through :mod:`sinorus.claims`, which glues the words the
condition chose and stores a record beside them. These tests hold the mechanism to its
promise: every record is well formed and quoted in the prose, the words on the page are the
record's, and every claim is recomputed independently by some test in this folder (its
name appears in the code of a test file other than this one; a docstring does not count),
so a claim no test re-derives fails here. No test may check a stored value only for its
shape (a constant, a type, a suffix), which cannot fail when the conclusion is wrong.
"""

import ast
import functools
import json

import pytest

from book_facts import CHAPTERS, ROOT, claims, glued, toc_chapters
from sinorus import claims as claims_module

TESTS = ROOT / "tests"
ALL_CLAIMS = [(md, name) for md in toc_chapters() for name in claims(md)]


@functools.cache
def _test_trees() -> dict[str, ast.Module]:
    return {p.name: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(TESTS.glob("test_*.py"))
            if p.name != "test_claims.py"}


@functools.cache
def _names_in_code() -> set[str]:
    """Every string the test files use in code: docstrings and comments left out, so that a
    claim named only in a test's docstring counts as not recomputed."""
    names = set()
    for tree in _test_trees().values():
        bare = {id(node.value) for node in ast.walk(tree)
                if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
        names |= {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                  and isinstance(node.value, str) and id(node) not in bare}
    return names


def test_the_book_makes_claims():
    assert ALL_CLAIMS, "no chapter records a claim"


@pytest.mark.parametrize("md,name", ALL_CLAIMS, ids=lambda v: getattr(v, "stem", v))
def test_claim_is_recomputed_by_a_test(md, name):
    recomputed = name in _names_in_code()
    assert recomputed, (
        f"{md.stem}: claim {name!r} is recomputed by no test in tests/ (write one that "
        "derives its condition from data/ without the chapter's code)")


def _claim_value_call(node):
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "claim_value"
            and len(node.args) > 1 and isinstance(node.args[1], ast.Constant))


def test_no_claim_is_checked_for_its_shape_only():
    """A stored claim value compared with a constant (``is True``, ``== "3 of 3"``), tested for
    membership, a prefix or suffix, or a type cannot fail when the chapter's conclusion is
    wrong: the value must be compared with a recomputation. Records are exempt (their value
    is the chapter's own True; their words are other glued values, checked as such)."""
    kinds = {name: record["kind"] for md in toc_chapters() for name, record in claims(md).items()}
    shape_only = []
    for file, tree in _test_trees().items():
        for node in ast.walk(tree):
            checked = None
            if isinstance(node, ast.Compare) and _claim_value_call(node.left):
                if (any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
                        or all(isinstance(c, ast.Constant) for c in node.comparators)):
                    checked = node.left
            elif isinstance(node, ast.Call) and node.args and _claim_value_call(node.args[0]) \
                    and isinstance(node.func, ast.Name) and node.func.id in ("isinstance", "type", "len", "bool"):
                checked = node.args[0]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("endswith", "startswith") and _claim_value_call(node.func.value):
                checked = node.func.value
            if checked is not None and kinds.get(checked.args[1].value) != "record":
                shape_only.append(f"{file}:{node.lineno} {checked.args[1].value}")
    assert not shape_only, f"claims checked for their shape only: {shape_only}"


@pytest.mark.parametrize("md,name", ALL_CLAIMS, ids=lambda v: getattr(v, "stem", v))
def test_claim_is_quoted_and_its_words_are_the_records(md, name):
    from sinorus.sphinx_claims import notebook_claims

    record = next(r for r in notebook_claims(md.with_suffix(".ipynb")) if r["name"] == name)
    assert record["condition"].strip()
    if record["kind"] == "record":
        assert record["uses"] and record["sentence"], \
            f"{md.stem}: claim {name!r} names no glued value that the prose quotes"
    else:
        assert record["sentence"], f"{md.stem}: claim {name!r} is never quoted in the prose"
        assert glued(md)[name] == record["text"]


def _capture(monkeypatch):
    stored = {}
    monkeypatch.setattr(claims_module.fmt, "glue", lambda name, value, **_: stored.update({name: value}))
    return stored


def test_claim_words_follow_the_condition(monkeypatch):
    stored = _capture(monkeypatch)
    assert claims_module.claim("x", False, condition="c", true="rises", false="falls") == "falls"
    assert stored["x"] == "falls" and json.loads(stored["x__claim"])["value"] is False
    with pytest.raises(TypeError):
        claims_module.claim("x", 1, condition="c", true="a", false="b")
    with pytest.raises(ValueError):
        claims_module.claim("x", True, condition=" ", true="a", false="b")


def test_quantified_claims_say_every_none_or_how_many(monkeypatch):
    stored = _capture(monkeypatch)
    words = dict(condition="priors", every="under every prior", none="under no prior",
                 some="under {count} of {total} priors")
    assert claims_module.quantified("q", 5, 5, **words) == "under every prior"
    assert claims_module.quantified("q", 0, 5, **words) == "under no prior"
    assert claims_module.quantified("q", 3, 5, **words) == "under 3 of 5 priors"
    assert json.loads(stored["q__claim"])["value"] == "3 of 5"
    with pytest.raises(ValueError):
        claims_module.quantified("q", 6, 5, **words)


def test_choose_and_record(monkeypatch):
    stored = _capture(monkeypatch)
    assert claims_module.choose("c", "up", {"up": "rises", "down": "falls"}, condition="c") == "rises"
    with pytest.raises(KeyError):
        claims_module.choose("c", "flat", {"up": "rises"}, condition="c")
    claims_module.record("r", True, condition="c", uses=["leader"])
    assert json.loads(stored["r__claim"])["uses"] == ["leader"]
    with pytest.raises(ValueError):
        claims_module.record("r", True, condition="c", uses=[])


def test_ledger_reads_every_claim_of_a_notebook():
    from sinorus.sphinx_claims import notebook_claims

    md = CHAPTERS / "00-how-to-use.md"
    records = notebook_claims(md.with_suffix(".ipynb"))
    assert {r["name"] for r in records} == set(claims(md))
    assert all(r["section"] for r in records), "a quoted claim without its section"
