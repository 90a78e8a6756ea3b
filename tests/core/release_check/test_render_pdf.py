"""PDFium's view of a PDF: a character is seen when its own ink shows on the rendered page."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw, ImageFont

from foidesk.core.release_check.render_pdf import RenderedWord, _words, rendered_words, split_words

VISIBLE = b"BT /F1 12 Tf 72 760 Td (Visible opening line of the letter.) Tj ET "
HIDDEN = b"BT /F1 12 Tf 72 700 Td (SECRETWORD hidden words) Tj ET "


def _pdf(
    path: Path, content: bytes, extra: Callable[[pikepdf.Pdf, pikepdf.Dictionary], None] | None = None
) -> Path:
    pdf = pikepdf.new()
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    if extra is not None:
        extra(pdf, resources)
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595, 842],
        Resources=resources,
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def _seen(path: Path) -> dict[str, bool]:
    """Each word, seen when any occurrence of it is."""
    found: dict[str, bool] = {}
    for word in rendered_words(str(path)):
        found[word.text] = found.get(word.text, False) or word.seen
    return found


def _letter(path: Path, extra_html: str = "") -> Path:
    from weasyprint import HTML  # here, not at the top: importing WeasyPrint costs collection a second

    HTML(
        string=f"""<html><body style="font-family: DejaVu Sans; font-size: 11pt">
        <p>Metropolitan Police Service</p><h1>Freedom of Information request 01.FOI.26.000123</h1>
        <p>Dear Ms Okafor, thank you for your request of 3 November 2026 about ﬁrearms licensing.</p>
        {extra_html}
        <p style="font-size: 7pt; color: #505a5f">Information Rights Unit, PO Box 313, Sidcup</p>
        </body></html>"""
    ).write_pdf(path)
    return path


def test_every_word_of_a_weasyprint_letter_is_seen(tmp_path: Path) -> None:
    seen = _seen(_letter(tmp_path / "letter.pdf"))
    assert seen["okafor"] and seen["firearms"] and seen["sidcup"]  # ligature read as "fi", small print seen
    assert all(seen.values())


def test_white_covered_clipped_and_tiny_text_in_a_weasyprint_page_is_unseen(tmp_path: Path) -> None:
    extra = """
    <p style="color: white">WHITESECRET</p>
    <p><span style="position: relative">COVEREDSECRET<span style="position: absolute; left: 0; top: 0;
       width: 12em; height: 1.3em; background: black"></span></span></p>
    <p style="font-size: 0.5pt">TINYSECRET</p>
    <div style="height: 10px; overflow: hidden"><p style="margin-top: 40px">CLIPSECRET</p></div>"""
    seen = _seen(_letter(tmp_path / "leaky.pdf", extra))
    for secret in ("whitesecret", "coveredsecret", "tinysecret", "clipsecret"):
        assert seen[secret] is False, secret
    assert seen["okafor"]


def test_text_under_a_picture_is_unseen(tmp_path: Path) -> None:
    picture = Image.new("RGB", (300, 40), (120, 40, 40))
    ImageDraw.Draw(picture).ellipse((10, 5, 290, 35), fill=(200, 180, 60))
    data = io.BytesIO()
    picture.save(data, "PNG")

    def with_picture(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        image = pikepdf.Stream(pdf, picture.tobytes())
        image.stream_dict = pikepdf.Dictionary(
            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=300, Height=40,
            ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8,
        )  # fmt: skip
        resources.XObject = pikepdf.Dictionary(Im1=image)

    path = _pdf(
        tmp_path / "picture.pdf", VISIBLE + HIDDEN + b"q 300 0 0 40 60 690 cm /Im1 Do Q", with_picture
    )
    seen = _seen(path)
    assert seen["visible"] and not seen["secretword"] and not seen["hidden"]


def test_text_filled_with_a_white_pattern_is_unseen(tmp_path: Path) -> None:
    """The main check of step 8 misses a tiling pattern as a text colour; the renderer does not."""

    def white_pattern(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        tile = pikepdf.Stream(pdf, b"1 1 1 rg 0 0 10 10 re f")
        tile.PatternType, tile.PaintType, tile.TilingType = 1, 1, 1
        tile.BBox, tile.XStep, tile.YStep, tile.Resources = [0, 0, 10, 10], 10, 10, pikepdf.Dictionary()
        resources.Pattern = pikepdf.Dictionary(P1=pdf.make_indirect(tile))

    content = VISIBLE + b"BT /Pattern cs /P1 scn /F1 12 Tf 72 700 Td (SECRETWORD hidden words) Tj ET"
    seen = _seen(_pdf(tmp_path / "pattern.pdf", content, white_pattern))
    assert seen["visible"] and not seen["secretword"]


def test_text_on_a_layer_that_is_off_is_unseen(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "layer.pdf", VISIBLE + b"/OC /oc1 BDC " + HIDDEN + b"EMC")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        layer = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Notes")))
        pdf.Root.OCProperties = pikepdf.Dictionary(
            OCGs=[layer], D=pikepdf.Dictionary(OFF=[layer], Order=[layer])
        )
        pdf.pages[0].obj.Resources.Properties = pikepdf.Dictionary(oc1=layer)
        pdf.save(path)
    seen = _seen(path)
    assert seen["visible"] and not seen["secretword"]


def test_text_in_the_colour_of_a_dark_box_under_it_is_unseen(tmp_path: Path) -> None:
    content = VISIBLE + b"q 0 0 0 rg 60 690 300 30 re f Q " + HIDDEN.replace(b"BT ", b"BT 0 0 0 rg ")
    assert not _seen(_pdf(tmp_path / "black.pdf", content))["secretword"]


def test_an_ocr_layer_is_seen_over_a_picture_of_its_words_and_unseen_over_blank_paper(tmp_path: Path) -> None:
    """Render mode 3 cannot change the rendering: the picture's ink under each character decides."""
    picture = Image.new("L", (600, 60), 255)
    ImageDraw.Draw(picture).text((10, 10), "SCANNED WORDS", fill=0, font=ImageFont.load_default(size=36))

    def with_scan(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        image = pikepdf.Stream(pdf, picture.tobytes())
        image.stream_dict = pikepdf.Dictionary(
            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=600, Height=60,
            ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8,
        )  # fmt: skip
        resources.XObject = pikepdf.Dictionary(Im1=image)

    content = (
        b"q 300 0 0 30 72 600 cm /Im1 Do Q BT 3 Tr /F1 16 Tf 76 606 Td (Scanned words) Tj ET "
        b"BT 3 Tr /F1 16 Tf 76 300 Td (OCRSECRET) Tj ET"
    )
    seen = _seen(_pdf(tmp_path / "ocr.pdf", content, with_scan))
    assert seen["scanned"] and seen["words"]
    assert not seen["ocrsecret"]


def test_a_rotated_page_is_read_where_the_renderer_draws_it(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "rotated.pdf", VISIBLE)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.Rotate = 90
        pdf.pages[0].obj.CropBox = [20, 20, 575, 822]
        pdf.save(path)
    assert all(_seen(path).values())


def test_words_are_runs_of_letters_normalised_and_digits_part_them() -> None:
    assert split_words("Smith¹ ﬁnal ＲＥＰＯＲＴ rose1 SECRET-7Q O’Hara") == [
        "smith", "final", "report", "rose", "secret", "q", "o", "hara",
    ]  # fmt: skip


def test_a_word_hyphenated_at_a_line_break_is_also_given_whole() -> None:
    characters = list("confiden-\ntiality well- known")
    seen = [True] * len(characters)
    texts = [word.text for word in _words(characters, seen, 1)]
    assert "confidentiality" in texts and "confiden" in texts
    assert "wellknown" not in texts  # a hyphen without a line break joins nothing


def test_a_word_is_seen_when_any_of_its_letters_is() -> None:
    characters = list("ab cd")
    words = _words(characters, [False, True, False, False, False], 2)
    assert words == [RenderedWord("ab", 2, True), RenderedWord("cd", 2, False)]
