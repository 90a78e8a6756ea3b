"""Placeholder until the full recogniser lands: removes the requester's names and contacts only."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Removal:
    start: int
    end: int
    kind: str
    replacement: str


@dataclass(frozen=True, slots=True)
class RedactedRequest:
    original: str
    text: str
    removals: tuple[Removal, ...]

    def segments(self) -> Iterator[tuple[str, Removal | None]]:
        at = 0
        for removal in self.removals:
            if removal.start > at:
                yield self.original[at : removal.start], None
            yield self.original[removal.start : removal.end], removal
            at = removal.end
        if at < len(self.original):
            yield self.original[at:], None


def redact_request(
    text: str,
    *,
    requester_names: Sequence[str] = (),
    requester_contacts: Sequence[str] = (),
    authority_names: Sequence[str] = (),
) -> RedactedRequest:
    spans: list[tuple[int, int, str]] = []
    for value, kind in [(n, "name") for n in requester_names] + [(c, "contact") for c in requester_contacts]:
        if value.strip():
            for match in re.finditer(re.escape(value.strip()), text, re.IGNORECASE):
                spans.append((match.start(), match.end(), kind))
    spans.sort()
    removals: list[Removal] = []
    out: list[str] = []
    at = 0
    for start, end, kind in spans:
        if start < at:
            continue
        out.append(text[at:start])
        replacement = f"[{kind} removed]"
        out.append(replacement)
        removals.append(Removal(start, end, kind, replacement))
        at = end
    out.append(text[at:])
    return RedactedRequest(original=text, text="".join(out), removals=tuple(removals))
