"""The seal on the copy's text layer: it matches the pages it was made for, and nothing else."""

from __future__ import annotations

import zlib

import pikepdf

from foidesk.core.release_check.pdf_seal import SEAL_BYTES, has_trusted_text_layer, text_layer_seal


def _sealed(text: bytes) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Contents = pdf.make_stream(text)
    pdf.trailer.ID = pikepdf.Array([pikepdf.String(text_layer_seal(pdf)), pikepdf.String(b"0" * 16)])
    return pdf


def test_a_sealed_document_is_trusted_and_the_seal_has_the_length_of_an_id() -> None:
    with _sealed(b"BT 3 Tr ET") as pdf:
        assert len(text_layer_seal(pdf)) == SEAL_BYTES
        assert has_trusted_text_layer(pdf)


def test_the_seal_does_not_depend_on_how_numbers_or_streams_are_stored() -> None:
    with _sealed(b"BT 3 Tr ET") as pdf:
        seal = text_layer_seal(pdf)
        pdf.pages[0].MediaBox = pikepdf.Array([0, 0, 595.0, 842.000])
        pdf.pages[0].Contents.write(zlib.compress(b"BT 3 Tr ET"), filter=pikepdf.Name.FlateDecode)
        assert text_layer_seal(pdf) == seal


def test_any_change_to_what_a_page_draws_breaks_the_seal() -> None:
    with _sealed(b"BT 3 Tr ET") as pdf:
        pdf.pages[0].Contents = pdf.make_stream(b"BT 3 Tr (x) Tj ET")
        assert not has_trusted_text_layer(pdf)
    with _sealed(b"BT 3 Tr ET") as pdf:
        pdf.pages[0].Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary())
        assert not has_trusted_text_layer(pdf)


def test_a_document_without_an_id_or_with_a_foreign_one_is_not_trusted() -> None:
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        assert not has_trusted_text_layer(pdf)
        pdf.trailer.ID = pikepdf.Array([pikepdf.String(b"A" * 16), pikepdf.String(b"B" * 16)])
        assert not has_trusted_text_layer(pdf)
