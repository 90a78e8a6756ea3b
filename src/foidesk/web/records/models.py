"""The authority's records behind the answers: any register held as data, and the misconduct register.

A register described by a definition (datasets/schema.py) and listed in the registry is held in
``Record``: one row per record, its register's name, its id and date as indexed columns, and every
field's stored code in ``values`` (ADR 0011). The misconduct register keeps its own table, from
before registers were data; the selectors answer the same queries over both.
"""

from __future__ import annotations

from django.db import models

from foidesk.datasets import misconduct as m
from foidesk.datasets.misconduct_register import MISCONDUCT_REGISTER


def _choices(field_name: str) -> list[tuple[str, str]]:
    return [(value.code, value.label) for value in MISCONDUCT_REGISTER.field(field_name).values]


class MisconductAllegation(models.Model):
    """An allegation against an officer (datasets/misconduct.py has the vocabulary and the rules).

    The outcomes (one or two) are held in ``outcome`` and ``second_outcome`` ("" when there is one)
    so that counts group on plain indexed columns.
    """

    allegation_id = models.CharField(max_length=m.TEXT_LIMITS["allegation_id"], unique=True)
    officer_id = models.CharField(max_length=m.TEXT_LIMITS["officer_id"], db_index=True)
    collar_number = models.CharField(max_length=m.TEXT_LIMITS["collar_number"], blank=True)
    rank = models.CharField(max_length=32, choices=_choices("rank"))
    gender = models.CharField(max_length=16, choices=_choices("gender"))
    borough = models.CharField(max_length=32, choices=_choices("borough"))
    station = models.CharField(max_length=m.TEXT_LIMITS["station"], blank=True)
    date_received = models.DateField()
    category = models.CharField(max_length=32, choices=_choices("category"))
    nature = models.CharField(max_length=m.TEXT_LIMITS["nature"], blank=True)
    standard = models.CharField(max_length=40, choices=_choices("standard"))
    forum = models.CharField(max_length=32, choices=_choices("forum"))
    finding = models.CharField(max_length=32, choices=_choices("finding"))
    outcome = models.CharField(max_length=32, choices=_choices("outcomes"))
    second_outcome = models.CharField(max_length=32, choices=_choices("outcomes"), blank=True, default="")
    summary = models.TextField(blank=True)
    named_persons = models.TextField(blank=True, help_text="Names in the case, separated by semicolons.")
    synthetic = models.BooleanField(default=False)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date_received", "allegation_id"]
        indexes = [
            models.Index(fields=["date_received", "category"], name="records_date_category"),
            models.Index(fields=["outcome", "date_received"], name="records_outcome_date"),
            models.Index(fields=["second_outcome", "date_received"], name="records_second_outcome_date"),
            models.Index(fields=["borough", "date_received"], name="records_borough_date"),
        ]

    def __str__(self) -> str:
        return self.allegation_id

    @classmethod
    def from_allegation(cls, allegation: m.Allegation) -> MisconductAllegation:
        outcomes = allegation.outcomes
        return cls(
            allegation_id=allegation.allegation_id,
            officer_id=allegation.officer_id,
            collar_number=allegation.collar_number,
            rank=allegation.rank.value,
            gender=allegation.gender.value,
            borough=allegation.borough.value,
            station=allegation.station,
            date_received=allegation.date_received,
            category=allegation.category.value,
            nature=allegation.nature,
            standard=allegation.standard.value,
            forum=allegation.forum.value,
            finding=allegation.finding.value,
            outcome=outcomes[0].value,
            second_outcome=outcomes[1].value if len(outcomes) > 1 else "",
            summary=allegation.summary,
            named_persons="; ".join(allegation.named_persons),
            synthetic=allegation.synthetic,
        )

    def as_allegation(self) -> m.Allegation:
        outcomes = (m.MisconductOutcome(self.outcome),) + (
            (m.MisconductOutcome(self.second_outcome),) if self.second_outcome else ()
        )
        return m.Allegation(
            allegation_id=self.allegation_id,
            officer_id=self.officer_id,
            collar_number=self.collar_number,
            rank=m.Rank(self.rank),
            gender=m.Gender(self.gender),
            borough=m.Borough(self.borough),
            station=self.station,
            date_received=self.date_received,
            category=m.Category(self.category),
            nature=self.nature,
            standard=m.Standard(self.standard),
            forum=m.Forum(self.forum),
            finding=m.MisconductFinding(self.finding),
            outcomes=outcomes,
            summary=self.summary,
            named_persons=tuple(name.strip() for name in self.named_persons.split(";") if name.strip()),
            synthetic=self.synthetic,
        )


class Record(models.Model):
    """One record of a register held as data: ``values`` maps each field of its definition to a code."""

    register = models.CharField(max_length=64)
    record_id = models.CharField(max_length=128)
    date = models.DateField(help_text="The value of the register's date field, for periods and indexes.")
    values = models.JSONField(help_text="Field name -> stored code, as the register's definition says.")
    synthetic = models.BooleanField(default=False)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["register", "date", "record_id"]
        constraints = [
            models.UniqueConstraint(fields=["register", "record_id"], name="records_record_unique_id"),
        ]
        indexes = [models.Index(fields=["register", "date"], name="records_record_register_date")]

    def __str__(self) -> str:
        return f"{self.register}:{self.record_id}"
