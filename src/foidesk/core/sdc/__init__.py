"""Statistical disclosure control: table suppression, interval audit, release ledger, k-anonymity.

The entry points, one module each:

- :func:`~foidesk.core.sdc.suppression.protect` — a :class:`~foidesk.core.sdc.table.CountTable` in,
  a :class:`~foidesk.core.sdc.suppression.ProtectedTable` out (``display_cells`` with ``[c]``,
  ``suppressed`` with reasons, ``information_loss``, ``audit``);
- :func:`~foidesk.core.sdc.audit.audit_grid` — the independent interval audit of one table;
- :func:`~foidesk.core.sdc.ledger.audit_against` and ``protect_against`` — a new table audited
  with the earlier releases in the ledger (:class:`~foidesk.core.sdc.ledger_entry.ReleasedTable`, what
  is kept of each release; :mod:`~foidesk.core.sdc.atoms`, the pieces the joint programme counts);
- :func:`~foidesk.core.sdc.kanonymity.anonymise` — record-level k-anonymity and l-diversity
  by generalisation, over a :class:`~foidesk.core.sdc.kanonymity.ReleaseSchema`.

Import from the modules; this package imports nothing, so ``foidesk.core.sdc.table`` stays cheap.
"""
