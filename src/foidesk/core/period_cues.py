"""The words around a date that change what it means, for ``periods`` (issues 6 and 16).

A year in a statute's title ("the Freedom of Information Act (2000)"), a reference number or a web
address is no period (``NOT_PERIODS``, blanked before dates are read); "since X" / "X to date" /
"(to date)" / "so far in X" run X to the day of receipt; "by 2025" is a plan; "at the end of X" is
its last day.
"""

from __future__ import annotations

import re

YEAR = r"(?:19|20)\d\d"

# Statute titles and reference numbers carry years that are not periods; they are blanked first.
NOT_PERIODS = re.compile(
    rf"\b(?:act|regulations?|order|rules|code|measure)[ \t,]{{1,3}}\(?(?:of[ \t]{{1,3}})?{YEAR}\b|\bhttps?://\S{{1,200}}"
    rf"|\b(?:ref(?:erence)?|foi|our ref|your ref)[ .:#]{{0,3}}[a-z]{{0,6}}[ \t]?\d[\w/.\-]{{0,20}}"
    # "BS 8545 (2014)", "ISO 9001:2015": the year of a standard
    rf"|\b(?:bs|iso|en)[ \t]?\d{{3,5}}(?:[-:]\d{{1,2}})?[ \t,:]{{0,3}}\(?{YEAR}\b"
    rf"|\b{YEAR}/(?!{YEAR}\b)\d{{3,}}\b"
    rf"|\b(?:the|a)[ \t]{YEAR}[ \t](?:[a-z]+[ \t]){{0,2}}(?:act|bill|charge|strategy|report|review|survey|"
    rf"manifesto|budget|election)\b"
    rf"|\b(?:strategy|plan|programme|framework)[ \t]{{0,3}}\({YEAR}[ \t]?[-–/][ \t]?{YEAR}\)"
    # "(referred to by South Wales Police on 11/08/2021 and 07/03/2022)": the day a letter was written
    # "With the further clarification received on 17th June 2024:": the day the requester wrote again
    rf"|\bclarification[ \t](?:was[ \t])?(?:received|sent|given|provided|made)[ \t](?:on[ \t])?"
    rf"[^.:;]{{0,30}}?{YEAR}\b"
    rf"|\b(?:dated|referred[ \t]to[ \t](?:by[ \t][^.;()]{{1,60}}?[ \t])?on)[ \t]{{1,3}}"
    rf"(?:[\d/.]{{6,10}}(?:,|[ \t]|and){{0,5}}){{1,5}}"
    # "the 2018-2019 Trawscymru Annual report": a document named by its year
    rf"|\b{YEAR}[ \t]?[-–/][ \t]?(?:{YEAR}|\d\d)[ \t](?:[a-z]+[ \t]){{0,2}}(?:annual[ \t])?"
    rf"(?:report|accounts)\b",
    re.IGNORECASE,
)
SINCE = re.compile(
    r"\b(?:since|from|starting|beginning|going[ \t]back[ \t]to|back[ \t]to)[ \t]{1,3}"
    r"(?:and[ \t]including[ \t]|including[ \t])?"
    r"(?:the[ \t]{1,3}(?:start|beginning)[ \t]of[ \t]{1,3})?(?:(?:the|in)[ \t])?$",
    re.IGNORECASE,
)
TO_DATE = re.compile(
    r"^[ \t,]{0,3}(?:[(\-–—][ \t]{0,2})?(?:to[- \t]date|to[ \t]the[ \t]present(?:[ \t]day)?|to[ \t]present|"
    r"until[ \t]now|to[ \t]now|"
    r"onwards|up[ \t]to[ \t](?:today|now|the[ \t]present(?:[ \t]day)?|"
    r"the[ \t]date[ \t]of[ \t]this[ \t]request)|"
    r"to[ \t]today|so[ \t]far|(?:year|financial[ \t]year)[- \t]to[- \t]date|"
    r"(?:[-–—(][ \t]{0,3})?(?:including[ \t])?(?:the[ \t])?(?:latest|most[ \t]recent)"
    r"(?:[ \t](?:available|data|figures?))?|"
    # "January 2022 to the most recent month available" (but "2018/19 - to the most recent available figures"
    # lists the years as far as they go)
    r"(?:to|until|up[ \t]to)[ \t](?:the[ \t])?(?:latest|most[ \t]recent)[ \t](?:month|date|quarter|week)|"
    r"[-–—][ \t]{0,3}(?:the[ \t])?(?:present(?:[ \t]day)?|now|today|date)|"
    r"and[ \t]{1,3}(?:the[ \t])?(?:present(?:[ \t]day)?|now|today))\b",
    re.IGNORECASE,
)
SO_FAR = re.compile(r"\b(?:so[ \t]far[ \t]in|to[ \t]date[ \t]in|the[ \t]current)[ \t]{1,3}$", re.IGNORECASE)
FROM_NOW = re.compile(
    r"\bbetween[ \t]now[ \t]and[ \t](?:the[ \t])?(?:end[ \t]of[ \t])?(?:the[ \t])?(?:year[ \t])?$",
    re.IGNORECASE,
)
PLANNED_BY = re.compile(r"\bby[ \t](?:the[ \t]end[ \t]of[ \t])?(?:the[ \t]year[ \t])?$", re.IGNORECASE)
# "at the end of March 2016", and each of a list: "at the end of: April 2016, May 2016, and June 2016"
POINT_IN_TIME = re.compile(
    rf"\b(?:at|as[ \t]at|as[ \t]of|by)[ \t]the[ \t]end[ \t]of[ \t]?:?[ \t]{{0,3}}(?:the[ \t])?"
    rf"(?:(?:[a-z]{{3,9}}\.?[ \t]{{1,3}})?{YEAR}"
    rf"(?:[ \t]{{0,3}}[,;][ \t]{{0,3}}(?:(?:and|&)[ \t]{{1,3}})?"
    rf"|[ \t]{{1,3}}(?:and|&)[ \t]{{1,3}})){{0,11}}$",
    re.IGNORECASE,
)
# Two dates joined into one period: "2017 to 1 November 2023", "between the years 2010 and 2024".
CONNECTOR = re.compile(
    r"^[ \t]{0,3}[,(]?[ \t]{0,3}(?:(?:(?:up[ \t])?to[ \t]and[ \t]including|to|until|till|through|up[ \t]to|"
    r"up[ \t]until)"
    r"(?:[ \t]the[ \t]end[ \t]of)?|[-–—'’])"
    r"[ \t]{0,3}$",
    re.IGNORECASE,
)
BETWEEN_AND = re.compile(r"^[ \t]{0,3},?[ \t]{0,3}(?:and|&)[ \t]{0,3}$", re.IGNORECASE)
BETWEEN = re.compile(
    r"\bbetween[ \t]{1,3}(?:and[ \t]{1,3}including[ \t]{1,3})?(?:the[ \t]{1,3})?"
    r"(?:(?:calendar|financial)[ \t])?(?:years?[ \t])?$",
    re.I,
)
# Month names and number words; "at 31 March in each of those years"; "each financial year from 2010".
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-four": 24, "thirty-six": 36,
}  # fmt: skip

EACH_YEAR = re.compile(
    r"[ \t,]{0,3}(?:(?:in|of|for)[ \t]{1,3})?(?:each|every|those|these|the[ \t]same)\b", re.I
)
ACADEMIC_FROM = re.compile(r"academic[ \t]years?[ \t]{1,3}(?:from|since|starting)[ \t]{1,3}$", re.I)
FINANCIAL_FROM = re.compile(
    r"(?:financial|fiscal)[ \t]years?[ \t]{1,3}(?:from|since|starting)[ \t]{1,3}$", re.I
)
# "for the calendar years: 2016; 2017; 2018; 2019; 2021/2022 (to date)": a pair in a list of calendar years
CALENDAR_LIST = re.compile(r"calendar[ \t]years?\b[ \t]*:?(?:[^.:]*?\d{4}){0,9}[^.:]*$", re.IGNORECASE)
# A year pair near these words is an academic year (1 September to 31 August), not a financial one.
ACADEMIC = re.compile(
    r"academic|school year|admission|intake|cohort|pupils?\b|students?\b|graduat|universit|enrol",
    re.IGNORECASE,
)
# "the 2023-24, 2022-23 and 2021-22 academic years": a list of pairs that the words after it name
ACADEMIC_AFTER = re.compile(
    r"^(?:[ \t]{0,3}(?:,|and|&|or)[ \t]{0,3}(?:19|20)\d\d[/\-–](?:\d\d){1,2}){0,9}"
    r"[ \t]{1,3}(?:academic|school)[ \t]years?\b",
    re.IGNORECASE,
)
# "each financial year (ending 2011, 2012 and 2013)": each year named is the one a financial year ends in
FINANCIAL_ENDING = re.compile(
    r"(?:financial|fiscal)[ \t]years?[ \t]{0,3}\(?(?:ending|ended)[ \t]{1,3}(?:in[ \t]{1,3})?"
    r"(?:31(?:st)?[ \t]march[ \t]{1,3})?"
    r"(?:(?:19|20)\d\d[ \t]{0,3}(?:,|and|&)[ \t]{0,3}){0,9}$",
    re.IGNORECASE,
)
# "the 2019 financial year": the financial year that starts in it
FINANCIAL_NAMED = re.compile(r"^[ \t]{1,3}(?:financial|fiscal)[ \t]year\b", re.IGNORECASE)
# "academic years 2019/20, ...", "school years: 2014-15, 2015-2016, ...": every pair of the list
ACADEMIC_LIST = re.compile(
    r"(?:academic|school)[ \t]years?\b:?(?:[^.;:]*?(?:19|20)\d\d[/\-–](?:\d\d){1,2}){1,9}[^.;:]*$",
    re.IGNORECASE,
)
# "from March, April and May 2020": the first of a list of months, not the start of a period to date
MONTH_LIST_NEXT = re.compile(
    r"^[ \t]{0,3}(?:,|and\b|&)[ \t]{0,3}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b",
    re.IGNORECASE,
)
# "January 2025. ... the same for January 2024, 2023 and 2019": each year listed after a month is that month
MONTH_THEN_YEARS = re.compile(
    r"\b(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?[ \t]{1,3}(?:19|20)\d\d"
    r"(?:[ \t]{0,3},[ \t]{0,3}(?:19|20)\d\d){0,9}[ \t]{0,3}(?:,|and|&)[ \t]{0,3}$",
    re.IGNORECASE,
)
