"""Stored outputs that do not depend on the CPU: glued floats rounded, sorts stable.

The last digits of a float differ between processors (numpy's SIMD code paths, the BLAS
kernel), and numpy's SIMD sorts order ties differently. `make test-cpu` re-runs every
notebook with those switched off; these tests check the rules that make it pass.
"""

import ast
import decimal
import pathlib
import re

import pytest

from book_facts import ROOT, glued, toc_chapters
from sinorus import fmt

chapters = pytest.mark.parametrize("md", toc_chapters(), ids=lambda p: p.stem)
FLOAT_TEXT = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def significant_digits(text: str) -> int:
    """'0.6530191097' -> 10, '1.5e-05' -> 2, '2000.0' -> 1."""
    return len(decimal.Decimal(text).normalize().as_tuple().digits)


def test_significant_digits_counts_what_a_float_repr_carries():
    assert significant_digits("-0.6530191096847366") == 16
    assert significant_digits(repr(fmt.rounded(-0.6530191096847366))) == 10
    assert significant_digits("1.5e-05") == 2 and significant_digits("2000.0") == 1


@chapters
def test_no_glued_float_has_more_digits_than_the_rule_allows(md):
    """fmt.glue stores floats at 10 significant digits at most (fewer with decimals=)."""
    too_long = {name: text for name, text in glued(md).items()
                if FLOAT_TEXT.fullmatch(text.strip()) and not text.strip().lstrip("-").isdigit()
                and significant_digits(text.strip()) > fmt.SIGNIFICANT_DIGITS}
    assert not too_long, f"{md.stem}: glued at full precision (regenerate with make notebooks): {too_long}"


SORTS = {"sort_values", "sort_index", "argsort"}


def unstable_sorts(source: str) -> list[int]:
    """Lines of calls to sort_values, sort_index or argsort without kind="stable"."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            kinds = [k.value for k in node.keywords if k.arg == "kind"]
            if name in SORTS and not (kinds and isinstance(kinds[0], ast.Constant)
                                      and kinds[0].value == "stable"):
                lines.append(node.lineno)
    return lines


def test_unstable_sorts_are_found():
    assert unstable_sorts('t.sort_values("x")\nnp.argsort(a, kind="stable")\nt.sort_index()') == [1, 3]


def _code(md: pathlib.Path) -> str:
    import jupytext

    cells = jupytext.read(md).cells
    return "\n".join("\n".join(line for line in c.source.splitlines() if not line.lstrip().startswith(("%", "!")))
                     for c in cells if c.cell_type == "code")


@pytest.mark.parametrize("path", [*toc_chapters(), *sorted((ROOT / "sinorus").glob("*.py"))],
                         ids=lambda p: p.name)
def test_every_sort_is_stable(path):
    """Ties in a sort key are ordered differently by numpy's SIMD sorts on other CPUs."""
    source = _code(path) if path.suffix == ".md" else path.read_text(encoding="utf-8")
    assert not unstable_sorts(source), \
        f"{path.name}: sort without kind=\"stable\" (code lines {unstable_sorts(source)})"


def test_the_cpu_pass_switches_off_every_dispatched_feature_and_no_baseline_one():
    import cpu_portable
    from numpy._core import _multiarray_umath as umath

    disabled = cpu_portable.settings()["NPY_DISABLE_CPU_FEATURES"].split()
    assert disabled == list(umath.__cpu_dispatch__)
    assert not set(disabled) & set(umath.__cpu_baseline__)


def test_make_test_ends_with_the_cpu_pass():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = lambda target: re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "test-cpu" in recipe("test").splitlines()[-1]
    assert "tests/cpu_portable.py" in recipe("test-cpu")
