"""Step 3 of parsing: each draft's periods and topics, its own or those of the text that governs it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from foidesk.core.parsing.cues import STRONG_ASK, is_remark
from foidesk.core.parsing.model import Flag, ParsedPart, PartFlag
from foidesk.core.parsing.structure import Draft, label_of
from foidesk.core.periods import DateRange, PeriodFlag, find_periods, merge_ranges, periods_in
from foidesk.core.topics import TopicVocabulary

_REFERS_BACK = re.compile(
    r"\b(?:these|those|of them|they|them|this figure|these figures|"
    r"the same (?:[a-z]+ ){0,2}(?:period|periods|years?|dates?|time|months?)|"
    r"that (?:period|year|date|time)|this (?:time )?period|the (?:time )?period|these years|each case|"
    r"(?:this|that|the same) time ?frame|(?:afore|above)[- ]?mentioned|"
    r"of which|"
    r"such|the above|(?:in|to|from|at) (?:question|q) ?\d{1,2}|"
    r"(?:in|over|during|for) the (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) "
    r"(?:financial |fiscal |calendar |academic )?years)\b",
    re.IGNORECASE,
)
# What is so now, a document, a name or a practice, a plan: no period of its own and none inherited.
_NO_PERIOD = re.compile(
    r"\b(?:currently|at present|presently|at the moment|right now|as it stands|current|now|"
    r"at the present time)\b"
    r"|^(?:the )?(?:year|date) (?:that|when|in which)\b|^when (?:was|were|did|do|does|is|are|will)\b"
    r"|\bwhen (?:was|were)\b|\bto date\.?$"
    r"|\bare (?:currently )?in (?:circulation|force|use|operation|place)\b"
    r"|\bwhich (?:company|companies|firms?|contractors?|suppliers?|providers?|bank)\b"
    r"|^(?:does|do|is there|are there|whether|was (?:an?|the) [\w ]{0,40}(?:assessment|policy|review))\b"
    r"|\b(?:copy|copies) of (?:the |your |any |all )?(?:[\w'-]+ ){0,4}(?:polic(?:y|ies)|procedures?|guidance|"
    r"impact assessments?|strateg(?:y|ies)|terms of reference|manuals?|forms?|templates?|plans?)\b"
    r"|^(?:any|all) (?:associated |relevant |supporting )?documentation\b"
    r"|\b(?:identify|confirm) (?:the |any )?(?:names?|job titles?|(?:other )?organisations?|contact)\b"
    r"|\b(?:any|all|copies of|a copy of) (?:emails?|correspondence|briefings?)\b"
    r"|\b(?:in|within|over) the next\b|\bhow often\b"
    # who to write to: "the name, job title, email address and telephone number of the commissioner", "the
    # name of the person within the Trust who is responsible for ...", "which department is responsible"
    r"|\bnames?,? (?:and )?job titles?\b|\bjob titles?,? (?:and )?(?:e-?mail|contact|telephone)\b"
    r"|\bcontact details\b"
    r"|\bname of the (?:person|officer|individual|manager|director|lead)\b"
    r"|\bwhich (?:department|team|directorate|service|officer|body|unit) (?:is|are) responsible\b",
    re.IGNORECASE,
)
# A policy, procedure or guidance asked for as a document: no period unless it is counted.
_DOCUMENT = re.compile(
    r"\b(?:your|the|any|its) (?:full |current |formal |written |active |documented )?"
    r"(?:polic(?:y|ies)|procedures?|guidance|"
    r"guidelines|strateg(?:y|ies)|terms of reference|database|dataset|register|plans?)\b",
    re.IGNORECASE,
)
# A count or a figure (or a list) without a period of its own takes the period of the part before it;
# a question about how or why things are done, or whether something is so, does not.
_PRACTICE = re.compile(
    r"^(?:q?\d{1,2}[a-z]?[.)]?[ ]*)?(?:[\W\d]*(?:and|also|please|could you|can you|if so,?)[ ,]+)*"
    r"(?:how (?!many|much|long|often|quickly)|how much (?:is|are|does|do)\b|why\b|who\b|does\b|do you\b|"
    r"did you\b|is there\b|are there\b|for what\b|(?:specify|explain|state) what\b|"
    r"what (?:is|are) (?:the|your) (?!average|mean|median|total|number|cost|amount|percentage|proportion)|"
    r"what (?:is|are) (?:the |your )?(?:standard|usual|normal|typical)\b|"
    r"has the\b|have you\b|will\b|would\b|what evidence|what theory|"
    r"(?:give|explain|describe) (?:us |me )?your\b)"
    r"|\b(?:as to how|at any time|how (?:the|your|you) \w+ (?:determines?|decides?|assess)|"
    r"(?:indicate|state|confirm) (?:if|whether)|most recent (?:figures|data|statistics)|"
    r"(?:does|do) (?:the|your|you) (?:\w+ ){0,3}(?:use|employ|operate|own|offer)|"
    r"are (?:currently )?(?:authorised|employed|registered|in post))\b",
    re.IGNORECASE,
)
_PLAN = re.compile(
    r"\b(?:will|plans?|planned|planning|propos(?:e|ed|ing)|intend(?:s|ed)?|expected|projections?|forecasts?|"
    r"estimates?|upcoming|scheduled|future)\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"\b(?:how many|how much|number|numbers|total|totals|amount|figures?|average|proportion|percentage|"
    r"breakdown|broken down|statistics|data|spend|spent|cost|costs|income|expenditure|paid|rates?)\b",
    re.IGNORECASE,
)


# "all correspondence between the Department and: (a) ... (b) ..." / "Between 4 and 10 August 2020.": the note
# below the list scopes the correspondence
_COUNTED = re.compile(r"\b(?:how many|how much|number of|total|percentage|proportion)\b", re.IGNORECASE)
# A sentence above the questions that tells what happened ("... told councillors", "a letter was emailed to
# Mr X on 10 December 2015", "It has been reported that ...") dates the story, not what is asked.
_NARRATED = re.compile(
    r"\b(?:told|announced|wrote|emailed|was (?:sent|emailed|published|issued|reported)|"
    r"(?:it )?(?:has|have|had) been (?:reported|stated|announced)|i note that|according to)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_IF_NOT = re.compile(r"(?:^|(?<=[.!?] ))if\b[^.?!]{0,60}\bnot\b", re.IGNORECASE)


def _aside(sentence: str) -> bool:
    """A sentence above the questions that dates a story or says what to do if the data is not held."""
    if _IF_NOT.match(sentence) and is_remark(sentence):
        return True
    return _NARRATED.search(sentence) is not None and STRONG_ASK.search(sentence) is None


# "... introduced to date" with no date of its own; not "according to date of report", "an up to date list"
_UP_TO_NOW = re.compile(
    r"(?<!according )(?<!up )(?<!up-)\bto[- ]date\b(?! of)|\bto the present\b", re.IGNORECASE
)
_AS_OF = re.compile(r"\bas (?:of|at)\b", re.IGNORECASE)
_CORRESPONDENCE = re.compile(r"\b(?:correspondence|emails?|letters|minutes)\b", re.IGNORECASE)
_EARLIER_REQUEST_CUE = re.compile(r"\b(?:previous|previously|earlier|already asked|filed)\b", re.IGNORECASE)
_EARLIER_REQUEST = re.compile(
    r"[^.?!()]{0,200}\b(?:previous(?:ly)?|earlier|already asked|filed)\b[^.?!()]{0,200}"
    r"(?:request|asked|filed|foi|response)[^.?!()]{0,120}",
    re.IGNORECASE,
)
_SAME_PERIOD = re.compile(
    r"\b(?:same|this|that|these|the|aforementioned) (?:\w+ ){0,2}"
    r"(?:period|years?|months?|dates?|time ?frame)\b",
    re.IGNORECASE,
)
# "for the last three academic years (or from 2022 onwards if easier)": the alternative does not set it
# and "(Note: if you are unable to provide data for 2022/23, please take ... 2018/19 to 2021/22)": a fallback
_ALTERNATIVE = re.compile(
    r"\((?:or|alternatively|(?:note:?[ ]*)?if\b[^()]{0,60}\b(?:not|unable)\b)\b[^()]{0,160}\)", re.IGNORECASE
)


def _periods_in(text: str, received: date) -> tuple[tuple[DateRange, ...], frozenset[PeriodFlag]]:
    text = _without_examples(text)  # "For example, if you only have figures for 2019, ...": not asked
    if "(" in text:
        without = _ALTERNATIVE.sub(" ", text)
        if without != text:
            found = periods_in(without, received)
            if found[0]:
                return found
    return periods_in(text, received)


@dataclass(frozen=True, slots=True)
class _Settled:
    periods: tuple[DateRange, ...]
    topics: tuple[str, ...]


class Settler:
    """Periods and topics for each draft in turn; the texts above many parts are read once (linear time)."""

    def __init__(self, received: date, vocabulary: TopicVocabulary) -> None:
        self.received = received
        self.vocabulary = vocabulary
        self._periods: dict[str, tuple[DateRange, ...]] = {}
        self._topics: dict[str, tuple[str, ...]] = {}
        self._settled: dict[int, _Settled] = {}
        self._written: dict[
            str, tuple[DateRange, ...]
        ] = {}  # written-out periods of texts above  # by id() of a draft that is the parent of sub-questions

    def periods_above(self, text: str) -> tuple[DateRange, ...]:
        if text not in self._periods:
            # "(I previously asked for 2016/17)", "one I filed last month": about an earlier request
            kept = _EARLIER_REQUEST.sub(" ", text) if _EARLIER_REQUEST_CUE.search(text) else text
            if _NARRATED.search(kept) or _IF_NOT.search(kept):
                # "In November 2021 the deputy leader told councillors that ...": background; "If data is not
                # available up until then, please specify when the 2025 data runs until.": a fallback
                kept = " ".join(s for s in _SENTENCE.split(kept) if not _aside(s))
            self._periods[text] = _periods_in(kept, self.received)[0]
        return self._periods[text]

    def topics_above(self, text: str) -> tuple[str, ...]:
        if text not in self._topics:
            self._topics[text] = self.vocabulary.topics_in(_without_examples(text))
        return self._topics[text]

    def settle(self, drafts: Sequence[Draft]) -> list[ParsedPart]:
        parts: list[ParsedPart] = []
        last: _Settled | None = None  # the part before, in any block
        previous_request: int | None = None
        last_dated: _Settled | None = None  # the last part with a period, which "this period" means
        for draft in drafts:
            text = draft.text.strip()
            # Across a "Request N" heading, only an explicit reference back ("the same period") reaches back.
            refers_back = bool(_REFERS_BACK.search(text))
            previous = last if draft.request == previous_request or refers_back else None
            names_period = refers_back and _SAME_PERIOD.search(text) is not None
            if names_period and previous is not None and not previous.periods and last_dated is not None:
                # "during this period": the last period named
                previous = _Settled(last_dated.periods, previous.topics)
            same_request = draft.request == previous_request
            previous_request = draft.request
            periods, period_flags = _periods_in(text, self.received)
            if periods and self._planned(text, periods):
                periods = ()
            if PeriodFlag.RELATIVE in period_flags:
                periods = self._written_above(text, draft, periods)
            flags: list[Flag] = [*draft.flags, *sorted(period_flags)]
            document = _DOCUMENT.search(text) is not None and _COUNT.search(text) is None
            if not periods and _CORRESPONDENCE.search(text):
                periods = next((found for note in draft.notes if (found := self.periods_above(note))), ())
            if not periods and not _NO_PERIOD.search(text) and not document:
                earlier = last_dated if same_request else None
                periods = self._inherited_periods(draft, refers_back, previous, earlier)
                if periods:
                    flags.append(PartFlag.PERIOD_INHERITED)
                if periods and _UP_TO_NOW.search(text) and periods[0].start <= self.received:
                    # "since the legislation was introduced to date" under "legislation in April 2022"
                    periods = (DateRange(periods[0].start, max(self.received, periods[-1].end)),)
            elif not periods:
                # "Please answer as of 30th June 2022": the day a question about what is so now is for
                periods = merge_ranges(
                    p for note in draft.notes if _AS_OF.search(note) for p in self.periods_above(note)
                )
            topics = self._topics_of(text, draft, refers_back, previous, flags)
            last = _Settled(periods, topics)
            if periods:
                last_dated = last
            self._settled[id(draft)] = last
            number = (draft.request, draft.question, draft.subquestion)
            unique_flags = tuple(dict.fromkeys(flags))
            parts.append(ParsedPart(label_of(draft), *number, text, periods, topics, unique_flags, draft.why))
        return parts

    def _planned(self, text: str, periods: tuple[DateRange, ...]) -> bool:
        """ "Will all London buses go electric in year 2030?", "the fees you are proposing to charge from
        2012": a plan for a time after receipt, not a period asked about."""
        return all(period.start > self.received for period in periods) and _PLAN.search(text) is not None

    def _written_above(
        self, text: str, draft: Draft, periods: tuple[DateRange, ...]
    ) -> tuple[DateRange, ...]:
        """ "How many ... over the last 5 years?" under "for the last 5 years (2015-2020)": the dates
        written out above say what the relative phrase means here too."""
        if any(PeriodFlag.RELATIVE not in mention.flags for mention in find_periods(text, self.received)):
            return periods
        for above in draft.context:
            if above not in self._written:
                mentions = find_periods(above, self.received)
                written = [m.range for m in mentions if PeriodFlag.RELATIVE not in m.flags]
                relative = any(PeriodFlag.RELATIVE in m.flags for m in mentions)
                self._written[above] = merge_ranges(written) if relative else ()
            restated = self._written[above]
            if any(mine.overlaps(theirs) for mine in periods for theirs in restated):
                return restated
        return periods

    def _inherited_periods(
        self, draft: Draft, refers_back: bool, previous: _Settled | None, earlier: _Settled | None
    ) -> tuple[DateRange, ...]:
        # "How can sanctions incentivise ... they ...": a pronoun, not a period, and no count to continue
        practice = _PRACTICE.search(draft.text) is not None and not _SAME_PERIOD.search(draft.text)
        if refers_back and previous and not practice:
            return previous.periods
        parent = self._settled.get(id(draft.parent)) if draft.parent else None
        if parent and parent.periods:
            return parent.periods
        for above in draft.context:
            periods = self.periods_above(above)
            if periods:
                return periods
        # "... an annual figure for each year between 2016 and 2022" / "... a monthly figure for January,
        # February and March 2023": every note below the list adds its period
        noted = merge_ranges(period for note in draft.notes for period in self.periods_above(note))
        if noted:
            return noted
        if previous is None or practice:
            return ()
        if (
            not previous.periods
            and earlier is not None
            and _COUNTED.search(draft.text)
            and not _PLAN.search(draft.text)
        ):
            # "7. How many ... had a social worker?" after "6. Would a review take place?": a count in a list
            # of counts on one subject takes the period of the last count, past a question about practice
            return earlier.periods
        return previous.periods

    def _topics_of(
        self, text: str, draft: Draft, refers_back: bool, previous: _Settled | None, flags: list[Flag]
    ) -> tuple[str, ...]:
        found = set(self.vocabulary.topics_in(_without_examples(text)))
        inherited: set[str] = set()
        for above in draft.context:
            inherited.update(self.topics_above(above))
        parent = self._settled.get(id(draft.parent)) if draft.parent else None
        if parent:
            inherited.update(parent.topics)
        if previous and (refers_back or not found):
            inherited.update(previous.topics)
        topics = self.vocabulary.ordered(found | inherited)
        if set(topics) - found:
            flags.append(PartFlag.TOPICS_INHERITED)
        return topics


_EXAMPLES = re.compile(
    r"\((?:for example|for instance|e\.g\.|eg|such as)[^()]{0,300}\)"
    r"|\b(?:e\.g\.|for example,?)[^.?!()]{0,300}",
    re.IGNORECASE,
)


def _without_examples(text: str) -> str:
    """ "(for example, missing person searches)", "e.g. 'an officer made a discriminatory comment'"
    illustrate the question; they are not what it is about."""
    return _EXAMPLES.sub(" ", text)
