"""The release gate's audit against issue 14: every class of leak the issue's "Why" names, the corpus files
that exercise it, and what the gate does with each when run (docs/release-gate-classes.md).

Each file is checked (``check_file``) and, when leaky, copied (``sanitise_file``): the table says which
rules fired (finding codes, with the module that holds each rule), whether the file is blocked, and
whether the copy still holds the planted secret in any byte (zip members, PDF streams, PNG chunks; for
the outside corpus also the PDF text layer, and whether the copy kept the visible text). Files come from
the outside corpus (tests/data/release_outside/tuning, judged as its test judges them) and from the
corpus built by the tests (tests/core/release_check/corpus_*.py, built into a temporary folder).

    FOIDESK_RENDER=0 PYTHONPATH=src:. python benchmarks/audit_release_classes.py > table.md
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE = ROOT / "tests/data/release_outside/tuning"
RULES = ROOT / "src/foidesk/core/release_check"


@dataclass(frozen=True)
class LeakClass:
    area: str
    name: str  # in the words
    files: tuple[str, ...]  # outside corpus names, or "corpus:NAME" for the tests' corpus
    tests: str = ""  # tests that exercise it with files built in the test itself


CLASSES: tuple[LeakClass, ...] = (
    LeakClass("Detection", "flat ODF (.fods, .fodt)", ("unsupported_sheet.fods", "unsupported_hidden.fodt")),
    LeakClass(
        "Detection", "RTF", ("unsupported_hidden.rtf", "zip_rtf_member.zip", "corpus:rtf_after_bom.csv")
    ),
    LeakClass(
        "Detection",
        "HTML (read as CSV)",
        (
            "html_display_none.html",
            "html_padded_start.html",
            "html_as_csv.csv",
            "corpus:html_utf16_no_bom.csv",
        ),
    ),
    LeakClass("Detection", "SVG", ("svg_offcanvas.svg", "corpus:svg_utf32.csv")),
    LeakClass(
        "Detection", "XML (Excel 2003) and legacy binaries", ("excel2003.xml", "unsupported_hidden.doc")
    ),
    LeakClass(
        "Detection",
        "PPTX as a plain ZIP",
        ("pptx_notes.pptx", "pptx_offslide.pptx", "pptx_hidden_slide.pptx"),
    ),
    LeakClass(
        "Detection",
        "Deflate64 or an encrypted flag on mimetype / [Content_Types].xml",
        ("docx_encrypted_flag.docx", "polyglot_docx_odt.docx"),
        "test_formats.py::test_unreadable_zip_members_are_cannot_inspect_never_a_traceback (12 cases), "
        "::test_the_sniffer_raises_cannot_inspect_on_a_deflate64_manifest",
    ),
    LeakClass("XLSX", "theme + tint colours", ("xlsx_theme0_white.xlsx", "xlsx_theme_tint_same.xlsx")),
    LeakClass("XLSX", "indexed or custom palette", ("xlsx_indexed_white.xlsx", "xlsx_custom_palette.xlsx")),
    LeakClass("XLSX", "near-white colour", ("xlsx_near_white_rgb.xlsx",)),
    LeakClass(
        "XLSX",
        "number formats other than ;;; and [White]",
        (
            "xlsx_fmt_empty_sections.xlsx",
            "xlsx_fmt_literal.xlsx",
            "xlsx_fmt_text_section_empty.xlsx",
            "xlsx_fmt_color_white.xlsx",
        ),
    ),
    LeakClass(
        "XLSX",
        "conditional formatting",
        (
            "xlsx_cf_cellis_white.xlsx",
            "xlsx_cf_formula_same.xlsx",
            "xlsx_cf_databar_novalue.xlsx",
            "xlsx_cf_numfmt.xlsx",
        ),
    ),
    LeakClass(
        "XLSX",
        "tiny (default) row height",
        ("xlsx_row_height_tiny.xlsx", "xlsx_default_row_tiny.xlsx", "lo_ods_tiny_row.xlsx"),
    ),
    LeakClass(
        "XLSX",
        "columns narrow but not zero (and zero width)",
        (
            "xlsx_narrow_column.xlsx",
            "corpus:zero_width_column.xlsx",
            "corpus:red_base_column_width_zero.xlsx",
        ),
    ),
    LeakClass(
        "XLSX",
        "text pushed out of its cell",
        (
            "xlsx_wrapped_lines.xlsx",
            "xlsx_padded_spaces.xlsx",
            "xlsx_indent_clipped.xlsx",
            "xlsx_font_tiny.xlsx",
        ),
    ),
    LeakClass(
        "XLSX",
        "shapes covering cells (was warn only)",
        ("xlsx_xw_textbox_cover.xlsx", "xlsx_xw_image_cover.xlsx", "corpus:red_theme_filled_shape.xlsx"),
    ),
    LeakClass(
        "XLSX", "merged range hiding a value", ("xlsx_merged_over.xlsx", "corpus:merged_hidden_value.xlsx")
    ),
    LeakClass("XLSX", "custom table style", ("xlsx_table_style_white.xlsx",)),
    LeakClass(
        "XLSX", "comments under another part name", ("xlsx_comment_renamed.xlsx", "xlsx_comment_plain.xlsx")
    ),
    LeakClass("XLSX", "stray .rels, unreached parts", ("xlsx_stray_rels.xlsx", "xlsx_orphan_part.xlsx")),
    LeakClass("XLSX", "table comments", ("xlsx_table_comment.xlsx",)),
    LeakClass(
        "XLSX",
        "orphan or phonetic shared strings",
        ("xlsx_orphan_shared_string.xlsx", "xlsx_phonetic_run.xlsx"),
    ),
    LeakClass(
        "XLSX",
        "validation prompts, tooltips, titles",
        (
            "xlsx_validation_prompt.xlsx",
            "xlsx_hyperlink_tooltip.xlsx",
            "corpus:red_validation_error_title.xlsx",
            "corpus:red_stale_title_of_parts.xlsx",
            "corpus:red_document_title.xlsx",
        ),
    ),
    LeakClass(
        "XLSX",
        "defined names, footers, very hidden sheets",
        ("xlsx_defined_name_value.xlsx", "xlsx_even_footer.xlsx", "xlsx_very_hidden.xlsx"),
    ),
    LeakClass("DOCX", "document variables", ("docx_docvars.docx",)),
    LeakClass("DOCX", "SET / IF fields", ("docx_set_field.docx", "docx_if_field.docx")),
    LeakClass("DOCX", "altChunk", ("docx_altchunk_unused.docx",)),
    LeakClass(
        "DOCX",
        "alt text, bookmarks",
        ("docx_picture_alt.docx", "docx_table_description.docx", "docx_bookmark_name.docx"),
    ),
    LeakClass("DOCX", "renamed comment parts", ("docx_comments_renamed.docx",)),
    LeakClass(
        "DOCX",
        "off-page text boxes, frames, positions",
        ("docx_textbox_offpage.docx", "docx_frame_offpage.docx", "docx_position_low.docx"),
    ),
    LeakClass("DOCX", "1 % character scale, tiny text", ("docx_char_scale_1.docx", "docx_size_2_5pt.docx")),
    LeakClass(
        "DOCX",
        "paragraph or table style shading equal to the text colour",
        (
            "docx_pstyle_shading.docx",
            "docx_tblstyle_shading.docx",
            "docx_run_shading.docx",
            "docx_highlight_black.docx",
        ),
    ),
    LeakClass(
        "DOCX",
        "style inheritance, defaults, theme colours",
        (
            "docx_style_chain_vanish.docx",
            "docx_defaults_white.docx",
            "docx_themecolor_bg.docx",
            "lo_odt_named_white.docx",
        ),
    ),
    LeakClass("DOCX", "1 pt exact rows and lines", ("docx_row_exact_1pt.docx", "docx_exact_line_1pt.docx")),
    LeakClass("DOCX", "mc:Fallback text that differs from mc:Choice", ("docx_mc_fallback.docx",)),
    LeakClass(
        "DOCX",
        "unused headers, orphan footnotes, glossary",
        ("docx_first_header_unused.docx", "docx_footnote_orphan.docx", "docx_glossary.docx"),
    ),
    LeakClass(
        "DOCX",
        "a box drawn over words (blocked without a rendering; with one, the renderer settles it)",
        ("corpus:box-over-name.docx",),
    ),
    LeakClass(
        "ODF",
        "named and inherited styles",
        (
            "odt_named_style_white.odt",
            "odt_inherited_white.odt",
            "odt_default_style_white.odt",
            "odt_display_none_style.odt",
            "odt_background_same.odt",
            "ods_named_cell_white.ods",
            "ods_inherited_cell_white.ods",
            "ods_style_map_white.ods",
            "ods_background_same.ods",
        ),
    ),
    LeakClass("ODF", "white spans inside cells", ("odt_white_span.odt", "ods_white_span.ods")),
    LeakClass("ODF", "tiny rows, narrow columns", ("ods_tiny_row.ods", "ods_narrow_column.ods")),
    LeakClass("ODF", "number styles that show text instead of the number", ("lo_xlsx_fmt_literal.ods",)),
    LeakClass(
        "ODF",
        "conditional text, hidden variables",
        ("odt_conditional_text.odt", "odt_hidden_variable.odt", "odt_user_field.odt"),
    ),
    LeakClass("ODF", "form values", ("odt_form_value.odt",)),
    LeakClass(
        "ODF",
        "files LibreOffice converted",
        (
            "lo_docx_hidden.odt",
            "lo_docx_white.odt",
            "lo_docx_tiny.odt",
            "lo_xlsx_theme_white.ods",
            "lo_xlsx_cf_white.ods",
        ),
    ),
    LeakClass(
        "PDF",
        "clip by form BBox, tiny clip",
        ("pdf_form_bbox_clip.pdf", "pdf_clip_tiny.pdf", "weasy_overflow.pdf"),
    ),
    LeakClass("PDF", "CropBox beyond MediaBox", ("pdf_cropbox_beyond_media.pdf",)),
    LeakClass("PDF", "stencil masks", ("pdf_stencil_mask_cover.pdf", "pdf_stencil_decode_ones.pdf")),
    LeakClass(
        "PDF",
        "soft masks (one the gate cannot read now blocks)",
        (
            "pdf_soft_mask.pdf",
            "corpus:soft-mask-in-state-over-text.pdf",
            "corpus:soft-masks-in-state-stacked-over-text.pdf",
            "corpus:masked-pictures-stacked-over-text.pdf",
        ),
    ),
    LeakClass("PDF", "glyphs typed over text", ("pdf_glyph_cover.pdf", "pdf_char_spacing_overlap.pdf")),
    LeakClass("PDF", "1 % horizontal scaling, tiny matrix", ("pdf_tz_1.pdf", "pdf_ctm_tiny.pdf")),
    LeakClass(
        "PDF",
        "separation, indexed, pattern colour to white; blend modes",
        (
            "pdf_separation_white.pdf",
            "pdf_indexed_white.pdf",
            "pdf_pattern_white.pdf",
            "pdf_blend_screen.pdf",
        ),
    ),
    LeakClass("PDF", "layers off by BaseState or OCMD", ("pdf_oc_basestate_off.pdf", "pdf_ocmd_alloff.pdf")),
    LeakClass(
        "PDF",
        "94 % opacity, faint text",
        (
            "pdf_opacity_94_cover.pdf",
            "pdf_opacity_90_cover.pdf",
            "pdf_text_alpha_12.pdf",
            "weasy_opacity.pdf",
            "weasy_rgba.pdf",
        ),
    ),
    LeakClass("PDF", "black text on a black picture", ("pdf_black_on_black_image.pdf",)),
    LeakClass("PDF", "blank Type3 glyphs", ("pdf_type3_blank.pdf",)),
    LeakClass(
        "PDF", "shadings and annotations over text", ("pdf_shading_over.pdf", "pdf_square_annot_cover.pdf")
    ),
    LeakClass(
        "PDF",
        "unused XObjects, private catalogue streams, /AF",
        (
            "pdf_unused_xobject.pdf",
            "pdf_private_catalog_stream.pdf",
            "pdf_associated_file.pdf",
            "pdf_pieceinfo.pdf",
        ),
    ),
    LeakClass(
        "PDF",
        "widgets without AcroForm, link appearances",
        ("pdf_widget_no_acroform.pdf", "pdf_link_appearance.pdf"),
    ),
    LeakClass("PDF", "ActualText, structure-tree /Alt", ("pdf_actualtext.pdf", "pdf_struct_alt.pdf")),
    LeakClass("PDF", "page-level XMP", ("pdf_page_xmp.pdf",)),
    LeakClass("PDF", "LibreOffice hybrid PDFs", ("lo_docx_hybrid.pdf", "corpus:libreoffice-hybrid.pdf")),
    LeakClass(
        "PDF",
        "incremental updates (counting %%EOF)",
        ("pdf_incremental_update.pdf", "pdf_incremental_one_eof.pdf"),
    ),
    LeakClass(
        "PDF",
        "made by LibreOffice and WeasyPrint",
        (
            "lo_docx_white.pdf",
            "lo_docx_tiny.pdf",
            "lo_ods_named_white.pdf",
            "weasy_white.pdf",
            "weasy_tiny.pdf",
            "weasy_overlay.pdf",
            "weasy_indent.pdf",
            "weasy_same_bg.pdf",
            "weasy_zero_height_overflow.pdf",
        ),
    ),
    LeakClass("Images", "text in an ICC profile", ("img_png_icc_text.png", "img_jpeg_icc_text.jpg")),
    LeakClass("Images", "a second JPEG appended", ("img_jpeg_appended.jpg",)),
    LeakClass(
        "Images",
        "unknown APPn segments",
        ("img_jpeg_app11.jpg", "img_jpeg_app13_iptc.jpg", "img_jpeg_comment.jpg"),
    ),
    LeakClass(
        "Images",
        "TIFF tags on later pages or outside a short list",
        ("img_tiff_page2_desc.tif", "img_tiff_private_tag.tif"),
    ),
    LeakClass(
        "Images",
        "GIF trailing data, comments before later frames",
        ("img_gif_trailing.gif", "img_gif_comment_frame2.gif", "img_gif_app_ext.gif"),
    ),
    LeakClass(
        "Images",
        "WebP and PNG private chunks",
        ("img_webp_private_chunk.webp", "img_png_private_chunk.png", "img_png_after_iend.png"),
    ),
    LeakClass(
        "Images",
        "pixels erased to alpha 1 instead of 0",
        ("img_erased_png_alpha1.png", "img_erased_webp_alpha1.webp", "img_erased_png_la_alpha1.png"),
    ),
    LeakClass("ZIP", "duplicate member names", ("zip_duplicate.zip", "corpus:zip_duplicate_name.zip")),
    LeakClass("ZIP", "local entries missing from the directory", ("zip_local_only.zip",)),
    LeakClass(
        "ZIP", "data after the end record, before the start", ("zip_after_end.zip", "zip_before_start.zip")
    ),
    LeakClass(
        "ZIP", "extra fields, comments", ("zip_extra_field.zip", "zip_comment.zip", "zip_member_comment.zip")
    ),
    LeakClass("ZIP", "folder entries with data", ("zip_folder_data.zip",)),
    LeakClass("ZIP", "nested documents", ("zip_nested_xlsx.zip",)),
    LeakClass(
        "CSV",
        "delimiter guessed from the first line; formulas",
        (
            "csv_hyperlink_semicolon_first.csv",
            "csv_formula_leading_space.csv",
            "csv_utf16_formula.csv",
            "csv_dde_at.csv",
        ),
    ),
    LeakClass(
        "CSV",
        "personal data in lower case, bracketed phones",
        ("csv_email_lower.csv", "csv_phone_bracketed.csv"),
    ),
    LeakClass(
        "False blocks",
        "stroked rectangles, transparent signatures (clean files)",
        (
            "pdf_clean_stroked_boxes.pdf",
            "pdf_clean_signature.pdf",
            "img_clean_signature.png",
            "corpus:signature-over-text.pdf",
            "corpus:signatures-stacked-over-text.pdf",
        ),
    ),
    LeakClass(
        "Time",
        "merged cells grow with rows x merges (clean)",
        ("xlsx_clean_merges.xlsx",),
        "test_xlsx_scan.py::test_ten_thousand_merged_rows_hide_only_the_cells_beneath_each_merge",
    ),
)


def _rule_homes() -> dict[str, str]:
    """Each finding code and the modules that name it (the rule, or the table of messages it raises)."""
    homes: dict[str, list[str]] = {}
    for module in sorted(RULES.glob("*.py")):
        for code in sorted(set(re.findall(r'"([a-z0-9_]+\.[a-z0-9_]+)"', module.read_text()))):
            homes.setdefault(code, []).append(module.stem)
    return {code: ", ".join(modules) for code, modules in homes.items()}


def _internal_corpus() -> dict[str, object]:
    from tests.core.release_check.corpus_archives import REFUSED, ZIP_FILES
    from tests.core.release_check.corpus_documents import DOCX, ODT
    from tests.core.release_check.corpus_docx_red_team import DOCX_RED_TEAM
    from tests.core.release_check.corpus_images import IMAGES
    from tests.core.release_check.corpus_odt_red_team import ODT_RED_TEAM
    from tests.core.release_check.corpus_pdf import PDFS
    from tests.core.release_check.corpus_spreadsheets import entries

    every = PDFS + DOCX + DOCX_RED_TEAM + ODT + ODT_RED_TEAM + IMAGES + ZIP_FILES + REFUSED + entries()
    return {entry.name: entry for entry in every}


def _judge_internal(entry: object, folder: Path) -> dict[str, object]:
    from tests.core.release_check.corpus import CorpusFile, every_byte

    from foidesk.core.release_check import CannotSanitise, check_file, sanitise_file

    assert isinstance(entry, CorpusFile)
    path = folder / entry.name
    entry.build(path)
    report = check_file(str(path))
    result: dict[str, object] = {
        "kind": "clean" if entry.is_clean else "leaky",
        "blocked": report.blocked,
        "codes": sorted({f"{f.code}:{f.severity.value}" for f in report.findings}),
    }
    if not entry.is_clean:
        copy = folder / f"copy-{entry.name}"
        try:
            sanitise_file(str(path), str(copy))
            result["copy"] = True
            result["secret_in_copy"] = entry.secret is not None and entry.secret.encode() in every_byte(copy)
        except CannotSanitise:
            result["copy"] = False
    return result


def _judge_outside(name: str, manifest: dict[str, dict[str, object]]) -> dict[str, object]:
    from eval_release_outside import run_one

    entry = manifest[name]
    result = run_one(entry, OUTSIDE, 300.0)
    return {
        "kind": entry["kind"],
        "blocked": result.get("blocked", False),
        "codes": result.get("findings", []),
        "copy": result.get("copy", False),
        "secret_in_copy": bool(result.get("secret_in_copy")),
        "visible_lost": result.get("visible_lost"),
        "traceback": result.get("traceback") or result.get("timeout"),
    }


def _rule(code_and_severity: str, homes: dict[str, str]) -> str:
    code, _, severity = code_and_severity.partition(":")
    return f"`{code}`{' (warn)' if severity == 'warn' else ''} ({homes.get(code, '?')})"


def _verdict(results: list[dict[str, object]]) -> tuple[str, str]:
    leaky = [r for r in results if r["kind"] == "leaky"]
    clean = [r for r in results if r["kind"] == "clean"]
    parts = []
    if leaky:
        parts.append(f"{sum(1 for r in leaky if r['blocked'])}/{len(leaky)} blocked")
    if clean:
        parts.append(f"{sum(1 for r in clean if not r['blocked'])}/{len(clean)} clean pass")
    if any(r.get("traceback") for r in results):
        parts.append("TRACEBACK")
    copies = [r for r in leaky if r.get("copy")]
    refused = len(leaky) - len(copies)
    copy = f"{sum(1 for r in copies if not r.get('secret_in_copy'))}/{len(copies)} copies clean"
    if refused:
        copy += f", {refused} refused"
    if any(r.get("visible_lost") for r in copies):
        copy += ", VISIBLE TEXT LOST"
    return "; ".join(parts), copy if leaky else "-"


def main() -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    manifest = {str(e["file"]): e for e in json.loads((OUTSIDE / "manifest.json").read_text())}
    internal = _internal_corpus()
    homes = _rule_homes()
    rows = [
        "| Area | Class (issue 14) | Corpus files | Rules that fired (module) | Check | Copy |",
        "|---|---|---|---|---|---|",
    ]
    everything: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="audit-") as scratch:
        for leak in CLASSES:
            results = []
            for name in leak.files:
                if name.startswith("corpus:"):
                    result = _judge_internal(internal[name.removeprefix("corpus:")], Path(scratch))
                else:
                    result = _judge_outside(name, manifest)
                everything[name] = result
                results.append(result)
            codes = sorted({str(c) for r in results for c in r["codes"]})  # type: ignore[attr-defined]
            rules = ", ".join(_rule(code, homes) for code in codes)
            files = ", ".join(
                f"`{n.removeprefix('corpus:')}`{'*' if n.startswith('corpus:') else ''}" for n in leak.files
            )
            if leak.tests:
                files += f"; tests: {leak.tests}"
            check, copy = _verdict(results)
            rows.append(f"| {leak.area} | {leak.name} | {files} | {rules} | {check} | {copy} |")
    print("\n".join(rows))
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(everything, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
