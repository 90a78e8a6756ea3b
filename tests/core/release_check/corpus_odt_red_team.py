# ruff: noqa: E501  (the corpus is XML written out by hand; its lines are data)
"""The red team's ODT files (issue 14): each rule of the gate, and a secret hidden just outside it.

Named, inherited and default styles, table cells and rows, fields and variables, forms, frames and the
package itself; the clean files sit just inside a rule and must pass.
"""

from __future__ import annotations

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_documents import VISIBLE_ODT, _odt, _text_style
from tests.core.release_check.corpus_images import png_with_text_bytes

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

ODT_RED_TEAM += [
    leaky(
        "unused-master-page-header.odt",
        _odt(
            "",
            styles=_styles_xml(
                master='<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>FOI response</text:p></style:header></style:master-page>'
                '<style:master-page style:name="Draft"><style:header><text:p>SECRET-ODT-unusedmaster</text:p></style:header></style:master-page></office:master-styles>'
            ),
        ),
        {"odt.hidden_header_footer"},
        "SECRET-ODT-unusedmaster",
        VISIBLE_ODT,
        "FOI response",
    ),
    clean(
        "master-page-used-by-a-style.odt",
        _odt(
            '<text:p text:style-name="Wide">Landscape table follows</text:p>',
            styles=_styles_xml(
                '<style:style style:name="Wide" style:family="paragraph" style:master-page-name="Landscape"/>',
                master='<office:master-styles><style:master-page style:name="Standard"/><style:master-page style:name="Landscape">'
                "<style:header><text:p>Annex A</text:p></style:header></style:master-page></office:master-styles>",
            ),
        ),
        VISIBLE_ODT,
        "Annex A",
    ),
]
ODT_RED_TEAM += [
    leaky(
        "comment-in-header.odt",
        _odt(
            "",
            styles=_styles_xml(
                master='<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>FOI response'
                "<office:annotation><dc:creator>SECRET-ODT-headercomment</dc:creator><text:p>Check</text:p></office:annotation>"
                "</text:p></style:header></style:master-page></office:master-styles>"
            ),
        ),
        {"odt.comments"},
        "SECRET-ODT-headercomment",
        VISIBLE_ODT,
        "FOI response",
    ),
]
ODT_RED_TEAM += [
    leaky(
        "link-title.odt",
        _odt(
            '<text:p><text:a xlink:type="simple" xlink:href="https://example.org/" office:title="SECRET-ODT-linktitle">the disclosure log</text:a></text:p>'
        ),
        {"odt.alt_text"},
        "SECRET-ODT-linktitle",
        VISIBLE_ODT,
        "the disclosure log",
    ),
    leaky(
        "bookmark-name.odt",
        _odt('<text:p><text:bookmark text:name="SECRET-ODT-bookmark Roe"/>Marked place</text:p>'),
        {"odt.bookmarks"},
        "SECRET-ODT-bookmark",
        VISIBLE_ODT,
        "Marked place",
    ),
]
