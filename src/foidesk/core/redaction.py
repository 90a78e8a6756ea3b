"""Free text before release: find what identifies a person, redact it, or advise withholding it.

What identifies a person is found by ``core/personal_data`` (the record's own known entities, the
shapes of UK identifiers, titled and full names, nicknames, and a small person-name model). The
answer recommends release, redaction or withholding under s.40(2) FOIA, with its reasons and the
redacted text; a person signs it off (DOMAIN.md section C).

The test is the ICO's "motivated intruder" (Anonymisation Code, 2012): could someone with other
available information identify a person? Free-text allegation summaries are high risk: rank, date,
station and allegation together can identify an officer or a complainant, so a summary that mixes
many kinds of identifier, or would be mostly redacted, is better withheld than redacted. A summary
of special category or criminal-offence data (UK GDPR Art 9 and 10) is never released on patterns
alone: at best it is redacted and reviewed, unless a reviewer has cleared it. A set of summaries
is withheld as a class once most of them must be withheld (``class_recommendation``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from foidesk.core.personal_data import (
    DAY_MONTH_DATE,
    MONTH_DAY_DATE,
    NO_KNOWN_ENTITIES,
    NUMERIC_DATE,
    POLICE_RANKS,
    POSTCODE,
    VEHICLE_REGISTRATION,
    EntityKind,
    KnownEntities,
    PersonalDataMatch,
    Source,
    find_personal_data,
    known_entity_matches,
    merge,
    pattern_matches,
)

__all__ = [
    "DAY_MONTH_DATE",
    "MONTH_DAY_DATE",
    "NUMERIC_DATE",
    "POLICE_RANKS",
    "POSTCODE",
    "VEHICLE_REGISTRATION",
    "EntityKind",
    "KnownEntities",
    "PersonalDataMatch",
    "Recommendation",
    "RedactionPolicy",
    "RedactionResult",
    "Source",
    "check_free_text",
    "class_recommendation",
    "known_entity_matches",
    "merge",
    "pattern_matches",
    "redact",
    "special_category_terms",
]

EXEMPTION = "s.40(2) FOIA"  # third-party personal data (DOMAIN.md section B)
DEFAULT_MARKER = "[redacted]"
DEFAULT_WITHHOLD_SHARE = 0.40  # a design choice: beyond this share redacted, what is left misleads
DEFAULT_WITHHOLD_KINDS = 4  # a design choice: this many kinds of identifier in one summary


class Recommendation(StrEnum):
    RELEASE = "release"
    REDACT = "redact"
    WITHHOLD = "withhold"


DIRECT_IDENTIFIERS = frozenset(
    {
        EntityKind.NAME,
        EntityKind.COLLAR_NUMBER,
        EntityKind.WARRANT_NUMBER,
        EntityKind.PHONE,
        EntityKind.EMAIL,
        EntityKind.NI_NUMBER,
        EntityKind.VEHICLE,
    }
)


@dataclass(frozen=True, slots=True)
class RedactionPolicy:
    marker: str = DEFAULT_MARKER
    withhold_share: float = DEFAULT_WITHHOLD_SHARE
    withhold_kinds: int = DEFAULT_WITHHOLD_KINDS


@dataclass(frozen=True, slots=True)
class RedactionResult:
    recommendation: Recommendation
    reasons: tuple[str, ...]
    matches: tuple[PersonalDataMatch, ...]
    redacted_text: str
    redacted_share: float

    @property
    def exemption(self) -> str | None:
        return None if self.recommendation is Recommendation.RELEASE else EXEMPTION

    @property
    def kinds(self) -> frozenset[EntityKind]:
        return frozenset(match.kind for match in self.matches)


def redact(text: str, matches: Sequence[PersonalDataMatch], marker: str = DEFAULT_MARKER) -> str:
    """``text`` with every (merged) match replaced by ``marker``."""
    pieces = []
    position = 0
    for match in merge(matches):
        pieces.append(text[position : match.start])
        pieces.append(marker)
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)


# ---------------------------------------------------------------------------------------------
# The recommendation
# ---------------------------------------------------------------------------------------------

# Words that make a summary special category data (UK GDPR Art 9: racial or ethnic origin, religion,
# health, sex life or sexual orientation, ...) or criminal-offence data (Art 10, DPA 2018 s.11(2):
# the alleged commission of offences). A summary with any of them is never released unreviewed.
_SPECIAL_CATEGORY = re.compile(
    r"\b(?:sexual(?:ly)?|sex|rape[ds]?|indecent(?:ly)?|voyeur\w*|grooming|harass\w*|stalk\w*|"
    r"racis[mt]\w*|racial(?:ly)?|ethnic\w*|religio\w*|muslims?|jewish|christian|sikh|hindu|mosque|"
    r"homophob\w*|transphob\w*|gay|lesbian|transgender|sexuality|disab\w*|dementia|mental health|"
    r"medica\w*|medication|pregnan\w*|health|injur\w*|arrest(?:ed|s)?|charged|convict\w*|caution(?:ed)?|"
    r"offen[cs]es?|criminal|assault\w*|theft|burglary|robbery|fraud|drugs?|drink[ -]driving|"
    r"domestic abuse|abuse[ds]?|trade union)\b",
    re.IGNORECASE,
)


def special_category_terms(text: str) -> tuple[str, ...]:
    """The words that make ``text`` special category or criminal-offence data, in text order."""
    return tuple(dict.fromkeys(hit.group().lower() for hit in _SPECIAL_CATEGORY.finditer(text)))


def check_free_text(
    text: str,
    known: KnownEntities = NO_KNOWN_ENTITIES,
    *,
    policy: RedactionPolicy = RedactionPolicy(),
    special_category: bool = False,
    extra_matches: Sequence[PersonalDataMatch] = (),
    reviewer_cleared: bool = False,
    use_model: bool = True,
) -> RedactionResult:
    """Recommend release, redaction or withholding of ``text`` under s.40(2), with reasons.

    ``special_category``: the caller knows the text concerns a sexual offence or other special
    category or criminal-offence data (UK GDPR Art 9 and 10); its words are also looked for in the
    text. Then any identifier at all means withholding, since a complainant of a sexual offence has
    lifelong anonymity (Sexual Offences (Amendment) Act 1992 s.1); and with none found the answer is
    still "redact" (redact and review), never "release", unless ``reviewer_cleared``: patterns and a
    model miss what a colleague would recognise. ``extra_matches`` adds a caller's own spans.
    """
    found = merge([*find_personal_data(text, known, use_model=use_model), *extra_matches])
    redacted = redact(text, found, policy.marker)
    share = sum(m.end - m.start for m in found) / len(text) if text.strip() else 0.0
    sensitive = special_category_terms(text)
    special = special_category or bool(sensitive)
    if not found:
        return _nothing_found(text, special, sensitive, reviewer_cleared=reviewer_cleared)
    kinds = sorted({m.kind for m in found})
    reasons = [_found_reason(found)]
    withhold = []
    if special_category:
        withhold.append(
            "it concerns special category or criminal-offence data and identifies someone: a complainant "
            "of a sexual offence has lifelong anonymity (Sexual Offences (Amendment) Act 1992 s.1)"
        )
    if share > policy.withhold_share:
        withhold.append(
            f"redaction would remove {share:.0%} of the text, leaving too little to be meaningful"
        )
    if len(kinds) >= policy.withhold_kinds:
        withhold.append(
            f"it combines {len(kinds)} kinds of identifier ({', '.join(kinds)}): with what colleagues "
            "and the community know, the narrative left could still identify a person (motivated intruder)"
        )
    if withhold:
        return RedactionResult(
            Recommendation.WITHHOLD,
            (
                *reasons,
                *withhold,
                f"withhold under {EXEMPTION}: disclosure would breach the data protection principles",
            ),
            tuple(found),
            redacted,
            share,
        )
    if special:
        reasons.append(_special_reason(sensitive))
    reasons.append(f"release with these redacted under {EXEMPTION}; a person checks the narrative left")
    return RedactionResult(Recommendation.REDACT, tuple(reasons), tuple(found), redacted, share)


def _nothing_found(
    text: str, special: bool, sensitive: tuple[str, ...], *, reviewer_cleared: bool
) -> RedactionResult:
    if special and not reviewer_cleared:
        return RedactionResult(
            Recommendation.REDACT,
            (
                "no name, number, station or date of the record and no identifier pattern was found",
                _special_reason(sensitive),
                "redact and review: a person reads it for what would identify someone to those who "
                "know them, and clears it before release",
            ),
            (),
            text,
            0.0,
        )
    reasons = ["no name, number, station or date of the record and no identifier pattern was found"]
    if special:
        reasons.append("special category or criminal-offence data, cleared for release by a reviewer")
    else:
        reasons.append(
            "free text stays high risk: a person confirms no one can be identified from the narrative"
        )
    return RedactionResult(Recommendation.RELEASE, tuple(reasons), (), text, 0.0)


def _special_reason(sensitive: tuple[str, ...]) -> str:
    said = f" ({', '.join(sensitive[:4])})" if sensitive else ""
    return (
        f"special category or criminal-offence data{said} (UK GDPR Art 9 and 10): never released on "
        "patterns alone"
    )


# A design choice: withhold a set of summaries as a class once most of them must be withheld, since
# what is left of the others would let a reader match the rest (and invites a jigsaw).
CLASS_WITHHOLD_SHARE = 0.5


def class_recommendation(by_recommendation: Mapping[str, int]) -> Recommendation:
    """One recommendation for a set of summaries from how many of each were recommended.

    Withhold them all under s.40(2) when at least ``CLASS_WITHHOLD_SHARE`` must be withheld; else
    redact where any needs it; release only when every one could be released.
    """
    checked = sum(by_recommendation.values())
    if not checked:
        return Recommendation.RELEASE
    withheld = by_recommendation.get(Recommendation.WITHHOLD, 0)
    if withheld / checked >= CLASS_WITHHOLD_SHARE:
        return Recommendation.WITHHOLD
    if withheld or by_recommendation.get(Recommendation.REDACT, 0):
        return Recommendation.REDACT
    return Recommendation.RELEASE


def _found_reason(found: Sequence[PersonalDataMatch]) -> str:
    by_kind: dict[str, int] = {}
    for match in found:
        by_kind[match.kind.value] = by_kind.get(match.kind.value, 0) + 1
    listed = ", ".join(f"{kind} ({n})" for kind, n in sorted(by_kind.items()))
    return f"identifying details found: {listed}"
