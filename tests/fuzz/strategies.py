"""Hypothesis settings and strategies shared by the fuzz tests of every parser of outside data.

CI runs each fuzz test for a bounded number of examples (the whole folder in about 20 seconds);
`make fuzz` multiplies them by FOIDESK_FUZZ_SCALE (100 there) to run the same properties for longer.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ_SCALE = max(1, int(os.environ.get("FOIDESK_FUZZ_SCALE", "1")))


def fuzz(examples: int) -> settings:
    """``examples`` in CI, FOIDESK_FUZZ_SCALE times more under `make fuzz`; no per-example deadline."""
    return settings(
        max_examples=examples * FUZZ_SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# Text a person, a browser or an attacker can send: any Unicode but lone surrogates (not encodable).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=2000)

# Pieces of real requests and notices, so that examples reach the parsers' deeper branches.
REQUEST_FRAGMENTS = (
    "Dear Metropolitan Police Service,",
    "Under the Freedom of Information Act 2000, please provide:",
    "1. ",
    "2) ",
    "(a) ",
    "iii. ",
    "- ",
    "* ",
    "Q3: ",
    "How many Taser discharges were recorded in Lambeth in 2024?",
    "between 1 April 2019 and 31 March 2024",
    "for the financial years 2020/21 to 2023/24",
    "in the last 5 years",
    "since January 2022",
    "from 31/02/2023 to 01/13/2024",
    "in 1900 and 9999",
    "broken down by year and borough",
    "Yours faithfully,\nJo Bloggs",
    "\u00a0",
    "\t",
    "\r\n",
    "\x0c",
    "\u2028",
    "\u202e",
    "؟",
)
NOTICE_FRAGMENTS = (
    "section 40(2)",
    "s.31(1)(a)",
    "Section 12",
    "s.14(1)",
    "section 21",
    "regulation 12(5)(b)",
    "section 30(1) of FOISA",
    "The public interest in maintaining the exemption outweighs",
    "You may ask for an internal review within 40 working days",
    "the Information Commissioner, Wycliffe House",
    "https://www.met.police.uk/foi-ai/",
    "18 hours",
    "neither confirm nor deny",
    "s.",
    "section ",
    "(((((",
    "9999999999999999999",
)


def _pieces(fragments: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(fragments), ANY_TEXT.map(lambda t: t[:80])), max_size=30).map(
        lambda parts: "\n".join(parts)
    )


REQUEST_TEXT = st.one_of(ANY_TEXT, _pieces(REQUEST_FRAGMENTS))
NOTICE_TEXT = st.one_of(ANY_TEXT, _pieces(NOTICE_FRAGMENTS))


def damage(path: Path, data: st.DataObject) -> None:
    """Overwrite 1 to 12 bytes of the file at ``path``, where and with what ``data`` draws."""
    damaged = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 12))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    path.write_bytes(bytes(damaged))
