"""What the first PDF corpus hides, each added to a page by a setup(pdf, page): forms, annotations,
attachments, metadata, layers, raw files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus_pdf_build import VISIBLE_PDF, _grey_image, _text, make_pdf


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


def _at_opacity(setup: Callable[[object, object], None], alpha: float) -> Callable[[object, object], None]:
    """The setup's pictures drawn through /GS1 at fill opacity ``alpha`` (keeping any soft mask it sets)."""

    def at_opacity(pdf: object, page: object) -> None:
        import pikepdf

        setup(pdf, page)
        assert isinstance(page, pikepdf.Page)
        states = page.Resources.get("/ExtGState")
        if not isinstance(states, pikepdf.Dictionary):
            states = page.Resources.ExtGState = pikepdf.Dictionary()
        state = states.get("/GS1")
        if not isinstance(state, pikepdf.Dictionary):
            state = states.GS1 = pikepdf.Dictionary()
        state.ca = alpha

    return at_opacity


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
