"""Every byte of a ZIP accounted for: the rules one by one, each with a file just inside and just outside."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from foidesk.core.release_check.zip_layout import (
    duplicate_findings,
    extra_field_problem,
    layout_findings,
    shadowed_entries,
    unsafe_path_reason,
)
from tests.core.release_check.corpus_archives import Entry, extra, raw_zip


def _info(name: str, mode: int = 0o100644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    return info


@pytest.mark.parametrize(
    "name",
    [
        "/etc/x.csv",
        "../x.csv",
        "a\\b.csv",
        "C:/x.csv",
        "x.csv.",
        "x.csv ",
        "a//b.csv",
        "./x.csv",
        "x\u202ecsv",
        "x\tb",
    ],
)
def test_names_that_change_on_extraction_are_unsafe(name: str) -> None:
    assert unsafe_path_reason(_info(name)) is not None


@pytest.mark.parametrize(
    "name", ["x.csv", "answer/x.csv", "answer/", "Données/réponse.csv", "a.b.c.csv", "v1.2/x"]
)
def test_ordinary_names_are_safe(name: str) -> None:
    assert unsafe_path_reason(_info(name)) is None


def test_a_symbolic_link_is_unsafe() -> None:
    assert unsafe_path_reason(_info("x.csv", 0o120777)) == "is a symbolic link"


def test_the_entries_a_later_one_overwrites_are_shadowed() -> None:
    names = ["a.csv", "b.csv", "A.CSV", "./a.csv", "a-1.csv"]
    assert shadowed_entries([_info(n) for n in names]) == {0, 2}


def test_duplicates_are_found_across_case_and_dot_slash() -> None:
    names = ["a.csv", "A.CSV", "b/c.csv", "b/./c.csv", "d.csv", "caf\u00e9.csv", "cafe\u0301.csv"]
    findings = duplicate_findings([_info(n) for n in names])
    assert sorted(f.where for f in findings) == ["a.csv", "b/c.csv", "caf\u00e9.csv"]


@pytest.mark.parametrize(
    "block",
    [
        extra(0x5455, b"\x01" + b"\x00" * 4),
        extra(0x5455, b"\x07" + b"\x00" * 12),
        extra(0x7875, b"\x01\x04\xe8\x03\x00\x00\x04\xe8\x03\x00\x00"),
        extra(0x000A, b"\x00" * 32),
        extra(0xCAFE, b""),
        extra(0xD935, b"\x04\x00" + b"\x00" * 3),
        extra(0x7075, b"\x01\x00\x00\x00\x00x.csv"),
    ],
)
def test_extra_fields_of_times_owners_and_padding_pass(block: bytes) -> None:
    assert extra_field_problem(block, "x.csv") is None


@pytest.mark.parametrize(
    "block",
    [
        extra(0x4242, b"note"),
        extra(0x5455, b"\x01" + b"\x00" * 13),  # one byte longer than a timestamp can be
        extra(0xD935, b"\x04\x00\x00\x01"),  # padding that is not zeros
        extra(0x7075, b"\x01\x00\x00\x00\x00y.csv"),
        extra(0xCAFE, b"x"),
        b"\x55\x54\x09\x00\x01",  # a length past the end
    ],
)
def test_extra_fields_just_outside_the_rule_are_problems(block: bytes) -> None:
    assert extra_field_problem(block, "x.csv") is not None


def _layout(path: Path, data: bytes) -> set[str]:
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        return {f.code for f in layout_findings(str(path), archive.infolist())}


def test_a_well_formed_archive_has_nothing_unaccounted(tmp_path: Path) -> None:
    assert _layout(tmp_path / "a.zip", raw_zip([Entry("a.csv"), Entry("b.csv")], comment=b"c")) == set()


def test_one_byte_between_entries_is_unaccounted(tmp_path: Path) -> None:
    data = raw_zip([Entry("a.csv", gap_after=b"x"), Entry("b.csv")])
    assert _layout(tmp_path / "a.zip", data) == {"zip.unaccounted"}


def test_one_byte_after_the_end_record_is_trailing(tmp_path: Path) -> None:
    assert _layout(tmp_path / "a.zip", raw_zip([Entry("a.csv")], trailing=b"x")) == {"zip.trailing_data"}


def test_a_local_entry_left_out_of_the_directory_is_hidden(tmp_path: Path) -> None:
    data = raw_zip([Entry("a.csv"), Entry("b.csv", in_directory=False)])
    assert _layout(tmp_path / "a.zip", data) == {"zip.hidden_entry"}


def test_an_archive_built_by_zipfile_with_descriptors_and_zip64_is_accounted_for(tmp_path: Path) -> None:
    path = tmp_path / "z.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("a.csv", "w", force_zip64=True) as sink:
            sink.write(b"a,b\r\n" * 100)
        archive.writestr("b.csv", b"c,d\r\n")
    with zipfile.ZipFile(path) as archive:
        assert layout_findings(str(path), archive.infolist()) == []
