# ruff: noqa: E501  (the corpus is XML written out by hand; its lines are data)
"""A corpus of documents, PDFs and images for the release gate, generated at test time.

Each entry builds one file and says what the gate must find in it (``expected`` finding codes; empty for
a clean file that only looks alarming), a ``secret`` that must be gone from the sanitised copy's bytes
(searched inside zip members and decompressed PDF/PNG streams too), and ``visible`` text a reader sees,
which the sanitised copy must keep.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, PngImagePlugin


@dataclass(frozen=True)
class CorpusFile:
    name: str
    build: Callable[[Path], None]
    expected: frozenset[str]
    secret: str | None = None
    visible: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_clean(self) -> bool:
        return not self.expected


def leaky(
    name: str, build: Callable[[Path], None], codes: set[str], secret: str | None, *visible: str
) -> CorpusFile:
    return CorpusFile(name, build, frozenset(codes), secret, tuple(visible))


def clean(name: str, build: Callable[[Path], None], *visible: str) -> CorpusFile:
    return CorpusFile(name, build, frozenset(), None, tuple(visible))


def build_all(entries: list[CorpusFile], directory: Path) -> list[tuple[CorpusFile, Path]]:
    built = []
    for entry in entries:
        path = directory / entry.name
        entry.build(path)
        built.append((entry, path))
    return built


# ------------------------------------------------------------------ every byte, decompressed


def every_byte(path: Path) -> bytes:
    """The file's bytes, then everything compressed inside it: zip members, PDF streams, PNG zlib data."""
    return b"\n".join(_layers(path.read_bytes()))


def _layers(data: bytes) -> Iterator[bytes]:
    yield data
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from _layers(archive.read(member))
    elif data.startswith(b"%PDF"):
        yield from _pdf_streams(data)
    elif data.startswith(b"\x89PNG"):
        yield from _png_inflated(data)


def _pdf_streams(data: bytes) -> Iterator[bytes]:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    yield obj.read_bytes()
                except pikepdf.PdfError:
                    yield obj.read_raw_bytes()
                yield str(obj.stream_dict).encode("utf-8", "replace")
            elif isinstance(obj, pikepdf.Dictionary | pikepdf.Array):
                yield str(obj).encode("utf-8", "replace")


def _png_inflated(data: bytes) -> Iterator[bytes]:
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, at)
        body = data[at + 8 : at + 8 + length]
        if kind in (b"zTXt", b"iTXt"):
            for start in range(len(body)):
                try:
                    yield zlib.decompress(body[start:])
                    break
                except zlib.error:
                    continue
        at += 12 + length


# ------------------------------------------------------------------ images


def _picture(size: tuple[int, int] = (64, 48)) -> Image.Image:
    image = Image.new("RGB", size, (200, 220, 240))
    for x in range(10, 40):
        for y in range(10, 20):
            image.putpixel((x, y), (20 + x, 40 + 3 * y, 160))
    return image


def _tiff_ifd(entries: list[tuple[int, int, int, bytes]], at: int, next_ifd: int) -> tuple[bytes, bytes]:
    """A little-endian IFD at offset ``at``: (directory bytes, out-of-line data placed right after it)."""
    directory = struct.pack("<H", len(entries))
    extra = b""
    data_at = at + 2 + 12 * len(entries) + 4
    for tag, kind, count, value in entries:
        if len(value) <= 4:
            directory += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
        else:
            directory += struct.pack("<HHII", tag, kind, count, data_at + len(extra))
            extra += value + (b"\x00" if len(value) % 2 else b"")
    return directory + struct.pack("<I", next_ifd), extra


def exif_block(artist: str, *, gps: bool = False, thumbnail: bytes | None = None) -> bytes:
    """Hand-built EXIF (TIFF 6.0 layout): Artist, optionally a GPS IFD and an IFD1 thumbnail."""
    artist_bytes = artist.encode("ascii") + b"\x00"
    ifd0_entries: list[tuple[int, int, int, bytes]] = [(315, 2, len(artist_bytes), artist_bytes)]
    ifd0_size = 2 + 12 * (1 + gps) + 4 + len(artist_bytes) + len(artist_bytes) % 2
    gps_at = 8 + ifd0_size
    if gps:
        ifd0_entries.append((0x8825, 4, 1, struct.pack("<I", gps_at)))
    gps_bytes = b""
    if gps:
        # GPSLatitudeRef 'N', GPSLatitude 51/1 30/1 0/1 (51 deg 30 min N: London)
        latitude = struct.pack("<6I", 51, 1, 30, 1, 0, 1)
        directory, extra = _tiff_ifd([(1, 2, 2, b"N\x00"), (2, 5, 3, latitude)], gps_at, 0)
        gps_bytes = directory + extra
    ifd1_at = gps_at + len(gps_bytes) if thumbnail is not None else 0
    directory0, extra0 = _tiff_ifd(ifd0_entries, 8, ifd1_at)
    body = b"II*\x00" + struct.pack("<I", 8) + directory0 + extra0 + gps_bytes
    if thumbnail is not None:
        thumb_at = ifd1_at + 2 + 12 * 2 + 4
        directory1, _ = _tiff_ifd(
            [(0x201, 4, 1, struct.pack("<I", thumb_at)), (0x202, 4, 1, struct.pack("<I", len(thumbnail)))],
            ifd1_at,
            0,
        )
        body += directory1 + thumbnail
    return b"Exif\x00\x00" + body


def _jpeg_bytes(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90, **options)
    return out.getvalue()


def _with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    return jpeg[:2] + struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload + jpeg[2:]


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def jpeg_with_exif(path: Path) -> None:
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xE1, exif_block("SECRET-ARTIST-Jane Roe")))


def jpeg_with_gps(path: Path) -> None:
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xE1, exif_block("SECRET-GPS-owner", gps=True)))


def jpeg_with_thumbnail(path: Path) -> None:
    uncropped = Image.new("RGB", (16, 12), (255, 0, 0))
    thumbnail = _jpeg_bytes(uncropped, comment=b"SECRET-THUMB-uncropped")
    block = exif_block("camera", thumbnail=thumbnail)
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xE1, block))


def jpeg_with_xmp(path: Path) -> None:
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="SECRET-XMP-creator"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp))


def jpeg_with_iptc(path: Path) -> None:
    caption = b"SECRET-IPTC-caption"
    iptc = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption  # IPTC IIM 2:120 caption
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    _write(path, _with_segment(_jpeg_bytes(_picture()), 0xED, b"Photoshop 3.0\x00" + resource))


def jpeg_with_comment(path: Path) -> None:
    _write(path, _jpeg_bytes(_picture(), comment=b"SECRET-COMMENT-from the camera"))


def jpeg_with_appended_file(path: Path) -> None:
    _write(path, _jpeg_bytes(_picture()) + b"PK\x03\x04" + b"SECRET-APPENDED-zip payload" * 4)


def jpeg_rotated_by_exif(path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    exif[315] = "SECRET-ROTATED-artist"
    _write(path, _jpeg_bytes(_picture(), exif=exif.tobytes()))


def png_with_text(path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "SECRET-PNG-tEXt note")
    _picture().save(path, format="PNG", pnginfo=info)


def png_with_compressed_text(path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Description", "SECRET-PNG-zTXt description " * 10, zip=True)
    info.add_itxt("Author", "SECRET-PNG-iTXt author", zip=True)
    _picture().save(path, format="PNG", pnginfo=info)


def png_with_exif(path: Path) -> None:
    exif = Image.Exif()
    exif[315] = "SECRET-PNG-eXIf artist"
    _picture().save(path, format="PNG", exif=exif.tobytes())


def png_with_transparent_redaction(path: Path) -> None:
    image = _picture().convert("RGBA")
    for x in range(10, 40):
        for y in range(10, 20):
            r, g, b, _ = image.getpixel((x, y))  # type: ignore[misc]
            image.putpixel((x, y), (r, g, b, 0))
    image.save(path, format="PNG")


def tiff_with_tags(path: Path) -> None:
    exif = Image.Exif()
    exif[315] = "SECRET-TIFF-artist"
    exif[270] = "SECRET-TIFF-description"
    _picture().save(path, format="TIFF", exif=exif)


def webp_with_exif(path: Path) -> None:
    exif = Image.Exif()
    exif[315] = "SECRET-WEBP-artist"
    _picture().save(path, format="WEBP", exif=exif.tobytes(), lossless=True)


def gif_with_comment(path: Path) -> None:
    _picture().convert("P").save(path, format="GIF", comment=b"SECRET-GIF-comment")


def png_plain_with_icc(path: Path) -> None:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    _picture().save(path, format="PNG", icc_profile=profile)


def png_transparent_uniform(path: Path) -> None:
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    for x in range(8, 24):
        image.putpixel((x, 16), (0, 0, 0, 255))
    image.save(path, format="PNG")


def jpeg_plain(path: Path) -> None:
    _write(path, _jpeg_bytes(_picture()))


def gif_plain(path: Path) -> None:
    _picture().convert("P").save(path, format="GIF")


IMAGES: list[CorpusFile] = [
    leaky("exif.jpg", jpeg_with_exif, {"image.exif"}, "SECRET-ARTIST"),
    leaky("gps.jpg", jpeg_with_gps, {"image.exif", "image.gps"}, "SECRET-GPS"),
    leaky("thumbnail.jpg", jpeg_with_thumbnail, {"image.exif", "image.thumbnail"}, "SECRET-THUMB"),
    leaky("xmp.jpg", jpeg_with_xmp, {"image.xmp"}, "SECRET-XMP"),
    leaky("iptc.jpg", jpeg_with_iptc, {"image.iptc"}, "SECRET-IPTC"),
    leaky("comment.jpg", jpeg_with_comment, {"image.comment"}, "SECRET-COMMENT"),
    leaky("appended.jpg", jpeg_with_appended_file, {"image.trailing_data"}, "SECRET-APPENDED"),
    leaky("rotated.jpg", jpeg_rotated_by_exif, {"image.exif"}, "SECRET-ROTATED"),
    leaky("text.png", png_with_text, {"image.text_chunk"}, "SECRET-PNG-tEXt"),
    leaky("ztxt.png", png_with_compressed_text, {"image.text_chunk"}, "SECRET-PNG-zTXt"),
    leaky("exif.png", png_with_exif, {"image.exif"}, "SECRET-PNG-eXIf"),
    leaky("transparent.png", png_with_transparent_redaction, {"image.transparent_content"}, None),
    leaky("tags.tiff", tiff_with_tags, {"image.exif"}, "SECRET-TIFF"),
    leaky("exif.webp", webp_with_exif, {"image.exif"}, "SECRET-WEBP"),
    leaky("comment.gif", gif_with_comment, {"image.comment"}, "SECRET-GIF"),
    clean("icc.png", png_plain_with_icc),
    clean("transparent-background.png", png_transparent_uniform),
    clean("plain.jpg", jpeg_plain),
    clean("plain.gif", gif_plain),
]


# ------------------------------------------------------------------ PDF (content streams written by hand)

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
    clean("link.pdf", _pdf("", _link), VISIBLE_PDF),
    clean(
        "logo-beside-text.pdf",
        _pdf(_text(72, 600, "Beside the logo") + "q 40 0 0 40 400 590 cm /Im1 Do Q\n", _covered_by_image),
        VISIBLE_PDF,
    ),
]


# ------------------------------------------------------------------ DOCX (packages written by hand)

VISIBLE_DOCX = "Dear requester, here is our answer"
W_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def w_p(text: str, rpr: str = "", ppr: str = "") -> str:
    properties = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    run_properties = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{properties}<w:r>{run_properties}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _w_part(root: str, inner: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {W_NAMESPACES}>{inner}</w:{root}>'
    )


@dataclass(frozen=True)
class Rel:
    id: str
    kind: str
    target: str
    external: bool = False

    def xml(self) -> str:
        mode = ' TargetMode="External"' if self.external else ""
        return f'<Relationship Id="{self.id}" Type="{REL}/{self.kind}" Target="{self.target}"{mode}/>'


def _rels(relations: list[Rel]) -> str:
    inner = "".join(r.xml() for r in relations)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{inner}</Relationships>'
    )


def make_docx(
    path: Path,
    body: str,
    *,
    parts: dict[str, str | bytes] | None = None,
    rels: list[Rel] | None = None,
    section: str = "",
) -> None:
    """A minimal DOCX: the visible line, then ``body``; extra ``parts`` and document ``rels``."""
    parts = dict(parts or {})
    rels = list(rels or [])
    overrides = {
        "word/document.xml": f"{WORD_MAIN}.document.main+xml",
        "word/styles.xml": f"{WORD_MAIN}.styles+xml",
        "word/comments.xml": f"{WORD_MAIN}.comments+xml",
        "word/settings.xml": f"{WORD_MAIN}.settings+xml",
        "word/footnotes.xml": f"{WORD_MAIN}.footnotes+xml",
        "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        "docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    }
    for name in parts:
        if name.startswith(("word/header", "word/footer")):
            overrides[name] = f"{WORD_MAIN}.{name[5:11]}+xml"
    types = "".join(
        f'<Override PartName="/{name}" ContentType="{kind}"/>'
        for name, kind in overrides.items()
        if name in parts or name == "word/document.xml"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="png" ContentType="image/png"/>'
        '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
        f"{types}</Types>"
    )
    package_rels = [Rel("rId1", "officeDocument", "word/document.xml")]
    if "docProps/core.xml" in parts:
        package_rels.append(
            Rel("rId2", "../package/2006/relationships/metadata/core-properties", "docProps/core.xml")
        )
    for name, kind in (("word/styles.xml", "styles"), ("word/comments.xml", "comments")):
        if name in parts:
            rels.append(Rel(f"rIdAuto{kind}", kind, name[5:]))
    for name, kind in (("word/settings.xml", "settings"), ("word/footnotes.xml", "footnotes")):
        if name in parts:
            rels.append(Rel(f"rIdAuto{kind}", kind, name[5:]))
    document = _w_part(
        "document", f"<w:body>{w_p(VISIBLE_DOCX)}{body}<w:sectPr>{section}</w:sectPr></w:body>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr(
            "_rels/.rels",
            _rels(package_rels).replace(f"{REL}/../package", "http://schemas.openxmlformats.org/package"),
        )
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", _rels(rels))
        for name, content in parts.items():
            archive.writestr(name, content)


def _docx(body: str, **options: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        make_docx(path, body, **options)  # type: ignore[arg-type]

    return build


def _jpeg_with_exif_bytes(artist: str) -> bytes:
    return _with_segment(_jpeg_bytes(_picture()), 0xE1, exif_block(artist))


def _drawing(rel_id: str) -> str:
    return (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1800000" cy="1350000"/><wp:docPr id="1" name="Picture 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:blipFill><a:blip r:embed="{rel_id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r></w:p>"
    )


def _field(code: str, result: str) -> str:
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


CORE_WITH_AUTHOR = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
    "<dc:creator>SECRET-DOCX-creator</dc:creator><cp:lastModifiedBy>A. Officer</cp:lastModifiedBy>"
    "<cp:revision>7</cp:revision></cp:coreProperties>"
)
CUSTOM_PROPERTIES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Case officer">'
    "<vt:lpwstr>SECRET-DOCX-custom</vt:lpwstr></property></Properties>"
)
HIDDEN_STYLE = _w_part(
    "styles",
    '<w:style w:type="character" w:styleId="Internal"><w:name w:val="Internal"/>'
    "<w:rPr><w:vanish/></w:rPr></w:style>",
)
COMMENTS = _w_part(
    "comments",
    '<w:comment w:id="0" w:author="SECRET-DOCX-reviewer"><w:p><w:r><w:t>Do not release the name</w:t></w:r></w:p>'
    "</w:comment>",
)
SETTINGS_WITH_TEMPLATE = _w_part("settings", '<w:attachedTemplate r:id="rId1"/>')
HEADER_SHOWN = _w_part("hdr", w_p("Freedom of Information response"))
HEADER_UNUSED = _w_part("hdr", w_p("SECRET-DOCX-header draft, not for release"))
FOOTNOTES = _w_part(
    "footnotes",
    '<w:footnote w:id="-1" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="0" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Source: published statistics</w:t></w:r></w:p></w:footnote>',
)


def docx_with_template(path: Path) -> None:
    make_docx(path, "", parts={"word/settings.xml": SETTINGS_WITH_TEMPLATE})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "word/_rels/settings.xml.rels",
            _rels(
                [
                    Rel(
                        "rId1",
                        "attachedTemplate",
                        "file:///S:/SECRET-DOCX-template/letter.dotm",
                        external=True,
                    )
                ]
            ),
        )


def docx_with_thumbnail(path: Path) -> None:
    make_docx(
        path, "", parts={"docProps/thumbnail.jpeg": _jpeg_bytes(_picture(), comment=b"SECRET-DOCX-thumb")}
    )


DOCX: list[CorpusFile] = [
    leaky(
        "tracked-changes.docx",
        _docx(
            '<w:p><w:r><w:t xml:space="preserve">The answer is </w:t></w:r>'
            '<w:del w:id="1" w:author="SECRET-DOCX-editor"><w:r><w:delText>SECRET-DOCX-deleted name</w:delText>'
            '</w:r></w:del><w:ins w:id="2" w:author="Editor"><w:r><w:t>withheld under section 40(2)</w:t></w:r>'
            "</w:ins></w:p>"
        ),
        {"docx.tracked_changes"},
        "SECRET-DOCX-deleted",
        VISIBLE_DOCX,
        "The answer is withheld under section 40(2)",
    ),
    leaky(
        "comments.docx",
        _docx(
            '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Figures for 2023</w:t></w:r><w:commentRangeEnd w:id="0"/>'
            '<w:r><w:commentReference w:id="0"/></w:r></w:p>',
            parts={"word/comments.xml": COMMENTS},
        ),
        {"docx.comments"},
        "SECRET-DOCX-reviewer",
        VISIBLE_DOCX,
        "Figures for 2023",
    ),
    leaky(
        "hidden-run.docx",
        _docx(w_p("SECRET-DOCX-vanish officer name", "<w:vanish/>")),
        {"docx.hidden_text"},
        "SECRET-DOCX-vanish",
        VISIBLE_DOCX,
    ),
    leaky(
        "hidden-style.docx",
        _docx(
            w_p("SECRET-DOCX-styled hidden", '<w:rStyle w:val="Internal"/>'),
            parts={"word/styles.xml": HIDDEN_STYLE},
        ),
        {"docx.hidden_text"},
        "SECRET-DOCX-styled",
        VISIBLE_DOCX,
    ),
    leaky(
        "white-text.docx",
        _docx(w_p("SECRET-DOCX-white text", '<w:color w:val="FFFFFF"/>')),
        {"docx.white_text"},
        "SECRET-DOCX-white",
        VISIBLE_DOCX,
    ),
    leaky(
        "tiny-text.docx",
        _docx(w_p("SECRET-DOCX-tiny text", '<w:sz w:val="2"/>')),
        {"docx.tiny_text"},
        "SECRET-DOCX-tiny",
        VISIBLE_DOCX,
    ),
    leaky(
        "core-properties.docx",
        _docx("", parts={"docProps/core.xml": CORE_WITH_AUTHOR}),
        {"docx.metadata"},
        "SECRET-DOCX-creator",
        VISIBLE_DOCX,
    ),
    leaky(
        "custom-properties.docx",
        _docx("", parts={"docProps/custom.xml": CUSTOM_PROPERTIES}),
        {"docx.metadata"},
        "SECRET-DOCX-custom",
        VISIBLE_DOCX,
    ),
    leaky(
        "embedded-object.docx",
        _docx(
            '<w:p><w:r><w:object><o:OLEObject ProgID="Excel.Sheet.12" r:id="rId9"/></w:object></w:r></w:p>',
            parts={"word/embeddings/Microsoft_Excel_Worksheet.bin": b"SECRET-DOCX-embedded workbook"},
            rels=[Rel("rId9", "oleObject", "embeddings/Microsoft_Excel_Worksheet.bin")],
        ),
        {"docx.embedded_objects"},
        "SECRET-DOCX-embedded",
        VISIBLE_DOCX,
    ),
    leaky(
        "picture-exif.docx",
        _docx(
            _drawing("rId7"),
            parts={"word/media/image1.jpeg": _jpeg_with_exif_bytes("SECRET-DOCX-photographer")},
            rels=[Rel("rId7", "image", "media/image1.jpeg")],
        ),
        {"docx.image_metadata"},
        "SECRET-DOCX-photographer",
        VISIBLE_DOCX,
    ),
    leaky(
        "unused-header.docx",
        _docx(
            "",
            parts={"word/header1.xml": HEADER_SHOWN, "word/header2.xml": HEADER_UNUSED},
            rels=[Rel("rId5", "header", "header1.xml"), Rel("rId6", "header", "header2.xml")],
            section='<w:headerReference w:type="default" r:id="rId5"/><w:headerReference w:type="first" r:id="rId6"/>',
        ),
        {"docx.hidden_header_footer"},
        "SECRET-DOCX-header",
        VISIBLE_DOCX,
        "Freedom of Information response",
    ),
    leaky(
        "field-code.docx",
        _docx(_field(' INCLUDETEXT "\\\\fileserver\\SECRET-DOCX-field\\notes.docx" ', "Included summary")),
        {"docx.fields"},
        "SECRET-DOCX-field",
        VISIBLE_DOCX,
        "Included summary",
    ),
    leaky("template.docx", docx_with_template, {"docx.template"}, "SECRET-DOCX-template", VISIBLE_DOCX),
    leaky(
        "external-link.docx",
        _docx(
            "",
            rels=[Rel("rId8", "subDocument", "file:///S:/SECRET-DOCX-external/part.docx", external=True)],
        ),
        {"docx.external_links"},
        "SECRET-DOCX-external",
        VISIBLE_DOCX,
    ),
    leaky(
        "macros.docx",
        _docx("", parts={"word/vbaProject.bin": b"Attribute VB_Name SECRET-DOCX-macro"}),
        {"docx.macros"},
        "SECRET-DOCX-macro",
        VISIBLE_DOCX,
    ),
    leaky(
        "custom-xml.docx",
        _docx(
            "",
            parts={"customXml/item1.xml": "<properties><owner>SECRET-DOCX-sharepoint</owner></properties>"},
        ),
        {"docx.custom_xml"},
        "SECRET-DOCX-sharepoint",
        VISIBLE_DOCX,
    ),
    leaky(
        "glossary.docx",
        _docx(
            "", parts={"word/glossary/document.xml": _w_part("glossaryDocument", w_p("SECRET-DOCX-glossary"))}
        ),
        {"docx.glossary"},
        "SECRET-DOCX-glossary",
        VISIBLE_DOCX,
    ),
    leaky("thumbnail.docx", docx_with_thumbnail, {"docx.thumbnail"}, "SECRET-DOCX-thumb", VISIBLE_DOCX),
    clean(
        "dark-table-header.docx",
        _docx(
            '<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F1F1F"/></w:tcPr>'
            + w_p("Year of complaint", '<w:color w:val="FFFFFF"/><w:b/>')
            + "</w:tc></w:tr><w:tr><w:tc>"
            + w_p("2023")
            + "</w:tc></w:tr></w:tbl>"
        ),
        VISIBLE_DOCX,
        "Year of complaint",
        "2023",
    ),
    clean(
        "comment-like.docx",
        _docx(w_p("Comment: the officer reviewed this answer.")),
        VISIBLE_DOCX,
        "Comment: the",
    ),
    clean(
        "white-on-highlight.docx",
        _docx(w_p("Key figure", '<w:color w:val="FFFFFF"/><w:highlight w:val="darkBlue"/>')),
        VISIBLE_DOCX,
        "Key figure",
    ),
    clean(
        "header-and-footnote.docx",
        _docx(
            '<w:p><w:r><w:t>Complaints rose</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
            parts={"word/header1.xml": HEADER_SHOWN, "word/footnotes.xml": FOOTNOTES},
            rels=[Rel("rId5", "header", "header1.xml")],
            section='<w:headerReference w:type="default" r:id="rId5"/>',
        ),
        VISIBLE_DOCX,
        "Freedom of Information response",
        "Source: published statistics",
    ),
    clean(
        "hyperlink.docx",
        _docx(
            '<w:p><w:hyperlink r:id="rId4"><w:r><w:t>the disclosure log</w:t></w:r></w:hyperlink></w:p>',
            rels=[Rel("rId4", "hyperlink", "https://example.org/disclosure-log/", external=True)],
        ),
        VISIBLE_DOCX,
        "the disclosure log",
    ),
    clean(
        "not-vanished.docx",
        _docx(w_p("Shown despite the flag", '<w:vanish w:val="0"/>')),
        "Shown despite the flag",
    ),
]


# ------------------------------------------------------------------ ODT (packages written by hand)

VISIBLE_ODT = "Dear requester, here is our answer"
ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"'
)


def make_odt(
    path: Path,
    body: str,
    *,
    automatic: str = "",
    styles: str = "",
    meta: str = "",
    parts: dict[str, bytes] | None = None,
) -> None:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NAMESPACES}>'
        f"<office:automatic-styles>{automatic}</office:automatic-styles><office:body><office:text>"
        f"<text:p>{VISIBLE_ODT}</text:p>{body}</office:text></office:body></office:document-content>"
    )
    entries = {"content.xml": content.encode()}
    if styles:
        entries["styles.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NAMESPACES}>{styles}'
            "</office:document-styles>"
        ).encode()
    if meta:
        entries["meta.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NAMESPACES}>'
            f"<office:meta>{meta}</office:meta></office:document-meta>"
        ).encode()
    entries.update(parts or {})
    manifest = "".join(
        f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type=""/>' for name in entries
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            f'manifest:media-type="application/vnd.oasis.opendocument.text"/>{manifest}</manifest:manifest>',
            zipfile.ZIP_DEFLATED,
        )
        for name, data in entries.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)


def _odt(body: str, **options: object) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        make_odt(path, body, **options)  # type: ignore[arg-type]

    return build


def _text_style(name: str, properties: str, family: str = "text") -> str:
    return f'<style:style style:name="{name}" style:family="{family}"><style:text-properties {properties}/></style:style>'


def _png_with_text_bytes(text: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    out = io.BytesIO()
    _picture().save(out, format="PNG", pnginfo=info)
    return out.getvalue()


ODT_FRAME = (
    '<text:p><draw:frame draw:name="Photo" svg:width="5cm" svg:height="3.75cm" text:anchor-type="as-char">'
    '<draw:image xlink:href="{href}" xlink:type="simple"/></draw:frame></text:p>'
)
MASTER_PAGES = (
    '<office:master-styles><style:master-page style:name="Standard">'
    "<style:header><text:p>Freedom of Information response</text:p></style:header>"
    '<style:footer style:display="false"><text:p>{footer}</text:p></style:footer>'
    "</style:master-page></office:master-styles>"
)

ODT: list[CorpusFile] = [
    leaky(
        "tracked-changes.odt",
        _odt(
            '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
            "<dc:creator>Editor</dc:creator></office:change-info><text:p>SECRET-ODT-deleted name</text:p>"
            '</text:deletion></text:changed-region></text:tracked-changes><text:p>The answer is <text:change text:change-id="ct1"/>withheld</text:p>'
        ),
        {"odt.tracked_changes"},
        "SECRET-ODT-deleted",
        VISIBLE_ODT,
        "The answer is withheld",
    ),
    leaky(
        "comment.odt",
        _odt(
            "<text:p>Figures for 2023<office:annotation><dc:creator>SECRET-ODT-reviewer</dc:creator>"
            "<text:p>Check before release</text:p></office:annotation></text:p>"
        ),
        {"odt.comments"},
        "SECRET-ODT-reviewer",
        VISIBLE_ODT,
        "Figures for 2023",
    ),
    leaky(
        "hidden-span.odt",
        _odt(
            '<text:p>Shown <text:span text:style-name="T1">SECRET-ODT-hidden span</text:span></text:p>',
            automatic=_text_style("T1", 'text:display="none"'),
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-hidden",
        VISIBLE_ODT,
        "Shown",
    ),
    leaky(
        "hidden-section.odt",
        _odt(
            '<text:section text:name="S1" text:display="none"><text:p>SECRET-ODT-section</text:p></text:section>'
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-section",
        VISIBLE_ODT,
    ),
    leaky(
        "hidden-paragraph.odt",
        _odt(
            '<text:p><text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/>'
            "SECRET-ODT-paragraph</text:p>"
        ),
        {"odt.hidden_text"},
        "SECRET-ODT-paragraph",
        VISIBLE_ODT,
    ),
    leaky(
        "white-text.odt",
        _odt(
            '<text:p><text:span text:style-name="T1">SECRET-ODT-white</text:span></text:p>',
            automatic=_text_style("T1", 'fo:color="#ffffff"'),
        ),
        {"odt.white_text"},
        "SECRET-ODT-white",
        VISIBLE_ODT,
    ),
    leaky(
        "tiny-text.odt",
        _odt(
            '<text:p><text:span text:style-name="T1">SECRET-ODT-tiny</text:span></text:p>',
            automatic=_text_style("T1", 'fo:font-size="1pt"'),
        ),
        {"odt.tiny_text"},
        "SECRET-ODT-tiny",
        VISIBLE_ODT,
    ),
    leaky(
        "meta.odt",
        _odt(
            "",
            meta="<meta:initial-creator>SECRET-ODT-creator</meta:initial-creator><meta:generator>Writer</meta:generator>",
        ),
        {"odt.metadata"},
        "SECRET-ODT-creator",
        VISIBLE_ODT,
    ),
    leaky(
        "embedded-object.odt",
        _odt(
            '<text:p><draw:frame><draw:object xlink:href="./Object 1"/></draw:frame></text:p>',
            parts={"Object 1/content.xml": b"<table>SECRET-ODT-object</table>"},
        ),
        {"odt.embedded_objects"},
        "SECRET-ODT-object",
        VISIBLE_ODT,
    ),
    leaky(
        "picture-exif.odt",
        _odt(
            ODT_FRAME.format(href="Pictures/photo.jpg"),
            parts={"Pictures/photo.jpg": _jpeg_with_exif_bytes("SECRET-ODT-photographer")},
        ),
        {"odt.image_metadata"},
        "SECRET-ODT-photographer",
        VISIBLE_ODT,
    ),
    leaky(
        "macros.odt",
        _odt("", parts={"Basic/Standard/Module1.xml": b"<script>SECRET-ODT-macro</script>"}),
        {"odt.macros"},
        "SECRET-ODT-macro",
        VISIBLE_ODT,
    ),
    leaky(
        "thumbnail.odt",
        _odt("", parts={"Thumbnails/thumbnail.png": _png_with_text_bytes("SECRET-ODT-thumb")}),
        {"odt.thumbnail"},
        "SECRET-ODT-thumb",
        VISIBLE_ODT,
    ),
    leaky(
        "hidden-footer.odt",
        _odt("", styles=MASTER_PAGES.format(footer="SECRET-ODT-footer")),
        {"odt.hidden_header_footer"},
        "SECRET-ODT-footer",
        VISIBLE_ODT,
        "Freedom of Information response",
    ),
    leaky(
        "fields.odt",
        _odt("<text:p>Prepared by <text:author-name>A. Officer</text:author-name></text:p>"),
        {"odt.fields"},
        None,
        VISIBLE_ODT,
        "Prepared by A. Officer",
    ),
    leaky(
        "linked-picture.odt",
        _odt(ODT_FRAME.format(href="http://intranet.example/SECRET-ODT-link/photo.png")),
        {"odt.external_links"},
        "SECRET-ODT-link",
        VISIBLE_ODT,
    ),
    clean(
        "dark-band.odt",
        _odt(
            '<text:p text:style-name="P1">Table 1: Complaints by year</text:p>',
            automatic='<style:style style:name="P1" style:family="paragraph">'
            '<style:paragraph-properties fo:background-color="#1f1f1f"/>'
            '<style:text-properties fo:color="#ffffff"/></style:style>',
        ),
        VISIBLE_ODT,
        "Table 1: Complaints by year",
    ),
    clean(
        "comment-like.odt",
        _odt("<text:p>Comment: the officer reviewed this answer.</text:p>"),
        "Comment: the",
    ),
    clean(
        "table-and-list.odt",
        _odt(
            '<table:table table:name="T"><table:table-column/><table:table-row><table:table-cell>'
            "<text:p>2023</text:p></table:table-cell></table:table-row></table:table>"
            "<text:list><text:list-item><text:p>First point</text:p></text:list-item></text:list>"
            '<text:h text:outline-level="2">Background</text:h>'
        ),
        VISIBLE_ODT,
        "2023",
        "First point",
        "Background",
    ),
    clean(
        "visible-header.odt",
        _odt(
            "",
            styles='<office:master-styles><style:master-page style:name="Standard">'
            "<style:header><text:p>Freedom of Information response</text:p></style:header>"
            "</style:master-page></office:master-styles>",
        ),
        VISIBLE_ODT,
        "Freedom of Information response",
    ),
    clean(
        "bold-not-hidden.odt",
        _odt(
            '<text:p>Plain and <text:span text:style-name="T1">bold</text:span></text:p>',
            automatic=_text_style("T1", 'fo:font-weight="bold" text:display="true"'),
        ),
        "Plain and bold",
    ),
]
