"""The byte path through a worksheet's rows, shared by the check and the clean copy.

Most of a big sheet is nothing but ``<row>``, ``<c>`` and ``<v>`` elements. Such stretches of rows
are checked, and copied, as bytes at the speed of decompression; a stretch holding anything else (a
formula, a rich inline string, a hidden or very low row, a comment, a character reference, an
attribute not listed here) is parsed by lxml and handled cell by cell. Nothing is passed on trust: a
stretch is plain only when the whole of it matches a grammar of plain rows (a whitelist, not a search
for known dangers), and copied as it is only when it matches the stricter grammar of rows whose every
value is a number or a shared-string index.

The grammars run in RE2: a linear-time automaton that releases the GIL, so one stretch can be judged
while another is being inflated or deflated (ADR 0008). Python's ``re`` takes three times as long.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeAlias
from xml.sax.saxutils import unescape

import re2
from lxml import etree

from foidesk.core.release_check.archive import ZipContainer, parse_xml
from foidesk.core.release_check.findings import CannotInspect
from foidesk.core.release_check.personal_data import MIGHT_BE_PERSONAL

if TYPE_CHECKING:
    Pattern: TypeAlias = re2._Regexp[bytes]

RE2_MAX_REPEAT = 1000  # the largest count RE2 takes in a repetition {n}
RE2_MEMORY = 64 << 20  # bytes of automaton per pattern; past it RE2 falls back to a slower engine


def compile_re2(pattern: bytes) -> Pattern:
    options = re2.Options()
    options.max_mem = RE2_MEMORY
    return re2.compile(pattern, options)


# --- the grammar of plain rows ---------------------------------------------------------------------

_SPACE = rb"[ \t\r\n]*"
_BOOLEAN = rb'"(?:0|1|true|false)"'
_COUNT = rb'"[0-9]{1,5}"'
_DECIMAL = rb'"-?[0-9]{0,6}(?:\.[0-9]{0,17})?"'
# A row at least MIN_ROW_POINTS (4) high: a lower row shows no readable text; lxml judges it.
_READABLE_HEIGHT = rb'"0*(?:[4-9]|[1-9][0-9]{1,3})(?:\.[0-9]{0,17})?"'
_SPANS = rb'"[0-9]{1,5}:[0-9]{1,5}(?: [0-9]{1,5}:[0-9]{1,5}){0,16}"'
_TEXT = rb"(?:[^<&]|&(?:amp|lt|gt|quot|apos);)*"
_INLINE = rb'<is><t(?: xml:space="preserve")?>' + _TEXT + rb"</t></is>"


def _attributes(allowed: dict[bytes, bytes]) -> bytes:
    """Any number of the listed attributes, each with a value matching its pattern."""
    return rb"(?:" + b"|".join(b" " + name + b"=" + value for name, value in allowed.items()) + rb")*"


_ROW_ATTRIBUTES = _attributes(
    {
        b"spans": _SPANS,
        b"s": _COUNT,
        b"customFormat": _BOOLEAN,
        b"ht": _READABLE_HEIGHT,
        b"customHeight": _BOOLEAN,
        b"outlineLevel": rb'"[0-7]"',
        b"collapsed": _BOOLEAN,
        b"thickBot": _BOOLEAN,
        b"thickTop": _BOOLEAN,
        b"ph": _BOOLEAN,
        b"x14ac:dyDescent": _DECIMAL,
    }
)


def _grammar(cell_types: bytes, value: bytes) -> bytes:
    """Rows, each with its number first, of cells, each with its reference first."""
    cell_attributes = _attributes({b"s": _COUNT, b"t": rb'"(?:' + cell_types + rb')"', b"ph": _BOOLEAN})
    content = rb"(?:<v>" + value + rb"</v>|" + _INLINE + rb")?"
    cell = rb'<c r="[A-Z]{1,3}[0-9]{1,7}"' + cell_attributes + rb"(?:/>|>" + content + rb"</c>)"
    cells = rb"(?:" + _SPACE + cell + rb")*" + _SPACE
    row = rb'<row r="[0-9]{1,7}"' + _ROW_ATTRIBUTES + rb"(?:/>|>" + cells + rb"</row>)"
    return rb"(?:" + _SPACE + row + rb")*" + _SPACE


# Rows a reader sees in full: any value (text with named entities only), no hidden or low row.
PLAIN_ROWS = compile_re2(_grammar(rb"s|n|b|e|d|str|inlineStr", _TEXT))
# Rows a clean copy can keep byte for byte: numbers and shared-string indices only.
COPYABLE_ROWS = compile_re2(_grammar(rb"s|n|b|inlineStr", rb"[0-9.eE+-]{1,40}"))

# Shared-string items of plain text (no rich-text runs, no character references, no raw CR, which
# XML would turn into LF): read as bytes, they give the same text as a parser.
PLAIN_STRING_ITEMS = compile_re2(
    rb'(?:[ \t\n]*<si><t(?: xml:space="preserve")?>(?:[^<&\r]|&(?:amp|lt|gt|quot|apos);)*</t></si>)*[ \t\n]*'
)
INLINE_TEXT = re.compile(rb'<is><t(?: xml:space="preserve")?>([^<]*)</t></is>')
SHARED_INDEX = re.compile(rb't="s"[^>]*><v>(\d{1,9})</v>')
LAST_ROW = re.compile(rb'<row r="(\d+)"')
SHEET_DATA_OPEN = re.compile(rb"<sheetData\s*(/?)>")
WORKSHEET_OPEN = re.compile(rb"<worksheet\b[^>]*>")
NAMESPACE_DECLARATION = re.compile(rb"""\sxmlns(?::[A-Za-z_][\w.-]*)?\s*=\s*(?:"[^"]*"|'[^']*')""")
HEAD_LIMIT_BYTES = 64 * 1024 * 1024  # sheet settings before the rows; more is not a real sheet
ROW_LIMIT_BYTES = 64 * 1024 * 1024  # one row of 16,384 cells is far less
FLAGGED_PATTERN_LIMIT = 2_000  # shared strings that look personal, searched for by one pattern
NARROW_STRETCH_BYTES = 16_384


def plain_rows(data: bytes) -> bool:
    """Rows whose every cell a reader sees, with no inline text that could be personal data."""
    return PLAIN_ROWS.fullmatch(data) is not None and (b"<is>" not in data or _inline_texts_impersonal(data))


def copyable_rows(data: bytes) -> bool:
    """Plain rows a clean copy can keep byte for byte: listed attributes, numbers and indices only."""
    return COPYABLE_ROWS.fullmatch(data) is not None and (
        b"<is>" not in data or _inline_texts_impersonal(data)
    )


def _inline_texts_impersonal(data: bytes) -> bool:
    texts = INLINE_TEXT.findall(data)
    if len(texts) != data.count(b"<is>"):
        return False
    return MIGHT_BE_PERSONAL.search(unescape(b"\x00".join(texts).decode("utf-8"))) is None


def flagged_pattern(flagged: set[str]) -> Pattern | None:
    """Cells showing any of these shared strings (indices), or None if there are none or too many."""
    if not flagged or len(flagged) > FLAGGED_PATTERN_LIMIT:
        return None
    alternatives = "|".join(sorted(flagged)).encode()
    return compile_re2(rb'<c r="([A-Z]+[0-9]+)"[^>]*?t="s"[^>]*><v>(?:' + alternatives + rb")</v>")


def cells_with_styles(styles: set[int] | dict[int, str]) -> Pattern | None:
    """Cells with a value in any of these formats, or None if there are none."""
    if not styles:
        return None
    alternatives = b"|".join(str(index).encode() for index in sorted(styles))
    return compile_re2(rb'<c r="([A-Z]+[0-9]+)"[^>]*? s="(?:' + alternatives + rb')"[^>]*><(?:v|is)>')


def inline_strings_longer_than(characters: int) -> Pattern:
    """Inline strings of more than ``characters`` characters (bytes: an over-count, never an under-count)."""
    count = min(characters + 1, RE2_MAX_REPEAT)  # longer texts than RE2 can count all leave the byte path
    return compile_re2(rb"<is><t(?: [^>]*)?>[^<]{" + str(count).encode() + rb"}")


def stretch_test(
    grammar: Callable[[bytes], bool], avoided: Iterable[Pattern | None], touched: Callable[[bytes], bool]
) -> Callable[[bytes], bool]:
    """Plain by ``grammar``, with no cell any ``avoided`` pattern finds and no row ``touched`` (by a
    merged range, say): the test a stretch must pass to be checked, or copied, as bytes."""
    patterns = [pattern for pattern in avoided if pattern is not None]

    def test(data: bytes) -> bool:
        return grammar(data) and not any(p.search(data) for p in patterns) and not touched(data)

    return test


class NotPlainSheet(Exception):
    """The sheet's outline is unusual (a prefixed root, no sheetData): read it element by element."""


class SheetSections:
    """A worksheet part cut, as bytes, into its head (up to ``sheetData``), stretches of whole rows
    and its tail; lxml parses the head, the tail and any stretch that is not plain."""

    def __init__(self, box: ZipContainer, part: str) -> None:
        self.part = part
        self._chunks = box.chunks(part, prefetch=True)
        buffer = b""
        opening = None
        for chunk in self._chunks:
            buffer += chunk
            opening = SHEET_DATA_OPEN.search(buffer)
            if opening is not None or len(buffer) > HEAD_LIMIT_BYTES:
                break
        root = WORKSHEET_OPEN.search(buffer)
        if opening is None or root is None:
            self.close()
            raise NotPlainSheet(part)
        self.root_tag = root.group()
        self.declarations = b"".join(NAMESPACE_DECLARATION.findall(self.root_tag))
        self.head = parse_xml(buffer[: opening.start()] + b"<sheetData/></worksheet>", part)
        self._empty = opening.group(1) == b"/"
        self._rest = buffer[opening.end() :]
        self.tail = b""

    def close(self) -> None:
        """Stop reading (the decompressing thread ends too)."""
        self._chunks.close()  # type: ignore[attr-defined]

    def rows(self) -> Iterator[bytes]:
        """Stretches of complete rows, about a megabyte each; ``tail`` is set once they are done."""
        buffer = self._rest
        if self._empty:
            self.tail = buffer + b"".join(self._chunks)
            return
        for chunk in itertools.chain((b"",), self._chunks):
            buffer += chunk
            end = buffer.find(b"</sheetData>")
            if end >= 0:
                if end:
                    yield buffer[:end]
                self.tail = buffer[end + len(b"</sheetData>") :] + b"".join(self._chunks)
                return
            cut = buffer.rfind(b"</row>")
            if cut >= 0:
                yield buffer[: cut + len(b"</row>")]
                buffer = buffer[cut + len(b"</row>") :]
            elif len(buffer) > ROW_LIMIT_BYTES:
                raise CannotInspect(f"{self.part}: a row larger than {ROW_LIMIT_BYTES:,} bytes")
        raise CannotInspect(f"{self.part} ends inside its rows (truncated?)")

    def fragment(self, data: bytes) -> etree._Element:
        """A stretch of rows parsed on its own, in the sheet's namespaces."""
        return parse_xml(b"<sheetData" + self.declarations + b">" + data + b"</sheetData>", self.part)

    def tail_elements(self) -> etree._Element:
        return parse_xml(self.root_tag + self.tail, self.part)


def row_span(data: bytes) -> tuple[int, int] | None:
    """The numbers of the first and last rows of a stretch, or None if it has no numbered row."""
    first = LAST_ROW.search(data)
    if first is None:
        return None
    return int(first.group(1)), last_row_number(data, int(first.group(1)))


def last_row_number(data: bytes, previous: int) -> int:
    at = data.rfind(b'<row r="')
    match = LAST_ROW.match(data, at) if at >= 0 else None
    return int(match.group(1)) if match else previous


def judged(
    stretches: Iterable[bytes], is_plain: Callable[[bytes], bool], sheet_wide: bool
) -> Iterator[tuple[bytes, bool]]:
    """Each stretch with whether it is plain, judged a stretch ahead in a thread of its own (RE2
    lets go of the GIL) while the caller handles the one before. A stretch that is not plain is cut
    narrower and each piece judged, so one odd row does not send a megabyte of rows through lxml."""
    if sheet_wide:
        yield from ((stretch, False) for stretch in stretches)
        return
    with ThreadPoolExecutor(1, thread_name_prefix="judge") as pool:
        pending: tuple[bytes, Future[bool]] | None = None
        for stretch in stretches:
            ahead = (stretch, pool.submit(is_plain, stretch))
            if pending is not None:
                yield from _narrowed(pending[0], pending[1].result(), is_plain)
            pending = ahead
        if pending is not None:
            yield from _narrowed(pending[0], pending[1].result(), is_plain)


def _narrowed(stretch: bytes, plain: bool, is_plain: Callable[[bytes], bool]) -> Iterator[tuple[bytes, bool]]:
    if plain:
        yield stretch, True
        return
    start = 0
    while start < len(stretch):
        cut = stretch.find(b"</row>", start + NARROW_STRETCH_BYTES)
        end = len(stretch) if cut < 0 else cut + len(b"</row>")
        yield stretch[start:end], is_plain(stretch[start:end])
        start = end
