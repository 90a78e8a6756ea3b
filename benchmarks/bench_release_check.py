# ruff: noqa: E501  (the generated workbook is XML written out by hand; its lines are data)
"""Release gate: check (>= 30 MB/s) and sanitise (>= 10 MB/s, < 400 MB peak) a ~100 MB XLSX, streamed.

The workbook is generated here, written as raw OOXML so that generating it takes seconds: a staff
register of the kind the PSNI released (service number, names, rank, department, location, start
date, a free-text note, a salary) on a visible sheet, a hidden sheet and a few hidden rows, so the
check has real findings to make and the sanitiser real things to drop. Each operation runs in its
own Python process, which reports its wall time and peak resident memory (VmHWM: unlike
ru_maxrss, it does not inherit the parent's peak across exec).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

TARGET_MB = 100
TARGET_RATE = 10.0  # MB/s, issue 8 (the copy)
TARGET_CHECK_RATE = 30.0  # MB/s, issue 14: the check alone
TARGET_MEMORY = 400.0  # MB, issue 8
MERGED_ROWS = 10_000  # step 8: a row of merged cells in each (took 112 s before merges were indexed by row)
TARGET_MERGED_SECONDS = 5.0
TARGET_LETTER_SECONDS = 2.0  # step 8: a typical letter PDF checked with the renderer's second opinion
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SURNAMES = [
    f"{a}{b}"
    for a in ("Mc", "O'", "Mac", "", "Fitz")
    for b in (
        "Allen",
        "Brown",
        "Clarke",
        "Doherty",
        "Evans",
        "Fraser",
        "Gray",
        "Hughes",
        "Irwin",
        "Jones",
        "Kelly",
        "Lynch",
        "Moore",
        "Nolan",
        "Owens",
        "Patel",
        "Quinn",
        "Reid",
        "Scott",
        "Taylor",
    )
]
RANKS = ["Constable", "Sergeant", "Inspector", "Chief Inspector", "Superintendent", "Police Staff"]
DEPARTMENTS = [
    f"District {d} {kind}" for d in "ABCDEFGHJKL" for kind in ("Response", "CID", "Custody", "Roads")
]
STATIONS = [f"Station {n:03d}" for n in range(120)]
WORDS = [
    "review",
    "posting",
    "transfer",
    "training",
    "leave",
    "return",
    "probation",
    "complete",
    "pending",
    "report",
    "duty",
]


class SharedStrings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.index)
        return found


def generate(path: Path, target_bytes: int) -> int:
    """Write the workbook; return its number of data rows."""
    rng = random.Random(20230808)
    strings = SharedStrings()
    fixed = {name: strings(name) for name in SURNAMES + RANKS + DEPARTMENTS + STATIONS}
    header = [
        "Service number",
        "Surname",
        "Initials",
        "Rank",
        "Department",
        "Station",
        "Started",
        "Note",
        "Salary",
    ]
    header_ids = [strings(h) for h in header]
    rows = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out:
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sink:
            sink.write(
                f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN}"><sheetData>'.encode()
            )
            cells = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{v}</v></c>' for i, v in enumerate(header_ids))
            sink.write(f'<row r="1">{cells}</row>'.encode())
            row = 1
            while True:
                batch = []
                for _ in range(5_000):
                    row += 1
                    hidden = ' hidden="1"' if row % 50_000 == 0 else ""
                    note = strings(f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.randrange(10_000)}")
                    initials = strings(f"{chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}")
                    batch.append(
                        f'<row r="{row}"{hidden}><c r="A{row}"><v>{10_000_000 + row * 7}</v></c>'
                        f'<c r="B{row}" t="s"><v>{fixed[rng.choice(SURNAMES)]}</v></c>'
                        f'<c r="C{row}" t="s"><v>{initials}</v></c>'
                        f'<c r="D{row}" t="s"><v>{fixed[rng.choice(RANKS)]}</v></c>'
                        f'<c r="E{row}" t="s"><v>{fixed[rng.choice(DEPARTMENTS)]}</v></c>'
                        f'<c r="F{row}" t="s"><v>{fixed[rng.choice(STATIONS)]}</v></c>'
                        f'<c r="G{row}" s="1"><v>{rng.randrange(30_000, 45_000)}</v></c>'
                        f'<c r="H{row}" t="s"><v>{note}</v></c>'
                        f'<c r="I{row}" s="2"><v>{rng.randrange(2_000_000, 9_000_000) / 100}</v></c></row>'
                    )
                sink.write("".join(batch).encode())
                if out.fp.tell() >= target_bytes:  # type: ignore[union-attr]
                    break
            rows = row - 1
            sink.write(b"</sheetData></worksheet>")
        out.writestr(
            "xl/worksheets/sheet2.xml",
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>{strings("secret list")}</v>'
            "</c></row></sheetData></worksheet>",
        )
        texts = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in strings.index)
        out.writestr(
            "xl/sharedStrings.xml", f'<sst xmlns="{MAIN}" uniqueCount="{len(strings.index)}">{texts}</sst>'
        )
        out.writestr(
            "xl/styles.xml",
            f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
            '</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
            '</fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
            '<xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>',
        )
        out.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Headcount" sheetId="1" r:id="rId1"/>'
            '<sheet name="Staff" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>',
        )
        out.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
        out.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
        out.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sheet_type}"/>'
            f'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{sheet_type}"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>",
        )
    return rows


CHILD = """
import json, sys, time
from foidesk.core.release_check import check_file, sanitise_file
started = time.perf_counter()
if sys.argv[1] == "baseline":
    import zipfile
    with zipfile.ZipFile(sys.argv[2]) as archive:
        for name in archive.namelist():
            with archive.open(name) as member:
                while member.read(1 << 20):
                    pass
    outcome = True
elif sys.argv[1] == "check":
    report = check_file(sys.argv[2])
    outcome = sorted({f.code for f in report.findings})
elif sys.argv[1] == "copy":
    from foidesk.core.release_check.findings import InspectionLimits
    from foidesk.core.release_check.xlsx_copy import sanitise_xlsx
    sanitise_xlsx(sys.argv[2], sys.argv[3], InspectionLimits())
    outcome = True
else:
    report = sanitise_file(sys.argv[2], sys.argv[3])
    outcome = report.clean
elapsed = time.perf_counter() - started
# VmHWM is this process's own peak; ru_maxrss would carry over the parent's peak across exec.
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "outcome": outcome}))
"""


def measure(*args: str) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def merged_rows_seconds(directory: Path) -> float:
    """Seconds to check a workbook of ``MERGED_ROWS`` rows, each with a merged range of its own."""
    import time

    import openpyxl

    from foidesk.core.release_check.findings import InspectionLimits
    from foidesk.core.release_check.spreadsheets import inspect_xlsx

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in range(1, MERGED_ROWS + 1):
        sheet.append([f"Team {row % 40}", None, row])
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    path = directory / "merged.xlsx"
    workbook.save(path)
    started = time.perf_counter()
    inspect_xlsx(str(path), InspectionLimits())
    return time.perf_counter() - started


def _letter() -> object:
    """A response letter as the app writes it (render/letters.py): three parts, a refusal, a table."""
    from datetime import date

    from foidesk.core.exemptions import exemption
    from foidesk.core.notice import ExemptionClaim, PartResponse, PublicInterest, Response
    from foidesk.core.outcome import Outcome
    from foidesk.core.regime import Regime
    from foidesk.render.letters import AnswerTable, Letter

    interest = PublicInterest(
        for_disclosure=("Transparency in policing.",),
        for_withholding=("Tactics would be revealed to offenders.",),
        conclusion="The balance favours withholding.",
    )
    reasons = "Disclosure would prejudice the prevention of crime."
    response = Response(
        reference="01.FOI.22.024648",
        regime=Regime.FOIA,
        parts=(
            PartResponse(label="Q1", outcome=Outcome.DISCLOSED),
            PartResponse(
                label="Q2",
                outcome=Outcome.WITHHELD,
                claims=(
                    ExemptionClaim(exemption=exemption("s.31"), reasons=reasons, public_interest=interest),
                ),
            ),
        ),
        review_rights="Write to foi@example.gov.uk to ask for an internal review.",
        ico_rights="You may complain to the ICO under section 50.",
        issued=date(2026, 11, 13),
    )
    rows = tuple((str(year), f"{31_000 + year:,}") for year in range(2010, 2026))
    return Letter(
        response=response,
        authority="Metropolitan Police Service",
        requester_name="A. Requester",
        issued=date(2026, 11, 13),
        received=date(2026, 10, 16),
        questions=(("Q1", "How many officers?"), ("Q2", "Your tactics?")),
        answers=(("Q1", "The numbers are in the table below."),),
        tables=(("Q1", AnswerTable("Officers by year", ("Year", "Officers"), rows)),),
        attachments=("Officers by year.xlsx",),
        review_email="foi@example.gov.uk",
    )


def rendered_check_seconds(directory: Path) -> dict[str, tuple[float, float, list[str]]]:
    """Seconds to check a letter PDF and an office document without and with the second opinion
    (the best of three runs each; LibreOffice starts afresh, with a new profile, every time)."""
    import time

    import docx

    from foidesk.core.release_check import check_file
    from foidesk.core.release_check.findings import InspectionLimits
    from foidesk.render.letters import letter_pdf

    letter = directory / "letter.pdf"
    letter.write_bytes(letter_pdf(_letter()))  # type: ignore[arg-type]
    document = docx.Document()
    document.add_heading("Freedom of Information request 01.FOI.22.024648", 1)
    for number in range(12):
        document.add_paragraph(f"Paragraph {number}: the figures for the district are set out below. " * 4)
    office = directory / "letter.docx"
    document.save(office)
    figures = {}
    for label, path in (("letter PDF (WeasyPrint)", letter), ("letter DOCX (python-docx)", office)):
        times = []
        for limits in (InspectionLimits(render=False), InspectionLimits()):
            best, codes = float("inf"), []
            for _ in range(3):
                started = time.perf_counter()
                report = check_file(str(path), limits)
                best = min(best, time.perf_counter() - started)
                codes = sorted({finding.code for finding in report.findings})
            times.append(best)
        figures[label] = (times[0], times[1], codes)
    return figures


def main() -> str:
    with tempfile.TemporaryDirectory(prefix="bench-release-") as tmp:
        rendered = rendered_check_seconds(Path(tmp))
        merged = merged_rows_seconds(Path(tmp))
        source = Path(tmp) / "register.xlsx"
        rows = generate(source, TARGET_MB * 1_000_000)
        size_mb = source.stat().st_size / 1_000_000
        with zipfile.ZipFile(source) as archive:
            xml_mb = sum(i.file_size for i in archive.infolist()) / 1_000_000
        baseline = measure("baseline", str(source))
        check = measure("check", str(source))
        copy = measure("copy", str(source), str(Path(tmp) / "copy-only.xlsx"))
        clean = measure("sanitise", str(source), str(Path(tmp) / "clean.xlsx"))
        clean_mb = os.path.getsize(Path(tmp) / "clean.xlsx") / 1_000_000
    lines = [
        "## Release gate: a 100 MB XLSX, streamed",
        "",
        f"A generated staff register: {size_mb:.0f} MB on disk ({xml_mb:.0f} MB of XML), {rows:,} rows x 9 columns "
        f"on a visible sheet, a hidden sheet, a hidden row in every 50,000. Clean copy: {clean_mb:.0f} MB.",
        f"Check found: {', '.join(check['outcome'])}. Each run in its own process (peak = VmHWM).",  # type: ignore[arg-type]
        "Stretches of rows are judged by RE2 grammars a stretch ahead in a thread; members are inflated and the copy "
        "deflated by ISA-L in threads of their own (ADR 0008). Baseline in the same run: zipfile reading every "
        f"member and doing nothing else takes {float(baseline['seconds']):.1f} s "  # type: ignore[arg-type]
        f"({size_mb / float(baseline['seconds']):.0f} MB/s). The same file on 2026-11-28 on another machine "  # type: ignore[arg-type]
        "(2 cores, Xeon), with Python's re and zlib: check 8.6 MB/s, copy 4.5 MB/s, copy and check 2.9 MB/s.",
        "",
        "| figure | value | target | met? |",
        "|---|---|---|---|",
    ]
    runs = (("check", check), ("sanitise, copy only", copy), ("sanitise_file (copy, then check it)", clean))
    for label, run in runs:
        rate = size_mb / float(run["seconds"])  # type: ignore[arg-type]
        wanted = TARGET_CHECK_RATE if label == "check" else TARGET_RATE
        peak = float(run["peak_mb"])  # type: ignore[arg-type]
        lines.append(f"| {label}: time | {float(run['seconds']):.1f} s | | |")  # type: ignore[arg-type]
        lines.append(
            f"| {label}: rate | {rate:.1f} MB/s | >= {wanted:.0f} MB/s | {'yes' if rate >= wanted else 'no'} |"
        )
        lines.append(
            f"| {label}: peak memory | {peak:.0f} MB | < {TARGET_MEMORY:.0f} MB | "
            f"{'yes' if peak < TARGET_MEMORY else 'no'} |"
        )
    lines.append(
        f"| check, {MERGED_ROWS:,} rows each with a merged range: time | {merged:.1f} s | "
        f"< {TARGET_MERGED_SECONDS:.0f} s | {'yes' if merged < TARGET_MERGED_SECONDS else 'no'} |"
    )
    for label, (plain, second, codes) in rendered.items():
        lines.append(f"| check, {label}, without the renderer: time | {plain:.2f} s | | |")
        target = f"< {TARGET_LETTER_SECONDS:.0f} s" if label.startswith("letter PDF") else ""
        met = ("yes" if second < TARGET_LETTER_SECONDS else "no") if target else ""
        lines.append(
            f"| check, {label}, with the renderer's second opinion: time | {second:.2f} s | {target} | {met} |"
        )
        lines.append(f"| check, {label}: findings | {', '.join(codes) or 'none'} | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
