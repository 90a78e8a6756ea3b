"""What a release-gate verdict was reached with, as one digest: the gate's rules (the source of every
module of ``foidesk.core``, which the gate and the personal-data recogniser it uses live in), the
versions of the libraries that read the files, and the limits it ran under (the renderer on or off,
required or not, its size bound and command).

A verdict on some bytes holds for as long as the bytes and this digest stay the same: approving,
sending or publishing a document can then rely on the verdict recorded when it was checked instead of
reading the whole file again in the request. Any change to the rules, a reader library or the limits
gives another digest, and the file is checked again (fail closed: an old verdict is never trusted
under new rules).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path

from foidesk.core.release_check.findings import InspectionLimits

# The distributions whose code reads a file for the gate or renders it (a new version may read a file
# differently, so the verdict is reached again).
READERS = (
    "defusedxml",
    "google-re2",
    "isal",
    "lxml",
    "numpy",
    "odfpy",
    "openpyxl",
    "pikepdf",
    "pillow",
    "pypdfium2",
    "python-docx",
)
_CORE = Path(__file__).resolve().parent.parent


@cache
def _rules_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(_CORE.rglob("*.py")):
        digest.update(path.relative_to(_CORE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for name in READERS:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()


def gate_fingerprint(limits: InspectionLimits) -> str:
    """The digest (64 hex digits) of the gate's rules, its readers' versions and ``limits``."""
    settings = json.dumps(dataclasses.asdict(limits), sort_keys=True)
    return hashlib.sha256(f"{_rules_digest()}\0{settings}".encode()).hexdigest()
