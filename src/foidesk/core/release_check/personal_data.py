"""Personal data that a pattern can tell (UK formats), found and redacted in any cell's text.

Shared by every tabular format the release gate reads (XLSX, ODS, CSV). The shapes are those of
``core/personal_data`` (the one recogniser); names in cells are left to the redaction step and the
two-person approval, since a column of surnames is data the authority chose to publish or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from foidesk.core.personal_data import EMAIL, NI_NUMBER, PHONE

PERSONAL_DATA_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an email address", re.compile(EMAIL)),
    ("a National Insurance number", re.compile(NI_NUMBER)),  # any case (HMRC NIM39110)
    ("a UK telephone number", re.compile(PHONE, re.IGNORECASE)),  # (020) ..., +44 (0)..., 07...
)
NHS_NUMBER = re.compile(r"(?<![\d.])\d{3} ?\d{3} ?\d{4}(?![\d.])")
MIGHT_BE_PERSONAL = re.compile(
    r"@|\d[\d \t()-]{4,}\d"
)  # an @, or six digits with spaces, brackets or hyphens
REDACTED = "[redacted]"
# Personal data in plain view is a warning, which FOI Desk does not let pass by itself: the response is
# not submitted until a decision maker records why it may be released (s.40(2) FOIA: whether disclosure
# would breach the data-protection principles is a judgment, e.g. the FOI team's public mailbox); the
# sanitised copy redacts it.
PERSONAL_DATA_MESSAGE = (
    "Cells look like personal data (an email address, a telephone, National Insurance or NHS number): "
    "s.40(2) asks whether releasing it would breach the data-protection principles, a decision maker's "
    "judgment; the sanitised copy redacts them."
)


def personal_data_kind(text: str) -> str | None:
    """What kind of personal data ``text`` looks like, or None. Shared by every tabular format."""
    if not MIGHT_BE_PERSONAL.search(text):
        return None
    for kind, pattern in PERSONAL_DATA_PATTERNS:
        if pattern.search(text):
            return kind
    if any(_valid_nhs_number(match.group()) for match in NHS_NUMBER.finditer(text)):
        return "an NHS number"
    return None


def strings_with_personal_data(string_batches: Iterable[list[str]]) -> tuple[set[int], int]:
    """Indices of the strings that look like personal data, and how many strings there are.

    One search per batch where none could be; the strings are not kept.
    """
    flagged: set[int] = set()
    count = 0
    for texts in string_batches:
        if MIGHT_BE_PERSONAL.search("\x00".join(texts)):
            flagged.update(count + n for n, text in enumerate(texts) if personal_data_kind(text))
        count += len(texts)
    return flagged, count


def redact_personal_data(text: str) -> str:
    """``text`` with every personal-data match replaced by ``[redacted]`` (for the clean copy)."""
    if not MIGHT_BE_PERSONAL.search(text):
        return text
    for _, pattern in PERSONAL_DATA_PATTERNS:
        text = pattern.sub(REDACTED, text)
    return NHS_NUMBER.sub(lambda m: REDACTED if _valid_nhs_number(m.group()) else m.group(), text)


def _valid_nhs_number(text: str) -> bool:
    """The modulus 11 check digit of an NHS number (NHS Data Dictionary, "NHS NUMBER")."""
    digits = [int(ch) for ch in text if ch.isdigit()]
    total = sum(digit * (10 - position) for position, digit in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == digits[9]


def batches(texts: Iterator[str], size: int = 10_000) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
