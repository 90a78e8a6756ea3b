from foidesk.core.outcome import Outcome


def test_refusals_are_the_outcomes_that_need_a_section_17_notice() -> None:
    assert Outcome.WITHHELD.is_refusal and Outcome.PARTLY_DISCLOSED.is_refusal and Outcome.NCND.is_refusal
    assert Outcome.ALREADY_PUBLISHED.is_refusal  # s.21 is an exemption: a refusal notice names it
    assert not Outcome.DISCLOSED.is_refusal and not Outcome.NOT_HELD.is_refusal


def test_every_outcome_has_a_label() -> None:
    assert all(outcome.label for outcome in Outcome)
