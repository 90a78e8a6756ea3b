"""`foidesk demo`: load the demonstration data (idempotent) and print the demo logins.

It refuses a production deployment or a database holding work the demo did not create (the demo makes
staff users with published passwords): exit 3 with the reasons, unless the operator says otherwise.
"""

from __future__ import annotations

import argparse

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "demo"
HELP = "Load the demo data: the reference case, a synthetic register, other cases, N synthetic log entries."
OVERRIDE_FLAG = "--i-know-this-is-not-production"
REFUSED_EXIT = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--entries",
        type=int,
        default=0,
        metavar="N",
        help="make the disclosure log hold at least N synthetic entries",
    )
    parser.add_argument(
        "--register",
        type=int,
        default=3000,
        metavar="N",
        help="allegations in the synthetic misconduct register (default 3000)",
    )
    parser.add_argument(
        OVERRIDE_FLAG,
        dest="not_production",
        action="store_true",
        help="load even beside data the demo did not create, or with production settings",
    )
    parser.add_argument(
        "--skip-if-refused",
        action="store_true",
        help="where the demo would be refused, load nothing and exit 0 (`make run` on a used database)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    if args.entries < 0 or args.register < 0:
        raise CommandFailed("--entries and --register must be zero or more")
    setup_django()
    from foidesk.web.demo.loader import demo_refusals, load_demo

    refusals = [] if args.not_production else demo_refusals()
    if refusals and args.skip_if_refused:
        if args.json:
            emit_json({"created": [], "skipped": refusals})
        else:
            print("Demo data not loaded: " + "; ".join(refusals) + ".")
        return 0
    if refusals:
        raise CommandFailed(
            "refusing to load the demo data (it makes staff users with published passwords): "
            + "; ".join(refusals)
            + f". If this is not production, pass {OVERRIDE_FLAG}.",
            exit_code=REFUSED_EXIT,
        )
    report = load_demo(entries=args.entries, register_size=args.register)
    if args.json:
        emit_json(report.as_dict())
        return 0
    print("Demo data: " + ("; ".join(report.created) if report.created else "already loaded, nothing added."))
    print("\nDemo staff logins (sign in at /staff/sign-in/):")
    for user in report.users:
        print(f"  {user.role.value:<15} username {user.username:<10} password {user.password}")
    print(
        "\nStaff sign in with a second factor. For the demo users, either add the demo secret\n"
        f"  {report.as_dict()['totp_secret']}\n"
        "to an authenticator app, or run `.venv/bin/foidesk totp USERNAME` for the current security code."
    )
    return 0
