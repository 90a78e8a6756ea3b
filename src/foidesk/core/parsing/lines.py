"""The line grammar of a request, before lists are read: what one typed line really holds.

Requesters type several list items on one line ("* the date * the place", "1) How many ...? 2) How
many ...?"), put a "Question 3" / "Q3:" heading on its own line above the question, and number
sub-items with a digit and a letter ("1a.", "4b)"). ``logical_lines`` turns each into the lines a
list reader expects: one item per line, the heading joined to its question, a sub-item marked as
belonging to the question above. Each line it makes says why (``LogicalLine.why``), which the part
built from it keeps for the officer.

Linear in the length of the text: each pattern is anchored or bounded and each line is read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MIN_LIST_ITEMS = 2  # one marker on a line is no list
MAX_INLINE_NUMBER = 30  # "1) ... 2) ..." on one line; a larger number is a figure, not a marker

WHY_INLINE_BULLET = "bullet on one line"
WHY_Q_HEADING = "Q heading"

_Q_HEADING_ALONE = re.compile(r"^(?:q|question|qu)[ .]?(?P<n>\d{1,2})[ ]?[:.)\-–]?$", re.IGNORECASE)
_SUB_ITEM = re.compile(
    r"^(?:q|question ?)?(?P<n>\d{1,2})(?:[a-z]|\.[a-z]|\([a-z]\)| [a-z](?=[.)]))[.)]?[ ]+\S", re.IGNORECASE
)  # "1a.", "Q8b.", "2 a)"
_BULLETED_SUB_ITEM = re.compile(r"^[-•*·▪◦‣⁃–—○●■□➢►✓→][ ]+(?=\d{1,2}[a-z][.)][ ])", re.IGNORECASE)
# "-a list ... -Details"; "June 2021 -May 2022" is a range, not a bullet
_INLINE_BULLET = re.compile(r"(?:^|(?<=[ ]))(?:[*•·▪●◦][ ]+(?=\S)|(?<!\d[ ])-(?=[A-Za-z]))")
# "2) " anywhere after a blank; "2. " only where a sentence ends before it ("... 2017? 2. How ...")
# or inside a run of them; "1a." / "1b)" are sub-items of question 1.
_INLINE_NUMBER = re.compile(
    r"(?:^|(?<=[ :]))\(?(?P<n>\d{1,2})(?P<nl>[a-z])?\)[ ]+(?=\S)"
    r"|(?:^|(?<=[ :;.?!]))(?P<d>\d{1,2})(?P<dl>[a-z])?\.(?:[ ]+(?=[A-Za-z(\"'‘“])|(?=[A-Z]))"
    r"|(?:^|(?<=[ ]))(?P<h>\d{1,2})[ ]?[-–][ ]+(?=[A-Za-z])"
    # glued to the text before it ("...EHCP?and3. Of"): only inside a run
    r"|(?:(?<![\d/])|(?<=/\d\d))(?P<g>\d)\.(?=[ ]?[A-Z][a-z])"  # "...2023/242. What": glued to a year pair
)
_BULLET_HINT = re.compile(r"[*•·▪●◦]| -[A-Za-z]")  # cheap checks that spare most lines the patterns below
_NUMBER_HINT = re.compile(r"\d[a-z]?(?:[.)]|[ ]?[-–])")
_RUN_IN_NUMBER = re.compile(r"^(\(?\d{1,2}[a-z]?[.)])(?=[A-Z])")  # "4.How many", "2)Waiting time"
_GLUED_BULLET = re.compile(r":[ ]?[-•][ ]?(?=[A-Z])")
_STARTS_WITH_NUMBER = re.compile(r"^\(?\d{1,2}[.)]")
_LIST_WORD = re.compile(r"\b(?:questions?|as follows|the following)$", re.IGNORECASE)
_GLUED_FIRST = re.compile(r"[:;]$")  # "...as below;1. How many": a first item glued to its lead-in
_LEADING_DASH = re.compile(r"-[ ]+(?=\S)")
_SPACED_DASH = re.compile(r"(?<=[ ])-[ ]+(?=[A-Z])")  # "...past 10 years: - The locations ... - How many"
_TRAILING_JOINER = re.compile(r"[ ,;]*(?:\b(?:and|or))?[ ,;]*$")


@dataclass(frozen=True, slots=True)
class LogicalLine:
    """One line as the list reader sees it; ``why`` is set when this grammar made or marked it."""

    text: str
    blank_before: bool
    why: str = ""
    sub_item: bool = False  # "1a." : part of the question above, not a question of its own
    indent: int = 0  # spaces before it: an indented "1." under a "1." is its sub-item


def logical_lines(text: str) -> Iterator[LogicalLine]:
    """The lines of ``text`` with inline items split, Q headings joined and sub-items marked."""
    blank = False
    heading: str | None = None  # a "Question 3" line waiting for its question
    for line in text.split("\n"):
        raw = line.lstrip(" ")
        if not raw:
            blank = True
            continue
        indent = len(line) - len(raw)
        raw = _RUN_IN_NUMBER.sub(r"\1 ", raw)  # "4.How many" is "4. How many", "2)Waiting" "2) Waiting"
        glued = _GLUED_BULLET.search(raw)  # "... the following types:- Miscommunication"
        if glued and not _STARTS_WITH_NUMBER.match(raw):
            yield LogicalLine(raw[: glued.start() + 1], blank, indent=indent)
            raw, blank = "- " + raw[glued.end() :], False
        alone = _Q_HEADING_ALONE.match(raw)
        if alone:
            if heading is not None:  # two headings in a row: the first heads nothing
                yield LogicalLine(heading, blank)
            heading, blank = f"Q{alone.group('n')}.", blank or heading is None
            continue
        if heading is not None:
            yield LogicalLine(f"{heading} {raw}", blank, WHY_Q_HEADING)
            heading, blank = None, False
            continue
        yield from _split_inline(raw, blank, indent)
        blank = False
    if heading is not None:
        yield LogicalLine(heading, blank)


def _split_inline(raw: str, blank: bool, indent: int) -> Iterator[LogicalLine]:
    bulleted = _BULLETED_SUB_ITEM.match(raw)  # "• 2a. How many ..."
    if bulleted:
        raw = raw[bulleted.end() :]
    if _SUB_ITEM.match(raw):
        yield LogicalLine(raw, blank, sub_item=True, indent=indent)
        return
    numbers = _inline_numbers(raw) if _NUMBER_HINT.search(raw) else None
    bullets = _inline_bullets(raw) if _BULLET_HINT.search(raw) or " - " in raw else None
    if numbers and bullets and len(numbers[0]) <= len(bullets[0]):
        # "1. ... * a * b 2. ...": the bullets are inside question 1
        pieces: tuple[str, list[tuple[str, str]]] | None = numbers
    else:
        pieces = bullets or numbers
    if pieces is None:
        yield LogicalLine(raw, blank, indent=indent)
        return
    lead, items = pieces
    if lead:
        yield LogicalLine(lead, blank, indent=indent)
        blank = False
    for item, why in items:
        sub_item = bool(_SUB_ITEM.match(item))
        yield LogicalLine(item, blank, "" if sub_item else why, sub_item, indent)
        blank = False


def _inline_bullets(raw: str) -> tuple[str, list[tuple[str, str]]] | None:
    marks = list(_INLINE_BULLET.finditer(raw))
    if len(marks) < MIN_LIST_ITEMS:
        # " - " is a dash in prose, unless a list opens after a colon
        spaced = list(_SPACED_DASH.finditer(raw))
        opened = bool(spaced) and (raw.startswith("- ") or raw[: spaced[0].start()].rstrip().endswith(":"))
        if len(spaced) < MIN_LIST_ITEMS or not opened:
            return None
        leading = _LEADING_DASH.match(raw)
        marks = ([leading] if leading else []) + spaced
    ends = [mark.start() for mark in marks[1:]] + [len(raw)]
    items = [
        (f"• {_item_text(raw[mark.end() : end])}", WHY_INLINE_BULLET)
        for mark, end in zip(marks, ends, strict=True)
    ]
    return raw[: marks[0].start()].strip(), items


def _inline_numbers(raw: str) -> tuple[str, list[tuple[str, str]]] | None:
    """ "1) How many ...? 2) How many ...?": a run 1, 2, 3 ... (or n, n+1 ... from the line's start)."""
    found: list[re.Match[str]] = []
    for mark in _INLINE_NUMBER.finditer(raw):
        value = _value(mark)
        needs_boundary = mark.group("d") or mark.group("h")
        if value > MAX_INLINE_NUMBER or (needs_boundary and not _after_sentence(raw, mark, found)):
            continue
        if mark.group("g") and not (found or (value == 1 and _GLUED_FIRST.search(raw[: mark.start()]))):
            continue
        lettered = bool(mark.group("nl") or mark.group("dl"))
        if found:
            follows = value == _value(found[-1]) + 1 or (lettered and value == _value(found[-1]))
        else:
            follows = value == 1 or mark.start() == 0
        if follows:
            found.append(mark)
    if len(found) < MIN_LIST_ITEMS:
        return None
    if found[0].start() > 0 and _STARTS_WITH_NUMBER.match(raw):
        return None  # "3. For each: 1) ... 2) ...": the numbers are the fields of question 3
    ends = [mark.start() for mark in found[1:]] + [len(raw)]
    items = []
    for mark, end in zip(found, ends, strict=True):
        written = mark.group(0).strip()
        items.append((f"{written} {_item_text(raw[mark.end() : end])}", f"numbered {written}"))
    return raw[: found[0].start()].strip(), items


def _after_sentence(raw: str, mark: re.Match[str], found: list[re.Match[str]]) -> bool:
    """ "2. " is a marker where a sentence or a lead-in ends before it, or inside a run ("... 1. x 2. Y")."""
    before = raw[: mark.start()].rstrip(" ")
    if not before or before.endswith(("?", ".", "!", ":", ";")):
        return True
    if not found and before.endswith(",") and _value(mark) == 1:  # "under the Act, 1. the number ..."
        return True
    if not found and _value(mark) == 1 and _LIST_WORD.search(before):  # "... estate. Questions 1. How many"
        return True
    return bool(found) and raw[mark.end() : mark.end() + 1].isalpha()


def _value(mark: re.Match[str]) -> int:
    return int(mark.group("n") or mark.group("d") or mark.group("h") or mark.group("g"))


def _item_text(text: str) -> str:
    return _TRAILING_JOINER.sub("", text.strip()) or text.strip()
