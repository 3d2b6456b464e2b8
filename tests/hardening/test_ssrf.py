"""SSRF battery: every probe is refused with a clear message before any connection is made."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsprobe.errors import BlockedAddressError, FetchError
from newsprobe.ingest import FetchPolicy, load
from newsprobe.ingest.url import check_address

DIRECT_PROBES = [
    "http://127.0.0.1/",
    "http://127.0.0.1:22/",
    "http://localhost/",
    "http://localhost./",
    "http://[::1]/",
    "http://[::]/",
    "http://0.0.0.0/",
    "http://0/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://10.255.255.254/",
    "http://172.16.0.1/",
    "http://172.31.255.1/",
    "http://192.168.0.1/",
    "http://192.168.1.1:8080/admin",
    "http://100.64.0.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0x7f.0.0.1/",
    "http://017700000001/",
    "http://127.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://224.0.0.1/",
    "http://255.255.255.255/",
    "http://240.0.0.1/",
    "http://198.18.0.1/",
    "https://127.0.0.1:443/",
]

SCHEME_AND_SYNTAX_PROBES = [
    ("file:///etc/passwd", "only http and https"),
    ("gopher://127.0.0.1:70/_stats", "only http and https"),
    ("ftp://example.org/file", "only http and https"),
    ("dict://127.0.0.1:11211/stats", "only http and https"),
    ("http://user:secret@example.org/", "credentials"),
    ("http://admin@169.254.169.254/", "credentials"),
    ("http://example.org/" + "a" * 5000, "longer than"),
]


@pytest.mark.parametrize("url", DIRECT_PROBES)
def test_direct_address_probes_are_refused(url):
    with pytest.raises(FetchError) as info:
        load(url)
    message = str(info.value)
    assert "refusing" in message or "invalid URL" in message or "cannot resolve" in message


@pytest.mark.parametrize("url, message", SCHEME_AND_SYNTAX_PROBES)
def test_scheme_and_syntax_probes_are_refused(url, message):
    with pytest.raises(BlockedAddressError, match=message):
        load(url)


@pytest.mark.parametrize(
    "addresses", [["10.1.2.3"], ["169.254.169.254"], ["93.184.216.34", "192.168.0.5"], ["::1"], ["fd12::1"]]
)
def test_hostname_resolving_to_private_address(addresses):
    policy = FetchPolicy(resolver=lambda host, port: addresses)
    with pytest.raises(BlockedAddressError, match="non-public address"):
        load("http://metadata.internal.example/", policy=policy)


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2/",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706434/",
        "http://[::ffff:10.0.0.1]/",
        "file:///etc/passwd",
        "http://user:pw@example.org/",
    ],
)
def test_redirects_to_refused_targets(local_server, loopback_policy, target):
    start = local_server.add("/jump", status=302, headers={"Location": target})
    with pytest.raises(FetchError, match="refusing|unsupported scheme|credentials"):
        load(start, policy=loopback_policy())


def test_redirect_to_hostname_resolving_private(local_server):
    start = local_server.add("/jump", status=302, headers={"Location": "http://evil.example/"})

    def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "127.0.0.1" else ["10.9.8.7"]

    policy = FetchPolicy(resolver=resolver, allowed_networks=("127.0.0.1/32",))
    with pytest.raises(BlockedAddressError, match="10.9.8.7"):
        load(start, policy=policy)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700::1111"])
def test_public_addresses_pass_the_check(address):
    check_address(address)


@pytest.mark.parametrize(
    "url, code, message",
    [
        ("http://169.254.169.254/latest/meta-data/", 3, "non-public address"),
        ("http://[::1]/", 3, "non-public address"),
        ("file:///etc/passwd", 3, "only http and https"),
        ("http://u:p@example.org/", 3, "credentials"),
    ],
)
def test_cli_analyze_url_refuses(url, code, message):
    result = subprocess.run([sys.executable, "-m", "newsprobe.cli", "analyze", url], capture_output=True, timeout=60)
    err = result.stderr.decode()
    assert result.returncode == code and message in err and "Traceback" not in err
