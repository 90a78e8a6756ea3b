"""A refusal notice pasted in as text: what it cites and says, checked against s.17 FOIA, reg 14 EIR and
ss.16-19 FOISA.

Heuristic, by design: it looks for the words a notice that meets the statute uses (an internal review, the
Information Commissioner, a public interest test that weighs factors, a link for s.21, hours for s.12).
The particulars it states as law are checked by ``notice_particulars``, its citations by
``notice_citations``; the regime's provisions come from ``Regime.X.rules``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from foidesk.core.exemptions import Exemption, parse_citation
from foidesk.core.notice_citations import (
    citation_findings,
    is_route,
    letter_regime,
    line_of,
    not_held_without_exception,
    says_not_held,
)
from foidesk.core.notice_findings import NOT_CENTRALLY, Finding, not_centrally
from foidesk.core.notice_findings import error as _error
from foidesk.core.notice_findings import warn as _warn
from foidesk.core.notice_particulars import particulars_findings
from foidesk.core.regime import Regime

_REFUSAL = re.compile(
    r"refusal notice|section 17\b|\bexempt(?:ed|ion)?\b|withh[eo]ld|neither (?:to )?confirm nor deny|"
    r"\brefus(?:e|ed|ing)\b",
    re.IGNORECASE,
)
# "No information has been withheld" says the opposite of a refusal.
_NOTHING_WITHHELD = re.compile(
    r"\b(?:no (?:information|data|records?|part)|nothing|none of (?:it|the information))\b[^.]{0,40}?"
    r"\b(?:has|have|is|was|were|being|been)\s+(?:been\s+)?(?:withheld|refused|exempt(?:ed)?)|"
    r"\bnot (?:been )?withheld\b|\bwithout (?:withholding|refusing)\b",
    re.IGNORECASE,
)
_FOISA_NOT_HELD_NOTICE = re.compile(r"\bsection 17\b", re.IGNORECASE)
_REVIEW = re.compile(
    r"internal review|\breview (?:of )?(?:our|the|this|that) (?:decision|response|handling)|"
    r"(?:request|ask for|apply for|requirement for|require) (?:a |an |us to (?:carry out|conduct) a )?review|"
    r"reconsider(?:ation)?\b|regulation 11\b|"
    r"complaints? procedure|complaint rights|make a complaint|"
    r"(?:dissatisfied|unhappy|not satisfied) with (?:this|our|the|my) (?:response|decision|handling|reply)",
    re.IGNORECASE,
)
# MPS letters end "please read the attached paper entitled Complaint Rights": the particulars are in the
# attachment, which this check cannot see.
_RIGHTS_PAPER = re.compile(
    r"(?:attached|enclosed)[^.\n]{0,80}"
    r"(?:complaint rights|rights of (?:appeal|complaint)|how to (?:make a )?complain)",
    re.IGNORECASE,
)
# The regulator's own home page in the rights paragraph says nothing about where the information is (a
# page on its site, such as foi.scot/stats, may be the very place).
_REGULATOR_ADDRESS = re.compile(
    r"(?:https?://)?(?:www\.)?(?:ico\.org\.uk|foi\.scot|itspublicknowledge\.info)/?(?![\w/])", re.IGNORECASE
)
# A review outcome (FOISA s.21(10), EIR reg 11(4), the s.45 Code for FOIA) must give the regulator's
# particulars even when it now releases everything: the requester's next step is the regulator.
_REVIEW_OUTCOME = re.compile(
    r"\b(?:completed|carried out|conducted|undertaken) (?:my|our|the|an|a) (?:internal )?review\b|"
    r"\breview (?:meeting|panel|outcome)\b|"
    r"\bfollowing your (?:request|requirement) for (?:a |an )?(?:internal )?review\b",
    re.IGNORECASE,
)
# A published answer quotes the request first ("Request" ... "Response"): the requester's words are not the
# authority's ("I will be escalating to the ICO"), so they are not checked.
_REQUEST_HEADING = re.compile(
    r"(?:Request(?: \d+)?|Information requested|You asked:?|Your request:?|Request details)", re.IGNORECASE
)
_RESPONSE_HEADING = re.compile(
    r"(?:Response(?: \d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})?|In Response:?|Our response:?|"
    r"Response to your request)",
    re.IGNORECASE,
)
# "Regulation 12(5(b)" as published: a bracket lost between two limbs.
# A sentence that names a section without the authority relying on it: a disclaimer ("the Department had
# not chosen to exercise its rights under section 12", an ICO order to respond "without relying on
# section 12") or figures about refusals ("the number of requests refused under S12(1) ... is 162", a
# common FOI request to an FOI team). The sentence is read up to its full stop, on one line.
_CITED = r"(?:section|s\.?|regulation|reg\.?)\s?\d{1,2}[A-Z]?(?:\s?\(\w{1,4}\))*"
_MENTIONED_NOT_CLAIMED = re.compile(
    r"(?:"
    r"\b(?:not|without|no longer) (?:\w+ ){0,2}(?:rel(?:y|ied|ying)|exercis\w*|invok\w*) (?:\w+ ){0,4}"
    rf"{_CITED}"
    r"|\b(?:number|total|how many|count) of (?:\w+ ){0,3}requests\b[^.\n]{0,80}?\b(?:refused|rejected)\b"
    r"|\brequests (?:(?:that|which) (?:were|had been|have been) )?(?:refused|rejected) "
    r"(?:under|due to|using|citing)"
    # how the authority works in general ("when we apply S12(1) to refuse a request, we first ...")
    r"|\b(?:when|whenever|where|if) "
    r"(?:we|the (?:council|force|department|trust|authority)|a public authority) "
    rf"(?:apply|applies|rely on|relies on|use|uses|cite|cites) {_CITED}"
    r")",
    re.IGNORECASE,
)
# A sentence ends at a full stop followed by a space or the line's end ("s.12(1)" does not end one).
_SENTENCE = re.compile(r"(?:[^.\n]|\.(?=\S))+")
# "We are not relying on section 40(2) but on section 43(2)": only the disclaimed citation goes.
_CONTRAST = re.compile(r"\b(?:but|instead|rather)\b", re.IGNORECASE)
_LOST_BRACKET = re.compile(r"\b(\d{1,2})\s?\((\d{1,2}[A-Z]?)\(([a-z]{1,4})\)")
_REGULATOR_RIGHTS = re.compile(
    r"Information Commissioner|\bICO\b|section 50\b|ico\.org\.uk|itspublicknowledge|regulation 18\b",
    re.IGNORECASE,
)
# A public interest test weighs: "public interest" alone (e.g. "it is in the public interest to be open")
# is not a test; the same sentence must balance, favour, outweigh or weigh (s.2(2)(b), s.17(3)).
_PUBLIC_INTEREST = re.compile(
    r"public interest[^.]{0,200}?(?:favou?r|outweigh|balanc|weigh|in maintaining|in disclos|in withhold)|"
    r"(?:favou?r|outweigh|balanc|weigh)[^.]{0,200}?public interest|"
    r"contrary to the public interest|"  # FOISA s.18(1): the finding an NCND refusal needs
    r"\bfactors? (?:favouring|in favour of|against)\b|\bbalanc(?:e|ing) test\b|"
    r"\barguments? (?:for and against|in favour of) (?:disclos|releas|withhold)",
    re.IGNORECASE,
)
# ... and a test weighs something: a conclusion ("the public interest in maintaining the exemption outweighs
# that in disclosure") with no factor for disclosure named anywhere has weighed nothing (s.17(3); the ICO's
# guidance on the public interest test lists these as the usual factors).
_DISCLOSURE_FACTOR = re.compile(
    r"transparen|accountab|openness|scrutin|\bdebate\b|(?<!maintain )(?<!maintaining )public confidence|"
    r"(?<!maintain )(?<!maintaining )confidence in|"
    r"(?:public|better|greater) understanding|understand(?:ing)? (?:how|why|the)|awareness|reassur|"
    r"\btrust\b|better[- ]informed|inform(?:ing)? the public|public (?:funds|money|purse)|value for money|"
    r"legitimate (?:public )?interest|public concern|integrity",
    re.IGNORECASE,
)
# ... and a test that names only the case for withholding is one-sided (ICO guidance on the public interest
# test: the factors on both sides are set out).
_WITHHOLDING_FACTOR = re.compile(
    r"reluctan|inhibit|\bprejudic|\bharm\b|undermin|\bdeter|chilling|(?:safe|private) space|candou?r|"
    r"free and frank|maintain confidence|competitive|disadvantage|endanger|mosaic",
    re.IGNORECASE,
)
# s.17(2): while the test is still open the notice gives an estimated date for the decision instead.
_PIT_PENDING = re.compile(
    r"\b(?:section|s\.)\s?17\s?\(2\)|(?:more|further|additional) time to (?:consider|complete|conduct) the "
    r"public interest|"
    r"public interest test (?:is )?(?:still )?(?:ongoing|under consideration|not yet complete)",
    re.IGNORECASE,
)
_CONTRARY_TO_PUBLIC_INTEREST = re.compile(r"contrary to the public interest", re.IGNORECASE)
_BALANCING = re.compile(
    r"balanc\w* (?:of |test )?(?:the )?public interest|public interest (?:test|factors|considerations)|"
    r"factors? (?:favouring|in favour of|for|against) (?:disclosure|release)",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:no|not|without|nor|need not|does not|is not)\b", re.IGNORECASE)
_POINTER = re.compile(
    r"https?://|\bwww\.|\blink\b|available (?:at|on|from|via)|published (?:at|on|in)|can be found|"
    r"please (?:see|refer to)|"
    # FOISA s.25 / FOIA s.21 for what the requester already has: the earlier answer is where it is.
    r"already (?:been )?(?:provided|supplied|given|sent|released|disclosed) to you|"
    r"in (?:response|reply) to your (?:original|earlier|previous) request",
    re.IGNORECASE,
)
# An estimate is a figure of the work: hours or pounds other than the limit itself, a count of records, or
# minutes per record ("the £600 limit equates to 40 hours" alone estimates nothing).
_HOURS_OR_POUNDS = re.compile(
    r"(?:£\s?(\d[\d,]*)|\b(\d[\d,]*)(?:\.\d+)?\s*(?:working\s+)?(?:hours?|hrs?)\b)", re.IGNORECASE
)
# "would take an estimated 24 hours": the estimate itself, not a bound ("over 18 hours", "at least 30").
_RATE_AFTER = re.compile(r"\s*(?:per|an|a)\s+(?:person\s+)?(?:per\s+)?hour", re.IGNORECASE)
_ESTIMATED_HOURS = re.compile(
    r"\b(?:would|will|to) take (?:an estimated |approximately |about |around |roughly |some )?"
    r"(\d+(?:\.\d+)?)\s*(?:working\s+)?hours?\b",
    re.IGNORECASE,
)
# A count may be written in words ("over thirty thousand records", "one minute to interrogate each").
_NUMBER = (
    r"(?:\d[\d,]*(?:\.\d+)?|(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|hundreds|thousands|several|tens)\s*(?:hundred|thousand|million)?\s*(?:of\s+)?)+)"
)
_WORK_COUNT = re.compile(
    rf"\b{_NUMBER}\s+(?:\w+\s+){{0,2}}(?:files|records|cases|documents|reports|emails|e-mails|entries|items|"
    r"boxes|folders|logs|incidents|crimes|occurrences|results|hits|pages|rows|lines|sheets|spreadsheets|"
    rf"messages|submissions|claims|invoices|contracts)\b|\b{_NUMBER}\s*minutes?\b",
    re.IGNORECASE,
)
_COST_LIMIT = re.compile(r"appropriate limit|cost limit|cost of compl\w+|(?:18|24)[- ]hour", re.IGNORECASE)
_ADVICE = re.compile(
    r"advice and assistance|section 1[56]\b|narrow|refin(?:e|ing)|\bto (?:assist|help)\b|"
    r"reduc(?:e|ing) the (?:scope|timeframe|time frame)|"
    r"within the (?:cost |appropriate )?limit",
    re.IGNORECASE,
)
_NCND = re.compile(r"neither (?:to )?confirms? nor den(?:y|ies)|\bNCND\b", re.IGNORECASE)
_REASONS = re.compile(
    r"\breasons?\b|\bbecause\b|\bdue to\b|\balready (?:published|available|accessible)|publicly available|"
    r"\bas (?:it|this|the)\b|\bexceed|\bin excess of\b|"
    # "would have cost", "would, if released, be in breach of", "would significantly weaken", "could hinder"
    r"\b(?:would|could|will)(?:,? if (?:released|disclosed),?)?(?: have)?(?: \w+ly)?,? "
    r"(?:(?:or would be likely to,? )?(?:prejudice|harm|identify|breach|endanger|reveal|undermine|contravene|"
    r"infringe|inhibit|hinder|weaken|expose|assist|cause|create|provide|give)|"
    r"(?:take|taken|cost|require|required|lead to|deter|impact|affect|compromise|jeopardi[sz]e|damage|"
    r"discourage|put|allow|enable)|be in breach)|"
    r"likely to|\bin breach of\b|\bmosaic\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NoticeTextCheck:
    """What a letter cites and says, and what it leaves out."""

    exemptions: tuple[Exemption, ...]
    is_refusal: bool
    states_review_rights: bool
    states_regulator_rights: bool
    findings: tuple[Finding, ...]


def check_notice_text(text: str, regime: Regime | None = None, dated: date | None = None) -> NoticeTextCheck:
    """Read a notice written as text: which exemptions it cites, and whether it says what s.17 requires.

    Heuristic, by design: it looks for the words a notice that meets the statute uses (an internal review,
    the Information Commissioner, the public interest, a link for s.21, hours for s.12). A finding says
    what is missing; its ``where`` is the line of the citation concerned, or ``letter``. The particulars
    it states (statutes, regulator, review window, cost limit, kind of exemption) are checked too
    (``notice_particulars``), and what it cites against the regime it names and the ground it describes
    (``notice_citations``). ``regime`` is the letter's regime when known (else the one it names, else that
    of its first citation); ``dated`` is the letter's date, today's law when not given.
    """
    text = _authority_words(text)
    exemptions = tuple(parse_citation(text, regime))
    read_as = letter_regime(text, exemptions, regime)
    rules = read_as.rules
    review = bool(_REVIEW.search(text))
    regulator = bool(_REGULATOR_RIGHTS.search(text))
    not_held = not_held_without_exception(text, exemptions, read_as)
    words = _NOTHING_WITHHELD.sub(" ", text)
    if read_as is Regime.FOISA:
        words = _FOISA_NOT_HELD_NOTICE.sub(" ", words)  # FOISA s.17 is the notice that nothing is held
    refuses = bool(exemptions) or bool(_REFUSAL.search(words))
    # "Not held" is a refusal under the EIR (reg 12(4)(a)) and a s.17 notice with s.19 particulars under
    # FOISA: it needs the review and regulator particulars even when nothing else is refused.
    is_refusal = refuses or (rules.notice.not_held_needs_notice and says_not_held(text))
    review_outcome = bool(_REVIEW_OUTCOME.search(text))
    findings: list[Finding] = []
    if not_held is not None:
        findings.append(not_held)
    if refuses:
        findings.extend(
            f
            for f in _text_refusal_findings(text, exemptions, read_as)
            if not (not_held is not None and f.code == "notice.missing_exemption")
        )
    if is_refusal or review_outcome:
        if not review and not review_outcome:
            findings.append(
                _error(
                    "notice.missing_review_rights",
                    "letter",
                    f"The letter does not say how to ask for {_indefinite(rules.review.name)} "
                    f"({rules.review.particulars_provision}).",
                )
            )
        if not regulator and _RIGHTS_PAPER.search(text):
            findings.append(
                _warn(
                    "notice.missing_ico_rights",
                    "letter",
                    "The letter leaves its rights to an attached paper: check that it gives the right to "
                    f"complain to the {rules.regulator.name} ({rules.regulator.particulars_provision}).",
                )
            )
        elif not regulator:
            findings.append(
                _error(
                    "notice.missing_ico_rights",
                    "letter",
                    f"The letter does not give the right to complain to the {rules.regulator.name} "
                    f"({rules.regulator.particulars_provision}).",
                )
            )
    findings.extend(citation_findings(text, exemptions, read_as))
    if NOT_CENTRALLY.search(text):
        findings.append(not_centrally("letter"))
    findings.extend(particulars_findings(text, read_as, dated))
    return NoticeTextCheck(exemptions, is_refusal, review, regulator, tuple(findings))


def _authority_words(text: str) -> str:
    """The letter as the authority wrote it: the quoted request of a published answer blanked (its lines
    kept, so findings keep their line numbers), sentences that name a section without relying on it
    blanked (``_MENTIONED_NOT_CLAIMED``), and a lost bracket restored ("12(5(b)" is "12(5)(b)")."""
    lines = text.splitlines()
    request = next((n for n, line in enumerate(lines) if _REQUEST_HEADING.fullmatch(line.strip())), None)
    if request is not None:
        response = next(
            (n for n in range(request + 1, len(lines)) if _RESPONSE_HEADING.fullmatch(lines[n].strip())), None
        )
        if response is not None:
            lines[request + 1 : response] = [""] * (response - request - 1)
    kept = _SENTENCE.sub(_blank_if_only_mentioned, "\n".join(lines))
    return _LOST_BRACKET.sub(r"\1(\2)(\3)", kept)


def _blank_if_only_mentioned(sentence: re.Match[str]) -> str:
    """The sentence as spaces when it names a section the authority does not rely on (each sentence is
    searched on its own, so the whole text is read in linear time)."""
    text = sentence.group(0)
    if not _MENTIONED_NOT_CLAIMED.search(text):
        return text
    if _CONTRAST.search(text):
        return _MENTIONED_NOT_CLAIMED.sub(lambda m: " " * len(m.group(0)), text)
    return " " * len(text)


def _text_refusal_findings(text: str, exemptions: Sequence[Exemption], regime: Regime) -> list[Finding]:
    if not exemptions:
        return [_error("notice.missing_exemption", "letter", "The letter refuses but cites no exemption.")]
    findings: list[Finding] = []
    one_sided = ""  # where the first qualified exemption weighed on one side only is cited
    only_not_held = all(e.code == e.regime.rules.notice.not_held_ground for e in exemptions)
    # "not held" is its own reason; the case for withholding in a public interest test is a reason too
    if not _REASONS.search(text) and not _WITHHOLDING_FACTOR.search(text) and not only_not_held:
        # s.17(5): a s.12 or s.14 notice need only state that fact; reasons are good practice.
        make = _warn if all(e.procedural for e in exemptions) else _error
        findings.append(
            make("notice.missing_reasons", "letter", "The letter does not say why the exemptions apply.")
        )
    for e in exemptions:
        where = line_of(text, e)
        if e.public_interest_test and _PIT_PENDING.search(text):
            pass  # s.17(2): the test is open and the letter says when it will be decided
        elif e.public_interest_test and not _PUBLIC_INTEREST.search(text):
            findings.append(
                _error(
                    "notice.missing_public_interest",
                    where,
                    f"{e.code} is qualified: weigh the public interest.",
                )
            )
        elif e.public_interest_test and not _DISCLOSURE_FACTOR.search(text) and not is_route(e):
            if _weighs_withholding(text):
                one_sided = one_sided or where
            else:
                findings.append(
                    _error(
                        "notice.missing_public_interest",
                        where,
                        f"{e.code} is qualified: the letter states where the balance lies but weighs no "
                        "factor (name the factors for disclosure and against it, s.17(3)).",
                    )
                )
        if e.is_accessible_elsewhere and not _POINTER.search(_REGULATOR_ADDRESS.sub(" ", text)):
            findings.append(
                _error("notice.s21_without_pointer", where, f"{e.code}: say where the information is.")
            )
        if _is_cost_limit(e, regime):
            findings.extend(_text_cost_findings(text, where, regime))
    cost_limit = regime.rules.cost.has_limit  # under the EIR a cost limit is no_cost_limit_in_regime
    if cost_limit and not any(_is_cost_limit(e, regime) for e in exemptions) and _COST_LIMIT.search(text):
        findings.extend(_text_cost_findings(text, "letter", regime))
    if one_sided:
        findings.append(
            _warn(
                "notice.public_interest_one_sided",
                one_sided,
                "The public interest test names only the case for withholding: give the factors for "
                "disclosure too (transparency, accountability, the public's understanding).",
            )
        )
    findings.extend(_text_ncnd_findings(text, exemptions))
    if all(e.absolute and not e.absolute_only_under_first_condition for e in exemptions) and (
        _weighs_public_interest(text)
    ):
        findings.append(
            _warn(
                "notice.absolute_with_pit",
                "letter",
                "Every exemption cited is absolute: no public interest test.",
            )
        )
    return findings


def _indefinite(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _is_cost_limit(e: Exemption, regime: Regime) -> bool:
    """A cost-limit refusal (s.12 FOIA, s.12 FOISA) under a regime that has a cost limit."""
    return regime.rules.cost.has_limit and e.code == e.regime.rules.cost.ground


def _estimate_within_limit(text: str, where: str, regime: Regime) -> list[Finding]:
    """s.12(1): the cost must exceed the limit; an estimate at or under it is no ground (the limit taken is
    the highest the letter could mean: the largest it names, else the largest the regime sets)."""
    cost = regime.rules.cost
    if cost.hourly_rate is None:
        return []
    named = [int(a) for a in re.findall(r"£\s?(\d{3})\b", text) if Decimal(a) in cost.limits]
    limit = Decimal(max(named)) if named else max(cost.limits)
    limit_hours = limit / cost.hourly_rate
    for match in _ESTIMATED_HOURS.finditer(text):
        if Decimal(match.group(1)) <= limit_hours:
            return [
                _error(
                    "notice.s12_limit_not_exceeded",
                    where,
                    f"'{match.group(0)}' is not more than the limit (£{limit}, {limit_hours:g} hours at "
                    f"£{cost.hourly_rate} an hour): s.12 needs the cost to exceed it.",
                )
            ]
    return []


def _states_estimate(text: str, regime: Regime) -> bool:
    cost = regime.rules.cost
    limits = {int(limit) for limit in cost.limits}
    if cost.hourly_rate is not None:
        limits |= {int(limit / cost.hourly_rate) for limit in cost.limits}
    for match in _HOURS_OR_POUNDS.finditer(text):
        if _RATE_AFTER.match(text, match.end()):
            continue  # "£25 per hour" is the rate, not the work
        if int((match.group(1) or match.group(2)).replace(",", "")) not in limits:
            return True
    return bool(_WORK_COUNT.search(text))


def _text_cost_findings(text: str, where: str, regime: Regime) -> list[Finding]:
    findings: list[Finding] = []
    findings.extend(_estimate_within_limit(text, where, regime))
    if not _states_estimate(text, regime):
        findings.append(_error("notice.s12_without_estimate", where, "Give the estimate in hours or pounds."))
    if not _ADVICE.search(text):
        findings.append(_warn("notice.s12_without_advice", where, "Advise how to narrow the request (s.16)."))
    return findings


def _text_ncnd_findings(text: str, exemptions: Sequence[Exemption]) -> list[Finding]:
    """Exemptions cited in the same paragraph as "neither confirm nor deny" must have an NCND provision."""
    findings: list[Finding] = []
    seen: set[str] = set()
    for number, paragraph in _paragraphs(text):
        if not _NCND.search(paragraph):
            continue
        for e in parse_citation(paragraph, exemptions[0].regime if exemptions else None):
            if e.code in seen:
                continue
            seen.add(e.code)
            if not e.allows_ncnd:
                findings.append(
                    _error("notice.ncnd_not_available", f"line {number}", f"{e.code} has no NCND provision.")
                )
            elif e.ncnd_needs_public_interest_finding and not _CONTRARY_TO_PUBLIC_INTEREST.search(text):
                findings.append(
                    _error(
                        "notice.missing_public_interest",
                        f"line {number}",
                        f"FOISA s.18(1): neither confirming nor denying under {e.code} needs the finding "
                        "that revealing whether the information exists would be contrary to the public "
                        "interest.",
                    )
                )
    return findings


def _weighs_withholding(text: str) -> bool:
    """Whether the public interest part of the letter (from its first mention of the public interest) names
    a factor for withholding; the harm given earlier as the exemption's reason is not a factor weighed."""
    start = re.search(r"public interest", text, re.IGNORECASE)
    return start is not None and bool(_WITHHOLDING_FACTOR.search(text, start.start()))


def _weighs_public_interest(text: str) -> bool:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return any(_BALANCING.search(s) and not _NEGATION.search(s) for s in sentences)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their 1-based numbers (a pasted letter keeps one paragraph to a line)."""
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
