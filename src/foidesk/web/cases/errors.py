"""The error every case service raises for a change the rules do not allow."""

from __future__ import annotations


class CaseError(Exception):
    """A change to a case that the rules do not allow; the message is shown to the officer."""


class Conflict(CaseError):
    """The case changed since the form was opened: reload, check, and try again."""
