"""Flatten markdown inline markup to plain text: links, images, emphasis, headings, quotes, escapes."""

from __future__ import annotations

import re

__all__ = ["flatten_inline", "is_link_only", "strip_block_markers"]

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]*(?:\([^)]*\))?[^()\s]*)(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_QUOTE_MARK = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_LINK_ONLY = re.compile(r"^\s*(?:[-*+•]\s+)?(?:\[[^\]]*\]\([^)]*\)[\s,|•·/]*)+$")


def flatten_inline(line: str) -> str:
    """`**Lavrov** said [this](url)` -> `Lavrov said this`."""
    line = _IMAGE.sub("", line)
    for pattern in (_LINK, _REF_LINK, _AUTOLINK, _CODE):
        line = pattern.sub(r"\1", line)
    for _ in range(3):  # nested emphasis such as ***x*** or **_x_**
        flattened = _EMPHASIS_UNDERSCORE.sub(
            r"\1", _EMPHASIS_STAR.sub(r"\1", _STRIKE.sub(r"\1", _STRONG.sub(r"\2", line)))
        )
        if flattened == line:
            break
        line = flattened
    return _ESCAPE.sub(r"\1", line)


def strip_block_markers(line: str) -> tuple[str, bool]:
    """Remove heading hashes and blockquote markers; return (line, is_heading). Rules become ''."""
    if _RULE.match(line):
        return "", False
    line = _QUOTE_MARK.sub("", line)
    heading = _HEADING.match(line)
    if heading:
        return heading.group(2), True
    return line, False


def is_link_only(line: str) -> bool:
    """A line made only of markdown links, such as `[RT News](#)`."""
    return bool(_LINK_ONLY.match(line))
