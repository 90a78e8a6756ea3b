"""Response letters (s.17 refusal notices) as semantic HTML, a tagged PDF and DOCX, from plain values.

The letter is built from ``core.notice.Response`` and a few facts about the case (``Letter``). It is
checked with ``core.notice.check_response`` first: a response that does not meet s.17 FOIA (reg 14 EIR;
ss.16-19 FOISA) is refused with ``LetterRefused``, which carries the findings. No Django here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from html import escape

from foidesk.core.notice import Finding, PartResponse, Response, Severity, check_response
from foidesk.core.outcome import Outcome

# The regulators, review windows and notice provisions have their one home in the regime's rules
# (core/regime.py); the names below stay importable from here.
from foidesk.core.regime import ICO_ADDRESS as ICO_ADDRESS
from foidesk.core.regime import ICO_WEBSITE as ICO_WEBSITE
from foidesk.core.regime import SIC_ADDRESS as SIC_ADDRESS
from foidesk.core.regime import SIC_WEBSITE as SIC_WEBSITE
from foidesk.core.regime import Regime
from foidesk.core.regime import Regulator as Regulator

# The window to ask for a review: 40 working days under every regime (s.45 Code of Practice (2018) para
# 5.4 for FOIA; reg 11(2) EIR; s.20(5) FOISA; reg 16(2) EISR).
REVIEW_WINDOW_WORKING_DAYS = Regime.FOIA.rules.review.request_window_working_days
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
        super().__init__(f"the response does not meet s.17: {lines}")


@dataclass(frozen=True, slots=True)
class AnswerTable:
    """A table given in answer to a part: a caption, column headings and rows of cells."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


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

    @property
    def title(self) -> str:
        return f"Freedom of Information request {self.response.reference}"


def uk_date(value: date) -> str:
    """``13 June 2022``: the UK date format of letters (DESIGN.md)."""
    return f"{value.day} {value.strftime('%B')} {value.year}"


def ensure_sendable(response: Response) -> None:
    """Raise ``LetterRefused`` if ``check_response`` finds any error."""
    errors = [f for f in check_response(response) if f.severity is Severity.ERROR]
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
    link: str = ""  # an absolute or relative URL shown after the text


@dataclass(frozen=True, slots=True)
class _List:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class _Table:
    table: AnswerTable


_Block = _Heading | _Para | _List | _Table


SUPPRESSED = "[c]"  # how a table shows a value withheld by disclosure control


def _decision_sentence(response: Response) -> str:
    outcomes = {p.outcome for p in response.parts}
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


def _part_blocks(part: PartResponse, letter: Letter) -> list[_Block]:
    blocks: list[_Block] = [_Heading(3, f"{part.label}: {part.outcome.label}")]
    answers = dict(letter.answers)
    if part.label in answers and answers[part.label].strip():
        blocks.append(_Para(answers[part.label]))
    for label, table in letter.tables:
        if label == part.label:
            blocks.append(_Table(table))
            if letter.suppression_note and any(SUPPRESSED in row for row in table.rows):
                blocks.append(_Para(letter.suppression_note))
    if part.outcome is Outcome.NOT_HELD:
        blocks.append(_Para("The information you asked for in this part is not held."))
    for claim in part.claims:
        e = claim.exemption
        blocks.append(_Heading(4, f"{e.label} ({e.provision})"))
        kind = "an absolute exemption" if e.absolute else "a qualified exemption"
        if e.absolute_only_under_first_condition:
            kind = (
                "an absolute exemption where disclosure would contravene the data protection principles"
                " (the first condition); under the other conditions the public interest is weighed"
            )
        if not e.procedural:
            blocks.append(_Para(f"{e.code} is {kind}."))
        if claim.reasons_omitted_under_s17_4:
            blocks.append(
                _Para(
                    "The reasons are not given because stating them would reveal exempt information"
                    " (s.17(4))."
                )
            )
        elif claim.reasons.strip():
            blocks.append(_Para(f"Why it applies: {claim.reasons}"))
        test = claim.public_interest
        if test is not None:
            blocks.append(_Heading(5, f"Public interest test ({e.code})"))
            blocks.append(_Para("Factors favouring disclosure:"))
            blocks.append(_List(test.for_disclosure))
            blocks.append(_Para("Factors favouring withholding:"))
            blocks.append(_List(test.for_withholding))
            blocks.append(_Para(f"Balance: {test.conclusion}"))
    if part.s21_pointer.strip():
        blocks.append(
            _Para(
                "The information is already reasonably accessible to you (section 21) at:", part.s21_pointer
            )
        )
    if part.cost_estimate is not None:
        est = part.cost_estimate
        blocks.append(
            _Para(
                f"We estimate that complying would take {est.counted_hours} hours, costing £{est.cost} at "
                f"£{est.hourly_rate} an hour, above the appropriate limit of £{est.limit} "
                f"({est.limit_hours} hours). The estimate is made up of:"
            )
        )
        blocks.append(
            _List(
                tuple(
                    f"{item.activity.value.replace('_', ' ')}: {item.hours} hours"
                    + (f" ({item.description})" if item.description else "")
                    for item in est.counted_items
                )
            )
        )
    if part.completion_estimate.strip():
        blocks.append(_Para(f"Material in the course of completion: {part.completion_estimate}"))
    if part.advice.strip():
        blocks.append(_Para(f"Advice and assistance (section 16): {part.advice}"))
    return blocks


def _blocks(letter: Letter) -> list[_Block]:
    r = letter.response
    blocks: list[_Block] = [
        _Heading(1, letter.title),
        _Para(f"{letter.authority} · Reference {r.reference} · {uk_date(letter.issued)}"),
        _Para(f"Dear {letter.requester_name or 'requester'},"),
    ]
    received = f", received on {uk_date(letter.received)}" if letter.received else ""
    blocks.append(_Para(f"Thank you for your request for information{received}."))
    if r.due is not None and letter.issued > r.due:
        blocks.append(
            _Para(
                f"I am sorry that this response is late: it was due on {uk_date(r.due)}, and you should "
                "have had it by then."
            )
        )
    if letter.questions:
        blocks.append(_Para("I note you seek access to the following information:"))
        blocks.append(_List(tuple(f"{label}: {text}" for label, text in letter.questions)))
    blocks.append(_Heading(2, "Decision"))
    blocks.append(_Para(_decision_sentence(r)))
    claims = [c for p in r.parts for c in p.claims]
    if r.is_refusal:
        withheld: dict[str, str] = {}
        elsewhere: dict[str, str] = {}
        for c in claims:
            into = elsewhere if c.exemption.is_accessible_elsewhere else withheld
            into.setdefault(c.exemption.code, f"{c.exemption.label} ({c.exemption.provision})")
        blocks.append(_Para(f"This response serves as a Refusal Notice under {_NOTICE_PROVISION[r.regime]}."))
        if withheld:
            blocks.append(_Para("Information is withheld by virtue of the following exemptions:"))
            blocks.append(_List(tuple(withheld.values())))
        if elsewhere:
            blocks.append(
                _Para(
                    "Some of the information is already reasonably accessible to you, so it is exempt "
                    "under the following; where to find it is set out below:"
                )
            )
            blocks.append(_List(tuple(elsewhere.values())))
    if r.public_interest_decision_due is not None:
        blocks.append(
            _Para(
                "We need more time to consider the public interest (section 17(2)); we expect to decide by "
                f"{uk_date(r.public_interest_decision_due)}."
            )
        )
    blocks.append(_Heading(2, "Reason for decision"))
    for part in r.parts:
        blocks.extend(_part_blocks(part, letter))
    if letter.attachments:
        blocks.append(_Heading(2, "Disclosure"))
        blocks.append(_Para("The information we are disclosing is attached:"))
        blocks.append(_List(letter.attachments))
    blocks.append(_Heading(2, "Your right to an internal review"))
    blocks.append(
        _Para(
            "If you are unhappy with how your request has been handled, you may ask for an internal review "
            f"within {REVIEW_WINDOW_WORKING_DAYS} working days of the date of this letter. "
            + r.review_rights.strip()
        )
    )
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
    blocks.append(_Para("Yours sincerely,"))
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
        link = f' <a href="{escape(block.link)}">{escape(block.link)}</a>' if block.link else ""
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
    ensure_sendable(letter.response)
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

    ensure_sendable(letter.response)
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
            doc.add_paragraph(f"{block.text} {block.link}".strip())
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
