"""Every element of a DOCX story part accounted for: known to be shown, known to hide (a finding), or unknown.

A story part (the body, headers, footers, notes) is read element by element. WordprocessingML elements
must be ones the gate knows (ECMA-376 Part 1, 17); elements of other namespaces must come from the
drawing, VML, maths and Office-extension vocabularies that Word writes; text may sit only in the text
elements the gate reads (``w:t``, and the field codes and deleted text it reports). Anything else is
unaccounted: Word may show it, or skip it as an ignorable extension, and either way the gate cannot say.

Things that hide text and are known: field instructions that carry text of their own (SET, IF, ASK,
QUOTE ...: the instruction is never printed, only its result), alternate content whose fallback says
something its choice does not, text boxes anchored beyond the page, alt text and tooltips (read aloud or
shown on hover only), bookmark names, and altChunk (a whole other file Word imports when it opens).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from foidesk.core.release_check.findings import MIN_LEGIBLE_POINTS
from foidesk.core.release_check.unseen_text import is_tool_bookmark

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
VML = "{urn:schemas-microsoft-com:vml}"

NAMESPACES_OF_DRAWINGS = frozenset(
    {
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "http://schemas.openxmlformats.org/drawingml/2006/diagram",
        "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
        "http://schemas.microsoft.com/office/drawing/2010/main",
        "http://schemas.microsoft.com/office/drawing/2014/main",
        "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
        "http://schemas.microsoft.com/office/drawing/2017/decorative",
        "urn:schemas-microsoft-com:vml",
        "urn:schemas-microsoft-com:office:office",
        "urn:schemas-microsoft-com:office:word",
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "http://schemas.microsoft.com/office/word/2012/wordml",
        "http://schemas.microsoft.com/office/word/2018/wordml/cex",
        "http://schemas.microsoft.com/office/word/2016/wordml/cid",
        "http://schemas.microsoft.com/office/word/2018/wordml",
    }
)


# Office's own extensions of WordprocessingML: properties, never containers of text a reader is shown.
EXTENSION_NAMESPACES = frozenset(
    {
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "http://schemas.microsoft.com/office/word/2012/wordml",
        "http://schemas.microsoft.com/office/word/2018/wordml/cex",
        "http://schemas.microsoft.com/office/word/2016/wordml/cid",
        "http://schemas.microsoft.com/office/word/2018/wordml",
    }
)


def _names(text: str) -> list[str]:
    return text.split()


# ECMA-376 Part 1, 17: the WordprocessingML elements of stories and their properties.
KNOWN_W = frozenset(
    W + tag
    for tag in _names(
        # stories and blocks
        "document body hdr ftr footnotes endnotes footnote endnote background p r tbl tr tc sdt sdtContent "
        "sdtPr sdtEndPr customXml customXmlPr smartTag smartTagPr attr hyperlink fldSimple bookmarkStart "
        "bookmarkEnd proofErr permStart permEnd commentRangeStart commentRangeEnd commentReference ins del "
        "moveFrom moveTo moveFromRangeStart moveFromRangeEnd moveToRangeStart moveToRangeEnd "
        "customXmlInsRangeStart customXmlInsRangeEnd customXmlDelRangeStart customXmlDelRangeEnd dir bdo "
        "txbxContent pict object drawing altChunk altChunkPr matchSrc subDoc ruby rubyPr rt rubyBase "
        "rubyAlign hps "
        "hpsRaise hpsBaseText lid "
        # inside runs
        "t delText instrText delInstrText tab br cr sym noBreakHyphen softHyphen ptab fldChar fldData "
        "lastRenderedPageBreak footnoteReference endnoteReference footnoteRef endnoteRef separator "
        "continuationSeparator annotationRef pgNum dayShort dayLong monthShort monthLong yearShort yearLong "
        "contentPart control movie ffData name enabled calcOnExit entryMacro exitMacro helpText statusText "
        "checkBox ddList textInput label tabIndex size sizeAuto default checked result listEntry type "
        "maxLength format "
        # run properties
        "rPr rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
        "snapToGrid vanish webHidden specVanish color spacing w kern position sz szCs highlight u effect bdr "
        "shd fitText vertAlign rtl cs em lang eastAsianLayout oMath rPrChange "
        # paragraph properties
        "pPr pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr ilvl numId numberingChange "
        "suppressLineNumbers pBdr top left bottom right between bar start end insideH insideV tl2br tr2bl "
        "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
        "adjustRightInd ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle pPrChange "
        # tables
        "tblPr tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW tblInd "
        "tblBorders tblLayout tblCellMar tblLook tblCaption tblDescription tblCellSpacing tblPrChange "
        "tblPrEx tblPrExChange tblGrid gridCol tblGridChange trPr trPrChange gridBefore gridAfter wBefore "
        "wAfter cantSplit trHeight tblHeader hidden tcPr tcPrChange tcW gridSpan hMerge vMerge tcBorders "
        "noWrap tcMar tcFitText vAlign hideMark headers cellIns cellDel cellMerge "
        # sections
        "sectPr sectPrChange headerReference footerReference footnotePr endnotePr pos numFmt numStart "
        "numRestart pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols col formProt vAlign noEndnote "
        "titlePg docGrid printerSettings rtlGutter "
        # content controls
        "alias tag id lock placeholder docPart temporary showingPlcHdr dataBinding docPartObj docPartGallery "
        "docPartCategory docPartUnique docPartList equation comboBox dropDownList listItem date dateFormat "
        "storeMappedDataAs "
        "calendar fullDate picture richText text citation group bibliography"
    )
)
# Drawing elements whose text is a number or a keyword (a position, an alignment, a relative size).
VALUE_ELEMENTS = frozenset(
    {WP + "posOffset", WP + "align"}
    | {
        f"{{http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing}}{n}"
        for n in ("pctWidth", "pctHeight")
    }
)
VALUE_TEXT = re.compile(r"-?[0-9]+|[A-Za-z]{1,16}")
TEXT_ELEMENTS = frozenset(
    {
        W + "t",
        W + "delText",
        W + "instrText",
        W + "delInstrText",
        "{http://schemas.openxmlformats.org/officeDocument/2006/math}t",
    }
)
# Fields whose instruction holds only a keyword, bookmarks, formats and switches, or words the field itself
# displays with no separate result (EQ, MACROBUTTON and GOTOBUTTON show their own text).
PLAIN_FIELDS = frozenset(
    _names(
        "PAGE NUMPAGES SECTIONPAGES SECTION DATE TIME CREATEDATE SAVEDATE PRINTDATE EDITTIME NUMWORDS "
        "NUMCHARS TOC PAGEREF REF NOTEREF SEQ STYLEREF HYPERLINK LISTNUM AUTONUM AUTONUMLGL AUTONUMOUT "
        "SYMBOL "
        "BIBLIOGRAPHY CITATION MERGEFIELD MERGEREC MERGESEQ NEXT FORMTEXT FORMCHECKBOX FORMDROPDOWN "
        "EQ ADVANCE MACROBUTTON GOTOBUTTON"
    )
)
# Field switches that carry words shown only on hover (HYPERLINK \o: a screen tip).
TOOLTIP_SWITCH = re.compile(r"\\o\s", re.IGNORECASE)
EMU_PER_TWIP = 635  # ECMA-376 20.1.2.1: 914,400 EMU an inch, 1,440 twips an inch
MIN_BOX_EMU = round(MIN_LEGIBLE_POINTS * 12_700)  # the legible size (findings.MIN_LEGIBLE_POINTS) in EMU
DEFAULT_PAGE_TWIPS = (11_906, 16_838)  # A4, when a section gives no size (ECMA-376 17.6.13)
ALT_TEXT_ATTRIBUTES = ("descr", "title")
VML_ALT = ("alt", "{urn:schemas-microsoft-com:office:office}title")


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def is_known(tag: str) -> bool:
    """A WordprocessingML element the gate knows, or one of the drawing vocabularies (runs may be inside)."""
    if tag.startswith(W):
        return tag in KNOWN_W
    return _namespace(tag) in NAMESPACES_OF_DRAWINGS and _namespace(tag) not in EXTENSION_NAMESPACES


def unaccounted_elements(root: Element) -> list[str]:
    """Elements the gate does not know, and elements holding text outside the text elements it reads."""
    found: list[str] = []
    for element in root.iter():
        if element.tag.startswith(W):
            if element.tag not in KNOWN_W:
                found.append(f"w:{local(element.tag)}")
                continue
        elif _namespace(element.tag) not in NAMESPACES_OF_DRAWINGS:
            found.append(element.tag)
            continue
        text = (element.text or "").strip()
        if not text or element.tag in TEXT_ELEMENTS:
            continue
        if element.tag not in VALUE_ELEMENTS or not VALUE_TEXT.fullmatch(text):
            found.append(f"text in {local(element.tag)}")
    for extension in (e for e in root.iter() if _namespace(e.tag) in EXTENSION_NAMESPACES):
        if next(extension.iter(W + "t"), None) is not None:
            found.append(f"text inside {local(extension.tag)}")  # Word may ignore the extension, and its text
    return found


# ------------------------------------------------------------------ fields


def field_instructions(root: Element) -> list[str]:
    """Every field's instruction: complex fields (w:instrText runs joined) and simple ones."""
    codes = [e.get(W + "instr", "") for e in root.iter(W + "fldSimple")]
    current: list[str] = []
    depth = 0
    for element in root.iter():
        if element.tag == W + "fldChar":
            kind = element.get(W + "fldCharType")
            if kind == "begin":
                depth += 1
            elif kind in ("separate", "end") and depth and current:
                codes.append("".join(current))
                current = []
            if kind == "end":
                depth = max(0, depth - 1)
        elif element.tag == W + "instrText" and depth:
            current.append(element.text or "")
    if current:
        codes.append("".join(current))
    return [code.strip() for code in codes if code.strip()]


def field_with_text(code: str) -> bool:
    """True when a field instruction carries words of its own that are never printed.

    Plain fields (PAGE, REF, TOC ...) hold bookmarks, formats and switches only; a HYPERLINK's screen tip
    (``\\o``) is text. Every other field (SET, IF, ASK, FILLIN, QUOTE, DOCVARIABLE, XE, TC, MACROBUTTON ...)
    with anything after its keyword is counted as carrying text.
    """
    words = code.split(None, 1)
    keyword = words[0].upper().lstrip("=")
    rest = words[1].strip() if len(words) > 1 else ""
    if keyword in PLAIN_FIELDS:
        return keyword == "HYPERLINK" and bool(TOOLTIP_SWITCH.search(rest + " "))
    if code.startswith("="):
        return bool(re.search(r"[\"A-Za-z]{2}", code))  # a formula of numbers only, or words in it
    return bool(rest)


# ------------------------------------------------------------------ attributes holding text


def alt_texts(root: Element) -> list[str]:
    """Alt text of pictures and shapes, hyperlink tooltips, form fields' help: read aloud or on hover only."""
    texts = []
    for element in root.iter():
        name = local(element.tag)
        if name in ("docPr", "cNvPr"):
            texts += [element.get(a, "") for a in ALT_TEXT_ATTRIBUTES]
        elif element.tag.startswith(VML):
            texts += [element.get(a, "") for a in VML_ALT]
        elif element.tag == W + "hyperlink":
            texts.append(element.get(W + "tooltip", ""))
        elif element.tag in (W + "tblCaption", W + "tblDescription"):
            texts.append(element.get(W + "val", ""))  # a table's alt text
        elif element.tag in (W + "helpText", W + "statusText"):
            texts.append(element.get(W + "val", ""))  # a legacy form field's help and status-bar text
    return [text for text in texts if text.strip()]


def form_choices(root: Element) -> list[str]:
    """The items of drop-down lists (content controls and legacy form fields): only the chosen one shows."""
    items = [e.get(W + "displayText") or e.get(W + "value") or "" for e in root.iter(W + "listItem")]
    items += [e.get(W + "val", "") for e in root.iter(W + "listEntry")]
    return [item for item in items if item.strip()]


def bookmark_names(root: Element) -> list[str]:
    """Bookmarks a person named (not Word's own: _GoBack, _Toc..., _Ref..., see ``unseen_text``)."""
    return [
        name for e in root.iter(W + "bookmarkStart") if not is_tool_bookmark(name := e.get(W + "name", ""))
    ]


# ------------------------------------------------------------------ alternate content


def _words(element: Element) -> set[str]:
    texts = [t.text or "" for t in element.iter() if t.tag in TEXT_ELEMENTS or local(t.tag) == "t"]
    texts += [e.get("string", "") for e in element.iter() if local(e.tag) == "textpath"]
    return set(" ".join(texts).split())


def fallback_differences(root: Element) -> list[str]:
    """Words in an ``mc:Fallback`` that its ``mc:Choice`` does not show (Word shows the choice)."""
    extra: list[str] = []
    for alternate in root.iter(MC + "AlternateContent"):
        shown: set[str] = set()
        for choice in alternate.findall(MC + "Choice"):
            shown |= _words(choice)
        for fallback in alternate.findall(MC + "Fallback"):
            extra += sorted(_words(fallback) - shown)
    return extra


# ------------------------------------------------------------------ text boxes off the page


@dataclass(frozen=True)
class Page:
    width: int  # EMU
    height: int

    @classmethod
    def of(cls, root: Element) -> Page:
        size = next(root.iter(W + "pgSz"), None)
        width, height = DEFAULT_PAGE_TWIPS
        if size is not None:
            width = _int(size.get(W + "w")) or width
            height = _int(size.get(W + "h")) or height
        return cls(width * EMU_PER_TWIP, height * EMU_PER_TWIP)


def _int(value: str | None) -> int:
    try:
        return int(float(value or "0"))
    except ValueError:
        return 0


def _axis_off(offset: int, extent: int, page: int, from_page: bool) -> bool:
    """Off the page along one axis, wherever the anchor's origin lies (the page edge, or anywhere on it)."""
    if from_page:
        return offset >= page or offset + extent <= 0
    return offset >= page or offset + extent <= -page


def off_page_anchors(root: Element, page: Page) -> Iterator[Element]:
    """Floating drawings (wp:anchor) placed wholly beyond the page (ECMA-376 20.4.2.3, 20.4.3.x)."""
    for anchor in root.iter(WP + "anchor"):
        extent = anchor.find(WP + "extent")
        cx = _int(extent.get("cx")) if extent is not None else 0
        cy = _int(extent.get("cy")) if extent is not None else 0
        if anchor.get("simplePos") in ("1", "true"):
            simple = anchor.find(WP + "simplePos")
            x, y = (_int(simple.get("x")), _int(simple.get("y"))) if simple is not None else (0, 0)
            if _axis_off(x, cx, page.width, True) or _axis_off(y, cy, page.height, True):
                yield anchor
            continue
        for tag, size, length in (("positionH", cx, page.width), ("positionV", cy, page.height)):
            position = anchor.find(WP + tag)
            offset = position.find(WP + "posOffset") if position is not None else None
            if position is None or offset is None:
                continue
            from_page = position.get("relativeFrom") == "page"
            if _axis_off(_int(offset.text), size, length, from_page):
                yield anchor
                break


VML_LENGTH = re.compile(r"(margin-left|margin-top|left|top|width|height):(-?[0-9.]+)(pt|in|cm|mm|px)?")
VML_UNIT_EMU = {"pt": 12_700, "in": 914_400, "cm": 360_000, "mm": 36_000, "px": 9_525, None: 12_700}


def off_page_vml(root: Element, page: Page) -> Iterator[Element]:
    """VML shapes (``style="position:absolute;margin-left:-900pt"``) placed wholly beyond the page."""
    for shape in root.iter():
        if not shape.tag.startswith(VML):
            continue
        style = shape.get("style", "").replace(" ", "").lower()
        if "position:absolute" not in style:
            continue
        lengths = {
            m.group(1): float(m.group(2)) * VML_UNIT_EMU[m.group(3)] for m in VML_LENGTH.finditer(style)
        }
        x = int(lengths.get("margin-left", lengths.get("left", 0)))
        y = int(lengths.get("margin-top", lengths.get("top", 0)))
        width, height = int(lengths.get("width", 0)), int(lengths.get("height", 0))
        if _axis_off(x, width, page.width, False) or _axis_off(y, height, page.height, False):
            yield shape


def is_off_page_frame(paragraph: Element, page: Page) -> bool:
    """A framed paragraph (w:framePr, ECMA-376 17.3.1.11) placed wholly beyond the page."""
    properties = paragraph.find(W + "pPr")
    frame = properties.find(W + "framePr") if properties is not None else None
    if frame is None:
        return False
    x, y = _int(frame.get(W + "x")) * EMU_PER_TWIP, _int(frame.get(W + "y")) * EMU_PER_TWIP
    width, height = _int(frame.get(W + "w")) * EMU_PER_TWIP, _int(frame.get(W + "h")) * EMU_PER_TWIP
    return _axis_off(x, width, page.width, frame.get(W + "hAnchor") == "page") or _axis_off(
        y, height, page.height, frame.get(W + "vAnchor") == "page"
    )


def off_page_text(root: Element, page: Page) -> list[str]:
    """Text inside drawings, shapes and framed paragraphs placed wholly beyond the page."""
    texts = []
    framed = [p for p in root.iter(W + "p") if is_off_page_frame(p, page)]
    for shape in [*off_page_anchors(root, page), *off_page_vml(root, page), *framed]:
        text = "".join(t.text or "" for t in shape.iter(W + "t")).strip()
        if text:
            texts.append(text)
    return texts


def hidden_drawings(root: Element) -> Iterator[Element]:
    """Drawings marked hidden (``wp:docPr hidden``, ECMA-376 20.4.2.5) or styled hidden (VML), and drawings
    smaller than legible text on either side, which cut off any text box inside them."""
    for drawing in [*root.iter(WP + "anchor"), *root.iter(WP + "inline")]:
        properties = drawing.find(WP + "docPr")
        extent = drawing.find(WP + "extent")
        small = extent is not None and min(_int(extent.get("cx")), _int(extent.get("cy"))) < MIN_BOX_EMU
        if small or (properties is not None and properties.get("hidden") in ("1", "true")):
            yield drawing
    for shape in root.iter():
        if not shape.tag.startswith(VML):
            continue
        style = shape.get("style", "").replace(" ", "").lower()
        lengths = {
            m.group(1): float(m.group(2)) * VML_UNIT_EMU[m.group(3)] for m in VML_LENGTH.finditer(style)
        }
        small = any(lengths.get(side, MIN_BOX_EMU) < MIN_BOX_EMU for side in ("width", "height"))
        if "visibility:hidden" in style or small:
            yield shape


def hidden_drawing_text(root: Element) -> list[str]:
    texts = ["".join(t.text or "" for t in shape.iter(W + "t")).strip() for shape in hidden_drawings(root)]
    return [text for text in texts if text]


def shown_text_boxes(paragraph: Element, page: Page) -> Iterator[Element]:
    """The text boxes of a paragraph a reader sees: not a fallback copy, not hidden, not beyond the page."""
    hidden: set[int] = set()
    for fallback in paragraph.iter(MC + "Fallback"):
        hidden |= {id(box) for box in fallback.iter(W + "txbxContent")}
    for shape in [
        *off_page_anchors(paragraph, page),
        *off_page_vml(paragraph, page),
        *hidden_drawings(paragraph),
    ]:
        hidden |= {id(box) for box in shape.iter(W + "txbxContent")}
    for box in paragraph.iter(W + "txbxContent"):
        if id(box) not in hidden:
            yield box
