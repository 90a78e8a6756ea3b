"""Free-text answers (allegation summaries): what the redaction check says of each, summed up.

core/redaction.py checks one text against its record's own names, collar numbers, stations and dates
and against patterns; here the part's records are checked one by one and the officer sees how many
could be released, redacted or must be withheld under s.40(2), with redacted examples only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from foidesk.core.redaction import Recommendation
from foidesk.datasets.misconduct import check_summary
from foidesk.datasets.query import CountQuery
from foidesk.web.records.selectors import iter_allegations

EXAMPLES = 5
MOSTLY = 0.5  # a design choice: withhold the summaries as a class once most of them must be withheld


@dataclass(frozen=True, slots=True)
class SummariesReport:
    checked: int
    by_recommendation: dict[str, int]
    reasons: list[tuple[str, int]]
    examples: list[str]  # redacted texts only

    @property
    def overall(self) -> Recommendation:
        """Withhold all under s.40(2) when most must be withheld; else redact where needed."""
        if not self.checked:
            return Recommendation.RELEASE
        if self.by_recommendation.get(Recommendation.WITHHOLD, 0) / self.checked >= MOSTLY:
            return Recommendation.WITHHOLD
        if self.by_recommendation.get(Recommendation.REDACT, 0) or self.by_recommendation.get(
            Recommendation.WITHHOLD, 0
        ):
            return Recommendation.REDACT
        return Recommendation.RELEASE


def summaries_report(query: CountQuery) -> SummariesReport:
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    examples: list[str] = []
    for allegation in iter_allegations(query):
        result = check_summary(allegation)
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
