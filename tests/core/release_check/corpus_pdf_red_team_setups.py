"""Setups for the PDF red-team pass (issue 14): forms cut by their box, stencils, layers, Type 3 fonts,
private streams, spot colours, opacity, blend modes.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.core.release_check.corpus_pdf_build import _text
from tests.core.release_check.corpus_pdf_setups import _masked_by_state

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
