"""The access-to-information regimes a request can fall under."""

from __future__ import annotations

from enum import StrEnum


class Regime(StrEnum):
    """Which law governs a request (DOMAIN.md sections A and G)."""

    FOIA = "foia"  # Freedom of Information Act 2000
    EIR = "eir"  # Environmental Information Regulations 2004 (SI 2004/3391)
    FOISA = "foisa"  # Freedom of Information (Scotland) Act 2002
    EISR = "eisr"  # Environmental Information (Scotland) Regulations 2004 (SSI 2004/520)

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_scottish(self) -> bool:
        """Scottish regimes count Scottish bank holidays only (FOISA s.73)."""
        return self in (Regime.FOISA, Regime.EISR)


_LABELS = {
    Regime.FOIA: "Freedom of Information Act 2000",
    Regime.EIR: "Environmental Information Regulations 2004",
    Regime.FOISA: "Freedom of Information (Scotland) Act 2002",
    Regime.EISR: "Environmental Information (Scotland) Regulations 2004",
}
