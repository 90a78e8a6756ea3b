"""The seal on the clean copy's text layer: how the check knows its invisible text is the gate's own.

The copy (pdf_copy) keeps each page as a picture with an invisible text layer (render mode 3) of the
glyphs the check proved visible. Invisible text is blocked in every other file, so the copy carries a
keyed digest of its pages as the first half of its /ID; a file whose digest matches was written by the
gate and not changed since.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from decimal import Decimal

import pikepdf

from foidesk.core.release_check.findings import CannotInspect

# The key that seals the copy's text layer: FOIDESK_PDF_SEAL_KEY, which the web settings and the commands
# derive from the deployment's secret (foidesk.deployment_secret), read when first needed; without it,
# one per process (a copy checked by another process is then blocked, as any invisible text is).
_PROCESS_KEY = secrets.token_bytes(32)


def seal_key() -> bytes:
    return os.environ.get("FOIDESK_PDF_SEAL_KEY", "").encode() or _PROCESS_KEY


SEAL_BYTES = 16  # the length of a PDF /ID string as writers make it
MAX_SEAL_DEPTH = 64
UNSEALED_KEYS = frozenset({"/Parent", "/Length", "/Filter", "/DecodeParms"})  # how it is stored, not drawn


def text_layer_seal(pdf: pikepdf.Pdf) -> bytes:
    """A keyed digest of every page as drawn (content, resources, fonts and their ToUnicode maps, the
    page picture). The copy (pdf_copy) stores it as the first half of the file's /ID; a file whose
    digest matches was written by this gate, so its invisible text is the text it proved visible.
    Anyone without the key cannot forge it, so render mode 3 text stays blocked in every other file."""
    digest = hmac.new(seal_key(), b"foidesk-pdf-text-layer-1", hashlib.sha256)
    for page in pdf.pages:
        _feed(page.obj, digest, set(), 0)
    return digest.digest()[:SEAL_BYTES]


def _feed(obj: object, digest: hmac.HMAC, seen: set[tuple[int, int]], depth: int) -> None:
    """A canonical serialisation of an object and all it refers to (but the page tree above it)."""
    if depth > MAX_SEAL_DEPTH:
        raise CannotInspect("the page's objects nest too deeply")
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        if obj.objgen in seen:
            digest.update(b"R%d" % len(seen))
            return
        seen.add(obj.objgen)
    if isinstance(obj, pikepdf.Stream):
        try:
            data = obj.read_bytes()
        except pikepdf.PdfError:  # a JPEG or other picture stored as it is: its stored bytes
            data = b"raw" + obj.read_raw_bytes()
        digest.update(b"S%d:" % len(data) + data)
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Dictionary):
        digest.update(b"<<")
        for key in sorted(set(obj.keys()) - UNSEALED_KEYS):
            digest.update(key.encode() + b" ")
            _feed(obj[key], digest, seen, depth + 1)
        digest.update(b">>")
    elif isinstance(obj, pikepdf.Array):
        digest.update(b"[")
        for item in obj:
            _feed(item, digest, seen, depth + 1)
        digest.update(b"]")
    elif isinstance(obj, int | float | Decimal) and not isinstance(obj, bool):
        digest.update(b"N" + f"{float(obj):.6g}".encode())  # 595, 595.0 and 595.000 are one number
    else:
        text = bytes(obj) if isinstance(obj, pikepdf.String) else repr(obj).encode()
        digest.update(b"%d:" % len(text) + text)


def has_trusted_text_layer(pdf: pikepdf.Pdf) -> bool:
    """Whether the file's /ID opens with the seal of its pages: the gate's own copy, unchanged."""
    ids = pdf.trailer.get("/ID")
    if not isinstance(ids, pikepdf.Array) or len(ids) != 2 or not isinstance(ids[0], pikepdf.String):
        return False
    return hmac.compare_digest(bytes(ids[0]), text_layer_seal(pdf))
