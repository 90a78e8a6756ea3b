"""PDFs for the release gate: one A4 page each, content streams and structures written by hand.

The first corpus is here; the red-team pass is in corpus_pdf_red_team (its setups in
corpus_pdf_red_team_setups) and PDFs written by real tools in corpus_pdf_real_tools. ``PDFS`` holds them
all.
"""

from __future__ import annotations

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_pdf_build import PAGE_WIDTH as PAGE_WIDTH
from tests.core.release_check.corpus_pdf_build import VISIBLE_PDF, _box, _pdf, _text
from tests.core.release_check.corpus_pdf_build import make_pdf as make_pdf
from tests.core.release_check.corpus_pdf_faint_clipped import CLIPPED_PDFS, FAINT_PDFS, STENCIL_PDFS
from tests.core.release_check.corpus_pdf_real_tools import EXCUSED_PDFS, REAL_TOOL_PDFS
from tests.core.release_check.corpus_pdf_red_team import RED_TEAM_PDFS
from tests.core.release_check.corpus_pdf_setups import (
    SECRET_LINE,
    _at_opacity,
    _attachment,
    _comment_annotation,
    _covered_by_image,
    _crop_box,
    _fill_opacity,
    _form_with_secret,
    _hidden_layer,
    _info,
    _javascript,
    _launch,
    _link,
    _masked_by_state,
    _photo_with_gps,
    _piece_info,
    _redact_annotation,
    _signature,
    _spot_colour,
    _text_field,
    _thumbnail,
    _translucent_state,
    _xfa,
    _xmp,
    pdf_with_incremental_update,
    pdf_with_unused_object,
)

STACKED_PICTURES = "q /GS1 gs 330 0 0 20 70 595 cm /Im1 Do Q\n" * 2

PDFS: list[CorpusFile] = [
    leaky(
        "black-box.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + _box(70, 595, 330, 20)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    leaky(
        "black-box-partial.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + _box(120, 595, 280, 20)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
    ),
    leaky(
        "thick-line-over-text.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + "q 0 G 18 w 70 604 m 400 604 l S Q\n"),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    leaky(
        "image-over-text.pdf",
        _pdf(
            _text(72, 600, SECRET_LINE)
            + "q 330 20 0 0 cm 1 0 0 1 0 0 cm Q q 330 0 0 20 70 595 cm /Im1 Do Q\n",
            _covered_by_image,
        ),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
    ),
    leaky(
        "white-box-in-form.pdf",
        _pdf("q /Fm1 Do Q\n" + _box(70, 595, 330, 20, "1 g"), _form_with_secret),
        {"pdf.covered_text"},
        "SECRET-PDF-inform",
    ),
    leaky(
        "ocr-layer.pdf",
        _pdf(_text(72, 600, "SECRET-PDF-render mode three", mode=3)),
        {"pdf.invisible_text"},
        "SECRET-PDF-render",
    ),
    leaky(
        "tiny-text.pdf",
        _pdf(_text(72, 600, "SECRET-PDF-tiny footnote", size=0.5)),
        {"pdf.invisible_text"},
        "SECRET-PDF-tiny",
    ),
    leaky(
        "white-on-white.pdf",
        _pdf(_text(72, 600, "SECRET-PDF-white text", colour="1 1 1 rg")),
        {"pdf.white_text"},
        "SECRET-PDF-white",
    ),
    leaky(
        "black-on-black.pdf",
        _pdf(_box(70, 595, 330, 20) + _text(72, 600, "SECRET-PDF-black on black")),
        {"pdf.white_text"},
        "SECRET-PDF-black",
    ),
    leaky(
        "off-page.pdf",
        _pdf(_text(-400, 600, "SECRET-PDF-off page")),
        {"pdf.text_outside_page"},
        "SECRET-PDF-off",
    ),
    leaky("annotation.pdf", _pdf("", _comment_annotation), {"pdf.annotations"}, "SECRET-PDF-annotation"),
    leaky(
        "redact-mark.pdf",
        _pdf(_text(72, 600, "SECRET-PDF-marked for redaction"), _redact_annotation),
        {"pdf.redaction_not_applied"},
        "SECRET-PDF-marked",
    ),
    leaky("attachment.pdf", _pdf("", _attachment), {"pdf.attachments"}, "SECRET-PDF-attached"),
    leaky("form-field.pdf", _pdf("", _text_field), {"pdf.forms"}, "SECRET-PDF-field"),
    leaky("xfa.pdf", _pdf("", _xfa), {"pdf.forms"}, "SECRET-PDF-xfa"),
    leaky("info.pdf", _pdf("", _info), {"pdf.metadata"}, "SECRET-PDF-author"),
    leaky("xmp.pdf", _pdf("", _xmp), {"pdf.metadata"}, "SECRET-PDF-xmp"),
    leaky("javascript.pdf", _pdf("", _javascript), {"pdf.javascript"}, "SECRET-PDF-script"),
    leaky("launch.pdf", _pdf("", _launch), {"pdf.actions"}, "SECRET-PDF-launch"),
    leaky(
        "hidden-layer.pdf",
        _pdf("/OC /oc1 BDC\n" + _text(72, 600, "SECRET-PDF-layer draft note") + "EMC\n", _hidden_layer),
        {"pdf.hidden_layer"},
        "SECRET-PDF-layer",
    ),
    leaky("thumbnail.pdf", _pdf("", _thumbnail), {"pdf.thumbnail"}, None),
    leaky("incremental.pdf", pdf_with_incremental_update, {"pdf.incremental_update"}, "SECRET-PDF-earlier"),
    leaky("unused-object.pdf", pdf_with_unused_object, {"pdf.unused_objects"}, "SECRET-PDF-unused"),
    leaky(
        "clipped.pdf",
        _pdf("q 0 0 595 500 re W n " + _text(72, 600, "SECRET-PDF-clipped away") + "Q\n"),
        {"pdf.clipped_text"},
        "SECRET-PDF-clipped",
    ),
    leaky(
        "photo-with-gps.pdf",
        _pdf("q 128 0 0 96 72 500 cm /Im1 Do Q\n", _photo_with_gps),
        {"pdf.image_metadata"},
        "SECRET-PDF-photo",
        VISIBLE_PDF,
    ),
    leaky("piece-info.pdf", _pdf("", _piece_info), {"pdf.private_data"}, "SECRET-PDF-illustrator"),
    clean(
        "dark-header.pdf",
        _pdf(_box(70, 595, 330, 20) + _text(72, 600, "Table 1: Complaints by year", colour="1 g")),
        VISIBLE_PDF,
    ),
    clean(
        "comment-like.pdf", _pdf(_text(72, 600, "Comment: the officer reviewed this answer.")), VISIBLE_PDF
    ),
    clean(
        "strike-and-underline.pdf",
        _pdf(_text(72, 600, "Withdrawn paragraph") + _box(72, 603, 120, 1) + _box(72, 598, 120, 0.8)),
        VISIBLE_PDF,
    ),
    clean(
        "thin-rule-through-text.pdf",
        _pdf(_text(72, 600, "Ruled through but readable") + "q 0 G 1 w 70 604 m 400 604 l S Q\n"),
        VISIBLE_PDF,
    ),
    clean(
        "shaded-row.pdf",
        _pdf(_box(70, 595, 330, 20, "0.85 g") + _text(72, 600, "Row on a light grey fill")),
        VISIBLE_PDF,
    ),
    clean(
        "translucent-highlight.pdf",
        _pdf(
            _text(72, 600, "Highlighted but readable") + "q /GS1 gs 330 0 0 20 70 595 cm /Im1 Do Q\n",
            _translucent_state,
        ),
        VISIBLE_PDF,
    ),
    clean(
        "table-border.pdf",
        _pdf(
            "q 0 G 0.5 w 66 590 340 24 re S 66 570 340 20 re 236 570 m 236 614 l S Q\n"
            + _text(72, 600, "Complaints received in 2025: 14")
            + _text(72, 575, "Upheld: 3")
        ),
        VISIBLE_PDF,
        "Upheld",
    ),
    clean(
        "table-border-drawn-after-text.pdf",
        _pdf(_text(72, 600, "Complaints received in 2025: 14") + "q 0 G 1 w 66 590 340 24 re s Q\n"),
        VISIBLE_PDF,
    ),
    leaky(
        "thick-border-over-text.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + "q 0 G 30 w 66 590 340 24 re S Q\n"),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    clean(
        "signature-over-text.pdf",
        _pdf(
            _text(72, 600, "Yours sincerely, Records Manager") + "q 200 0 0 30 70 590 cm /Im1 Do Q\n",
            _signature(False),
        ),
        VISIBLE_PDF,
    ),
    leaky(
        "opaque-soft-mask-over-text.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + "q 330 0 0 20 70 595 cm /Im1 Do Q\n", _signature(True)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
    ),
    leaky(
        "soft-mask-in-state-over-text.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + "q /GS1 gs 330 0 0 20 70 595 cm /Im1 Do Q\n", _masked_by_state),
        {"pdf.uncertain_cover"},
        "SECRET-PDF-covered",
    ),
    # Translucent pictures stacked over text hide it as stacked translucent boxes do: through a soft
    # mask that is opaque, or one the gate cannot read; a signature's mask, clear over the text, does not.
    leaky(
        "masked-pictures-stacked-over-text.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + STACKED_PICTURES, _at_opacity(_signature(True), 0.75)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
    ),
    leaky(
        "soft-masks-in-state-stacked-over-text.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + STACKED_PICTURES, _at_opacity(_masked_by_state, 0.75)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
    ),
    clean(
        "signatures-stacked-over-text.pdf",
        _pdf(
            _text(72, 600, "Yours sincerely, Records Manager") + STACKED_PICTURES,
            _at_opacity(_signature(False), 0.75),
        ),
        VISIBLE_PDF,
    ),
    leaky(
        "outside-crop-box.pdf",
        _pdf(_text(72, 100, "SECRET-PDF-cropped away"), _crop_box),
        {"pdf.text_outside_page"},
        "SECRET-PDF-cropped",
    ),
    clean("inside-crop-box.pdf", _pdf(_text(72, 600, "Inside the crop box"), _crop_box), VISIBLE_PDF),
    leaky(
        "squeezed-text.pdf",
        _pdf("BT /F1 12 Tf 5 Tz 72 600 Td (SECRET-PDF-squeezed name) Tj ET\n"),
        {"pdf.invisible_text"},
        "SECRET-PDF-squeezed",
    ),
    clean(
        "condensed-text.pdf", _pdf("BT /F1 12 Tf 80 Tz 72 600 Td (Condensed heading) Tj ET\n"), VISIBLE_PDF
    ),
    leaky(
        "faint-text.pdf",
        _pdf("q /GS1 gs " + _text(72, 600, "SECRET-PDF-faint text") + "Q\n", _fill_opacity(0.05)),
        {"pdf.invisible_text"},
        "SECRET-PDF-faint",
    ),
    clean(
        "half-opaque-text.pdf",
        _pdf("q /GS1 gs " + _text(72, 600, "Watermark: draft") + "Q\n", _fill_opacity(0.5)),
        VISIBLE_PDF,
    ),
    leaky(
        "spot-colour-white.pdf",
        _pdf("/CS1 cs 0 scn " + _text(72, 600, "SECRET-PDF-spot white", colour=""), _spot_colour(2)),
        {"pdf.white_text"},
        "SECRET-PDF-spot",
    ),
    clean(
        "spot-colour-ink.pdf",
        _pdf("/CS1 cs 1 scn " + _text(72, 600, "Printed in the force's blue", colour=""), _spot_colour(2)),
        VISIBLE_PDF,
    ),
    clean(
        "spot-colour-postscript-ink.pdf",
        _pdf("/CS1 cs 1 scn " + _text(72, 600, "Printed in the force's blue", colour=""), _spot_colour(4)),
        VISIBLE_PDF,
    ),
    leaky(
        "spot-colour-postscript-white.pdf",
        _pdf("/CS1 cs 0 scn " + _text(72, 600, "SECRET-PDF-spot paper", colour=""), _spot_colour(4)),
        {"pdf.white_text"},
        "SECRET-PDF-spot",
        VISIBLE_PDF,
    ),
    clean("link.pdf", _pdf("", _link), VISIBLE_PDF),
    clean(
        "clipped-shading-beside-text.pdf",
        _pdf(
            "q 60 590 300 30 re W n "
            + _text(72, 600, "Inside the clip")
            + "Q q 70 500 100 40 re W n 0 g 0 0 595 842 re f Q\n"
        ),
        VISIBLE_PDF,
    ),
    clean(
        "logo-beside-text.pdf",
        _pdf(_text(72, 600, "Beside the logo") + "q 40 0 0 40 400 590 cm /Im1 Do Q\n", _covered_by_image),
        VISIBLE_PDF,
    ),
]


PDFS += RED_TEAM_PDFS + REAL_TOOL_PDFS + EXCUSED_PDFS + FAINT_PDFS + STENCIL_PDFS + CLIPPED_PDFS
