"""ZIP containers within limits, and plain archives checked and copied member by member."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from foidesk.core.release_check import check_file, sanitise_file
from foidesk.core.release_check.archive import ExtractionBudget, ZipContainer, parse_xml
from foidesk.core.release_check.findings import CannotInspect, InspectionLimits
from tests.core.release_check.corpus import CorpusFile, every_byte
from tests.core.release_check.corpus_archives import (
    REFUSED,
    ZIP_FILES,
    Entry,
    assert_caught,
    assert_clean_copy,
    assert_refused,
    zip_file,
)
from tests.core.release_check.corpus_spreadsheets import CSV_HEAD, nested_zips, zip_bomb, zip_of


def test_a_zip_bomb_stops_at_the_ratio_limit_before_anything_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    zip_bomb(path)
    with pytest.raises(CannotInspect, match="ratio"):
        ZipContainer(str(path), InspectionLimits())


def test_the_size_limit_counts_what_the_members_expand_to(tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.csv", b"x" * 5_000)
    with pytest.raises(CannotInspect, match="expands"):
        ZipContainer(str(path), InspectionLimits(max_uncompressed_bytes=4_000))


def test_too_many_members_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(12):
            archive.writestr(f"{n}.csv", "a\n")
    with pytest.raises(CannotInspect, match="members"):
        ZipContainer(str(path), InspectionLimits(max_archive_members=10))


def test_the_budget_spans_nested_archives() -> None:
    budget = ExtractionBudget(InspectionLimits(max_uncompressed_bytes=100))
    budget.spend(60)
    with pytest.raises(CannotInspect):
        budget.spend(60)


def test_archives_nested_beyond_the_depth_limit_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "deep.zip"
    nested_zips(5)(path)
    report = check_file(str(path))
    assert [f.code for f in report.findings] == ["file.cannot_inspect"]
    shallow = tmp_path / "shallow.zip"
    nested_zips(2)(shallow)
    assert check_file(str(shallow)).clean


def test_a_member_that_escapes_its_folder_is_blocked(tmp_path: Path) -> None:
    path = tmp_path / "escape.zip"
    zip_of({"../../etc/data.csv": CSV_HEAD.encode()})(path)
    codes = {f.code for f in check_file(str(path)).findings}
    assert "zip.unsafe_path" in codes


def test_findings_inside_an_archive_name_the_member(tmp_path: Path) -> None:
    path = tmp_path / "answer.zip"
    zip_of({"tables/data.csv": (CSV_HEAD + "=1+1,2\r\n").encode()})(path)
    finding = next(f for f in check_file(str(path)).findings if f.code == "csv.formula_injection")
    assert finding.where.startswith("tables/data.csv > ")


def test_a_sanitised_archive_has_no_comment_no_system_files_and_fixed_times(tmp_path: Path) -> None:
    path = tmp_path / "answer.zip"
    zip_of({"data.csv": CSV_HEAD.encode(), ".DS_Store": b"SECRET-FINDER"}, comment=b"SECRET-NOTE")(path)
    copy = tmp_path / "copy.zip"
    assert sanitise_file(str(path), str(copy)).clean
    with zipfile.ZipFile(copy) as archive:
        assert archive.namelist() == ["data.csv"]
        assert archive.comment == b""
        assert archive.getinfo("data.csv").date_time == (1980, 1, 1, 0, 0, 0)
    assert b"SECRET" not in every_byte(copy)


def test_xml_with_entities_is_refused() -> None:
    with pytest.raises(CannotInspect, match="DTD"):
        parse_xml(b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>', "part.xml")


# ------------------------------------------------------------------ inflating members


def _deflated(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_chunks_of_a_deflated_member_are_its_bytes_in_bounded_pieces(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    data = b"".join(b'<row r="%d"><c><v>%d</v></c></row>' % (n, n * n) for n in range(200_000))
    _deflated(path, {"big.xml": data, "small.xml": b"<a/>"})
    with ZipContainer(str(path), InspectionLimits()) as box:
        for prefetch in (False, True):
            chunks = list(box.chunks("big.xml", size=65_536, prefetch=prefetch))
            assert b"".join(chunks) == data
            assert max(len(chunk) for chunk in chunks) <= 65_536
        assert list(box.chunks("small.xml")) == [b"<a/>"]


def _damage(path: Path, at: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[at] ^= 0xFF
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("prefetch", [False, True])
def test_damaged_compressed_data_cannot_be_inspected(tmp_path: Path, prefetch: bool) -> None:
    path = tmp_path / "a.zip"
    _deflated(path, {"big.xml": bytes(range(256)) * 4_000})
    _damage(path, 30 + len("big.xml") + 200)  # inside the compressed data of the only member
    with ZipContainer(str(path), InspectionLimits()) as box, pytest.raises(CannotInspect, match=r"big\.xml"):
        b"".join(box.chunks("big.xml", prefetch=prefetch))


def test_a_member_whose_local_header_names_another_file_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    _deflated(path, {"big.xml": b"<a/>" * 1_000})
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"big.xml", b"bad.xml", 1))  # the local header comes first
    with ZipContainer(str(path), InspectionLimits()) as box, pytest.raises(CannotInspect, match="name"):
        list(box.chunks("big.xml"))


def test_leaving_a_prefetched_member_early_stops_its_thread(tmp_path: Path) -> None:
    import random
    import threading

    path = tmp_path / "a.zip"
    _deflated(path, {"big.xml": random.Random(8).randbytes(4_000_000)})
    with ZipContainer(str(path), InspectionLimits()) as box:
        chunks = box.chunks("big.xml", size=1_024, prefetch=True)
        assert len(next(chunks)) == 1_024
        chunks.close()  # type: ignore[attr-defined]
    assert not [thread for thread in threading.enumerate() if thread.name == "inflate"]


# ---------------------------------------------------------------- the archive corpus


@pytest.mark.parametrize("entry", ZIP_FILES, ids=lambda e: e.name)
def test_archive_corpus_is_caught_or_passes(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert_caught(entry, path)


@pytest.mark.parametrize("entry", [e for e in ZIP_FILES if not e.is_clean], ids=lambda e: e.name)
def test_archive_corpus_copies_are_rebuilt_clean(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert_clean_copy(entry, path, tmp_path / f"copy-{entry.name}")


@pytest.mark.parametrize("entry", [e for e in REFUSED if e.name.startswith("zip_")], ids=lambda e: e.name)
def test_archives_that_cannot_be_read_are_blocked_and_not_copied(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert_caught(entry, path)
    assert_refused(path, tmp_path / f"copy-{entry.name}")


def test_every_duplicate_is_checked_not_only_the_last(tmp_path: Path) -> None:
    path = tmp_path / "dup.zip"
    zip_file([Entry("data.csv", CSV_HEAD.encode() + b"=1+1,2\r\n"), Entry("data.csv")])(path)
    codes = {f.code for f in check_file(str(path)).findings}
    assert {"zip.duplicate_name", "csv.formula_injection"} <= codes


def test_a_copy_keeps_only_the_last_of_duplicates(tmp_path: Path) -> None:
    path, copy = tmp_path / "dup.zip", tmp_path / "copy.zip"
    zip_file(
        [
            Entry("Data.csv", (CSV_HEAD + "Shadowed,SHADOW-1\r\n").encode()),
            Entry("data.csv"),
            Entry("other.csv"),
        ]
    )(path)
    sanitise_file(str(path), str(copy))
    with zipfile.ZipFile(copy) as archive:
        assert sorted(archive.namelist()) == ["data.csv", "other.csv"]
        assert b"SHADOW-1" not in archive.read("data.csv")


def test_names_that_differ_after_normalising_are_not_duplicates_and_are_both_kept(tmp_path: Path) -> None:
    # Just inside the rule: "data-1.csv" and "data.csv" are two files on every system.
    path, copy = tmp_path / "two.zip", tmp_path / "copy.zip"
    zip_file([Entry("data-1.csv", (CSV_HEAD + "Kept,KEPT-1\r\n").encode()), Entry("data.csv")])(path)
    assert "zip.duplicate_name" not in {f.code for f in check_file(str(path)).findings}
    sanitise_file(str(path), str(copy))
    with zipfile.ZipFile(copy) as archive:
        assert sorted(archive.namelist()) == ["data-1.csv", "data.csv"]


def test_a_folder_zipfile_wrote_as_an_empty_deflate_stream_holds_nothing(tmp_path: Path) -> None:
    import zipfile as zf

    from foidesk.core.release_check import check_file

    path = tmp_path / "folders.zip"
    with zf.ZipFile(path, "w", zf.ZIP_DEFLATED) as archive:
        archive.writestr("answers/", b"")
        archive.writestr("answers/readme.txt", b"The figures are in the spreadsheet.")
    with zf.ZipFile(path) as archive:
        assert archive.getinfo("answers/").compress_size == 2  # what zipfile writes today
    assert "zip.folder_with_data" not in {f.code for f in check_file(str(path)).findings}
