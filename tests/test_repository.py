"""The layout the user fixed, the two commands, exact pins, licences and citation."""

import re
import subprocess
import sys
import tomllib

import yaml

from book_facts import ROOT, config


def test_layout():
    for path in ["_config.yml", "_toc.yml", "chapters", "data", "requirements.txt", "tests",
                 "README.md", "Makefile", ".ci/run", "references.bib", "jupytext.toml",
                 "LICENSE", "LICENSE-CONTENT.md", "CITATION.cff", "benchmarks/run.py",
                 "sinorus/__init__.py", "data/datapackage.json", "index.md", "bibliography.md"]:
        assert (ROOT / path).exists(), path


def test_requirements_are_exact_pins():
    lines = [l for l in (ROOT / "requirements.txt").read_text().splitlines()
             if l.strip() and not l.startswith("#")]
    loose = [l for l in lines if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.+\-]+", l)]
    assert not loose
    pins = {l.split("==")[0].lower(): l.split("==")[1] for l in lines}
    assert pins["jupyter-book"] == "1.0.4.post1"
    assert pins["axelrod"] == "4.13.0"
    assert pins["sphinx"].startswith("7.4.") and pins["myst-nb"].startswith("1.4.")
    assert pins["sphinx-book-theme"].startswith("1.")
    for package in ["sphinxcontrib-bibtex", "sphinx-exercise", "jupytext", "nbval", "nashpy",
                    "pandas", "matplotlib", "frictionless", "dask", "pyarrow", "pytest"]:
        assert package in pins, package


def test_package_dependencies_are_the_pinned_requirements():
    """What `pip install .` asks for is exactly the pinned environment (requirements.txt)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["project"]["dynamic"] == ["dependencies"]
    assert "dependencies" not in pyproject["project"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["dependencies"] == {"file": ["requirements.txt"]}


def test_lock_pins_setuptools_with_pkg_resources_and_jupyterlab():
    """axelrod 4.13 imports pkg_resources, which setuptools 81 removed; `make lab` needs
    JupyterLab. Both are pinned, and `make lock` keeps setuptools (pip freeze drops it)."""
    pins = {l.split("==")[0].lower(): l.split("==")[1]
            for l in (ROOT / "requirements.txt").read_text().splitlines() if "==" in l}
    assert int(pins["setuptools"].split(".")[0]) < 81
    assert "jupyterlab" in pins and "pip" not in pins
    assert "freeze --all --exclude pip" in (ROOT / "Makefile").read_text()


def test_each_python_has_its_own_environment():
    """`make test PYTHON=python3.12` must not reuse or wipe the 3.11 environment."""
    version = "%d.%d" % sys.version_info[:2]
    venv = ".venv" if version == "3.11" else f".venv-{version}"
    plan = subprocess.run(["make", "-n", "-B", "--no-print-directory", "venv", f"PYTHON={sys.executable}"],
                          cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert f" -m venv {venv}\n" in plan
    assert re.search(rf"^touch {re.escape(venv)}/\.ready-{re.escape(version)}-\d+$", plan, re.M)


def test_binder_reads_a_supported_python():
    assert (ROOT / "runtime.txt").read_text().strip() in {"python-3.11", "python-3.12"}


def test_ci_runs_the_readme_test_command_on_both_pythons_without_network():
    ci = (ROOT / ".ci/run").read_text()
    assert "set -euo pipefail" in ci
    assert re.search(r"^\s*for version in 3\.11 3\.12; do$", ci, re.M)
    assert re.search(r"make venv PYTHON=", ci) and re.search(r"unshare -rn .*make test PYTHON=", ci)
    readme = (ROOT / "README.md").read_text()
    assert "make book" in readme and "make test" in readme and "PYTHON=python3.12" in readme


def test_config_builds_from_notebooks_and_only_the_toc():
    c = config()
    assert c["only_build_toc_files"] is True
    assert "chapters/*.md" in c["exclude_patterns"]
    assert c["execute"]["execute_notebooks"] == "off"
    assert c["sphinx"]["config"]["bibtex_reference_style"] == "author_year"
    assert "sphinx_exercise" in c["sphinx"]["extra_extensions"]


def test_citation_file_matches_the_book():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["cff-version"].startswith("1.2")
    assert citation["title"] == config()["title"]
    assert citation["repository-code"] == config()["repository"]["url"]
    assert citation["title"] in (ROOT / "index.md").read_text()


def test_licences():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "Attribution 4.0 International" in (ROOT / "LICENSE-CONTENT.md").read_text()
