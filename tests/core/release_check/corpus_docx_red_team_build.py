# ruff: noqa: E501  (the corpus is XML written out by hand; its lines are data)
"""Building blocks for the DOCX red team (issue 14): a theme and styles, anchored text boxes, complex fields,
tables, filled boxes, Word's own body and label parts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus_documents import (
    WORD_MAIN,
    _docx,
    _field,
    _w_part,
    w_p,
)

# ------------------------------------------------------------------ DOCX: the red team (issue 14)

THEME = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">'
    '<a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2>'
    '<a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4F81BD"/></a:accent1>'
    '<a:accent2><a:srgbClr val="C0504D"/></a:accent2><a:accent3><a:srgbClr val="9BBB59"/></a:accent3>'
    '<a:accent4><a:srgbClr val="8064A2"/></a:accent4><a:accent5><a:srgbClr val="4BACC6"/></a:accent5>'
    '<a:accent6><a:srgbClr val="F79646"/></a:accent6><a:hlink><a:srgbClr val="0000FF"/></a:hlink>'
    '<a:folHlink><a:srgbClr val="800080"/></a:folHlink></a:clrScheme></a:themeElements></a:theme>'
)
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _styles(inner: str) -> str:
    return _w_part("styles", inner)


def _themed(body: str, **options: object) -> Callable[[Path], None]:
    parts = dict(options.pop("parts", {}) or {})  # type: ignore[call-overload]
    parts["word/theme/theme1.xml"] = THEME
    return _docx(body, parts=parts, **options)


def _anchor(x: int, text: str, relative: str = "page", y: int = 914400) -> str:
    return (
        f'<w:p><w:r><w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="3" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{relative}"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1800000" cy="400000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="4" name="Text Box 4"/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp {WPS}>'
        f"<wps:txbx><w:txbxContent>{w_p(text)}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></w:r></w:p>"
    )


def _complex_field(code: str, result: str) -> str:
    return _field(code.replace('"', "&quot;"), result)


def _table(cell: str, tblpr: str = "", trpr: str = "") -> str:
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tr><w:trPr>{trpr}</w:trPr><w:tc>{cell}</w:tc></w:tr></w:tbl>"


DARK_PARAGRAPH_STYLE = _styles(
    '<w:style w:type="paragraph" w:styleId="Banner"><w:name w:val="Banner"/>'
    '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:pPr><w:rPr><w:color w:val="000000"/></w:rPr></w:style>'
)
DARK_TABLE_STYLE = _styles(
    '<w:style w:type="table" w:styleId="DarkGrid"><w:name w:val="Dark Grid"/>'
    '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F1F1F"/></w:tcPr></w:style>'
)
HIDDEN_BASE_STYLE = _styles(
    '<w:style w:type="character" w:styleId="Quiet"><w:name w:val="Quiet"/><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Quieter"><w:name w:val="Quieter"/><w:basedOn w:val="Quiet"/>'
    "<w:rPr><w:i/></w:rPr></w:style>"
)
DOC_VARS = _w_part(
    "settings", '<w:docVars><w:docVar w:name="CaseOfficer" w:val="SECRET-DOCX-docvar Jane Roe"/></w:docVars>'
)
COMMENTS_TYPE = {"word/notes1.xml": f"{WORD_MAIN}.comments+xml"}


CONDITIONAL_TABLE_STYLE = _styles(
    '<w:style w:type="table" w:styleId="Banded"><w:name w:val="Banded"/>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F497D"/></w:tcPr></w:tblStylePr>'
    '<w:tblStylePr w:type="band1Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:tcPr></w:tblStylePr>'
    "</w:style>"
)
BLACK_HEADER_STYLE = _styles(
    '<w:style w:type="table" w:styleId="BlackHead"><w:name w:val="Black Head"/>'
    '<w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:tcPr></w:tblStylePr>'
    "</w:style>"
)


def _two_rows(first: str, second: str, style: str) -> str:
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblLook w:val="04A0" w:firstRow="1" w:noHBand="0"/></w:tblPr>'
        f"<w:tr><w:tc>{first}</w:tc></w:tr><w:tr><w:tc>{second}</w:tc></w:tr></w:tbl>"
    )


def _filled_box(fill: str, text: str, colour: str) -> str:
    run = w_p(text, f'<w:color w:val="{colour}"/>')
    return (
        f'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1800000" cy="400000"/><wp:docPr id="6" name="Text Box 6"/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp {WPS}>'
        f'<wps:spPr><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{run}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"
        "</a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
WORD_BODY = (
    f'<w:p {W14} w:rsidR="00A1" w:rsidRDefault="00B2" w14:paraId="1A2B3C4D" w14:textId="77777777">'
    '<w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr>'
    '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellStart"/>'
    '<w:r w:rsidRPr="00C3"><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:lang w:val="en-GB"/></w:rPr>'
    '<w:t>Thank you for your request</w:t></w:r><w:proofErr w:type="spellEnd"/>'
    '<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> of 3 May.</w:t></w:r></w:p>'
    f'<w:p><w:r><mc:AlternateContent {WPS}><mc:Choice Requires="wps"><w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" '
    'distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" locked="0" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>76200</wp:posOffset></wp:positionV><wp:extent cx="2360930" cy="1404620"/>'
    '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="217" name="Text Box 2"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
    '<wps:spPr><a:solidFill><a:schemeClr val="bg1"/></a:solidFill></wps:spPr><wps:txbx><w:txbxContent>'
    + w_p("Case reference FOI-2024-17")
    + '</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    '</mc:Choice><mc:Fallback><w:pict><v:shape id="Text Box 2" o:spid="_x0000_s1026" type="#_x0000_t202" '
    'style="position:absolute;margin-left:252pt;margin-top:6pt;width:185.9pt;height:110.6pt;z-index:251659264" fillcolor="white">'
    "<v:textbox><w:txbxContent>"
    + w_p("Case reference FOI-2024-17")
    + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    '<w:sdt><w:sdtPr><w:id w:val="-1"/><w:docPartObj><w:docPartGallery w:val="Page Numbers (Bottom of Page)"/>'
    "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
    + w_p("Yours sincerely")
    + "</w:sdtContent></w:sdt>"
)
LABEL_INFO = (
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?><clbl:labelList '
    'xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="{0}" enabled="1" '
    'method="Standard" siteId="{1}" removed="0"/></clbl:labelList>'
)
