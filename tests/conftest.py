"""Test-wide set-up: the network is refused here and in every child process (kernels,
Sphinx), whether pytest was started by `make test` or by hand."""

import importlib
import os
import pathlib
import sys

OFFLINE = pathlib.Path(__file__).resolve().parent / "offline"
if str(OFFLINE) not in os.environ.get("PYTHONPATH", "").split(os.pathsep):
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")]))
    sys.path.insert(0, str(OFFLINE))
    importlib.import_module("sitecustomize")

import pytest  # noqa: E402

from book_facts import build_site  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site, built once per test session and shared by test_build and test_browser:
    (html folder, return code, log)."""
    output = tmp_path_factory.mktemp("site")
    result = build_site(output)
    return output / "_build" / "html", result.returncode, result.stdout + result.stderr
