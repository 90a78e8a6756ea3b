# ruff: noqa: E501  (the corpus is XML written out by hand; its lines are data)
"""The DOCX red team (issue 14), continued: conditional table styles, filled shapes, files as Word writes
them, labels and the rest.
"""

from __future__ import annotations

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_documents import (
    FOOTNOTES,
    VISIBLE_DOCX,
    WORD_MAIN,
    Rel,
    _docx,
    _w_part,
    w_p,
)
from tests.core.release_check.corpus_docx_red_team_build import (
    BLACK_HEADER_STYLE,
    CONDITIONAL_TABLE_STYLE,
    LABEL_INFO,
    W14,
    WORD_BODY,
    _anchor,
    _filled_box,
    _styles,
    _table,
    _themed,
    _two_rows,
)

DOCX_RED_TEAM_MORE: list[CorpusFile] = [
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
DOCX_RED_TEAM_MORE += [
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


DOCX_RED_TEAM_MORE += [
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
DOCX_RED_TEAM_MORE += [
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
DOCX_RED_TEAM_MORE += [
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
DOCX_RED_TEAM_MORE += [
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
DOCX_RED_TEAM_MORE += [
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
DOCX_RED_TEAM_MORE += [
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
DOCX_RED_TEAM_MORE += [
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
DOCX_RED_TEAM_MORE += [
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
