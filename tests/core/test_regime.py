from foidesk.core.regime import Regime


def test_scottish_regimes_are_flagged_for_the_scottish_calendar() -> None:
    assert Regime.FOISA.is_scottish and Regime.EISR.is_scottish
    assert not Regime.FOIA.is_scottish and not Regime.EIR.is_scottish


def test_values_are_the_command_line_names() -> None:
    assert [r.value for r in Regime] == ["foia", "eir", "foisa", "eisr"]
    assert Regime("foia").label == "Freedom of Information Act 2000"
