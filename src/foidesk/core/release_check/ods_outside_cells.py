"""Text an OpenDocument spreadsheet keeps outside its cells: validation messages, variables, forms.

A content validation's help and error messages show only when a cell is chosen or a wrong value is
typed; a user field holds a value no cell need show; a form's controls hold values and labels of their
own. The copy keeps none of them; the check blocks each (issue 14, "ODF": form values, conditional
text, hidden variables).
"""

from __future__ import annotations

from lxml import etree

from foidesk.core.release_check.findings import Finding, Severity
from foidesk.core.release_check.ods_styles import TABLE, TEXT

FORM = "urn:oasis:names:tc:opendocument:xmlns:form:1.0"
OTHER_TEXT = frozenset(
    {
        f"{{{TABLE}}}content-validation",
        f"{{{TEXT}}}user-field-decl",
        f"{{{TEXT}}}variable-set",
        f"{{{FORM}}}form",
    }
)
LIST_CONDITION = "cell-content-is-in-list"


def other_text_findings(element: etree._Element) -> list[Finding]:
    """Findings for one element of ``OTHER_TEXT`` that carries text of its own."""
    local = etree.QName(element).localname
    name = element.get(f"{{{TABLE}}}name") or element.get(f"{{{TEXT}}}name") or local
    if local == "content-validation":
        return _validation_findings(element, name)
    if local in ("user-field-decl", "variable-set"):
        return [
            Finding(
                "ods.hidden_variable",
                Severity.BLOCK,
                name,
                "A variable (user field) holds a value of its own that no cell need show.",
            )
        ]
    if any(isinstance(child.tag, str) for child in element):
        return [
            Finding(
                "ods.form",
                Severity.BLOCK,
                name,
                "A form holds controls with values and labels of their own.",
            )
        ]
    return []


def _validation_findings(element: etree._Element, name: str) -> list[Finding]:
    findings: list[Finding] = []
    messages = element.iterfind(f"{{{TABLE}}}help-message"), element.iterfind(f"{{{TABLE}}}error-message")
    if any(
        "".join(str(piece) for piece in message.itertext()).strip() or message.get(f"{{{TABLE}}}title")
        for group in messages
        for message in group
    ):
        findings.append(
            Finding(
                "ods.validation_message",
                Severity.BLOCK,
                name,
                "A validation's help or error message holds text a reader sees only on some clicks.",
            )
        )
    if LIST_CONDITION in (element.get(f"{{{TABLE}}}condition") or "") and '"' in (
        element.get(f"{{{TABLE}}}condition") or ""
    ):
        findings.append(
            Finding("ods.validation_list", Severity.WARN, name, "A drop-down list holds values of its own.")
        )
    return findings
