"""How a DOCX run looks: styles resolved in Word's order, theme colours, and what is behind the text.

ECMA-376 Part 1, 17.7.2: a run's properties come from the document defaults, then the table style, the
paragraph style (through its ``basedOn`` chain), the character style (through its chain), then direct
formatting. Toggle properties (bold, italic, hidden: 17.7.3) are exclusive-or'd across the table,
paragraph and character styles, and set outright by direct formatting. Theme colours (``w:themeColor``
with ``w:themeTint``/``w:themeShade``, 17.3.2.6) are read from the theme part; a theme colour that cannot
be resolved leaves the run unaccounted, never presumed visible. What is behind the text is the run's
shading or highlight, else the paragraph's, else the table cell's (its own, else its table style's),
else the page background, else white paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TypeVar
from xml.etree.ElementTree import Element

from foidesk.core.release_check.docx_elements import KNOWN_W, W, is_known
from foidesk.core.release_check.office_colours import MIN_READABLE_POINTS, looks_alike, style_chain

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
UNRESOLVED = "unresolved"  # a theme colour with no theme to resolve it against
DEFAULT_SIZE = 10.0  # points: Word's size when neither defaults nor styles give one (ECMA-376 17.3.2.38)
CLIPPED_FRACTION = 0.5  # an exact row or line lower than half the text's size cuts the letters off
MAX_SHIFT_POINTS = (
    842.0  # raised or lowered by more than an A4 page's height: off the page, wherever it starts
)
OPAQUE_ENOUGH = 80_000  # w14:alpha is transparency in 1/1000 %: above 80 % the letters are gone
# ECMA-376 17.18.40 ST_HighlightColor: the sixteen highlight colours Word offers.
HIGHLIGHT_COLOURS = {
    "black": "000000",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "green": "00FF00",
    "magenta": "FF00FF",
    "red": "FF0000",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "darkBlue": "000080",
    "darkCyan": "008080",
    "darkGreen": "008000",
    "darkMagenta": "800080",
    "darkRed": "800000",
    "darkYellow": "808000",
    "darkGray": "808080",
    "lightGray": "C0C0C0",
}
# ECMA-376 17.18.97 ST_ThemeColor -> the theme's clrScheme element (with the default clrSchemeMapping).
THEME_SLOTS = {
    "dark1": "dk1",
    "light1": "lt1",
    "dark2": "dk2",
    "light2": "lt2",
    "text1": "dk1",
    "background1": "lt1",
    "text2": "dk2",
    "background2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
}


def theme_colours(theme: Element | None) -> dict[str, str] | None:
    """The clrScheme of a theme part: slot -> RRGGBB (system colours by their last value); None: no theme."""
    if theme is None:
        return None
    scheme = next(theme.iter(A + "clrScheme"), None)
    colours: dict[str, str] = {}
    for slot in scheme if scheme is not None else ():
        name = slot.tag.rsplit("}", 1)[-1]
        value = next(iter(slot), None)
        if value is not None:
            colours[name] = value.get("val", "") if value.tag == A + "srgbClr" else value.get("lastClr", "")
    return colours


def _tinted(hex_value: str, tint: str | None, shade: str | None) -> str:
    """A theme colour lightened by ``themeTint`` or darkened by ``themeShade`` (hex bytes, 17.3.2.6)."""
    channels = [int(hex_value[i : i + 2], 16) for i in (0, 2, 4)]
    if tint and len(tint) == 2:
        factor = int(tint, 16) / 255
        channels = [round(c * factor + 255 * (1 - factor)) for c in channels]
    if shade and len(shade) == 2:
        factor = int(shade, 16) / 255
        channels = [round(c * factor) for c in channels]
    return "".join(f"{c:02X}" for c in channels)


def colour_of(
    element: Element | None, theme: dict[str, str] | None, value: str = "val", theme_prefix: str = "theme"
) -> str | None:
    """The RRGGBB of a colour (w:color; w:shd's fill with ``theme_prefix='themeFill'``), theme first.

    None for 'auto' or unset; UNRESOLVED for a theme colour with no theme, or an unknown slot.
    """
    if element is None:
        return None
    slot = element.get(W + ("themeColor" if theme_prefix == "theme" else theme_prefix))
    if slot:
        base = theme.get(THEME_SLOTS.get(slot, ""), "") if theme is not None else ""
        if len(base) != 6:
            return UNRESOLVED
        try:
            return _tinted(
                base, element.get(W + f"{theme_prefix}Tint"), element.get(W + f"{theme_prefix}Shade")
            )
        except ValueError:
            return UNRESOLVED  # a theme colour or tint that is not hex cannot be resolved
    raw = element.get(W + value)
    return raw if raw and raw.lower() != "auto" else None


def _on(element: Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(W + "val", "true") not in ("0", "false", "off")


def _number(element: Element | None, attribute: str = "val") -> float | None:
    if element is None:
        return None
    try:
        return float(element.get(W + attribute, ""))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class RunLook:
    """The properties of a run that decide whether a reader can see it; None: inherited."""

    hidden: bool | None = None
    colour: str | None = None
    size: float | None = None  # points
    fill: str | None = None  # the run's own shading or highlight
    scale: float | None = None  # w:w, per cent
    spacing: float | None = None  # points added between letters (negative: condensed)
    no_fill: bool | None = None  # w14:textFill with no fill, or all but transparent
    bold: bool | None = None
    italic: bool | None = None
    position: float | None = None  # points raised (negative: lowered) from the line
    unknown: bool | None = None  # a property the gate does not know: what it does to the text is unaccounted

    def over(self, base: RunLook) -> RunLook:
        """This look, with what it leaves unset taken from ``base``."""
        if base == EMPTY_LOOK:
            return self
        if self == EMPTY_LOOK:
            return base
        return RunLook(
            hidden=_first(self.hidden, base.hidden),
            colour=_first(self.colour, base.colour),
            size=_first(self.size, base.size),
            fill=_first(self.fill, base.fill),
            scale=_first(self.scale, base.scale),
            spacing=_first(self.spacing, base.spacing),
            no_fill=_first(self.no_fill, base.no_fill),
            bold=_first(self.bold, base.bold),
            italic=_first(self.italic, base.italic),
            position=_first(self.position, base.position),
            unknown=_first(self.unknown, base.unknown),
        )


Value = TypeVar("Value")


def _first(mine: Value | None, theirs: Value | None) -> Value | None:
    return mine if mine is not None else theirs


EMPTY_LOOK = RunLook()


def run_look(properties: Element | None, theme: dict[str, str] | None) -> RunLook:
    """A w:rPr as a look (nothing inherited yet)."""
    if properties is None:
        return RunLook()
    hidden = _on(properties.find(W + "vanish"))
    size = _number(properties.find(W + "sz"))
    spacing = _number(properties.find(W + "spacing"))
    return RunLook(
        hidden=hidden if hidden is not None else _on(properties.find(W + "specVanish")),
        colour=colour_of(properties.find(W + "color"), theme, "val"),
        size=size / 2 if size is not None else None,
        fill=_run_fill(properties, theme),
        scale=_number(properties.find(W + "w")),
        spacing=spacing / 20 if spacing is not None else None,
        no_fill=_no_fill(properties.find(W14 + "textFill")),
        bold=_on(properties.find(W + "b")),
        italic=_on(properties.find(W + "i")),
        position=position / 2 if (position := _number(properties.find(W + "position"))) is not None else None,
        unknown=True if any(not _known_property(child.tag) for child in properties) else None,
    )


# Office 2010's run properties (text effects): drawn differently, but the text is there to see.
W14_RUN_PROPERTIES = frozenset(
    W14 + name
    for name in (
        "glow",
        "shadow",
        "reflection",
        "textOutline",
        "textFill",
        "scene3d",
        "props3d",
        "ligatures",
        "numForm",
        "numSpacing",
        "stylisticSets",
        "cntxtAlts",
    )
)


def _known_property(tag: str) -> bool:
    return tag in KNOWN_W or tag in W14_RUN_PROPERTIES


def _no_fill(fill: Element | None) -> bool | None:
    if fill is None:
        return None
    if fill.find(W14 + "noFill") is not None:
        return True
    alpha = next(fill.iter(W14 + "alpha"), None)
    return alpha is not None and _int(alpha.get(W14 + "val")) > OPAQUE_ENOUGH


def _int(value: str | None) -> int:
    try:
        return int(value or "0")
    except ValueError:
        return 0


def shading(properties: Element | None, theme: dict[str, str] | None) -> str | None:
    """The fill of a w:shd under ``properties`` (a solid pattern shows its pattern colour)."""
    shd = properties.find(W + "shd") if properties is not None else None
    if shd is None:
        return None
    if shd.get(W + "val") == "solid":
        return colour_of(shd, theme, "color") or "000000"
    return colour_of(shd, theme, "fill", "themeFill")


def _run_fill(properties: Element, theme: dict[str, str] | None) -> str | None:
    highlight = properties.find(W + "highlight")
    if highlight is not None and highlight.get(W + "val") in HIGHLIGHT_COLOURS:
        return HIGHLIGHT_COLOURS[highlight.get(W + "val", "")]
    return shading(properties, theme)


TOGGLES = ("hidden", "bold", "italic")


@dataclass(frozen=True, slots=True)
class StyleLook:
    run: RunLook
    paragraph_fill: str | None = None
    cell_fill: str | None = None
    conditional: dict[str, tuple[RunLook, str | None]] = field(default_factory=dict)  # tblStylePr by type


class DocxStyles:
    """Style id -> look, following ``basedOn`` chains (ECMA-376 17.7.4.3) from the document defaults."""

    def __init__(self, root: Element | None, theme: Element | None = None) -> None:
        self.theme = theme_colours(theme)
        self.defaults = RunLook()
        self.styles: dict[str, tuple[StyleLook, str | None]] = {}
        self.default_paragraph: str | None = None
        self.default_table: str | None = None
        self.cache: dict[tuple[str | None, str | None, str | None, RunLook | None], RunLook] = {}
        if root is None:
            return
        self.defaults = run_look(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"), self.theme)
        for style in root.iter(W + "style"):
            based = style.find(W + "basedOn")
            style_id = style.get(W + "styleId", "")
            if style.get(W + "default") in ("1", "true"):
                if style.get(W + "type") == "paragraph":
                    self.default_paragraph = style_id
                elif style.get(W + "type") == "table":
                    self.default_table = style_id
            conditional = {
                part.get(W + "type", ""): (
                    run_look(part.find(W + "rPr"), self.theme),
                    shading(part.find(W + "tcPr"), self.theme),
                )
                for part in style.findall(W + "tblStylePr")
            }
            look = StyleLook(
                run_look(style.find(W + "rPr"), self.theme),
                shading(style.find(W + "pPr"), self.theme),
                shading(style.find(W + "tcPr"), self.theme) or shading(style.find(W + "tblPr"), self.theme),
                conditional,
            )
            self.styles[style_id] = (look, based.get(W + "val") if based is not None else None)

    def chain(self, style_id: str | None) -> list[StyleLook]:
        return style_chain(self.styles, style_id)

    def look(self, style_id: str | None) -> RunLook:
        """One style's run look through its chain (toggles by inheritance within one chain)."""
        result = RunLook()
        for look in reversed(self.chain(style_id)):
            result = look.run.over(result)
        return result

    def paragraph_fill(self, style_id: str | None) -> str | None:
        return next((s.paragraph_fill for s in self.chain(style_id) if s.paragraph_fill), None)

    def cell_fill(self, style_id: str | None) -> str | None:
        return next((s.cell_fill for s in self.chain(style_id) if s.cell_fill), None)

    def conditional(self, table: str | None, kinds: list[str]) -> tuple[RunLook, str | None]:
        """The table style's conditional formats (17.7.6) that apply to a cell, in rising priority."""
        look, fill = RunLook(), None
        chain = self.chain(table)
        for kind in kinds:
            found = next((s.conditional[kind] for s in chain if kind in s.conditional), None)
            if found is not None:
                look = found[0].over(look)
                fill = found[1] or fill
        return look, fill

    def resolved(
        self,
        table: str | None,
        paragraph: str | None,
        character: str | None,
        direct: RunLook,
        conditional: RunLook | None = None,
    ) -> RunLook:
        """The run's look: defaults, table (with its conditional formats), paragraph, character, direct."""
        key = (table, paragraph, character, conditional)
        if key not in self.cache:
            self.cache[key] = self._styled(table, paragraph, character, conditional)
        return direct.over(self.cache[key])

    def _styled(
        self, table: str | None, paragraph: str | None, character: str | None, conditional: RunLook | None
    ) -> RunLook:
        table_look = (conditional or RunLook()).over(self.look(table))
        layers = [table_look, self.look(paragraph or self.default_paragraph), self.look(character)]
        result = self.defaults
        for layer in layers:
            result = replace(layer, hidden=None, bold=None, italic=None).over(result)
        toggles: dict[str, bool] = {}
        for name in TOGGLES:
            value = bool(getattr(self.defaults, name))
            for layer in layers:
                value ^= bool(getattr(layer, name))
            toggles[name] = value
        return replace(result, hidden=toggles["hidden"], bold=toggles["bold"], italic=toggles["italic"])


def invisible_because(look: RunLook, background: str | None, clip: float | None) -> str:
    """Why a reader cannot see a run ('' if they can): hidden, offpage, tiny, white, or unaccounted (a theme
    colour the gate could not resolve, or a run property it does not know).

    Tiny: under the legible size, squeezed by character scale or condensed spacing below it, or cut off
    by an exact row or line height under half the text's size. White: the colour of what is behind it,
    or drawn with no fill.
    """
    if look.hidden:
        return "hidden"
    if look.position is not None and abs(look.position) > MAX_SHIFT_POINTS:
        return "offpage"
    size = look.size if look.size is not None else DEFAULT_SIZE
    width = size * (look.scale if look.scale is not None else 100) / 100
    if size < MIN_READABLE_POINTS or width < MIN_READABLE_POINTS:
        return "tiny"
    if look.spacing is not None and look.spacing < -width / 2:
        return "tiny"
    if clip is not None and clip < size * CLIPPED_FRACTION:
        return "tiny"
    if UNRESOLVED in (look.colour, background) or look.unknown:
        return "unaccounted"
    if look.no_fill or looks_alike(look.colour, background):
        return "white"
    return ""


# ------------------------------------------------------------------ runs in place


@dataclass(frozen=True, slots=True)
class PlacedRun:
    run: Element
    look: RunLook
    background: str | None
    clip: float | None = None  # points: an exact row or line height the run is cut to

    @property
    def invisible_because(self) -> str:
        return invisible_because(self.look, self.background, self.clip)


@dataclass(frozen=True, slots=True)
class Context:
    table_style: str | None = None
    paragraph_style: str | None = None
    fill: str | None = None
    cell_fill: str | None = None
    clip: float | None = None
    conditional: RunLook | None = None  # the table style's conditional run formats for this cell
    row_kinds: tuple[str, ...] = ()
    table_look: frozenset[str] = frozenset()
    box_fill: str | None = None  # the fill of the shape whose text box comes next


def _min(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def _exact(element: Element | None, attribute: str, rule: str) -> float | None:
    """An exact height in points (twentieths in the XML), when the rule says exact."""
    if element is None or element.get(W + rule) != "exact":
        return None
    value = _number(element, attribute)
    return value / 20 if value is not None else None


# ECMA-376 17.4.56 tblLook: its bits, and what Word assumes when there is none (04A0).
TABLE_LOOK_BITS = {
    "firstRow": 0x0020,
    "lastRow": 0x0040,
    "firstColumn": 0x0080,
    "lastColumn": 0x0100,
    "noHBand": 0x0200,
    "noVBand": 0x0400,
}
DEFAULT_TABLE_LOOK = 0x04A0


def table_look(properties: Element | None) -> frozenset[str]:
    """The conditional parts of a table style a table asks for (its w:tblLook)."""
    look = properties.find(W + "tblLook") if properties is not None else None
    bits = DEFAULT_TABLE_LOOK
    if look is not None:
        try:
            bits = int(look.get(W + "val", "0"), 16)
        except ValueError:
            bits = 0
        for name, bit in TABLE_LOOK_BITS.items():
            value = look.get(W + name)
            if value is not None:
                bits = bits | bit if value in ("1", "true", "on") else bits & ~bit
    return frozenset(name for name, bit in TABLE_LOOK_BITS.items() if bits & bit)


def _row_kinds(flags: frozenset[str], index: int, count: int) -> tuple[str, ...]:
    kinds = ["wholeTable"]
    first = "firstRow" in flags
    if "noHBand" not in flags and not (first and index == 0):
        kinds.append("band1Horz" if (index - first) % 2 == 0 else "band2Horz")
    if first and index == 0:
        kinds.append("firstRow")
    if "lastRow" in flags and index == count - 1:
        kinds.append("lastRow")
    return tuple(kinds)


def _cell_kinds(flags: frozenset[str], rows: tuple[str, ...], index: int, count: int) -> list[str]:
    """The conditional formats of a cell, lowest priority first (17.7.6)."""
    first, last = "firstColumn" in flags and index == 0, "lastColumn" in flags and index == count - 1
    vertical = []
    if "noVBand" not in flags and not first:
        vertical = ["band1Vert" if (index - ("firstColumn" in flags)) % 2 == 0 else "band2Vert"]
    kinds = ["wholeTable", *vertical, *[k for k in rows if k.startswith("band")]]
    kinds += ["firstCol"] if first else []
    kinds += ["lastCol"] if last else []
    kinds += [k for k in rows if k in ("firstRow", "lastRow")]
    for corner, row, column in (("nwCell", "firstRow", first), ("neCell", "firstRow", last)):
        kinds += [corner] if row in rows and column else []
    for corner, row, column in (("swCell", "lastRow", first), ("seCell", "lastRow", last)):
        kinds += [corner] if row in rows and column else []
    return kinds


SHAPES = frozenset(
    {"{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}wsp"}
    | {f"{{urn:schemas-microsoft-com:vml}}{n}" for n in ("shape", "rect", "roundrect", "oval")}
)
SCHEME_SLOTS = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}


def shape_fill(shape: Element, theme: dict[str, str] | None) -> str | None:
    """The solid fill of a DrawingML or VML shape (what its text box's words are seen against)."""
    if shape.tag.startswith("{urn:schemas-microsoft-com:vml}"):
        if shape.get("filled") in ("f", "false"):
            return None
        colour = shape.get("fillcolor", "")
        return colour.lstrip("#")[:6] if len(colour.lstrip("#")) >= 6 else None
    properties = next((c for c in shape if c.tag.endswith("}spPr")), None)
    solid = properties.find(A + "solidFill") if properties is not None else None
    if solid is None or not len(solid):
        return None
    paint = solid[0]
    if paint.tag == A + "srgbClr":
        return paint.get("val")
    if paint.tag == A + "schemeClr" and theme is not None:
        slot = paint.get("val", "")
        return theme.get(SCHEME_SLOTS.get(slot, slot), UNRESOLVED)
    return UNRESOLVED


def placed_runs(
    element: Element,
    styles: DocxStyles,
    unseen: frozenset[str] = frozenset(),
    fill: str | None = None,
    page: str | None = None,
) -> Iterator[PlacedRun]:
    """Every run under ``element`` (skipping ``unseen`` subtrees) with its look and what is behind it."""
    yield from _placed(element, styles, Context(fill=fill, cell_fill=page), unseen)


def _placed(
    element: Element, styles: DocxStyles, context: Context, unseen: frozenset[str]
) -> Iterator[PlacedRun]:
    for child in element:
        if child.tag in unseen or not is_known(child.tag):
            continue  # an unknown element's runs are unaccounted: never shown, never copied
        yield from _place(child, styles, context, unseen)


def _place(
    child: Element, styles: DocxStyles, context: Context, unseen: frozenset[str]
) -> Iterator[PlacedRun]:
    theme = styles.theme
    if child.tag == W + "tbl":
        properties = child.find(W + "tblPr")
        table_style = _style_id(properties, "tblStyle") or styles.default_table
        cell_fill = shading(properties, theme) or styles.cell_fill(table_style) or context.cell_fill
        inner = Context(table_style, None, None, cell_fill, context.clip, table_look=table_look(properties))
        count, index = sum(1 for row in child if row.tag == W + "tr"), 0
        for row in child:
            if row.tag == W + "tr":
                kinds = _row_kinds(inner.table_look, index, count)
                index += 1
                yield from _place(row, styles, replace(inner, row_kinds=kinds), unseen)
            elif row.tag not in unseen and is_known(row.tag):
                yield from _place(row, styles, inner, unseen)
    elif child.tag == W + "tr":
        height = _exact(next(child.iter(W + "trHeight"), None), "val", "hRule")
        count, index = sum(1 for cell in child if cell.tag == W + "tc"), 0
        inner = replace(context, clip=_min(context.clip, height))
        for cell in child:
            if cell.tag == W + "tc":
                cell_kinds = _cell_kinds(context.table_look, context.row_kinds, index, count)
                index += 1
                conditional, fill = styles.conditional(context.table_style, cell_kinds)
                own = shading(cell.find(W + "tcPr"), theme) or fill or context.cell_fill
                yield from _placed(
                    cell, styles, replace(inner, cell_fill=own, conditional=conditional), unseen
                )
            elif cell.tag not in unseen and is_known(cell.tag):
                yield from _place(cell, styles, inner, unseen)
    elif child.tag == W + "p":
        properties = child.find(W + "pPr")
        style = _style_id(properties, "pStyle") or styles.default_paragraph
        own = shading(properties, theme) or styles.paragraph_fill(style)
        line = properties.find(W + "spacing") if properties is not None else None
        inner = replace(
            context,
            paragraph_style=style,
            fill=own or context.fill,
            clip=_min(context.clip, _exact(line, "line", "lineRule")),
        )
        yield from _placed(child, styles, inner, unseen)
    elif child.tag == W + "r":
        yield _placed_run(child, styles, context)
        yield from _placed(child, styles, context, unseen | {W + "rPr"})  # its drawings' text boxes
    elif child.tag in SHAPES:
        yield from _placed(child, styles, replace(context, box_fill=shape_fill(child, theme)), unseen)
    elif child.tag == W + "txbxContent":
        yield from _placed(child, styles, Context(fill=context.box_fill), unseen)  # the box's own ground
    else:
        yield from _placed(child, styles, context, unseen)


def _placed_run(run: Element, styles: DocxStyles, context: Context) -> PlacedRun:
    properties = run.find(W + "rPr")
    direct = run_look(properties, styles.theme)
    look = styles.resolved(
        context.table_style,
        context.paragraph_style,
        _style_id(properties, "rStyle"),
        direct if direct.fill is None else replace(direct, fill=None),
        context.conditional,
    )
    background = direct.fill or look.fill or context.fill or context.cell_fill
    return PlacedRun(run, look, background, context.clip)


def _style_id(properties: Element | None, tag: str) -> str | None:
    element = properties.find(W + tag) if properties is not None else None
    return element.get(W + "val") if element is not None else None


def style_id(properties: Element | None, tag: str) -> str | None:
    """The style a w:pPr, w:rPr or w:tblPr names (pStyle, rStyle, tblStyle)."""
    return _style_id(properties, tag)


def run_text(run: Element) -> str:
    return "".join(t.text or "" for t in run.iter(W + "t"))
