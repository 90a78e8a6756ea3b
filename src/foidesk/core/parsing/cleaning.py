"""Step 1 of parsing: the text is checked (empty, binary junk, too long) and cleaned of greeting,
sign-off, signature, footer and quoted correspondence."""

from __future__ import annotations

import re

from foidesk.core.parsing.model import InvalidRequestText, RequestTooLong
from foidesk.core.request_redaction import CORRESPONDENCE_OR_FOOTER, GREETING, SIGN_OFF_PHRASE

MAX_REQUEST_CHARS = 200_000  # a long request is a few thousand characters; beyond this, a person reads it
MAX_JUNK_RATIO = 0.05  # control characters and U+FFFD per character above which the text is not text
MIN_LETTER_RATIO = 0.3  # letters per non-blank character below which the text is not prose
MIN_WORDS_FOR_LANGUAGE = 6
MIN_ENGLISH_RATIO = 0.12  # share of common English words below which the text is another language
GREETING_SEARCH_LINES = 3
MAX_INDENT = 8  # spaces of indentation kept: enough to tell a nested list item from its parent
TAB_WIDTH = 4
MAX_GREETING_WORDS = 10  # a greeting line is short ("Dear Freedom of Information team,")


_JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
# Symbol-font bullets pasted from Word, and bullets lost to a wrong encoding (U+FFFD at a line's start)
_WORD_BULLET = re.compile(r"[\ue000-\uf8ff](?=[ \t])|^[ \t]*\ufffd(?=[ \t])", re.MULTILINE)
_BLANKS = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_GREETING = GREETING
_SIGN_OFF = re.compile(rf"^{SIGN_OFF_PHRASE}[ ,.!]*$", re.IGNORECASE)
_CORRESPONDENCE = CORRESPONDENCE_OR_FOOTER


_QUOTED_REQUEST = re.compile(
    r"\b(?:you (?:seek|sought) access to the following|you (?:requested|asked for) the following|"
    r"your request (?:read|reads|was as follows|for the following)|"
    r"(?:the|your) request (?:is|was) as follows|"
    r"you wrote:?$)",
    re.IGNORECASE,
)
_RESPONSE_BEGINS = re.compile(
    r"^(?:i (?:have|am) (?:today )?(?:decided|pleased to)|we (?:have|are) (?:today )?(?:decided|pleased to)|"
    r"(?:reasons? for )?decision:?$|our response:?$|response:?$|in response to your request|"
    r"(?:this|the) (?:letter|response) (?:serves|is) as a refusal notice)",
    re.IGNORECASE,
)


def check_request_text(text: str, max_chars: int = MAX_REQUEST_CHARS) -> None:
    """Raise ``InvalidRequestText`` unless ``text`` is something a person could have written."""
    if len(text) > max_chars:
        raise RequestTooLong(
            f"the request is {len(text):,} characters long; the most that is parsed is {max_chars:,}"
        )
    visible = "".join(text.split())
    if not visible:
        raise InvalidRequestText("the request is empty")
    if len(_JUNK.findall(text)) > MAX_JUNK_RATIO * len(text):
        raise InvalidRequestText("the request is not text (control characters or undecodable bytes)")
    letters = sum(map(str.isalpha, visible))
    if letters < MIN_LETTER_RATIO * len(visible):
        raise InvalidRequestText("the request has too few letters to be read as a request")


def clean_request_text(text: str) -> str:
    """The request without greeting, sign-off, signature, footer or quoted correspondence.

    Given a published response that quotes the request ("I note you seek access to the following
    information: ..."), only the quoted request is kept: not the page around it, not the answer.
    """
    text = _WORD_BULLET.sub("•", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _JUNK.sub("", text)
    lines = _quoted_request([_indented(line) for line in text.split("\n")])
    kept: list[str] = []
    for line in lines:
        bare = line.lstrip(" ")
        if _CORRESPONDENCE.match(bare) or (kept and _SIGN_OFF.match(bare)):
            break
        if bare.startswith(">"):
            continue
        kept.append(line)
    kept = _without_greeting(kept)
    while kept and (not kept[-1] or set(kept[-1]) <= {"-", "_", "=", " "}):
        kept.pop()
    return "\n".join(kept).strip("\n")


def _indented(line: str) -> str:
    """The line with its blanks made single spaces, keeping how far it is indented (a nested list)."""
    bare = _BLANKS.sub(" ", line).strip()
    indent = len(line.expandtabs(TAB_WIDTH)) - len(line.expandtabs(TAB_WIDTH).lstrip())
    return " " * min(indent, MAX_INDENT) + bare if bare else ""


def _quoted_request(lines: list[str]) -> list[str]:
    """The lines between "you seek access to the following information:" and "I have today decided ..."."""
    start = next((index for index, line in enumerate(lines) if _QUOTED_REQUEST.search(line)), None)
    if start is None:
        return lines
    quoted = lines[start + 1 :]
    end = next(
        (index for index, line in enumerate(quoted) if _RESPONSE_BEGINS.match(line.lstrip(" "))), len(quoted)
    )
    return quoted[:end]


def _without_greeting(lines: list[str]) -> list[str]:
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > GREETING_SEARCH_LINES:
            break
        if _GREETING.match(line.lstrip(" ")) and len(line.split()) <= MAX_GREETING_WORDS:
            return lines[:index] + lines[index + 1 :]
    return lines


_ENGLISH_WORDS = frozenset(
    {
        "the", "and", "of", "to", "in", "for", "how", "many", "please", "what", "is", "are", "was", "were",
        "a", "an", "on", "by", "you", "i", "me", "my", "your", "this", "that", "with", "from", "any",
        "number", "could", "would", "can", "provide", "information", "request", "each", "year", "which",
        "or", "all", "have", "has", "be", "it",
    }
)  # fmt: skip


def looks_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    return sum(1 for word in words if word in _ENGLISH_WORDS) >= MIN_ENGLISH_RATIO * len(words)


_CLARIFICATION = re.compile(
    r"^[ \t>*#\-]{0,4}(?:clarification[ \t]*:[^\n]*$"
    r"|(?:clarification(?: (?:received|provided|given|from (?:the )?requester))?(?: on\b| dated\b)?"
    r"|(?:the )?requester(?:'s)? (?:has )?(?:clarified|clarification)|clarified request"
    r"|(?:following|further to|in response to) (?:your|our|a|the) request for clarification)\b[^\n]{0,80}$)",
    re.IGNORECASE | re.MULTILINE,
)


def split_clarification(text: str) -> tuple[str, str]:
    """(the request, the clarification appended to it): "Clarification received 20 May 2023: ...".

    s.1(3) FOIA: what the requester says when asked to clarify defines the request, so its period
    applies to every part. The clarification is searched in the text as received, since it often
    follows the sign-off that cleaning cuts at.
    """
    lowered = text.lower()
    if "clarif" not in lowered:  # the common case, without running the pattern over every line
        return text, ""
    match = _CLARIFICATION.search(text)
    if match is None or not text[: match.start()].strip():
        return text, ""
    return text[: match.start()], text[match.start() :]


def clarification_body(clarification: str) -> str:
    """The clarification without its heading line ("Clarification received 20 May 2023:"), whose
    date is when it came, not the period asked about."""
    heading, colon, rest = clarification.partition(":")
    if colon and "\n" not in heading:
        return rest
    return clarification.partition("\n")[2]
