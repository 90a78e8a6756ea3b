"""An email that may be a request: its bytes (RFC 5322, MIME) -> who wrote, where to reply, what it says.

A request for information must be in writing, state the requester's name and an address for
correspondence, and describe the information (s.8(1) FOIA); an email is "in writing" (s.8(2)).
``parse_email`` reads those three things out of a message as it arrived, so that intake can open a
case and flag what is missing. It is strict about what cannot be read (``MalformedEmail``, with one
line saying why) and forgiving about what can: a wrong or unknown charset is decoded with
replacement characters rather than refused.

What it does not trust:

- header values: decoded, then every control character (CR and LF above all) becomes a space, so a
  subject or name cannot smuggle a header into a reply;
- HTML: read as text by a parser that keeps words and drops markup, scripts and styles;
- attachment names: reduced to a plain file name (no folders, no control characters, no reserved
  names), so they can be stored and offered for download as they are.

WhatDoTheyKnow (mySociety) sends requests from an address of the request itself,
``request-NNN-xxxx@whatdotheyknow.com``: the reply must go there, and it is recognised as such.
"""

from __future__ import annotations

import codecs
import email
import email.errors
import email.header
import email.policy
import email.utils
import hashlib
import mimetypes
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from html.parser import HTMLParser

# The sign-offs the request parser knows ("Yours faithfully", "Kind regards", ...): one home for them.
from foidesk.core.parsing.cleaning import _SIGN_OFF as SIGN_OFF

WHATDOTHEYKNOW_DOMAIN = "whatdotheyknow.com"
_WDTK_REQUEST_ADDRESS = re.compile(r"\brequest-\d+-[0-9a-z]+@whatdotheyknow\.com\b", re.IGNORECASE)

MAX_HEADER_CHARS = 998  # RFC 5322 s.2.1.1: no line may be longer; a longer value is cut here
MAX_FILENAME_CHARS = 180
MAX_NAME_WORDS = 5  # a sign-off name longer than this is a sentence, not a name
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SPACES = re.compile(r"[ \t]+")
_LABEL = r"[A-Za-z0-9\u0080-\uffff](?:[A-Za-z0-9\u0080-\uffff-]*[A-Za-z0-9\u0080-\uffff])?"
_ADDRESS = re.compile(
    rf"^[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~.\u0080-\uffff-]+@(?:{_LABEL}\.)+[A-Za-z\u0080-\uffff]{{2,}}$"
)
_UNSAFE_FILENAME = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*]")
_WINDOWS_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-Z\u00c0-\u024f][\w'\u2019.-]*$")
_NOT_NAME_WORDS = frozenset(
    {
        *("anonymous", "citizen", "concerned", "department", "foi", "freedom", "information", "office"),
        *("police", "requester", "resident", "residents", "sent", "team", "the", "user"),
        *("iphone", "ipad", "android", "mobile", "phone", "outlook", "galaxy", "samsung"),
    }
)
_PREFERRED_BODY = ("text/plain", "text/html")


class MalformedEmail(ValueError):
    """The bytes cannot be read as an email that could carry a request; the message says why in one line."""


class EmailTooLarge(MalformedEmail):
    """The whole message is over the size limit."""


class AttachmentTooLarge(MalformedEmail):
    """One attachment is over the size limit; the message names it."""


class TooManyAttachments(MalformedEmail):
    """More attachments than the limit allows."""


@dataclass(frozen=True, slots=True)
class EmailLimits:
    """How much intake accepts; the values come from settings (the caller's, not the core's)."""

    max_message_bytes: int
    max_attachment_bytes: int
    max_attachments: int


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str  # sanitised: safe to store and to offer for download as it is
    content_type: str
    content: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True, slots=True)
class IncomingEmail:
    """One message as intake needs it. Header values are decoded and free of control characters."""

    message_id: str
    date: datetime | None  # timezone-aware; None when absent or unreadable
    from_name: str
    from_address: str
    reply_to: str
    to: tuple[str, ...]
    subject: str
    body: str
    headers: dict[str, list[str]]
    attachments: tuple[Attachment, ...]
    requester_name: str  # the From display name, else a sign-off that is clearly a name, else ""
    reply_address: str  # where the response goes: the WhatDoTheyKnow request address, Reply-To or From
    via_whatdotheyknow: bool


def parse_email(raw: bytes, limits: EmailLimits) -> IncomingEmail:
    """Read a message as it arrived. Raise ``MalformedEmail`` (or a subclass) if it cannot carry a request."""
    if not raw.strip():
        raise MalformedEmail("The file is empty.")
    if len(raw) > limits.max_message_bytes:
        raise EmailTooLarge(
            f"The message is {_size(len(raw))}; the most accepted is {_size(limits.max_message_bytes)}."
        )
    message = email.message_from_bytes(raw, policy=email.policy.default)
    headers = _headers(message)
    if not headers or not any(name.lower() in _MESSAGE_HEADERS for name in headers):
        raise MalformedEmail("This is not an email message: it has no From, To, Subject or Date header.")
    try:
        body_part, leaves = _structure(message)
        body = _body_text(body_part) if body_part is not None else ""
        attachments = tuple(_attachments(leaves, body_part, limits))
    except (email.errors.MessageError, LookupError, IndexError) as error:
        raise MalformedEmail(f"The message's structure cannot be read ({error}).") from error
    if not body.strip() and not attachments:
        raise MalformedEmail("The message has no text and no attachment.")
    return _incoming(headers, body, attachments)


_MESSAGE_HEADERS = frozenset({"from", "to", "subject", "date", "message-id", "reply-to", "sender"})


def _incoming(headers: dict[str, list[str]], body: str, attachments: tuple[Attachment, ...]) -> IncomingEmail:
    from_name, from_address = _first_address(_raw(headers, "From"))
    _, reply_to = _first_address(_raw(headers, "Reply-To"))
    to = tuple(address for _, address in _addresses(_raw(headers, "To")) if address)
    wdtk = any(a.lower().endswith("@" + WHATDOTHEYKNOW_DOMAIN) for a in (from_address, reply_to))
    return IncomingEmail(
        message_id=_clean(_raw(headers, "Message-ID")),
        date=_date(_raw(headers, "Date")),
        from_name=from_name,
        from_address=from_address,
        reply_to=reply_to,
        to=to,
        subject=_decoded(_raw(headers, "Subject")),
        body=body,
        headers={name: [_decoded(v) for v in values] for name, values in headers.items()},
        attachments=attachments,
        requester_name=from_name or name_from_sign_off(body),
        reply_address=_reply_address(from_address, reply_to, body, wdtk),
        via_whatdotheyknow=wdtk,
    )


# --- headers ----------------------------------------------------------------------------------------


def _headers(message: Message) -> dict[str, list[str]]:
    """Header name -> raw values, grouped case-insensitively under the first spelling seen.

    ``raw_items`` gives the values as they arrived, so a malformed header cannot make the parser
    raise here; each value is decoded on its own terms later.
    """
    grouped: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for name, value in message.raw_items():
        key = names.setdefault(name.lower(), _clean(name))
        grouped.setdefault(key, []).append(str(value))
    return grouped


def _raw(headers: dict[str, list[str]], name: str) -> str:
    for key, values in headers.items():
        if key.lower() == name.lower():
            return values[0]
    return ""


def _clean(value: str) -> str:
    """One line of text: control characters (CR, LF, NUL...) become spaces; at most 998 characters."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", value)).strip()[:MAX_HEADER_CHARS]


def _decoded(value: str) -> str:
    """A header value with its RFC 2047 encoded words decoded; an unknown charset is read as UTF-8.

    Raw 8-bit bytes in a header (against RFC 6532 unless UTF-8, but common) arrive as escaped
    surrogates: they are read as UTF-8, else as Windows-1252 (which reads ISO-8859-1 too).
    """
    raw = value.encode("utf-8", errors="surrogateescape")
    try:
        value = raw.decode("utf-8")
    except UnicodeDecodeError:
        value = raw.decode("windows-1252", errors="replace")
    try:
        chunks = email.header.decode_header(value)
    except email.errors.HeaderParseError:
        return _clean(value)
    text = "".join(
        chunk.decode(_codec(charset), errors="replace") if isinstance(chunk, bytes) else chunk
        for chunk, charset in chunks
    )
    return _clean(text)


def _codec(charset: str | None) -> str:
    return charset if charset and _known(charset) else "utf-8"


def _known(charset: str) -> bool:
    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True


def _addresses(value: str) -> list[tuple[str, str]]:
    """(display name, address) pairs; an address that is not one (no @, spaces, brackets) is dropped."""
    if not value:
        return []
    pairs = email.utils.getaddresses([_CONTROL.sub(" ", value)])
    result = []
    for name, address in pairs:
        address = address.strip()
        result.append((_decoded(name).strip(" \"'"), address if _ADDRESS.match(address) else ""))
    return result


def _first_address(value: str) -> tuple[str, str]:
    pairs = [pair for pair in _addresses(value) if pair[1]]
    return pairs[0] if pairs else ("", "")


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(_clean(value))
    except (TypeError, ValueError, IndexError):
        return None
    # RFC 5322 s.3.3: "-0000" means the zone is unknown; it is read as UTC.
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


# --- body and attachments --------------------------------------------------------------------------


def _structure(message: EmailMessage) -> tuple[Message | None, list[Message]]:
    """The part that is the message's text, and every leaf part (not a container) in order."""
    leaves = list(_leaves(message))
    inline_text = [part for part in leaves if _is_inline_text(part)]
    for content_type in _PREFERRED_BODY:
        for part in inline_text:
            if part.get_content_type() == content_type:
                return part, leaves
    return None, leaves


def _leaves(part: Message) -> Iterator[Message]:
    if part.get_content_maintype() == "multipart" and part.is_multipart():
        for sub in part.get_payload():
            if isinstance(sub, Message):
                yield from _leaves(sub)
        return
    yield part


def _is_inline_text(part: Message) -> bool:
    return (
        part.get_content_type() in _PREFERRED_BODY
        and part.get_content_disposition() != "attachment"
        and not part.get_filename()
    )


def _body_text(part: Message) -> str:
    text = _part_text(part)
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _part_text(part: Message) -> str:
    """A text part decoded by its declared charset; an unknown charset or bad byte is replaced, not fatal."""
    payload = part.get_payload(decode=True)
    content = payload if isinstance(payload, bytes) else b""
    charset = part.get_content_charset() or "us-ascii"
    if not _known(charset):
        charset = "utf-8"
    # Mail labelled ISO-8859-1 is so often Windows-1252 (curly quotes, the euro) that HTML5 decodes it so.
    if charset in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}:
        charset = "windows-1252" if any(byte >= 0x80 for byte in content) else "us-ascii"
    return content.decode(charset, errors="replace")


def _attachments(leaves: list[Message], body: Message | None, limits: EmailLimits) -> Iterator[Attachment]:
    count = 0
    for part in leaves:
        if part is body or (_is_inline_text(part) and not _is_attached(part)):
            continue
        count += 1
        filename = safe_filename(part.get_filename() or "", part.get_content_type(), count)
        if count > limits.max_attachments:
            raise TooManyAttachments(
                f"The message has more than {limits.max_attachments} attachments; "
                f"the most accepted is {limits.max_attachments}."
            )
        content = _attachment_bytes(part)
        if len(content) > limits.max_attachment_bytes:
            raise AttachmentTooLarge(
                f"The attachment {filename!r} is {_size(len(content))}; "
                f"the most accepted is {_size(limits.max_attachment_bytes)}."
            )
        yield Attachment(filename=filename, content_type=part.get_content_type(), content=content)


def _is_attached(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or bool(part.get_filename())


def _attachment_bytes(part: Message) -> bytes:
    if part.get_content_maintype() == "message":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            return inner[0].as_bytes(policy=email.policy.compat32)
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def safe_filename(name: str, content_type: str, position: int) -> str:
    """A name fit to store and offer for download: no folder, no control or reserved characters.

    Letters of any language are kept (``résumé.pdf``, ``ymateb-ŵyr.docx``); a name that is nothing
    once cleaned becomes ``attachment-N`` with the extension of its content type.
    """
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE_FILENAME.sub("_", _CONTROL.sub("", name)).strip(" ._")
    if _WINDOWS_RESERVED.match(name):
        name = f"_{name}"
    if not name:
        name = f"attachment-{position}{_extension(content_type)}"
    if len(name) > MAX_FILENAME_CHARS:
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            name = stem[: MAX_FILENAME_CHARS - len(extension) - 1] + "." + extension
        else:
            name = name[:MAX_FILENAME_CHARS]
    return name


def _extension(content_type: str) -> str:
    if content_type == "message/rfc822":
        return ".eml"
    return mimetypes.guess_extension(content_type) or ".bin"


class _TextExtractor(HTMLParser):
    """Words of an HTML document, with line breaks where blocks end; markup, scripts and styles dropped."""

    _SKIP = frozenset({"script", "style", "head", "title", "template", "noscript"})
    _BLOCK = frozenset(
        {
            *("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre"),
            *("blockquote", "table", "ul", "ol", "section", "article", "header", "footer"),
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.chunks.append("\n")
            if tag == "li":
                self.chunks.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK and tag != "li":
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.chunks.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """The text a reader sees in an HTML email, as plain lines (never rendered, never run)."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(extractor.chunks).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# --- who wrote and where to reply -------------------------------------------------------------------


def name_from_sign_off(body: str) -> str:
    """The name under the sign-off ("Yours faithfully" / "Jane Doe"), only if it is clearly a name.

    s.8(1)(b) FOIA needs the requester's name. A guess that is not clearly a name ("Sent from my
    iPhone", "A concerned resident", "J") returns "" so that the case is flagged for an officer.
    """
    lines = [line.strip() for line in body.split("\n")]
    for index, line in enumerate(lines):
        if not SIGN_OFF.match(line):
            continue
        following = next((candidate for candidate in lines[index + 1 :] if candidate), "")
        return following if _clearly_a_name(following) else ""
    return ""


def _clearly_a_name(line: str) -> bool:
    words = line.rstrip(".,").split()
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return False
    if any(word.lower().strip(".") in _NOT_NAME_WORDS for word in words):
        return False
    return all(_NAME_WORD.match(word) for word in words) and any(len(w.strip(".")) > 1 for w in words)


def _reply_address(from_address: str, reply_to: str, body: str, via_whatdotheyknow: bool) -> str:
    """Where the response must go: for WhatDoTheyKnow, the request's own address (it publishes the reply)."""
    if via_whatdotheyknow:
        for candidate in (reply_to, from_address):
            if _WDTK_REQUEST_ADDRESS.fullmatch(candidate):
                return candidate.lower()
        # "Please use this email address for all replies to this request: request-...": the footer says it.
        found = _WDTK_REQUEST_ADDRESS.search(body)
        if found:
            return found.group(0).lower()
    return reply_to or from_address


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
