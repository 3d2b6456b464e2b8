"""Read PTC-format articles and label files (SemEval-2020 Task 11 layout).

Articles are `article<ID>.txt`, read as UTF-8 without newline translation; label lines are
`ID<TAB>start<TAB>end` (SI) or `ID<TAB>technique<TAB>start<TAB>end` (TC), offsets in code points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["LabelledSpan", "read_articles", "read_labels", "read_text", "write_labels"]

_ARTICLE_NAME = re.compile(r"^article(\d+)\.txt$")


@dataclass(frozen=True)
class LabelledSpan:
    article_id: str
    start: int
    end: int
    technique: str = "?"


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def read_articles(directory: Path) -> dict[str, str]:
    """Every `article<ID>.txt` in `directory`, by ID (sorted)."""
    if not directory.is_dir():
        raise InputError(f"not a directory: {directory}")
    found = {
        match.group(1): path
        for path in directory.iterdir()
        if (match := _ARTICLE_NAME.match(path.name))
    }
    return {article_id: read_text(found[article_id]) for article_id in sorted(found)}


def _parse_line(fields: list[str], where: str) -> LabelledSpan:
    try:
        if len(fields) == 3:
            return LabelledSpan(fields[0], int(fields[1]), int(fields[2]))
        if len(fields) >= 4:
            return LabelledSpan(fields[0], int(fields[2]), int(fields[3]), fields[1])
    except ValueError:
        pass
    raise InputError(f"{where}: expected ID<TAB>[technique<TAB>]start<TAB>end")


def read_labels(path: Path) -> list[LabelledSpan]:
    """SI (3 columns) or TC (4 columns) label lines, in file order; blank lines are skipped."""
    if not path.is_file():
        raise InputError(f"no such label file: {path}")
    spans = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if line.strip():
            spans.append(_parse_line(line.rstrip("\r\n").split("\t"), f"{path}:{number}"))
    return spans


def read_label_dir(directory: Path) -> list[LabelledSpan]:
    """All spans from a folder of per-article label files."""
    spans: list[LabelledSpan] = []
    for path in sorted(directory.glob("*.labels")):
        spans.extend(read_labels(path))
    return spans


def write_labels(spans: list[LabelledSpan], *, with_technique: bool) -> str:
    if with_technique:
        return "".join(f"{s.article_id}\t{s.technique}\t{s.start}\t{s.end}\n" for s in spans)
    return "".join(f"{s.article_id}\t{s.start}\t{s.end}\n" for s in spans)
