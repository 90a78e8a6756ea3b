"""The `foidesk` command: every capability of FOI Desk from the shell, with ``--json`` output."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from foidesk import __version__
from foidesk.commands import CommandFailed

# Sub-command name -> module under foidesk.commands. Every module is imported to build the parser, so
# each imports Django (and SciPy) only inside its run(): `foidesk deadline` never pays for them.
COMMANDS: dict[str, str] = {
    "deadline": "deadline",
    "parse": "parse",
    "similar": "similar",
    "protect": "protect",
    "check-release": "check_release",
    "sanitise": "sanitise",
    "check-notice": "check_notice",
    "letter": "letter",
    "audit": "audit",
    "backup": "backup",
    "restore": "restore",
    "demo": "demo",
    "serve": "serve",
    "import-register": "import_register",
    "query": "query",
    "search-terms": "search_terms",
    "search-log": "search_log",
    "poll-mailbox": "poll_mailbox",
    "totp": "totp",
    "retention": "retention",
    "lapse": "lapse",
    "anonymise": "anonymise",
    "clean-files": "clean_files",
    "requeue-tasks": "requeue_tasks",
    "send-mail": "send_mail",
}


def _available_commands() -> dict[str, ModuleType]:
    """Every registered command's module. A registered command whose module is missing is a bug of this
    package, not a choice: the import error is raised, never a command silently left out."""
    return {
        name: importlib.import_module(f"foidesk.commands.{module_name}")
        for name, module_name in COMMANDS.items()
    }


def build_parser(modules: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="foidesk", description=__doc__)
    parser.add_argument("--version", action="version", version=f"foidesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in modules.items():
        command_parser = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    modules = _available_commands()
    parser = build_parser(modules)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        code: int = args._module.run(args)
    except CommandFailed as error:
        sys.stderr.write(f"foidesk {args.command}: {error}\n")
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
