"""`foidesk totp USERNAME`: the current sign-in code of a demo user (the demo's secret is published).

Refused for any user whose authenticator does not use the demo secret, so it can never produce a code
for a real account: on a real deployment it prints nothing useful.
"""

from __future__ import annotations

import argparse

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "totp"
HELP = "Print the current two-factor sign-in code of a demo user (demo data only)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("username", help="a demo user, e.g. officer")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from foidesk.web.accounts.selectors import user_by_username
    from foidesk.web.accounts.two_factor import NotADemoDevice, demo_code

    user = user_by_username(args.username)
    if user is None:
        raise CommandFailed(f"no user {args.username!r}")
    try:
        code = demo_code(user)
    except NotADemoDevice as error:
        raise CommandFailed(str(error)) from error
    if args.json:
        emit_json({"username": user.get_username(), "code": code})
    else:
        print(code)
    return 0
