"""PDFs for the release gate: one A4 page each, content streams and structures written by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus import CorpusFile, clean, leaky

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
VISIBLE_PDF = "Dear requester, here is our answer"


def _text(x: float, y: float, text: str, *, size: float = 12, colour: str = "0 g", mode: int = 0) -> str:
    return f"BT /F1 {size} Tf {colour} {mode} Tr {x} {y} Td ({text}) Tj ET\n"


def _box(x: float, y: float, w: float, h: float, colour: str = "0 g") -> str:
    return f"q {colour} {x} {y} {w} {h} re f Q\n"


def _grey_image(pdf: object) -> object:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    return pikepdf.Stream(
        pdf,
        bytes([90, 120, 150, 180]),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=2,
        Height=2,
        ColorSpace=pikepdf.Name.DeviceGray,
        BitsPerComponent=8,
    )


def make_pdf(path: Path, content: str, setup: Callable[..., None] | None = None, **save: object) -> None:
    """One A4 page in Helvetica with ``content`` as its content; ``setup(pdf, page)`` adds structure."""
    import pikepdf

    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(PAGE_WIDTH, PAGE_HEIGHT))
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    )
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream((_text(72, 760, VISIBLE_PDF) + content).encode("latin-1"))
    if setup is not None:
        setup(pdf, page)
    pdf.save(path, **save)


def _pdf(content: str, setup: Callable[..., None] | None = None, **save: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        make_pdf(path, content, setup, **save)

    return build


def _covered_by_image(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    page.Resources.XObject = pikepdf.Dictionary(Im1=_grey_image(pdf))


def _form_with_secret(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    form = pdf.make_stream(_text(0, 0, "SECRET-PDF-inform witness").encode())
    form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    form.BBox = [0, 0, 400, 50]
    form.Matrix = [1, 0, 0, 1, 72, 600]
    form.Resources = page.Resources
    page.Resources.XObject = pikepdf.Dictionary(Fm1=form)


def _comment_annotation(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    note = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Text,
            Rect=[300, 700, 320, 720],
            Contents=pikepdf.String("SECRET-PDF-annotation: check with legal"),
        )
    )
    popup = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Popup, Rect=[320, 600, 500, 700], Parent=note
        )
    )
    note.Popup = popup
    page.Annots = pdf.make_indirect(pikepdf.Array([note, popup]))


def _redact_annotation(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    mark = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Redact,
        Rect=[70, 595, 400, 615],
        QuadPoints=[70, 615, 400, 615, 70, 595, 400, 595],
    )
    page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(mark)]))


def _attachment(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    pdf.attachments["working.csv"] = pikepdf.AttachedFileSpec(
        pdf, b"name,role\nSECRET-PDF-attached,officer\n"
    )


def _text_field(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    field_ = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("officer"),
            V=pikepdf.String("SECRET-PDF-field value"),
            Rect=[72, 500, 300, 520],
            F=2,  # hidden
        )
    )
    page.Annots = pdf.make_indirect(pikepdf.Array([field_]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field_]))


def _xfa(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    xfa = pdf.make_stream(b"<xdp:xdp><field name='officer'>SECRET-PDF-xfa</field></xdp:xdp>")
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=xfa)


def _info(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    pdf.trailer.Info = pdf.make_indirect(
        pikepdf.Dictionary(Author=pikepdf.String("SECRET-PDF-author"), Producer=pikepdf.String("Writer"))
    )


def _xmp(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    xmp = pdf.make_stream(
        b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
        b"<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/' dc:creator='SECRET-PDF-xmp creator'/>"
        b"</rdf:RDF></x:xmpmeta>"
    )
    xmp.Type, xmp.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    pdf.Root.Metadata = xmp


def _javascript(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    pdf.Root.OpenAction = pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('SECRET-PDF-script');")
    )


def _launch(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("SECRET-PDF-launch.exe"))


def _hidden_layer(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    layer = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Draft notes")))
    pdf.Root.OCProperties = pikepdf.Dictionary(
        OCGs=pikepdf.Array([layer]), D=pikepdf.Dictionary(OFF=pikepdf.Array([layer]))
    )
    page.Resources.Properties = pikepdf.Dictionary(oc1=layer)


def _thumbnail(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    page.obj.Thumb = _grey_image(pdf)


def _link(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[72, 700, 300, 715],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/disclosure-log/")),
    )
    page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))


def _translucent_state(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    page.Resources.ExtGState = pikepdf.Dictionary(GS1=pikepdf.Dictionary(ca=0.3))
    page.Resources.XObject = pikepdf.Dictionary(Im1=_grey_image(pdf))


def _signature(opaque: bool) -> Callable[[object, object], None]:
    """A 40 x 10 signature picture with a soft mask: ink along one diagonal, the rest transparent
    (or, when ``opaque``, a mask that is opaque everywhere: a box in disguise)."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        width, height = 40, 10
        ink = {(row, row * 4 + shift) for row in range(height) for shift in range(2)}
        alpha = bytes(
            255 if opaque or (row, column) in ink else 0 for row in range(height) for column in range(width)
        )
        smask = pikepdf.Stream(pdf, alpha)
        smask.Type, smask.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        smask.Width, smask.Height, smask.BitsPerComponent = width, height, 8
        smask.ColorSpace = pikepdf.Name.DeviceGray
        image = pikepdf.Stream(pdf, bytes(width * height))
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height, image.BitsPerComponent = width, height, 8
        image.ColorSpace, image.SMask = pikepdf.Name.DeviceGray, smask
        page.Resources.XObject = pikepdf.Dictionary(Im1=image)

    return setup


def _masked_by_state(pdf: object, page: object) -> None:
    """A picture drawn through a soft mask set in the graphics state: its shape is not worked out."""
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    group = pdf.make_stream(b"0 0 595 842 re f")
    group.Type, group.Subtype, group.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 595, 842]
    soft = pikepdf.Dictionary(Type=pikepdf.Name.Mask, S=pikepdf.Name.Luminosity, G=group)
    page.Resources.ExtGState = pikepdf.Dictionary(GS1=pikepdf.Dictionary(SMask=soft))
    page.Resources.XObject = pikepdf.Dictionary(Im1=_grey_image(pdf))


def _crop_box(pdf: object, page: object) -> None:
    """The viewer shows only the top half of the page (y 400..842), inherited from the page tree."""
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    pdf.Root.Pages.CropBox = [0, 400, 595, 900]


def _fill_opacity(alpha: float) -> Callable[[object, object], None]:
    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(page, pikepdf.Page)
        page.Resources.ExtGState = pikepdf.Dictionary(GS1=pikepdf.Dictionary(ca=alpha))

    return setup


def _spot_colour(function_type: int) -> Callable[[object, object], None]:
    """A Separation colour /ForceBlue: tint 0 is white paper, tint 1 a dark blue (via RGB); its tint
    transform an exponential function (type 2) or a PostScript one (type 4) the gate does not run."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        if function_type == 2:
            function: object = pikepdf.Dictionary(
                FunctionType=2, Domain=[0, 1], C0=[1, 1, 1], C1=[0.1, 0.2, 0.5], N=1
            )
        else:
            function = pdf.make_stream(
                b"{ dup 0.9 mul 1 exch sub exch dup 0.8 mul 1 exch sub exch 0.5 mul 1 exch sub }"
            )
            function.FunctionType, function.Domain, function.Range = 4, [0, 1], [0, 1, 0, 1, 0, 1]
        space = pikepdf.Array(
            [pikepdf.Name.Separation, pikepdf.Name("/ForceBlue"), pikepdf.Name.DeviceRGB, function]
        )
        page.Resources.ColorSpace = pikepdf.Dictionary(CS1=space)

    return setup


def pdf_with_incremental_update(path: Path) -> None:
    """Saved with a name in the text, then "corrected" by an appended update: the name is still inside."""
    import pikepdf

    make_pdf(path, _text(72, 600, "Officer: SECRET-PDF-earlier version"), compress_streams=False)
    with pikepdf.open(path) as pdf:
        contents = pdf.pages[0].obj.Contents.objgen[0]
        root = pdf.Root.objgen[0]
        size = len(pdf.objects) + 1
    data = path.read_bytes()
    previous = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    body = (_text(72, 760, VISIBLE_PDF) + _text(72, 600, "Officer: [name withheld]")).encode()
    update = b"\n"
    object_at = len(data) + len(update)
    update += (
        b"%d 0 obj\n<< /Length %d >>\nstream\n" % (contents, len(body)) + body + b"\nendstream\nendobj\n"
    )
    xref_at = len(data) + len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (contents, object_at)
    update += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        root,
        previous,
        xref_at,
    )
    path.write_bytes(data + update)


def raw_pdf(objects: list[bytes]) -> bytes:
    """A classic PDF written byte by byte (object 1 the catalogue), with a correct cross-reference table."""
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def pdf_with_unused_object(path: Path) -> None:
    """An editor replaced the page's content but left the earlier content object in the file, unused."""
    visible = _text(72, 760, VISIBLE_PDF).encode()
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
                _stream(visible),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                _stream(visible + _text(72, 600, "SECRET-PDF-unused earlier text").encode()),
            ]
        )
    )


def _photo_with_gps(pdf: object, page: object) -> None:
    import pikepdf

    from tests.core.release_check.corpus_images import jpeg_with_gps_bytes

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    photo = pikepdf.Stream(pdf, jpeg_with_gps_bytes("SECRET-PDF-photo owner"))
    photo.Type, photo.Subtype, photo.Filter = pikepdf.Name.XObject, pikepdf.Name.Image, pikepdf.Name.DCTDecode
    photo.Width, photo.Height, photo.BitsPerComponent = 64, 48, 8
    photo.ColorSpace = pikepdf.Name.DeviceRGB
    page.Resources.XObject = pikepdf.Dictionary(Im1=photo)


def _piece_info(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    private = pdf.make_stream(b"%AI12 SECRET-PDF-illustrator original drawing")
    page.obj.PieceInfo = pikepdf.Dictionary(Illustrator=pikepdf.Dictionary(Private=private))


SECRET_LINE = "Officer: SECRET-PDF-covered John Smith"

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


# ------------------------------------------------------------------ step 8: a red-team pass over each rule


def _form(pdf: object, content: str, bbox: list[float], **extra: object) -> object:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    form = pdf.make_stream(content.encode("latin-1"))
    form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, bbox
    for key, value in extra.items():
        form[f"/{key}"] = value
    return form


def _page_font(page: object) -> object:
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    return pikepdf.Dictionary(Font=page.Resources.Font)


def _form_in_bbox(pdf: object, page: object) -> None:
    """A form whose box is 100 x 20 pt: the secret is drawn at x 200 inside it, so cut away."""
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    form = _form(pdf, _text(200, 5, "SECRET-PDF-bbox outside"), [0, 0, 100, 20], Resources=_page_font(page))
    form.Matrix = [1, 0, 0, 1, 72, 600]
    page.Resources.XObject = pikepdf.Dictionary(Fm1=form)


def _stencil(decode_inverted: bool) -> Callable[[object, object], None]:
    """A 1-bit stencil mask that paints everywhere (samples 0; or 1 with /Decode [1 0])."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        stencil = pikepdf.Stream(pdf, (b"\xff" if decode_inverted else b"\x00") * 8)
        stencil.Type, stencil.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        stencil.Width, stencil.Height, stencil.ImageMask = 8, 8, True
        if decode_inverted:
            stencil.Decode = [1, 0]
        page.Resources.XObject = pikepdf.Dictionary(Im1=stencil)

    return setup


def _ring_stencil(pdf: object, page: object) -> None:
    """A stencil logo that paints only its outer ring of pixels: text in the middle shows through."""
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    rows = [0x00] + [0x7E] * 6 + [0x00]  # 0 paints: the border; 1 (the middle) leaves the page
    stencil = pikepdf.Stream(pdf, bytes(rows))
    stencil.Type, stencil.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    stencil.Width, stencil.Height, stencil.ImageMask = 8, 8, True
    page.Resources.XObject = pikepdf.Dictionary(Im1=stencil)


def _layers(base_state: str, off: bool = False, ocmd: dict[str, object] | None = None) -> Callable[..., None]:
    """Two layers, A and B; the default configuration's /BaseState and /OFF; /oc1 is A, or an OCMD."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        a = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("A")))
        b = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("B")))
        config = pikepdf.Dictionary(BaseState=pikepdf.Name(base_state))
        if off:
            config.OFF = pikepdf.Array([b])
        if base_state == "/OFF":
            config.ON = pikepdf.Array([b])
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=pikepdf.Array([a, b]), D=config)
        marking: object = a
        if ocmd is not None:
            members = {"A": a, "B": b}
            fields = {k: _resolve_layers(v, members) for k, v in ocmd.items()}
            marking = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, **fields))
        page.Resources.Properties = pikepdf.Dictionary(oc1=marking)

    return setup


def _resolve_layers(value: object, members: dict[str, object]) -> object:
    import pikepdf

    if isinstance(value, str) and value in members:
        return members[value]
    if isinstance(value, str):
        return pikepdf.Name(value)
    if isinstance(value, list):
        return pikepdf.Array([_resolve_layers(v, members) for v in value])
    return value


def _form_in_hidden_layer(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    _layers("/ON")(pdf, page)
    layer = pdf.Root.OCProperties.OCGs[0]
    pdf.Root.OCProperties.D.OFF = pikepdf.Array([layer])
    form = _form(
        pdf, _text(0, 0, "SECRET-PDF-form layer"), [0, 0, 400, 50], Resources=_page_font(page), OC=layer
    )
    form.Matrix = [1, 0, 0, 1, 72, 600]
    page.Resources.XObject = pikepdf.Dictionary(Fm1=form)


def _type3_font(blank: bool) -> Callable[[object, object], None]:
    """A Type 3 font /F3 whose glyphs a..z are procedures that paint nothing (or a filled square)."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        procedure = pdf.make_stream(b"600 0 d0" if blank else b"600 0 0 0 600 700 d1 0 0 600 700 re f")
        names = [pikepdf.Name(f"/g{c}") for c in "abcdefghijklmnopqrstuvwxyz"]
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type3,
            FontBBox=[0, 0, 600, 700],
            FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
            CharProcs=pikepdf.Dictionary({str(n): procedure for n in names}),
            Encoding=pikepdf.Dictionary(Differences=pikepdf.Array([97, *names])),
            FirstChar=97,
            LastChar=122,
            Widths=[600] * 26,
            Resources=pikepdf.Dictionary(),
        )
        page.Resources.Font.F3 = font

    return setup


def _unused_form(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    form = _form(pdf, _text(0, 0, "SECRET-PDF-undrawn form"), [0, 0, 400, 50], Resources=_page_font(page))
    page.Resources.XObject = pikepdf.Dictionary(Fm9=form)


def _private_catalogue_stream(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    pdf.Root["/ACMEDraftHistory"] = pdf.make_stream(b"rev 1: SECRET-PDF-private catalogue")


def _private_page_entry(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    page.obj["/ReviewerNotes"] = pikepdf.String("SECRET-PDF-page entry")


def _associated_file(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    data = pdf.make_stream(b"name,role\nSECRET-PDF-associated,officer\n")
    spec = pikepdf.Dictionary(
        Type=pikepdf.Name.Filespec, F=pikepdf.String("source.csv"), EF=pikepdf.Dictionary(F=data)
    )
    pdf.Root.AF = pikepdf.Array([pdf.make_indirect(spec)])


def _widget_without_acroform(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    widget = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Widget,
        FT=pikepdf.Name.Tx,
        T=pikepdf.String("officer"),
        V=pikepdf.String("SECRET-PDF-widget value"),
        Rect=[72, 500, 300, 520],
    )
    page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(widget)]))


def _link_with_appearance(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    look = _form(pdf, _text(0, 0, "SECRET-PDF-link look", colour="1 g"), [0, 0, 300, 20])
    look.Resources = _page_font(page)
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[72, 700, 372, 720],
        AP=pikepdf.Dictionary(N=look),
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/")),
    )
    page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))


def _unknown_annotation(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    note = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name("/ACMEStickyNote"),
        Rect=[72, 500, 300, 520],
        Contents=pikepdf.String("SECRET-PDF-unknown annotation"),
    )
    page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(note)]))


def _annotation_script(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[72, 700, 300, 715],
        A=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("/* SECRET-PDF-link script */")),
    )
    page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))


def _structure_tree(element: str, key: str, text: str) -> Callable[[object, object], None]:
    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf)
        node = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name(element))
        node[key] = pikepdf.String(text)
        tree = pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pdf.make_indirect(node))
        pdf.Root.StructTreeRoot = pdf.make_indirect(tree)
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)

    return setup


def _page_xmp(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    xmp = pdf.make_stream(b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>SECRET-PDF-page xmp</x:xmpmeta>")
    xmp.Type, xmp.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    page.obj.Metadata = xmp


def _hybrid(pdf: object, page: object) -> None:
    """LibreOffice's hybrid PDF: the source document rides along in /AdditionalStreams."""
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf)
    source = pdf.make_stream(
        b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text SECRET-PDF-hybrid odt"
    )
    source.Type = pikepdf.Name.EmbeddedFile
    source.Subtype = pikepdf.Name("/application#2Fvnd.oasis.opendocument.text")
    pdf.trailer.AdditionalStreams = pikepdf.Array(
        [pikepdf.Name("/application#2Fvnd.oasis.opendocument.text"), source]
    )


def _info_title(title: str) -> Callable[[object, object], None]:
    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf)
        pdf.trailer.Info = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String(title)))

    return setup


def _both(*setups: Callable[[object, object], None]) -> Callable[[object, object], None]:
    def setup(pdf: object, page: object) -> None:
        for one in setups:
            one(pdf, page)

    return setup


def _devicen_white(pdf: object, page: object) -> None:
    """A DeviceN space of two inks whose PostScript tint transform gives white for the tints 0 0."""
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    function = pdf.make_stream(b"{ add 1 exch sub dup dup }")
    function.FunctionType, function.Domain, function.Range = 4, [0, 1, 0, 1], [0, 1, 0, 1, 0, 1]
    inks = pikepdf.Array([pikepdf.Name("/Cyan"), pikepdf.Name("/Magenta")])
    page.Resources.ColorSpace = pikepdf.Dictionary(
        CS2=pikepdf.Array([pikepdf.Name.DeviceN, inks, pikepdf.Name.DeviceRGB, function])
    )


def _sampled_spot(pdf: object, page: object) -> None:
    """A Separation whose tint transform is sampled (type 0): two RGB samples, white then dark red."""
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    function = pdf.make_stream(bytes([255, 255, 255, 120, 0, 0]))
    function.FunctionType, function.Domain, function.Range = 0, [0, 1], [0, 1, 0, 1, 0, 1]
    function.Size, function.BitsPerSample = [2], 8
    page.Resources.ColorSpace = pikepdf.Dictionary(
        CS3=pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/Red"), pikepdf.Name.DeviceRGB, function])
    )


def _unknown_tint(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    function = pdf.make_stream(b"{ pop 0.5 0.5 0.5 secretoperator }")
    function.FunctionType, function.Domain, function.Range = 4, [0, 1], [0, 1, 0, 1, 0, 1]
    page.Resources.ColorSpace = pikepdf.Dictionary(
        CS4=pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/Odd"), pikepdf.Name.DeviceRGB, function])
    )


def _opacity(alpha: float) -> Callable[[object, object], None]:
    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(page, pikepdf.Page)
        page.Resources.ExtGState = pikepdf.Dictionary(GS9=pikepdf.Dictionary(ca=alpha, CA=alpha))

    return setup


def _marked(tag: str, properties: str, inner: str) -> str:
    return f"/{tag} {properties} BDC\n{inner}EMC\n"


def _picture(grey: int) -> Callable[[object, object], None]:
    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        picture = pikepdf.Stream(pdf, bytes([grey]) * 64)
        picture.Type, picture.Subtype, picture.ColorSpace = (
            pikepdf.Name.XObject,
            pikepdf.Name.Image,
            pikepdf.Name.DeviceGray,
        )
        picture.Width, picture.Height, picture.BitsPerComponent = 8, 8, 8
        page.Resources.XObject = pikepdf.Dictionary(Im1=picture)

    return setup


PICTURE_UNDER = "q 330 0 0 20 70 595 cm /Im1 Do Q\n"


def _palette(pdf: object, page: object) -> None:
    """An Indexed space over RGB: entry 0 black, entry 1 white."""
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    palette = pikepdf.String(bytes([0, 0, 0, 255, 255, 255]))
    page.Resources.ColorSpace = pikepdf.Dictionary(
        CS5=pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 1, palette])
    )


def _blend_mode(mode: str) -> Callable[[object, object], None]:
    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(page, pikepdf.Page)
        page.Resources.ExtGState = pikepdf.Dictionary(GS8=pikepdf.Dictionary(BM=pikepdf.Name(mode)))

    return setup


def _white_tiles(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
    tile = pdf.make_stream(b"1 1 1 rg 0 0 10 10 re f")
    tile.Type, tile.PatternType, tile.PaintType, tile.TilingType = pikepdf.Name.Pattern, 1, 1, 1
    tile.BBox, tile.XStep, tile.YStep, tile.Resources = [0, 0, 10, 10], 10, 10, pikepdf.Dictionary()
    page.Resources.Pattern = pikepdf.Dictionary(P1=tile)


def _group(alpha: float) -> Callable[[object, object], None]:
    """A transparency group (a form, as WeasyPrint draws CSS opacity) composited at ``alpha``; inside,
    the text resets its own opacity to 1."""

    def setup(pdf: object, page: object) -> None:
        import pikepdf

        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        states = pikepdf.Dictionary(Op=pikepdf.Dictionary(ca=alpha), One=pikepdf.Dictionary(ca=1))
        resources = pikepdf.Dictionary(Font=page.Resources.Font, ExtGState=states)
        form = _form(pdf, "/One gs " + _text(72, 600, "SECRET-PDF-group opacity"), [0, 0, 595, 842])
        form.Resources = resources
        form.Group = pikepdf.Dictionary(S=pikepdf.Name.Transparency)
        page.Resources.ExtGState = states
        page.Resources.XObject = pikepdf.Dictionary(Fm1=form)

    return setup


def _mask_state_only(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    _masked_by_state(pdf, page)
    del page.Resources["/XObject"]


def _dingbats(pdf: object, page: object) -> None:
    import pikepdf

    assert isinstance(page, pikepdf.Page)
    page.Resources.Font.ZD = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.ZapfDingbats
    )


RED_TEAM_PDFS: list[CorpusFile] = [
    leaky(
        "indexed-white.pdf",
        _pdf("/CS5 cs 1 sc " + _text(72, 600, "SECRET-PDF-palette white", colour=""), _palette),
        {"pdf.white_text"},
        "SECRET-PDF-palette",
        VISIBLE_PDF,
    ),
    clean(
        "indexed-black.pdf",
        _pdf("/CS5 cs 0 sc " + _text(72, 600, "Palette entry black", colour=""), _palette),
        VISIBLE_PDF,
        "Palette entry black",
    ),
    leaky(
        "blend-screen.pdf",
        _pdf("q /GS8 gs " + _text(72, 600, "SECRET-PDF-screen blend") + "Q\n", _blend_mode("/Screen")),
        {"pdf.white_text"},
        "SECRET-PDF-screen",
        VISIBLE_PDF,
    ),
    clean(
        "blend-multiply.pdf",
        _pdf("q /GS8 gs " + _text(72, 600, "Multiplied dark text") + "Q\n", _blend_mode("/Multiply")),
        VISIBLE_PDF,
        "Multiplied dark text",
    ),
    leaky(
        "blend-colour-dodge.pdf",
        _pdf("q /GS8 gs " + _text(72, 600, "SECRET-PDF-dodge blend") + "Q\n", _blend_mode("/ColorDodge")),
        {"pdf.unaccounted"},
        "SECRET-PDF-dodge",
        VISIBLE_PDF,
    ),
    leaky(
        "pattern-white.pdf",
        _pdf("/Pattern cs /P1 scn " + _text(72, 600, "SECRET-PDF-white tiles", colour=""), _white_tiles),
        {"pdf.unaccounted"},
        "SECRET-PDF-white",
        VISIBLE_PDF,
    ),
    leaky(
        "soft-mask-on-text.pdf",
        _pdf("q /GS1 gs " + _text(72, 600, "SECRET-PDF-masked text") + "Q\n", _mask_state_only),
        {"pdf.unaccounted"},
        "SECRET-PDF-masked",
        VISIBLE_PDF,
    ),
    leaky(
        "group-opacity.pdf",
        _pdf("q /Op gs /Fm1 Do Q\n", _group(0.02)),
        {"pdf.invisible_text"},
        "SECRET-PDF-group",
        VISIBLE_PDF,
    ),
    clean(
        "group-half-opacity.pdf",
        _pdf("q /Op gs /Fm1 Do Q\n", _group(0.5)),
        VISIBLE_PDF,
    ),
    leaky(
        "dingbat-squares-typed-over.pdf",
        _pdf(
            _text(72, 600, "SECRET-PDF-dingbats")
            + "BT /ZD 17 Tf -1.5 Tc 68 596 Td (nnnnnnnnnnnnnnnnnnnn) Tj ET\n",
            _dingbats,
        ),
        {"pdf.covered_text"},
        "SECRET-PDF-dingbats",
        VISIBLE_PDF,
    ),
    leaky(
        "two-point-text.pdf",
        _pdf(_text(72, 600, "SECRET-PDF-two point", size=2)),
        {"pdf.invisible_text"},
        "SECRET-PDF-two",
        VISIBLE_PDF,
    ),
    clean(
        "six-point-footnote.pdf",
        _pdf(_text(72, 600, "1 A footnote in six point type", size=6)),
        VISIBLE_PDF,
        "footnote in six point",
    ),
    leaky(
        "black-on-black-picture.pdf",
        _pdf(PICTURE_UNDER + _text(72, 600, "SECRET-PDF-dark picture"), _picture(5)),
        {"pdf.white_text"},
        "SECRET-PDF-dark",
        VISIBLE_PDF,
    ),
    clean(
        "white-on-dark-picture.pdf",
        _pdf(PICTURE_UNDER + _text(72, 600, "Caption on a dark photo", colour="1 g"), _picture(5)),
        VISIBLE_PDF,
        "Caption on a dark photo",
    ),
    clean(
        "black-on-light-picture.pdf",
        _pdf(PICTURE_UNDER + _text(72, 600, "Caption on a pale photo"), _picture(230)),
        VISIBLE_PDF,
        "Caption on a pale photo",
    ),
    clean(
        "type3-painted-glyphs.pdf",
        _pdf("BT /F3 12 Tf 72 600 Td (boxes) Tj ET\n", _type3_font(False)),
        VISIBLE_PDF,
    ),
    leaky(
        "form-bbox-clip.pdf",
        _pdf("q /Fm1 Do Q\n", _form_in_bbox),
        {"pdf.clipped_text"},
        "SECRET-PDF-bbox",
        VISIBLE_PDF,
    ),
    leaky(
        "clips-that-do-not-meet.pdf",
        _pdf("q 0 500 595 150 re W n 0 0 595 100 re W n " + _text(72, 600, "SECRET-PDF-no overlap") + "Q\n"),
        {"pdf.clipped_text"},
        "SECRET-PDF-no",
        VISIBLE_PDF,
    ),
    leaky(
        "stencil-over-text.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + "q 0 g 330 0 0 20 70 595 cm /Im1 Do Q\n", _stencil(False)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    leaky(
        "stencil-inverted-decode-over-text.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + "q 0 g 330 0 0 20 70 595 cm /Im1 Do Q\n", _stencil(True)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    clean(
        "stencil-ring-around-text.pdf",
        _pdf(_text(240, 600, "Ring") + "q 0 g 80 0 0 80 222 565 cm /Im1 Do Q\n", _ring_stencil),
        VISIBLE_PDF,
        "Ring",
    ),
    leaky(
        "typed-over.pdf",
        _pdf(_text(72, 600, "SECRET-PDF-overtyped") + _text(72, 600, "XXXXXXXXXXXXXXXXXXXXXXXX")),
        {"pdf.covered_text"},
        "SECRET-PDF-overtyped",
        VISIBLE_PDF,
    ),
    clean(
        "bold-by-double-strike.pdf",
        _pdf(_text(72, 600, "Decision: upheld") + _text(72.4, 600, "Decision: upheld")),
        VISIBLE_PDF,
        "Decision: upheld",
    ),
    leaky(
        "squeezed-matrix.pdf",
        _pdf("BT /F1 12 Tf 0.01 0 0 1 72 600 Tm (SECRET-PDF-squeezed matrix) Tj ET\n"),
        {"pdf.invisible_text"},
        "SECRET-PDF-squeezed",
        VISIBLE_PDF,
    ),
    leaky(
        "one-percent-scale.pdf",
        _pdf("BT /F1 12 Tf 1 Tz 72 600 Td (SECRET-PDF-one percent) Tj ET\n"),
        {"pdf.invisible_text"},
        "SECRET-PDF-one",
        VISIBLE_PDF,
    ),
    leaky(
        "devicen-white.pdf",
        _pdf("/CS2 cs 0 0 scn " + _text(72, 600, "SECRET-PDF-devicen paper", colour=""), _devicen_white),
        {"pdf.white_text"},
        "SECRET-PDF-devicen",
        VISIBLE_PDF,
    ),
    clean(
        "devicen-ink.pdf",
        _pdf("/CS2 cs 0.5 0.5 scn " + _text(72, 600, "Two inks, fully laid", colour=""), _devicen_white),
        VISIBLE_PDF,
        "Two inks, fully laid",
    ),
    leaky(
        "sampled-spot-white.pdf",
        _pdf("/CS3 cs 0 scn " + _text(72, 600, "SECRET-PDF-sampled paper", colour=""), _sampled_spot),
        {"pdf.white_text"},
        "SECRET-PDF-sampled",
        VISIBLE_PDF,
    ),
    clean(
        "sampled-spot-ink.pdf",
        _pdf("/CS3 cs 1 scn " + _text(72, 600, "Letterhead red", colour=""), _sampled_spot),
        VISIBLE_PDF,
        "Letterhead red",
    ),
    leaky(
        "spot-unknown-operator.pdf",
        _pdf("/CS4 cs 1 scn " + _text(72, 600, "SECRET-PDF-unknown tint", colour=""), _unknown_tint),
        {"pdf.unaccounted"},
        "SECRET-PDF-unknown",
        VISIBLE_PDF,
    ),
    leaky(
        "layer-base-state-off.pdf",
        _pdf(_marked("OC", "/oc1", _text(72, 600, "SECRET-PDF-base state")), _layers("/OFF")),
        {"pdf.hidden_layer"},
        "SECRET-PDF-base",
        VISIBLE_PDF,
    ),
    leaky(
        "layer-ocmd-all-on.pdf",
        _pdf(
            _marked("OC", "/oc1", _text(72, 600, "SECRET-PDF-all on")),
            _layers("/ON", off=True, ocmd={"OCGs": ["A", "B"], "P": "/AllOn"}),
        ),
        {"pdf.hidden_layer"},
        "SECRET-PDF-all",
        VISIBLE_PDF,
    ),
    leaky(
        "layer-ocmd-not-expression.pdf",
        _pdf(
            _marked("OC", "/oc1", _text(72, 600, "SECRET-PDF-not expression")),
            _layers("/ON", ocmd={"OCGs": ["A"], "VE": ["/Not", "A"]}),
        ),
        {"pdf.hidden_layer"},
        "SECRET-PDF-not",
        VISIBLE_PDF,
    ),
    clean(
        "layer-ocmd-any-on.pdf",
        _pdf(
            _marked("OC", "/oc1", _text(72, 600, "Shown by any layer on")),
            _layers("/ON", ocmd={"OCGs": ["A", "B"], "P": "/AnyOn"}),
        ),
        VISIBLE_PDF,
        "Shown by any layer on",
    ),
    clean(
        "layer-on.pdf",
        _pdf(_marked("OC", "/oc1", _text(72, 600, "An ordinary layer, on")), _layers("/ON")),
        VISIBLE_PDF,
        "An ordinary layer, on",
    ),
    leaky(
        "layer-form-off.pdf",
        _pdf("q /Fm1 Do Q\n", _form_in_hidden_layer),
        {"pdf.hidden_layer"},
        "SECRET-PDF-form",
        VISIBLE_PDF,
    ),
    leaky(
        "box-94-percent.pdf",
        _pdf(_text(72, 600, SECRET_LINE) + "q /GS9 gs 0 g 70 595 330 20 re f Q\n", _opacity(0.94)),
        {"pdf.covered_text"},
        "SECRET-PDF-covered",
        VISIBLE_PDF,
    ),
    clean(
        "box-50-percent.pdf",
        _pdf(_text(72, 600, "Shaded but readable") + "q /GS9 gs 0.5 g 70 595 330 20 re f Q\n", _opacity(0.5)),
        VISIBLE_PDF,
        "Shaded but readable",
    ),
    leaky(
        "type3-blank-glyphs.pdf",
        _pdf("BT /F3 12 Tf 72 600 Td (secretpdfblankglyphs) Tj ET\n", _type3_font(True)),
        {"pdf.invisible_text"},
        "secretpdfblankglyphs",
        VISIBLE_PDF,
    ),
    leaky(
        "undrawn-form.pdf",
        _pdf("", _unused_form),
        {"pdf.unused_objects"},
        "SECRET-PDF-undrawn",
        VISIBLE_PDF,
    ),
    leaky(
        "private-catalogue-stream.pdf",
        _pdf("", _private_catalogue_stream),
        {"pdf.unaccounted"},
        "SECRET-PDF-private",
        VISIBLE_PDF,
    ),
    leaky(
        "private-page-entry.pdf",
        _pdf("", _private_page_entry),
        {"pdf.unaccounted"},
        "SECRET-PDF-page",
        VISIBLE_PDF,
    ),
    leaky(
        "associated-file.pdf",
        _pdf("", _associated_file),
        {"pdf.attachments"},
        "SECRET-PDF-associated",
        VISIBLE_PDF,
    ),
    leaky(
        "widget-without-acroform.pdf",
        _pdf("", _widget_without_acroform),
        {"pdf.forms"},
        "SECRET-PDF-widget",
        VISIBLE_PDF,
    ),
    leaky(
        "link-appearance.pdf",
        _pdf("", _link_with_appearance),
        {"pdf.annotations"},
        "SECRET-PDF-link",
        VISIBLE_PDF,
    ),
    leaky(
        "unknown-annotation.pdf",
        _pdf("", _unknown_annotation),
        {"pdf.unaccounted"},
        "SECRET-PDF-unknown",
        VISIBLE_PDF,
    ),
    leaky(
        "link-javascript.pdf",
        _pdf("", _annotation_script),
        {"pdf.javascript"},
        "SECRET-PDF-link",
        VISIBLE_PDF,
    ),
    leaky(
        "actual-text.pdf",
        _pdf(_marked("Span", "<< /ActualText (SECRET-PDF-actual text) >>", _text(72, 600, "Shown words"))),
        {"pdf.alternate_text"},
        "SECRET-PDF-actual",
        VISIBLE_PDF,
        "Shown words",
    ),
    clean(
        "actual-text-same-as-shown.pdf",
        _pdf(_marked("Span", "<< /ActualText (office) >>", _text(72, 600, "office"))),
        VISIBLE_PDF,
        "office",
    ),
    leaky(
        "structure-actual-text.pdf",
        _pdf("", _structure_tree("/Span", "/ActualText", "SECRET-PDF-structure text")),
        {"pdf.alternate_text"},
        "SECRET-PDF-structure",
        VISIBLE_PDF,
    ),
    leaky(
        "structure-figure-alt.pdf",
        _pdf("", _structure_tree("/Figure", "/Alt", "SECRET-PDF-figure alt: photo of J Smith")),
        {"pdf.alternate_text"},
        "SECRET-PDF-figure",
        VISIBLE_PDF,
    ),
    leaky(
        "page-xmp.pdf",
        _pdf("", _page_xmp),
        {"pdf.metadata"},
        "SECRET-PDF-page",
        VISIBLE_PDF,
    ),
    leaky(
        "libreoffice-hybrid.pdf",
        _pdf("", _hybrid),
        {"pdf.attachments"},
        "SECRET-PDF-hybrid",
        VISIBLE_PDF,
    ),
    leaky(
        "title-not-on-page.pdf",
        _pdf("", _info_title("SECRET-PDF-title of the draft")),
        {"pdf.metadata"},
        "SECRET-PDF-title",
        VISIBLE_PDF,
    ),
    clean(
        "title-on-page.pdf",
        _pdf(_text(72, 700, "Response to request 2025-114"), _info_title("Response to request 2025-114")),
        VISIBLE_PDF,
        "Response to request 2025-114",
    ),
]


# ------------------------------------------------------------------ PDFs written by real tools


def _letter_docx(path: Path, hidden: str | None) -> None:
    import docx

    document = docx.Document()
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.add_heading("Response to request 2025-114", 1)
    document.add_paragraph(VISIBLE_PDF + ".")
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "Year", (0, 1): "Count", (1, 0): "2024", (1, 1): "14"}.items():
        table.cell(row, column).text = text
    if hidden is not None:
        run = document.add_paragraph().add_run(hidden)
        run.font.hidden = True  # not printed, so not in the PDF's pages: only in the source it carries
    document.save(path)


def _libreoffice_pdf(options: str, hidden: str | None = None) -> Callable[[Path], None]:
    """A letter written by python-docx and exported to PDF by LibreOffice itself (writer_pdf_Export)."""

    def build(path: Path) -> None:
        import os
        import shutil
        import subprocess
        import tempfile

        with tempfile.TemporaryDirectory() as work:
            source = Path(work) / "letter.docx"
            _letter_docx(source, hidden)
            profile = f"file://{work}/profile-{os.getpid()}"
            command = [shutil.which("soffice") or "soffice", "--headless", f"-env:UserInstallation={profile}"]
            subprocess.run(
                [*command, "--convert-to", f"pdf:writer_pdf_Export{options}", "--outdir", work, str(source)],
                check=True,
                capture_output=True,
                timeout=180,
            )
            shutil.copyfile(Path(work) / "letter.pdf", path)

    return build


def _weasyprint_pdf(html: str, **options: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        import weasyprint

        weasyprint.HTML(string=html).write_pdf(path, **options)

    return build


TAGGED = ':{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
HYBRID = ':{"IsAddStream":{"type":"boolean","value":"true"}}'
LETTER_HTML = (
    '<html lang="en-GB"><head><title>Response to request 2025-114</title></head><body>'
    "<h1>Response to request 2025-114</h1><p>" + VISIBLE_PDF + ".</p>"
    "<table><tr><th>Year</th><th>Count</th></tr><tr><td>2024</td><td>14</td></tr></table>"
    "<ul><li>First point</li><li>Second point</li></ul>"
    '<p>See <a href="https://example.org/foi">the disclosure log</a>.</p></body></html>'
)

REAL_TOOL_PDFS: list[CorpusFile] = [
    clean("libreoffice-letter.pdf", _libreoffice_pdf(""), VISIBLE_PDF, "Response to request 2025-114"),
    clean("libreoffice-tagged-letter.pdf", _libreoffice_pdf(TAGGED), VISIBLE_PDF, "2024"),
    leaky(
        "libreoffice-hybrid-letter.pdf",
        _libreoffice_pdf(HYBRID, "SECRET-PDF-hybrid hidden paragraph"),
        {"pdf.attachments"},
        None,  # the source document inside is compressed in a zip inside a stream: checked by its code
        VISIBLE_PDF,
    ),
    clean("weasyprint-letter.pdf", _weasyprint_pdf(LETTER_HTML), VISIBLE_PDF, "Second point"),
    clean("weasyprint-tagged-letter.pdf", _weasyprint_pdf(LETTER_HTML, pdf_tags=True), VISIBLE_PDF, "2024"),
]


def wide_table_across_pages(path: Path) -> None:
    """As LibreOffice prints a wide sheet: each page draws the whole row, moved and clipped to the page."""
    import pikepdf

    make_pdf(path, "")
    row = _text(72, 600, "Cases opened in 2024") + _text(72 + PAGE_WIDTH, 600, "Cases closed in 2024")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        first = pdf.pages[0]
        first.Contents = pdf.make_stream(
            (_text(72, 760, VISIBLE_PDF) + f"q 0 0 {PAGE_WIDTH} {PAGE_HEIGHT} re W n " + row + "Q\n").encode()
        )
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=first.MediaBox)))
        second = pdf.pages[1]
        second.Resources = first.Resources
        moved = f"q 0 0 {PAGE_WIDTH} {PAGE_HEIGHT} re W n 1 0 0 1 -{PAGE_WIDTH} 0 cm " + row + "Q\n"
        second.Contents = pdf.make_stream(moved.encode())
        pdf.save(path)


def _cell_overflow(path: Path) -> None:
    """A spreadsheet cell's text clipped at its border through its last character, as LibreOffice draws
    an overflowing cell whose neighbour is not empty: the cut character is hidden (a narrowed column is
    how a name is hidden), unless the document shows that text elsewhere."""
    from foidesk.core.release_check.pdf_fonts import HELVETICA_WIDTHS

    text = "Refused under SECRET-PDF-Z9"
    width = sum(HELVETICA_WIDTHS[ord(c) - 32] for c in text) * 12 / 1000
    make_pdf(path, f"q 60 590 {12 + width - 5:.2f} 30 re W n " + _text(72, 600, text) + "Q\n")


EXCUSED_PDFS: list[CorpusFile] = [
    leaky(
        "cell-overflow-clipped.pdf",
        _cell_overflow,
        {"pdf.clipped_text"},
        "SECRET-PDF-Z9",
        VISIBLE_PDF,
        "Refused under",
    ),
    clean("wide-table-across-pages.pdf", wide_table_across_pages, VISIBLE_PDF, "Cases closed in 2024"),
    leaky(
        "clipped-phrase-shown-in-parts.pdf",
        _pdf(
            _text(72, 700, "clipped")
            + _text(72, 680, "twice")
            + "q 0 0 595 500 re W n "
            + _text(72, 600, "SECRET-PDF-clipped twice")
            + "Q\n"
        ),
        {"pdf.clipped_text"},
        "SECRET-PDF-clipped",
        VISIBLE_PDF,
    ),
]
PDFS += RED_TEAM_PDFS + REAL_TOOL_PDFS + EXCUSED_PDFS
