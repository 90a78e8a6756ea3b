# ruff: noqa: E501  (the corpus is XML written out by hand; its lines are data)
"""The red team's DOCX files (issue 14): each rule of the gate, and a secret hidden just outside it.

Each leaky file hides one secret where a reader of the page does not see it; each clean file sits just inside
a rule (a box near the edge, a half-width font, white on a dark theme fill) and must pass.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_documents import (
    COMMENTS,
    FOOTNOTES,
    HIDDEN_STYLE,
    VISIBLE_DOCX,
    WORD_MAIN,
    Rel,
    _docx,
    _field,
    _rels,
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

DOCX_RED_TEAM: list[CorpusFile] = [
    leaky(
        "document-variables.docx",
        _docx("", parts={"word/settings.xml": DOC_VARS}),
        {"docx.document_variables"},
        "SECRET-DOCX-docvar",
        VISIBLE_DOCX,
    ),
    leaky(
        "set-field.docx",
        _docx(_complex_field(' SET Officer "SECRET-DOCX-set Jane Roe" ', "")),
        {"docx.field_text"},
        "SECRET-DOCX-set",
        VISIBLE_DOCX,
    ),
    leaky(
        "if-field.docx",
        _docx(_complex_field(' IF 1 = 2 "SECRET-DOCX-if name" "Not disclosed" ', "Not disclosed")),
        {"docx.field_text"},
        "SECRET-DOCX-if",
        VISIBLE_DOCX,
        "Not disclosed",
    ),
    leaky(
        "index-entry-field.docx",
        _docx(_complex_field(' XE "SECRET-DOCX-xe informant" ', "")),
        {"docx.field_text"},
        "SECRET-DOCX-xe",
        VISIBLE_DOCX,
    ),
    leaky(
        "simple-set-field.docx",
        _docx(
            '<w:p><w:fldSimple w:instr=" SET x &quot;SECRET-DOCX-fldsimple&quot; "><w:r><w:t>Shown result</w:t></w:r></w:fldSimple></w:p>'
        ),
        {"docx.field_text"},
        "SECRET-DOCX-fldsimple",
        VISIBLE_DOCX,
        "Shown result",
    ),
    leaky(
        "hyperlink-screen-tip-field.docx",
        _docx(
            _complex_field(' HYPERLINK "https://example.org/" \\o "SECRET-DOCX-screentip" ', "our website")
        ),
        {"docx.field_text"},
        "SECRET-DOCX-screentip",
        VISIBLE_DOCX,
        "our website",
    ),
    leaky(
        "alt-chunk.docx",
        _docx(
            '<w:altChunk r:id="rId20"/>',
            parts={"word/afchunk.htm": "<html><body>SECRET-DOCX-altchunk</body></html>"},
            rels=[Rel("rId20", "aFChunk", "afchunk.htm")],
            types={"word/afchunk.htm": "application/xhtml+xml"},
        ),
        {"docx.alt_chunk"},
        "SECRET-DOCX-altchunk",
        VISIBLE_DOCX,
    ),
    leaky(
        "vml-alt-text.docx",
        _docx(
            '<w:p><w:r><w:pict><v:rect style="width:20pt;height:10pt" alt="SECRET-DOCX-alt photo of J. Roe"/></w:pict></w:r></w:p>'
        ),
        {"docx.alt_text"},
        "SECRET-DOCX-alt",
        VISIBLE_DOCX,
    ),
    leaky(
        "drawing-title.docx",
        _docx(
            '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="9" name="Shape" title="SECRET-DOCX-title"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"/></a:graphic></wp:inline></w:drawing></w:r></w:p>'
        ),
        {"docx.alt_text"},
        "SECRET-DOCX-title",
        VISIBLE_DOCX,
    ),
    leaky(
        "hyperlink-tooltip.docx",
        _docx(
            '<w:p><w:hyperlink r:id="rId4" w:tooltip="SECRET-DOCX-tooltip"><w:r><w:t>the disclosure log</w:t></w:r></w:hyperlink></w:p>',
            rels=[Rel("rId4", "hyperlink", "https://example.org/log/", external=True)],
        ),
        {"docx.alt_text"},
        "SECRET-DOCX-tooltip",
        VISIBLE_DOCX,
        "the disclosure log",
    ),
    leaky(
        "bookmark-name.docx",
        _docx(
            '<w:p><w:bookmarkStart w:id="0" w:name="SECRET_DOCX_bookmark_Roe"/><w:r><w:t>Marked place</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>'
        ),
        {"docx.bookmarks"},
        "SECRET_DOCX_bookmark",
        VISIBLE_DOCX,
        "Marked place",
    ),
    leaky(
        "renamed-comments.docx",
        _docx(
            "<w:p><w:r><w:t>Figures for 2023</w:t></w:r></w:p>",
            parts={"word/notes1.xml": COMMENTS},
            rels=[Rel("rId30", "comments", "notes1.xml")],
            types=COMMENTS_TYPE,
        ),
        {"docx.comments"},
        "SECRET-DOCX-reviewer",
        VISIBLE_DOCX,
        "Figures for 2023",
    ),
    leaky(
        "orphan-comments.docx",
        _docx("", parts={"word/notes2.xml": COMMENTS.replace("SECRET-DOCX-reviewer", "SECRET-DOCX-orphan")}),
        {"docx.unaccounted"},
        "SECRET-DOCX-orphan",
        VISIBLE_DOCX,
    ),
    leaky(
        "stray-rels.docx",
        _docx(
            "",
            parts={"word/_rels/ghost.xml.rels": _rels([Rel("rId1", "image", "media/SECRET-DOCX-stray.png")])},
        ),
        {"docx.unaccounted"},
        "SECRET-DOCX-stray",
        VISIBLE_DOCX,
    ),
    leaky(
        "unknown-relationship.docx",
        _docx(
            "",
            parts={"word/extra.xml": "<data>SECRET-DOCX-unknownrel</data>"},
            rels=[Rel("rId31", "http://example.org/2024/relationships/notes", "extra.xml")],
        ),
        {"docx.unaccounted"},
        "SECRET-DOCX-unknownrel",
        VISIBLE_DOCX,
    ),
    leaky(
        "styles-wrong-content-type.docx",
        _docx(
            w_p("SECRET-DOCX-wrongtype", '<w:rStyle w:val="Internal"/>'),
            parts={"word/styles.xml": HIDDEN_STYLE},
            types={"word/styles.xml": "application/xml"},
        ),
        {"docx.unaccounted", "docx.hidden_text"},
        "SECRET-DOCX-wrongtype",
        VISIBLE_DOCX,
    ),
    leaky(
        "foreign-element.docx",
        _docx(
            '<w:p><x:note xmlns:x="urn:example:notes"><w:r><w:t>SECRET-DOCX-foreign</w:t></w:r></x:note></w:p>'
        ),
        {"docx.unaccounted"},
        "SECRET-DOCX-foreign",
        VISIBLE_DOCX,
    ),
    leaky(
        "unknown-w-element.docx",
        _docx("<w:p><w:r><w:madeUp><w:t>SECRET-DOCX-madeup</w:t></w:madeUp></w:r></w:p>"),
        {"docx.unaccounted"},
        "SECRET-DOCX-madeup",
        VISIBLE_DOCX,
    ),
    leaky(
        "text-in-a-tab.docx",
        _docx("<w:p><w:r><w:t>Before</w:t><w:tab>SECRET-DOCX-tabtext</w:tab></w:r></w:p>"),
        {"docx.unaccounted"},
        "SECRET-DOCX-tabtext",
        VISIBLE_DOCX,
        "Before",
    ),
    leaky(
        "off-page-text-box.docx",
        _docx(_anchor(20_000_000, "SECRET-DOCX-offpage")),
        {"docx.off_page_text"},
        "SECRET-DOCX-offpage",
        VISIBLE_DOCX,
    ),
    leaky(
        "text-box-left-of-page.docx",
        _docx(_anchor(-12_000_000, "SECRET-DOCX-offleft", relative="margin")),
        {"docx.off_page_text"},
        "SECRET-DOCX-offleft",
        VISIBLE_DOCX,
    ),
    leaky(
        "off-page-vml-box.docx",
        _docx(
            '<w:p><w:r><w:pict><v:shape style="position:absolute;margin-left:-2000pt;margin-top:0;width:100pt;height:20pt;z-index:-1">'
            f"<v:textbox><w:txbxContent>{w_p('SECRET-DOCX-vmlbox')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        ),
        {"docx.off_page_text"},
        "SECRET-DOCX-vmlbox",
        VISIBLE_DOCX,
    ),
    leaky(
        "character-scale-1.docx",
        _docx(w_p("SECRET-DOCX-scale squeezed", '<w:w w:val="1"/>')),
        {"docx.tiny_text"},
        "SECRET-DOCX-scale",
        VISIBLE_DOCX,
    ),
    leaky(
        "condensed-spacing.docx",
        _docx(w_p("SECRET-DOCX-condensed", '<w:spacing w:val="-200"/>')),
        {"docx.tiny_text"},
        "SECRET-DOCX-condensed",
        VISIBLE_DOCX,
    ),
    leaky(
        "exact-row-1pt.docx",
        _docx(_table(w_p("SECRET-DOCX-row clipped"), trpr='<w:trHeight w:val="20" w:hRule="exact"/>')),
        {"docx.tiny_text"},
        "SECRET-DOCX-row",
        VISIBLE_DOCX,
    ),
    leaky(
        "exact-line-1pt.docx",
        _docx(w_p("SECRET-DOCX-line clipped", ppr='<w:spacing w:line="20" w:lineRule="exact"/>')),
        {"docx.tiny_text"},
        "SECRET-DOCX-line",
        VISIBLE_DOCX,
    ),
    leaky(
        "paragraph-style-shading.docx",
        _docx(
            w_p("SECRET-DOCX-pshade", ppr='<w:pStyle w:val="Banner"/>'),
            parts={"word/styles.xml": DARK_PARAGRAPH_STYLE},
        ),
        {"docx.white_text"},
        "SECRET-DOCX-pshade",
        VISIBLE_DOCX,
    ),
    leaky(
        "table-style-shading.docx",
        _docx(
            _table(
                w_p("SECRET-DOCX-tshade", '<w:color w:val="1F1F1F"/>'), tblpr='<w:tblStyle w:val="DarkGrid"/>'
            ),
            parts={"word/styles.xml": DARK_TABLE_STYLE},
        ),
        {"docx.white_text"},
        "SECRET-DOCX-tshade",
        VISIBLE_DOCX,
    ),
    leaky(
        "theme-colour-background.docx",
        _themed(w_p("SECRET-DOCX-themebg", '<w:color w:val="000000" w:themeColor="background1"/>')),
        {"docx.white_text"},
        "SECRET-DOCX-themebg",
        VISIBLE_DOCX,
    ),
    leaky(
        "theme-colour-tint.docx",
        _themed(w_p("SECRET-DOCX-tint", '<w:color w:val="4F81BD" w:themeColor="accent1" w:themeTint="0D"/>')),
        {"docx.white_text"},
        "SECRET-DOCX-tint",
        VISIBLE_DOCX,
    ),
    leaky(
        "theme-colour-without-theme.docx",
        _docx(w_p("SECRET-DOCX-notheme", '<w:color w:val="000000" w:themeColor="background1"/>')),
        {"docx.unaccounted"},
        "SECRET-DOCX-notheme",
        VISIBLE_DOCX,
    ),
    leaky(
        "theme-fill-shading.docx",
        _themed(
            w_p(
                "SECRET-DOCX-themefill",
                '<w:color w:val="000000"/><w:shd w:val="clear" w:color="auto" w:fill="FFFFFF" w:themeFill="text1"/>',
            )
        ),
        {"docx.white_text"},
        "SECRET-DOCX-themefill",
        VISIBLE_DOCX,
    ),
    leaky(
        "dark-grey-on-black.docx",
        _docx(w_p("SECRET-DOCX-lowcontrast", '<w:color w:val="141414"/><w:highlight w:val="black"/>')),
        {"docx.white_text"},
        "SECRET-DOCX-lowcontrast",
        VISIBLE_DOCX,
    ),
    leaky(
        "fallback-differs.docx",
        _docx(
            f'<w:p><w:r><mc:AlternateContent {WPS}><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="1800000" cy="400000"/><wp:docPr id="5" name="Box"/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{w_p("Shown box")}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
            f'</wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="width:20pt;height:10pt"><v:textbox><w:txbxContent>{w_p("SECRET-DOCX-fallback")}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
        ),
        {"docx.fallback_text"},
        "SECRET-DOCX-fallback",
        VISIBLE_DOCX,
        "Shown box",
    ),
    leaky(
        "text-fill-none.docx",
        _docx(
            w_p(
                "SECRET-DOCX-nofill",
                '<w14:textFill xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w14:noFill/></w14:textFill>',
            )
        ),
        {"docx.white_text"},
        "SECRET-DOCX-nofill",
        VISIBLE_DOCX,
    ),
    leaky(
        "page-colour-black.docx",
        _docx(
            w_p("SECRET-DOCX-pagecolour", '<w:color w:val="000000"/>'),
            background='<w:background w:color="000000"/>',
            parts={"word/settings.xml": _w_part("settings", "<w:displayBackgroundShape/>")},
        ),
        {"docx.white_text"},
        "SECRET-DOCX-pagecolour",
        VISIBLE_DOCX,
    ),
    leaky(
        "hidden-base-character-style.docx",
        _docx(
            w_p("SECRET-DOCX-basedon", '<w:rStyle w:val="Quieter"/>'),
            parts={"word/styles.xml": HIDDEN_BASE_STYLE},
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-basedon",
        VISIBLE_DOCX,
    ),
    leaky(
        "hidden-in-content-control.docx",
        _docx(
            '<w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent>'
            + w_p("SECRET-DOCX-sdt", "<w:vanish/>")
            + "</w:sdtContent></w:sdt>"
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-sdt",
        VISIBLE_DOCX,
    ),
    leaky(
        "hidden-in-hyperlink.docx",
        _docx(
            '<w:p><w:hyperlink w:anchor="top"><w:r><w:rPr><w:vanish/></w:rPr><w:t>SECRET-DOCX-link hidden</w:t></w:r></w:hyperlink></w:p>'
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-link",
        VISIBLE_DOCX,
    ),
    leaky(
        "hidden-footnote-text.docx",
        _docx(
            '<w:p><w:r><w:t>Complaints rose</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
            parts={
                "word/footnotes.xml": FOOTNOTES.replace(
                    "<w:t>Source: published statistics</w:t>",
                    "<w:t>Source: published statistics</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>SECRET-DOCX-footnote</w:t>",
                )
            },
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-footnote",
        VISIBLE_DOCX,
        "Source: published statistics",
    ),
    leaky(
        "white-header-text.docx",
        _docx(
            "",
            parts={
                "word/header1.xml": _w_part(
                    "hdr", w_p("FOI response") + w_p("SECRET-DOCX-whitehead", '<w:color w:val="FFFFFF"/>')
                )
            },
            rels=[Rel("rId5", "header", "header1.xml")],
            section='<w:headerReference w:type="default" r:id="rId5"/>',
        ),
        {"docx.white_text"},
        "SECRET-DOCX-whitehead",
        VISIBLE_DOCX,
        "FOI response",
    ),
    # Red team of the rules themselves: just inside each one, nothing is hidden and nothing is blocked.
    clean(
        "direct-formatting-unhides.docx",
        _docx(
            w_p("Shown over a hidden style", '<w:rStyle w:val="Internal"/><w:vanish w:val="0"/>'),
            parts={"word/styles.xml": HIDDEN_STYLE},
        ),
        VISIBLE_DOCX,
        "Shown over a hidden style",
    ),
    clean(
        "text-box-on-the-page.docx",
        _docx(_anchor(5_000_000, "Box near the right edge")),
        VISIBLE_DOCX,
        "Box near the right edge",
    ),
    clean(
        "half-scale.docx",
        _docx(w_p("Condensed heading", '<w:w w:val="50"/>')),
        VISIBLE_DOCX,
        "Condensed heading",
    ),
    clean(
        "exact-row-12pt.docx",
        _docx(_table(w_p("Fits the row"), trpr='<w:trHeight w:val="240" w:hRule="exact"/>')),
        VISIBLE_DOCX,
        "Fits the row",
    ),
    clean(
        "theme-text-colour.docx",
        _themed(w_p("Dark blue heading", '<w:color w:val="1F497D" w:themeColor="text2"/>')),
        VISIBLE_DOCX,
        "Dark blue heading",
    ),
    clean(
        "white-on-dark-theme-fill.docx",
        _themed(
            w_p(
                "Reversed out",
                '<w:color w:val="FFFFFF" w:themeColor="background1"/><w:shd w:val="clear" w:color="auto" w:fill="1F497D" w:themeFill="text2"/>',
            )
        ),
        VISIBLE_DOCX,
        "Reversed out",
    ),
    clean(
        "word-bookmarks-and-fields.docx",
        _docx(
            '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/><w:r><w:t xml:space="preserve">Page </w:t></w:r></w:p>'
            + _complex_field(" PAGE \\* MERGEFORMAT ", "1")
            + _complex_field(' HYPERLINK "https://example.org/" ', "example.org")
        ),
        VISIBLE_DOCX,
        "example.org",
    ),
]
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


DOCX_RED_TEAM += [
    leaky(
        "table-first-row-conditional.docx",
        _docx(
            _two_rows(w_p("SECRET-DOCX-firstrow", '<w:color w:val="000000"/>'), w_p("2023"), "BlackHead"),
            parts={"word/styles.xml": BLACK_HEADER_STYLE},
        ),
        {"docx.white_text"},
        "SECRET-DOCX-firstrow",
        VISIBLE_DOCX,
        "2023",
    ),
    leaky(
        "table-band-conditional.docx",
        _docx(
            _two_rows(w_p("Year"), w_p("SECRET-DOCX-band", '<w:color w:val="000000"/>'), "Banded"),
            parts={"word/styles.xml": CONDITIONAL_TABLE_STYLE},
        ),
        {"docx.white_text"},
        "SECRET-DOCX-band",
        VISIBLE_DOCX,
        "Year",
    ),
    leaky(
        "text-box-fill-same-colour.docx",
        _docx(_filled_box("000000", "SECRET-DOCX-boxfill", "000000")),
        {"docx.white_text"},
        "SECRET-DOCX-boxfill",
        VISIBLE_DOCX,
    ),
    leaky(
        "raised-off-the-page.docx",
        _docx(w_p("SECRET-DOCX-raised", '<w:position w:val="4000"/>')),
        {"docx.off_page_text"},
        "SECRET-DOCX-raised",
        VISIBLE_DOCX,
    ),
    leaky(
        "framed-paragraph-off-page.docx",
        _docx(
            w_p(
                "SECRET-DOCX-frame",
                ppr='<w:framePr w:w="2000" w:h="400" w:hAnchor="page" w:vAnchor="page" w:x="-30000" w:y="1000"/>',
            )
        ),
        {"docx.off_page_text"},
        "SECRET-DOCX-frame",
        VISIBLE_DOCX,
    ),
    clean(
        "table-header-white-on-blue.docx",
        _docx(
            _two_rows(w_p("Year"), w_p("Count"), "Banded").replace(
                "<w:tr><w:tc>" + w_p("Count"), "<w:tr><w:tc>" + w_p("Count", '<w:color w:val="FFFFFF"/>')
            ),
            parts={"word/styles.xml": CONDITIONAL_TABLE_STYLE},
        ),
        VISIBLE_DOCX,
        "Year",
        "Count",
    ),
    clean(
        "white-text-in-dark-box.docx",
        _docx(_filled_box("1F497D", "Reversed box", "FFFFFF")),
        VISIBLE_DOCX,
        "Reversed box",
    ),
    clean(
        "framed-paragraph-on-page.docx",
        _docx(
            w_p(
                "Framed aside",
                ppr='<w:framePr w:w="2000" w:h="400" w:hAnchor="page" w:vAnchor="page" w:x="1000" w:y="1000"/>',
            )
        ),
        VISIBLE_DOCX,
        "Framed aside",
    ),
]
DOCX_RED_TEAM += [
    leaky(
        "form-field-help-text.docx",
        _docx(
            '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/>'
            '<w:helpText w:type="text" w:val="SECRET-DOCX-helptext"/><w:textInput/></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>Typed answer</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        ),
        {"docx.alt_text"},
        "SECRET-DOCX-helptext",
        VISIBLE_DOCX,
        "Typed answer",
    ),
    leaky(
        "chart-data.docx",
        _docx(
            '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="7" name="Chart 1"/><a:graphic>'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId40"/>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
            parts={
                "word/charts/chart1.xml": '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:v>SECRET-DOCX-chart</c:v></c:chartSpace>'
            },
            rels=[Rel("rId40", "chart", "charts/chart1.xml")],
            types={
                "word/charts/chart1.xml": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
            },
        ),
        {"docx.chart_data"},
        "SECRET-DOCX-chart",
        VISIBLE_DOCX,
    ),
]
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
DOCX_RED_TEAM += [
    clean(
        "word-shaped-letter.docx",
        _themed(
            WORD_BODY,
            parts={
                "word/webSettings.xml": _w_part("webSettings", "<w:optimizeForBrowser/>"),
                "word/fontTable.xml": _w_part("fonts", '<w:font w:name="Calibri"/>'),
            },
            rels=[
                Rel("rIdWeb", "webSettings", "webSettings.xml"),
                Rel("rIdFont", "fontTable", "fontTable.xml"),
            ],
            types={
                "word/webSettings.xml": f"{WORD_MAIN}.webSettings+xml",
                "word/fontTable.xml": f"{WORD_MAIN}.fontTable+xml",
            },
        ),
        VISIBLE_DOCX,
        "Thank you for your request of 3 May.",
        "Case reference FOI-2024-17",
        "Yours sincerely",
    ),
]
DOCX_RED_TEAM += [
    leaky(
        "sensitivity-label.docx",
        _docx(
            w_p("Labelled letter"),
            parts={"docMetadata/LabelInfo.xml": LABEL_INFO},
            rels=[
                Rel(
                    "rIdLabel",
                    "http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels",
                    "../docMetadata/LabelInfo.xml",
                )
            ],
            types={"docMetadata/LabelInfo.xml": "application/vnd.ms-office.classificationlabels+xml"},
        ),
        {"docx.metadata"},
        "mipLabelMetadata",
        VISIBLE_DOCX,
        "Labelled letter",
    ),
]
DOCX_RED_TEAM += [
    leaky(
        "unreferenced-footnote.docx",
        _docx(
            '<w:p><w:r><w:t>Complaints rose</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
            parts={
                "word/footnotes.xml": FOOTNOTES.replace(
                    "</w:footnotes>",
                    '<w:footnote w:id="2"><w:p><w:r><w:t>SECRET-DOCX-orphannote</w:t></w:r></w:p></w:footnote></w:footnotes>',
                )
            },
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-orphannote",
        VISIBLE_DOCX,
        "Source: published statistics",
    ),
]
DOCX_RED_TEAM += [
    leaky(
        "hidden-drawing-text-box.docx",
        _docx(
            _anchor(1_000_000, "SECRET-DOCX-hiddenbox").replace(
                'name="Text Box 4"/>', 'name="Text Box 4" hidden="1"/>'
            )
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-hiddenbox",
        VISIBLE_DOCX,
    ),
    leaky(
        "vml-visibility-hidden.docx",
        _docx(
            '<w:p><w:r><w:pict><v:shape style="width:100pt;height:20pt;visibility:hidden">'
            f"<v:textbox><w:txbxContent>{w_p('SECRET-DOCX-vmlhidden')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-vmlhidden",
        VISIBLE_DOCX,
    ),
]
DOCX_RED_TEAM += [
    leaky(
        "text-box-too-small.docx",
        _docx(
            _filled_box("FFFFFF", "SECRET-DOCX-smallbox", "000000").replace(
                'cx="1800000" cy="400000"', 'cx="1800000" cy="9000"'
            )
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-smallbox",
        VISIBLE_DOCX,
    ),
    leaky(
        "table-alt-text.docx",
        _docx(_table(w_p("2023"), tblpr='<w:tblCaption w:val="SECRET-DOCX-tablecaption"/>')),
        {"docx.alt_text"},
        "SECRET-DOCX-tablecaption",
        VISIBLE_DOCX,
        "2023",
    ),
]
DOCX_RED_TEAM += [
    leaky(
        "text-inside-office-extension.docx",
        _docx(
            f'<w:p><w14:conflictIns {W14} w14:id="1"><w:r><w:t>SECRET-DOCX-extension</w:t></w:r></w14:conflictIns></w:p>'
        ),
        {"docx.unaccounted"},
        "SECRET-DOCX-extension",
        VISIBLE_DOCX,
    ),
]
DOCX_RED_TEAM += [
    leaky(
        "drop-down-choices.docx",
        _docx(
            '<w:sdt><w:sdtPr><w:alias w:val="Decision"/><w:dropDownList><w:listItem w:displayText="Released" w:value="1"/>'
            '<w:listItem w:displayText="SECRET-DOCX-choice informant" w:value="2"/></w:dropDownList></w:sdtPr><w:sdtContent>'
            + w_p("Released")
            + "</w:sdtContent></w:sdt>"
        ),
        {"docx.form_values"},
        "SECRET-DOCX-choice",
        VISIBLE_DOCX,
        "Released",
    ),
]
DOCX_RED_TEAM += [
    leaky(
        "unknown-run-property.docx",
        _docx(w_p("SECRET-DOCX-unknownprop", "<w:glowOut/>")),
        {"docx.unaccounted"},
        "SECRET-DOCX-unknownprop",
        VISIBLE_DOCX,
    ),
    leaky(
        "unknown-style-property.docx",
        _docx(
            w_p("SECRET-DOCX-styleprop", '<w:rStyle w:val="Odd"/>'),
            parts={
                "word/styles.xml": _styles(
                    '<w:style w:type="character" w:styleId="Odd"><w:rPr><w:fadeAway/></w:rPr></w:style>'
                )
            },
        ),
        {"docx.unaccounted"},
        "SECRET-DOCX-styleprop",
        VISIBLE_DOCX,
    ),
]
