"""A request's text as it may be published: the requester and other people taken out of it.

The disclosure log, its JSON API and its search publish the request text. What identifies a person
has no place there (UK GDPR Art. 5(1)(c), data minimisation; s.40 FOIA): the requester's name in
every form, their email, phone and postal address, the whole sign-off block and signature, the
WhatDoTheyKnow footer with its request address, and third parties named after a title or a police
rank, with National Insurance numbers, vehicle registrations and dates of birth.

``redact_request`` proposes the text; a publisher reviews it (``RedactedRequest.segments`` shows
the original with each removal marked) and may edit it before publishing. Where a rule is unsure
(a short capitalised line in the sign-off area), it removes: a publisher can put a word back, but
a name once published cannot be taken back. What stays: the authority's name, statutes, years and
periods asked about, numbers in questions, place names that are the subject of the request, and
job titles without names ("the Commissioner").

Shapes of personal data (names, ranks, emails, phones, National Insurance numbers, postcodes,
vehicle registrations, addresses, dates) come from ``core/personal_data``, the one recogniser;
the greeting and sign-off phrases defined here are also what ``core/parsing.py`` strips.
Every rule is a regular expression run once over the text or its lines: linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from foidesk.core.personal_data import (
    CAP,
    DAY_MONTH_DATE,
    EMAIL,
    INITIALS,
    LONG_RANKS,
    LOWER,
    MONTH_DAY_DATE,
    NI_NUMBER,
    NUMERIC_DATE,
    PERSONAL_TITLES,
    PHONE,
    POLICE_RANKS,
    POSTCODE,
    STREET_ADDRESS,
    STREET_WORDS,
    UPPER,
    VEHICLE_REGISTRATION,
)

# --- phrases shared with core/parsing and core/matching.py -------------------------------------

# A greeting opens the request ("Dear ...", "Hi", "FAO the FOI officer").
GREETING_PHRASE = (
    r"(?:dear\b|hello\b|hi\b|hiya\b|good (?:morning|afternoon|evening)\b|to whom it may concern|"
    r"fao\b|f\.a\.o\b|for the attention of\b|to the (?:foi|freedom of information|information)\b|"
    r"greetings\b)"
)
GREETING = re.compile(rf"^{GREETING_PHRASE}", re.IGNORECASE)
# The words that close a letter or email; what follows them is a name, a signature, contacts.
SIGN_OFF_PHRASE = (
    r"(?:yours (?:faithfully|sincerely|truly)|kind(?:est)? regards|best regards|warm(?:est)? regards|"
    r"regards|many thanks(?: in advance)?|thanks(?: (?:in advance|again|very much|so much))?|"
    r"thank you(?: (?:very much|so much|in advance|for your (?:help|time|assistance)))?|best wishes|"
    r"with thanks|cheers|all the best|sincerely|best(?=[ \t]*(?:[,!]|$))|sent from my \w+)"
)
# Where the request ends and something else begins: quoted correspondence, a signature delimiter,
# the WhatDoTheyKnow footer ("Please use this email address for all replies to this request").
CORRESPONDENCE_OR_FOOTER = re.compile(
    r"^(?:-{2,} ?original message ?-{2,}|on .{1,200} wrote:|-{2,} ?forwarded message|"
    r"please use this email address for all replies to this request|"
    r"disclaimer: this message and any reply that you make will be published|-- ?$|_{5,}$)",
    re.IGNORECASE,
)


class RemovalKind(StrEnum):
    """What was removed; each kind has its own placeholder in the publishable text."""

    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    SIGNATURE = "signature"
    FOOTER = "footer"
    CORRESPONDENCE = "correspondence"
    PERSONAL_DATA = (
        "personal_data"  # National Insurance number, vehicle registration, date of birth, collar number
    )

    @property
    def placeholder(self) -> str:
        return _PLACEHOLDERS[self]


_PLACEHOLDERS = {
    RemovalKind.NAME: "[name removed]",
    RemovalKind.EMAIL: "[email address removed]",
    RemovalKind.PHONE: "[phone number removed]",
    RemovalKind.ADDRESS: "[address removed]",
    RemovalKind.SIGNATURE: "[signature removed]",
    RemovalKind.FOOTER: "[WhatDoTheyKnow footer removed]",
    RemovalKind.CORRESPONDENCE: "[earlier correspondence removed]",
    RemovalKind.PERSONAL_DATA: "[personal data removed]",
}
# When two findings overlap, the wider kind names the merged span.
_PRIORITY = {
    RemovalKind.FOOTER: 5,
    RemovalKind.CORRESPONDENCE: 5,
    RemovalKind.SIGNATURE: 4,
    RemovalKind.ADDRESS: 3,
}


@dataclass(frozen=True, slots=True)
class Removal:
    """``original[start:end]`` is removed and ``replacement`` stands in its place."""

    start: int
    end: int
    kind: RemovalKind
    replacement: str


@dataclass(frozen=True, slots=True)
class RedactedRequest:
    """The publishable ``text``, the ``original`` and the ``removals`` (offsets in the original)."""

    text: str
    original: str
    removals: tuple[Removal, ...]

    def segments(self) -> Iterator[tuple[str, Removal | None]]:
        """The original in pieces: kept text with None, removed text with its removal (to mark it)."""
        position = 0
        for removal in self.removals:
            if removal.start > position:
                yield self.original[position : removal.start], None
            yield self.original[removal.start : removal.end], removal
            position = removal.end
        if position < len(self.original):
            yield self.original[position:], None


# --- shapes -------------------------------------------------------------------------------------

_UPPER = UPPER
_LOWER = LOWER
_CAP = CAP
_INITIALS = INITIALS
_PERSONAL_TITLES = PERSONAL_TITLES
_LONG_RANKS = LONG_RANKS
_TITLED_NAME = re.compile(
    rf"\b(?:{_PERSONAL_TITLES}|{_LONG_RANKS}|{POLICE_RANKS})\b\.?[ \t]+"
    rf"(?P<id>\d{{1,6}}(?:[ \t]?[A-Z]{{2}})?\b[ \t]*)?"
    rf"(?P<name>{_INITIALS}{_CAP}(?:[ \t]+{_CAP}){{0,2}})?"
)
# Capitalised words that follow a title or close a greeting and are not a person's name.
_NOT_NAMES = frozenset(
    {
        "Please", "The", "And", "Or", "Of", "In", "On", "At", "For", "To", "From", "With", "By", "I", "We",
        "My", "Our", "Your", "This", "That", "These", "Those", "Also", "Thank", "Thanks", "Regards",
        "Request", "Police", "Station", "Team", "Unit", "Service", "Services", "Department", "Office",
        "Officer", "Officers", "Borough", "Council", "Force", "Constabulary", "Authority", "Sir", "Sirs",
        "Madam", "All", "FOI", "Foi", "Information", "Freedom", "Metropolitan", "Commissioner", "Colleague",
        "Colleagues", "Compliance", "Disclosure", "Data", "Protection", "Manager", "Chief", "Head",
        "Records", "Public", "Access", "Legal", "Requests", "There", "Everyone", "Sir/Madam", "Who",
        "Which", "What", "When", "Where", "How", "Is", "Are", "Was", "Were", "Has", "Have", "Did", "Does",
        "Command", "Directorate", "Group", "Squad", "Review", "Act", "Section", "Yard", "Scotland",
    }
)  # fmt: skip
_GREETING_WHO = re.compile(
    r"^[ \t]*(?:dear|hello|hi|hiya|good (?:morning|afternoon|evening))[ \t,]+(?P<who>[^\n,:;!]{1,60})",
    re.IGNORECASE,
)
_MY_NAME = re.compile(rf"\b(?:[Mm]y name is|I am called)[ \t]+(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,2}})")

_EMAIL = re.compile(EMAIL)
_NI_NUMBER = re.compile(NI_NUMBER)
_AT = r"(?:[ \t]*[\[(]at[\])][ \t]*|[ \t]+at[ \t]+)"
_DOT = r"(?:[ \t]*[\[(]dot[\])][ \t]*|[ \t]+dot[ \t]+)"
# "name at example dot com", "joanne[at]burke-family[dot]co[dot]uk": an email written to dodge scrapers.
_OBFUSCATED_EMAIL = re.compile(
    rf"\b[\w+-]+(?:(?:{_DOT}|\.)[\w+-]+)*{_AT}[\w-]+(?:(?:{_DOT}|\.)[\w-]+)*{_DOT}"
    r"(?:com|org|net|uk|gov|ac|edu|io|me|info|eu|ie|scot|wales|london|biz|co)\b",
    re.IGNORECASE,
)
_PHONE = re.compile(PHONE, re.IGNORECASE)
_POSTCODE = re.compile(POSTCODE)
_VEHICLE = re.compile(VEHICLE_REGISTRATION)
_STREET_WORDS = STREET_WORDS
_STREET_ADDRESS = re.compile(STREET_ADDRESS)
_DATE = rf"(?:{DAY_MONTH_DATE}|{MONTH_DAY_DATE}|{NUMERIC_DATE})"
_DATE_OF_BIRTH = re.compile(
    rf"\b(?:date of birth|d\.?o\.?b\.?|born(?: on)?)[ \t]*(?:is|was|:|-|of)?[ \t]*(?P<date>{_DATE})",
    re.IGNORECASE,
)
_CONTACT_WORD = re.compile(
    r"\b(?:tel|phone|mob(?:ile)?|m|t|e|email|fax)\b\.?[ \t]*:|https?://|www\.", re.IGNORECASE
)
_SIGN_OFF_LINE = re.compile(
    rf"^[ \t]*(?P<phrase>{SIGN_OFF_PHRASE})\b(?P<rest>[^\n]{{0,80}})$|^[ \t]*--[ \t]*$", re.IGNORECASE
)
_SIGN_OFF_IN_LINE = re.compile(
    rf"(?<=[.!?])[ \t]+(?P<phrase>{SIGN_OFF_PHRASE})\b(?P<rest>[^\n]{{0,60}})$", re.IGNORECASE
)
_STRONG_SIGN_OFF = re.compile(
    r"^[ \t]*(?:yours (?:faithfully|sincerely|truly)|kind(?:est)? regards|best regards|best wishes|"
    r"many thanks)",
    re.IGNORECASE,
)
_NAME_LINE_WORD = re.compile(
    rf"^(?:\(?(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\)?|[{_UPPER}{_LOWER}][{_LOWER}{_UPPER}'’.-]*,?)$"
)
_LINE_WORDS_OF_PROSE = frozenset(
    {"of", "the", "and", "in", "on", "for", "to", "a", "an", "is", "are", "was", "please", "how", "what",
     "me", "if", "my", "i", "you", "your", "can", "be", "by"}
)  # fmt: skip
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|from|near|across|around|within|throughout|into|to|of|borough|outside|inside)[ \t]+$",
    re.IGNORECASE,
)
MAX_SIGN_OFF_NAME_WORDS = 6  # "Kind regards, Dr Amelia Fairbanks-Wright (Ms)" and no more
MAX_SIGNATURE_LINE_WORDS = 12  # a job title, an organisation, an address line: not a sentence
MAX_NAME_LINE_WORDS = 5


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for piece in text.split("\n"):
        lines.append(_Line(position, position + len(piece), piece))
        position += len(piece) + 1
    return lines


@dataclass(slots=True)
class _Finder:
    """Collects the spans to remove from one text."""

    text: str
    found: list[tuple[int, int, RemovalKind]]

    def add(self, start: int, end: int, kind: RemovalKind) -> None:
        trailing = " \t\n" if kind in _PRIORITY else " \t\n,.;:"  # a block takes its full stop with it
        while end > start and self.text[end - 1] in trailing:
            end -= 1
        if end > start:
            self.found.append((start, end, kind))


# --- the blocks at the end: footer, correspondence, sign-off -------------------------------------


def _tail_start(lines: list[_Line], finder: _Finder) -> int:
    """The index of the first line of the WhatDoTheyKnow footer or quoted correspondence, or len(lines)."""
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        if not CORRESPONDENCE_OR_FOOTER.match(stripped) or re.fullmatch(r"--", stripped):
            continue
        footer = "whatdotheyknow" in finder.text[line.start :].lower() and not stripped.lower().startswith(
            ("on ", "-----original", "---------- forwarded")
        )
        start = index
        while start > 0 and (
            not lines[start - 1].text.strip() or set(lines[start - 1].text.strip()) <= {"-", "_"}
        ):
            start -= 1
        first = next((i for i in range(start, index + 1) if lines[i].text.strip()), index)
        finder.add(
            lines[first].start, len(finder.text), RemovalKind.FOOTER if footer else RemovalKind.CORRESPONDENCE
        )
        return start
    return len(lines)


def _is_signature_line(text: str) -> bool:
    stripped = text.strip()
    if not stripped:
        return True
    if "?" in stripped:
        return False
    return len(stripped.split()) <= MAX_SIGNATURE_LINE_WORDS or _has_contact(stripped)


def _is_name_line(text: str) -> bool:
    """A line that could be a name and nothing else: "Fiona McAllister", "Mr T. Okonkwo", "rosie"."""
    words = text.strip().split()
    if not words or len(words) > MAX_NAME_LINE_WORDS or text.strip().endswith((":", "?")):
        return False
    if any(word.lower() in _LINE_WORDS_OF_PROSE or word in _NOT_NAMES for word in words):
        return False
    return all(_NAME_LINE_WORD.match(word) for word in words)


def _is_contact_line(text: str) -> bool:
    """ "Tel: 020 7946 0123", "jo@example.org | 07700 900 123": contacts, not a sentence about them."""
    words = text.split()
    if len(words) > MAX_NAME_LINE_WORDS + 3 or any(word.lower() in _LINE_WORDS_OF_PROSE for word in words):
        return False
    return _has_contact(text) or bool(_PHONE.search(text))


def _has_contact(text: str) -> bool:
    return "@" in text or bool(_CONTACT_WORD.search(text) or _POSTCODE.search(text))


def _sign_off_start(lines: list[_Line], end: int) -> tuple[int, int] | None:
    """(line index, offset) where the sign-off block begins, or None.

    The earliest sign-off from which every line to the end is signature-like ("Many thanks / Sarah /
    Sent from my iPhone" is one block); else the last strong one ("Yours faithfully") with no ask after it.
    """
    candidates: list[tuple[int, int, bool]] = []
    for index in range(end):
        line = lines[index]
        match = _SIGN_OFF_LINE.match(line.text)
        if match and _short_rest(match.group("rest")):
            candidates.append((index, line.start, bool(_STRONG_SIGN_OFF.match(line.text))))
            continue
        inline = _SIGN_OFF_IN_LINE.search(line.text)
        if inline and _short_rest(inline.group("rest")):
            candidates.append((index, line.start + inline.start("phrase"), False))
    if not candidates:
        return None
    # From the end backwards, once: is every line after this one signature-like / free of asks?
    signature_after = [True] * (end + 1)
    no_ask_after = [True] * (end + 1)
    for index in range(end - 1, candidates[0][0], -1):
        text = lines[index].text
        signature_after[index] = signature_after[index + 1] and _is_signature_line(text)
        no_ask_after[index] = no_ask_after[index + 1] and "?" not in text and "please" not in text.lower()
    accepted: tuple[int, int] | None = None
    for index, offset, strong in reversed(candidates):
        if signature_after[index + 1] or (accepted is None and strong and no_ask_after[index + 1]):
            accepted = (index, offset)
    return accepted


def _short_rest(rest: str | None) -> bool:
    rest = (rest or "").strip(" \t,.!:;–—-")
    return "?" not in rest and len(rest.split()) <= MAX_SIGN_OFF_NAME_WORDS


def _bare_signature_start(lines: list[_Line], end: int) -> int | None:
    """The first line of a last paragraph that is only a name and contacts ("\\n\\nMiriam Cole")."""
    index = end
    while index > 0 and not lines[index - 1].text.strip():
        index -= 1
    last = index
    while index > 0 and lines[index - 1].text.strip():
        text = lines[index - 1].text
        if not (_is_name_line(text) or _is_contact_line(text)):
            return None
        index -= 1
    if index == last or index == 0:
        return None  # no paragraph, or the whole text is one paragraph: a request, not a signature
    return index


def _find_tail(text: str, lines: list[_Line], finder: _Finder) -> int:
    """Remove the footer, correspondence and sign-off; the index of the first line left to the body."""
    end = _tail_start(lines, finder)
    body_end = lines[end - 1].end if end > 0 else 0
    sign_off = _sign_off_start(lines, end)
    if sign_off is not None:
        index, offset = sign_off
        bare = _bare_signature_start(lines, index)
        if bare is not None:
            index, offset = bare, lines[bare].start
        finder.add(offset, body_end, RemovalKind.SIGNATURE)
        return index
    bare = _bare_signature_start(lines, end)
    if bare is not None:
        finder.add(lines[bare].start, body_end, RemovalKind.SIGNATURE)
        return bare
    return end


# --- names ---------------------------------------------------------------------------------------


def _name_tokens(name: str) -> list[str]:
    return [token.strip(",.()") for token in name.split() if token.strip(",.()")]


def _requester_names(
    text: str, lines: list[_Line], names: Sequence[str], body_end: int, finder: _Finder
) -> None:
    """The requester's name: in full, as initials and surname, by surname; given names near a greeting."""
    for name in names:
        tokens = _name_tokens(name)
        if not tokens:
            continue
        if len(tokens) == 1:
            _surname_alone(text, tokens[0], finder)  # "Lambeth" alone is also a place
            continue
        surname = tokens[-1]
        given = [token for token in tokens[:-1] if len(token) > 1]
        full = r"[\s.]+".join(re.escape(token) for token in tokens)
        initials = r"[\s.]*".join(re.escape(token[0]) for token in tokens[:-1])
        forms = [full]
        if initials:
            forms.append(rf"{initials}\.?[ \t]+{re.escape(surname)}")
        # "Rose Hill Park" is a place, whoever Rose Hill is.
        not_a_place = rf"(?![ \t]+(?:{_STREET_WORDS})\b)"
        for hit in re.finditer(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w){not_a_place}", text, re.IGNORECASE):
            finder.add(hit.start(), hit.end(), RemovalKind.NAME)
        _surname_alone(text, surname, finder)
        _given_names_in_greeting(lines, given, body_end, finder)


def _surname_alone(text: str, surname: str, finder: _Finder) -> None:
    """The surname, capitalised, unless it names a place here ("in Lambeth", "Lambeth Walk")."""
    if len(surname) < 2 or not surname[0].isupper():
        return
    pattern = (
        rf"(?<![\w'’-])(?:{re.escape(surname)}|{re.escape(surname.upper())})(?![\w-])(?!['’][{_LOWER}]{{2}})"
    )
    for hit in re.finditer(pattern, text):
        before = text[max(0, hit.start() - 20) : hit.start()]
        after = text[hit.end() : hit.end() + 2]
        if _PLACE_BEFORE.search(before) or re.match(rf"[ \t][{_UPPER}]", after):
            continue
        finder.add(hit.start(), hit.end(), RemovalKind.NAME)


def _given_names_in_greeting(
    lines: list[_Line], given: Sequence[str], body_end: int, finder: _Finder
) -> None:
    """A given name alone identifies only near a greeting ("Hi, Dev here"): elsewhere it may be a word."""
    if not given:
        return
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(g) for g in given)})(?!\w)", re.IGNORECASE)
    for line in [line for line in lines[:3] if line.end <= body_end]:
        if GREETING.match(line.text.strip()) or re.search(r"\b(?:my name is|I am|I'm)\b", line.text, re.I):
            for hit in pattern.finditer(line.text):
                if hit.group()[0].isupper():
                    finder.add(line.start + hit.start(), line.start + hit.end(), RemovalKind.NAME)


def _titled_names(text: str, finder: _Finder) -> None:
    """Anyone named after a title or a police rank ("Dr Helen Marsh", "PC 4471 Hargreaves", "DS Farah")."""
    for hit in _TITLED_NAME.finditer(text):
        name = hit.group("name")
        if name:
            words = name.split()
            kept = 0
            for word in words:
                if word.strip(".") in _NOT_NAMES:
                    break
                kept += 1
            if kept:
                tail = name.rfind(words[kept - 1]) + len(words[kept - 1])
                start = hit.start("id") if hit.group("id") else hit.start("name")
                finder.add(start, hit.start("name") + tail, RemovalKind.NAME)
                continue
        if hit.group("id"):
            finder.add(hit.start("id"), hit.end("id"), RemovalKind.PERSONAL_DATA)


def _greeted_names(text: str, lines: list[_Line], authority_words: frozenset[str], finder: _Finder) -> None:
    """ "Dear Fiona," names a person; "Dear Metropolitan Police Service" and "Dear FOI team" do not."""
    for line in lines[:6]:
        match = _GREETING_WHO.match(line.text)
        if match is None:
            continue
        who = match.group("who").rstrip()
        words = who.split()
        if not words or len(words) > 3 or words[0] in {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"}:
            continue
        if any(
            word in _NOT_NAMES or word in authority_words or not re.fullmatch(_CAP, word) for word in words
        ):
            continue
        finder.add(
            line.start + match.start("who"), line.start + match.start("who") + len(who), RemovalKind.NAME
        )
    for hit in _MY_NAME.finditer(text) if "name is" in text or "am called" in text else ():
        finder.add(hit.start("name"), hit.end("name"), RemovalKind.NAME)


# --- contacts and identifiers --------------------------------------------------------------------


def _contacts(text: str, lines: list[_Line], finder: _Finder) -> None:
    if "@" in text:
        for hit in _EMAIL.finditer(text):
            finder.add(hit.start(), hit.end(), RemovalKind.EMAIL)
    lowered = text.lower()
    obfuscated = "dot" in lowered and ("at" in lowered)
    for hit in _OBFUSCATED_EMAIL.finditer(text) if obfuscated else ():
        finder.add(hit.start(), hit.end(), RemovalKind.EMAIL)
    for hit in _PHONE.finditer(text):
        finder.add(hit.start(), hit.end(), RemovalKind.PHONE)
    for hit in _STREET_ADDRESS.finditer(text):
        finder.add(hit.start(), hit.end(), RemovalKind.ADDRESS)
    for hit in _NI_NUMBER.finditer(text):
        finder.add(hit.start(), hit.end(), RemovalKind.PERSONAL_DATA)
    for hit in _VEHICLE.finditer(text):
        finder.add(hit.start(1), hit.end(1), RemovalKind.PERSONAL_DATA)
    for hit in _DATE_OF_BIRTH.finditer(text):
        finder.add(hit.start("date"), hit.end("date"), RemovalKind.PERSONAL_DATA)
    _postal_addresses(text, lines, finder)


def _postal_addresses(text: str, lines: list[_Line], finder: _Finder) -> None:
    """A postcode, and with it the short lines above it in its paragraph (a letter's address block)."""
    for index, line in enumerate(lines):
        hit = _POSTCODE.search(line.text)
        if hit is None:
            continue
        if len(line.text.split()) > MAX_NAME_LINE_WORDS + 3:
            finder.add(line.start + hit.start(1), line.start + hit.end(1), RemovalKind.ADDRESS)
            continue
        first = index
        while (
            first > 0
            and lines[first - 1].text.strip()
            and len(lines[first - 1].text.split()) <= MAX_NAME_LINE_WORDS
            and not GREETING.match(lines[first - 1].text.strip())
            and not _SIGN_OFF_LINE.match(lines[first - 1].text)
        ):
            first -= 1
        finder.add(lines[first].start + _indent(lines[first].text), line.end, RemovalKind.ADDRESS)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _literals(text: str, contacts: Sequence[str], finder: _Finder) -> None:
    """The requester's own contact details as the case holds them: email, phone, address lines."""
    for contact in contacts:
        for piece in re.split(r"[\n,]+", contact):
            piece = piece.strip()
            if len(piece) < 4 or (" " not in piece and not any(ch.isdigit() or ch == "@" for ch in piece)):
                continue  # a town alone ("London") is no identifier, and may be what the request is about
            digits = re.sub(r"\D", "", piece)
            if len(digits) >= 9 and len(digits) >= len(piece.replace(" ", "")) - 4:
                pattern = r"[\s()+-]*".join(digits)
                kind = RemovalKind.PHONE
            else:
                pattern = r"\s+".join(re.escape(word) for word in piece.split())
                kind = RemovalKind.EMAIL if "@" in piece else RemovalKind.ADDRESS
            for hit in re.finditer(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE):
                finder.add(hit.start(), hit.end(), kind)


# --- merging and the entry point -----------------------------------------------------------------


def _protected(text: str, authority_names: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for name in authority_names:
        if name.strip():
            pattern = r"\s+".join(re.escape(word) for word in name.split())
            spans += [(hit.start(), hit.end()) for hit in re.finditer(pattern, text, re.IGNORECASE)]
    return spans


def _merged(found: list[tuple[int, int, RemovalKind]], protected: list[tuple[int, int]]) -> list[Removal]:
    """Overlapping findings become one removal named by the widest kind; a name inside the authority's
    own name is no name."""
    kept = [
        (start, end, kind)
        for start, end, kind in found
        if kind is not RemovalKind.NAME or not any(s < end and start < e for s, e in protected)
    ]
    kept.sort(key=lambda span: (span[0], -span[1]))
    merged: list[tuple[int, int, RemovalKind]] = []
    for start, end, kind in kept:
        if merged and start < merged[-1][1]:
            last_start, last_end, last_kind = merged[-1]
            wider = (_PRIORITY.get(kind, 0), end - start) > (
                _PRIORITY.get(last_kind, 0),
                last_end - last_start,
            )
            merged[-1] = (last_start, max(last_end, end), kind if wider else last_kind)
            continue
        merged.append((start, end, kind))
    return [Removal(start, end, kind, kind.placeholder) for start, end, kind in merged]


def redact_request(
    text: str,
    *,
    requester_names: Sequence[str] = (),
    requester_contacts: Sequence[str] = (),
    authority_names: Sequence[str] = (),
) -> RedactedRequest:
    """The request as it may be published, with what identifies a person replaced by a placeholder.

    ``requester_names``: the requester's name as the case holds it (and any other form known);
    ``requester_contacts``: their email, phone and address as held; ``authority_names``: the
    authority's own names, never removed. Line endings are normalised to "\\n" first; offsets of the
    removals are in that normalised text, which is ``original``.
    """
    original = text.replace("\r\n", "\n").replace("\r", "\n")
    finder = _Finder(original, [])
    lines = _lines(original)
    body_lines = _find_tail(original, lines, finder)
    body_end = lines[body_lines - 1].end if body_lines > 0 else 0
    authority_words = frozenset(word for name in authority_names for word in name.split())
    _requester_names(original, lines, requester_names, body_end, finder)
    _titled_names(original, finder)
    _greeted_names(original, lines, authority_words, finder)
    _contacts(original, lines, finder)
    _literals(original, requester_contacts, finder)
    removals = _merged(finder.found, _protected(original, authority_names))
    pieces: list[str] = []
    position = 0
    for removal in removals:
        pieces += [original[position : removal.start], removal.replacement]
        position = removal.end
    pieces.append(original[position:])
    return RedactedRequest("".join(pieces), original, tuple(removals))
