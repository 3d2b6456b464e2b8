"""Hardening suites: a guard makes sure no test ever opens a connection off loopback."""

from __future__ import annotations

import ipaddress
import socket

import pytest


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if anything tries to connect to a non-loopback address during these tests."""
    original = socket.create_connection

    def guarded(address, *args, **kwargs):
        host = address[0]
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            ip = None
        if ip is None or not ip.is_loopback:
            raise AssertionError(f"test tried to connect to {host}")
        return original(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
