"""Optional content: which layers a viewer shows, by /BaseState, /ON, /OFF, OCMD policies and /VE."""

from __future__ import annotations

import pikepdf
import pytest

from foidesk.core.release_check.pdf_layers import Layers


def _document(
    base_state: str = "/ON", on: tuple[int, ...] = (), off: tuple[int, ...] = ()
) -> tuple[pikepdf.Pdf, list[pikepdf.Object]]:
    pdf = pikepdf.new()
    groups = [
        pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String(n))) for n in "ABC"
    ]
    config = pikepdf.Dictionary(
        BaseState=pikepdf.Name(base_state),
        ON=pikepdf.Array([groups[i] for i in on]),
        OFF=pikepdf.Array([groups[i] for i in off]),
    )
    pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=pikepdf.Array(groups), D=config)
    return pdf, groups


def test_groups_are_on_unless_switched_off() -> None:
    pdf, (a, b, c) = _document(off=(1,))
    layers = Layers(pdf.Root)
    assert [layers.visible(g) for g in (a, b, c)] == [True, False, True]
    assert layers.any_off


def test_base_state_off_turns_off_every_group_not_listed_on() -> None:
    pdf, (a, b, c) = _document("/OFF", on=(2,))
    layers = Layers(pdf.Root)
    assert [layers.visible(g) for g in (a, b, c)] == [False, False, True]


def test_a_file_without_layers_shows_everything() -> None:
    with pikepdf.new() as pdf:
        layers = Layers(pdf.Root)
        assert not layers.any_off
        assert layers.visible(pikepdf.Dictionary(Type=pikepdf.Name.OCG))


@pytest.mark.parametrize(
    ("policy", "expected"), [("/AnyOn", True), ("/AllOn", False), ("/AnyOff", True), ("/AllOff", False)]
)
def test_membership_policies(policy: str, expected: bool) -> None:
    pdf, (a, b, _) = _document(off=(1,))
    ocmd = pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=pikepdf.Array([a, b]), P=pikepdf.Name(policy))
    assert Layers(pdf.Root).visible(ocmd) is expected


def test_visibility_expressions_override_the_policy() -> None:
    pdf, (a, b, c) = _document(off=(1,))
    layers = Layers(pdf.Root)
    not_a = pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=a, VE=pikepdf.Array([pikepdf.Name.Not, a]))
    assert layers.visible(not_a) is False
    either = pikepdf.Array([pikepdf.Name.Or, b, pikepdf.Array([pikepdf.Name.And, a, c])])
    assert layers.visible(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, VE=either)) is True
    both = pikepdf.Array([pikepdf.Name.And, a, b])
    assert layers.visible(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, VE=both)) is False


def test_an_expression_nested_without_end_is_cut_short() -> None:
    pdf, (a, _, _) = _document()
    expression: object = a
    for _ in range(200):
        expression = pikepdf.Array([pikepdf.Name.Not, expression])
    layers = Layers(pdf.Root)
    assert layers.visible(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, VE=expression)) in (True, False)
