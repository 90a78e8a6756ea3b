"""Train the person-name model shipped in src/foidesk/core/personal_data/ (deterministic).

Reads tests/data/summaries/training.jsonl (never blind.jsonl), writes ``person_names.crfsuite`` and
``person_model.json`` (the commonest English words and those of
the summaries, a model feature; wordfreq is needed to train, not to run). Each summary is also
seen with its names swapped for other names, a third of them invented (so the model learns the
context of a name, not a list of names), some in lower case; the swaps come from a seeded
random generator, so the same data give the same model file.

    PYTHONPATH=src python benchmarks/train_person_model.py          # train and write the model
    PYTHONPATH=src python benchmarks/train_person_model.py --folds  # name recall/precision on 5 folds
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]
import wordfreq  # type: ignore[import-untyped]

from foidesk.core.personal_data import person_model
from foidesk.core.personal_data.person_model import BEGIN, INSIDE, OUTSIDE, Lexicon, features, tokens

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "tests/data/summaries/training.jsonl"
PACKAGE = ROOT / "src/foidesk/core/personal_data"
SEED = 20261207
COMMON_ENGLISH_WORDS = 20_000  # wordfreq 3.1 "en" list: words a summary uses that are not names
VARIANTS = 8  # copies of each summary with other names in it
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
_SYLLABLE_TEXT = (
    "bran tof kel o way mar den quil ash ter vin ros lo ba ruk sen dal mor pen fitz ald ric hol wen"
)
_SYLLABLES = _SYLLABLE_TEXT.split()

Record = dict[str, object]


def read(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _spans(record: Record) -> list[dict[str, object]]:
    spans = record["spans"]
    assert isinstance(spans, list)
    return spans


def labelled(text: str, names: Sequence[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """Words of ``text`` and their B/I/O name labels."""
    words, labels = [], []
    for start, _, word in tokens(text):
        inside = [s for s in names if s[0] <= start < s[1]]
        words.append(word)
        labels.append(OUTSIDE if not inside else BEGIN if inside[0][0] == start else INSIDE)
    return words, labels


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def _swap(
    text: str, spans: list[dict[str, object]], lexicon: Lexicon, rng: random.Random
) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each name replaced by another (given and surname as many words as the original)."""
    given, surnames = sorted(lexicon.given_names), sorted(lexicon.surnames)
    pieces, names, position = [], [], 0
    lower = rng.random() < 0.15
    for span in sorted(spans, key=lambda s: int(str(s["start"]))):
        start, end = int(str(span["start"])), int(str(span["end"]))
        pieces.append(text[position:start])
        original = text[start:end]
        if span["type"] != "name" or any(q in original for q in "\"'“”‘’"):
            replacement = original
        else:
            words = original.split()
            replacement = " ".join(
                _invented(rng)
                if rng.random() < 0.33
                else rng.choice(given if n < len(words) - 1 else surnames).title()
                for n in range(len(words))
            )
            replacement = replacement.lower() if lower else replacement
        offset = sum(map(len, pieces))
        if span["type"] == "name":
            names.append((offset, offset + len(replacement)))
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), names


def common_words(records: list[Record]) -> list[str]:
    """The commonest English words (wordfreq) and the words of the summaries outside any name."""
    seen, named = set(), set()
    for record in records:
        text = str(record["text"])
        names = [(int(str(s["start"])), int(str(s["end"]))) for s in _spans(record) if s["type"] == "name"]
        for start, _, word in tokens(text):
            target = named if any(a <= start < b for a, b in names) else seen
            target.add(word.lower())
    english = {w for w in wordfreq.top_n_list("en", COMMON_ENGLISH_WORDS) if w.isalpha()}
    return sorted(english | {w for w in seen - named if w.isalpha() or "'" in w or "-" in w})


def train(records: list[Record], model_path: Path, lexicon: Lexicon) -> None:
    rng = random.Random(SEED)
    trainer = pycrfsuite.Trainer(verbose=False)
    for record in records:
        text = str(record["text"])
        names = [(int(str(s["start"])), int(str(s["end"]))) for s in _spans(record) if s["type"] == "name"]
        words, labels = labelled(text, names)
        trainer.append(features(words, lexicon), labels)
        for _ in range(VARIANTS):
            swapped, swapped_names = _swap(text, _spans(record), lexicon, rng)
            words, labels = labelled(swapped, swapped_names)
            trainer.append(features(words, lexicon), labels)
    trainer.set_params(PARAMS)
    trainer.train(str(model_path))


def lexicon_for(records: list[Record]) -> Lexicon:
    names = json.loads((PACKAGE / person_model.NAME_LISTS_FILE).read_text(encoding="utf-8"))
    return Lexicon(
        frozenset(names["given_names"]), frozenset(names["surnames"]), frozenset(common_words(records))
    )


def folds(records: list[Record], k: int = 5) -> None:
    """Word-level name recall and precision at several thresholds, each fold trained on the others."""
    thresholds = (0.2, 0.3, 0.35, 0.4, 0.5)
    counts = {t: [0, 0, 0] for t in thresholds}  # true positives, gold, predicted
    for fold in range(k):
        test = records[fold::k]
        rest = [r for n, r in enumerate(records) if n % k != fold]
        lexicon = lexicon_for(rest)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "fold.crfsuite"
            train(rest, path, lexicon)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            for record in test:
                text = str(record["text"])
                names = [
                    (int(str(s["start"])), int(str(s["end"]))) for s in _spans(record) if s["type"] == "name"
                ]
                words, gold = labelled(text, names)
                tagger.set(features(words, lexicon))
                tagger.tag()
                for i, label in enumerate(gold):
                    p = sum(tagger.marginal(y, i) for y in (BEGIN, INSIDE) if y in tagger.labels())
                    for t in thresholds:
                        counts[t][0] += int(p >= t and label != OUTSIDE)
                        counts[t][1] += int(label != OUTSIDE)
                        counts[t][2] += int(p >= t)
    for t, (tp, gold_n, predicted) in counts.items():
        print(
            f"threshold {t:.2f}: name-word recall {tp / gold_n:.3f}, precision {tp / max(predicted, 1):.3f}"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", action="store_true", help="cross-validate on the training file only")
    args = parser.parse_args(argv)
    records = read(TRAINING)
    if args.folds:
        folds(records)
        return 0
    lexicon = lexicon_for(records)
    (PACKAGE / person_model.VOCABULARY_FILE).write_text(
        json.dumps(
            {
                "_about": "The 20,000 commonest English words (wordfreq 3.1) and the words of "
                "tests/data/summaries/training.jsonl outside names, written by "
                "benchmarks/train_person_model.py: a feature of the person-name model.",
                "common_words": sorted(lexicon.common_words),
            },
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    model = PACKAGE / person_model.MODEL_FILE
    train(records, model, lexicon)
    print(f"wrote {model.relative_to(ROOT)} ({model.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
