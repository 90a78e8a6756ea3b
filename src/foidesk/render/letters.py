"""Response letters (s.17 refusal notices) as semantic HTML, a tagged PDF and DOCX, from plain values.

The letter is built from ``core.notice.Response`` and a few facts about the case (``Letter``). It is
checked with ``core.notice.check_response`` first: a response that does not meet s.17 FOIA (reg 14 EIR;
ss.16-19 FOISA) is refused with ``LetterRefused``, which carries the findings. No Django here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from html import escape

from foidesk.core.exemptions import Exemption
from foidesk.core.notice import ExemptionClaim, Finding, PartResponse, Response, Severity, check_response
from foidesk.core.outcome import Outcome

# The regulators, review windows and notice provisions have their one home in the regime's rules
# (core/regime.py); the names below stay importable from here.
from foidesk.core.regime import ICO_ADDRESS as ICO_ADDRESS
from foidesk.core.regime import ICO_WEBSITE as ICO_WEBSITE
from foidesk.core.regime import SIC_ADDRESS as SIC_ADDRESS
from foidesk.core.regime import SIC_WEBSITE as SIC_WEBSITE
from foidesk.core.regime import Regime
from foidesk.core.regime import Regulator as Regulator
from foidesk.render.letter_passages import DEFAULTS, Passage, fill, passage_problems

_NOTICE_PROVISION = {regime: regime.rules.notice.provision for regime in Regime}


def regulator(regime: Regime) -> Regulator:
    """The regulator a requester under ``regime`` may complain to."""
    return regime.rules.regulator


class LetterFormat(StrEnum):
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"


class LetterRefused(Exception):
    """The response fails the s.17 checks; ``findings`` are the errors that stop it being sent."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = tuple(findings)
        lines = "; ".join(f"{f.code} ({f.where}): {f.message}" for f in self.findings)
        super().__init__(f"the letter cannot be sent: {lines}")


@dataclass(frozen=True, slots=True)
class AnswerTable:
    """A table given in answer to a part: a caption, column headings and rows of cells."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class SuppressedCells:
    """The cells of one table withheld as ``[c]``, and why, in the table's order: a ``primary`` cell
    holds a count under the threshold, a ``secondary`` one would let a primary be worked out."""

    part_label: str
    caption: str
    exemption_code: str  # the personal data exemption relied on (s.40(2), reg 13, FOISA s.38(1)(b))
    threshold: int
    cells: tuple[tuple[str, str, str], ...]  # (row, column, "primary" | "secondary")

    @property
    def primary(self) -> int:
        return sum(1 for _, _, reason in self.cells if reason == "primary")

    @property
    def secondary(self) -> int:
        return len(self.cells) - self.primary

    def by_row(self) -> tuple[str, ...]:
        """``"Use of force: No case to answer, Total"``, one line per row."""
        rows: dict[str, list[str]] = {}
        for row, column, _ in self.cells:
            rows.setdefault(row, []).append(column)
        return tuple(f"{row}: {', '.join(columns)}" for row, columns in rows.items())


@dataclass(frozen=True, slots=True)
class Letter:
    """Everything a response letter says besides the decisions themselves."""

    response: Response
    authority: str
    requester_name: str
    issued: date
    received: date | None = None
    questions: tuple[tuple[str, str], ...] = ()  # (part label, the question as asked)
    answers: tuple[tuple[str, str], ...] = ()  # (part label, the answer in words)
    tables: tuple[tuple[str, AnswerTable], ...] = ()  # (part label, a table)
    attachments: tuple[str, ...] = ()
    contact: str = ""
    sign_off: str = field(default="Information Rights Team")
    signatory: str = ""  # the decision maker who approved the response, by name
    # what a "[c]" cell in a table means; the letter explains it whenever a table holds one
    suppression_note: str = ""
    # where to ask for an internal review (s.17(7)(a)): an email address and/or a postal address
    review_email: str = ""
    review_address: tuple[str, ...] = ()
    # cells of the tables withheld by disclosure control: a partial refusal the letter explains
    suppressions: tuple[SuppressedCells, ...] = ()
    # the authority's own wording of some passages (letter_passages.py); the others keep the default
    passages: tuple[tuple[Passage, str], ...] = ()

    def passage(self, which: Passage, **values: str) -> str:
        """The passage in the authority's wording, or the default, filled; raises ``BrokenPlaceholder``."""
        text = dict(self.passages).get(which, DEFAULTS[which])
        return fill(
            which, text, {"authority": self.authority, "reference": self.response.reference, **values}
        )

    @property
    def title(self) -> str:
        return f"Freedom of Information request {self.response.reference}"


def uk_date(value: date) -> str:
    """``13 June 2022``: the UK date format of letters (DESIGN.md)."""
    return f"{value.day} {value.strftime('%B')} {value.year}"


LETTER_CODES: dict[str, str] = {
    "letter.broken_template": "a passage worded by the authority has a placeholder that cannot be filled",
    "letter.missing_review_contact": "no address or email to ask for an internal review at (s.17(7)(a))",
    "letter.relative_link": "a link that is not absolute: useless on paper and in an email",
}
_ABSOLUTE = re.compile(r"^(?:https?://[^\s/]+|mailto:)\S*$")


def letter_findings(letter: Letter) -> list[Finding]:
    """What stops the letter itself being sent, beyond s.17: no review contact, a link that is not
    absolute. The response's own check (``check_response``) comes first."""
    findings = list(check_response(letter.response))
    broken = [
        Finding("letter.broken_template", Severity.ERROR, which.label, " ".join(problems))
        for which, text in letter.passages
        if (problems := passage_problems(which, text))
    ]
    findings.extend(broken)
    if not letter.review_email.strip() and not any(line.strip() for line in letter.review_address):
        findings.append(
            Finding(
                "letter.missing_review_contact",
                Severity.ERROR,
                "letter",
                "The letter gives nowhere to ask for an internal review: set FOIDESK_REVIEW_EMAIL or "
                "FOIDESK_REVIEW_ADDRESS.",
            )
        )
    for where, link in [] if broken else _links(letter):
        if not _ABSOLUTE.match(link):
            findings.append(
                Finding(
                    "letter.relative_link",
                    Severity.ERROR,
                    where,
                    f"'{link}' is not an absolute address (https://...): set FOIDESK_BASE_URL.",
                )
            )
    return findings


def _links(letter: Letter) -> list[tuple[str, str]]:
    """Every address the letter links to, with the heading it sits under."""
    links, where = [], "letter"
    for block in _blocks(letter):
        if isinstance(block, _Heading):
            where = block.text
        elif isinstance(block, _Para) and block.link:
            links.append((where, block.link))
    return links


def _pointer(pointer: str) -> tuple[str, str]:
    """A s.21 pointer split into its words and its address (the last thing in it that looks like one)."""
    match = re.search(r"(?:https?://|/)\S+$", pointer.strip())
    if match is None:
        return pointer.strip(), ""
    return pointer.strip()[: match.start()].rstrip(" :"), match.group(0).rstrip(".")


def ensure_sendable(response: Response) -> None:
    """Raise ``LetterRefused`` if ``check_response`` finds any error."""
    errors = [f for f in check_response(response) if f.severity is Severity.ERROR]
    if errors:
        raise LetterRefused(errors)


def ensure_letter_sendable(letter: Letter) -> None:
    """Raise ``LetterRefused`` if ``letter_findings`` finds any error."""
    errors = [f for f in letter_findings(letter) if f.severity is Severity.ERROR]
    if errors:
        raise LetterRefused(errors)


# ---------------------------------------------------------------------------------------------------
# The letter as a sequence of blocks, rendered to HTML and DOCX alike
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Heading:
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class _Para:
    text: str
    link: str = ""  # an absolute URL shown after the text


@dataclass(frozen=True, slots=True)
class _List:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class _Table:
    table: AnswerTable


_Block = _Heading | _Para | _List | _Table


SUPPRESSED = "[c]"  # how a table shows a value withheld by disclosure control

# What police forces say after neither confirming nor denying (West Midlands Police 1584A/23; DOMAIN.md A).
NO_INFERENCE = (
    "This should not be taken as an indication that the information you asked for does or does not exist: "
    "no inference can be drawn from this response."
)


def _open_tests(response: Response) -> list[tuple[str, ExemptionClaim]]:
    """Qualified exemptions whose public interest test is still open (s.17(2))."""
    if response.public_interest_decision_due is None:
        return []
    return [
        (part.label, claim)
        for part in response.parts
        for claim in part.claims
        if claim.exemption.public_interest_test and claim.public_interest is None
    ]


def _decision_sentence(response: Response) -> str:
    outcomes = {p.outcome for p in response.parts}
    if _open_tests(response):
        return (
            "I have not yet been able to decide all of your request: part of it engages a qualified "
            "exemption and I need more time to consider the public interest, as set out below."
        )
    if outcomes <= {Outcome.DISCLOSED}:
        return "I have today decided to disclose the requested information."
    if response.is_refusal and outcomes & {
        Outcome.DISCLOSED,
        Outcome.PARTLY_DISCLOSED,
        Outcome.ALREADY_PUBLISHED,
    }:
        return "I have today decided to disclose some of the requested information."
    if response.is_refusal:
        return "I have today decided to refuse your request."
    return "I have today decided how to answer each part of your request, as set out below."


def _exemption_kind(e: Exemption) -> str:
    if e.absolute_only_under_first_condition:
        return (
            "an absolute exemption where disclosure would contravene the data protection principles"
            " (the first condition); under the other conditions the public interest is weighed"
        )
    return "an absolute exemption" if e.absolute else "a qualified exemption"


def _claim_blocks(
    claim: ExemptionClaim, part: PartResponse, response: Response, seen: dict[object, str]
) -> list[_Block]:
    e = claim.exemption
    ncnd = part.outcome is Outcome.NCND and e.ncnd_provision is not None
    cited = e.ncnd_provision if ncnd and e.ncnd_provision else e.code
    blocks: list[_Block] = [_Heading(4, f"{e.label} ({e.provision})")]
    if ncnd:
        blocks.append(
            _Para(
                f"We neither confirm nor deny whether we hold the information you asked for in this part, "
                f"by virtue of {e.ncnd_provision}. {NO_INFERENCE}"
            )
        )
    if not e.procedural and ("kind", e.code) not in seen:
        seen[("kind", e.code)] = part.label
        blocks.append(_Para(f"{e.code} is {_exemption_kind(e)}."))
    notice = response.regime.rules.notice
    if claim.reasons_omitted_under_s17_4 and notice.reasons_withheld_provision:
        blocks.append(
            _Para(
                "The reasons are not given because stating them would reveal exempt information"
                f" ({notice.reasons_withheld_provision})."
            )
        )
    elif claim.reasons.strip():
        blocks.append(_Para(f"Why it applies: {claim.reasons}"))
    test = claim.public_interest
    if test is not None:
        blocks.append(_Heading(5, f"Public interest test ({cited})"))
        if ncnd:
            blocks.append(
                _Para("The public interest in confirming or denying whether the information is held:")
            )
        blocks.append(_Para("Factors favouring disclosure:"))
        blocks.append(_List(test.for_disclosure))
        blocks.append(_Para("Factors favouring withholding:"))
        blocks.append(_List(test.for_withholding))
        blocks.append(_Para(f"Balance: {test.conclusion}"))
    elif e.public_interest_test and response.public_interest_decision_due is not None:
        blocks.append(
            _Para(
                f"{e.code} is a qualified exemption, so we must also decide whether the public interest in "
                f"maintaining it outweighs the public interest in disclosure. We have not yet reached that "
                f"decision; we expect to by {uk_date(response.public_interest_decision_due)}"
                + (f" ({notice.pit_pending_provision})." if notice.pit_pending_provision else ".")
            )
        )
    return blocks


def _cost_blocks(part: PartResponse, regime: Regime, authority: str) -> list[_Block]:
    est = part.cost_estimate
    ground, regulations = regime.rules.cost.ground_provision, regime.rules.cost.regulations_title
    if est is None or ground is None or regulations is None:
        return []
    blocks: list[_Block] = [
        _Para(
            f"{ground[0].upper()}{ground[1:]} does not oblige us to comply with a request where we estimate "
            f"that the cost of complying would exceed the appropriate limit. The limit for {authority} is "
            f"£{est.limit:,.0f}, "
            f"set by {regulations}; at £{est.hourly_rate:,.0f} an hour of staff time that is "
            f"{_hours(est.limit_hours)} hours."
        ),
        _Para(
            f"We estimate that complying would take {_hours(est.counted_hours)} hours, costing "
            f"£{est.cost:,.2f}, above the limit by £{est.excess:,.2f}. The estimate, by the activities the "
            "regulations allow us to count, is:"
        ),
        _List(
            tuple(
                f"{item.activity.label}: {_hours(item.hours)} hours"
                + (f" ({item.description})" if item.description else "")
                for item in est.counted_items
            )
        ),
    ]
    if est.confirm_or_deny_exceeds_limit:
        blocks.append(
            _Para(
                "Determining whether we hold the information would itself exceed the limit, so we are not "
                "obliged to confirm or deny that we hold it (section 12(2))."
            )
        )
    return blocks


def _hours(value: Decimal) -> str:
    """Hours without trailing zeros: 18, 7.5."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _suppression_blocks(cells: SuppressedCells) -> list[_Block]:
    count = len(cells.cells)
    why = f"{cells.primary} because the number is fewer than {cells.threshold}"
    if cells.secondary:
        why += f", and {cells.secondary} so that those cannot be worked out from the totals"
    return [
        _Para(
            f"Withheld from the table ‘{cells.caption}’ under {cells.exemption_code}: {count} "
            f"{'cell is' if count == 1 else 'cells are'} shown as [c], {why}. The cells withheld, "
            "by row:"
        ),
        _List(cells.by_row()),
    ]


def _part_blocks(part: PartResponse, letter: Letter, seen: dict[object, str]) -> list[_Block]:
    """One part's answer and reasons; what an earlier part already said in full is referred to, not
    repeated (``seen`` maps what was said to the part that said it)."""
    blocks: list[_Block] = [_Heading(3, f"{part.label}: {part.outcome.label}")]
    answers = dict(letter.answers)
    if part.label in answers and answers[part.label].strip():
        blocks.append(
            _once(seen, ("answer", answers[part.label].strip()), part.label, _Para(answers[part.label]))
        )
    for label, table in letter.tables:
        if label == part.label:
            blocks.append(_Table(table))
            if letter.suppression_note and any(SUPPRESSED in row for row in table.rows):
                blocks.append(_Para(letter.suppression_note))
            for cells in letter.suppressions:
                if cells.part_label == part.label and cells.caption == table.caption:
                    blocks.extend(_suppression_blocks(cells))
    if part.outcome is Outcome.NOT_HELD:
        blocks.append(_Para("The information you asked for in this part is not held."))
    for claim in part.claims:
        key: tuple[object, ...] = ("claim", claim)
        if key in seen:
            e = claim.exemption
            blocks.append(_Para(f"{e.label}: for the reasons given under {seen[key]} above."))
            continue
        seen[key] = part.label
        blocks.extend(_claim_blocks(claim, part, letter.response, seen))
    if part.s21_pointer.strip():
        words, url = _pointer(part.s21_pointer)
        text = "The information is already reasonably accessible to you (section 21)"
        key = ("s21", part.s21_pointer.strip())
        if key in seen:
            blocks.append(_Para(f"{text}: see {seen[key]} above."))
        else:
            seen[key] = part.label
            blocks.append(_Para(f"{text}: {words}" + (":" if url and words else ""), url))
    if part.outcome is Outcome.COST_LIMIT:
        blocks.extend(_cost_blocks(part, letter.response.regime, letter.authority))
    if part.completion_estimate.strip():
        blocks.append(_Para(f"Material in the course of completion: {part.completion_estimate}"))
    if part.advice.strip():
        provision = letter.response.regime.rules.notice.advice_provision
        blocks.append(_Para(f"Advice and assistance ({provision}): {part.advice}"))
    return blocks


def _once(seen: dict[object, str], key: object, label: str, block: _Para) -> _Para:
    if key in seen:
        return _Para(f"As for {seen[key]} above.")
    seen[key] = label
    return block


def _grounds_blocks(r: Response) -> list[_Block]:
    """The notice's opening: which grounds the refusal relies on, each named once."""
    withheld: dict[str, str] = {}
    elsewhere: dict[str, str] = {}
    ncnd: dict[str, str] = {}
    for part in r.parts:
        for c in part.claims:
            e = c.exemption
            if part.outcome is Outcome.NCND and e.ncnd_provision:
                ncnd.setdefault(e.ncnd_provision, f"{e.ncnd_provision} ({e.title})")
            elif e.is_accessible_elsewhere:
                elsewhere.setdefault(e.code, f"{e.label} ({e.provision})")
            elif not (e.procedural and part.outcome is Outcome.COST_LIMIT):
                withheld.setdefault(e.code, f"{e.label} ({e.provision})")
    blocks: list[_Block] = [
        _Para(f"This response serves as a Refusal Notice under {_NOTICE_PROVISION[r.regime]}.")
    ]
    if withheld:
        blocks.append(_Para("Information is withheld by virtue of the following exemptions:"))
        blocks.append(_List(tuple(withheld.values())))
    if ncnd:
        blocks.append(_Para("We neither confirm nor deny whether we hold information, by virtue of:"))
        blocks.append(_List(tuple(ncnd.values())))
    costly = [p.label for p in r.parts if p.outcome is Outcome.COST_LIMIT]
    cost_ground = r.regime.rules.cost.ground_provision
    if costly and cost_ground is not None:
        blocks.append(
            _Para(
                f"{', '.join(costly)} of your request is refused under {cost_ground}, "
                "because complying would exceed the cost limit; the estimate is set out below."
            )
        )
    if elsewhere:
        blocks.append(
            _Para(
                "Some of the information is already reasonably accessible to you, so it is exempt "
                "under the following; where to find it is set out below:"
            )
        )
        blocks.append(_List(tuple(elsewhere.values())))
    open_tests = _open_tests(r)
    if open_tests and r.public_interest_decision_due is not None:
        named = "; ".join(f"{label}: {c.exemption.label}" for label, c in open_tests)
        blocks.append(
            _Para(
                f"The information engages a qualified exemption ({named}). We need more time to consider "
                "whether the public interest in maintaining it outweighs the public interest in disclosure "
                "(sections 10(3) and 17(2)); we expect to reach a decision by "
                f"{uk_date(r.public_interest_decision_due)}."
            )
        )
    return blocks


def _wording(letter: Letter, which: Passage) -> str:
    return dict(letter.passages).get(which, DEFAULTS[which])


def _review_blocks(letter: Letter) -> list[_Block]:
    contact = letter.response.review_rights.strip()
    window = letter.response.regime.rules.review.request_window_working_days
    review = letter.passage(Passage.REVIEW, window=str(window), review_contact=contact)
    if "{review_contact}" not in _wording(letter, Passage.REVIEW):
        review = f"{review} {contact}".strip()  # the particulars follow a passage that does not place them
    blocks: list[_Block] = [_Heading(2, "Your right to an internal review"), _Para(review)]
    if letter.review_email.strip():
        blocks.append(_Para("By email:", f"mailto:{letter.review_email.strip()}"))
    address = tuple(line.strip() for line in letter.review_address if line.strip())
    if address:
        blocks.append(_Para("By post:"))
        blocks.append(_List(address))
    return blocks


def _blocks(letter: Letter) -> list[_Block]:
    r = letter.response
    blocks: list[_Block] = [
        _Heading(1, letter.title),
        _Para(f"{letter.authority} · Reference {r.reference} · {uk_date(letter.issued)}"),
        _Para(f"Dear {letter.requester_name or 'requester'},"),
    ]
    if letter.received is not None or Passage.OPENING in dict(letter.passages):
        received = uk_date(letter.received) if letter.received else ""
        blocks.append(_Para(letter.passage(Passage.OPENING, received=received)))
    else:
        blocks.append(_Para("Thank you for your request for information."))
    if r.due is not None and letter.issued > r.due:
        blocks.append(_Para(letter.passage(Passage.LATE, due=uk_date(r.due))))
    if letter.questions:
        blocks.append(_Para("I note you seek access to the following information:"))
        blocks.append(_List(tuple(f"{label}: {text}" for label, text in letter.questions)))
    blocks.append(_Heading(2, "Decision"))
    blocks.append(_Para(_decision_sentence(r)))
    if r.is_refusal:
        blocks.extend(_grounds_blocks(r))
    blocks.append(_Heading(2, "Reason for decision"))
    seen: dict[object, str] = {}
    for part in r.parts:
        blocks.extend(_part_blocks(part, letter, seen))
    if letter.attachments:
        blocks.append(_Heading(2, "Disclosure"))
        blocks.append(_Para("The information we are disclosing is attached:"))
        blocks.append(_List(letter.attachments))
    blocks.extend(_review_blocks(letter))
    reg = regulator(r.regime)
    blocks.append(_Heading(2, f"Your right to complain to the {reg.name}"))
    blocks.append(
        _Para(
            f"If you remain dissatisfied after the internal review, you may apply to the {reg.name}"
            f" for a decision under {reg.provision}:"
        )
    )
    blocks.append(_List(reg.address))
    blocks.append(_Para("Website:", reg.website))
    if r.ico_rights.strip() and r.ico_rights.strip() != reg.particulars:
        blocks.append(_Para(r.ico_rights))  # particulars of its own, beyond the regulator's address
    if letter.contact.strip():
        blocks.append(_Para(f"Contact: {letter.contact}"))
    blocks.append(_Para(letter.passage(Passage.CLOSING)))
    if letter.signatory.strip():
        blocks.append(_Para(letter.signatory))
    blocks.append(_Para(letter.sign_off))
    blocks.append(_Para(letter.authority))
    return blocks


# ---------------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: sans-serif; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.2em; } h3 { font-size: 12pt; }
h4, h5 { font-size: 11pt; }
table { border-collapse: collapse; margin: 0.5em 0; width: 100%; table-layout: fixed; font-size: 9pt; }
th, td { border: 1px solid #555; padding: 2pt 3pt; text-align: left; overflow-wrap: anywhere; }
"""


def _html_block(block: _Block) -> str:
    if isinstance(block, _Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, _Para):
        shown = block.link.removeprefix("mailto:")
        link = f' <a href="{escape(block.link)}">{escape(shown)}</a>' if block.link else ""
        return f"<p>{escape(block.text)}{link}</p>"
    if isinstance(block, _List):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    t = block.table
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in t.headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in t.rows)
    caption = f"<caption>{escape(t.caption)}</caption>"
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def letter_html(letter: Letter) -> str:
    """The letter as a complete HTML document (lang en-GB, title set)."""
    ensure_letter_sendable(letter)
    body = "\n".join(_html_block(b) for b in _blocks(letter))
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(letter.title)}</title>\n"
        f'<meta name="author" content="{escape(letter.authority)}">\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def letter_pdf(letter: Letter) -> bytes:
    """The letter as a tagged PDF (PDF/UA-1) through WeasyPrint."""
    from weasyprint import HTML

    html = letter_html(letter)
    document = HTML(string=html).render(pdf_variant="pdf/ua-1")
    document.metadata.title = letter.title
    document.metadata.authors = [letter.authority]
    document.metadata.lang = "en-GB"
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    assert pdf is not None
    return bytes(pdf)


def letter_docx(letter: Letter) -> bytes:
    """The letter as DOCX with real Heading styles and list and table styles."""
    from docx import Document

    ensure_letter_sendable(letter)
    doc = Document()
    props = doc.core_properties
    props.title = letter.title
    props.author = letter.authority
    props.last_modified_by = letter.authority
    props.language = "en-GB"
    props.comments = ""
    for block in _blocks(letter):
        if isinstance(block, _Heading):
            doc.add_heading(block.text, level=block.level)
        elif isinstance(block, _Para):
            doc.add_paragraph(f"{block.text} {block.link.removeprefix('mailto:')}".strip())
        elif isinstance(block, _List):
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                doc.add_paragraph(item, style=style)
        else:
            t = block.table
            doc.add_paragraph(t.caption, style="Caption")
            table = doc.add_table(rows=1, cols=max(len(t.headers), 1))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, t.headers, strict=False):
                cell.text = text
            for row in t.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=False):
                    cell.text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_letter(letter: Letter, fmt: LetterFormat) -> bytes:
    """The letter in ``fmt`` as bytes (HTML in UTF-8)."""
    if fmt is LetterFormat.HTML:
        return letter_html(letter).encode("utf-8")
    if fmt is LetterFormat.PDF:
        return letter_pdf(letter)
    return letter_docx(letter)
