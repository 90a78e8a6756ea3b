"""Free-text answers (allegation summaries, any register's free text): what the redaction check says.

core/redaction.py checks one text against its record's own names, collar numbers, stations and dates
and against patterns; here the part's records are checked one by one and the officer sees how many
could be released, redacted or must be withheld under s.40(2), with redacted examples only; whether
to withhold them as a class is core/redaction.py's ``class_recommendation``. A register held as data
is checked by its definition (its free-text fields against its person identifiers, datasets/records.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from foidesk.core.redaction import Recommendation, RedactionResult, class_recommendation
from foidesk.datasets.misconduct import check_summary
from foidesk.datasets.query import CountQuery
from foidesk.datasets.records import free_text_findings
from foidesk.datasets.registry import REGISTRY
from foidesk.web.records.selectors import MISCONDUCT, iter_allegations, iter_records

EXAMPLES = 5


@dataclass(frozen=True, slots=True)
class SummariesReport:
    checked: int
    by_recommendation: dict[str, int]
    reasons: list[tuple[str, int]]
    examples: list[str]  # redacted texts only

    @property
    def overall(self) -> Recommendation:
        """One recommendation for all the part's summaries (core/redaction.py decides)."""
        return class_recommendation(self.by_recommendation)


def summaries_report(query: CountQuery) -> SummariesReport:
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    examples: list[str] = []
    for result in _results(query):
        counts[result.recommendation.value] += 1
        reasons.update(result.reasons)
        if result.recommendation is Recommendation.REDACT and len(examples) < EXAMPLES:
            examples.append(result.redacted_text)
    return SummariesReport(
        checked=sum(counts.values()),
        by_recommendation=dict(counts),
        reasons=reasons.most_common(6),
        examples=examples,
    )


def _results(query: CountQuery) -> Iterator[RedactionResult]:
    if query.dataset == MISCONDUCT:
        yield from (check_summary(allegation) for allegation in iter_allegations(query))
        return
    data = REGISTRY.dataset(query.dataset)
    for record in iter_records(query):
        yield from free_text_findings(data, record)
