"""Text cut off by its cell: lower bounds of its width, the row's height, the neighbours, the alignment."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foidesk.core.release_check.xlsx_clipping import (
    NARROW_WIDTH,
    OTHER_WIDTH,
    PLAIN_LOOK,
    CellLook,
    Cut,
    StringExtents,
    clipped,
    line_width,
    longest_fitting,
    text_extent,
)


def _clipped(
    text: str, look: CellLook = PLAIN_LOOK, width: float = 10, height: float | None = None, **sides: bool
) -> Cut:
    return clipped(
        text_extent(text),
        look,
        width,
        height,
        left_filled=sides.get("left", False),
        right_filled=sides.get("right", True),
        merged=sides.get("merged", False),
    )


@given(st.text(max_size=40))
def test_a_lines_width_lies_between_the_narrowest_and_widest_bounds(line: str) -> None:
    assert len(line) * NARROW_WIDTH - 1e-9 <= line_width(line) <= len(line) * OTHER_WIDTH + 1e-9


@given(st.text(max_size=40), st.floats(min_value=1, max_value=255))
def test_a_text_no_longer_than_longest_fitting_always_fits(text: str, width: float) -> None:
    if len(text) <= longest_fitting(width):
        assert text_extent(text).one_line <= width + 1e-9


def test_line_breaks_split_lines() -> None:
    assert len(text_extent("a\r\nb\rc\nd").lines) == 4


def test_text_wider_than_its_column_beside_a_filled_cell_is_clipped() -> None:
    assert _clipped("SECRET-6B40-6645", width=1.3)
    assert _clipped("Withheld" + " " * 200 + "SECRET", width=30)


def test_text_that_fits_or_runs_over_an_empty_neighbour_is_not_clipped() -> None:
    assert not _clipped("Fits", width=8)
    assert not _clipped("Runs on over the empty cells beside it", width=3, right=False)
    # just inside: "0000000000" is at most 6 "0"s wide by the lower bound, in a column 6 wide
    assert not _clipped("Mmmmmmmmmm", width=6)
    assert _clipped("Mmmmmmmmmmm", width=6)


@pytest.mark.parametrize(
    ("horizontal", "left", "right", "cut"),
    [
        ("right", True, False, True),
        ("right", False, True, False),
        ("center", False, True, True),
        ("center", True, False, True),
        ("center", False, False, False),
        ("fill", False, False, True),
        ("general", True, False, False),
    ],
)
def test_the_side_text_runs_over_depends_on_its_alignment(
    horizontal: str, left: bool, right: bool, cut: bool
) -> None:
    look = CellLook(horizontal=horizontal)
    assert bool(_clipped("A long line of text", look, width=4, left=left, right=right)) is cut


def test_a_merged_cell_never_runs_over() -> None:
    assert _clipped("A long line of text", width=4, right=False, merged=True)


def test_an_indent_pushes_text_out_of_its_cell() -> None:
    assert _clipped("SECRET", CellLook(indent=250), width=30)
    assert not _clipped("Indented", CellLook(indent=1), width=12)


def test_wrapped_text_is_cut_by_a_fixed_row_height_only() -> None:
    wrapped = CellLook(wrap=True)
    assert _clipped("Closed\n\n\n\n\nSECRET", wrapped, width=30, height=15)
    assert not _clipped("Closed\n\n\n\n\nSECRET", wrapped, width=30, height=None)  # the row grows
    assert not _clipped("Closed\n\n\n\n\nSECRET", wrapped, width=30, height=6 * 11)
    long_line = "word " * 40  # at least 80 "0"s wide: 3 lines in a column 30 wide
    assert _clipped(long_line, wrapped, width=30, height=30)
    assert not _clipped(long_line, wrapped, width=30, height=45)
    assert _clipped("one\ntwo", CellLook(horizontal="justify"), width=30, height=15)


def test_a_bigger_font_needs_more_room() -> None:
    assert not _clipped("SECRET-BIG", width=7)
    assert _clipped("SECRET-BIG", CellLook(points=40), width=7)


def test_shrunk_text_is_clipped_only_when_too_small_to_read() -> None:
    shrink = CellLook(shrink=True)
    assert not _clipped("Shrunk to fit", shrink, width=5)
    assert _clipped("SECRET " * 40, shrink, width=5)


def test_shared_strings_are_measured_as_they_stream_past() -> None:
    extents = StringExtents()
    batches = list(extents.measure(iter([["short", "a much longer string of text"], ["two\nlines"]])))
    assert batches == [["short", "a much longer string of text"], ["two\nlines"]]
    assert extents.longer_than(5) == {"1"}
    two = extents.of(2)
    assert two is not None and len(two.lines) == 2
    assert extents.of(3) is None


@given(st.lists(st.text(max_size=30), max_size=12))
def test_a_batch_measured_at_once_matches_each_string_measured_alone(batch: list[str]) -> None:
    extents = StringExtents()
    list(extents.measure(iter([batch, batch])))
    for index, text in enumerate(batch + batch):
        alone, measured = text_extent(text), extents.of(index)
        assert measured is not None
        assert measured.one_line == pytest.approx(alone.one_line)
        assert measured.padded is alone.padded
        assert len(measured.lines) == len(alone.lines) or len(alone.lines) == 1


def test_a_big_workbook_judges_only_cuts_a_reader_has_no_cue_for() -> None:
    ordinary = "District A Response"
    assert _clipped(ordinary, width=8.43)
    assert not clipped(
        text_extent(ordinary), PLAIN_LOOK, 8.43, None, left_filled=False, right_filled=True, thorough=False
    )
    for text, look, width in (
        ("Withheld" + " " * 8 + "SECRET", PLAIN_LOOK, 8.43),
        ("SECRET", PLAIN_LOOK, 2.5),
        ("SECRET", CellLook(indent=30), 8.43),
    ):
        assert clipped(
            text_extent(text), look, width, None, left_filled=False, right_filled=True, thorough=False
        )


def test_ordinary_overflow_at_a_filled_neighbour_is_plain_and_hiding_is_not() -> None:
    """A long label in a readable column, cut where the next cell starts, is seen to stop there (a warning);
    a column too narrow to read, padding, or an indent hide text with no cue (a block)."""
    assert _clipped("Questions about these figures", width=8.43).plain
    assert not _clipped("SECRET-6B40-6645", width=1.3).plain
    assert not _clipped("Withheld" + " " * 200 + "SECRET", width=30).plain
    assert not _clipped("Indented far", CellLook(indent=250), width=20).plain
