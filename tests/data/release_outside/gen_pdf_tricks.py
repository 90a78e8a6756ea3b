# ruff: noqa: E501 - the corpus is written as literal XML, HTML and PDF operators, kept on one line each
"""Building blocks of the outside corpus's PDF files: pages written operator by operator with pikepdf, forms,
images, the tricks each file adds to its resources, catalogue or page, incremental updates and WeasyPrint
pages.
"""

from __future__ import annotations

import io
import warnings
import zlib
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

warnings.filterwarnings("ignore", message=".*form widget annotation.*")

PAGE = (612, 792)


def line(x: float, y: float, text: str, size: float = 11, font: str = "/F1", pre: str = "") -> str:
    return f"BT {font} {size} Tf {pre} {x} {y} Td ({text}) Tj ET"


def _fonts(pdf: pikepdf.Pdf) -> Dictionary:
    return Dictionary(
        F1=pdf.make_indirect(
            Dictionary(
                Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding
            )
        ),
        ZD=pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.ZapfDingbats)),
    )


def page_pdf(
    secret_ops: str, resources=None, catalog=None, page_extra=None, after: str = "", before: str = ""
):
    """A letter page: the visible lines, then ``secret_ops`` ({secret} filled in), then ``after``.

    ``resources``, ``catalog`` and ``page_extra`` are callables (pdf, secret) -> dict of extra entries.
    """

    def build(path: Path, secret: str, visible: list[str]) -> None:
        pdf = pikepdf.new()
        ops = [before, "0 g"] + [line(72, 720 - 20 * i, text) for i, text in enumerate(visible)]
        ops.append(secret_ops.format(secret=secret))
        ops.append(after.format(secret=secret))
        res = Dictionary(Font=_fonts(pdf))
        for key, value in (resources(pdf, secret) if resources else {}).items():
            res[Name("/" + key)] = value
        page = pikepdf.Page(
            Dictionary(
                Type=Name.Page,
                MediaBox=Array([0, 0, *PAGE]),
                Resources=res,
                Contents=pdf.make_stream("\n".join(ops).encode("latin-1")),
            )
        )
        pdf.pages.append(page)
        page_obj = pdf.pages[0].obj
        for key, value in (page_extra(pdf, secret) if page_extra else {}).items():
            page_obj[Name("/" + key)] = value
        for key, value in (catalog(pdf, secret) if catalog else {}).items():
            pdf.Root[Name("/" + key)] = value
        pdf.save(path, deterministic_id=True, compress_streams=True)

    return build


def form(pdf: pikepdf.Pdf, ops: str, bbox=(0, 0, 612, 792), matrix=None, fonts=True) -> Stream:
    stream = pdf.make_stream(ops.encode("latin-1"))
    stream.Type = Name.XObject
    stream.Subtype = Name.Form
    stream.BBox = Array(list(bbox))
    if matrix:
        stream.Matrix = Array(list(matrix))
    if fonts:
        stream.Resources = Dictionary(Font=_fonts(pdf))
    return stream


def image(pdf: pikepdf.Pdf, grey: int = 0, mask: bool = False, decode=None) -> Stream:
    if mask:
        stream = pdf.make_stream(
            b"\xff" if decode == [1, 0] else b"\x00",  # the sample that paints (ISO 32000-1 8.9.6.2)
            Type=Name.XObject,
            Subtype=Name.Image,
            Width=1,
            Height=1,
            ImageMask=True,
            BitsPerComponent=1,
        )
        if decode:
            stream.Decode = Array(decode)
        return stream
    return pdf.make_stream(
        bytes([grey]),
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=1,
        Height=1,
        ColorSpace=Name.DeviceGray,
        BitsPerComponent=8,
    )


SECRET_LINE = line(72, 600, "{secret}")


def trick_form_bbox(pdf, secret):
    return {"XObject": Dictionary(Fm1=form(pdf, line(50, 50, secret), bbox=(0, 0, 10, 10)))}


def trick_smask(pdf, secret):
    group = form(pdf, "0 g 0 0 612 792 re f", fonts=False)
    group.Group = Dictionary(S=Name.Transparency, CS=Name.DeviceRGB)
    return {
        "ExtGState": Dictionary(
            GS1=Dictionary(Type=Name.ExtGState, SMask=Dictionary(S=Name.Luminosity, G=group))
        )
    }


def trick_separation(pdf, secret):
    function = Dictionary(
        FunctionType=2, Domain=Array([0, 1]), C0=Array([0, 0, 0, 0]), C1=Array([0, 0, 0, 0]), N=1
    )
    return {"ColorSpace": Dictionary(CS1=Array([Name.Separation, Name("/Spot"), Name.DeviceCMYK, function]))}


def trick_indexed(pdf, secret):
    return {
        "ColorSpace": Dictionary(
            CS2=Array([Name.Indexed, Name.DeviceRGB, 1, String(b"\x00\x00\x00\xff\xff\xff")])
        )
    }


def trick_gs(**entries):
    def resources(pdf, secret):
        return {"ExtGState": Dictionary(GS2=Dictionary(Type=Name.ExtGState, **entries))}

    return resources


def trick_image(grey: int = 0, mask: bool = False, decode=None):
    def resources(pdf, secret):
        return {"XObject": Dictionary(Im1=image(pdf, grey, mask, decode))}

    return resources


def trick_type3(pdf, secret):
    blank = pdf.make_stream(b"500 0 0 0 0 0 d1")
    cmap = pdf.make_stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Blank def "
        b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = Dictionary(
        Type=Name.Font,
        Subtype=Name.Type3,
        FontBBox=Array([0, 0, 0, 0]),
        FontMatrix=Array([0.001, 0, 0, 0.001, 0, 0]),
        CharProcs=Dictionary(blank=blank),
        Encoding=Dictionary(Type=Name.Encoding, Differences=Array([32] + [Name.blank] * 95)),
        FirstChar=32,
        LastChar=126,
        Widths=Array([500] * 95),
        ToUnicode=cmap,
        Resources=Dictionary(),
    )
    return {"Font": Dictionary(F1=_fonts(pdf).F1, ZD=_fonts(pdf).ZD, T3=pdf.make_indirect(font))}


def trick_oc(mode: str):
    def resources(pdf, secret):
        ocg = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Notes")))
        if mode == "ocmd":
            target = pdf.make_indirect(Dictionary(Type=Name.OCMD, OCGs=Array([ocg]), P=Name.AllOff))
        else:
            target = ocg
        pdf.Root.OCProperties = Dictionary(
            OCGs=Array([ocg]),
            D=Dictionary(
                BaseState=Name.OFF if mode == "base" else Name.ON,
                ON=Array([ocg]) if mode == "ocmd" else Array([]),
            ),
        )
        return {"Properties": Dictionary(oc1=target)}

    return resources


def trick_pattern(pdf, secret):
    tile = pdf.make_stream(
        b"1 1 1 rg 0 0 10 10 re f",
        Type=Name.Pattern,
        PatternType=1,
        PaintType=1,
        TilingType=1,
        BBox=Array([0, 0, 10, 10]),
        XStep=10,
        YStep=10,
        Resources=Dictionary(),
    )
    return {"Pattern": Dictionary(P1=tile)}


def trick_shading(pdf, secret):
    function = Dictionary(FunctionType=2, Domain=Array([0, 1]), C0=Array([1, 1, 1]), C1=Array([1, 1, 1]), N=1)
    return {
        "Shading": Dictionary(
            Sh1=Dictionary(
                ShadingType=2,
                ColorSpace=Name.DeviceRGB,
                Coords=Array([0, 0, 612, 0]),
                Function=function,
                Extend=Array([True, True]),
            )
        )
    }


def unused_form(pdf, secret):
    return {"XObject": Dictionary(Old=form(pdf, line(72, 600, secret)))}


def embedded(pdf: pikepdf.Pdf, secret: str, name: str = "notes.txt") -> Dictionary:
    data = pdf.make_stream(f"Reviewer notes: {secret}\n".encode(), Type=Name.EmbeddedFile)
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Filespec,
            F=String(name),
            UF=String(name),
            EF=Dictionary(F=data),
            AFRelationship=Name.Source,
        )
    )


def catalog_private(pdf, secret):
    return {"PrivateNotes": pdf.make_stream(f"<notes>{secret}</notes>".encode())}


def catalog_af(pdf, secret):
    return {"AF": Array([embedded(pdf, secret)])}


def catalog_attachment(pdf, secret):
    return {
        "Names": Dictionary(
            EmbeddedFiles=Dictionary(Names=Array([String("notes.txt"), embedded(pdf, secret)]))
        )
    }


def catalog_js(pdf, secret):
    return {"OpenAction": Dictionary(S=Name.JavaScript, JS=String(f"var reviewer = '{secret}';"))}


def catalog_struct(pdf, secret):
    element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Figure, Alt=String(secret)))
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=element))
    element.P = root
    return {"StructTreeRoot": root, "MarkInfo": Dictionary(Marked=True)}


def annotations(kind: str):
    def extra(pdf, secret):
        rect = Array([70, 590, 370, 615])
        if kind == "widget":
            annot = Dictionary(
                Type=Name.Annot,
                Subtype=Name.Widget,
                FT=Name.Tx,
                T=String("note"),
                V=String(secret),
                Rect=rect,
                F=2,
            )
        elif kind == "link_ap":
            appearance = form(pdf, line(0, 5, secret, 10), bbox=(0, 0, 300, 25))
            annot = Dictionary(
                Type=Name.Annot,
                Subtype=Name.Link,
                Rect=rect,
                F=2,
                Border=Array([0, 0, 0]),
                AP=Dictionary(N=appearance),
                A=Dictionary(S=Name.URI, URI=String("https://example.org")),
            )
        elif kind == "square_cover":
            appearance = form(pdf, "1 1 1 rg 0 0 300 25 re f", bbox=(0, 0, 300, 25), fonts=False)
            annot = Dictionary(
                Type=Name.Annot,
                Subtype=Name.Square,
                Rect=rect,
                F=4,
                C=Array([1, 1, 1]),
                IC=Array([1, 1, 1]),
                AP=Dictionary(N=appearance),
            )
        else:  # text comment
            annot = Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=rect, Contents=String(secret))
        return {"Annots": Array([pdf.make_indirect(annot)])}

    return extra


def page_metadata(pdf, secret):
    xmp = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>{secret}</dc:description></rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    return {"Metadata": pdf.make_stream(xmp.encode(), Type=Name.Metadata, Subtype=Name.XML)}


def page_pieceinfo(pdf, secret):
    return {
        "PieceInfo": Dictionary(Editor=Dictionary(LastModified=String("D:20240301"), Private=String(secret)))
    }


def page_cropbox(box):
    def extra(pdf, secret):
        return {"CropBox": Array(list(box))}

    return extra


def incremental(hide_first_eof: bool):
    """Revision 1 shows the secret; revision 2 (appended) replaces the page's content stream."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        page_pdf(SECRET_LINE)(path, secret, visible)
        data = path.read_bytes()
        with pikepdf.open(io.BytesIO(data)) as pdf:
            page_ref = pdf.pages[0].obj.objgen
            contents_ref = pdf.pages[0].obj.Contents.objgen
            size = int(pdf.trailer.Size)
            root = pdf.trailer.Root.objgen
        start = data.rfind(b"startxref")
        prev = int(data[start:].split()[1])
        ops = "\n".join(["0 g"] + [line(72, 720 - 20 * i, text) for i, text in enumerate(visible)]).encode()
        body = zlib.compress(ops)
        new_num = size
        objects = [
            (
                contents_ref[0],
                f"<< /Length {len(body)} /Filter /FlateDecode >>\nstream\n".encode() + body + b"\nendstream",
            ),
        ]
        del new_num
        tail = b"\n"
        offsets = []
        base = len(data) + len(tail)
        chunk = b""
        for number, content in objects:
            offsets.append((number, base + len(chunk)))
            chunk += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
        xref_at = base + len(chunk)
        xref = b"xref\n" + b"".join(f"{n} 1\n{o:010d} 00000 n \n".encode() for n, o in offsets)
        trailer = f"trailer\n<< /Size {size} /Root {root[0]} 0 R /Prev {prev} >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
        if hide_first_eof:
            data = data.replace(b"%%EOF", b"%%EON")
        path.write_bytes(data + tail + chunk + xref + trailer)
        del page_ref

    return build


def weasy(html: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        from weasyprint import HTML

        paragraphs = "".join(f"<p>{text}</p>" for text in visible)
        document = (
            "<html><head><style>@page { size: A4; margin: 2cm } body { font-family: 'DejaVu Sans', sans-serif; "
            "font-size: 11pt }</style><meta name=dcterms.created content=2024-03-01T09:30:00Z>"
            "<meta name=dcterms.modified content=2024-03-01T09:30:00Z></head><body><h1>Response</h1>"
            + paragraphs
            + html.replace("{secret}", secret)
            + "</body></html>"
        )
        HTML(string=document).write_pdf(str(path))

    return build


def signature_png() -> str:
    import base64

    from PIL import Image, ImageDraw

    picture = Image.new("RGBA", (240, 60), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.line([(10, 45), (60, 10), (90, 50), (140, 15), (200, 40)], fill=(20, 20, 90, 255), width=3)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _oc_off_list(pdf: pikepdf.Pdf) -> dict[str, object]:
    ocg = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=String("Draft")))
    pdf.Root.OCProperties = Dictionary(OCGs=Array([ocg]), D=Dictionary(BaseState=Name.ON, OFF=Array([ocg])))
    return {"Properties": Dictionary(oc1=ocg)}
