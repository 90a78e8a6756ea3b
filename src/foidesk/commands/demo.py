"""`foidesk demo`: load the demonstration data (idempotent) and print the demo logins."""

from __future__ import annotations

import argparse

from foidesk.commands import emit_json, setup_django

NAME = "demo"
HELP = "Load the demo data: the reference case, a synthetic register, other cases, N synthetic log entries."


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
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    if args.entries < 0 or args.register < 0:
        from foidesk.commands import CommandFailed

        raise CommandFailed("--entries and --register must be zero or more")
    setup_django()
    from foidesk.web.demo.loader import load_demo

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
