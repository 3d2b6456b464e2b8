"""`newsprobe serve`: the real command in a subprocess, and the polite message without the extra."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from newsprobe.cli import app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 90) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else "exited"
        try:
            return httpx.get(url, timeout=2)
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_starts_and_answers(workers: int, tmp_path: Path) -> None:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "newsprobe.cli",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--analyses",
        "entities",
        "--data-dir",
        str(tmp_path),
    ] + ([] if workers == 1 else ["--no-warm-up"])
    process = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
    try:
        health = wait_for(f"http://127.0.0.1:{port}/healthz", process)
        assert health.json()["analysers"] == ["entities"]
        assert health.headers["x-content-type-options"] == "nosniff"
        assert "server" not in health.headers
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_serve_without_web_extra_prints_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)  # `import fastapi` now raises ImportError
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "pip install -e '.[web]'" in result.output
    assert "Traceback" not in result.output


def test_bad_key_file_is_one_clear_line(tmp_path: Path) -> None:
    keys = tmp_path / "keys.txt"
    keys.write_text("short\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newsprobe.cli", "serve", "--api-key-file", str(keys)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "at least 16 characters" in result.stderr and "Traceback" not in result.stderr
