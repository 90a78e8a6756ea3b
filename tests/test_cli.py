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
