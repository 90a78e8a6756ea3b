# ruff: noqa: E501 - the corpus is written as literal XML, HTML and PDF operators, kept on one line each
"""DOCX files: python-docx documents with WordprocessingML edits, and LibreOffice's saves of them."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from common import Spec, add_override, add_rel, member, rezip
from docx.shared import RGBColor

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MARK = "PLACEHOLDER-PARAGRAPH"


def _base(path: Path, visible: list[str], black_runs: bool = False) -> None:
    import datetime as dt

    document = docx.Document()
    document.add_heading("Response to your request", level=1)
    for text in visible:
        run = document.add_paragraph().add_run(text)
        if black_runs:
            run.font.color.rgb = RGBColor(0, 0, 0)
    document.add_paragraph(MARK)
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.core_properties.created = dt.datetime(2024, 3, 1, 9, 30)
    document.core_properties.modified = dt.datetime(2024, 3, 1, 9, 30)
    document.core_properties.revision = 1
    document.save(path)


def docx_with(
    body: str = "",
    styles: str = "",
    settings: str = "",
    parts: dict[str, tuple[str, str, str]] | None = None,
    sect: str = "",
    defaults: str = "",
    black_runs: bool = False,
    picture: str | None = None,
):
    """A python-docx letter with ``body`` (XML, {secret} filled in) where the placeholder paragraph was.

    ``parts`` maps a new part name to (relationship type suffix, content type, XML); ``sect`` goes into
    the section properties; ``defaults`` into docDefaults' run properties.
    """

    def build(path: Path, secret: str, visible: list[str]) -> None:
        _base(path, visible, black_runs)
        if picture is not None:
            document = docx.Document(str(path))
            from PIL import Image

            buffer = io.BytesIO()
            Image.new("RGB", (60, 30), (40, 90, 160)).save(buffer, "PNG")
            buffer.seek(0)
            document.add_picture(buffer)
            document.save(path)
        fill = {"secret": secret}
        xml = member(path, "word/document.xml")
        xml = re.sub(
            rf"<w:p>(?:(?!<w:p>).)*?{MARK}.*?</w:p>", body.format(**fill).replace("\\", "\\\\"), xml, count=1
        )
        if picture is not None:
            xml = re.sub(r'(<wp:docPr id="\d+" name="[^"]*")', r"\1 " + picture.format(**fill), xml, count=1)
        if sect:
            xml = xml.replace("<w:pgSz ", sect.format(**fill) + "<w:pgSz ", 1)
        edits: dict[str, bytes | None] = {"word/document.xml": xml.encode()}
        adds: dict[str, bytes] = {}
        if styles or defaults:
            style_xml = member(path, "word/styles.xml")
            if defaults:
                style_xml = style_xml.replace("<w:rPrDefault><w:rPr>", "<w:rPrDefault><w:rPr>" + defaults, 1)
            style_xml = style_xml.replace("</w:styles>", styles + "</w:styles>")
            edits["word/styles.xml"] = style_xml.encode()
        if settings:
            settings_xml = member(path, "word/settings.xml")
            spot = settings_xml.find("<w:rsids>")
            spot = spot if spot != -1 else settings_xml.find("</w:settings>")
            edits["word/settings.xml"] = (
                settings_xml[:spot] + settings.format(**fill) + settings_xml[spot:]
            ).encode()
        if parts:
            rels = member(path, "word/_rels/document.xml.rels")
            types = member(path, "[Content_Types].xml")
            for number, (name, (rel, content_type, part_xml)) in enumerate(parts.items()):
                target = name.removeprefix("word/")
                rels = add_rel(rels, f"rIdX{number}", RT + rel if "://" not in rel else rel, target)
                if content_type:
                    types = add_override(types, "/" + name, content_type)
                adds[name] = part_xml.format(**fill).encode()
            edits["word/_rels/document.xml.rels"] = rels.encode()
            edits["[Content_Types].xml"] = types.encode()
        rezip(path, edits, adds)

    return build


def run(text: str, props: str = "") -> str:
    return (
        f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
    )


def para(*runs: str, props: str = "") -> str:
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}{''.join(runs)}</w:p>"


def field(instruction: str, result: str) -> str:
    return para(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        run(result) if result else "",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )


def table(rows: list[str], style: str = "", props: str = "") -> str:
    style_xml = f'<w:tblStyle w:val="{style}"/>' if style else ""
    tbl = f'<w:tblPr>{style_xml}<w:tblW w:w="0" w:type="auto"/>{props}</w:tblPr>'
    grid = '<w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
    return f"<w:tbl>{tbl}{grid}{''.join(rows)}</w:tbl><w:p/>"


def row(text: str, props: str = "") -> str:
    return f'<w:tr>{"<w:trPr>" + props + "</w:trPr>" if props else ""}<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{para(run(text))}</w:tc></w:tr>'


XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
COMMENTS = (
    XML_HEAD
    + f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="0" w:author="Officer" w:date="2024-03-01T09:00:00Z">'
    "<w:p><w:r><w:t>{secret}</w:t></w:r></w:p></w:comment></w:comments>"
)
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTED = para(
    '<w:commentRangeStart w:id="0"/>',
    run("Please see the attached schedule."),
    '<w:commentRangeEnd w:id="0"/>',
    '<w:r><w:commentReference w:id="0"/></w:r>',
)
GLOSSARY = (
    XML_HEAD
    + f'<w:glossaryDocument xmlns:w="{W_NS}"><w:docParts><w:docPart><w:docPartPr><w:name w:val="Sig"/>'
    '<w:category><w:name w:val="General"/><w:gallery w:val="placeholder"/></w:category></w:docPartPr>'
    "<w:docPartBody><w:p><w:r><w:t>{secret}</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts>"
    "</w:glossaryDocument>"
)
HEADER = XML_HEAD + f'<w:hdr xmlns:w="{W_NS}"><w:p><w:r><w:t>{{secret}}</w:t></w:r></w:p></w:hdr>'
FOOTNOTES = (
    XML_HEAD + f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="5"><w:p><w:r><w:t>{secret}</w:t></w:r></w:p></w:footnote></w:footnotes>'
)
VML_BOX = (
    '<w:p><w:r><w:pict><v:shape id="tb1" type="#_x0000_t202" '
    'style="position:absolute;margin-left:{x};margin-top:{y};width:180pt;height:30pt;z-index:1" stroked="f">'
    "<v:textbox><w:txbxContent><w:p><w:r><w:t>{{secret}}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
    "</v:shape></w:pict></w:r></w:p>"
)


def specs(batch: str) -> list[Spec]:
    t = batch == "tuning"
    vis = ["Thank you for your request of 4 March.", "We hold some of the information you asked for."]
    s: list[Spec] = []

    def leak(name: str, cls: str, trick: str, build, style: str = "dash", tool: str = "python-docx") -> None:
        s.append(Spec(name, "docx", "leaky", cls, trick, tool, build=build, visible=list(vis), tag=style))

    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    if t:
        leak(
            "docx_docvars.docx",
            "docx.parts",
            "Document variable in settings.xml (w:docVars).",
            docx_with(
                para(run("Yours sincerely")),
                settings='<w:docVars><w:docVar w:name="Reviewer" w:val="{secret}"/></w:docVars>',
            ),
        )
        leak(
            "docx_set_field.docx",
            "docx.fields",
            "SET field stores the secret in a bookmark; no result shown.",
            docx_with(field('SET Reviewer "{secret}"', "")),
        )
        leak(
            "docx_if_field.docx",
            "docx.fields",
            "IF field whose false branch (shown) hides the true-branch text.",
            docx_with(field('IF 1 = 2 "{secret}" "Not applicable"', "Not applicable")),
        )
        leak(
            "docx_altchunk_unused.docx",
            "docx.parts",
            "altChunk HTML part reached by a relationship but not placed.",
            docx_with(
                para(run("Annex follows.")),
                parts={"word/afchunk1.htm": ("aFChunk", "", "<html><body><p>{secret}</p></body></html>")},
            ),
        )
        leak(
            "docx_picture_alt.docx",
            "docx.parts",
            "Picture alt text (wp:docPr descr).",
            docx_with(para(run("Figure 1")), picture='descr="{secret}"'),
        )
        leak(
            "docx_bookmark_name.docx",
            "docx.parts",
            "Bookmark named with the secret around visible text.",
            docx_with(
                para(
                    '<w:bookmarkStart w:id="7" w:name="{secret}"/>',
                    run("See section 2."),
                    '<w:bookmarkEnd w:id="7"/>',
                )
            ),
            style="under",
        )
        leak(
            "docx_comments_renamed.docx",
            "docx.parts",
            "Comments part stored as word/review/notes.xml.",
            docx_with(
                COMMENTED, parts={"word/review/notes.xml": ("comments", ct + "comments+xml", COMMENTS)}
            ),
        )
        leak(
            "docx_textbox_offpage.docx",
            "docx.layout",
            "VML text box placed 2000 pt right of the margin (off the page).",
            docx_with(VML_BOX.format(x="2000pt", y="0")),
        )
        leak(
            "docx_char_scale_1.docx",
            "docx.visibility",
            "Character scale 1 % (w:w).",
            docx_with(para(run("{secret}", '<w:w w:val="1"/>'))),
        )
        leak(
            "docx_pstyle_shading.docx",
            "docx.style",
            "Paragraph style shading black with black text.",
            docx_with(
                para(run("{secret}"), props='<w:pStyle w:val="Quiet"/>'),
                styles='<w:style w:type="paragraph" w:styleId="Quiet"><w:name w:val="Quiet"/><w:basedOn w:val="Normal"/>'
                '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:pPr><w:rPr><w:color w:val="000000"/></w:rPr></w:style>',
            ),
        )
        leak(
            "docx_tblstyle_shading.docx",
            "docx.style",
            "Table style shades cells navy and colours text navy.",
            docx_with(
                table([row("{secret}")], style="QuietGrid"),
                styles='<w:style w:type="table" w:styleId="QuietGrid"><w:name w:val="Quiet Grid"/><w:tblPr/>'
                '<w:rPr><w:color w:val="1F3864"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr></w:style>',
            ),
        )
        leak(
            "docx_row_exact_1pt.docx",
            "docx.layout",
            "Table row exactly 1 pt high (trHeight 20 exact).",
            docx_with(
                table([row("Case closed"), row("{secret}", '<w:trHeight w:val="20" w:hRule="exact"/>')])
            ),
        )
        leak(
            "docx_mc_fallback.docx",
            "docx.parts",
            "mc:Fallback text differs from the mc:Choice that Word shows.",
            docx_with(
                '<w:p><mc:AlternateContent><mc:Choice Requires="w14">'
                + run("Decision: released")
                + "</mc:Choice><mc:Fallback>"
                + run("{secret}")
                + "</mc:Fallback></mc:AlternateContent></w:p>"
            ),
        )
        leak(
            "docx_style_chain_vanish.docx",
            "docx.style",
            "Character style based on a style with w:vanish.",
            docx_with(
                para(run("{secret}", '<w:rStyle w:val="Ghost"/>')),
                styles='<w:style w:type="character" w:styleId="GhostBase"><w:name w:val="Ghost Base"/><w:rPr><w:vanish/></w:rPr></w:style>'
                '<w:style w:type="character" w:styleId="Ghost"><w:name w:val="Ghost"/><w:basedOn w:val="GhostBase"/></w:style>',
            ),
        )
        leak(
            "docx_defaults_white.docx",
            "docx.style",
            "docDefaults make text white; visible runs are explicitly black.",
            docx_with(para(run("{secret}")), defaults='<w:color w:val="FFFFFF"/>', black_runs=True),
        )
        leak(
            "docx_highlight_black.docx",
            "docx.visibility",
            "Black text with black highlighting.",
            docx_with(para(run("{secret}", '<w:color w:val="000000"/><w:highlight w:val="black"/>'))),
        )
        leak(
            "docx_themecolor_bg.docx",
            "docx.visibility",
            "w:color val 000000 but themeColor background1: white in Word (LibreOffice uses val).",
            docx_with(para(run("{secret}", '<w:color w:val="000000" w:themeColor="background1"/>'))),
        )
        leak(
            "docx_glossary.docx",
            "docx.parts",
            "Glossary document (building block) part.",
            docx_with(
                para(run("End of letter.")),
                parts={
                    "word/glossary/document.xml": ("glossaryDocument", ct + "document.glossary+xml", GLOSSARY)
                },
            ),
        )
        leak(
            "docx_first_header_unused.docx",
            "docx.parts",
            "First-page header referenced without titlePg: never shown.",
            docx_with(
                para(run("Page one.")),
                sect='<w:headerReference w:type="first" r:id="rIdX0"/>',
                parts={"word/header9.xml": ("header", ct + "header+xml", HEADER)},
            ),
        )
        leak(
            "docx_footnote_orphan.docx",
            "docx.parts",
            "Footnote with no reference in the text.",
            docx_with(
                para(run("No notes.")),
                parts={"word/footnotes.xml": ("footnotes", ct + "footnotes+xml", FOOTNOTES)},
            ),
        )
        leak(
            "docx_table_description.docx",
            "docx.parts",
            "Table alternative text (tblDescription).",
            docx_with(
                table(
                    [row("Requests: 12")],
                    props='<w:tblCaption w:val="Summary"/><w:tblDescription w:val="{secret}"/>',
                )
            ),
        )
        leak(
            "docx_frame_offpage.docx",
            "docx.layout",
            "Frame (framePr) anchored at x=20000 twips: beyond the page.",
            docx_with(
                para(
                    run("{secret}"),
                    props='<w:framePr w:w="3000" w:h="400" w:hRule="exact" w:wrap="around" '
                    'w:vAnchor="page" w:hAnchor="page" w:x="20000" w:y="1000"/>',
                )
            ),
        )
        leak(
            "docx_size_2_5pt.docx",
            "docx.visibility",
            "Font size 2.5 pt (sz 5), just over the 2 pt rule.",
            docx_with(para(run("{secret}", '<w:sz w:val="5"/><w:szCs w:val="5"/>'))),
        )
        leak(
            "docx_position_low.docx",
            "docx.layout",
            "Run lowered by 1000 pt (w:position -2000): off the page.",
            docx_with(para(run("{secret}", '<w:position w:val="-2000"/>'))),
        )
        leak(
            "docx_exact_line_1pt.docx",
            "docx.layout",
            "Paragraph with exact 1 pt line spacing: Word crops the glyphs (LibreOffice does not).",
            docx_with(para(run("{secret}"), props='<w:spacing w:line="20" w:lineRule="exact"/>')),
        )
        leak(
            "docx_deleted_text.docx",
            "docx.tracked",
            "Tracked deletion (baseline).",
            docx_with(
                '<w:p><w:del w:id="1" w:author="A" w:date="2024-03-01T09:00:00Z"><w:r><w:delText>{secret}</w:delText></w:r></w:del>'
                + run("Released.")
                + "</w:p>"
            ),
        )
        leak(
            "docx_vanish.docx",
            "docx.visibility",
            "Hidden text w:vanish (baseline).",
            docx_with(para(run("{secret}", "<w:vanish/>"))),
        )
        leak(
            "docx_run_shading.docx",
            "docx.visibility",
            "Run shading black under black text.",
            docx_with(
                para(
                    run(
                        "{secret}",
                        '<w:color w:val="000000"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>',
                    )
                )
            ),
        )
    else:
        leak(
            "b_docx_docvar_many.docx",
            "docx.parts",
            "Two document variables, the second holding the secret.",
            docx_with(
                para(run("Regards")),
                settings='<w:docVars><w:docVar w:name="Ref" w:val="FOI-1"/><w:docVar w:name="Note" w:val="{secret}"/></w:docVars>',
            ),
        )
        leak(
            "b_docx_quote_field.docx",
            "docx.fields",
            "QUOTE field nested result differs: result shows 'n/a'.",
            docx_with(field('QUOTE "{secret}"', "n/a")),
        )
        leak(
            "b_docx_textbox_above.docx",
            "docx.layout",
            "VML text box at margin-top -900pt (above the page).",
            docx_with(VML_BOX.format(x="0", y="-900pt")),
        )
        leak(
            "b_docx_style_shade_para_inherit.docx",
            "docx.style",
            "Paragraph style inherits black shading and grey-on-grey text.",
            docx_with(
                para(run("{secret}"), props='<w:pStyle w:val="Child"/>'),
                styles='<w:style w:type="paragraph" w:styleId="Parent"><w:name w:val="Parent"/><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="404040"/></w:pPr><w:rPr><w:color w:val="404040"/></w:rPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="Child"><w:name w:val="Child"/><w:basedOn w:val="Parent"/></w:style>',
            ),
        )
        leak(
            "b_docx_char_scale_5.docx",
            "docx.visibility",
            "Character scale 5 % with 4 pt font.",
            docx_with(para(run("{secret}", '<w:w w:val="5"/><w:sz w:val="8"/>'))),
        )
        leak(
            "b_docx_header_even_unused.docx",
            "docx.parts",
            "Even-page header without evenAndOddHeaders: never shown.",
            docx_with(
                para(run("Page one.")),
                sect='<w:headerReference w:type="even" r:id="rIdX0"/>',
                parts={"word/header7.xml": ("header", ct + "header+xml", HEADER)},
            ),
        )
        leak(
            "b_docx_themecolor_text2_on_shd.docx",
            "docx.visibility",
            "Text themeColor text1 on run shading themeFill text1.",
            docx_with(
                para(
                    run(
                        "{secret}",
                        '<w:color w:val="000000" w:themeColor="text1"/><w:shd w:val="clear" w:color="auto" w:fill="000000" w:themeFill="text1"/>',
                    )
                )
            ),
        )
        leak(
            "b_docx_fallback_drawing.docx",
            "docx.parts",
            "mc:Fallback VML text box while Choice shows a plain run.",
            docx_with(
                '<w:p><mc:AlternateContent><mc:Choice Requires="wps">'
                + run("Chart omitted")
                + '</mc:Choice><mc:Fallback><w:r><w:pict><v:shape style="width:100pt;height:20pt"><v:textbox><w:txbxContent>'
                "<w:p><w:r><w:t>{secret}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
                "</mc:Fallback></mc:AlternateContent></w:p>"
            ),
        )
    # LibreOffice's saves: the docx tricks that survive its import, as ODT, PDF and DOC/RTF (refused).
    conversions = (
        [("odt", "odt", "docx.libreoffice"), ("pdf", "pdf", "pdf.libreoffice")]
        if t
        else [("odt", "odt", "docx.libreoffice")]
    )
    hidden = docx_with(para(run("{secret}", "<w:vanish/>")))
    white = docx_with(para(run("{secret}", '<w:color w:val="FFFFFF"/>')))
    tiny = docx_with(para(run("{secret}", '<w:sz w:val="2"/>')))
    for ext, fmt, cls in conversions:
        for label, builder, trick in (
            ("hidden", hidden, "hidden (vanish) text"),
            ("white", white, "white text"),
            ("tiny", tiny, "1 pt text"),
        ):
            if ext == "pdf" and label == "hidden":
                continue
            s.append(
                Spec(
                    f"{'' if t else 'b_'}lo_docx_{label}.{ext}",
                    fmt,
                    "leaky",
                    cls,
                    f"LibreOffice converted a DOCX with {trick} to {ext.upper()}.",
                    "libreoffice",
                    source=builder,
                    source_ext="docx",
                    convert=ext,
                    visible=list(vis),
                )
            )
    if t:
        s.append(
            Spec(
                "lo_docx_hybrid.pdf",
                "pdf",
                "leaky",
                "pdf.hybrid",
                "LibreOffice hybrid PDF: the DOCX's hidden paragraph rides in the embedded ODF source.",
                "libreoffice",
                source=hidden,
                source_ext="docx",
                convert='pdf:writer_pdf_Export:{"IsAddStream":{"type":"boolean","value":"true"}}',
                visible=list(vis),
            )
        )
        for ext, filt in (("rtf", "rtf"), ("doc", "doc:MS Word 97")):
            s.append(
                Spec(
                    f"unsupported_hidden.{ext}",
                    ext,
                    "leaky",
                    "detect",
                    f"LibreOffice saved a DOCX with white text as {ext.upper()}: must be refused.",
                    "libreoffice",
                    source=white,
                    source_ext="docx",
                    convert=filt,
                    visible=list(vis),
                )
            )
        s.append(
            Spec(
                "unsupported_hidden.fodt",
                "fodt",
                "leaky",
                "detect",
                "Flat ODT with hidden text: must be refused.",
                "libreoffice",
                source=hidden,
                source_ext="docx",
                convert="fodt",
                visible=list(vis),
            )
        )
    # clean documents
    cleans = {
        "letter": docx_with(para(run("Yours sincerely,")) + para(run("Information Governance Team"))),
        "table_header": docx_with(
            table([row("Reference"), row("FOI-2024-001")], style="QuietGrid"),
            styles='<w:style w:type="table" w:styleId="QuietGrid"><w:name w:val="Dark Head"/><w:tblPr/>'
            '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>'
            '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr></w:tblStylePr></w:style>',
        ),
        "white_on_dark_shading": docx_with(
            para(
                run(
                    "Summary of outcome",
                    '<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>',
                )
            )
        ),
        "picture_alt": docx_with(
            para(run("Figure 1: Requests by month")), picture='descr="Bar chart of requests by month"'
        ),
        "small_print": docx_with(
            para(run("Registered office: 1 High Street, Anytown.", '<w:sz w:val="14"/>'))
        ),
        "grey_footer": docx_with(
            para(
                run(
                    "This response is issued under the Freedom of Information Act 2000.",
                    '<w:color w:val="595959"/>',
                )
            )
        ),
        "field_page": docx_with(field("PAGE", "1")),
    }
    chosen = list(cleans) if t else ["letter", "white_on_dark_shading"]
    for label in chosen:
        s.append(
            Spec(
                f"{'' if t else 'b_'}docx_clean_{label}.docx",
                "docx",
                "clean",
                "docx.clean",
                f"python-docx document ({label}) that must pass.",
                "python-docx",
                build=cleans[label],
                visible=list(vis),
            )
        )
    if t:
        s.append(
            Spec(
                "lo_docx_clean.odt",
                "odt",
                "clean",
                "odt.clean",
                "LibreOffice's ODT of a plain python-docx letter.",
                "libreoffice",
                source=cleans["letter"],
                source_ext="docx",
                convert="odt",
                visible=list(vis),
            )
        )
        s.append(
            Spec(
                "lo_docx_clean.pdf",
                "pdf",
                "clean",
                "pdf.clean",
                "LibreOffice's PDF of a plain python-docx letter.",
                "libreoffice",
                source=cleans["table_header"],
                source_ext="docx",
                convert="pdf",
                visible=list(vis),
            )
        )
    return s
