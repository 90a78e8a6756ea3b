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
