"""Tests and builds run with the network refused (tests/offline/sitecustomize.py)."""

import errno
import os
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


@pytest.mark.skipif(not os.environ.get("SINORUS_SANDBOX"),
                    reason="only inside CI's network namespace (.ci/run sets SINORUS_SANDBOX)")
def test_ci_sandbox_has_no_route_out():
    """Where the guard cannot see (the raw _socket module, a program that is not Python),
    the namespace still allows no connection to another machine."""
    import _socket

    raw = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    with pytest.raises(OSError) as refused:
        raw.settimeout(2)
        raw.connect(("192.0.2.1", 80))
    raw.close()
    assert refused.value.errno == errno.ENETUNREACH  # no route: the kernel refuses, not the guard
    git = subprocess.run(["git", "ls-remote", "https://github.com/git/git"], capture_output=True, text=True)
    assert git.returncode != 0
