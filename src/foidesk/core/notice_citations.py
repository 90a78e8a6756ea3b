"""What a letter cites, checked against what it says: the regime it names, the limb, the ground described.

- ``notice.wrong_regime``: an exemption of another regime than the one the letter names (FOIA sections in
  a letter under the EIR and the reverse; English numbering in a Scottish letter and the reverse). An EIR
  letter may cite FOIA s.39, the route to the EIR, and a FOIA letter may cite the EIR after it.
- ``notice.exemption_without_subsection`` (warn): a section with distinct limbs (s.31, 36, 38, 40, 43...)
  cited by its number alone, so the requester cannot tell which limb is relied on.
- ``notice.subsection_mismatch``: the subsection cited is for another ground than the one described
  (s.14(2), repeated requests, for a vexatious one; s.14(1) for a repeat; s.43(1) trade secrets for
  commercial interests; s.40(1), the requester's own data, for third parties).
- ``notice.missing_exemption``: under the EIR and EISR "not held" is itself an exception (reg 12(4)(a);
  EISR reg 10(4)(a)) and must be cited (reg 14(3)).

Which regime a letter is under: the one it names, if it names one; else that of its first citation; else
FOIA (``letter_regime``). Sources: DOMAIN.md sections A, B and G.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from foidesk.core.exemptions import Exemption, has_limbs, parse_citation
from foidesk.core.notice_findings import Finding, error, warn
from foidesk.core.notice_particulars import line_at, sentences
from foidesk.core.regime import Regime

# How a letter names the law it applies (the regime's rules hold the names).
_NAMES: dict[Regime, re.Pattern[str]] = {regime: re.compile(regime.rules.notice.names) for regime in Regime}
# A citation that routes a request to the other regime rather than refusing under it.
_ROUTES = frozenset({"s.39", "FOISA s.39", "FOISA s.39(2)"})
# Numbering of one nation's law in a letter under the other's: the EIR exceptions are reg 12(4)-(5) and
# reg 13, the EISR ones reg 10(4)-(5) and reg 11; FOIA's personal data is s.40(2) and (5A)-(5B), FOISA's
# s.38 (FOISA s.40, audit functions, has no subsections).
_ENGLISH_NUMBERING = re.compile(
    r"\b(?:regulations?|regs?\.?)\s?12\s?\(\s?[45]\s?\)|\b(?:sections?|s\.)\s?40\s?\(\s?(?:[12]|5[AB]?)\s?\)",
    re.IGNORECASE,
)
_SCOTTISH_NUMBERING = re.compile(r"\b(?:regulations?|regs?\.?)\s?10\s?\(\s?[45]\s?\)", re.IGNORECASE)

_NOT_HELD = re.compile(
    r"\bnot held\b|\b(?:does|do|did) not hold\b|\bhold(?:s)? no (?:\w+ ){0,3}(?:information|records?|data)\b|"
    r"\bno (?:such |relevant |recorded )?(?:information|records?|data) (?:is |are |was |were )?held\b",
    re.IGNORECASE,
)
_CENTRALLY = re.compile(r"\bnot held centrally\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Limb:
    """A subsection, the words of the ground it is for, and the words of a ground it is not for."""

    codes: frozenset[str]
    sibling_codes: frozenset[str]
    own: re.Pattern[str]
    other: re.Pattern[str]
    message: str


_VEXATIOUS = re.compile(r"vexatious", re.IGNORECASE)
_REPEATED = re.compile(r"\brepeat(?:s|ed|ing)?\b|\bidentical\b|substantially similar", re.IGNORECASE)
_TRADE_SECRET = re.compile(r"trade secrets?", re.IGNORECASE)
_COMMERCIAL = re.compile(
    r"commercial interests?|commercially sensitive|prejudice\w* the commerc", re.IGNORECASE
)
_OWN_DATA = re.compile(
    r"\byour own\b|about you\b|subject access|\bSAR\b|you are the data subject", re.IGNORECASE
)
_THIRD_PARTY = re.compile(r"third[- ]part(?:y|ies)|other (?:people|individuals|persons)", re.IGNORECASE)

_LIMBS: tuple[_Limb, ...] = (
    _Limb(
        frozenset({"s.14(2)", "FOISA s.14(2)"}),
        frozenset({"s.14(1)", "FOISA s.14(1)"}),
        _REPEATED,
        _VEXATIOUS,
        "s.14(2) is for a repeated request; a vexatious request is refused under s.14(1).",
    ),
    _Limb(
        frozenset({"s.14(1)", "FOISA s.14(1)"}),
        frozenset({"s.14(2)", "FOISA s.14(2)"}),
        _VEXATIOUS,
        _REPEATED,
        "s.14(1) is for a vexatious request; a repeated one is refused under s.14(2).",
    ),
    _Limb(
        frozenset({"s.43(1)", "FOISA s.33(1)(a)"}),
        frozenset({"s.43(2)", "FOISA s.33(1)(b)"}),
        _TRADE_SECRET,
        _COMMERCIAL,
        "s.43(1) is for trade secrets; prejudice to commercial interests is s.43(2).",
    ),
    _Limb(
        frozenset({"s.40(1)", "FOISA s.38(1)(a)"}),
        frozenset({"s.40(2)", "FOISA s.38(1)(b)"}),
        _OWN_DATA,
        _THIRD_PARTY,
        "s.40(1) is for the requester's own personal data; other people's is s.40(2).",
    ),
)


def is_route(e: Exemption) -> bool:
    """FOIA s.39 and FOISA s.39(2): environmental information goes to the EIR or EISR; the exemption routes
    the request rather than weighing a harm."""
    return e.code in _ROUTES


def named_regimes(text: str) -> frozenset[Regime]:
    """The regimes a letter names by title or abbreviation."""
    return frozenset(regime for regime, name in _NAMES.items() if name.search(text))


def letter_regime(text: str, exemptions: Sequence[Exemption], given: Regime | None = None) -> Regime:
    """The regime a letter is read under: ``given``, else the one it names, else its first citation's."""
    if given is not None:
        return given
    named = named_regimes(text)
    if len(named) == 1:
        return next(iter(named))
    if exemptions:
        return exemptions[0].regime
    return Regime.FOIA


def citation_findings(text: str, exemptions: Sequence[Exemption], regime: Regime) -> list[Finding]:
    """Every way what the letter cites contradicts the regime it names or the ground it describes."""
    return [
        *_wrong_regime(text, exemptions, regime),
        *_without_subsection(text, exemptions),
        *_subsection_mismatch(text, regime),
    ]


def _wrong_regime(text: str, exemptions: Sequence[Exemption], regime: Regime) -> Iterator[Finding]:
    named = named_regimes(text)
    if len(named) != 1 or regime not in named:
        return  # a letter under two laws (an EIR letter quoting FOIA s.50) is left to its citations' own
    codes = {e.code for e in exemptions}
    routed = bool(codes & _ROUTES)
    reported = False
    for e in exemptions:
        if e.regime is regime or e.code in _ROUTES or routed:
            continue
        if e.code == e.regime.rules.cost.ground and not regime.rules.cost.has_limit:
            continue  # a cost limit under the EIR is notice.no_cost_limit_in_regime
        reported = True
        yield error(
            "notice.wrong_regime",
            line_of(text, e),
            f"The letter is under the {regime.label} but cites {e.code} of the {e.regime.label}.",
        )
    numbering = _ENGLISH_NUMBERING if regime.is_scottish else _SCOTTISH_NUMBERING
    match = numbering.search(text)
    if match and not reported:
        other = "English" if regime.is_scottish else "Scottish"
        yield error(
            "notice.wrong_regime",
            line_at(text, match.start()),
            f"'{match.group(0)}' is the {other} numbering; the letter is under the {regime.label}.",
        )


def _without_subsection(text: str, exemptions: Sequence[Exemption]) -> Iterator[Finding]:
    for e in exemptions:
        # "s.40(5B)" and "s.31(1)(j)" fall back to s.40 and s.31 in the catalogue, but name their limb.
        with_limb = re.search(rf"(?<![\d.]){e.section}\s?(?:\d{{1,2}}\s?)?\(", text)
        if has_limbs(e) and not with_limb:
            yield warn(
                "notice.exemption_without_subsection",
                line_of(text, e),
                f"{e.code} has distinct limbs: cite the subsection relied on, so the requester knows which "
                "test was applied.",
            )


def _subsection_mismatch(text: str, regime: Regime) -> Iterator[Finding]:
    for sentence, start in sentences(text):
        cited = {e.code for e in parse_citation(sentence, regime)}
        for limb in _LIMBS:
            if not cited & limb.codes or cited & limb.sibling_codes:
                continue
            if limb.other.search(sentence) and not limb.own.search(sentence):
                yield error("notice.subsection_mismatch", line_at(text, start), limb.message)


def says_not_held(text: str) -> bool:
    """Whether the letter answers that information is not held ("not held centrally" aside)."""
    return bool(_NOT_HELD.search(_CENTRALLY.sub(" ", text)))


def not_held_without_exception(text: str, exemptions: Sequence[Exemption], regime: Regime) -> Finding | None:
    """Under the EIR and EISR, "not held" without reg 12(4)(a) (EISR reg 10(4)(a)) cited."""
    ground = regime.rules.notice.not_held_ground
    if ground is None or any(e.code == ground for e in exemptions) or not says_not_held(text):
        return None
    return error(
        "notice.missing_exemption",
        "letter",
        f"Under the {regime.short_name} 'not held' is an exception: cite {ground} "
        f"({regime.rules.notice.short}).",
    )


def line_of(text: str, e: Exemption) -> str:
    """The first line of ``text`` that cites ``e``, as a finding names it, or "letter"."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and e in parse_citation(line, e.regime):
            return f"line {number}"
    return "letter"
