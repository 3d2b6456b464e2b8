"""Text and markdown exports of article pages: headline, byline, dateline, tag lines, body, boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Metadata, ParagraphKind
from ._patterns import (
    BYLINE,
    DATELINE,
    NEWSLETTER_WIDGET,
    POLL_WIDGET,
    POSTED,
    PRICE_WIDGET,
    QUOTED_KICKER_HEADLINE,
    TAG_LABELS,
    TAG_LINE,
    WEEKDAYS,
)
from .assemble import Assembler, boilerplate_reason, closing_notes, normalise_space
from .dates import parse_date
from .markdown import flatten_inline, is_link_only, strip_block_markers

__all__ = ["Block", "clean_export", "split_blocks", "stands_apart"]

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?…:;]['\"”’)]*$")
_CONTINUES = re.compile(r"(?:[,(\[/&+–—-]|\b(?:and|or|but|nor|of|the|a|an|to|in|on|at|by|for|with|from))$", re.I)
_OPENS_UNIT = re.compile(r"^[\"'“‘(\[–—-]*[A-Z0-9]")
_OPENS_SENTENCE = re.compile(r"^[\"'“‘(\[]*[A-Z]")
UNIT_LINES_SHARE = 0.5
_QUOTED_KICKER_HEADLINE = re.compile(QUOTED_KICKER_HEADLINE)
# one group: split() keeps each widget between the texts around it
_WIDGETS = re.compile(f"((?i:{POLL_WIDGET})|{PRICE_WIDGET}|(?i:{NEWSLETTER_WIDGET}))", re.M | re.S)
_WIDGET_REMOVALS = [
    (re.compile(PRICE_WIDGET, re.M), "advertisement"),
    (re.compile(NEWSLETTER_WIDGET, re.M | re.I), "newsletter sign-up"),
]
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_PARAGRAPH_ENDS = re.compile(r"(?:^|\n[ \t]*\n)\s*$")
_PARAGRAPH_OPENS = re.compile(r"[ \t]*\n[ \t]*\n")
MAX_TITLE_WORDS = 30


@dataclass
class Block:
    """A run of non-blank lines, flattened to plain text line by line."""

    lines: list[str]
    heading: bool = False
    link_only: bool = False
    removal: str | None = None  # why the whole block is boilerplate, when that was known before its lines were read

    @property
    def text(self) -> str:
        """A list's items one a line, the lines of an item or a paragraph run together."""
        if not (self.lines and is_list_item(self.lines[0])):
            return " ".join(normalise_space(line) for line in self.lines)
        first, *rest = self.lines
        joined = [("\n" if is_list_item(line) else " ") + normalise_space(line) for line in rest]
        return normalise_space(first) + "".join(joined)


def split_blocks(raw: str) -> list[Block]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    text, widgets_before = _set_widgets_aside(raw)
    chunked = [_Line.read(chunk) for chunk in _PARAGRAPH_BREAK.split(text)]
    one_unit_a_line = _lines_are_units([lines for lines in chunked if lines])
    blocks: list[Block] = []
    for index, lines in enumerate(chunked):
        blocks.extend(_widget_block(widget) for widget in widgets_before.pop(index, []))
        # the first lines are the title's ("Shock!" over "The Pope Is Now …"), whatever their punctuation
        for group in _units(lines) if one_unit_a_line and blocks else [lines]:
            flat = [line.flat for line in group if line.flat]
            if flat:
                heading = any(line.heading for line in group)
                blocks.append(Block(lines=flat, heading=heading, link_only=all(line.link_only for line in group)))
    blocks.extend(_widget_block(widget) for widgets in widgets_before.values() for widget in widgets)
    return blocks


def _set_widgets_aside(raw: str) -> tuple[str, dict[int, list[str]]]:
    """The text without its widgets, and the widgets that stood before each paragraph, by the paragraph's index. A
    widget set inside a paragraph leaves that paragraph whole, its halves joined where the widget stood, and is
    listed after it."""
    text, *rest = _WIDGETS.split(raw)
    widgets_before: dict[int, list[str]] = {}
    for widget, after in zip(rest[::2], rest[1::2], strict=True):
        paragraphs_before = len(_PARAGRAPH_BREAK.split(text.rstrip())) if text.strip() else 0
        widgets_before.setdefault(paragraphs_before, []).append(widget)
        if _PARAGRAPH_ENDS.search(text) or _PARAGRAPH_OPENS.match(after):
            text += after
        else:
            on_a_line_of_its_own = text.rstrip(" \t").endswith("\n") or after.lstrip(" \t").startswith("\n")
            text = text.rstrip() + ("\n" if on_a_line_of_its_own else " ") + after.lstrip()
    return text, widgets_before


def _widget_block(widget: str) -> Block:
    removal = next((reason for pattern, reason in _WIDGET_REMOVALS if pattern.fullmatch(widget)), "poll widget")
    return Block(lines=[normalise_space(widget)], removal=removal)


@dataclass
class _Line:
    """One non-blank line of an export: flattened, and what its markdown said it was."""

    flat: str
    heading: bool
    link_only: bool

    @classmethod
    def read(cls, chunk: str) -> list[_Line]:
        lines = []
        for line in chunk.split("\n"):
            if line.strip():
                stripped, heading = strip_block_markers(line)
                lines.append(cls(flatten_inline(stripped).strip(), heading, is_link_only(line)))
        return lines

    @property
    def ends_unit(self) -> bool:
        return bool(_SENTENCE_END.search(self.flat))


def _lines_are_units(chunks: list[list[_Line]]) -> bool:
    """Whether a line break inside a paragraph ends something (a sentence per line, as in the SemEval texts)
    rather than wrapping a sentence at a fixed width: most such lines then end a sentence."""
    inner = [line for lines in chunks for line in lines[:-1] if line.flat]
    return len(inner) >= 2 and sum(line.ends_unit for line in inner) >= UNIT_LINES_SHARE * len(inner)


def _units(lines: list[_Line]) -> list[list[_Line]]:
    """Set apart each line that ends without a sentence ending when the next opens a new one: a subheading
    ("'Right decision'") or a credit ("–Fox News") is not run into the sentences around it; nor is a list (its items
    stay one a line) run into the prose around it."""
    if not lines:
        return []
    alone = [_stands_alone(line, following) for line, following in zip(lines, [*lines[1:], None], strict=True)]
    groups: list[list[_Line]] = [lines[:1]]
    for index, line in enumerate(lines[1:], start=1):
        previous = lines[index - 1]
        if (
            alone[index - 1]
            or (alone[index] and previous.ends_unit and _OPENS_UNIT.match(line.flat))
            or _list_starts_or_ends(groups[-1], previous, line)
        ):
            groups.append([])
        groups[-1].append(line)
    return groups


def _list_starts_or_ends(group: list[_Line], previous: _Line, line: _Line) -> bool:
    """A list item after prose, or a sentence opening after a list's last item (not the rest of an item the text
    broke at an abbreviation: 'according to can.' / '1405 § 1, No.')."""
    in_list = is_list_item(group[0].flat)
    if is_list_item(line.flat):
        return not in_list
    return in_list and previous.ends_unit and bool(_OPENS_SENTENCE.match(line.flat))


def _stands_alone(line: _Line, following: _Line | None) -> bool:
    return stands_apart(line.flat, following.flat if following is not None else None)


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def stands_apart(line: str, following: str | None) -> bool:
    """A line that ends without a sentence ending while the next opens a new one (or none follows): a subheading, a
    caption, a credit, not a sentence wrapped at a fixed width."""
    if not line or _SENTENCE_END.search(line) or _CONTINUES.search(line) or is_list_item(line):
        return False
    return following is None or bool(_OPENS_UNIT.match(following) and not is_list_item(following))


def _looks_like_title(block: Block) -> bool:
    text = block.text
    if block.heading:
        return True
    return (
        len(block.lines) == 1
        and 1 <= len(text.split()) <= MAX_TITLE_WORDS
        and not text.endswith(".")
        and _leading_boilerplate(text) is None
        and not BYLINE.match(text)
        and not DATELINE.match(text)
    )


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", names)
    return [part.strip() for part in parts if part.strip()]


class _HeaderReader:
    """Reads header lines (byline, dateline, tags) into metadata; says which lines it consumed."""

    def __init__(self, metadata: Metadata) -> None:
        self.metadata = metadata
        self._last_tag: str | None = None

    def read_block(self, block: Block) -> bool:
        """Consume the block when every line is header material."""
        if block.link_only and len(block.text.split()) <= 6:
            return True
        saved = (self.metadata.model_copy(deep=True), self._last_tag)
        if all(self._read_line(line) for line in block.lines):
            return True
        self.metadata, self._last_tag = saved
        return False

    def _read_line(self, line: str) -> bool:
        return self._byline(line) or self._dateline(line) or self._tag(line)

    def _byline(self, line: str) -> bool:
        match = BYLINE.match(line)
        if not match or len(line.split()) > 16:
            return False
        printed = line[2:].strip().lstrip(":").strip()
        self.metadata.byline = self.metadata.byline or printed
        self.metadata.authors = self.metadata.authors or _split_names(match.group("name").strip())
        self._last_tag = None
        return True

    def _dateline(self, line: str) -> bool:
        match = DATELINE.match(line) or POSTED.match(line)
        if not match:
            return False
        published = parse_date(match.group("date"))
        if published is None:
            return False
        self.metadata.published = self.metadata.published or published
        groups = match.groupdict()
        if groups.get("site") and groups["site"].strip().lower() not in WEEKDAYS:
            self.metadata.site_name = self.metadata.site_name or groups["site"].strip()
        if groups.get("name"):
            self._byline(f"By {groups['name']}")
        self._last_tag = None
        return True

    def _tag(self, line: str) -> bool:
        match = TAG_LINE.match(line)
        if match and match.group("label").lower() in TAG_LABELS:
            self._last_tag = match.group("label")
            self.metadata.tags[self._last_tag] = _split_names_keep_and(match.group("values"))
            return True
        if self._last_tag and len(line.split()) <= 8:  # a tag list wrapped onto the next line
            values = self.metadata.tags[self._last_tag]
            joined = ", ".join(values) + " " + line
            self.metadata.tags[self._last_tag] = _split_names_keep_and(joined)
            return True
        return False


def _split_names_keep_and(values: str) -> list[str]:
    return [part.strip() for part in re.split(r"\s*[,;|]\s*", values) if part.strip()]


def clean_export(raw: str, metadata: Metadata | None = None) -> tuple[Metadata, Assembler]:
    """Split a text/markdown export into metadata and an assembled clean body."""
    metadata = metadata or Metadata()
    blocks = split_blocks(raw)
    assembler = Assembler()
    index = 0
    while index < len(blocks) and (reason := blocks[index].removal or _leading_boilerplate(blocks[index].text)):
        assembler.remove(blocks[index].text, reason)  # e.g. "View this email in your browser"
        index += 1
    if index < len(blocks) and _looks_like_title(blocks[index]):
        metadata.title = blocks[index].text
        index += 1
        if index < len(blocks) and blocks[index].heading and len(blocks[index].text.split()) <= 40:
            metadata.description = blocks[index].text  # a subtitle / standfirst
            index += 1
    header = _HeaderReader(metadata)
    while index < len(blocks) and header.read_block(blocks[index]):
        index += 1
    metadata = header.metadata
    body = blocks[index:]
    removals = [_removal(block) for block in body]
    texts = [block.text for block in body]
    for position, reason in closing_notes(texts, [removal is None for removal in removals]).items():
        removals[position] = [(texts[position], reason)]
    for block, removal in zip(body, removals, strict=True):
        if removal is None:
            assembler.add_paragraph(block.text, _kind(block))
        for text, reason in removal or []:
            assembler.remove(text, reason)
    return metadata, assembler


def _leading_boilerplate(text: str) -> str | None:
    """Why a block before the title is boilerplate; a headline with a quoted kicker ("“It's gotta be a set-up”:
    Neighbor of …") there is the export's title, not a teaser for another story."""
    return None if _QUOTED_KICKER_HEADLINE.match(text) else boilerplate_reason(text)


def _removal(block: Block) -> list[tuple[str, str]] | None:
    """The block's parts that are boilerplate, each with its reason; None when the block is body text."""
    if block.removal:
        return [(block.text, block.removal)]
    reasons = [boilerplate_reason(line) for line in block.lines]
    if len(block.lines) > 1 and all(reasons):
        return [(line, reason or "") for line, reason in zip(block.lines, reasons, strict=True)]
    reason = boilerplate_reason(block.text)
    if reason is None and block.link_only and len(block.text.split()) <= 8:
        reason = "navigation link"
    return [(block.text, reason)] if reason else None


def _kind(block: Block) -> ParagraphKind:
    return "heading" if block.heading else ("list" if "\n" in block.text else "paragraph")
