"""The clean copy's own parts: its string table and its background writer."""

from __future__ import annotations

import io
import zipfile

import pytest

from foidesk.core.release_check.findings import CannotSanitise
from foidesk.core.release_check.xlsx_copy import FreshStrings, _BackgroundWriter
from tests.core.release_check.corpus_spreadsheets import plain_row


def test_copied_rows_mark_the_strings_they_show_and_the_rest_are_blanked() -> None:
    fresh = FreshStrings(4)
    assert fresh.keep_all((plain_row(1, 2, 10) + plain_row(2, 0, 11)).encode())
    added = fresh.add("made by the copy")
    assert added == 4
    texts = [text for batch in fresh.texts(iter([["a", "b"], ["c", "d"]])) for text in batch]
    assert texts == ["a", "", "c", "", "made by the copy"]


def test_an_index_read_in_a_way_the_byte_path_does_not_know_sends_the_rows_to_be_rebuilt() -> None:
    fresh = FreshStrings(4)
    odd = b'<row r="1"><c r="A1" t="s"/></row>'  # a string cell without a value
    assert not fresh.keep_all(odd)
    assert not fresh.used.any()


def test_an_index_beyond_the_table_cannot_be_copied() -> None:
    fresh = FreshStrings(2)
    with pytest.raises(CannotSanitise):
        fresh.keep_all(plain_row(1, 7, 1).encode())
    with pytest.raises(CannotSanitise):
        fresh.keep(2)


def test_a_table_that_changes_between_readings_is_refused() -> None:
    fresh = FreshStrings(3)
    with pytest.raises(CannotSanitise):
        list(fresh.texts(iter([["a", "b"]])))


def test_a_string_with_hidden_runs_shows_only_its_other_runs_on_a_white_cell() -> None:
    fresh = FreshStrings(2, faint={1: "Total "}, white=frozenset({0}))
    assert fresh.show(1, None) == 2  # a new string: "Total "
    assert fresh.show(1, "5") == 1  # format 5 has a dark fill: the runs are seen there
    texts = [text for batch in fresh.texts(iter([["x", "Total SECRET"]])) for text in batch]
    assert texts == ["", "Total SECRET", "Total "]


def test_the_background_writer_writes_in_order_and_raises_what_fails() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("a.xml", "w") as member, _BackgroundWriter(member) as sink:
            for n in range(200):
                sink.write(b'<row r="%d"/>' % n)
        assert archive.read("a.xml") == b"".join(b'<row r="%d"/>' % n for n in range(200))

    class Broken(io.RawIOBase):
        def write(self, data: object) -> int:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"), _BackgroundWriter(Broken()) as sink:  # type: ignore[arg-type]
        for _ in range(50):
            sink.write(b"x" * 1_000)
