"""Step 2 of parsing: the cleaned text -> drafts of parts ("Request N" blocks, lists, prose sentences)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from foidesk.core.parsing.cues import (
    ASK,
    BREAKDOWN_ITEM,
    CATEGORY_LEAD,
    CONTEXT,
    DIMENSIONS_LEAD,
    EACH_THING,
    FALLBACK,
    FIELD_ITEM,
    FIELD_LEAD,
    INTRODUCES,
    LEAD_IN,
    NOUN_ASK,
    PER_ITEM_LEAD,
    PER_TIME_LEAD,
    PERIOD_NOTE,
    QUESTION_START,
    REFERS_TO_LIST,
    REFINEMENT,
    SPECIFYING_LEAD,
    STRONG_ASK,
    UNFINISHED_LEAD,
    is_remark,
)
from foidesk.core.parsing.lines import logical_lines
from foidesk.core.parsing.model import Flag

MAX_HEADING_TITLE_WORDS = 8
MAX_LINES_UNDER_HEADING = 3  # "Littering:" / "Please give figures for 2015-2020" / "1. ..."
MIN_LIST_ITEMS = 2
LAST_WORD_WINDOW = 12  # characters before a full stop searched for an abbreviation ("e.g.")
MAX_LIST_HEADING_WORDS = 12  # "Parking Fines (fines issued from 1 January 2016 to date)" heads items below
MAX_DIMENSION_WORDS = 8  # "- the age of the child" breaks down the question above; it is no question
SAME_OPENING_WORDS = 3  # "How many internal ..." under "3. How many internal ...": more of question 3
MAX_INTRODUCTION_WORDS = 30  # "Firstly, I want to ask about ..." opens a block; a long paragraph does not


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_HEADING = re.compile(
    r"^(?P<word>request|part|section|question set)[ ]?"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|[a-h])"
    r"\b[ ]?[:.)\-–—]?[ ]?(?P<rest>.*)$",
    re.IGNORECASE,
)
# "1 January 2020 - 1 January 2021" under a question is a period, not item 1
_MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_MARKER = re.compile(
    r"^(?:(?P<q>(?i:q(?:uestion)?)[ .]?(?P<qn>\d{1,2}))[ ]?[.:)\-–]?"
    r"|[(\[]?(?P<n>\d{1,2})(?:[.)\]]|/(?= )|[ ]?[:\-–](?= )|,(?= [A-Z])"
    r"|(?= (?!" + _MONTHS + r"\b)[A-Z][a-z]))"
    r"|\((?P<pl>[a-zA-Z]{1,4})\)|(?P<l>[a-zA-Z]{1,4})[.)/]"
    r"|(?P<b>[-•*·▪◦‣⁃–—○●■□➢►✓→]|o(?= )|\?(?= [A-Z\"“])))[ ]+(?P<rest>\S.*)$"
)
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})$")
_LETTER_SEQUENCE = "abcdefghijklmnopqrstuvwxyz"

# "...in temporary accommodation.The current ...", "Dear Sir/Madam,This is a request": no space typed
_SENTENCE_END = re.compile(
    r"(?<=[.?!])[\"'”’)]*[ ]+(?=[\"'“‘(]?[A-Z0-9])"
    r"|(?<=[a-z0-9)][.?])(?=[A-Z][a-z]|I )"
    r"|(?<=[a-z]{3},)(?=(?:This is|Please|I am|I would|We are)\b)"
)
_ABBREVIATIONS = frozenset(
    {"e.g.", "i.e.", "etc.", "no.", "s.", "mr.", "mrs.", "ms.", "dr.", "approx.", "para.", "vs.", "cf."}
)  # fmt: skip
_BROKEN_OFF = re.compile(
    r"\b(?:and|or|of|the|to|for|in|a|an|by|with|on|at|from|that|which|me|us)$", re.IGNORECASE
)
_REQUEST_LABEL = re.compile(
    r"\b(?:re:|subject:)?[ ]?(?:foi|freedom of information)(?: act)? request\b[ ]?[-–:]?", re.IGNORECASE
)


class _Marker(StrEnum):
    """How a list item is marked: "1." / "Q1", "a)", "(ii)", "-" or "•"."""

    NUMBER = "number"
    LETTER = "letter"
    ROMAN = "roman"
    BULLET = "bullet"


@dataclass(slots=True)
class _Line:
    text: str
    kind: _Marker | None = None  # None for a line of plain text
    value: str = ""
    blank_before: bool = False
    why: str = ""  # why an item starts here: "numbered 2)", "bullet", "Q heading"
    sub_item: bool = False  # "1a. ...": more of the question above
    indent: int = 0


@dataclass(slots=True)
class _Item:
    kind: _Marker
    value: str
    pieces: list[str]  # its first line and the lines that continue it (joined once, at the end: linear)
    why: str = ""
    children: list[_Item] = field(default_factory=list)
    closed: bool = False  # a blank line or a remark ended it; plain lines no longer continue it
    heading: str = ""  # a heading line between items above it ("For the last 5 years:") that governs it

    @property
    def text(self) -> str:
        return " ".join(self.pieces)


@dataclass(slots=True)
class _Block:
    """A "Request N" / "Part N" block, or the whole request when it has none."""

    word: str | None
    number: int | None
    lines: list[_Line] = field(default_factory=list)


@dataclass(slots=True)
class Draft:
    """A part before its periods and topics are settled."""

    request: int | None
    block_word: str | None
    question: int
    subquestion: str | None
    pieces: list[str]  # the ask and the sentences that refine it
    context: list[str]  # the texts above it, nearest first: parent question, block preamble, request preamble
    flags: list[Flag] = field(default_factory=list)
    parent: Draft | None = None  # the question a sub-question belongs to, when that question is a part
    why: str = ""
    notes: list[str] = field(
        default_factory=list
    )  # notes below that govern it ("... by financial year 2019/20")

    @property
    def text(self) -> str:
        return " ".join(self.pieces)


def _classify(line: str, blank_before: bool, previous_kind: _Marker | None, previous_value: str) -> _Line:
    match = _MARKER.match(line)
    if match is None:
        return _Line(line, blank_before=blank_before)
    rest, number = match.group("rest"), match.group("qn") or match.group("n")
    written = line[: match.start("rest")].strip()
    if number:
        return _Line(rest, _Marker.NUMBER, number, blank_before, f"numbered {written}")
    if match.group("b"):
        return _Line(rest, _Marker.BULLET, "", blank_before, "bullet")
    marker = (match.group("pl") or match.group("l") or "").lower()
    if not _ROMAN.match(marker):  # a single letter, or a word such as "etc." that is no marker
        if len(marker) == 1:
            return _Line(rest, _Marker.LETTER, marker, blank_before, f"lettered {written}")
        return _Line(line)
    # "i", "v", "x" continue a lettered list ("h) ... i) ..."); otherwise they are roman numerals.
    after_letter = previous_kind == _Marker.LETTER and (
        marker != "i" or marker == _next_letter(previous_value)
    )
    kind = _Marker.LETTER if len(marker) == 1 and after_letter else _Marker.ROMAN
    why = f"lettered {written}" if kind == _Marker.LETTER else f"numbered {written}"
    return _Line(rest, kind, marker, blank_before, why)


def _next_letter(letter: str) -> str:
    index = _LETTER_SEQUENCE.find(letter)
    return _LETTER_SEQUENCE[index + 1] if 0 <= index < len(_LETTER_SEQUENCE) - 1 else ""


def _split_blocks(text: str) -> tuple[list[_Line], list[_Block]]:
    """The lines before the first heading, and the blocks ("Request 1", "Part 2") after it."""
    preamble: list[_Line] = []
    blocks: list[_Block] = []
    previous_kind: _Marker | None = None
    previous_value = ""
    for logical in logical_lines(text):
        raw, blank = logical.text, logical.blank_before
        heading = _HEADING.match(raw) if not logical.why else None
        if heading and _is_heading(heading):
            blocks.append(
                _Block(heading.group("word").capitalize(), _block_number(heading.group("n"), len(blocks)))
            )
            rest = heading.group("rest").strip()
            if rest:
                blocks[-1].lines.append(_classify(rest, False, None, ""))
            previous_kind, previous_value = None, ""
            continue
        line = _classify(raw, blank, previous_kind, previous_value)
        line.indent = logical.indent
        if logical.sub_item:
            line = _Line(raw, blank_before=blank, sub_item=True, indent=logical.indent)
        elif logical.why and line.kind is not None:
            line.why = logical.why
        if line.kind is not None:
            previous_kind, previous_value = line.kind, line.value
        (blocks[-1].lines if blocks else preamble).append(line)
    return preamble, blocks


def _is_heading(match: re.Match[str]) -> bool:
    """ "Part A" and "Request 2: Tasers" are headings; "Part a of" and "Section 40 applies ..." are not."""
    rest, number, word = match.group("rest").strip(), match.group("n"), match.group("word").lower()
    if (len(number) == 1 and number.islower()) or (word == "section" and rest and not rest.endswith(":")):
        return False
    return not rest or len(rest.split()) <= MAX_HEADING_TITLE_WORDS or rest.endswith("?")


def _block_number(raw: str, blocks_so_far: int) -> int:
    if raw.isdigit():
        return int(raw)
    if raw.lower() in _NUMBER_WORDS:
        return _NUMBER_WORDS[raw.lower()]
    if len(raw) == 1 and raw.isalpha():
        return _LETTER_SEQUENCE.find(raw.lower()) + 1
    return blocks_so_far + 1


def _sentences(text: str) -> list[str]:
    """Sentences, without splitting after "e.g." or "s." (linear: one pass over boundaries)."""
    sentences: list[str] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        before = text[max(start, boundary.start() - LAST_WORD_WINDOW) : boundary.start()].rstrip("\"'”’)")
        last_word = before.rsplit(" ", 1)[-1].lower().lstrip("(")
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]\.", last_word):
            continue
        sentences.append(text[start : boundary.start()].strip())
        start = boundary.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [sentence for sentence in sentences if sentence]


def _is_ask(text: str) -> bool:
    if not ASK.search(text) or is_remark(text):
        return False
    return not CONTEXT.search(text.strip())


# --- building items from lines -------------------------------------------------------------------


def _items_and_preamble(
    lines: Sequence[_Line], remarks: list[str]
) -> tuple[list[str], list[_Item], list[str]]:
    """(preamble lines, top-level items, trailing lines) of a block with a list.

    Lines between items that are not part of one (a remark, a note) go to ``remarks``. An item is
    nested under the one above when its marker is of another kind ("a)" under "1.") or it is
    indented further ("    1." under "1.").
    """
    preamble: list[str] = []
    trailing: list[str] = []
    roots: list[_Item] = []
    stack: list[_Item] = []  # the open item at each depth
    levels: list[tuple[_Marker, bool]] = []  # the marker kind and indentation of each depth
    base_indent: int | None = None
    heading = ""
    for index, line in enumerate(lines):
        if roots and _heads_the_items_below(line, lines[index + 1 : index + 2]):
            heading = line.text  # "For the last 5 year period:" / "Parking Fines (from 1 January 2016)"
            for open_item in stack:
                open_item.closed = True
            remarks.extend(trailing)
            trailing.clear()
            continue
        if line.kind is not None and roots and FALLBACK.match(line.text):
            trailing.append(line.text)  # "2. If you are unable to ... please provide only ...": no new ask
            for open_item in stack:
                open_item.closed = True
            continue
        if line.kind is None and not line.sub_item:
            if not roots:
                preamble.append(line.text)
            else:
                _plain_line_after_items(line, stack, trailing)
            continue
        if line.sub_item:
            unprefixed = re.sub(r"^(?:q|question ?)(?=\d)", "", line.text, flags=re.IGNORECASE)
            number = unprefixed[: len(unprefixed) - len(unprefixed.lstrip("0123456789"))]
            if roots and roots[-1].value == number:
                roots[-1].pieces.append(line.text)  # "1b. ..." is more of question 1
                continue
            if not roots and number == "1" and preamble and _is_ask(preamble[-1]):
                # "What are the longest waits ...?" / "1a) ..." / "2. ...": the question 1a) hangs from is 1
                roots.append(_Item(_Marker.NUMBER, "1", [preamble.pop(), line.text], "numbered 1 by its 1a)"))
                levels, stack = [(_Marker.NUMBER, False)], [roots[-1]]
                base_indent = line.indent
                continue
            item = _Item(_Marker.NUMBER, number, [line.text], f"numbered {line.text.split(None, 1)[0]}")
            level = (_Marker.NUMBER, False)
        else:
            assert line.kind is not None
            if base_indent is None:
                base_indent = line.indent
            item = _Item(line.kind, line.value, [line.text], line.why)
            level = (line.kind, line.indent > base_indent + 1)
        if level in levels:
            depth = levels.index(level)
            del levels[depth + 1 :]
            del stack[depth:]
        else:
            levels.append(level)
            depth = len(levels) - 1
        if depth == 0 and item.kind == _Marker.BULLET and roots and REFINEMENT.match(item.pieces[0]):
            # "- This should include a summary ...": more of the bullet above
            roots[-1].pieces.append(item.pieces[0])
            stack[depth:] = [roots[-1]]
            continue
        if depth == 0:
            item.heading = heading
            header = _header_of(roots, item)
            (header.children if header else roots).append(item)
        else:
            stack[depth - 1].children.append(item)
        stack.append(item)
        remarks.extend(trailing)
        trailing.clear()
    return preamble, roots, trailing


def _heads_the_items_below(line: _Line, following: Sequence[_Line]) -> bool:
    """A plain line between items that heads the items after it, not more of the one before it."""
    if line.kind is not None or line.sub_item or not following or following[0].kind is None:
        return False
    text = line.text.strip()
    if not text[:1].isupper() or len(text.split()) > MAX_LIST_HEADING_WORDS or is_remark(text):
        return False
    return text.endswith(":") or (not text.endswith((".", "?", "!", ";", ",")) and not _is_ask(text))


def _header_of(roots: Sequence[_Item], item: _Item) -> _Item | None:
    """In a flat bulleted list, "- Regarding volunteers:" heads the bullets after it, up to the next such."""
    if item.kind != _Marker.BULLET or not roots:
        return None
    header = roots[-1]
    if header.kind != _Marker.BULLET or not header.pieces[0].rstrip().endswith(":"):
        return None
    if item.pieces[0].rstrip().endswith(":") and not FIELD_LEAD.match(item.pieces[0]):
        return None
    return header


def _plain_line_after_items(line: _Line, stack: list[_Item], trailing: list[str]) -> None:
    last = stack[-1]
    if is_remark(line.text) or trailing:
        trailing.append(line.text)
        for item in stack:
            item.closed = True
        return
    if _heading_only(last):
        # "1. In the most recent 12-month period" / "How many children do you have in care?", "1. Licensed
        # drivers" / "The total number of licensed: ...": a numbered line asking nothing heads the ask below
        last.pieces.append(line.text)
        return
    # "and (ii) permanently excluded ..." after a blank line still ends the sentence of the item above
    continues = (not line.blank_before or line.text[:1].islower()) and not last.closed
    unfinished = line.text[:1].islower() or not last.pieces[-1].rstrip().endswith((".", "?", "!", ";"))
    if continues and (
        unfinished or not _is_ask(line.text) or REFINEMENT.match(line.text) or _same_opening(last, line.text)
    ):
        last.pieces.append(line.text)
        return
    trailing.append(line.text)
    for item in stack:
        item.closed = True


def _heading_only(item: _Item) -> bool:
    return (
        item.kind == _Marker.NUMBER
        and len(item.pieces) == 1
        and not item.children
        and not item.closed
        and not _is_ask(item.pieces[0])
    )


def _same_opening(item: _Item, text: str) -> bool:
    """ "3. How many internal reviews were asked for?" / "How many internal reviews were dealt with ...":
    a line under a numbered item that opens as it does asks more of it, not a question of its own."""
    if item.kind != _Marker.NUMBER:
        return False
    opening = item.pieces[0].lower().split()[:SAME_OPENING_WORDS]
    return len(opening) == SAME_OPENING_WORDS and text.lower().split()[:SAME_OPENING_WORDS] == opening


def _is_dimension(item: _Item) -> bool:
    if item.children or len(item.pieces) > 1:
        return False
    text = item.pieces[0]
    asks = NOUN_ASK.match(text) or QUESTION_START.match(text) or "?" in text
    return len(text.split()) <= MAX_DIMENSION_WORDS and not asks


def _flatten_dimensions(item: _Item) -> str:
    return item.text.rstrip(" ;,") if not item.children else item.text


class _Numbering:
    """Question numbers as the requester wrote them where they are numbers, else by position."""

    def __init__(self) -> None:
        self.last = 0

    def next(self, item: _Item) -> int:
        if item.kind == _Marker.NUMBER and item.value.isdigit() and int(item.value) > self.last:
            self.last = int(item.value)
        else:
            self.last += 1
        return self.last


def _drafts_from_items(
    roots: Sequence[_Item], block: _Block | None, context: list[str], numbering: _Numbering
) -> list[Draft]:
    """One part per top-level item; the items under it (its sub-questions or its fields) are in it."""
    drafts: list[Draft] = []
    request = block.number if block else None
    word = block.word if block else None
    for item in roots:
        question = numbering.next(item)
        pieces = [item.text]
        if item.children:
            pieces.append("; ".join(_with_children(child) for child in item.children))
        governing = [item.heading, *context] if item.heading else context
        drafts.append(Draft(request, word, question, None, pieces, governing, why=item.why))
    return drafts


def _with_children(item: _Item) -> str:
    text = _flatten_dimensions(item)
    if not item.children:
        return text
    return f"{text} " + "; ".join(_with_children(child) for child in item.children)


@dataclass(slots=True)
class _Prose:
    """What the sentences of a block gave: parts, the sentences before the first, remarks and notes."""

    drafts: list[Draft] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # not asked, kept on the request
    notes: list[str] = field(default_factory=list)  # remarks and refinements that set a period for the parts


def _drafts_from_prose(
    sentences: Sequence[str], block: _Block | None, context: list[str], numbering: _Numbering
) -> _Prose:
    """One part per sentence that asks; refinements join the ask before them."""
    read = _Prose()
    drafts = read.drafts
    draft_context: list[str] = []  # settled at the first ask: the sentences before it, then the outer context
    request = block.number if block else None
    word = block.word if block else None
    for sentence in sentences:
        if is_remark(sentence):
            read.remarks.append(sentence)
            if PERIOD_NOTE.search(sentence):
                read.notes.append(sentence)
            continue
        asks = ASK.search(sentence) is not None and not CONTEXT.search(sentence.strip())
        refines = REFINEMENT.match(sentence) is not None
        if drafts and (refines or not asks):
            drafts[-1].pieces.append(sentence)
            if PERIOD_NOTE.search(sentence):
                read.notes.append(sentence)
            continue
        if not asks or refines:
            read.preamble.append(sentence)
            continue
        if not drafts:
            draft_context = [" ".join(read.preamble), *context]
        inline = _inline_items(sentence)
        if inline is None:
            numbering.last += 1
            why = "a sentence that asks"
            drafts.append(Draft(request, word, numbering.last, None, [sentence], draft_context, why=why))
            continue
        lead, items = inline
        for marker, item in items:
            numbering.last += 1
            inline_context = [lead, *draft_context]
            why = f"numbered {marker} in a sentence"
            drafts.append(Draft(request, word, numbering.last, None, [item], inline_context, why=why))
    return read


_INLINE_MARKER = re.compile(r"(?:^|(?<=[ ,;:]))\((?P<m>\d{1,2}|[a-z]|i{1,3}|iv|vi{0,3})\) ")
_INLINE_SEQUENCES = (tuple(str(n) for n in range(1, 21)),)  # "(a) 2014, (b) 2015" are fields of one ask


def _inline_items(sentence: str) -> tuple[str, list[tuple[str, str]]] | None:
    """ "Please provide (1) the number of X, (2) the number of Y": the lead-in and (marker, item) pairs."""
    markers = list(_INLINE_MARKER.finditer(sentence))
    for sequence in _INLINE_SEQUENCES:
        found: list[re.Match[str]] = []
        for marker in markers:
            if len(found) < len(sequence) and marker.group("m") == sequence[len(found)]:
                found.append(marker)
        if len(found) >= 2:
            ends = [marker.start() for marker in found[1:]] + [len(sentence)]
            items = [
                (
                    marker.group(0).strip(),
                    re.sub(r"[ ,;]*(?:and|or)?[ ,;]*$", "", sentence[marker.end() : end]).strip(),
                )
                for marker, end in zip(found, ends, strict=True)
            ]
            return sentence[: found[0].start()].strip(), items
    return None


MIN_UNMARKED_ITEMS = 3
MAX_UNMARKED_ITEM_WORDS = 12
_NOT_AN_ITEM = re.compile(r"^(?:i|we|my|our|this|it|they|thank|many|kind|best|regards)\b", re.IGNORECASE)


def _unmarked_list(lines: Sequence[_Line]) -> Sequence[_Line]:
    """ "Please provide details of compensation paid during 2015." over short lines that each name a figure
    ("Total claims received.", "Highest single amount paid."): a list typed without markers."""
    if len(lines) <= MIN_UNMARKED_ITEMS or any(line.kind is not None or line.sub_item for line in lines):
        return lines
    lead, items = lines[0], lines[1:]
    if lead.text.rstrip().endswith("?") or not STRONG_ASK.search(lead.text) or is_remark(lead.text):
        return lines
    for item in items:
        text = item.text.strip()
        if (
            len(text.split()) > MAX_UNMARKED_ITEM_WORDS
            or text.endswith("?")
            or not text[:1].isupper()
            or _NOT_AN_ITEM.match(text)
            or is_remark(text)
        ):
            return lines
    why = "a line of its own under a lead"
    return [lead, *(_Line(i.text, _Marker.BULLET, "", i.blank_before, why, indent=i.indent) for i in items)]


@dataclass(slots=True)
class _BlockReading:
    drafts: list[Draft]
    remarks: list[str]


def _read_block(lines: Sequence[_Line], block: _Block | None, outer_context: list[str]) -> _BlockReading:
    """The drafts of one block and the remarks in it that are not asked."""
    numbering = _Numbering()
    lines = _unmarked_list(lines)
    if not any(line.kind is not None or line.sub_item for line in lines):
        read = _drafts_from_prose(_paragraph_sentences(lines), block, outer_context, numbering)
        _apply_notes(read.drafts, read.notes)
        return _BlockReading(read.drafts, read.remarks)
    remarks: list[str] = []
    preamble_lines, roots, trailing = _items_and_preamble(lines, remarks)
    preamble = _strip_request_label(" ".join(preamble_lines))
    lead = preamble_lines[-1] if preamble_lines else ""
    field_list = _is_field_list(lead, preamble, roots)
    # "I specifically require: 1 - ... 2 - ...": the questions listed are the ask above, item by item (but the
    # fields of one ask, "Specifically: - by age - by gender", leave it the part)
    specified = SPECIFYING_LEAD.match(lead.strip()) is not None and not field_list
    before = _drafts_from_prose(
        [
            s
            for s in _lead_sentences(preamble_lines[:-1])
            if STRONG_ASK.search(s) and not LEAD_IN.search(s) and not specified
        ],
        block,
        outer_context,
        numbering,
    )
    context = [preamble, *outer_context]
    if field_list:
        drafts = _field_list(before.drafts, lead, preamble, roots, block, outer_context, numbering)
    else:
        drafts = [*before.drafts, *_drafts_from_items(roots, block, context, numbering)]
    after = _drafts_from_prose(_sentences(" ".join(trailing)), block, context, numbering)
    notes = [text for text in (*remarks, *after.preamble) if PERIOD_NOTE.search(text)]
    _apply_notes(drafts, [*notes, *after.notes, *before.notes])
    return _BlockReading(drafts + after.drafts, [*before.remarks, *remarks, *after.preamble, *after.remarks])


def _lead_sentences(lines: Sequence[str]) -> list[str]:
    """The sentences of the lines above a list, where a line ending in ":" ends one ("... to request the
    following information:" / "Please provide details of ..." are two)."""
    groups: list[list[str]] = [[]]
    for line in lines:
        groups[-1].append(line)
        if line.rstrip().endswith(":"):
            groups.append([])
    return [sentence for group in groups if group for sentence in _sentences(" ".join(group))]


def _paragraph_sentences(lines: Sequence[_Line]) -> list[str]:
    """The sentences of prose, where a blank line also ends one ("... demonstrations;" / "Whether ...")."""
    paragraphs: list[list[str]] = []
    ended = False  # a line ending in ":" leads in to the line below; it is a sentence of its own
    for line in lines:
        if line.blank_before or not paragraphs or ended or _opens_a_question(paragraphs[-1], line.text):
            paragraphs.append([])
        paragraphs[-1].append(line.text)
        ended = line.text.rstrip().endswith(":")
    return [sentence for paragraph in paragraphs for sentence in _sentences(" ".join(paragraph))]


def _opens_a_question(paragraph: Sequence[str], text: str) -> bool:
    """ "... for the next 3 years" / "How many vacancies are there?": a question on a line of its own
    starts a sentence though the line above has no full stop, unless that line breaks off mid-phrase."""
    if not paragraph or not text.rstrip().endswith("?") or not QUESTION_START.match(text):
        return False
    above = paragraph[-1].rstrip()
    return not above.endswith((",", ";", "-")) and not _BROKEN_OFF.search(above)


def _is_field_list(lead: str, preamble: str, roots: Sequence[_Item]) -> bool:
    """Whether the items are the fields of one ask ("For each incident, give: - the date - the place")."""
    questions = [root for root in roots if root.text.rstrip().endswith("?")]
    # "Is it through: 1. in-house staff, ... 5. no access to expertise?": the last option ends the question
    ends_lead = len(questions) == 1 and questions[0] is roots[-1] and UNFINISHED_LEAD.search(lead) is not None
    if not roots or (questions and not ends_lead):
        return False
    if all(_is_dimension(root) for root in roots) and ASK.search(preamble):
        return True
    if CATEGORY_LEAD.search(lead):
        return True
    if PER_TIME_LEAD.search(lead) and all(BREAKDOWN_ITEM.match(root.pieces[0]) for root in roots):
        return True
    if DIMENSIONS_LEAD.search(lead):
        return True
    if all(FIELD_ITEM.match(root.pieces[0]) for root in roots):
        return True
    asks = sum(1 for root in roots if _item_asks(root.pieces[0]))
    if EACH_THING.search(lead) or (asks == 0 and lead.endswith(":") and REFERS_TO_LIST.search(lead)):
        return True  # "I would also like this information to explain the following:" - the month - the age
    return bool(FIELD_LEAD.search(lead) or UNFINISHED_LEAD.search(lead)) and 2 * asks < len(roots)


_HOW_MANY = re.compile(r"\bhow (?:many|much)\b", re.IGNORECASE)
_WHERE_CONDITION = re.compile(
    r"^(?:where|if|when) (?:applicable|possible|available|known|relevant|appropriate)\b", re.IGNORECASE
)


def _item_asks(text: str) -> bool:
    """ "How many ...", "the number of ...", "Of these, how many ...": an item that asks, not a field."""
    if _WHERE_CONDITION.match(text):
        return False  # "Where applicable, the name of the site": a condition on a field, not a question
    return bool(NOUN_ASK.match(text) or QUESTION_START.match(text) or _HOW_MANY.search(text[:60]))


def _field_list(
    before: list[Draft],
    lead: str,
    preamble: str,
    roots: Sequence[_Item],
    block: _Block | None,
    outer_context: list[str],
    numbering: _Numbering,
) -> list[Draft]:
    """The fields join the ask they belong to: the lead-in when it asks, else the part before it."""
    fields = "; ".join(_with_children(root) for root in roots)
    lead_asks = _is_ask(lead.rstrip(" :")) and not REFINEMENT.match(lead) and not REFERS_TO_LIST.search(lead)
    per_thing = PER_ITEM_LEAD.match(lead) or PER_TIME_LEAD.match(lead)
    if before and (not lead_asks or per_thing):  # "For each incident, please provide:"
        before[-1].pieces.extend([lead, fields])
        return before
    numbering.last += 1
    request, word = (block.number, block.word) if block else (None, None)
    text = lead if lead_asks else preamble
    why = "a question over a list of fields"
    return [
        *before,
        Draft(request, word, numbering.last, None, [text, fields], [preamble, *outer_context], why=why),
    ]


def _apply_notes(drafts: Sequence[Draft], notes: Sequence[str]) -> None:
    """ "Please break the figures down by financial year, 2019/20 to 2021/22" governs the parts above it."""
    for draft in drafts:
        draft.notes.extend(notes)


def _strip_request_label(text: str) -> str:
    """ "Re: FOI request - library closures" is about libraries, not about FOI requests."""
    return _REQUEST_LABEL.sub(" ", text).strip()


def _blocks_under_headings(lines: list[_Line]) -> tuple[list[_Line], list[_Block]]:
    """ "Littering:" 1-7, "Fly-tipping:" 1-5: where the numbering starts again under plain headings,
    each heading opens a block, numbered by position ("Part 2, Q5")."""
    starts: list[int] = []
    for index, line in enumerate(lines):
        if line.kind != _Marker.NUMBER or line.value != "1":
            continue
        heading = next(
            (
                above
                for above in range(index - 1, max(-1, index - 1 - MAX_LINES_UNDER_HEADING), -1)
                if lines[above].kind is None
                and (_is_plain_heading(lines[above].text) or _introduces_a_list(lines[above]))
            ),
            None,
        )
        if heading is None:
            return lines, []
        starts.append(heading)
    if len(starts) < MIN_LIST_ITEMS:
        return lines, []
    blocks = []
    for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(lines)], strict=True), 1):
        blocks.append(_Block("Part", number, list(lines[start:end])))
    return list(lines[: starts[0]]), blocks


def _introduces_a_list(line: _Line) -> bool:
    """ "Firstly, I want to ask about your systems." / "I also want to know ...": a paragraph of prose
    that opens a list numbered again from 1 heads it, as a plain heading would; a lead-in to the fields
    of the question above ("broken down by:") does not."""
    text = line.text.strip()
    if not line.blank_before or text.endswith("?") or len(text.split()) > MAX_INTRODUCTION_WORDS:
        return False
    if DIMENSIONS_LEAD.search(text) or UNFINISHED_LEAD.search(text) or CATEGORY_LEAD.search(text):
        return False
    return INTRODUCES.search(text) is not None


def _is_plain_heading(text: str) -> bool:
    return (
        len(text.split()) <= MAX_HEADING_TITLE_WORDS and not text.endswith(("?", ".")) and not _is_ask(text)
    )


def drafts_of(cleaned: str) -> tuple[list[Draft], list[str]]:
    """The drafts of the parts of ``cleaned``, and the remarks that are not parts."""
    preamble_lines, blocks = _split_blocks(cleaned)
    if not blocks:
        preamble_lines, blocks = _blocks_under_headings(preamble_lines)
    if not blocks:
        read = _read_block(preamble_lines, None, [])
        return _with_unique_labels(read.drafts), read.remarks
    request_preamble = _strip_request_label(" ".join(line.text for line in preamble_lines))
    drafts: list[Draft] = []
    remarks: list[str] = []
    for block in blocks:
        read = _read_block(block.lines, block, [request_preamble])
        drafts.extend(read.drafts)
        remarks.extend(read.remarks)
    return _with_unique_labels(drafts), remarks


def _with_unique_labels(drafts: list[Draft]) -> list[Draft]:
    """A label cites one part: a repeated one ("Request 1" twice, "a)" twice) takes the next free number."""
    seen: set[str] = set()
    last_question: dict[int | None, int] = {}
    for draft in drafts:
        while label_of(draft) in seen:
            if draft.subquestion is not None:
                draft.subquestion = _next_letter(draft.subquestion[-1]) or f"{draft.subquestion}+"
            else:
                draft.question = last_question.get(draft.request, draft.question) + 1
        seen.add(label_of(draft))
        last_question[draft.request] = max(last_question.get(draft.request, 0), draft.question)
    return drafts


def label_of(draft: Draft) -> str:
    question = f"Q{draft.question}" + (f"({draft.subquestion})" if draft.subquestion else "")
    if draft.request is None:
        return question
    return f"{draft.block_word or 'Request'} {draft.request}, {question}"
