"""The release gate: every file that leaves FOI Desk is checked, and can be replaced by a clean copy.

``check_file`` reports what a reader of the file would not see or should not get; ``sanitise_file``
writes a copy that keeps what a reader sees and nothing else, and proves it by checking the copy.
The format is judged by content, never by name; a file that cannot be read is a ``block`` finding
``file.cannot_inspect`` and never a pass (ICO, "How to disclose information safely").
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from foidesk.core.release_check import (
    archive,
    csv_files,
    documents,
    images,
    ods,
    pdf,
    pdf_copy,
    rendering,
    spreadsheets,
    xlsx_copy,
)
from foidesk.core.release_check.findings import (
    CannotInspect,
    CannotSanitise,
    Finding,
    InspectionLimits,
    Inspector,
    Sanitiser,
    Severity,
)
from foidesk.core.release_check.formats import (
    IMAGE_FORMATS,
    UNSUPPORTED_REASONS,
    FileFormat,
    detect_format,
    expected_formats,
    unsupported_reason,
)

__all__ = [
    "CannotInspect",
    "CannotSanitise",
    "FileFormat",
    "FileReport",
    "Finding",
    "InspectionLimits",
    "Severity",
    "check_file",
    "detect_format",
    "sanitise_file",
]

CANNOT_INSPECT = "file.cannot_inspect"
UNSUPPORTED_FORMAT = "file.unsupported_format"
EXTENSION_MISMATCH = "file.extension_mismatch"

INSPECTORS: dict[FileFormat, Inspector] = {
    FileFormat.XLSX: spreadsheets.inspect_xlsx,
    FileFormat.XLSM: spreadsheets.inspect_xlsx,
    FileFormat.ODS: ods.inspect_ods,
    FileFormat.CSV: csv_files.inspect_csv,
    FileFormat.DOCX: documents.inspect_docx,
    FileFormat.ODT: documents.inspect_odt,
    FileFormat.PDF: pdf.inspect_pdf,
    **dict.fromkeys(IMAGE_FORMATS, images.inspect_image),
}
SANITISERS: dict[FileFormat, Sanitiser] = {
    FileFormat.XLSX: xlsx_copy.sanitise_xlsx,
    FileFormat.XLSM: xlsx_copy.sanitise_xlsx,
    FileFormat.ODS: ods.sanitise_ods,
    FileFormat.CSV: csv_files.sanitise_csv,
    FileFormat.DOCX: documents.sanitise_docx,
    FileFormat.ODT: documents.sanitise_odt,
    FileFormat.PDF: pdf_copy.sanitise_pdf,
    **dict.fromkeys(IMAGE_FORMATS, images.sanitise_image),
}
UNREADABLE_REASONS = {
    FileFormat.EMPTY: "The file is empty (0 bytes).",
    FileFormat.BROKEN_ZIP: "The file is a damaged or truncated ZIP container (XLSX, ODS, DOCX and ZIP are).",
    FileFormat.UNKNOWN: "The file is in a format the gate does not know.",
    FileFormat.ENCRYPTED_OFFICE: "The file is encrypted (password-protected): its content cannot be checked.",
    FileFormat.LEGACY_OFFICE: "The file is in an old binary Office format (.xls, .doc).",
}


@dataclass(frozen=True, slots=True)
class FileReport:
    """The gate's verdict on one file: clean only when there is no finding at all."""

    path: str
    format: FileFormat
    findings: tuple[Finding, ...]

    @property
    def clean(self) -> bool:
        return not self.findings

    @property
    def blocked(self) -> bool:
        return any(finding.severity is Severity.BLOCK for finding in self.findings)

    @property
    def unreadable(self) -> bool:
        return any(finding.code == CANNOT_INSPECT for finding in self.findings)

    def as_dict(self) -> dict[str, object]:
        """The shape of ``foidesk check-release --json`` (DESIGN.md, the command-line contract)."""
        return {"path": self.path, "clean": self.clean, "findings": [f.as_dict() for f in self.findings]}


def check_file(path: str, limits: InspectionLimits | None = None) -> FileReport:
    """Inspect the file at ``path``: its format by content, then everything its format can hide.

    A document, spreadsheet or PDF the main check passes is then rendered (``rendering.py``): text the
    file holds and the rendering does not show is blocked too (a second opinion, ADR 0010).
    """
    limits = limits or InspectionLimits()
    budget = archive.ExtractionBudget(limits)
    file_format, failure = _detect(path)
    if failure is not None:
        return FileReport(path, file_format, (failure,))
    findings = _mismatch(path, file_format) + _inspect(path, file_format, limits, 0, budget)
    return FileReport(path, file_format, tuple(findings))


def _detect(path: str) -> tuple[FileFormat, Finding | None]:
    """The file's format, or a ``file.cannot_inspect`` finding when even that cannot be told.

    Fail closed: whatever goes wrong while sniffing (an encrypted or Deflate64 manifest member, a
    reader's bug on a hostile file) is a block finding, never a traceback and never a pass.
    """
    try:
        return detect_format(path), None
    except OSError as error:
        return FileFormat.UNKNOWN, _cannot_inspect(f"The file cannot be opened: {error}")
    except CannotInspect as error:
        return FileFormat.UNKNOWN, _cannot_inspect(f"The file cannot be read: {error}")
    except RecursionError:
        return FileFormat.UNKNOWN, _cannot_inspect("The file is nested too deeply to read.")
    except Exception as error:  # fail closed: a sniffer's crash on a hostile file blocks, never passes
        return FileFormat.UNKNOWN, _cannot_inspect(
            f"The file's format could not be told ({type(error).__name__}: {error})."
        )


def sanitise_file(source: str, target: str, limits: InspectionLimits | None = None) -> FileReport:
    """Write a clean copy of ``source`` to ``target`` and return the copy's report, which is clean.

    Raises ``CannotSanitise`` (and leaves no ``target``) when no clean copy can be made, including
    when the copy would still not pass the check.
    """
    limits = limits or InspectionLimits()
    budget = archive.ExtractionBudget(limits)
    if os.path.exists(source) and os.path.exists(target) and os.path.samefile(source, target):
        raise CannotSanitise("the clean copy must not overwrite the original")
    try:
        _sanitise(source, target, limits, 0, budget, source)
        report = check_file(target, limits)
    except (CannotSanitise, CannotInspect) as error:
        _remove(target)
        raise CannotSanitise(str(error)) from error
    except Exception as error:  # fail closed: a sanitiser's crash on a hostile file leaves no copy
        _remove(target)
        raise CannotSanitise(f"the file could not be copied ({type(error).__name__}: {error})") from error
    except BaseException:
        _remove(target)
        raise
    if not report.clean:
        _remove(target)
        codes = ", ".join(sorted({finding.code for finding in report.findings}))
        raise CannotSanitise(f"the copy still has findings ({codes}); it was not kept")
    return report


def _inspect(
    path: str, file_format: FileFormat, limits: InspectionLimits, depth: int, budget: archive.ExtractionBudget
) -> list[Finding]:
    if file_format in UNREADABLE_REASONS:
        return [_cannot_inspect(UNREADABLE_REASONS[file_format])]
    reason = unsupported_reason(file_format)
    if reason is not None:
        return [Finding(UNSUPPORTED_FORMAT, Severity.BLOCK, "file", reason)]
    try:
        if file_format is FileFormat.ZIP:
            return archive.inspect_archive(path, limits, depth, budget, _member_inspector(limits, budget))
        findings = INSPECTORS[file_format](path, limits)
        if any(finding.severity is Severity.BLOCK for finding in findings):
            return findings  # the main check explains what is hidden: the second opinion adds nothing
        return rendering.with_second_opinion(findings, path, file_format, limits)
    except CannotInspect as error:
        return [_cannot_inspect(f"The file cannot be read: {error}")]
    except RecursionError:
        return [_cannot_inspect("The file is nested too deeply to read.")]
    except Exception as error:  # fail closed: an inspector's crash on a hostile file blocks, never passes
        return [_cannot_inspect(f"The file could not be read ({type(error).__name__}: {error}).")]


def _member_inspector(limits: InspectionLimits, budget: archive.ExtractionBudget) -> archive.MemberInspector:
    def inspect_member(member_path: str, member_name: str, depth: int) -> list[Finding]:
        file_format, failure = _detect(member_path)
        if failure is not None:
            return [failure]
        return _mismatch(member_name, file_format) + _inspect(member_path, file_format, limits, depth, budget)

    return inspect_member


def _sanitise(
    source: str,
    target: str,
    limits: InspectionLimits,
    depth: int,
    budget: archive.ExtractionBudget,
    name: str,
) -> None:
    try:
        file_format = detect_format(source)
    except OSError as error:
        raise CannotSanitise(f"the file cannot be opened: {error}") from error
    if file_format in UNREADABLE_REASONS:
        raise CannotSanitise(UNREADABLE_REASONS[file_format])
    reason = unsupported_reason(file_format)
    if reason is not None:
        raise CannotSanitise(reason)
    mismatch = _mismatch(name, file_format)
    if mismatch:
        raise CannotSanitise(mismatch[0].message)
    if file_format is FileFormat.ZIP:

        def sanitise_member(member: str, clean: str, level: int) -> None:
            _sanitise(member, clean, limits, level, budget, member)

        archive.sanitise_archive(source, target, limits, depth, budget, sanitise_member)
        return
    SANITISERS[file_format](source, target, limits)


def _mismatch(name: str, file_format: FileFormat) -> list[Finding]:
    """A block finding when the name promises one format and the content is another."""
    expected = expected_formats(name)
    if expected is None or file_format in expected or file_format in UNREADABLE_REASONS:
        return []
    if file_format in UNSUPPORTED_REASONS:  # already blocked, and the copy is refused, for its format
        return []
    promised = os.path.splitext(name)[1].lower()
    return [
        Finding(
            EXTENSION_MISMATCH,
            Severity.BLOCK,
            os.path.basename(name),
            f"The name says {promised} but the content is {file_format.value}: "
            "the reader's program would open something other than what was checked.",
        )
    ]


def _cannot_inspect(message: str) -> Finding:
    return Finding(CANNOT_INSPECT, Severity.BLOCK, "file", message)


def _remove(path: str) -> None:
    if os.path.exists(path):
        os.unlink(path)
