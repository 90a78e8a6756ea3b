"""A request's text -> its parts: what is asked, numbered as an officer cites it, with periods and topics.

The first hours of a request (issues 6 and 16): someone reads it, numbers its questions ("Request 1,
Q3"), works out the period each covers and what it is about. ``parse_request`` does that reading, in
the steps of this package:

1. ``cleaning``: the text is checked (empty, binary junk, too long -> ``InvalidRequestText``) and
   cleaned of greeting, sign-off, signature, footer and quoted correspondence; a clarification
   appended to it ("Clarification received 20 May 2023: ...") is set apart.
2. ``lines``: the line grammar: several items typed on one line ("* a * b", "1) ... 2) ...") become
   one line each, a "Question 3" heading joins the question below it, "1a." marks a sub-item.
3. ``structure`` (with the word cues of ``cues``): "Request N" / "Part N" headings, or numbering
   that starts again under plain headings, split the text into blocks; each block is read as a list
   or as prose, one part per item or sentence that asks. Sub-items and the fields of one ask
   ("for each person, give: - the name - the role") stay in their part; remarks (format
   preferences, NB notes, offers to clarify, s.16 advice, reasons) are kept on the request as
   ``context``, never parts. Each part says why it was split there (``ParsedPart.why``).
4. ``settling``: each part gets the periods and topics of its own words. A part without a period
   takes it from the part before when it refers back ("of these", "in the same period"), else from
   the text above it (preamble, heading, parent question), else from a note below the list ("broken
   down by financial year, 2019/20 to 2021/22"), else from the part before. A part asking for a
   document, a current figure or whether something is so now takes none. A clarification's period
   replaces every part's (s.1(3) FOIA).

Text in another language (Welsh, say) becomes a single part flagged ``language_not_recognised``.
Every step is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from foidesk.core.parsing.cleaning import (
    MAX_REQUEST_CHARS,
    check_request_text,
    clarification_body,
    clean_request_text,
    looks_english,
    split_clarification,
)
from foidesk.core.parsing.model import (
    Flag,
    InvalidRequestText,
    ParsedPart,
    ParsedRequest,
    PartFlag,
    RequestTooLong,
)
from foidesk.core.parsing.settling import Settler
from foidesk.core.parsing.structure import Draft, drafts_of
from foidesk.core.periods import periods_in
from foidesk.core.topics import DEFAULT_VOCABULARY, Topic, TopicVocabulary

__all__ = [
    "MAX_REQUEST_CHARS",
    "Flag",
    "InvalidRequestText",
    "ParsedPart",
    "ParsedRequest",
    "PartFlag",
    "RequestTooLong",
    "check_request_text",
    "clean_request_text",
    "looks_english",
    "parse_request",
]


def parse_request(
    text: str,
    received: date,
    extra_topics: Iterable[Topic] = (),
    *,
    vocabulary: TopicVocabulary = DEFAULT_VOCABULARY,
    max_chars: int = MAX_REQUEST_CHARS,
) -> ParsedRequest:
    """Split a request into its parts, each with its periods (resolved against ``received``) and topics.

    ``extra_topics``: the authority's own topics, added to ``vocabulary``.
    Raises ``InvalidRequestText`` for empty, binary or over-long text.
    """
    check_request_text(text, max_chars)
    extra = tuple(extra_topics)
    if extra:
        vocabulary = vocabulary.with_extra(extra)
    asked, clarification = split_clarification(text)
    cleaned = clean_request_text(asked)
    if not cleaned.strip():
        raise InvalidRequestText("the request has nothing but a greeting and a sign-off")
    remarks: list[str] = []
    if not looks_english(cleaned):
        drafts = [_whole_text(cleaned, PartFlag.LANGUAGE_NOT_RECOGNISED)]
    else:
        drafts, remarks = drafts_of(cleaned)
        drafts = drafts or [_whole_text(cleaned, PartFlag.NO_QUESTION_FOUND)]
    parts = Settler(received, vocabulary).settle(drafts)
    if clarification.strip():
        parts = _with_clarified_period(parts, clarification_body(clarification), received)
        remarks.append(" ".join(clean_request_text(clarification).split()))
    return ParsedRequest(tuple(parts), cleaned, received, tuple(remarks))


def _with_clarified_period(parts: list[ParsedPart], clarified: str, received: date) -> list[ParsedPart]:
    """The period of a clarification (s.1(3) FOIA: it settles what was asked) replaces every part's."""
    periods, period_flags = periods_in(clarified, received)
    if not periods:
        return parts
    flags: tuple[Flag, ...] = (PartFlag.PERIOD_FROM_CLARIFICATION, *sorted(period_flags))
    return [
        replace(
            part,
            date_ranges=periods,
            flags=tuple(dict.fromkeys((*part.flags, *flags))),
        )
        for part in parts
    ]


def _whole_text(cleaned: str, flag: PartFlag) -> Draft:
    """The whole request as one part, when it cannot be split."""
    return Draft(
        None, None, 1, None, [" ".join(cleaned.split())], [], flags=[flag], why=flag.value.replace("_", " ")
    )
