# ruff: noqa: E501  (the corpus is XML written out by hand; its lines are data)
"""The red team's DOCX files (issue 14): each rule of the gate, and a secret hidden just outside it.

Each leaky file hides one secret where a reader of the page does not see it; each clean file sits just
inside a rule (a box near the edge, a half-width font, white on a dark theme fill) and must pass. Fields,
variables, parts, styles and boxes are here; table styles, shapes and files as Word writes them are in
corpus_docx_red_team_more, and ``DOCX_RED_TEAM`` holds both.
"""

from __future__ import annotations

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_documents import (
    COMMENTS,
    FOOTNOTES,
    HIDDEN_STYLE,
    VISIBLE_DOCX,
    Rel,
    _docx,
    _rels,
    _w_part,
    w_p,
)
from tests.core.release_check.corpus_docx_red_team_build import (
    COMMENTS_TYPE,
    DARK_PARAGRAPH_STYLE,
    DARK_TABLE_STYLE,
    DOC_VARS,
    HIDDEN_BASE_STYLE,
    WPS,
    _anchor,
    _complex_field,
    _table,
    _themed,
)
from tests.core.release_check.corpus_docx_red_team_more import DOCX_RED_TEAM_MORE

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


DOCX_RED_TEAM += DOCX_RED_TEAM_MORE
