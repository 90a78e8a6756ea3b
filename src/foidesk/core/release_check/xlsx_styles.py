"""How an Excel workbook's cell formats show or hide text: colours, number formats, conditional formats.

Colours are resolved as Excel does (theme with tint, the indexed palette or the workbook's own), number
formats judged section by section, and conditional formats by whether any rule could hide a value.
What cannot be resolved is said so (``UNACCOUNTED``), for an ``xlsx.unaccounted`` block.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from foidesk.core.release_check.archive import ZipContainer
from foidesk.core.release_check.findings import MIN_LEGIBLE_POINTS, CannotInspect
from foidesk.core.release_check.xlsx_book import TRUE, Book, CellArea, parse_area, released
from foidesk.core.release_check.xlsx_clipping import DEFAULT_FONT_POINTS, PLAIN_LOOK, CellLook
from foidesk.core.release_check.xlsx_tables import custom_table_styles

TINY_FONT_POINTS = MIN_LEGIBLE_POINTS  # text below this cannot be read (findings.MIN_LEGIBLE_POINTS)
MAX_INDENT = 250  # Excel's largest indent level
SAME_COLOUR_DISTANCE = 24  # font and fill closer than this per RGB channel are indistinguishable
# Excel's default palette of indexed colours (ECMA-376 part 1, 18.8.27); 64 and 65 are the system
# foreground and background. A workbook may replace entries with its own (``<indexedColors>``).
DEFAULT_PALETTE = (
    "000000",
    "FFFFFF",
    "FF0000",
    "00FF00",
    "0000FF",
    "FFFF00",
    "FF00FF",
    "00FFFF",
    "000000",
    "FFFFFF",
    "FF0000",
    "00FF00",
    "0000FF",
    "FFFF00",
    "FF00FF",
    "00FFFF",
    "800000",
    "008000",
    "000080",
    "808000",
    "800080",
    "008080",
    "C0C0C0",
    "808080",
    "9999FF",
    "993366",
    "FFFFCC",
    "CCFFFF",
    "660066",
    "FF8080",
    "0066CC",
    "CCCCFF",
    "000080",
    "FF00FF",
    "FFFF00",
    "00FFFF",
    "800080",
    "800000",
    "008080",
    "0000FF",
    "00CCFF",
    "CCFFFF",
    "CCFFCC",
    "FFFF99",
    "99CCFF",
    "FF99CC",
    "CC99FF",
    "FFCC99",
    "3366FF",
    "33CCCC",
    "99CC00",
    "FFCC00",
    "FF9900",
    "FF6600",
    "666699",
    "969696",
    "003366",
    "339966",
    "003300",
    "333300",
    "993300",
    "993366",
    "333399",
    "333333",
    "000000",
    "FFFFFF",
)
# The Office theme's colours (dk1, lt1, dk2, lt2, accent1-6, hlink, folHlink), for a workbook without one.
DEFAULT_THEME = (
    "000000", "FFFFFF", "44546A", "E7E6E6", "4472C4", "ED7D31",
    "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72",
)  # fmt: skip
UNACCOUNTED = "the gate cannot resolve"  # the start of a reason that is an ``xlsx.unaccounted`` finding


@dataclass(frozen=True, slots=True)
class Colours:
    """What a workbook's colour references resolve against: its theme and its indexed palette."""

    theme: tuple[str, ...] = DEFAULT_THEME
    indexed: tuple[str, ...] = DEFAULT_PALETTE


# Theme colour index -> position in the theme's clrScheme: Excel swaps dark/light 1 and 2.
THEME_ORDER = (1, 0, 3, 2, 4, 5, 6, 7, 8, 9, 10, 11)
ERROR_VALUES = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)
DATE_BUILTINS = frozenset({14, 15, 16, 17, 22, 27, 30, 36, 50, 57})
TIME_BUILTINS = frozenset({18, 19, 20, 21, 45, 46, 47})
PLAIN_BUILTINS = frozenset({1, 2, 3, 4, 9, 10, 11, 37, 38, 39, 40, 48, 49})
FRESH_DATE = (-1, "yyyy-mm-dd")  # ISO dates in data (DESIGN.md, conventions of the field)
FRESH_DATE_TIME = (-1, "yyyy-mm-dd hh:mm:ss")
FRESH_TIME = (-1, "hh:mm:ss")
SAFE_NUMBER_SECTION = re.compile(r"[£$€%()\- ]*[0#?][0#?,.%£$€()\- ]*|@?")


@dataclass(slots=True)
class Styles:
    """Per cell format (``s`` index): does it hide its text, and which plain format keeps its look.

    ``plain_formats`` holds (built-in format id, custom format code): id -1 for a custom code.
    """

    invisible: dict[int, str]
    plain_formats: list[tuple[int, str]]
    plain_background: frozenset[int] = frozenset({0})  # formats with no fill, or a white one
    theme: Colours = Colours()  # the theme and palette, for rich-text runs
    by_value: dict[int, tuple[str, ...]] = field(default_factory=dict)  # see ``format_hiding``
    dxf_hiding: dict[int, str] = field(
        default_factory=dict
    )  # each conditional format: why it can hide text, or ''
    table_styles: dict[str, tuple[int | None, ...]] = field(default_factory=dict)  # ``xlsx_tables``
    looks: dict[int, CellLook] = field(default_factory=dict)  # formats whose text may be cut off differently
    plain_look: CellLook = PLAIN_LOOK  # every other format's (the default font, general alignment)

    def look(self, style: int) -> CellLook:
        return self.looks.get(style, self.plain_look)

    def value_styles(self) -> dict[int, str]:
        """Formats that hide some or all values: their cells leave the byte path to be judged one by one."""
        return {**self.invisible, **dict.fromkeys(self.by_value, "by value")}


def read_styles(box: ZipContainer) -> Styles:
    part = "xl/styles.xml"
    if not box.has(part):
        return Styles({}, [])
    root = box.xml(part)
    theme = _colours(box, root)
    custom = {
        int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in root.iterfind("{*}numFmts/{*}numFmt")
    }
    fonts = list(root.iterfind("{*}fonts/{*}font"))
    fills = list(root.iterfind("{*}fills/{*}fill"))
    invisible: dict[int, str] = {}
    by_value: dict[int, tuple[str, ...]] = {}
    plain: list[tuple[int, str]] = []
    white: set[int] = set()
    default_points = _font_points(_nth(fonts, "0"), DEFAULT_FONT_POINTS)
    plain_look = CellLook(points=default_points, default_points=default_points)
    looks: dict[int, CellLook] = {}
    for index, xf in enumerate(root.iterfind("{*}cellXfs/{*}xf")):
        look = _look(xf, _nth(fonts, xf.get("fontId")), plain_look)
        if look != plain_look:
            looks[index] = look
        format_id = int(xf.get("numFmtId", "0"))
        code = custom.get(format_id)
        plain.append(_plain_format(format_id, code))
        fill = _nth(fills, xf.get("fillId"))
        background = _background(fill, theme)
        reason = _invisibility(code, _nth(fonts, xf.get("fontId")), fill, theme)
        if reason:
            invisible[index] = reason
        elif code is not None:
            hides = format_hiding(code, background, theme.indexed)
            if all(hides):
                invisible[index] = hides[0]
            elif any(hides):
                by_value[index] = hides
        if background == "FFFFFF":
            white.add(index)
    dxf_hiding = {index: dxf_hides(dxf, theme) for index, dxf in enumerate(root.iterfind("{*}dxfs/{*}dxf"))}
    tables = custom_table_styles(root)
    return Styles(invisible, plain, frozenset(white), theme, by_value, dxf_hiding, tables, looks, plain_look)


def _font_points(font: etree._Element | None, default: float) -> float:
    size = font.find("{*}sz") if font is not None else None
    try:
        return float(size.get("val", "")) if size is not None else default
    except ValueError:
        return default  # an unreadable size: the invisibility check already blocks it


def _look(xf: etree._Element, font: etree._Element | None, plain: CellLook) -> CellLook:
    """How much of its text a cell in format ``xf`` shows (``xlsx_clipping``)."""
    alignment = xf.find("{*}alignment")
    points = _font_points(font, plain.points)
    if alignment is None:
        return replace(plain, points=points)
    try:
        indent = int(alignment.get("indent", "0") or "0")
    except ValueError:
        indent = MAX_INDENT  # not a number: as far as it could push the text (fail closed)
    return replace(
        plain,
        horizontal=alignment.get("horizontal", "general"),
        wrap=alignment.get("wrapText", "0") in ("1", "true"),
        indent=indent,
        shrink=alignment.get("shrinkToFit", "0") in ("1", "true"),
        points=points,
    )


def _nth(elements: list[etree._Element], index: str | None) -> etree._Element | None:
    position = int(index or "0")
    return elements[position] if 0 <= position < len(elements) else None


def _colours(box: ZipContainer, styles: etree._Element | None = None) -> Colours:
    """The theme's colours and the palette (the default one, or the workbook's ``<indexedColors>``)."""
    if styles is None and box.has("xl/styles.xml"):
        styles = box.xml("xl/styles.xml")
    custom = styles.find("{*}colors/{*}indexedColors") if styles is not None else None
    indexed: tuple[str, ...] = DEFAULT_PALETTE
    if custom is not None:
        entries = [entry.get("rgb", "")[-6:].upper() for entry in custom.iterfind("{*}rgbColor")]
        indexed = (*entries, *DEFAULT_PALETTE[len(entries) :])
    return Colours(_theme_colours(box), indexed)


def _theme_colours(box: ZipContainer) -> tuple[str, ...]:
    part = "xl/theme/theme1.xml"
    if not box.has(part):
        return DEFAULT_THEME
    scheme = box.xml(part).find(".//{*}clrScheme")
    colours: list[str] = []
    for slot in scheme if scheme is not None else []:
        value = slot.find("{*}srgbClr")
        system = slot.find("{*}sysClr")
        if value is not None:
            colours.append(value.get("val", "000000").upper())
        elif system is not None:
            colours.append(system.get("lastClr", "000000").upper())
    return tuple(colours)


def _colour(element: etree._Element | None, colours: Colours, default: str) -> str | None:
    """The RGB of a colour element (theme, indexed or RGB, with its tint applied), or None where it
    cannot be resolved (an unknown theme or palette entry, a value that is not a colour)."""
    if element is None or element.get("auto") in TRUE:
        return default
    base: str | None = default
    if element.get("rgb"):
        base = element.get("rgb", "")[-6:].upper()
    elif element.get("theme") is not None:
        index = int(element.get("theme", "0"))
        slot = THEME_ORDER[index] if 0 <= index < len(THEME_ORDER) else -1
        base = colours.theme[slot] if 0 <= slot < len(colours.theme) else None
    elif element.get("indexed") is not None:
        index = int(element.get("indexed", "0"))
        base = colours.indexed[index] if 0 <= index < len(colours.indexed) else None
    if base is None or re.fullmatch(r"[0-9A-F]{6}", base) is None:
        return None
    try:
        tint = float(element.get("tint", "0") or "0")
    except ValueError:
        return None
    return _tinted(base, tint) if tint else base


def _tinted(rgb: str, tint: float) -> str:
    """An RGB colour lightened (tint > 0) or darkened (tint < 0) in HLS, as Excel does (ECMA-376 part
    1, 18.8.19 ``tint``)."""
    hue, light, saturation = colorsys.rgb_to_hls(*(int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4)))
    tint = max(-1.0, min(1.0, tint))
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    red, green, blue = colorsys.hls_to_rgb(hue, light, saturation)
    return "".join(f"{round(channel * 255):02X}" for channel in (red, green, blue))


def _invisibility(
    code: str | None, font: etree._Element | None, fill: etree._Element | None, theme: Colours
) -> str:
    """Why text in this format cannot be seen (``;;;``, tiny, same colour as its fill), or ''."""
    if code is not None and all(not section.strip().strip('"') for section in code.split(";")):
        return f"the number format {code!r} shows nothing"
    if font is not None:
        size = font.find("{*}sz")
        if size is not None and float(size.get("val", "11")) < TINY_FONT_POINTS:
            return f"a {size.get('val')} pt font is too small to read"
    text = _colour(font.find("{*}color") if font is not None else None, theme, "000000")
    background = _background(fill, theme)
    if text is None or background is None:
        what = "text colour" if text is None else "background"
        return f"{UNACCOUNTED} the {what} to a colour, so cannot tell whether the text shows"
    if colour_distance(text, background) < SAME_COLOUR_DISTANCE:
        return f"text coloured #{text} on a #{background} background cannot be seen"
    return ""


# --- number formats, section by section ----------------------------------------------------------

VALUE_KINDS = ("positive", "negative", "zero", "text")
# Colour names a number format may use ([Red]); [ColorN] is entry N + 7 of the palette.
FORMAT_COLOURS = {
    "black": "000000",
    "white": "FFFFFF",
    "red": "FF0000",
    "green": "00FF00",
    "blue": "0000FF",
    "yellow": "FFFF00",
    "magenta": "FF00FF",
    "cyan": "00FFFF",
}
FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.')
FORMAT_BRACKETS = re.compile(r"\[([^\]]*)\]")
FORMAT_CONDITION = re.compile(r"^[<>=]")
SHOWS_NUMBER = re.compile(r"[0#?]|general|[dmyhse]", re.IGNORECASE)


def format_sections(code: str) -> list[str]:
    """A format code cut at each ``;`` that is not quoted or escaped."""
    sections: list[str] = []
    current = ""
    quoted = escaped = False
    for char in code:
        if escaped:
            escaped = False
        elif char == "\\" and not quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append(current)
            current = ""
            continue
        current += char
    return [*sections, current]


def format_hiding(code: str, background: str | None, palette: tuple[str, ...] = ()) -> tuple[str, ...]:
    """For each kind of value (``VALUE_KINDS``), why this format hides it, or '' where it shows it.

    Excel picks a section by the value: one section serves every number; with two, the second is
    for negatives; with three, the third for zero; the fourth is for text, which otherwise is shown
    as it is (in the first section's colour, here, to fail closed). A section hides its value when it
    is empty, shows only literal text (``"n/a"``), or paints it in the background's colour. Sections
    chosen by a condition (``[>100]``) are not evaluated: any hiding section then counts for all.
    """
    sections = format_sections(code)
    if len(sections) > 4:
        return tuple(f"the number format {code!r} has more than four sections" for _ in VALUE_KINDS)
    count = len(sections)
    chosen = (
        sections[0],
        sections[1] if count >= 2 else sections[0],
        sections[2] if count >= 3 else sections[0],
        sections[3] if count >= 4 else None,
    )
    reasons: list[str] = []
    conditional = False
    for kind, section in zip(VALUE_KINDS, chosen, strict=True):
        if section is None:  # text shown as it is, in the first section's colour
            colour = _section_colour(sections[0], palette)
            reasons.append(_colour_hides(code, colour, background))
            continue
        conditional = conditional or any(FORMAT_CONDITION.match(b) for b in FORMAT_BRACKETS.findall(section))
        reasons.append(_section_hides(code, section, kind, background, palette))
    if conditional and any(reasons):
        return tuple(f"the number format {code!r} hides values by a condition" for _ in VALUE_KINDS)
    return tuple(reasons)


def _section_colour(section: str, palette: tuple[str, ...]) -> str | None:
    """The RGB a section paints its value, '' for none given, None if it names one not known."""
    for bracket in FORMAT_BRACKETS.findall(FORMAT_LITERALS.sub("", section)):
        name = bracket.strip().lower()
        if name in FORMAT_COLOURS:
            return FORMAT_COLOURS[name]
        number = re.fullmatch(r"colou?r\s*(\d{1,2})", name)
        if number is not None:
            index = int(number.group(1)) + 7
            if index < len(palette):
                return palette[index]
            return DEFAULT_PALETTE[index] if index < len(DEFAULT_PALETTE) else None
    return ""


def _colour_hides(code: str, colour: str | None, background: str | None) -> str:
    if colour == "":
        return ""
    if colour is None or background is None:
        return f"the number format {code!r} uses a colour the gate cannot compare with its background"
    if colour_distance(colour, background) < SAME_COLOUR_DISTANCE:
        return f"the number format {code!r} paints the value #{colour} on its #{background} background"
    return ""


def _section_hides(
    code: str, section: str, kind: str, background: str | None, palette: tuple[str, ...]
) -> str:
    reason = _colour_hides(code, _section_colour(section, palette), background)
    if reason:
        return reason
    content = FORMAT_BRACKETS.sub("", FORMAT_LITERALS.sub("", section))
    shows = "@" in content if kind == "text" else SHOWS_NUMBER.search(content) is not None
    if shows or (kind == "zero" and section.strip()):
        # The zero section serves only the value 0: fixed text there ("-" in the accounting format
        # #,##0;(#,##0);"-") stands for it and hides nothing. Its colour is judged above; an empty
        # zero section still hides (the reader sees a blank, not a nil).
        return ""
    if not section.strip():
        return f"the number format {code!r} shows nothing for a {kind} value"
    return f"the number format {code!r} shows fixed text instead of a {kind} value"


def colour_distance(first: str, second: str) -> int:
    """The largest difference of two RGB colours in one channel (0-255)."""
    return max(abs(int(first[i : i + 2], 16) - int(second[i : i + 2], 16)) for i in (0, 2, 4))


def value_kind(cell_type: str | None, value: str | None) -> str | None:
    """Which section of a number format shows a cell's value (``VALUE_KINDS``), None for any
    (a boolean, an error, a date or a number the gate cannot read: judged by every section)."""
    if cell_type in ("s", "str", "inlineStr"):
        return "text"
    if cell_type not in (None, "n") or value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return "positive" if number > 0 else "negative" if number < 0 else "zero"


def format_hides_value(hides: tuple[str, ...], cell_type: str | None, value: str | None) -> str:
    """Why a format's sections (``format_hiding``) hide this value, or ''."""
    kind = value_kind(cell_type, value)
    if kind is None:
        return next((reason for reason in hides if reason), "")
    return hides[VALUE_KINDS.index(kind)]


# --- conditional formatting ----------------------------------------------------------------------


def dxf_hides(dxf: etree._Element, colours: Colours) -> str:
    """Why a conditional format (``dxf``) could hide a cell's text, or ''.

    It hides when its number format hides some value (``format_hiding``), or when its font colour
    is that of its fill. Where it sets only one of the two, the other is taken as Excel's default
    (black text, white cell); a colour it cannot resolve counts as hiding (fail closed).
    """
    code = dxf.find("{*}numFmt")
    font_colour = dxf.find("{*}font/{*}color")
    pattern = dxf.find("{*}fill/{*}patternFill")
    fill_colour = None
    if pattern is not None:  # a conditional fill's colour is its bgColor (fgColor in some writers)
        fill_colour = pattern.find("{*}bgColor")
        fill_colour = fill_colour if fill_colour is not None else pattern.find("{*}fgColor")
    if dxf.find("{*}fill/{*}gradientFill") is not None:
        return "a conditional format paints a gradient the gate cannot compare with the text"
    if pattern is not None and fill_colour is None and pattern.get("patternType", "solid") != "none":
        return "a conditional format fills the cell without saying in which colour"
    background = _colour(fill_colour, colours, "FFFFFF") if fill_colour is not None else "FFFFFF"
    if code is not None and any(format_hiding(code.get("formatCode", ""), background, colours.indexed)):
        return f"a conditional number format {code.get('formatCode', '')!r} hides values"
    if font_colour is None and fill_colour is None:
        return ""
    text = _colour(font_colour, colours, "000000") if font_colour is not None else "000000"
    if text is None or background is None:
        return "a conditional format uses a colour the gate cannot resolve"
    if colour_distance(text, background) < SAME_COLOUR_DISTANCE:
        return f"a conditional format colours text #{text} on #{background}"
    return ""


def conditional_hiding(
    box: ZipContainer, part: str, styles: Styles, mentioned: bool = True
) -> list[CellArea]:
    """The ranges of a sheet where a conditional format could hide text (``hiding_ranges``).

    The rules follow the rows in the XML, so a sheet whose bytes mention conditional formatting
    (``mentioned``, found while its merged ranges are looked for) is read through once for them first.
    """
    if not mentioned:
        return []
    elements = released(box.xml_elements(part, ("{*}row", "{*}conditionalFormatting")))
    return hiding_ranges(
        (e for e in elements if etree.QName(e).localname == "conditionalFormatting"), styles, part
    )


def hiding_ranges(formats: Iterable[etree._Element], styles: Styles, part: str) -> list[CellArea]:
    """The ranges of these ``conditionalFormatting`` elements where a rule could hide text.

    A rule that applies only to blank cells (``containsBlanks``) hides nothing; no other condition
    is evaluated, so a rule that could hide counts over its whole range (fail closed). A rule hides
    when its format does (``dxf_hides``), when it names a format the styles lack, when a data bar or
    icon set is told not to show the value, or when a colour scale paints a colour near black (the
    default text) or one the gate cannot resolve.
    """
    areas: list[CellArea] = []
    for element in formats:
        if any(_rule_hides(rule, styles) for rule in element.iter("{*}cfRule")):
            sqref = element.get("sqref") or element.findtext("{*}sqref") or ""
            refs = [parse_area(ref) for ref in sqref.split()]
            if not refs or any(area is None for area in refs):
                raise CannotInspect(f"{part}: a conditional format applies to {sqref!r}")
            areas += [area for area in refs if area is not None]
    return areas


def _rule_hides(rule: etree._Element, styles: Styles) -> bool:
    if rule.get("type") == "containsBlanks":
        return False
    for shown in rule.iter("{*}dataBar", "{*}iconSet"):
        if shown.get("showValue", "1") not in TRUE:
            return True
    for colour in rule.iter("{*}color"):
        if rule.find("{*}colorScale") is not None:
            resolved = _colour(colour, styles.theme, "FFFFFF")
            if resolved is None or colour_distance(resolved, "000000") < SAME_COLOUR_DISTANCE:
                return True
    inline = rule.find("{*}dxf")
    if inline is not None:
        return bool(dxf_hides(inline, styles.theme))
    dxf_id = rule.get("dxfId")
    if dxf_id is None:
        return False
    known = styles.dxf_hiding.get(int(dxf_id)) if dxf_id.isdigit() else None
    return known is None or bool(known)  # a format the styles do not hold cannot be accounted for


def _background(fill: etree._Element | None, theme: Colours) -> str | None:
    """The RGB a fill paints behind text (white where there is none), or None if uncertain (a
    gradient, a colour that cannot be resolved)."""
    if fill is not None and fill.find("{*}gradientFill") is not None:
        return None
    pattern = fill.find("{*}patternFill") if fill is not None else None
    if pattern is not None and pattern.get("patternType", "none") not in ("none", ""):
        return _colour(pattern.find("{*}fgColor"), theme, "000000")
    return "FFFFFF"


def hidden_runs(box: ZipContainer, book: Book) -> dict[int, str]:
    """Shared strings with rich-text runs that cannot be seen on a white cell (white, or under 4 pt),
    by index, each with the text a white cell shows."""
    part = book.shared_strings
    if part is None or not box.has(part) or not _contains(box.chunks(part), b"<rPr"):
        return {}
    theme = _colours(box)
    found: dict[int, str] = {}
    for index, si in enumerate(released(box.xml_elements(part, ["{*}si"]))):
        shown = shown_text(si, theme)
        if shown is not None:
            found[index] = shown
    return found


def shown_text(item: etree._Element, theme: Colours) -> str | None:
    """The text of a string item (shared ``si`` or inline ``is``) a white cell shows, or None if it has
    no run that cannot be seen there."""
    runs = list(item.iterfind("{*}r"))
    shown = [run for run in runs if not _invisibility(None, run.find("{*}rPr"), None, theme)]
    if len(shown) == len(runs):
        return None
    return (item.findtext("{*}t") or "") + "".join(
        t.text or "" for run in shown for t in run.iterfind("{*}t")
    )


def _contains(chunks: Iterator[bytes], needle: bytes) -> bool:
    """Whether the bytes, streamed, contain ``needle`` (also across two chunks)."""
    carry = b""
    for chunk in chunks:
        if needle in carry + chunk[: len(needle)] or needle in chunk:
            return True
        carry = chunk[-(len(needle) - 1) :]
    return False


def _plain_format(format_id: int, code: str | None) -> tuple[int, str]:
    """The fresh workbook's format for a cell: ISO dates and times, plain numbers, else General.

    A custom code is kept only when it is digits, separators and currency signs: a format can
    embed literal text or colours (``[White]``) and so carry or hide data of its own.
    """
    if code is None:
        if format_id in DATE_BUILTINS:
            return FRESH_DATE_TIME if format_id == 22 else FRESH_DATE
        if format_id in TIME_BUILTINS:
            return FRESH_TIME
        return (format_id, "") if format_id in PLAIN_BUILTINS else (0, "")
    lowered = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    if re.search(r"[dy]", lowered) or (re.search(r"m", lowered) and not re.search(r"[0#]", lowered)):
        return FRESH_DATE_TIME if re.search(r"[hs]", lowered) else FRESH_DATE
    if re.search(r"[hs]", lowered):
        return FRESH_TIME
    sections = code.split(";")
    if all(SAFE_NUMBER_SECTION.fullmatch(section) for section in sections) and any(sections):
        return (-1, code)
    return (0, "")
