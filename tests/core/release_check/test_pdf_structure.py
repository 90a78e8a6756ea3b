"""The object graph beside the pages: allowlisted catalogue and page entries, hidden text in the
structure tree, associated files, widgets, link appearances, object XMP and undrawn forms."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from foidesk.core.release_check.findings import InspectionLimits, Severity
from foidesk.core.release_check.pdf import inspect_pdf
from foidesk.core.release_check.pdf_structure import CATALOGUE_KEYS, graph_findings
from tests.core.release_check.corpus_pdf import _text, make_pdf

LIMITS = InspectionLimits()


def _findings(tmp_path: Path, setup: object, content: str = "") -> dict[str, Severity]:
    path = tmp_path / "page.pdf"
    make_pdf(path, content, setup)  # type: ignore[arg-type]
    return {f.code: f.severity for f in inspect_pdf(str(path), LIMITS)}


def test_a_plain_page_has_nothing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    make_pdf(path, "")
    with pikepdf.open(path) as pdf:
        assert graph_findings(pdf, set()) == []


@pytest.mark.parametrize("key", ["/Lang", "/MarkInfo", "/ViewerPreferences", "/Outlines", "/PageLabels"])
def test_ordinary_catalogue_entries_are_known(key: str) -> None:
    assert key in CATALOGUE_KEYS


def test_an_unknown_catalogue_entry_is_unaccounted_even_if_it_is_not_a_stream(tmp_path: Path) -> None:
    def setup(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        pdf.Root["/Notes"] = pikepdf.String("text")

    assert _findings(tmp_path, setup) == {"pdf.unaccounted": Severity.BLOCK}


def test_a_valid_language_tag_passes_and_a_sentence_does_not(tmp_path: Path) -> None:
    def tag(value: str) -> object:
        def setup(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
            pdf.Root.Lang = pikepdf.String(value)

        return setup

    assert _findings(tmp_path, tag("en-GB")) == {}
    assert _findings(tmp_path, tag("en GB officer")) == {"pdf.unaccounted": Severity.BLOCK}


def test_hidden_structure_text_blocks_even_a_figure_description(tmp_path: Path) -> None:
    def tree(elements: list[tuple[str, str, str]]) -> object:
        def setup(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
            kids = []
            for kind, key, text in elements:
                element = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name(kind))
                element[key] = pikepdf.String(text)
                kids.append(pdf.make_indirect(element))
            root = pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array(kids))
            pdf.Root.StructTreeRoot = pdf.make_indirect(root)

        return setup

    assert _findings(tmp_path, tree([("/Figure", "/Alt", "A bar chart")])) == {
        "pdf.alternate_text": Severity.BLOCK
    }
    assert _findings(tmp_path, tree([("/P", "/Alt", "hidden")])) == {"pdf.alternate_text": Severity.BLOCK}
    assert _findings(tmp_path, tree([("/Figure", "/E", "expansion")])) == {
        "pdf.alternate_text": Severity.BLOCK
    }


def test_a_cycle_in_the_structure_tree_ends(tmp_path: Path) -> None:
    def setup(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        element = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P))
        element.K = pikepdf.Array([element])
        pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(K=element))

    assert _findings(tmp_path, setup) == {}


def test_a_form_drawn_inside_a_drawn_form_is_drawn_but_one_listed_there_and_not_drawn_is_not(
    tmp_path: Path,
) -> None:
    def forms(inner_drawn: bool) -> object:
        def setup(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
            inner = pdf.make_stream(_text(0, 0, "inner").encode())
            inner.Type, inner.Subtype, inner.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 200, 50]
            inner.Resources = pikepdf.Dictionary(Font=page.Resources.Font)
            outer = pdf.make_stream(b"/In Do" if inner_drawn else b"")
            outer.Type, outer.Subtype, outer.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 400, 100]
            outer.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(In=inner))
            page.Resources.XObject = pikepdf.Dictionary(Out=outer)

        return setup

    assert _findings(tmp_path, forms(True), "q 1 0 0 1 72 600 cm /Out Do Q") == {}
    assert _findings(tmp_path, forms(False), "q 1 0 0 1 72 600 cm /Out Do Q") == {
        "pdf.unused_objects": Severity.BLOCK
    }


def test_a_link_without_an_appearance_is_clean_and_a_file_spec_with_ef_anywhere_is_an_attachment(
    tmp_path: Path,
) -> None:
    def setup(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        data = pdf.make_stream(b"attached")
        spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, EF=pikepdf.Dictionary(F=data))
        link = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=[0, 0, 10, 10],
            A=pikepdf.Dictionary(S=pikepdf.Name.GoTo, D=pikepdf.Array([page.obj, pikepdf.Name.Fit])),
        )
        page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))
        page.obj.PieceInfo = pikepdf.Dictionary(App=pikepdf.Dictionary(Private=pdf.make_indirect(spec)))

    codes = _findings(tmp_path, setup)
    assert codes == {"pdf.attachments": Severity.BLOCK, "pdf.private_data": Severity.BLOCK}
