"""Text a cell cuts off: what its column width and row height can show of it, at the cell's font.

Excel draws a cell's text on one line, running on over the cells beside it while they are empty and
cut at the edge of the first that holds something; wrapped text (and justified or distributed text)
breaks into lines at the column's width and is cut at the row's height when the row has a height of
its own. A cell whose text cannot fit is a place to hide a secret: a column 1.3 wide with a filled
neighbour, a sixth line in a 15 pt row, 200 spaces or an indent of 250 before the secret (issue 14).

The gate does not know the font's metrics, so it measures each character by a lower bound of its width
in the unit of column widths (the width of a "0" in the workbook's default font, ECMA-376 part 1,
18.3.1.13): a text is judged cut off only when even its narrowest drawing cannot fit. Text that may
be cut is a block (``xlsx.text_may_be_clipped``) and the clean copy leaves it out; text that fits by
a lower bound but not in Excel's font is the renderer's to find (ADR 0010). Numbers are not measured:
Excel rounds a General number to fit, and shows "###" for one that cannot (a known gap).

Measuring every text cell takes each row off the byte path (ADR 0008), so a workbook of more than
``THOROUGH_SHEET_BYTES`` of sheet XML is measured where text can be cut off in ways a reader has no
cue for: a column narrower than ``NARROW_TEXT_COLUMN``, a format that wraps, indents, aligns, shrinks
or changes the font size, and text padded by a run of ``PADDING_RUN`` spaces. Plain text a little
longer than its ordinary column, cut at a filled neighbour mid-word, passes there (ADR 0012).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from foidesk.core.release_check.findings import MIN_LEGIBLE_POINTS

# Lower bounds of a character's width, in widths of a "0" of the default font at its size. Calibri's
# and Arial's narrowest letters (i, l, j, t, f, r) and marks are at least 0.3 of a "0"; a space 0.4;
# every other character 0.6 (Calibri's "r" is 0.69, its "s" 0.77, digits 1.0).
NARROW_CHARACTERS = frozenset("iIjlftr.,:;'|!`()[]{}\"-")
NARROW_WIDTH = 0.3
SPACE_WIDTH = 0.4
OTHER_WIDTH = 0.6
# An indent level is three spaces (ECMA-376 part 1, 18.8.1 ``alignment/@indent``): at least one "0".
INDENT_WIDTH = 1.0
# A line of text is at least as high as its font size (Excel's 11 pt Calibri line is 15 pt).
LINE_HEIGHT = 1.0
DEFAULT_FONT_POINTS = 11.0
MAX_MERGED_COLUMNS = 256  # wider merged ranges are taken as wide enough for any text
# Workbooks up to this much sheet XML (a workbook of some 8 MB) have every text cell measured.
THOROUGH_SHEET_BYTES = 64_000_000
NARROW_TEXT_COLUMN = 3.0  # "0"s: a column narrower than this shows a letter or two of a word
PADDING_RUN = 8  # spaces in a row before more text: padding that pushes the text out of sight
_PADDED = re.compile(" {" + str(PADDING_RUN) + ",}[^ ]")
WRAPPING = frozenset({"justify", "distributed"})  # horizontal alignments that wrap text as wrapText does
_NOT_MEASURED_NARROW = {ord(character): None for character in NARROW_CHARACTERS | {" "}}


@dataclass(frozen=True, slots=True)
class TextExtent:
    """A text's lines (split at line breaks), each with a lower bound of its width in "0"s at the
    default font's size."""

    lines: tuple[float, ...]
    padded: bool = False  # a run of spaces pushes some of the text along (``PADDING_RUN``)

    @property
    def one_line(self) -> float:
        """The width of the whole text drawn on one line (an unwrapped cell ignores line breaks)."""
        return sum(self.lines)


@dataclass(frozen=True, slots=True)
class CellLook:
    """What of a cell format decides how much of its text shows: alignment and font size."""

    horizontal: str = "general"
    wrap: bool = False
    indent: int = 0
    shrink: bool = False
    points: float = DEFAULT_FONT_POINTS
    default_points: float = DEFAULT_FONT_POINTS

    @property
    def scale(self) -> float:
        return self.points / self.default_points if self.default_points > 0 else 1.0

    @property
    def wraps(self) -> bool:
        return self.wrap or self.horizontal in WRAPPING

    @property
    def ordinary(self) -> bool:
        """Left-aligned, on one line, in the default font: text that can only run over its neighbour."""
        return (
            self.horizontal in ("general", "left")
            and not self.wrap
            and not self.indent
            and not self.shrink
            and self.points == self.default_points
        )


PLAIN_LOOK = CellLook()


@dataclass(frozen=True, slots=True)
class Cut:
    """Why part of a cell's text cannot be seen ('' when all of it can).

    ``plain``: the ordinary overflow every spreadsheet has, a line of text in the default look, in a
    column wide enough to show a word, cut at a filled neighbour. The reader sees the text start and
    stop at the border, and selecting the cell shows all of it: a warning a decision maker accepts
    with a reason (``xlsx.text_overflows``), not a block. Everything else (a column too narrow to read,
    padding or an indent pushing text out, lines past a fixed row, shrinking past legibility, a merged
    or filled cell) hides text with no cue: ``xlsx.text_may_be_clipped``, a block (ADR 0012).
    """

    reason: str
    plain: bool = False

    def __bool__(self) -> bool:
        return bool(self.reason)


NOT_CUT = Cut("")


def line_width(line: str) -> float:
    """A lower bound of the width of one line of text, in "0"s of the default font."""
    others = len(line.translate(_NOT_MEASURED_NARROW))
    spaces = line.count(" ")
    narrow = len(line) - others - spaces
    return others * OTHER_WIDTH + spaces * SPACE_WIDTH + narrow * NARROW_WIDTH


def text_extent(text: str) -> TextExtent:
    padded = bool(_PADDED.search(text)) if " " * PADDING_RUN in text else False
    if "\n" not in text and "\r" not in text:
        return TextExtent((line_width(text),), padded)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return TextExtent(tuple(line_width(line) for line in lines), padded)


def longest_fitting(width: float) -> int:
    """The most characters a text can have and still fit ``width`` by every lower bound: longer texts
    may not fit (a byte search sends them to be measured)."""
    return max(0, math.floor(width / OTHER_WIDTH))


def clipped(
    extent: TextExtent,
    look: CellLook,
    width: float,
    height: float | None,
    *,
    left_filled: bool,
    right_filled: bool,
    merged: bool = False,
    thorough: bool = True,
) -> Cut:
    """Why part of the text cannot be seen in its cell (a false ``Cut`` when all of it can).

    ``width`` is the cell's (or its merged range's) in "0"s; ``height`` its row's in points, None when
    the row grows to fit its text (no height of its own). A cell with a neighbour filled on the side
    its text runs over, a merged cell, and a filled (``fill``) cell cut their text at their edge.
    Not ``thorough`` (a big workbook), ordinary text padded by no run of spaces in a column of
    ``NARROW_TEXT_COLUMN`` or more is not judged.
    """
    if not thorough and look.ordinary and not extent.padded and width >= NARROW_TEXT_COLUMN:
        return NOT_CUT
    indent = look.indent * INDENT_WIDTH * (2 if look.horizontal == "distributed" else 1)
    if look.wraps:
        if height is None:
            return NOT_CUT
        room = max(width - indent, NARROW_WIDTH)
        lines = sum(max(1, math.ceil(line * look.scale / room)) for line in extent.lines)
        needed = lines * look.points * LINE_HEIGHT
        if needed > height:
            return Cut(f"{lines} lines of wrapped text need {needed:.0f} pt; the row is {height:g} pt high")
        return NOT_CUT
    drawn = extent.one_line * look.scale + indent
    if drawn <= width:
        return NOT_CUT
    if look.shrink:
        shown = look.points * width / drawn
        if shown < MIN_LEGIBLE_POINTS:
            return Cut(f"shrunk to fit, the text would be {shown:.1f} pt high")
        return NOT_CUT
    if merged or look.horizontal == "fill":
        return Cut(f"the text needs {drawn:.0f} characters' width; the cell has {width:g}")
    if look.horizontal == "right":
        blocked = left_filled
    elif look.horizontal in ("center", "centerContinuous"):
        blocked = left_filled or right_filled
    else:
        blocked = right_filled
    if blocked:
        return Cut(
            f"the text needs {drawn:.0f} characters' width; the cell has {width:g} and a filled neighbour",
            plain=look.ordinary and not extent.padded and width >= NARROW_TEXT_COLUMN,
        )
    return NOT_CUT


def thorough_for(sheet_bytes: int) -> bool:
    """Whether a workbook with this much sheet XML has every text cell measured."""
    return sheet_bytes <= THOROUGH_SHEET_BYTES


def _byte_widths() -> npt.NDArray[np.float64]:
    """The lower-bound width each byte of UTF-8 text adds: an ASCII character its own (line breaks and
    the batch separator NUL none), the first byte of any other character ``OTHER_WIDTH``, the bytes that
    continue it none."""
    widths = np.full(256, OTHER_WIDTH)
    for character in NARROW_CHARACTERS:
        widths[ord(character)] = NARROW_WIDTH
    widths[ord(" ")] = SPACE_WIDTH
    widths[[0, ord("\n"), ord("\r")]] = 0.0
    widths[0x80:0xC0] = 0.0
    return widths


BYTE_WIDTHS = _byte_widths()


class StringExtents:
    """The extents of a workbook's shared strings, measured as they stream past once, and whether
    every text cell of the workbook is measured (``thorough``).

    A batch is measured at once by numpy (its UTF-8 bytes' widths summed per string, ``line_width``'s
    bounds), so that a table of a million strings costs a fraction of a second; strings with line
    breaks or padding are measured one by one too.
    """

    __slots__ = ("_batches", "_multi", "_padded", "_totals", "thorough")

    def __init__(self, thorough: bool = True) -> None:
        self.thorough = thorough
        self._batches: list[npt.NDArray[np.float64]] = []
        self._totals: npt.NDArray[np.float64] | None = None
        self._multi: dict[int, tuple[float, ...]] = {}
        self._padded: set[int] = set()

    def measure(self, batches: Iterable[list[str]]) -> Iterator[list[str]]:
        """Pass the batches on, measuring each string."""
        for batch in batches:
            self._measure(batch)
            yield batch

    def _measure(self, batch: list[str]) -> None:
        if not batch:
            return
        first = sum(len(done) for done in self._batches)
        joined = "\x00".join(batch) + "\x00"  # NUL cannot occur in XML text; if it does, one by one
        data = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
        ends = np.flatnonzero(data == 0)
        if len(ends) == len(batch):
            starts = np.concatenate(([0], ends[:-1] + 1))
            self._batches.append(np.add.reduceat(BYTE_WIDTHS[data], starts))
        else:
            self._batches.append(np.array([text_extent(text).one_line for text in batch]))
        self._totals = None
        if "\n" in joined or "\r" in joined or " " * PADDING_RUN in joined:
            for offset, text in enumerate(batch):
                if "\n" in text or "\r" in text or " " * PADDING_RUN in text:
                    extent = text_extent(text)
                    if len(extent.lines) > 1:
                        self._multi[first + offset] = extent.lines
                    if extent.padded:
                        self._padded.add(first + offset)

    def _all(self) -> npt.NDArray[np.float64]:
        if self._totals is None:
            self._totals = np.concatenate(self._batches) if self._batches else np.zeros(0)
        return self._totals

    def of(self, index: int) -> TextExtent | None:
        totals = self._all()
        if not 0 <= index < len(totals):
            return None
        return TextExtent(self._multi.get(index, (float(totals[index]),)), index in self._padded)

    def at_risk(self, narrowest: float) -> set[str]:
        """The indices (as text) of the strings that may be cut off in a sheet whose narrowest column
        is ``narrowest`` wide, at the default font: any too long for it, or (not ``thorough``) padded
        ones, and any too long for a column narrower than ``NARROW_TEXT_COLUMN``."""
        if self.thorough or narrowest < NARROW_TEXT_COLUMN:
            return self.longer_than(narrowest)
        return {str(index) for index in self._padded}

    def longer_than(self, width: float) -> set[str]:
        """The indices (as text) of the strings that may not fit ``width`` at the default font."""
        return {str(int(index)) for index in np.flatnonzero(self._all() > width)}
