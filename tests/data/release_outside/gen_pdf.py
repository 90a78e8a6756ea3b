# ruff: noqa: E501 - the corpus is written as literal XML, HTML and PDF operators, kept on one line each
"""PDF files: pages written operator by operator with pikepdf, HTML printed by WeasyPrint, and incremental
updates. The building blocks are in gen_pdf_tricks.
"""

from __future__ import annotations

from common import Spec
from gen_pdf_tricks import (
    SECRET_LINE,
    _oc_off_list,
    annotations,
    catalog_af,
    catalog_attachment,
    catalog_js,
    catalog_private,
    catalog_struct,
    embedded,
    form,
    incremental,
    line,
    page_cropbox,
    page_metadata,
    page_pdf,
    page_pieceinfo,
    signature_png,
    trick_form_bbox,
    trick_gs,
    trick_image,
    trick_indexed,
    trick_oc,
    trick_pattern,
    trick_separation,
    trick_shading,
    trick_smask,
    trick_type3,
    unused_form,
    weasy,
)
from pikepdf import Array, Dictionary, Name


def specs(batch: str) -> list[Spec]:
    t = batch == "tuning"
    vis = ["Dear requester", "Please find our response below."]
    s: list[Spec] = []

    def leak(name: str, cls: str, trick: str, build, tool: str = "pikepdf") -> None:
        s.append(Spec(name, "pdf", "leaky", cls, trick, tool, build=build, visible=list(vis)))

    if t:
        leak(
            "pdf_white_text.pdf",
            "pdf.paint",
            "White text on the white page (baseline).",
            page_pdf("1 1 1 rg " + SECRET_LINE),
        )
        leak(
            "pdf_form_bbox_clip.pdf",
            "pdf.clip",
            "Text inside a form XObject, outside the form's BBox.",
            page_pdf("q 1 0 0 1 100 500 cm /Fm1 Do Q", resources=trick_form_bbox),
        )
        leak(
            "pdf_cropbox_beyond_media.pdf",
            "pdf.clip",
            "CropBox wider than MediaBox; text at x=650 (outside the MediaBox).",
            page_pdf(line(650, 600, "{secret}"), page_extra=page_cropbox((0, 0, 900, 792))),
        )
        leak(
            "pdf_stencil_mask_cover.pdf",
            "pdf.cover",
            "A 1x1 stencil mask painted white over the text.",
            page_pdf(
                SECRET_LINE,
                resources=trick_image(mask=True),
                after="q 1 1 1 rg 320 0 0 22 68 594 cm /Im1 Do Q",
            ),
        )
        leak(
            "pdf_soft_mask.pdf",
            "pdf.paint",
            "Text drawn under a luminosity soft mask of black (alpha 0).",
            page_pdf("q /GS1 gs " + SECRET_LINE + " Q", resources=trick_smask),
        )
        leak(
            "pdf_glyph_cover.pdf",
            "pdf.cover",
            "Black ZapfDingbats squares typed over black text.",
            page_pdf(SECRET_LINE, after=line(68, 596, "n" * 18, 17, "/ZD", pre="-1.5 Tc")),
        )
        leak(
            "pdf_tz_1.pdf",
            "pdf.paint",
            "Horizontal scaling 1 % (Tz 1).",
            page_pdf(line(72, 600, "{secret}", pre="1 Tz")),
        )
        leak(
            "pdf_separation_white.pdf",
            "pdf.paint",
            "Separation colour whose tint transform gives no ink (white).",
            page_pdf("/CS1 cs 1 scn " + SECRET_LINE, resources=trick_separation),
        )
        leak(
            "pdf_oc_basestate_off.pdf",
            "pdf.layers",
            "Optional content group off through /BaseState /OFF.",
            page_pdf("/OC /oc1 BDC " + SECRET_LINE + " EMC", resources=trick_oc("base")),
        )
        leak(
            "pdf_ocmd_alloff.pdf",
            "pdf.layers",
            "OCMD with /P /AllOff over an ON group: hidden.",
            page_pdf("/OC /oc1 BDC " + SECRET_LINE + " EMC", resources=trick_oc("ocmd")),
        )
        leak(
            "pdf_opacity_94_cover.pdf",
            "pdf.cover",
            "White box at 94 % opacity over the text (just under the 95 % rule).",
            page_pdf(
                SECRET_LINE, resources=trick_gs(ca=0.94), after="q /GS2 gs 1 1 1 rg 68 594 320 22 re f Q"
            ),
        )
        leak(
            "pdf_black_on_black_image.pdf",
            "pdf.cover",
            "Black text on a black picture.",
            page_pdf("q 320 0 0 22 68 594 cm /Im1 Do Q 0 g " + SECRET_LINE, resources=trick_image(grey=0)),
        )
        leak(
            "pdf_type3_blank.pdf",
            "pdf.paint",
            "Type3 font whose glyphs draw nothing (ToUnicode maps the text).",
            page_pdf(line(72, 600, "{secret}", font="/T3"), resources=trick_type3),
        )
        leak(
            "pdf_unused_xobject.pdf",
            "pdf.parts",
            "Form XObject in the page resources, never drawn.",
            page_pdf("", resources=unused_form),
        )
        leak(
            "pdf_private_catalog_stream.pdf",
            "pdf.parts",
            "Private stream in the document catalogue.",
            page_pdf("", catalog=catalog_private),
        )
        leak(
            "pdf_associated_file.pdf",
            "pdf.parts",
            "Associated file (/AF) on the catalogue, not in EmbeddedFiles.",
            page_pdf("", catalog=catalog_af),
        )
        leak(
            "pdf_widget_no_acroform.pdf",
            "pdf.parts",
            "Hidden text-field widget with a value, no AcroForm.",
            page_pdf("", page_extra=annotations("widget")),
        )
        leak(
            "pdf_link_appearance.pdf",
            "pdf.parts",
            "Hidden link annotation whose appearance stream holds text.",
            page_pdf("", page_extra=annotations("link_ap")),
        )
        leak(
            "pdf_actualtext.pdf",
            "pdf.parts",
            "ActualText replaces the shown words when copied.",
            page_pdf("/Span <</ActualText ({secret})>> BDC " + line(72, 600, "Summary") + " EMC"),
        )
        leak(
            "pdf_struct_alt.pdf",
            "pdf.parts",
            "Structure tree figure /Alt text.",
            page_pdf("", catalog=catalog_struct),
        )
        leak(
            "pdf_page_xmp.pdf",
            "pdf.parts",
            "Page-level XMP metadata stream.",
            page_pdf("", page_extra=page_metadata),
        )
        leak(
            "pdf_incremental_update.pdf",
            "pdf.incremental",
            "Incremental update replaces the page content; revision 1 keeps it.",
            incremental(False),
            tool="hand-pdf",
        )
        leak(
            "pdf_incremental_one_eof.pdf",
            "pdf.incremental",
            "Incremental update with the first %%EOF marker altered (one %%EOF).",
            incremental(True),
            tool="hand-pdf",
        )
        leak(
            "pdf_blend_screen.pdf",
            "pdf.paint",
            "Page painted white, then black text with blend mode Screen: paints white.",
            page_pdf(
                "q /GS2 gs " + SECRET_LINE + " Q",
                resources=trick_gs(BM=Name.Screen),
                before="1 g 0 0 612 792 re f",
            ),
        )
        leak(
            "pdf_shading_over.pdf",
            "pdf.cover",
            "White axial shading painted with sh over the text.",
            page_pdf(SECRET_LINE, resources=trick_shading, after="q 68 594 320 22 re W n /Sh1 sh Q"),
        )
        leak(
            "pdf_square_annot_cover.pdf",
            "pdf.cover",
            "Square annotation with an opaque white appearance over the text.",
            page_pdf(SECRET_LINE, page_extra=annotations("square_cover")),
        )
        leak(
            "pdf_pattern_white.pdf",
            "pdf.paint",
            "Text filled with a white tiling pattern.",
            page_pdf("/Pattern cs /P1 scn " + SECRET_LINE, resources=trick_pattern),
        )
        leak(
            "pdf_indexed_white.pdf",
            "pdf.paint",
            "Indexed colour space, entry 1 is white.",
            page_pdf("/CS2 cs 1 sc " + SECRET_LINE, resources=trick_indexed),
        )
        leak(
            "pdf_render_mode_3.pdf",
            "pdf.paint",
            "Text render mode 3 (baseline).",
            page_pdf(line(72, 600, "{secret}", pre="3 Tr")),
        )
        leak(
            "pdf_clip_tiny.pdf",
            "pdf.clip",
            "Clip path of 1x1 pt set before the text.",
            page_pdf("q 70 700 1 1 re W n " + SECRET_LINE + " Q"),
        )
        leak(
            "pdf_ctm_tiny.pdf",
            "pdf.paint",
            "Text under a 1 % CTM scale (0.1 pt high).",
            page_pdf("q 0.01 0 0 0.01 72 600 cm " + line(0, 0, "{secret}", 10) + " Q"),
        )
        leak(
            "pdf_javascript.pdf",
            "pdf.parts",
            "JavaScript OpenAction holding the secret.",
            page_pdf("", catalog=catalog_js),
        )
        leak(
            "pdf_attachment.pdf",
            "pdf.parts",
            "Embedded file attachment (baseline).",
            page_pdf("", catalog=catalog_attachment),
        )
        leak(
            "pdf_comment.pdf",
            "pdf.parts",
            "Text annotation (sticky note) contents (baseline).",
            page_pdf("", page_extra=annotations("text")),
        )
        leak(
            "pdf_pieceinfo.pdf",
            "pdf.parts",
            "Page /PieceInfo private application data.",
            page_pdf("", page_extra=page_pieceinfo),
        )
        leak(
            "pdf_char_spacing_overlap.pdf",
            "pdf.paint",
            "Character spacing -5.5 stacks every glyph on the first.",
            page_pdf(line(72, 600, "{secret}", 10, pre="-5.5 Tc")),
        )
        # WeasyPrint
        for label, html, trick in (
            ("white", '<p style="color:#fff">{secret}</p>', "CSS white text."),
            ("tiny", '<p style="font-size:0.4px">{secret}</p>', "CSS font-size 0.4px."),
            (
                "overlay",
                '<div style="position:relative"><p>{secret}</p><div style="position:absolute;top:0;left:0;'
                'width:100%;height:2em;background:#fff"></div></div>',
                "Absolutely positioned white div over the text.",
            ),
            (
                "overflow",
                '<div style="height:1.2em;overflow:hidden"><p style="margin:0">Decision</p><p>{secret}</p></div>',
                "overflow:hidden box clips the second paragraph.",
            ),
            ("opacity", '<p style="opacity:0.02">{secret}</p>', "CSS opacity 0.02."),
            (
                "indent",
                '<p style="text-indent:-9999px">{secret}</p>',
                "text-indent -9999px pushes the text off the page.",
            ),
            ("rgba", '<p style="color:rgba(0,0,0,0.03)">{secret}</p>', "Text colour with 3 % alpha."),
            (
                "same_bg",
                '<p style="color:#1f3864;background:#1f3864">{secret}</p>',
                "Text colour equals its background.",
            ),
        ):
            leak(f"weasy_{label}.pdf", "pdf.weasyprint", trick, weasy(html), tool="weasyprint")
        # The blind batch's four misses of 2026-12-07, as tuning material (ADR 0012, amended)
        leak(
            "pdf_stencil_decode_ones.pdf",
            "pdf.cover",
            "Stencil mask of 1s with Decode [1 0] (which then paint), black over black text.",
            page_pdf(
                SECRET_LINE,
                resources=trick_image(mask=True, decode=[1, 0]),
                after="q 0 g 320 0 0 22 68 594 cm /Im1 Do Q",
            ),
        )
        leak(
            "pdf_opacity_90_cover.pdf",
            "pdf.cover",
            "White box at 90 % opacity over the text.",
            page_pdf(
                SECRET_LINE, resources=trick_gs(ca=0.9), after="q /GS2 gs 1 1 1 rg 68 594 320 22 re f Q"
            ),
        )
        leak(
            "pdf_text_alpha_12.pdf",
            "pdf.paint",
            "Light grey text with fill opacity 0.12.",
            page_pdf("q /GS2 gs 0.9 g " + SECRET_LINE + " Q", resources=trick_gs(ca=0.12)),
        )
        leak(
            "weasy_zero_height_overflow.pdf",
            "pdf.weasyprint",
            "A box of no height with overflow hidden clips the paragraph.",
            weasy('<div style="height:0;overflow:hidden"><p>{secret}</p></div>'),
            tool="weasyprint",
        )
    else:
        leak(
            "b_pdf_cropbox_below.pdf",
            "pdf.clip",
            "MediaBox taller than the CropBox; text at y=900 outside the CropBox.",
            page_pdf(
                line(72, 900, "{secret}"),
                page_extra=lambda pdf, secret: {
                    "MediaBox": Array([0, 0, 612, 1000]),
                    "CropBox": Array([0, 0, 612, 792]),
                },
            ),
        )
        leak(
            "b_pdf_stencil_decode.pdf",
            "pdf.cover",
            "Stencil mask with Decode [1 0] and samples of 1 (which then paint), black over black text.",
            page_pdf(
                SECRET_LINE,
                resources=trick_image(mask=True, decode=[1, 0]),
                after="q 0 g 320 0 0 22 68 594 cm /Im1 Do Q".replace("\\x00", ""),
            ),
        )
        leak(
            "b_pdf_opacity_90_cover.pdf",
            "pdf.cover",
            "White box at 90 % opacity over the text.",
            page_pdf(
                SECRET_LINE, resources=trick_gs(ca=0.9), after="q /GS2 gs 1 1 1 rg 68 594 320 22 re f Q"
            ),
        )
        leak(
            "b_pdf_text_alpha.pdf",
            "pdf.paint",
            "Text with fill opacity 0.12 on the white page (just over the 0.1 rule).",
            page_pdf("q /GS2 gs 0.9 g " + SECRET_LINE + " Q", resources=trick_gs(ca=0.12)),
        )
        leak(
            "b_pdf_dark_image.pdf",
            "pdf.cover",
            "Black text on a picture of grey 5.",
            page_pdf("q 320 0 0 22 68 594 cm /Im1 Do Q 0 g " + SECRET_LINE, resources=trick_image(grey=5)),
        )
        leak(
            "b_pdf_blend_lighten.pdf",
            "pdf.paint",
            "Black text with blend mode Lighten on white.",
            page_pdf(
                "q /GS2 gs " + SECRET_LINE + " Q",
                resources=trick_gs(BM=Name.Lighten),
                before="1 g 0 0 612 792 re f",
            ),
        )
        leak(
            "b_pdf_tz_tc.pdf",
            "pdf.paint",
            "Tz 25 and character spacing -2: glyphs overlap to a smear.",
            page_pdf(line(72, 600, "{secret}", 8, pre="25 Tz -2 Tc")),
        )
        leak(
            "b_pdf_form_matrix_off.pdf",
            "pdf.clip",
            "Form XObject whose /Matrix moves its text off the page.",
            page_pdf(
                "/Fm1 Do",
                resources=lambda pdf, secret: {
                    "XObject": Dictionary(Fm1=form(pdf, line(72, 600, secret), matrix=(1, 0, 0, 1, 2000, 0)))
                },
            ),
        )
        leak(
            "b_pdf_ocg_usage_off.pdf",
            "pdf.layers",
            "Group off through /OFF in the default configuration (/BaseState ON).",
            page_pdf("/OC /oc1 BDC " + SECRET_LINE + " EMC", resources=lambda pdf, secret: _oc_off_list(pdf)),
        )
        leak(
            "b_pdf_af_page.pdf",
            "pdf.parts",
            "Associated file (/AF) on the page.",
            page_pdf("", page_extra=lambda pdf, secret: {"AF": Array([embedded(pdf, secret, "src.txt")])}),
        )
        leak(
            "b_pdf_incremental_one_eof.pdf",
            "pdf.incremental",
            "Incremental update, first %%EOF altered.",
            incremental(True),
            tool="hand-pdf",
        )
        leak(
            "b_pdf_unused_image_form.pdf",
            "pdf.parts",
            "Unused form XObject stored in an unused ExtGState-free resource.",
            page_pdf(
                "", resources=lambda pdf, secret: {"XObject": Dictionary(Zz=form(pdf, line(0, 0, secret)))}
            ),
        )
        leak(
            "b_weasy_clip.pdf",
            "pdf.weasyprint",
            "A box of no height with overflow hidden clips the paragraph (WeasyPrint 70 ignores clip-path).",
            weasy('<div style="height:0;overflow:hidden"><p>{secret}</p></div>'),
            tool="weasyprint",
        )
        leak(
            "b_weasy_offpage.pdf",
            "pdf.weasyprint",
            "Absolutely positioned 3000px to the left.",
            weasy('<p style="position:absolute;left:-3000px">{secret}</p>'),
            tool="weasyprint",
        )
    # clean PDFs
    prefix = "" if t else "b_"
    cleans = {
        "letter": (
            weasy('<p>Yours sincerely,</p><p style="color:#595959;font-size:9pt">Information Governance</p>'),
            "weasyprint",
        ),
        "table_borders": (
            weasy(
                '<table style="border-collapse:collapse"><tr><th style="border:1px solid #000;background:#1f3864;color:#fff">Ref</th>'
                '<th style="border:1px solid #000">Outcome</th></tr><tr><td style="border:1px solid #000">FOI-1</td>'
                '<td style="border:1px solid #000">Released</td></tr></table>'
            ),
            "weasyprint",
        ),
        "signature": (
            weasy(
                f'<p style="position:relative">Yours sincerely, A. Officer<img src="{signature_png()}" '
                'style="position:absolute;left:0;top:-20px;width:160px"></p>'
            ),
            "weasyprint",
        ),
        "stroked_boxes": (page_pdf("0 G 1 w 66 592 330 24 re S 66 692 330 50 re S"), "pikepdf"),
        "light_grey_rule": (
            page_pdf("0.85 g 72 560 468 0.5 re f 0 g " + line(72, 540, "Reference FOI-2024-001")),
            "pikepdf",
        ),
    }
    chosen = list(cleans) if t else ["letter", "stroked_boxes"]
    for label in chosen:
        builder, tool = cleans[label]
        s.append(
            Spec(
                f"{prefix}pdf_clean_{label}.pdf",
                "pdf",
                "clean",
                "pdf.clean",
                f"{tool} PDF ({label}) that must pass.",
                tool,
                build=builder,
                visible=list(vis),
            )
        )
    return s
