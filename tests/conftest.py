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
