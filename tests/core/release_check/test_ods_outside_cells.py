# ruff: noqa: E501  (ODF XML written out by hand; its lines are data)
"""ODS text outside cells: validation messages, variables and forms block; plain validations pass."""

from __future__ import annotations

from lxml import etree

from foidesk.core.release_check.ods_outside_cells import other_text_findings
from tests.core.release_check.corpus_ods_red import NAMESPACES


def _codes(xml: str) -> list[str]:
    return [finding.code for finding in other_text_findings(etree.fromstring(xml))]


def test_a_validation_with_a_help_message_blocks_and_one_without_passes() -> None:
    help_message = f'<table:content-validation {NAMESPACES} table:name="v"><table:help-message><text:p>Why</text:p></table:help-message></table:content-validation>'
    plain = f'<table:content-validation {NAMESPACES} table:name="v" table:condition="of:cell-content-is-whole-number()"/>'
    assert _codes(help_message) == ["ods.validation_message"] and _codes(plain) == []


def test_a_user_field_blocks() -> None:
    field = f'<text:user-field-decl {NAMESPACES} text:name="x" office:string-value="y"/>'
    assert _codes(field) == ["ods.hidden_variable"]


def test_an_empty_form_passes_and_one_with_controls_blocks() -> None:
    assert _codes(f'<form:form {NAMESPACES} form:name="F"/>') == []
    assert _codes(
        f'<form:form {NAMESPACES} form:name="F"><form:text form:name="T" form:current-value="v"/></form:form>'
    ) == ["ods.form"]
