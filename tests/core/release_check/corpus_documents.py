# ruff: noqa: E501  (the corpus is XML written out by hand; its lines are data)
"""Word-processing documents for the release gate: DOCX and ODT packages written by hand, part by part.

Writing the XML directly (not through python-docx or odfpy) is what lets each file carry exactly one
leak, or none: the libraries' own templates bring authors, thumbnails and custom XML of their own.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_images import (
    jpeg_with_comment_bytes,
    jpeg_with_exif_bytes,
    png_with_text_bytes,
)

VISIBLE_DOCX = "Dear requester, here is our answer"
W_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def w_p(text: str, rpr: str = "", ppr: str = "") -> str:
    properties = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    run_properties = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{properties}<w:r>{run_properties}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _w_part(root: str, inner: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {W_NAMESPACES}>{inner}</w:{root}>'
    )


@dataclass(frozen=True)
class Rel:
    id: str
    kind: str
    target: str
    external: bool = False

    def xml(self) -> str:
        mode = ' TargetMode="External"' if self.external else ""
        kind = self.kind if "://" in self.kind else f"{REL}/{self.kind}"
        kind = kind.replace(f"{REL}/../package", "http://schemas.openxmlformats.org/package")
        return f'<Relationship Id="{self.id}" Type="{kind}" Target="{self.target}"{mode}/>'


def _rels(relations: list[Rel]) -> str:
    inner = "".join(r.xml() for r in relations)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{inner}</Relationships>'
    )


# Parts a test names, and the relationship Word would reach each by (from the package, or the document).
PACKAGE_PART_KINDS = {
    "docProps/core.xml": "../package/2006/relationships/metadata/core-properties",
    "docProps/app.xml": "extended-properties",
    "docProps/custom.xml": "custom-properties",
    "docProps/thumbnail.jpeg": "../package/2006/relationships/metadata/thumbnail",
}
DOCUMENT_PART_KINDS = {
    "word/styles.xml": "styles",
    "word/comments.xml": "comments",
    "word/settings.xml": "settings",
    "word/footnotes.xml": "footnotes",
    "word/theme/theme1.xml": "theme",
    "word/vbaProject.bin": "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    "customXml/item1.xml": "customXml",
    "word/glossary/document.xml": "glossaryDocument",
}


def make_docx(
    path: Path,
    body: str,
    *,
    parts: dict[str, str | bytes] | None = None,
    rels: list[Rel] | None = None,
    section: str = "",
    types: dict[str, str] | None = None,
    background: str = "",
) -> None:
    """A minimal DOCX: the visible line, then ``body``; extra ``parts``, document ``rels``, content ``types``."""
    parts = dict(parts or {})
    rels = list(rels or [])
    overrides = {
        "word/document.xml": f"{WORD_MAIN}.document.main+xml",
        "word/styles.xml": f"{WORD_MAIN}.styles+xml",
        "word/comments.xml": f"{WORD_MAIN}.comments+xml",
        "word/settings.xml": f"{WORD_MAIN}.settings+xml",
        "word/footnotes.xml": f"{WORD_MAIN}.footnotes+xml",
        "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        "docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        "word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
        "word/vbaProject.bin": "application/vnd.ms-office.vbaProject",
        "word/glossary/document.xml": f"{WORD_MAIN}.document.glossary+xml",
    }
    for name in parts:
        if name.startswith(("word/header", "word/footer")):
            overrides[name] = f"{WORD_MAIN}.{name[5:11]}+xml"
    overrides.update(types or {})
    types = "".join(
        f'<Override PartName="/{name}" ContentType="{kind}"/>'
        for name, kind in overrides.items()
        if name in parts or name == "word/document.xml" or name in (types or {})
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="png" ContentType="image/png"/>'
        '<Default Extension="emf" ContentType="image/x-emf"/>'
        '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
        f"{types}</Types>"
    )
    package_rels = [Rel("rId1", "officeDocument", "word/document.xml")]
    for name, kind in PACKAGE_PART_KINDS.items():
        if name in parts:
            package_rels.append(Rel(f"rIdP{len(package_rels)}", kind, name))
    for name, kind in DOCUMENT_PART_KINDS.items():
        if name in parts:
            target = name.removeprefix("word/") if name.startswith("word/") else f"../{name}"
            rels.append(Rel(f"rIdAuto{len(rels)}", kind, target))
    document = _w_part(
        "document", f"{background}<w:body>{w_p(VISIBLE_DOCX)}{body}<w:sectPr>{section}</w:sectPr></w:body>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", _rels(package_rels))
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", _rels(rels))
        for name, content in parts.items():
            archive.writestr(name, content)


def _docx(body: str, **options: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        make_docx(path, body, **options)  # type: ignore[arg-type]

    return build


def _drawing(rel_id: str) -> str:
    return (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1800000" cy="1350000"/><wp:docPr id="1" name="Picture 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:blipFill><a:blip r:embed="{rel_id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r></w:p>"
    )


def _field(code: str, result: str) -> str:
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


CORE_WITH_AUTHOR = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
    "<dc:creator>SECRET-DOCX-creator</dc:creator><cp:lastModifiedBy>A. Officer</cp:lastModifiedBy>"
    "<cp:revision>7</cp:revision></cp:coreProperties>"
)
CUSTOM_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Case officer">'
    "<vt:lpwstr>SECRET-DOCX-custom</vt:lpwstr></property></Properties>"
)
HIDDEN_STYLE = _w_part(
    "styles",
    '<w:style w:type="character" w:styleId="Internal"><w:name w:val="Internal"/>'
    "<w:rPr><w:vanish/></w:rPr></w:style>",
)
COMMENTS = _w_part(
    "comments",
    '<w:comment w:id="0" w:author="SECRET-DOCX-reviewer"><w:p><w:r><w:t>Do not release the name</w:t></w:r></w:p>'
    "</w:comment>",
)
SETTINGS_WITH_TEMPLATE = _w_part("settings", '<w:attachedTemplate r:id="rId1"/>')
HEADER_SHOWN = _w_part("hdr", w_p("Freedom of Information response"))
HEADER_UNUSED = _w_part("hdr", w_p("SECRET-DOCX-header draft, not for release"))
FOOTNOTES = _w_part(
    "footnotes",
    '<w:footnote w:id="-1" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="0" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Source: published statistics</w:t></w:r></w:p></w:footnote>',
)


def docx_with_template(path: Path) -> None:
    make_docx(path, "", parts={"word/settings.xml": SETTINGS_WITH_TEMPLATE})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "word/_rels/settings.xml.rels",
            _rels(
                [
                    Rel(
                        "rId1",
                        "attachedTemplate",
                        "file:///S:/SECRET-DOCX-template/letter.dotm",
                        external=True,
                    )
                ]
            ),
        )


def docx_with_thumbnail(path: Path) -> None:
    make_docx(path, "", parts={"docProps/thumbnail.jpeg": jpeg_with_comment_bytes(b"SECRET-DOCX-thumb")})


DOCX: list[CorpusFile] = [
    leaky(
        "tracked-changes.docx",
        _docx(
            '<w:p><w:r><w:t xml:space="preserve">The answer is </w:t></w:r>'
            '<w:del w:id="1" w:author="SECRET-DOCX-editor"><w:r><w:delText>SECRET-DOCX-deleted name</w:delText>'
            '</w:r></w:del><w:ins w:id="2" w:author="Editor"><w:r><w:t>withheld under section 40(2)</w:t></w:r>'
            "</w:ins></w:p>"
        ),
        {"docx.tracked_changes"},
        "SECRET-DOCX-deleted",
        VISIBLE_DOCX,
        "The answer is withheld under section 40(2)",
    ),
    leaky(
        "comments.docx",
        _docx(
            '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Figures for 2023</w:t></w:r><w:commentRangeEnd w:id="0"/>'
            '<w:r><w:commentReference w:id="0"/></w:r></w:p>',
            parts={"word/comments.xml": COMMENTS},
        ),
        {"docx.comments"},
        "SECRET-DOCX-reviewer",
        VISIBLE_DOCX,
        "Figures for 2023",
    ),
    leaky(
        "hidden-run.docx",
        _docx(w_p("SECRET-DOCX-vanish officer name", "<w:vanish/>")),
        {"docx.hidden_text"},
        "SECRET-DOCX-vanish",
        VISIBLE_DOCX,
    ),
    leaky(
        "hidden-style.docx",
        _docx(
            w_p("SECRET-DOCX-styled hidden", '<w:rStyle w:val="Internal"/>'),
            parts={"word/styles.xml": HIDDEN_STYLE},
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-styled",
        VISIBLE_DOCX,
    ),
    leaky(
        "white-text.docx",
        _docx(w_p("SECRET-DOCX-white text", '<w:color w:val="FFFFFF"/>')),
        {"docx.white_text"},
        "SECRET-DOCX-white",
        VISIBLE_DOCX,
    ),
    leaky(
        "black-on-black-highlight.docx",
        _docx(w_p("SECRET-DOCX-blacked out", '<w:color w:val="000000"/><w:highlight w:val="black"/>')),
        {"docx.white_text"},
        "SECRET-DOCX-blacked",
        VISIBLE_DOCX,
    ),
    leaky(
        "tiny-text.docx",
        _docx(w_p("SECRET-DOCX-tiny text", '<w:sz w:val="2"/>')),
        {"docx.tiny_text"},
        "SECRET-DOCX-tiny",
        VISIBLE_DOCX,
    ),
    leaky(
        "core-properties.docx",
        _docx("", parts={"docProps/core.xml": CORE_WITH_AUTHOR}),
        {"docx.metadata"},
        "SECRET-DOCX-creator",
        VISIBLE_DOCX,
    ),
    leaky(
        "custom-properties.docx",
        _docx("", parts={"docProps/custom.xml": CUSTOM_PROPERTIES}),
        {"docx.metadata"},
        "SECRET-DOCX-custom",
        VISIBLE_DOCX,
    ),
    leaky(
        "embedded-object.docx",
        _docx(
            '<w:p><w:r><w:object><o:OLEObject ProgID="Excel.Sheet.12" r:id="rId9"/></w:object></w:r></w:p>',
            parts={"word/embeddings/Microsoft_Excel_Worksheet.bin": b"SECRET-DOCX-embedded workbook"},
            rels=[Rel("rId9", "oleObject", "embeddings/Microsoft_Excel_Worksheet.bin")],
        ),
        {"docx.embedded_objects"},
        "SECRET-DOCX-embedded",
        VISIBLE_DOCX,
    ),
    leaky(
        "picture-exif.docx",
        _docx(
            _drawing("rId7"),
            parts={"word/media/image1.jpeg": jpeg_with_exif_bytes("SECRET-DOCX-photographer")},
            rels=[Rel("rId7", "image", "media/image1.jpeg")],
        ),
        {"docx.image_metadata"},
        "SECRET-DOCX-photographer",
        VISIBLE_DOCX,
    ),
    leaky(
        "unused-header.docx",
        _docx(
            "",
            parts={"word/header1.xml": HEADER_SHOWN, "word/header2.xml": HEADER_UNUSED},
            rels=[Rel("rId5", "header", "header1.xml"), Rel("rId6", "header", "header2.xml")],
            section='<w:headerReference w:type="default" r:id="rId5"/><w:headerReference w:type="first" r:id="rId6"/>',
        ),
        {"docx.hidden_header_footer"},
        "SECRET-DOCX-header",
        VISIBLE_DOCX,
        "Freedom of Information response",
    ),
    leaky(
        "field-code.docx",
        _docx(_field(' INCLUDETEXT "\\\\fileserver\\SECRET-DOCX-field\\notes.docx" ', "Included summary")),
        {"docx.fields"},
        "SECRET-DOCX-field",
        VISIBLE_DOCX,
        "Included summary",
    ),
    leaky("template.docx", docx_with_template, {"docx.template"}, "SECRET-DOCX-template", VISIBLE_DOCX),
    leaky(
        "external-link.docx",
        _docx(
            "",
            rels=[Rel("rId8", "subDocument", "file:///S:/SECRET-DOCX-external/part.docx", external=True)],
        ),
        {"docx.external_links"},
        "SECRET-DOCX-external",
        VISIBLE_DOCX,
    ),
    leaky(
        "macros.docx",
        _docx("", parts={"word/vbaProject.bin": b"Attribute VB_Name SECRET-DOCX-macro"}),
        {"docx.macros"},
        "SECRET-DOCX-macro",
        VISIBLE_DOCX,
    ),
    leaky(
        "custom-xml.docx",
        _docx(
            "",
            parts={"customXml/item1.xml": "<properties><owner>SECRET-DOCX-sharepoint</owner></properties>"},
        ),
        {"docx.custom_xml"},
        "SECRET-DOCX-sharepoint",
        VISIBLE_DOCX,
    ),
    leaky(
        "glossary.docx",
        _docx(
            "", parts={"word/glossary/document.xml": _w_part("glossaryDocument", w_p("SECRET-DOCX-glossary"))}
        ),
        {"docx.glossary"},
        "SECRET-DOCX-glossary",
        VISIBLE_DOCX,
    ),
    leaky("thumbnail.docx", docx_with_thumbnail, {"docx.thumbnail"}, "SECRET-DOCX-thumb", VISIBLE_DOCX),
    # A box drawn in Word over a name: the name is in the text flow, so the clean copy shows it plainly
    # (which is what the warning is for); there is no secret that sanitising removes.
    leaky(
        "box-over-name.docx",
        _docx(
            '<w:p><w:r><w:t xml:space="preserve">Officer: John Smith</w:t></w:r><w:r><w:pict>'
            '<v:rect style="position:absolute;margin-left:50pt;width:80pt;height:14pt;z-index:2" fillcolor="black"/>'
            "</w:pict></w:r></w:p>"
        ),
        {"docx.shape_over_text"},
        None,
        VISIBLE_DOCX,
        "Officer: John Smith",
    ),
    leaky(
        "picture-over-text.docx",
        _docx(
            '<w:p><w:r><w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            'relativeHeight="2" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:extent cx="900000" cy="200000"/><wp:wrapNone/><wp:docPr id="2" name="Box"/></wp:anchor>'
            "</w:drawing></w:r><w:r><w:t>Under the picture</w:t></w:r></w:p>"
        ),
        {"docx.shape_over_text"},
        None,
        VISIBLE_DOCX,
        "Under the picture",
    ),
    clean(
        "dark-table-header.docx",
        _docx(
            '<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F1F1F"/></w:tcPr>'
            + w_p("Year of complaint", '<w:color w:val="FFFFFF"/><w:b/>')
            + "</w:tc></w:tr><w:tr><w:tc>"
            + w_p("2023")
            + "</w:tc></w:tr></w:tbl>"
        ),
        VISIBLE_DOCX,
        "Year of complaint",
        "2023",
    ),
    clean(
        "comment-like.docx",
        _docx(w_p("Comment: the officer reviewed this answer.")),
        VISIBLE_DOCX,
        "Comment: the",
    ),
    clean(
        "white-on-highlight.docx",
        _docx(w_p("Key figure", '<w:color w:val="FFFFFF"/><w:highlight w:val="darkBlue"/>')),
        VISIBLE_DOCX,
        "Key figure",
    ),
    clean(
        "header-and-footnote.docx",
        _docx(
            '<w:p><w:r><w:t>Complaints rose</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
            parts={"word/header1.xml": HEADER_SHOWN, "word/footnotes.xml": FOOTNOTES},
            rels=[Rel("rId5", "header", "header1.xml")],
            section='<w:headerReference w:type="default" r:id="rId5"/>',
        ),
        VISIBLE_DOCX,
        "Freedom of Information response",
        "Source: published statistics",
    ),
    clean(
        "hyperlink.docx",
        _docx(
            '<w:p><w:hyperlink r:id="rId4"><w:r><w:t>the disclosure log</w:t></w:r></w:hyperlink></w:p>',
            rels=[Rel("rId4", "hyperlink", "https://example.org/disclosure-log/", external=True)],
        ),
        VISIBLE_DOCX,
        "the disclosure log",
    ),
    clean(
        "not-vanished.docx",
        _docx(w_p("Shown despite the flag", '<w:vanish w:val="0"/>')),
        "Shown despite the flag",
    ),
]


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
            f'<w:p><w:r><mc:AlternateContent {WPS}><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="5" name="Box"/>'
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
DOCX += DOCX_RED_TEAM


# ------------------------------------------------------------------ ODT (packages written by hand)

VISIBLE_ODT = "Dear requester, here is our answer"
ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"'
)


def make_odt(
    path: Path,
    body: str,
    *,
    automatic: str = "",
    styles: str = "",
    meta: str = "",
    parts: dict[str, bytes] | None = None,
    unlisted: dict[str, bytes] | None = None,
) -> None:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NAMESPACES}>'
        f"<office:automatic-styles>{automatic}</office:automatic-styles><office:body><office:text>"
        f"<text:p>{VISIBLE_ODT}</text:p>{body}</office:text></office:body></office:document-content>"
    )
    entries = {"content.xml": content.encode()}
    if styles:
        entries["styles.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NAMESPACES}>{styles}'
            "</office:document-styles>"
        ).encode()
    if meta:
        entries["meta.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NAMESPACES}>'
            f"<office:meta>{meta}</office:meta></office:document-meta>"
        ).encode()
    entries.update(parts or {})
    manifest = "".join(
        f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type=""/>' for name in entries
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            f'manifest:media-type="application/vnd.oasis.opendocument.text"/>{manifest}</manifest:manifest>',
            zipfile.ZIP_DEFLATED,
        )
        for name, data in entries.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
        for name, data in (unlisted or {}).items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)


def _odt(body: str, **options: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        make_odt(path, body, **options)  # type: ignore[arg-type]

    return build


def _text_style(name: str, properties: str, family: str = "text") -> str:
    return f'<style:style style:name="{name}" style:family="{family}"><style:text-properties {properties}/></style:style>'


ODT_FRAME = (
    '<text:p><draw:frame draw:name="Photo" svg:width="5cm" svg:height="3.75cm" text:anchor-type="as-char">'
    '<draw:image xlink:href="{href}" xlink:type="simple"/></draw:frame></text:p>'
)
MASTER_PAGES = (
    '<office:master-styles><style:master-page style:name="Standard">'
    "<style:header><text:p>Freedom of Information response</text:p></style:header>"
    '<style:footer style:display="false"><text:p>{footer}</text:p></style:footer>'
    "</style:master-page></office:master-styles>"
)

ODT: list[CorpusFile] = [
    leaky(
        "tracked-changes.odt",
        _odt(
            '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
            "<dc:creator>Editor</dc:creator></office:change-info><text:p>SECRET-ODT-deleted name</text:p>"
            '</text:deletion></text:changed-region></text:tracked-changes><text:p>The answer is <text:change text:change-id="ct1"/>withheld</text:p>'
        ),
        {"odt.tracked_changes"},
        "SECRET-ODT-deleted",
        VISIBLE_ODT,
        "The answer is withheld",
    ),
    leaky(
        "comment.odt",
        _odt(
            "<text:p>Figures for 2023<office:annotation><dc:creator>SECRET-ODT-reviewer</dc:creator>"
            "<text:p>Check before release</text:p></office:annotation></text:p>"
        ),
        {"odt.comments"},
        "SECRET-ODT-reviewer",
        VISIBLE_ODT,
        "Figures for 2023",
    ),
    leaky(
        "hidden-span.odt",
        _odt(
            '<text:p>Shown <text:span text:style-name="T1">SECRET-ODT-hidden span</text:span></text:p>',
            automatic=_text_style("T1", 'text:display="none"'),
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-hidden",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "hidden-section.odt",
        _odt(
            '<text:section text:name="S1" text:display="none"><text:p>SECRET-ODT-section</text:p></text:section>'
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-section",
        VISIBLE_ODT,
    ),
    leaky(
        "hidden-paragraph.odt",
        _odt(
            '<text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>'
            "SECRET-ODT-paragraph</text:p>"
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-paragraph",
        VISIBLE_ODT,
    ),
    leaky(
        "white-text.odt",
        _odt(
            '<text:p><text:span text:style-name="T1">SECRET-ODT-white</text:span></text:p>',
            automatic=_text_style("T1", 'fo:color="#ffffff"'),
        ),
        {"odt.white_text"},
        "SECRET-ODT-white",
        VISIBLE_ODT,
    ),
    leaky(
        "tiny-text.odt",
        _odt(
            '<text:p><text:span text:style-name="T1">SECRET-ODT-tiny</text:span></text:p>',
            automatic=_text_style("T1", 'fo:font-size="1pt"'),
        ),
        {"odt.tiny_text"},
        "SECRET-ODT-tiny",
        VISIBLE_ODT,
    ),
    leaky(
        "meta.odt",
        _odt(
            "",
            meta="<meta:initial-creator>SECRET-ODT-creator</meta:initial-creator><meta:generator>Writer</meta:generator>",
        ),
        {"odt.metadata"},
        "SECRET-ODT-creator",
        VISIBLE_ODT,
    ),
    leaky(
        "embedded-object.odt",
        _odt(
            '<text:p><draw:frame><draw:object xlink:href="./Object 1"/></draw:frame></text:p>',
            parts={"Object 1/content.xml": b"<table>SECRET-ODT-object</table>"},
        ),
        {"odt.embedded_objects"},
        "SECRET-ODT-object",
        VISIBLE_ODT,
    ),
    leaky(
        "picture-exif.odt",
        _odt(
            ODT_FRAME.format(href="Pictures/photo.jpg"),
            parts={"Pictures/photo.jpg": jpeg_with_exif_bytes("SECRET-ODT-photographer")},
        ),
        {"odt.image_metadata"},
        "SECRET-ODT-photographer",
        VISIBLE_ODT,
    ),
    leaky(
        "macros.odt",
        _odt("", parts={"Basic/Standard/Module1.xml": b"<script>SECRET-ODT-macro</script>"}),
        {"odt.macros"},
        "SECRET-ODT-macro",
        VISIBLE_ODT,
    ),
    leaky(
        "thumbnail.odt",
        _odt("", parts={"Thumbnails/thumbnail.png": png_with_text_bytes("SECRET-ODT-thumb")}),
        {"odt.thumbnail"},
        "SECRET-ODT-thumb",
        VISIBLE_ODT,
    ),
    leaky(
        "hidden-footer.odt",
        _odt("", styles=MASTER_PAGES.format(footer="SECRET-ODT-footer")),
        {"odt.hidden_header_footer"},
        "SECRET-ODT-footer",
        VISIBLE_ODT,
        "Freedom of Information response",
    ),
    leaky(
        "fields.odt",
        _odt("<text:p>Prepared by <text:author-name>A. Officer</text:author-name></text:p>"),
        {"odt.fields"},
        None,
        VISIBLE_ODT,
        "Prepared by A. Officer",
    ),
    leaky(
        "linked-picture.odt",
        _odt(ODT_FRAME.format(href="http://intranet.example/SECRET-ODT-link/photo.png")),
        {"odt.external_links"},
        "SECRET-ODT-link",
        VISIBLE_ODT,
    ),
    leaky(
        "box-over-name.odt",
        _odt(
            '<text:p>Officer: John Smith<draw:rect draw:style-name="gr1" text:anchor-type="paragraph" '
            'svg:x="2cm" svg:y="0cm" svg:width="3cm" svg:height="0.5cm"/></text:p>',
            automatic='<style:style style:name="gr1" style:family="graphic"><style:graphic-properties '
            'draw:fill="solid" draw:fill-color="#000000" style:wrap="run-through" style:run-through="foreground"/>'
            "</style:style>",
        ),
        {"odt.shape_over_text"},
        None,
        VISIBLE_ODT,
        "Officer: John Smith",
    ),
    clean(
        "shape-behind-text.odt",
        _odt(
            '<text:p>Over a pale panel<draw:rect draw:style-name="gr1" text:anchor-type="paragraph" '
            'svg:width="3cm" svg:height="0.5cm"/></text:p>',
            automatic='<style:style style:name="gr1" style:family="graphic"><style:graphic-properties '
            'draw:fill="solid" draw:fill-color="#eeeeee" style:wrap="run-through" style:run-through="background"/>'
            "</style:style>",
        ),
        VISIBLE_ODT,
        "Over a pale panel",
    ),
    clean(
        "dark-band.odt",
        _odt(
            '<text:p text:style-name="P1">Table 1: Complaints by year</text:p>',
            automatic='<style:style style:name="P1" style:family="paragraph">'
            '<style:paragraph-properties fo:background-color="#1f1f1f"/>'
            '<style:text-properties fo:color="#ffffff"/></style:style>',
        ),
        VISIBLE_ODT,
        "Table 1: Complaints by year",
    ),
    clean(
        "comment-like.odt",
        _odt("<text:p>Comment: the officer reviewed this answer.</text:p>"),
        "Comment: the",
    ),
    clean(
        "table-and-list.odt",
        _odt(
            '<table:table table:name="T"><table:table-column/><table:table-row><table:table-cell>'
            "<text:p>2023</text:p></table:table-cell></table:table-row></table:table>"
            "<text:list><text:list-item><text:p>First point</text:p></text:list-item></text:list>"
            '<text:h text:outline-level="2">Background</text:h>'
        ),
        VISIBLE_ODT,
        "2023",
        "First point",
        "Background",
    ),
    clean(
        "visible-header.odt",
        _odt(
            "",
            styles='<office:master-styles><style:master-page style:name="Standard">'
            "<style:header><text:p>Freedom of Information response</text:p></style:header>"
            "</style:master-page></office:master-styles>",
        ),
        VISIBLE_ODT,
        "Freedom of Information response",
    ),
    clean(
        "bold-not-hidden.odt",
        _odt(
            '<text:p>Plain and <text:span text:style-name="T1">bold</text:span></text:p>',
            automatic=_text_style("T1", 'fo:font-weight="bold" text:display="true"'),
        ),
        "Plain and bold",
    ),
]


# ------------------------------------------------------------------ ODT: the red team (issue 14)


def _styles_xml(styles: str = "", automatic: str = "", master: str = "") -> str:
    return f"<office:styles>{styles}</office:styles><office:automatic-styles>{automatic}</office:automatic-styles>{master}"


def _cell_table(cell_style: str, text: str, row_style: str = "", automatic: str = "") -> str:
    row = f' table:style-name="{row_style}"' if row_style else ""
    return (
        f'<table:table table:name="T1"><table:table-column/><table:table-row{row}><table:table-cell table:style-name="{cell_style}" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell></table:table-row></table:table>"
    )


FORMS_NS = 'xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0"'
ODT_RED_TEAM: list[CorpusFile] = [
    leaky(
        "named-style-hidden.odt",
        _odt(
            '<text:p text:style-name="Internal">SECRET-ODT-named hidden</text:p>',
            styles=_styles_xml(
                '<style:style style:name="Internal" style:family="paragraph"><style:text-properties text:display="none"/></style:style>'
            ),
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-named",
        VISIBLE_ODT,
    ),
    leaky(
        "inherited-named-white.odt",
        _odt(
            '<text:p text:style-name="P1">SECRET-ODT-inherited white</text:p>',
            styles=_styles_xml(
                '<style:style style:name="Quiet" style:family="paragraph"><style:text-properties fo:color="#ffffff"/></style:style>'
            ),
            automatic='<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Quiet"><style:paragraph-properties fo:text-align="start"/></style:style>',
        ),
        {"odt.white_text"},
        "SECRET-ODT-inherited",
        VISIBLE_ODT,
    ),
    leaky(
        "default-text-style-tiny.odt",
        _odt(
            '<text:p>Shown <text:span text:style-name="T1">SECRET-ODT-default tiny</text:span></text:p>',
            styles=_styles_xml(
                '<style:default-style style:family="text"><style:text-properties fo:font-size="1pt"/></style:default-style>'
            ),
            automatic=_text_style("T1", 'fo:font-style="italic"'),
        ),
        {"odt.tiny_text"},
        "SECRET-ODT-default",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "white-span-in-white-cell.odt",
        _odt(
            _cell_table("C1", '<text:span text:style-name="T1">SECRET-ODT-whitecell</text:span>'),
            automatic='<style:style style:name="C1" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffffff"/></style:style>'
            + _text_style("T1", 'fo:color="#fefefe"'),
        ),
        {"odt.white_text"},
        "SECRET-ODT-whitecell",
        VISIBLE_ODT,
    ),
    leaky(
        "black-on-black-cell.odt",
        _odt(
            _cell_table("C1", '<text:span text:style-name="T1">SECRET-ODT-blackcell</text:span>'),
            automatic='<style:style style:name="C1" style:family="table-cell"><style:table-cell-properties fo:background-color="#000000"/></style:style>'
            + _text_style("T1", 'fo:color="#0a0a0a"'),
        ),
        {"odt.white_text"},
        "SECRET-ODT-blackcell",
        VISIBLE_ODT,
    ),
    leaky(
        "tiny-row.odt",
        _odt(
            _cell_table("C1", "SECRET-ODT-tinyrow", row_style="R1"),
            automatic='<style:style style:name="R1" style:family="table-row"><style:table-row-properties style:row-height="0.03cm"/></style:style>'
            '<style:style style:name="C1" style:family="table-cell"/>',
        ),
        {"odt.tiny_text"},
        "SECRET-ODT-tinyrow",
        VISIBLE_ODT,
    ),
    leaky(
        "conditional-text.odt",
        _odt(
            '<text:p><text:conditional-text text:condition="ooow:1 == 2" text:string-value-if-true="SECRET-ODT-conditional" text:string-value-if-false="Not disclosed">Not disclosed</text:conditional-text></text:p>'
        ),
        {"odt.conditional_text"},
        "SECRET-ODT-conditional",
        VISIBLE_ODT,
        "Not disclosed",
    ),
    leaky(
        "hidden-text-field.odt",
        _odt(
            '<text:p>Shown<text:hidden-text text:condition="ooow:1" text:string-value="SECRET-ODT-hiddenfield" text:is-hidden="true"/></text:p>'
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-hiddenfield",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "variable-set-not-shown.odt",
        _odt(
            '<text:variable-decls><text:variable-decl text:name="who" office:value-type="string"/></text:variable-decls>'
            '<text:p>Shown<text:variable-set text:name="who" office:value-type="string" office:string-value="SECRET-ODT-variable" text:display="none">SECRET-ODT-variable</text:variable-set></text:p>'
        ),
        {"odt.hidden_variables", "odt.hidden_text"},
        "SECRET-ODT-variable",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "user-field-not-shown.odt",
        _odt(
            '<text:user-field-decls><text:user-field-decl text:name="Officer" office:value-type="string" office:string-value="SECRET-ODT-userfield"/></text:user-field-decls><text:p>Shown</text:p>'
        ),
        {"odt.hidden_variables"},
        "SECRET-ODT-userfield",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "expression-not-shown.odt",
        _odt(
            '<text:p>Shown<text:expression text:formula="ooow:1" text:display="none" office:value-type="string" office:string-value="SECRET-ODT-expression">SECRET-ODT-expression</text:expression></text:p>'
        ),
        {"odt.hidden_variables", "odt.hidden_text"},
        "SECRET-ODT-expression",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "form-value.odt",
        _odt(
            f'<office:forms><form:form {FORMS_NS} form:name="Standard"><form:text form:name="Officer" form:id="c1" form:current-value="SECRET-ODT-form"/></form:form></office:forms><text:p>Shown</text:p>'
        ),
        {"odt.form_values"},
        "SECRET-ODT-form",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "frame-alt-text.odt",
        _odt(
            '<text:p><draw:frame draw:name="Box" svg:width="5cm" svg:height="1cm" text:anchor-type="as-char"><draw:text-box><text:p>Boxed text</text:p></draw:text-box><svg:desc>SECRET-ODT-alt</svg:desc></draw:frame></text:p>'
        ),
        {"odt.alt_text"},
        "SECRET-ODT-alt",
        VISIBLE_ODT,
        "Boxed text",
    ),
    leaky(
        "section-with-condition.odt",
        _odt(
            '<text:section text:name="S1" text:condition="ooow:1"><text:p>SECRET-ODT-condsection</text:p></text:section>'
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-condsection",
        VISIBLE_ODT,
    ),
    leaky(
        "extension-element.odt",
        _odt(
            '<text:p>Shown <loext:note xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0">SECRET-ODT-loext</loext:note></text:p>'
        ),
        {"odt.unaccounted"},
        "SECRET-ODT-loext",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "unknown-text-element.odt",
        _odt("<text:p>Shown <text:made-up>SECRET-ODT-madeup</text:made-up></text:p>"),
        {"odt.unaccounted"},
        "SECRET-ODT-madeup",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "odd-package-file.odt",
        _odt("", parts={"notes.xml": b"<notes>SECRET-ODT-oddfile</notes>"}),
        {"odt.unaccounted"},
        "SECRET-ODT-oddfile",
        VISIBLE_ODT,
    ),
    leaky(
        "unlisted-picture.odt",
        _odt("", unlisted={"Pictures/old.png": png_with_text_bytes("SECRET-ODT-unlisted")}),
        {"odt.unaccounted", "odt.image_metadata"},
        "SECRET-ODT-unlisted",
        VISIBLE_ODT,
    ),
    leaky(
        "white-header-text.odt",
        _odt(
            "",
            styles=_styles_xml(
                automatic=_text_style("MT1", 'fo:color="#ffffff"'),
                master='<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>FOI response <text:span text:style-name="MT1">SECRET-ODT-header white</text:span></text:p></style:header></style:master-page></office:master-styles>',
            ),
        ),
        {"odt.white_text"},
        "SECRET-ODT-header",
        VISIBLE_ODT,
        "FOI response",
    ),
    leaky(
        "hidden-footnote-span.odt",
        _odt(
            '<text:p>Complaints rose<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Source: statistics <text:span text:style-name="T1">SECRET-ODT-note</text:span></text:p></text:note-body></text:note></text:p>',
            automatic=_text_style("T1", 'text:display="none"'),
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-note",
        VISIBLE_ODT,
        "Source: statistics",
    ),
    leaky(
        "named-paragraph-band.odt",
        _odt(
            '<text:p text:style-name="Band">SECRET-ODT-band</text:p>',
            styles=_styles_xml(
                '<style:style style:name="Band" style:family="paragraph"><style:paragraph-properties fo:background-color="#000000"/><style:text-properties fo:color="#000000"/></style:style>'
            ),
        ),
        {"odt.white_text"},
        "SECRET-ODT-band",
        VISIBLE_ODT,
    ),
    # Red team of the rules themselves: just inside each one, nothing is hidden and nothing is blocked.
    clean(
        "white-text-dark-cell.odt",
        _odt(
            _cell_table("C1", '<text:span text:style-name="T1">Year</text:span>'),
            automatic='<style:style style:name="C1" style:family="table-cell"><style:table-cell-properties fo:background-color="#1f1f1f"/></style:style>'
            + _text_style("T1", 'fo:color="#ffffff"'),
        ),
        VISIBLE_ODT,
        "Year",
    ),
    clean(
        "user-field-shown.odt",
        _odt(
            '<text:user-field-decls><text:user-field-decl text:name="Ref" office:value-type="string" office:string-value="FOI-2024-17"/></text:user-field-decls><text:p>Reference <text:user-field-get text:name="Ref">FOI-2024-17</text:user-field-get></text:p>'
        ),
        VISIBLE_ODT,
        "Reference FOI-2024-17",
    ),
    clean(
        "normal-row-height.odt",
        _odt(
            _cell_table("C1", "Fits the row", row_style="R1"),
            automatic='<style:style style:name="R1" style:family="table-row"><style:table-row-properties style:row-height="0.6cm"/></style:style>'
            '<style:style style:name="C1" style:family="table-cell"/>',
        ),
        VISIBLE_ODT,
        "Fits the row",
    ),
    clean(
        "empty-forms-and-window-colour.odt",
        _odt(
            f'<office:forms {FORMS_NS} form:automatic-focus="false" form:apply-design-mode="false"/><text:p text:style-name="P1">Window colour text</text:p>',
            styles=_styles_xml(
                '<style:default-style style:family="paragraph"><style:text-properties style:use-window-font-color="true" fo:font-size="12pt"/></style:default-style>'
            ),
            automatic='<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:background-color="transparent"/></style:style>',
        ),
        VISIBLE_ODT,
        "Window colour text",
    ),
]
ODT_RED_TEAM += [
    leaky(
        "off-page-frame.odt",
        _odt(
            '<text:p>Shown<draw:frame draw:name="Far" svg:x="-40cm" svg:y="1cm" svg:width="5cm" svg:height="1cm" text:anchor-type="paragraph"><draw:text-box><text:p>SECRET-ODT-offpage</text:p></draw:text-box></draw:frame></text:p>'
        ),
        {"odt.off_page_text"},
        "SECRET-ODT-offpage",
        VISIBLE_ODT,
        "Shown",
    ),
    clean(
        "frame-on-the-page.odt",
        _odt(
            '<text:p>Shown<draw:frame draw:name="Near" svg:x="2cm" svg:y="1cm" svg:width="5cm" svg:height="1cm" text:anchor-type="paragraph"><draw:text-box><text:p>Framed aside</text:p></draw:text-box></draw:frame></text:p>'
        ),
        VISIBLE_ODT,
        "Framed aside",
    ),
]
ODT_RED_TEAM += [
    leaky(
        "relative-size-1-percent.odt",
        _odt(
            '<text:p>Shown <text:span text:style-name="T1">SECRET-ODT-percent</text:span></text:p>',
            automatic=_text_style("T1", 'fo:font-size="1%"'),
        ),
        {"odt.tiny_text"},
        "SECRET-ODT-percent",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "text-position-1-percent.odt",
        _odt(
            '<text:p>Shown <text:span text:style-name="T1">SECRET-ODT-position</text:span></text:p>',
            automatic=_text_style("T1", 'style:text-position="0% 1%"'),
        ),
        {"odt.tiny_text"},
        "SECRET-ODT-position",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "text-scale-1-percent.odt",
        _odt(
            '<text:p>Shown <text:span text:style-name="T1">SECRET-ODT-textscale</text:span></text:p>',
            automatic=_text_style("T1", 'style:text-scale="1%"'),
        ),
        {"odt.tiny_text"},
        "SECRET-ODT-textscale",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "letter-spacing-condensed.odt",
        _odt(
            '<text:p>Shown <text:span text:style-name="T1">SECRET-ODT-spacing</text:span></text:p>',
            automatic=_text_style("T1", 'fo:letter-spacing="-0.5cm"'),
        ),
        {"odt.tiny_text"},
        "SECRET-ODT-spacing",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "black-page-black-text.odt",
        _odt(
            '<text:p>Shown <text:span text:style-name="T1">SECRET-ODT-page</text:span></text:p>',
            automatic=_text_style("T1", 'fo:color="#000000"'),
            styles=_styles_xml(
                automatic='<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:background-color="#000000"/></style:page-layout>'
            ),
        ),
        {"odt.white_text"},
        "SECRET-ODT-page",
        VISIBLE_ODT,
        "Shown",
    ),
    clean(
        "superscript-58-percent.odt",
        _odt(
            '<text:p>Footnote mark<text:span text:style-name="T1">1</text:span> shown</text:p>',
            automatic=_text_style("T1", 'style:text-position="super 58%"'),
        ),
        VISIBLE_ODT,
        "Footnote mark1 shown",
    ),
]
ODT_RED_TEAM += [
    leaky(
        "class-names-hidden.odt",
        _odt(
            '<text:p>Shown <text:span text:class-names="T1">SECRET-ODT-classnames</text:span></text:p>',
            automatic=_text_style("T1", 'text:display="none"'),
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-classnames",
        VISIBLE_ODT,
        "Shown",
    ),
]
ODT_RED_TEAM += [
    leaky(
        "collapsed-row.odt",
        _odt(
            '<table:table table:name="T1"><table:table-column/><table:table-row><table:table-cell><text:p>2023</text:p></table:table-cell></table:table-row>'
            '<table:table-row table:visibility="collapse"><table:table-cell><text:p>SECRET-ODT-collapsed</text:p></table:table-cell></table:table-row></table:table>'
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-collapsed",
        VISIBLE_ODT,
        "2023",
    ),
    leaky(
        "collapsed-column.odt",
        _odt(
            '<table:table table:name="T1"><table:table-column/><table:table-column table:visibility="collapse"/>'
            "<table:table-row><table:table-cell><text:p>Year</text:p></table:table-cell><table:table-cell><text:p>SECRET-ODT-column</text:p></table:table-cell></table:table-row></table:table>"
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-column",
        VISIBLE_ODT,
        "Year",
    ),
]
ODT_RED_TEAM += [
    leaky(
        "frame-display-none.odt",
        _odt(
            '<text:p>Shown<draw:frame draw:name="Gone" draw:display="none" svg:width="5cm" svg:height="1cm" text:anchor-type="as-char"><draw:text-box><text:p>SECRET-ODT-displaynone</text:p></draw:text-box></draw:frame></text:p>'
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-displaynone",
        VISIBLE_ODT,
        "Shown",
    ),
]
ODT += ODT_RED_TEAM
