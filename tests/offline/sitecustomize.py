"""Refuse network access in every Python process of a test or build run.

`make test` and `make book` put this folder on PYTHONPATH, so Python imports this file at
start-up in pytest, in each notebook kernel nbval starts, and in Sphinx. Any attempt to
reach a host other than this machine through Python's `socket` raises OfflineError.
Loopback stays open, since Jupyter kernels talk to their clients over 127.0.0.1.

This is a tripwire for local runs, catching a library that quietly downloads; it is not a
sandbox (raw `_socket`, UDP and non-Python programs get past it). CI runs the tests in a
network namespace with no route out (`.ci/run`, `unshare -rn`), which is.
"""

import ipaddress
import socket

LOCAL_NAMES = {"localhost", "localhost.localdomain", "", None}


class OfflineError(OSError):
    """Raised instead of opening a connection to another machine."""


def _is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _address_host(address):
    return address[0] if isinstance(address, tuple) else None


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(_address_host(address)):
        raise OfflineError(f"network access refused (offline build/test): {address!r}")
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(_address_host(address)):
        raise OfflineError(f"network access refused (offline build/test): {address!r}")
    return _connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        raise OfflineError(f"name lookup refused (offline build/test): {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = _guarded_getaddrinfo
