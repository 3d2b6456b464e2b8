"""Report permalinks: an LRU in memory, optionally backed by JSON files in a data directory.

A report id is an HMAC (keyed by a per-store secret) of the input and the analysis settings, so the
same article analysed the same way gets the same permalink (and is not analysed twice), while an
id cannot be computed, or confirmed, by someone who only knows an article's text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .._version import __version__
from ..analyse import registry
from ..analyse.base import Profile
from ..errors import UnknownAnalyserError
from ..ingest import RawDocument
from ..report import Report

__all__ = ["REPORT_ID", "ReportStore", "report_from_json"]

REPORT_ID = re.compile(r"^[0-9a-f]{32}$")
_SECRET_FILE = "permalink.key"


def report_from_json(text: str | bytes) -> Report:
    """A stored report with each analyser result validated back into its own result model."""
    raw: dict[str, Any] = json.loads(text)
    analyses: dict[str, BaseModel] = {}
    for name, value in (raw.get("analyses") or {}).items():
        try:
            analyses[name] = registry.get(name).Result.model_validate(value)
        except (UnknownAnalyserError, ValidationError):
            continue  # an analyser removed or changed since; the rest of the report still shows
    report = Report.model_validate({**raw, "analyses": {}})
    report.analyses = analyses
    return report


def _load_secret(directory: Path | None) -> bytes:
    if directory is None:
        return secrets.token_bytes(32)
    path = directory / _SECRET_FILE
    try:
        return bytes.fromhex(path.read_text().strip())
    except (OSError, ValueError):
        pass
    secret = secrets.token_bytes(32)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secret.hex())
    try:
        os.link(tmp, path)  # the first worker to get here wins; others read its secret
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return bytes.fromhex(path.read_text().strip())


class _Entry:
    __slots__ = ("_json", "report")

    def __init__(self, report: Report, json_text: str | None = None) -> None:
        self.report = report
        self._json = json_text

    @property
    def json(self) -> str:
        if self._json is None:
            self._json = self.report.model_dump_json()
        return self._json


class ReportStore:
    def __init__(self, capacity: int = 256, directory: Path | None = None) -> None:
        self.capacity = capacity
        self.directory = directory
        if directory is not None:
            (directory / "reports").mkdir(parents=True, exist_ok=True)
        self._secret = _load_secret(directory)
        self._memory: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def report_id(self, document: RawDocument, analyses: tuple[str, ...], profile: Profile) -> str:
        """Stable id of one analysis of one input: content, kind, source and URL, analysers, profile, version."""
        mac = hmac.new(self._secret, digestmod=hashlib.sha256)
        description = document.description
        parts = (
            __version__,
            profile,
            ",".join(analyses),
            document.kind,
            description.source,
            description.url or "",
            document.content,
        )
        for part in parts:
            encoded = part.encode("utf-8", "surrogatepass")
            mac.update(len(encoded).to_bytes(8, "big"))
            mac.update(encoded)
        return mac.hexdigest()[:32]

    def get(self, report_id: str) -> Report | None:
        entry = self._entry(report_id)
        return entry.report if entry is not None else None

    def get_json(self, report_id: str) -> str | None:
        """The report serialised once and kept: repeated requests do not dump it again."""
        entry = self._entry(report_id)
        return entry.json if entry is not None else None

    def put(self, report_id: str, report: Report) -> None:
        entry = _Entry(report)
        self._remember(report_id, entry)
        if self.directory is not None:
            path = self._path(report_id)
            tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(entry.json, encoding="utf-8")
            os.replace(tmp, path)

    def _entry(self, report_id: str) -> _Entry | None:
        if not REPORT_ID.match(report_id):
            return None
        with self._lock:
            entry = self._memory.get(report_id)
            if entry is not None:
                self._memory.move_to_end(report_id)
                return entry
        entry = self._read(report_id)
        if entry is not None:
            self._remember(report_id, entry)
        return entry

    def _remember(self, report_id: str, entry: _Entry) -> None:
        with self._lock:
            self._memory[report_id] = entry
            self._memory.move_to_end(report_id)
            while len(self._memory) > self.capacity:
                self._memory.popitem(last=False)

    def _path(self, report_id: str) -> Path:
        assert self.directory is not None
        return self.directory / "reports" / f"{report_id}.json"

    def _read(self, report_id: str) -> _Entry | None:
        if self.directory is None:
            return None
        try:
            text = self._path(report_id).read_text(encoding="utf-8")
            return _Entry(report_from_json(text), text)
        except (OSError, ValueError, ValidationError):
            return None
