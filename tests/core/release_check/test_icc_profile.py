"""ICC profiles: standard tags holding a profile's words pass; text, private tags and stray bytes do not."""

from __future__ import annotations

import pytest

from foidesk.core.release_check.icc_profile import is_accounted, profile_findings
from tests.core.release_check.corpus_images import ICC_2014, desc_v2, icc_with, lcms_srgb, mluc


def test_the_profiles_real_tools_write_are_accounted_for() -> None:
    assert is_accounted(lcms_srgb())
    assert is_accounted(ICC_2014.read_bytes())


@pytest.mark.parametrize(
    "text",
    [
        "sRGB IEC61966-2.1",
        "Display P3",
        "Adobe RGB (1998)",
        "Copyright International Color Consortium, 2009",
        "Copyright Apple Inc., 2017",
        "Generic Gray Gamma 2.2 Profile",
        "U.S. Web Coated (SWOP) v2",
        "Copyright (c) 1998 Hewlett-Packard Company",
        "IEC http://www.iec.ch",
        "IEC 61966-2.1 Default RGB colour space - sRGB",
        "Reference Viewing Condition in IEC61966-2.1",
        "GIMP built-in sRGB",
        "Color LCD",
    ],
)
def test_descriptions_made_of_a_profiles_words_pass(text: str) -> None:
    assert is_accounted(icc_with({b"desc": mluc(text)}))


@pytest.mark.parametrize("text", ["sRGB Jane Roe", "DELL U2720Q", "sRGB 07700900123", "Call 0161"])
def test_a_word_that_is_not_a_profiles_is_unaccounted(text: str) -> None:
    findings = profile_findings(icc_with({b"desc": mluc(text)}), "ICC")
    assert [f.code for f in findings] == ["image.unaccounted"]


def test_text_hidden_after_the_terminating_nul_is_found() -> None:
    assert not is_accounted(icc_with({b"desc": desc_v2(b"sRGB\x00note to self")}))


def test_a_private_tag_and_stray_bytes_are_unaccounted() -> None:
    assert not is_accounted(icc_with({b"priv": b"XYZ " + b"\x00" * 16}))
    assert not is_accounted(icc_with({}, hidden=b"\x00\x00\x00\x00\x01"))


def test_three_bytes_of_alignment_padding_are_not_a_hiding_place() -> None:
    assert is_accounted(icc_with({}, hidden=b"\x00\x00\x00"))


def test_a_profile_that_is_not_one_is_unaccounted() -> None:
    assert [f.code for f in profile_findings(b"not a profile" * 20, "ICC")] == ["image.unaccounted"]
