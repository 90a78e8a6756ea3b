"""The disclosure rule: which counts are too small to publish, and how wide an intruder's interval must stay.

There is no legal threshold (DOMAIN.md section C: *IC v Miller* [2018] UKUT 229 (AAC) held counts of
5 or fewer not personal data there; *Lloyd v IC* [2023] UKFTT 6 (GRC) upheld withholding counts
under 5). "Fewer than five" is common practice under s.40(2) FOIA, so the default threshold is 5,
configurable (ONS research outputs use 10). Zero is safe by default; some bodies (UK LLC) mask it.

Protection: a sensitive cell with value ``a`` is protected when every table consistent with what was
published lets it range at least from ``a - lower`` to ``a + upper`` with ``lower + upper`` equal to
the protection level (default: the threshold), ``lower`` at most ``a`` (counts are non-negative).
The split puts the lower part at ``min(a, level // 2)``, so with the defaults an intruder can never
rule out that a suppressed small count is at least the threshold: for ``a`` = 1..4 the interval
covers [0, 5], [0, 5], [1, 6], [2, 7].
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_THRESHOLD = 5  # "fewer than five" under s.40(2) FOIA (DOMAIN.md C; a setting, not law)


class InvalidRule(ValueError):
    """A disclosure rule that cannot be applied (threshold or protection level out of range)."""


@dataclass(frozen=True, slots=True)
class ProtectionRule:
    """Counts ``1 .. threshold - 1`` (and 0 when ``zero_is_sensitive``) are sensitive.

    ``protection_level`` is the narrowest interval an intruder may deduce for a sensitive cell;
    ``None`` means the threshold.
    """

    threshold: int = DEFAULT_THRESHOLD
    zero_is_sensitive: bool = False
    protection_level: int | None = None

    def __post_init__(self) -> None:
        if self.threshold < 1:
            raise InvalidRule(f"threshold must be a positive count, not {self.threshold}")
        if self.protection_level is not None and self.protection_level < 1:
            raise InvalidRule(f"protection level must be at least 1, not {self.protection_level}")

    @property
    def level(self) -> int:
        return self.threshold if self.protection_level is None else self.protection_level

    def is_sensitive(self, value: int) -> bool:
        """Primary suppression: a small count, which alone could identify someone."""
        if value == 0:
            return self.zero_is_sensitive
        return 0 < value < self.threshold

    def required_lower(self, value: int) -> int:
        """How far below ``value`` an intruder must be unable to rule out."""
        return min(value, self.level // 2)

    def required_upper(self, value: int) -> int:
        """How far above ``value`` an intruder must be unable to rule out."""
        return self.level - self.required_lower(value)
