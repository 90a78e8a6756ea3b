"""`foidesk import-register`: load a register from CSV/XLSX, or a synthetic one.

    foidesk import-register FILE.csv|FILE.xlsx [--register NAME] [--check] [--json]
    foidesk import-register --generate N --seed S [--register NAME] [--start DATE --end DATE] [--json]

``--register`` names a register of the registry (default ``misconduct``; ``stop_search`` reads the
data.police.uk stop-and-search CSV as downloaded). A register other than misconduct is read and
checked by its definition alone (datasets/records.py) and its import is audited.

A file is imported only if every row is valid: otherwise every bad row is listed (line, column,
problem) on stderr, and with ``--json`` also in the JSON object, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from foidesk.commands import CommandFailed, date_argument, emit_json, setup_django

if TYPE_CHECKING:
    from foidesk.datasets.importer import RegisterImportError

NAME = "import-register"
HELP = "Import a register (misconduct by default) from CSV or XLSX (all or nothing), or load a synthetic one."
EXIT_BAD_ROWS = 1
MISCONDUCT = "misconduct"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="the register as .csv or .xlsx (one row per record)")
    parser.add_argument(
        "--register", default=MISCONDUCT, help="which register (default misconduct; e.g. stop_search)"
    )
    parser.add_argument("--check", action="store_true", help="validate the file only; import nothing")
    parser.add_argument("--generate", type=int, metavar="N", help="load N synthetic allegations instead")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic register (default 1)")
    parser.add_argument("--start", type=date_argument, help="first date received of the synthetic register")
    parser.add_argument("--end", type=date_argument, help="last date received of the synthetic register")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.generate is None):
        raise CommandFailed("give a FILE to import or --generate N, not both or neither")
    register = _register_name(args.register)
    if register != MISCONDUCT:
        return _records(args, register)
    if args.generate is not None:
        return _generate(args)
    return _import(args)


def _generate(args: argparse.Namespace) -> int:
    from foidesk.datasets import misconduct_synthetic as synthetic

    start = args.start or synthetic.DEMO_START
    end = args.end or synthetic.DEMO_END
    try:
        synthetic.AllegationGeneratorSettings(n=args.generate, seed=args.seed, start=start, end=end)
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
        "notice": synthetic.SYNTHETIC_NOTICE,
    }
    if args.json:
        emit_json(payload)
    elif added:
        print(f"loaded {added} synthetic allegations (seed {args.seed}). {synthetic.SYNTHETIC_NOTICE}")
    else:
        print("a synthetic register is already loaded; nothing added")
    return 0


def _import(args: argparse.Namespace) -> int:
    from foidesk.datasets.importer import RegisterImportError, read_register

    try:
        allegations = read_register(args.file)
    except RegisterImportError as error:
        return _bad_rows(args, error)
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


def _register_name(word: str) -> str:
    from foidesk.datasets.registry import REGISTRY, UnknownTerm

    name = word.strip().lower().replace("-", "_")
    try:
        return REGISTRY.dataset(name).name
    except UnknownTerm as error:
        raise CommandFailed(str(error)) from error


def _records(args: argparse.Namespace, register: str) -> int:
    """A register held as data: checked by its definition, imported (audited) all or nothing."""
    if args.generate is not None:
        return _generate_records(args, register)
    from foidesk.datasets.importer import RegisterImportError
    from foidesk.datasets.records import read_records
    from foidesk.datasets.registry import REGISTRY

    try:
        records = read_records(REGISTRY.dataset(register), args.file)
    except RegisterImportError as error:
        return _bad_rows(args, error)
    added = 0
    if not args.check:
        setup_django()
        from foidesk.web.records.services import RecordsAlreadyRegistered, records_import

        try:
            added = records_import(dataset=register, records=records, source=args.file)
        except RecordsAlreadyRegistered as error:
            raise CommandFailed(f"{error}; nothing imported", EXIT_BAD_ROWS) from error
    payload = {
        "register": register,
        "file": args.file,
        "rows": len(records),
        "imported": added,
        "checked_only": bool(args.check),
        "synthetic": sum(1 for record in records if record.get("synthetic") == "true"),
        "errors": [],
    }
    if args.json:
        emit_json(payload)
    elif args.check:
        print(f"{args.file}: {len(records)} rows, all valid (nothing imported: --check)")
    else:
        print(f"{args.file}: imported {added} records into the {register} register")
    return 0


def _generate_records(args: argparse.Namespace, register: str) -> int:
    setup_django()
    from foidesk.web.records.selectors import register_size
    from foidesk.web.records.services import records_generate

    try:
        added = records_generate(
            dataset=register, n=args.generate, seed=args.seed, start=args.start, end=args.end
        )
    except ValueError as error:
        raise CommandFailed(str(error)) from error
    payload = {
        "register": register,
        "imported": added,
        "synthetic": True,
        "already_loaded": added == 0 and args.generate > 0,
        "register_size": register_size(register),
    }
    if args.json:
        emit_json(payload)
    elif added:
        print(f"loaded {added} synthetic records into the {register} register (seed {args.seed})")
    else:
        print("a synthetic register is already loaded; nothing added")
    return 0


def _bad_rows(args: argparse.Namespace, error: RegisterImportError) -> int:
    errors = error.errors
    for problem in errors:
        sys.stderr.write(f"{args.file}: {problem}\n")
    sys.stderr.write(f"foidesk import-register: {len(errors)} problem(s); nothing imported\n")
    if args.json:
        emit_json({"imported": 0, "errors": [problem.as_dict() for problem in errors]})
    return EXIT_BAD_ROWS
