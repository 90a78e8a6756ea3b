"""An image's ICC colour profile accounted for: standard tags only, text that only names a profile.

A colour profile says how to show colours and is carried by most photographs and screenshots, so a
profile alone is never a finding. But a profile is a container too: its description, copyright and
device tags are free text, private tags hold anything, and bytes between tags are read by nobody.
The rule: every tag is a standard ICC.1 tag; every byte of the profile belongs to the header, the tag
table or a tag; and every piece of text in a text tag is made of the words profiles are described
with ("sRGB IEC61966-2.1", "Copyright International Color Consortium, 2009", "Display P3",
"Adobe RGB (1998)", "No copyright, use freely"). Anything else is ``image.unaccounted``. A profile
named after a particular monitor ("DELL U2720Q") is blocked too: the clean copy converts the pixels
to sRGB and carries LittleCMS's own sRGB profile instead, whatever the original carried.
"""

from __future__ import annotations

import re
import struct

from foidesk.core.release_check.findings import Finding, Severity

HEADER_BYTES = 128
PROFILE_SIGNATURE = b"acsp"
MAX_TAGS = 100
TAG_ALIGNMENT = 4  # tag data starts on 4-byte boundaries: up to 3 padding bytes between tags
# ICC.1:2022 clause 9 and ICC.1:2001-04 (v2) tag signatures.
STANDARD_TAGS = frozenset(
    tag.encode("ascii")
    for tag in (
        "ascii", "A2B0", "A2B1", "A2B2", "A2B3", "A2M0", "B2A0", "B2A1", "B2A2", "B2A3", "B2D0",
        "B2D1", "B2D2", "B2D3", "D2B0", "D2B1", "D2B2", "D2B3", "bXYZ", "bTRC", "bkpt", "calt",
        "chad", "chrm", "cicp", "clro", "clrt", "clot", "ciis", "cprt", "crdi", "desc", "devs",
        "dmnd", "dmdd", "gamt", "gXYZ", "gTRC", "kTRC", "lumi", "meas", "ncl2", "ncol", "nmcl",
        "pre0", "pre1", "pre2", "pseq", "psid", "psd0", "psd1", "psd2", "psd3", "ps2s", "ps2i",
        "resp", "rig0", "rig2", "rXYZ", "rTRC", "scrd", "scrn", "targ", "tech", "bfd ", "vcgt",
        "view", "vued", "wtpt",
    )
)  # fmt: skip
TEXT_TAGS = frozenset({b"desc", b"cprt", b"dmnd", b"dmdd", b"vued", b"scrd", b"targ"})
TEXT_TYPES = frozenset({b"desc", b"mluc", b"text"})
# Tags that hold one fixed-size value: a larger tag carries bytes no colour engine reads.
ONE_VALUE_TAGS = {b"wtpt": 20, b"bkpt": 20, b"rXYZ": 20, b"gXYZ": 20, b"bXYZ": 20, b"lumi": 20, b"chad": 44}
PARAMETRIC_CURVE_BYTES = {0: 16, 1: 24, 2: 28, 3: 32, 4: 40}  # 'para' by function type (ICC.1 10.18)
PADDING_BYTES = 3
# The words profile descriptions and copyright notices are made of, lower case. Short numbers are allowed
# as well; nothing else is.
PROFILE_WORDS = frozenset(
    (
        "srgb", "rgb", "iec61966-2.1", "iec61966-2-1", "iec", "61966-2.1", "61966-2-1", "built-in",
        "builtin", "default", "colour", "color", "space", "profile", "profiles", "no", "copyright",
        "use", "freely", "public", "domain", "international", "consortium", "icc", "inc",
        "corporation", "corp", "company", "co", "ltd", "limited", "apple", "adobe", "systems",
        "incorporated", "microsoft", "hewlett-packard", "hp", "google", "facebook", "lcms",
        "littlecms", "little", "cms", "gimp", "artifex", "software", "kodak", "eastman", "display",
        "p3", "dci-p3", "generic", "gray", "grey", "gamma", "linear", "prophoto", "romm", "rec",
        "itu-r", "bt.709", "bt.2020", "bt709", "bt2020", "rec709", "rec2020", "rec.709",
        "rec.2020", "d50", "d65", "dot", "gain", "coated", "uncoated", "fogra39", "fogra", "swop",
        "gracol", "iso", "v2", "v4", "compatible", "with", "by", "the", "of", "and", "in", "for",
        "all", "rights", "reserved", "reference", "viewing", "condition", "conditions",
        "perceptual", "intent", "version", "sgray", "wide", "gamut", "lab", "xyz", "cie", "elle",
        "stone", "license", "cc0", "creative", "commons", "attribution", "c", "encoding",
        "standard", "cmyk", "eci", "ecirgb", "web", "sheetfed", "euroscale", "japan", "japancolor",
        "a", "an", "is", "on", "to", "this", "unknown", "none", "http://www.iec.ch", "www.iec.ch",
        "u.s", "srgb2014", "preference", "beta", "generated", "photoshop",
        "c2", "fb", "http", "https", "skia", "skcms", "lcd", "retina", "imac", "macbook", "pro", "air",
        "studio", "xdr",
    )
)  # fmt: skip
NUMBER = re.compile(r"[\d.,%/()-]{1,8}")  # years, versions, standard numbers ("12647-2")
LANGUAGE_CODE = re.compile(r"[a-z]{2}[A-Z]{2}")  # an mluc record's language and country ("enUS")
WORD_SPLIT = re.compile(r"[\s,;:]+")
TEXT_RUN = re.compile(rb"[\x20-\x7e]{3,}")
UTF16_RUN = re.compile(rb"(?:\x00[\x20-\x7e]){3,}")


def _finding(where: str, message: str) -> Finding:
    return Finding("image.unaccounted", Severity.BLOCK, where, message)


def profile_findings(profile: bytes, where: str) -> list[Finding]:
    """Block findings for whatever in the profile is not a standard tag holding a profile's words."""
    if len(profile) < HEADER_BYTES + 4 or profile[36:40] != PROFILE_SIGNATURE:
        return [_finding(where, "The colour profile is not a readable ICC profile.")]
    (declared,) = struct.unpack_from(">I", profile, 0)
    (count,) = struct.unpack_from(">I", profile, HEADER_BYTES)
    table_end = HEADER_BYTES + 4 + 12 * count
    if count > MAX_TAGS or table_end > len(profile) or declared > len(profile):
        return [_finding(where, "The colour profile's tag table runs past its end.")]
    findings: list[Finding] = []
    covered = [(0, table_end)]
    for index in range(count):
        signature, offset, size = struct.unpack_from(">4sII", profile, HEADER_BYTES + 4 + 12 * index)
        name = signature.decode("latin-1")
        if offset < table_end or offset + size > declared:
            return [_finding(where, f"The colour profile's tag {name!r} lies outside the profile.")]
        covered.append((offset, offset + size))
        problem = _tag_problem(signature, profile[offset : offset + size])
        if problem is not None:
            findings.append(_finding(f"{where}, tag {name!r}", problem))
    hidden = _uncovered(covered, declared) + (len(profile) - declared)
    if hidden:
        findings.append(_finding(where, f"{hidden} bytes of the colour profile belong to no tag."))
    return findings


def is_accounted(profile: bytes) -> bool:
    """The profile holds standard tags and a profile's words only."""
    return not profile_findings(profile, "ICC profile")


def _tag_problem(signature: bytes, data: bytes) -> str | None:
    if signature not in STANDARD_TAGS:
        return "A private tag of unknown content is in the colour profile."
    needed = _needed_bytes(signature, data)
    if needed is not None and not needed <= len(data) <= needed + PADDING_BYTES:
        return f"The tag holds {len(data)} bytes where its value needs {needed}."
    kind = data[:4]
    if signature in TEXT_TAGS and kind not in TEXT_TYPES:
        return f"A text tag holds data of type {kind.decode('latin-1')!r}."
    if kind in TEXT_TYPES or signature in TEXT_TAGS:
        strange = [text for text in _texts(data[4:]) if not profile_words(text)]
        if strange:
            return "The colour profile carries text that does not describe a profile."
    return None


def _needed_bytes(signature: bytes, data: bytes) -> int | None:
    """The size a fixed-shape tag's value needs: one XYZ or matrix, a curve's table, a parametric
    curve's parameters; None for tags whose size their content decides (text, look-up tables)."""
    if signature in ONE_VALUE_TAGS:
        return ONE_VALUE_TAGS[signature]
    kind = data[:4]
    if kind == b"curv" and len(data) >= 12:
        return 12 + 2 * int(struct.unpack_from(">I", data, 8)[0])
    if kind == b"para" and len(data) >= 10:
        return PARAMETRIC_CURVE_BYTES.get(int(struct.unpack_from(">H", data, 8)[0]), len(data))
    return None


def _texts(data: bytes) -> list[str]:
    """Every run of readable text in a tag's data: ASCII and UTF-16 (big-endian, as ICC stores it)."""
    runs = [match.group().decode("ascii") for match in TEXT_RUN.finditer(data)]
    runs = [run for run in runs if not LANGUAGE_CODE.fullmatch(run)]
    runs += [match.group()[1::2].decode("ascii") for match in UTF16_RUN.finditer(data)]
    return runs


def profile_words(text: str) -> bool:
    """Every word of ``text`` is a word profiles are described with, or a short number."""
    for word in WORD_SPLIT.split(text.strip().lower()):
        bare = word.strip("().,-/'\"©")
        if bare and bare not in PROFILE_WORDS and not NUMBER.fullmatch(bare):
            return False
    return True


def _uncovered(ranges: list[tuple[int, int]], end: int) -> int:
    """Bytes before ``end`` in no range, beyond the padding that aligns each tag."""
    hidden = 0
    at = 0
    for start, stop in sorted(ranges):
        gap = start - at
        if gap >= TAG_ALIGNMENT:
            hidden += gap
        at = max(at, stop)
    tail = end - at
    return hidden + (tail if tail >= TAG_ALIGNMENT else 0)
