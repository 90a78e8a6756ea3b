"""The catalogue of exemptions and exceptions a refusal can rely on, and how they are cited.

FOIA Part II (ss.21-44), EIR reg 12 and 13, FOISA Part 2 (ss.25-41) and EISR reg 10 and 11, each
entry saying whether it is absolute (no public interest test: FOIA s.2(3), FOISA s.2(2)), whether it
is class- or prejudice-based, and which provision, if any, lets the authority neither confirm nor
deny (NCND). The grounds that refuse a whole request without being exemptions (FOIA s.12 and s.14,
EIR reg 12(4)(b), FOISA s.12 and s.14) are listed too, marked ``procedural``, because refusal
notices cite them in the same breath.

Sources: the statutes on legislation.gov.uk and DOMAIN.md section B, whose NCND subsection numbers
are marked UNVERIFIED there; entries below carry the same mark where DOMAIN.md does, or where the
detail is from memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from foidesk.core.regime import Regime


class Basis(StrEnum):
    """What engages the exemption: a class of information, a test of harm, or something else."""

    CLASS = "class"  # engaged by the kind of information alone
    PREJUDICE = "prejudice"  # disclosure would, or would be likely to, prejudice (FOISA: substantially)
    OTHER = "other"  # "required for" (s.24), "endanger" (s.38), or a procedural ground (s.12, s.14)


class UnknownExemption(KeyError):
    """No exemption in the catalogue has this code."""


@dataclass(frozen=True, slots=True)
class Exemption:
    """One exemption or exception, with the code it is cited by (``s.40(2)``, ``reg.12(4)(a)``)."""

    code: str
    regime: Regime
    provision: str
    title: str
    absolute: bool
    basis: Basis
    ncnd_provision: str | None
    public_interest_test: bool
    notes: str = ""
    procedural: bool = False  # refuses the whole request (s.12, s.14) rather than exempting information
    # Personal data (s.40(2), FOISA s.38(1)(b), EIR reg 13, EISR reg 11): absolute only so far as the
    # first condition applies (FOIA s.2(3)(fa); FOISA s.2(2)(e)(ii)); under the others the public
    # interest must be weighed (DOMAIN.md H).
    absolute_only_under_first_condition: bool = False
    # FOISA s.18(1): neither confirming nor denying needs its own finding that revealing whether the
    # information exists would be contrary to the public interest, even for an absolute exemption.
    ncnd_needs_public_interest_finding: bool = False

    @property
    def is_absolute(self) -> bool:
        return self.absolute

    @property
    def allows_ncnd(self) -> bool:
        """Whether the authority may neither confirm nor deny under this exemption (DOMAIN.md A, NCND)."""
        return self.ncnd_provision is not None

    @property
    def is_accessible_elsewhere(self) -> bool:
        """FOIA s.21 and FOISA s.25: nothing is withheld, the requester is told where it already is. The EIR
        and EISR have no such exception (reg 6(1)(b): the form and format)."""
        return self.code == self.regime.rules.notice.accessible_elsewhere

    @property
    def section(self) -> str:
        """The section or regulation number alone: ``"40"`` for ``s.40(2)``, ``"12"`` for ``reg.12(4)(a)``."""
        match = re.search(r"(\d+[A-Z]?)", self.code)
        return match.group(1) if match else self.code

    @property
    def label(self) -> str:
        """How a letter or a form names it: ``s.40(2) Personal information (third party)``."""
        return f"{self.code} {self.title}"


def _entry(
    regime: Regime,
    reference: str,
    title: str,
    *,
    absolute: bool,
    basis: Basis,
    ncnd: str | None,
    pit: bool | None = None,
    notes: str = "",
    procedural: bool = False,
    first_condition: bool = False,
) -> Exemption:
    prefix, act = regime.rules.citation_prefix, regime.label
    code = f"{prefix}{reference}"
    ncnd_provision = None if ncnd is None else f"{prefix}{ncnd}"
    return Exemption(
        code=code,
        regime=regime,
        provision=f"{act} {prefix.split()[-1]}{reference}",
        title=title,
        absolute=absolute,
        basis=basis,
        ncnd_provision=ncnd_provision,
        public_interest_test=(not absolute and not procedural) if pit is None else pit,
        notes=notes,
        procedural=procedural,
        absolute_only_under_first_condition=first_condition,
        ncnd_needs_public_interest_finding=regime is Regime.FOISA and ncnd == "18(1)",
    )


_foia = partial(_entry, Regime.FOIA)
_eir = partial(_entry, Regime.EIR)
_foisa = partial(_entry, Regime.FOISA)
_eisr = partial(_entry, Regime.EISR)

CL, PR, OT = Basis.CLASS, Basis.PREJUDICE, Basis.OTHER
ABS, QUAL = True, False

# The tables are laid out by hand, one provision to a line or two; the formatter would spread each
# over eight lines.
# fmt: off
_FOIA: tuple[Exemption, ...] = (
    # Procedural grounds: not Part II exemptions, no public interest test, no NCND of their own.
    _foia("12", "Cost of compliance exceeds the appropriate limit", absolute=QUAL, basis=OT, ncnd="12(2)",
          procedural=True, notes="s.12(2): the duty to confirm or deny falls away too if that alone would "
          "exceed the limit [UNVERIFIED wording]; s.17(5) notice; s.16 advice expected"),
    _foia("14(1)", "Vexatious request", absolute=QUAL, basis=OT, ncnd="14(1)", procedural=True,
          notes="IC v Dransfield [2012] UKUT 440 (AAC); s.17(5) notice; s.17(6) none for a repeat"),
    _foia("14(2)", "Repeated request", absolute=QUAL, basis=OT, ncnd=None, procedural=True,
          notes="identical or substantially similar, before a reasonable interval [UNVERIFIED wording]"),
    # Part II. Absolute = listed in s.2(3) [S]; NCND subsection numbers [UNVERIFIED] (DOMAIN.md B).
    _foia("21", "Information accessible to the applicant by other means", absolute=ABS, basis=CL, ncnd=None,
          notes="s.2(3)(a); no NCND provision; the notice should point to where the information is"),
    _foia("22", "Information intended for future publication", absolute=QUAL, basis=CL, ncnd="22(2)"),
    _foia("22A", "Research", absolute=QUAL, basis=PR, ncnd="22A(2)",
          notes="inserted by the Intellectual Property Act 2014 [UNVERIFIED]"),
    _foia("23", "Information supplied by, or relating to, bodies dealing with security matters",
          absolute=ABS, basis=CL, ncnd="23(5)", notes="s.2(3)(b)"),
    _foia("24", "National security", absolute=QUAL, basis=OT, ncnd="24(2)",
          notes="engaged where exemption is 'required for' safeguarding national security"),
    _foia("26", "Defence", absolute=QUAL, basis=PR, ncnd="26(3)"),
    _foia("27", "International relations", absolute=QUAL, basis=PR, ncnd="27(4)"),
    _foia("27(1)", "International relations: prejudice to relations or interests abroad", absolute=QUAL,
          basis=PR, ncnd="27(4)"),
    _foia("27(2)", "International relations: confidential information from another State", absolute=QUAL,
          basis=CL, ncnd="27(4)"),
    _foia("28", "Relations within the United Kingdom", absolute=QUAL, basis=PR, ncnd="28(3)"),
    _foia("29", "The economy", absolute=QUAL, basis=PR, ncnd="29(2)"),
    _foia("30", "Investigations and proceedings conducted by public authorities", absolute=QUAL, basis=CL,
          ncnd="30(3)", notes="police NCND for live misconduct matters: s.30(3), s.31(3), s.40(5B)"),
    _foia("30(1)", "Investigations and proceedings: criminal investigations and proceedings", absolute=QUAL,
          basis=CL, ncnd="30(3)"),
    _foia("30(1)(a)", "Investigations: whether a person should be charged with, or is guilty of, an offence",
          absolute=QUAL, basis=CL, ncnd="30(3)"),
    _foia("30(1)(b)", "Investigations which may lead to a decision to institute criminal proceedings",
          absolute=QUAL, basis=CL, ncnd="30(3)"),
    _foia("30(1)(c)", "Criminal proceedings which the authority has power to conduct", absolute=QUAL,
          basis=CL, ncnd="30(3)"),
    _foia("30(2)", "Investigations and proceedings: confidential sources and other investigations",
          absolute=QUAL, basis=CL, ncnd="30(3)"),
    _foia("31", "Law enforcement", absolute=QUAL, basis=PR, ncnd="31(3)",
          notes="only where s.30 does not apply (s.31(1)); NCND s.31(3) [V: ICO guidance]"),
    _foia("31(1)(a)", "Law enforcement: the prevention or detection of crime", absolute=QUAL, basis=PR,
          ncnd="31(3)"),
    _foia("31(1)(b)", "Law enforcement: the apprehension or prosecution of offenders", absolute=QUAL,
          basis=PR, ncnd="31(3)"),
    _foia("31(1)(c)", "Law enforcement: the administration of justice", absolute=QUAL, basis=PR,
          ncnd="31(3)"),
    _foia("31(1)(d)", "Law enforcement: the assessment or collection of any tax or duty", absolute=QUAL,
          basis=PR, ncnd="31(3)"),
    _foia("31(1)(e)", "Law enforcement: the operation of the immigration controls", absolute=QUAL, basis=PR,
          ncnd="31(3)"),
    _foia("31(1)(f)", "Law enforcement: security and good order in prisons", absolute=QUAL, basis=PR,
          ncnd="31(3)"),
    _foia("31(1)(g)", "Law enforcement: functions for the purposes in s.31(2)", absolute=QUAL, basis=PR,
          ncnd="31(3)", notes="s.31(2)(b): whether a person is responsible for improper conduct"),
    _foia("31(1)(h)", "Law enforcement: civil proceedings arising from investigations under s.31(2)",
          absolute=QUAL, basis=PR, ncnd="31(3)"),
    _foia("31(1)(i)", "Law enforcement: inquiries into deaths in Scotland", absolute=QUAL, basis=PR,
          ncnd="31(3)", notes="[UNVERIFIED wording]"),
    _foia("32", "Court records", absolute=ABS, basis=CL, ncnd="32(3)", notes="s.2(3)(c)"),
    _foia("33", "Audit functions", absolute=QUAL, basis=PR, ncnd="33(3)"),
    _foia("34", "Parliamentary privilege", absolute=ABS, basis=CL, ncnd="34(2)", notes="s.2(3)(d)"),
    _foia("35", "Formulation of government policy", absolute=QUAL, basis=CL, ncnd="35(3)",
          notes="government departments and the Welsh Government only"),
    _foia("35(1)(a)", "Formulation or development of government policy", absolute=QUAL, basis=CL,
          ncnd="35(3)"),
    _foia("35(1)(b)", "Ministerial communications", absolute=QUAL, basis=CL, ncnd="35(3)"),
    _foia("35(1)(c)", "Law Officers' advice", absolute=QUAL, basis=CL, ncnd="35(3)"),
    _foia("35(1)(d)", "Operation of any Ministerial private office", absolute=QUAL, basis=CL, ncnd="35(3)"),
    _foia("36", "Prejudice to effective conduct of public affairs", absolute=QUAL, basis=PR, ncnd="36(3)",
          notes="needs the reasonable opinion of a qualified person; absolute only for the two Houses "
          "(s.2(3)(e))"),
    _foia("36(2)(a)", "Public affairs: collective responsibility of Ministers", absolute=QUAL, basis=PR,
          ncnd="36(3)"),
    _foia("36(2)(b)(i)", "Public affairs: free and frank provision of advice", absolute=QUAL, basis=PR,
          ncnd="36(3)"),
    _foia("36(2)(b)(ii)", "Public affairs: free and frank exchange of views", absolute=QUAL, basis=PR,
          ncnd="36(3)"),
    _foia("36(2)(c)", "Public affairs: otherwise prejudice the effective conduct of public affairs",
          absolute=QUAL, basis=PR, ncnd="36(3)"),
    _foia("37", "Communications with the Royal Family and honours", absolute=QUAL, basis=CL, ncnd="37(2)",
          notes="s.37(1)(a)-(ab) absolute (s.2(3)(ea)); the rest qualified"),
    _foia("37(1)(a)", "Communications with the Sovereign", absolute=ABS, basis=CL, ncnd="37(2)",
          notes="s.2(3)(ea)"),
    _foia("37(1)(aa)", "Communications with the heir to, or second in line to, the Throne", absolute=ABS,
          basis=CL, ncnd="37(2)", notes="s.2(3)(ea)"),
    _foia("37(1)(ab)", "Communications with a person who has since acceded to the Throne", absolute=ABS,
          basis=CL, ncnd="37(2)", notes="s.2(3)(ea)"),
    _foia("37(1)(ac)", "Communications with other members of the Royal Family", absolute=QUAL, basis=CL,
          ncnd="37(2)"),
    _foia("37(1)(ad)", "Communications with the Royal Household", absolute=QUAL, basis=CL, ncnd="37(2)"),
    _foia("37(1)(b)", "Conferring of honours or dignities", absolute=QUAL, basis=CL, ncnd="37(2)"),
    _foia("38", "Health and safety", absolute=QUAL, basis=OT, ncnd="38(2)",
          notes="engaged where disclosure would, or would be likely to, endanger health or safety; "
          "NCND s.38(2) [V]"),
    _foia("38(1)(a)", "Health and safety: endanger physical or mental health", absolute=QUAL, basis=OT,
          ncnd="38(2)"),
    _foia("38(1)(b)", "Health and safety: endanger safety", absolute=QUAL, basis=OT, ncnd="38(2)"),
    _foia("39", "Environmental information", absolute=QUAL, basis=CL, ncnd="39(2)",
          notes="the request is to be handled under the EIR"),
    _foia("40", "Personal information", absolute=ABS, basis=CL, ncnd="40(5B)",
          notes="cite the subsection: s.40(1) own data (absolute), s.40(2) third-party data; s.40(5) was "
          "replaced by s.40(5A) and (5B) on 25 May 2018 (DPA 2018 Sch 19)"),
    _foia("40(1)", "Personal information: the requester's own personal data", absolute=ABS, basis=CL,
          ncnd="40(5A)", notes="s.2(3)(f); handle as a subject access request"),
    _foia("40(2)", "Personal information: third-party personal data", absolute=ABS, basis=CL, ncnd="40(5B)",
          first_condition=True,
          notes="absolute where disclosure would contravene the data protection principles, the first "
          "condition, s.40(3A)(a) (s.2(3)(fa)); qualified under s.40(3B) or (4A). MPS cites "
          "'s.40(2)&(3A)(a)'"),
    _foia("41", "Information provided in confidence", absolute=ABS, basis=CL, ncnd="41(2)",
          notes="s.2(3)(g); disclosure must be an actionable breach of confidence"),
    _foia("42", "Legal professional privilege", absolute=QUAL, basis=CL, ncnd="42(2)"),
    _foia("43", "Commercial interests", absolute=QUAL, basis=PR, ncnd="43(3)",
          notes="cite the subsection: s.43(1) trade secrets, s.43(2) commercial interests"),
    _foia("43(1)", "Trade secrets", absolute=QUAL, basis=CL, ncnd=None,
          notes="s.43(3) NCND covers only the s.43(2) interests [S: HL Bill 55 (1999-2000) cl.41(3)]"),
    _foia("43(2)", "Commercial interests", absolute=QUAL, basis=PR, ncnd="43(3)"),
    _foia("44", "Prohibitions on disclosure", absolute=ABS, basis=CL, ncnd="44(2)",
          notes="s.2(3)(h); name the enactment, EU obligation or contempt rule that prohibits disclosure"),
)

_EIR: tuple[Exemption, ...] = (
    # reg 12(1)(b): every exception is subject to the public interest test [V]; reg 12(2): presumption in
    # favour of disclosure. NCND only for reg 12(5)(a) (reg 12(6)) and personal data (reg 13(5A), its
    # conditions in 13(5B)).
    _eir("12(4)(a)", "Information not held when the request is received", absolute=QUAL, basis=OT, ncnd=None,
         pit=False, notes="reg 12(1) formally applies, but with nothing held there is nothing to weigh"),
    _eir("12(4)(b)", "Manifestly unreasonable request", absolute=QUAL, basis=OT, ncnd=None,
         notes="also covers cost (the EIR has no cost limit) and vexatious requests"),
    _eir("12(4)(c)", "Request formulated in too general a manner", absolute=QUAL, basis=OT, ncnd=None,
         notes="advice and assistance under reg 9 first"),
    _eir("12(4)(d)", "Material in the course of completion, unfinished documents or incomplete data",
         absolute=QUAL, basis=CL, ncnd=None),
    _eir("12(4)(e)", "Internal communications", absolute=QUAL, basis=CL, ncnd=None),
    _eir("12(5)(a)", "Adverse effect on international relations, defence, national security or public "
         "safety", absolute=QUAL, basis=PR, ncnd="12(6)"),
    _eir("12(5)(b)", "Adverse effect on the course of justice, a fair trial or a criminal or disciplinary "
         "inquiry", absolute=QUAL, basis=PR, ncnd=None),
    _eir("12(5)(c)", "Adverse effect on intellectual property rights", absolute=QUAL, basis=PR, ncnd=None),
    _eir("12(5)(d)", "Adverse effect on the confidentiality of proceedings", absolute=QUAL, basis=PR,
         ncnd=None, notes="not for information on emissions (reg 12(9))"),
    _eir("12(5)(e)", "Adverse effect on commercial or industrial confidentiality", absolute=QUAL, basis=PR,
         ncnd=None, notes="not for information on emissions (reg 12(9))"),
    _eir("12(5)(f)", "Adverse effect on the interests of the person who provided the information",
         absolute=QUAL, basis=PR, ncnd=None, notes="not for information on emissions (reg 12(9))"),
    _eir("12(5)(g)", "Adverse effect on the protection of the environment", absolute=QUAL, basis=PR,
         ncnd=None, notes="not for information on emissions (reg 12(9))"),
    _eir("13", "Personal data", absolute=ABS, basis=CL, ncnd="13(5A)", first_condition=True,
         notes="reg 12(3); no public interest test where disclosure would contravene the data protection "
         "principles (reg 13(2A)(a)); qualified under the other conditions; NCND reg 13(5A) on the "
         "conditions of reg 13(5B); the requester's own data is outside the EIR (reg 5(3)): a subject "
         "access request, no refusal notice"),
)

_FOISA: tuple[Exemption, ...] = (
    # Absolute = listed in FOISA s.2(2): ss.25, 26, 36(2), 37, 38(1)(a), (c), (d) and (b) [V].
    # NCND: s.18(1) for ss.28-35, 38, 39(1) and 41 (not s.39(2): environmental information goes to the
    # EISR), and only on a finding that revealing whether the information exists would be contrary to the
    # public interest, even under s.38 (FOISA (Amendment) Act 2013; DOMAIN.md H).
    _foisa("12", "Excessive cost of compliance", absolute=QUAL, basis=OT, ncnd=None, procedural=True,
           notes="£600 at up to £15 an hour (Fees Regulations 2004, SSI 2004/467)"),
    _foisa("14(1)", "Vexatious request", absolute=QUAL, basis=OT, ncnd=None, procedural=True),
    _foisa("14(2)", "Repeated request", absolute=QUAL, basis=OT, ncnd=None, procedural=True),
    _foisa("25", "Information otherwise accessible", absolute=ABS, basis=CL, ncnd=None, notes="s.2(2)(a)"),
    _foisa("26", "Prohibitions on disclosure", absolute=ABS, basis=CL, ncnd=None, notes="s.2(2)(b)"),
    _foisa("27", "Information intended for future publication", absolute=QUAL, basis=CL, ncnd=None,
           notes="s.27(1) publication within 12 weeks; s.27(2) research"),
    _foisa("28", "Relations within the United Kingdom", absolute=QUAL, basis=PR, ncnd="18(1)"),
    _foisa("29", "Formulation of Scottish Administration policy etc.", absolute=QUAL, basis=CL, ncnd="18(1)"),
    _foisa("30", "Prejudice to effective conduct of public affairs", absolute=QUAL, basis=PR, ncnd="18(1)",
           notes="harm test: 'substantial' prejudice or inhibition"),
    _foisa("30(b)(i)", "Public affairs: free and frank provision of advice", absolute=QUAL, basis=PR,
           ncnd="18(1)"),
    _foisa("30(b)(ii)", "Public affairs: free and frank exchange of views", absolute=QUAL, basis=PR,
           ncnd="18(1)"),
    _foisa("30(c)", "Public affairs: otherwise substantial prejudice to the conduct of public affairs",
           absolute=QUAL, basis=PR, ncnd="18(1)"),
    _foisa("31", "National security and defence", absolute=QUAL, basis=OT, ncnd="18(1)"),
    _foisa("32", "International relations", absolute=QUAL, basis=PR, ncnd="18(1)"),
    _foisa("33", "Commercial interests and the economy", absolute=QUAL, basis=PR, ncnd="18(1)"),
    _foisa("33(1)(a)", "Trade secrets", absolute=QUAL, basis=CL, ncnd="18(1)"),
    _foisa("33(1)(b)", "Commercial interests", absolute=QUAL, basis=PR, ncnd="18(1)"),
    _foisa("34", "Investigations by Scottish public authorities and proceedings arising out of them",
           absolute=QUAL, basis=CL, ncnd="18(1)"),
    _foisa("35", "Law enforcement", absolute=QUAL, basis=PR, ncnd="18(1)",
           notes="harm test: 'substantial' prejudice"),
    _foisa("35(1)(a)", "Law enforcement: the prevention or detection of crime", absolute=QUAL, basis=PR,
           ncnd="18(1)"),
    _foisa("35(1)(b)", "Law enforcement: the apprehension or prosecution of offenders", absolute=QUAL,
           basis=PR, ncnd="18(1)"),
    _foisa("35(1)(g)", "Law enforcement: functions for the purposes in s.35(2)", absolute=QUAL, basis=PR,
           ncnd="18(1)"),
    _foisa("36", "Confidentiality", absolute=QUAL, basis=CL, ncnd=None,
           notes="s.36(1) qualified; s.36(2) absolute (s.2(2)(c))"),
    _foisa("36(1)", "Confidentiality of communications in legal proceedings (legal professional privilege)",
           absolute=QUAL, basis=CL, ncnd=None),
    _foisa("36(2)", "Information provided in confidence", absolute=ABS, basis=CL, ncnd=None,
           notes="s.2(2)(c)"),
    _foisa("37", "Court records etc.", absolute=ABS, basis=CL, ncnd=None, notes="s.2(2)(d)"),
    _foisa("38", "Personal information", absolute=ABS, basis=CL, ncnd="18(1)",
           notes="cite the subsection; s.38(1)(a), (c), (d) absolute; (b) absolute under the first "
           "condition (s.2(2)(e)) [V]"),
    _foisa("38(1)(a)", "Personal information: the requester's own personal data", absolute=ABS, basis=CL,
           ncnd="18(1)", notes="s.2(2)(e)"),
    _foisa("38(1)(b)", "Personal information: third-party personal data", absolute=ABS, basis=CL,
           ncnd="18(1)", first_condition=True,
           notes="absolute where disclosure would contravene the data protection principles "
           "(s.2(2)(e)(ii) [V]; subsection numbering since 2018 [UNVERIFIED])"),
    _foisa("38(1)(c)", "Personal census information", absolute=ABS, basis=CL, ncnd="18(1)",
           notes="s.2(2)(e)"),
    _foisa("38(1)(d)", "A deceased person's health record", absolute=ABS, basis=CL, ncnd="18(1)",
           notes="s.2(2)(e)"),
    _foisa("39", "Health, safety and the environment", absolute=QUAL, basis=OT, ncnd="18(1)",
           notes="s.18(1) covers s.39(1) only; cite the subsection"),
    _foisa("39(1)", "Health and safety", absolute=QUAL, basis=OT, ncnd="18(1)"),
    _foisa("39(2)", "Environmental information", absolute=QUAL, basis=CL, ncnd=None,
           notes="the request is to be handled under the EISR"),
    _foisa("40", "Audit functions", absolute=QUAL, basis=PR, ncnd=None),
    _foisa("41", "Communications with Her Majesty etc. and honours", absolute=QUAL, basis=CL, ncnd="18(1)",
           notes="qualified: not listed in s.2(2) [V]"),
)

_EISR: tuple[Exemption, ...] = (
    # reg 10(1)(b): every exception subject to the public interest test [UNVERIFIED numbering].
    _eisr("10(4)(a)", "Information not held", absolute=QUAL, basis=OT, ncnd=None, pit=False),
    _eisr("10(4)(b)", "Manifestly unreasonable request", absolute=QUAL, basis=OT, ncnd=None),
    _eisr("10(4)(c)", "Request formulated in too general a manner", absolute=QUAL, basis=OT, ncnd=None),
    _eisr("10(4)(d)", "Material in the course of completion", absolute=QUAL, basis=CL, ncnd=None),
    _eisr("10(4)(e)", "Internal communications", absolute=QUAL, basis=CL, ncnd=None),
    _eisr("10(5)(a)", "Substantial prejudice to international relations, defence, national security or "
          "public safety", absolute=QUAL, basis=PR, ncnd="10(8)", notes="[UNVERIFIED NCND provision]"),
    _eisr("10(5)(b)", "Substantial prejudice to the course of justice", absolute=QUAL, basis=PR, ncnd=None),
    _eisr("10(5)(c)", "Substantial prejudice to intellectual property rights", absolute=QUAL, basis=PR,
          ncnd=None),
    _eisr("10(5)(d)", "Substantial prejudice to the confidentiality of proceedings", absolute=QUAL, basis=PR,
          ncnd=None),
    _eisr("10(5)(e)", "Substantial prejudice to commercial confidentiality", absolute=QUAL, basis=PR,
          ncnd=None),
    _eisr("10(5)(f)", "Substantial prejudice to the interests of the person who provided the information",
          absolute=QUAL, basis=PR, ncnd=None),
    _eisr("10(5)(g)", "Substantial prejudice to the protection of the environment", absolute=QUAL,
          basis=PR, ncnd=None),
    _eisr("11", "Personal data", absolute=ABS, basis=CL, ncnd="11(6)", first_condition=True,
          notes="absolute only under the first condition; NCND reg 11(6) [S: DOMAIN.md H]"),
)
# fmt: on

_CATALOGUE: dict[str, Exemption] = {e.code: e for e in (*_FOIA, *_EIR, *_FOISA, *_EISR)}
_BY_REGIME: dict[Regime, tuple[Exemption, ...]] = {
    Regime.FOIA: _FOIA,
    Regime.EIR: _EIR,
    Regime.FOISA: _FOISA,
    Regime.EISR: _EISR,
}


def exemption(code: str) -> Exemption:
    """The exemption cited as ``code`` (``"s.40(2)"``, ``"reg.13"``, ``"FOISA s.38(1)(b)"``)."""
    try:
        return _CATALOGUE[code]
    except KeyError:
        raise UnknownExemption(code) from None


def has_limbs(entry: Exemption) -> bool:
    """Whether the catalogue lists subsections of ``entry`` (s.31, s.40, s.43...): cited by its number
    alone, it leaves the requester to guess which limb, and so which test, was applied."""
    return any(code.startswith(entry.code + "(") for code in _CATALOGUE)


def exemptions_for(regime: Regime) -> tuple[Exemption, ...]:
    """Every exemption of ``regime``, in statute order, procedural grounds first."""
    return _BY_REGIME[regime]


# A citation: a keyword (Section(s), s., ss., sec., Regulation(s), reg(s).) then one or more
# references joined by commas, "and", "or", "&", "/"; a reference may carry "&(3A)(a)" qualifiers.
_REFERENCE = r"\d{1,2}(?!\d)[A-Z]?(?:\s?\((?:[0-9]{1,2}[A-Z]?|[a-z]{1,4})\)){0,4}"
_QUALIFIER = r"(?:\s*&\s*\((?:[0-9]{1,2}[A-Z]?|[a-z]{1,4})\)(?:\((?:[0-9]{1,2}[A-Z]?|[a-z]{1,4})\))*)*"
_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*(?=\d)|\s*/\s*(?=\d))"
# "31(1)(a) and (b)": a sibling paragraph given by its letter alone, after the full reference.
_SIBLING = r"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)\([a-z]{1,4}\)(?![\w(]))*"
_CITATION = re.compile(
    rf"(?P<prefix>\b(?:FOISA|FOI\(S\)A|EISR)\s+)?"
    rf"(?P<keyword>\b(?:sections?|secs?\.?|ss?\.|s(?=\s?\d)|regulations?|regs?\.?)\s?)"
    rf"(?P<references>{_REFERENCE}{_QUALIFIER}{_SIBLING}(?:{_JOIN}{_REFERENCE}{_QUALIFIER}{_SIBLING})*)",
    re.IGNORECASE,
)
_SIBLING_OF = re.compile(
    r"(?P<stem>\d{1,2}[A-Z]?(?:\s?\([^()]*\))*?)\s?\((?P<first>[a-z]{1,4})\)"
    r"(?P<rest>(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)\([a-z]{1,4}\)(?![\w(]))+)"
)
_ONE_REFERENCE = re.compile(rf"({_REFERENCE}){_QUALIFIER}")
_TRAILING_ACT = re.compile(
    r"\s*(?:of\s+(?:the\s+)?)?(?P<act>(?:(?:\(?[A-Z][\w()]*|of|and|the)\s+)+(?:Act|Regulations)(?:\s+\d{4})?|DPA|U?K?\s?GDPR|"
    r"FOISA|FOI\(S\)A|FOIA|EIRs?|EISR|(?:[Ss]ection\s+\d+\s+)?Codes?\s+of\s+Practice)"
)


_SCOTTISH_ACT = re.compile(r"Scotland|FOISA|FOI\(S\)A|EISR", re.IGNORECASE)
_UK_ACT = re.compile(r"Freedom of Information|Environmental Information|\bFOI\b|\bFOIA\b|\bEIRs?\b")
_THE_ACT = re.compile(r"(?:(?:the|this|these|that)\s+)?(?:Act|Regulations)$", re.IGNORECASE)


def parse_citation(text: str, regime: Regime | None = None) -> list[Exemption]:
    """The catalogue entries cited in ``text``, in order of first citation, each once.

    Understands "Section 40(2) - Personal Information", "s.40(2)&(3A)(a)", "Sections 30(1)(a), 31 and
    40(2)", "Section 31(1)(a)(b)" (two limbs), "Regulation 12(4)(b)", "FOISA s.38(1)(b)", "section
    38(1)(b) of FOISA" and "Section 22 of the FOI Act". A reference
    deeper than the catalogue goes falls back to its nearest listed ancestor ("s.31(1)(j)" to "s.31");
    an NCND subsection falls back the same way ("s.40(5)" to "s.40"). Sections of other Acts ("section
    24 of the Data Protection Act 2018") and sections outside the catalogue ("Section 17") are ignored.
    A bare section ("Section 40") is dropped when the same text also cites one of its subsections.

    ``regime`` decides what a bare "section" or "regulation" means; without it, a text that names the
    Scottish Act reads as FOISA, otherwise FOIA (and EIR for regulations).
    """
    scottish = regime.is_scottish if regime is not None else _names_scottish_act(text)
    found: dict[str, Exemption] = {}
    for match in _CITATION.finditer(text):
        target = _target_regime(match, text, scottish)
        if target is None:
            continue
        for reference in _ONE_REFERENCE.findall(_siblings_spelt_out(match.group("references"))):
            for limb in _limbs(target, re.sub(r"\s", "", reference)):
                entry = _resolve(target, limb)
                if entry is not None:
                    found.setdefault(entry.code, entry)
    return _without_covered_sections(list(found.values()))


def _siblings_spelt_out(references: str) -> str:
    """ "31(1)(a) and (b)" becomes "31(1)(a) and 31(1)(b)", so that the second limb is not lost."""

    def spell(match: re.Match[str]) -> str:
        stem = match.group("stem")
        letters = [match.group("first"), *re.findall(r"\(([a-z]{1,4})\)", match.group("rest"))]
        return " and ".join(f"{stem}({letter})" for letter in letters)

    return _SIBLING_OF.sub(spell, references)


def _names_scottish_act(text: str) -> bool:
    return bool(
        re.search(
            r"\bFOI\(?S\)?A\b|Freedom of Information \(Scotland\)|Environmental Information \(Scotland\)|"
            r"\bEISR\b",
            text,
        )
    )


def _target_regime(match: re.Match[str], text: str, scottish: bool) -> Regime | None:
    """Which regime a citation belongs to, or None for another Act's section."""
    is_regulation = match.group("keyword").lower().startswith("r")
    prefix = (match.group("prefix") or "").strip().upper()
    trailing = _TRAILING_ACT.match(text, match.end())
    act = "" if trailing is None else trailing.group("act")
    if _SCOTTISH_ACT.search(act):
        return Regime.EISR if is_regulation else Regime.FOISA
    if _UK_ACT.search(act):
        scottish = False
    elif act and not _THE_ACT.match(act):
        return None  # a section of another Act (the Data Protection Act 2018, the Police Act...)
    if prefix in ("FOISA", "FOI(S)A", "EISR"):
        scottish = True
    if is_regulation:
        return Regime.EISR if scottish else Regime.EIR
    return Regime.FOISA if scottish else Regime.FOIA


def _limbs(regime: Regime, reference: str) -> list[str]:
    """Split sibling paragraphs cited together: "31(1)(a)(b)" is 31(1)(a) and 31(1)(b), as police
    notices write it, unless the catalogue knows the deeper reference ("36(2)(b)(i)")."""
    groups = re.findall(r"\(([^()]*)\)", reference)
    if len(groups) < 3 or regime.rules.citation_prefix + reference in _CATALOGUE:
        return [reference]
    *parents, before_last, last = groups
    if not (len(before_last) == len(last) == 1 and before_last.isalpha() and last.isalpha()):
        return [reference]
    stem = reference[: reference.index("(")] + "".join(f"({g})" for g in parents)
    return [f"{stem}({before_last})", f"{stem}({last})"]


def _resolve(regime: Regime, reference: str) -> Exemption | None:
    """The entry for ``reference`` or its nearest listed ancestor (``31(1)(j)`` -> ``31``)."""
    candidate = reference
    while True:
        entry = _CATALOGUE.get(regime.rules.citation_prefix + candidate)
        if entry is not None:
            return entry
        shorter = re.sub(r"\([^()]*\)$", "", candidate)
        if shorter == candidate:
            return None
        candidate = shorter


def _without_covered_sections(entries: list[Exemption]) -> list[Exemption]:
    """Drop ``s.40`` when ``s.40(2)`` is also cited: the subsection says which one was meant."""
    codes = [e.code for e in entries]
    return [
        e for e in entries if not any(other != e.code and other.startswith(e.code + "(") for other in codes)
    ]
