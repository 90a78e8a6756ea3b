"""The person-name model: a small CRF that finds the names no pattern can tell.

A linear-chain conditional random field (CRFsuite, via python-crfsuite) tags each word of a summary
as the beginning of a name, inside one, or neither, from the word's shape, its neighbours ("assaulted
by ___", "PC ___", "___ alleges"), whether it is a common UK given name or surname
(``name_lists.json``) and whether it is a common word of the summaries (``person_model.json``). It was
trained on tests/data/summaries/training.jsonl by benchmarks/train_person_model.py, which rebuilds
``person_names.crfsuite`` byte for byte; no downloaded vectors or weights. The model is loaded once,
on first use. A word is tagged a name when the model's probability of a name tag reaches
``NAME_PROBABILITY``, lower than an even chance because a missed name is the worse error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

import pycrfsuite  # type: ignore[import-untyped]  # no type hints shipped

from foidesk.core.personal_data import NOT_NAMES, STREET_WORDS, EntityKind, PersonalDataMatch, Source

MODEL_FILE: Final = "person_names.crfsuite"
VOCABULARY_FILE: Final = "person_model.json"
NAME_LISTS_FILE: Final = "name_lists.json"
NAME_PROBABILITY: Final = 0.3  # a design choice, set on training folds: recall before precision
BEGIN, INSIDE, OUTSIDE = "B-NAME", "I-NAME", "O"

TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*|\d+|\S")
_RANKS_AND_TITLES_TEXT = """
    pc dc tdc ps ds spc pcso sgt insp di ci dci supt dsupt cdr mr mrs ms miss mx dr prof sir dame rev
    cllr councillor constable sergeant inspector superintendent commander detective chief"""
_RANKS_AND_TITLES = frozenset(_RANKS_AND_TITLES_TEXT.split())
_STREET_AFTER = re.compile(rf"[ \t]+(?:{STREET_WORDS})\b")
_QUOTES = frozenset("\"'“”‘’")
_SENTENCE_END = frozenset(".!?:;")


@dataclass(frozen=True, slots=True)
class Lexicon:
    given_names: frozenset[str]
    surnames: frozenset[str]
    common_words: frozenset[str]


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Words, numbers and single punctuation marks of ``text`` with their offsets."""
    return [(hit.start(), hit.end(), hit.group()) for hit in TOKEN.finditer(text)]


def _shape(word: str) -> str:
    shape = re.sub(r"[A-ZÀ-Þ]", "X", word)
    shape = re.sub(r"[a-zß-ÿ]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


def _word_features(word: str, lexicon: Lexicon, prefix: str) -> dict[str, str | float]:
    lower = word.lower().replace("’", "'")
    return {
        f"{prefix}lower": lower if lower in lexicon.common_words or lower in _RANKS_AND_TITLES else "~",
        f"{prefix}shape": _shape(word),
        f"{prefix}title": float(word[:1].isupper()),
        f"{prefix}given": float(lower in lexicon.given_names),
        f"{prefix}surname": float(lower in lexicon.surnames or lower.split("-")[-1] in lexicon.surnames),
        f"{prefix}common": float(lower in lexicon.common_words),
        f"{prefix}rank": float(lower.rstrip(".") in _RANKS_AND_TITLES),
        f"{prefix}notname": float(word in NOT_NAMES),
    }


def features(words: list[str], lexicon: Lexicon) -> list[dict[str, str | float]]:
    """One feature dictionary per word: itself, two words either side, and where the sentence starts."""
    rows = []
    for i, word in enumerate(words):
        row: dict[str, str | float] = {
            "bias": 1.0,
            "suffix3": word[-3:].lower(),
            "length": min(len(word), 12),
        }
        row.update(_word_features(word, lexicon, ""))
        row["sentence_start"] = float(i == 0 or words[i - 1] in _SENTENCE_END)
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                row.update(_word_features(words[j], lexicon, f"{offset:+d}:"))
            else:
                row[f"{offset:+d}:edge"] = 1.0
        row["quoted"] = float(0 < i < len(words) - 1 and words[i - 1] in _QUOTES and words[i + 1] in _QUOTES)
        rows.append(row)
    return rows


def load_lexicon() -> Lexicon:
    """The name lists and the common words shipped beside the model."""
    here = resources.files("foidesk.core.personal_data")
    names = json.loads(here.joinpath(NAME_LISTS_FILE).read_text(encoding="utf-8"))
    vocabulary = json.loads(here.joinpath(VOCABULARY_FILE).read_text(encoding="utf-8"))
    return Lexicon(
        given_names=frozenset(names["given_names"]),
        surnames=frozenset(names["surnames"]),
        common_words=frozenset(vocabulary["common_words"]),
    )


@cache
def _tagger() -> tuple[pycrfsuite.Tagger, Lexicon]:
    """The trained model, opened once (a few hundred KB, read on first use)."""
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("foidesk.core.personal_data").joinpath(MODEL_FILE)) as path:
        tagger.open(str(path))
    return tagger, load_lexicon()


def model_matches(text: str, *, threshold: float = NAME_PROBABILITY) -> list[PersonalDataMatch]:
    """Person names the model finds in ``text``: each run of words likely enough to be a name."""
    found = tokens(text)
    if not found:
        return []
    tagger, lexicon = _tagger()
    words = [word for _, _, word in found]
    tagger.set(features(words, lexicon))
    tagger.tag()
    labels = tagger.labels()
    named = [
        sum(tagger.marginal(label, i) for label in (BEGIN, INSIDE) if label in labels) >= threshold
        for i in range(len(words))
    ]
    return _runs(text, found, named)


def _runs(text: str, found: list[tuple[int, int, str]], named: list[bool]) -> list[PersonalDataMatch]:
    """Consecutive name words (quotes inside a run kept) as one match each."""
    matches = []
    i = 0
    while i < len(found):
        if not named[i] or found[i][2] in _QUOTES:
            i += 1
            continue
        j = i
        while j + 1 < len(found) and (
            named[j + 1] or (found[j + 1][2] in _QUOTES and _named_after(named, j + 1))
        ):
            j += 1
        while found[j][2] in _QUOTES:
            j -= 1
        start, end = found[i][0], found[j][1]
        if _STREET_AFTER.match(text, end):
            i = j + 1
            continue  # "on Acacia Avenue": a street where something happened, no one's address
        matches.append(PersonalDataMatch(EntityKind.NAME, start, end, text[start:end], Source.MODEL))
        i = j + 1
    return matches


def _named_after(named: list[bool], quote: int) -> bool:
    return any(named[quote + 1 : quote + 4])
