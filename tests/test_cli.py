"""The `foidesk` command's registry: every registered command exists and says what it does."""

from __future__ import annotations

import importlib

import pytest

from foidesk import cli


@pytest.mark.parametrize("name", sorted(cli.COMMANDS))
def test_every_registered_command_imports_and_has_the_command_contract(name: str) -> None:
    module = importlib.import_module(f"foidesk.commands.{cli.COMMANDS[name]}")
    assert name == module.NAME
    assert module.HELP
    assert callable(module.add_arguments) and callable(module.run)


def test_a_registered_command_without_a_module_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(cli.COMMANDS, "missing", "no_such_module")
    with pytest.raises(ModuleNotFoundError, match="no_such_module"):
        cli.main(["deadline", "--help"])


def test_every_command_is_offered_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr().out
    for name in cli.COMMANDS:
        assert name in shown


@pytest.mark.parametrize(
    ("argv", "bad"),
    [
        (["query", "misconduct", "--from", "2024-13-01"], "2024-13-01"),
        (["import-register", "--generate", "5", "--start", "1 May 2024"], "1 May 2024"),
        (["check-notice", "--dated", "2024-02-30", "-"], "2024-02-30"),
        (["letter", "01.FOI.22.024648", "--issued", "tomorrow"], "tomorrow"),
        (["similar", "--received", "2024/05/01", "-"], "2024/05/01"),
    ],
)
def test_every_date_option_refuses_a_date_that_is_not_one_the_same_way(
    argv: list[str], bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2  # argparse's usage error, before anything is read or written
    assert f"{bad!r} is not a date (YYYY-MM-DD)" in capsys.readouterr().err
