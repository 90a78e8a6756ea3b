"""`foidesk import-register`: load the misconduct register from CSV/XLSX, or a synthetic one.

    foidesk import-register FILE.csv|FILE.xlsx [--check] [--json]
    foidesk import-register --generate N --seed S [--start DATE --end DATE] [--json]

A file is imported only if every row is valid: otherwise every bad row is listed (line, column,
problem) on stderr, and with ``--json`` also in the JSON object, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "import-register"
HELP = "Import the misconduct register from CSV or XLSX (all or nothing), or load a synthetic one."
EXIT_BAD_ROWS = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="the register as .csv or .xlsx (one row per allegation)")
    parser.add_argument("--check", action="store_true", help="validate the file only; import nothing")
    parser.add_argument("--generate", type=int, metavar="N", help="load N synthetic allegations instead")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic register (default 1)")
    parser.add_argument("--start", type=_date, help="first date received of the synthetic register")
    parser.add_argument("--end", type=_date, help="last date received of the synthetic register")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def run(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.generate is None):
        raise CommandFailed("give a FILE to import or --generate N, not both or neither")
    if args.generate is not None:
        return _generate(args)
    return _import(args)


def _generate(args: argparse.Namespace) -> int:
    from foidesk.datasets import misconduct as m

    start = args.start or m.DEMO_START
    end = args.end or m.DEMO_END
    try:
        m.GeneratorSettings(n=args.generate, seed=args.seed, start=start, end=end)
    except ValueError as error:
        raise CommandFailed(str(error)) from error
    setup_django()
    from foidesk.web.records.selectors import register_size
    from foidesk.web.records.services import register_generate

    added = register_generate(n=args.generate, seed=args.seed, start=start, end=end)
    payload = {
        "imported": added,
        "synthetic": True,
        "already_loaded": added == 0 and args.generate > 0,
        "register_size": register_size(),
        "notice": m.SYNTHETIC_NOTICE,
    }
    if args.json:
        emit_json(payload)
    elif added:
        print(f"loaded {added} synthetic allegations (seed {args.seed}). {m.SYNTHETIC_NOTICE}")
    else:
        print("a synthetic register is already loaded; nothing added")
    return 0


def _import(args: argparse.Namespace) -> int:
    from foidesk.datasets.importer import RegisterImportError, read_register

    try:
        allegations = read_register(args.file)
    except RegisterImportError as error:
        for problem in error.errors:
            sys.stderr.write(f"{args.file}: {problem}\n")
        sys.stderr.write(f"foidesk import-register: {len(error.errors)} problem(s); nothing imported\n")
        if args.json:
            emit_json({"imported": 0, "errors": [problem.as_dict() for problem in error.errors]})
        return EXIT_BAD_ROWS
    added = 0
    if not args.check:
        setup_django()
        from foidesk.web.records.services import AllegationsAlreadyRegistered, register_import

        try:
            added = register_import(rows=allegations)
        except AllegationsAlreadyRegistered as error:
            raise CommandFailed(f"{error}; nothing imported", EXIT_BAD_ROWS) from error
    payload = {
        "file": args.file,
        "rows": len(allegations),
        "imported": added,
        "checked_only": bool(args.check),
        "synthetic": sum(1 for allegation in allegations if allegation.synthetic),
        "errors": [],
    }
    if args.json:
        emit_json(payload)
    elif args.check:
        print(f"{args.file}: {len(allegations)} rows, all valid (nothing imported: --check)")
    else:
        print(f"{args.file}: imported {added} allegations")
    return 0
