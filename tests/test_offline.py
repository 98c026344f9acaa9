"""Tests and builds run with the network refused (tests/offline/sitecustomize.py)."""

import socket
import subprocess
import sys

import pytest


def test_this_process_is_offline():
    with pytest.raises(OSError, match="offline"):
        socket.create_connection(("pypi.org", 443), timeout=1)


def test_child_processes_are_offline_too():
    """Kernels and Sphinx are child processes: they inherit the guard."""
    child = subprocess.run([sys.executable, "-c",
                            "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"],
                           capture_output=True, text=True)
    assert child.returncode != 0 and "offline" in child.stderr


def test_loopback_stays_open():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    with server, socket.create_connection(server.getsockname(), timeout=1):
        pass
