"""Hostile and broken input for the release gate: a zip bomb, zips nested too deep, truncated, encrypted,
mislabelled and corrupt workbooks, an entity bomb.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus_csv_zip import CSV_HEAD
from tests.core.release_check.corpus_xlsx_build import rewrite_zip, summary_workbook

# ------------------------------------------------------------------ bad input


def zip_bomb(path: Path) -> None:
    """One member of 64 MB of zeros: about 64 KB on disk, a ratio of 1000:1."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("zeros.csv", "w") as sink,
    ):
        chunk = b"0" * (1 << 20)
        for _ in range(64):
            sink.write(chunk)


def nested_zips(depth: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        data = CSV_HEAD.encode()
        name = "data.csv"
        for level in range(depth):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr(name, data)
            data, name = buffer.getvalue(), f"level{level}.zip"
        path.write_bytes(data)

    return build


def truncated_xlsx(path: Path) -> None:
    summary_workbook().save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def pdf_named_xlsx(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def encrypted_xlsx(path: Path) -> None:
    """A password-protected workbook (MS-OFFCRYPTO agile encryption) made with msoffcrypto-tool."""
    import msoffcrypto.format.ooxml

    plain = path.with_suffix(".plain.xlsx")
    summary_workbook().save(plain)
    with open(plain, "rb") as source, open(path, "wb") as target:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("secret-password", target)
    plain.unlink()


def entity_bomb_xlsx(path: Path) -> None:
    summary_workbook().save(path)
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'

    def change(parts: dict[str, bytes]) -> None:
        text = parts["xl/worksheets/sheet1.xml"].decode()
        parts["xl/worksheets/sheet1.xml"] = re.sub(
            r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + laughs, text, count=1
        ).encode()

    rewrite_zip(path, change)


def corrupt_member_xlsx(path: Path) -> None:
    summary_workbook().save(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 5, start + min(info.compress_size, 60)):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


BAD_INPUTS: dict[str, Callable[[Path], None]] = {
    "zip_bomb.zip": zip_bomb,
    "too_deep.zip": nested_zips(5),
    "truncated.xlsx": truncated_xlsx,
    "empty.xlsx": lambda path: path.write_bytes(b""),
    "encrypted.xlsx": encrypted_xlsx,
    "entity_bomb.xlsx": entity_bomb_xlsx,
    "corrupt_member.xlsx": corrupt_member_xlsx,
    "random.bin": lambda path: path.write_bytes(bytes(range(256)) * 8),
}
