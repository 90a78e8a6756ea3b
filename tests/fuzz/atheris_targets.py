"""Coverage-guided fuzzing (atheris, libFuzzer) of the core parsers of outside data.

    python -m tests.fuzz.atheris_targets TARGET [libFuzzer options, e.g. -runs=100000 -max_total_time=600]

TARGET is one of: request, email, notice, register, or all (the first byte chooses). A crash (any
exception but the parser's own refusal) stops the run with the input saved as crash-<hash> in the
working folder (or -artifact_prefix); make it a regression test.
`tests/fuzz/test_atheris.py` runs each target briefly in CI; `make fuzz` runs them for longer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable

import atheris

with atheris.instrument_imports(include=["foidesk"]):
    from foidesk.core.email_intake import EmailLimits, MalformedEmail, parse_email
    from foidesk.core.notice_text import check_notice_text
    from foidesk.core.parsing import InvalidRequestText, parse_request
    from foidesk.datasets.importer import RegisterImportError, csv_rows, parse_register
    from foidesk.datasets.registry import REGISTRY

LIMITS = EmailLimits(max_message_bytes=64_000, max_attachment_bytes=16_000, max_attachments=3)
FIRST_DAY = dt.date(2005, 1, 1)


def request(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    received = FIRST_DAY + dt.timedelta(days=provider.ConsumeIntInRange(0, 20_000))
    with contextlib.suppress(InvalidRequestText):
        parse_request(provider.ConsumeUnicodeNoSurrogates(len(data)), received)


def email(data: bytes) -> None:
    with contextlib.suppress(MalformedEmail):
        parse_email(data, LIMITS)


def notice(data: bytes) -> None:
    check_notice_text(atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data)))


DATASETS = sorted(REGISTRY.datasets)


def register(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    dataset = REGISTRY.dataset(DATASETS[provider.ConsumeIntInRange(0, len(DATASETS) - 1)])
    with contextlib.suppress(RegisterImportError):
        parse_register(csv_rows(provider.ConsumeUnicodeNoSurrogates(len(data))), dataset)


PARSERS: dict[str, Callable[[bytes], None]] = {
    "request": request,
    "email": email,
    "notice": notice,
    "register": register,
}
ORDER = sorted(PARSERS)


def every(data: bytes) -> None:
    """All four in one process (CI: one start-up): the first byte chooses the parser."""
    if data:
        PARSERS[ORDER[data[0] % len(ORDER)]](data[1:])


TARGETS: dict[str, Callable[[bytes], None]] = {**PARSERS, "all": every}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: python -m tests.fuzz.atheris_targets {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
