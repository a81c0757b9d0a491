"""Medicine names nobody listed: WHO INN stems, and misspellings of names the formulary knows.

Two readings of a word the formulary does not know, tried in this order:

1. **A misspelt known name** ("apixiban", "clopidogrell", "warfrin"): the formulary's one-word
   names within a small edit distance (rapidfuzz, optimal string alignment: adjacent swaps
   count as one edit). The limit grows with the length of the name: ``max_edits(n)`` is 1 for
   names of 6-7 letters and 2 for 8 letters or more (shorter names are never corrected: too
   many ordinary words lie one edit from a five-letter name). The limit, and the first-letter
   rule (the first letter must be right, or a sound-alike: x/z, c/k, f/ph), were measured on
   real misspellings and on ordinary English words that must not match
   (``tests/care/test_w6_meds_fuzzy.py``). The caller rules out English words first (an
   English word is never a misspelt medicine: "warfare" is not warfarin). Beyond the limit
   (wave 11), a word of 6 letters or more that sounds like exactly one name is read as it:
   vowels alike, x as cks/ks/cs, ph as f ("xeralto" is Xarelto, "plavicks" Plavix).
2. **An INN stem** (``data/medications/stems.yaml``): "betrixaban" ends in -xaban, the stem of
   the direct factor Xa inhibitors, so it is read as an anticoagulant. The reading is marked
   *inferred from the name* wherever it is shown.

Both return a :class:`NameReading`; :func:`read_unknown` scans a text for such words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from acupath import kbcache
from acupath.care.medications import MEDICATIONS_DIR, DrugClass, Formulary, implied_classes
from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import invalid_record
from acupath.memo import per_object

STEMS_PATH = MEDICATIONS_DIR / "stems.yaml"

MIN_FUZZY_LENGTH = 6
"""Names shorter than this are never matched by spelling (see module docstring)."""

_SOUND_ALIKE = (frozenset("xz"), frozenset("ck"), frozenset("fp"), frozenset("ie"))
"""First letters a speller may confuse ("zarelto", "klexane", "fenytoin"...)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class StemSource(_Model):
    title: str
    url: str
    note: str


class Stem(_Model):
    stem: str
    pattern: str
    classes: tuple[str, ...] = Field(min_length=1)
    group: str
    read: str
    unverified: bool = False


class StemTable(_Model):
    sources: dict[str, StemSource]
    stems: tuple[Stem, ...]


@dataclass(frozen=True)
class NameReading:
    """How an unknown word was read: as a known drug (``drug``) or as a stem's classes."""

    word: str
    classes: tuple[str, ...]
    how: str
    """``spelling`` (a misspelt formulary name) or ``stem`` (inferred from an INN stem)."""
    drug: str | None = None
    """The formulary drug id, for a misspelt drug name."""
    stem: Stem | None = None
    class_word: str | None = None
    """The class word ("anticoagulant"), for a misspelt class word."""

    @property
    def note(self) -> str:
        """What a reader is shown: how the word was read."""
        if self.how == "spelling":
            return f"read as {self.drug or self.class_word} (spelling)"
        assert self.stem is not None
        return f"inferred from the name: {self.stem.stem}, {self.stem.group}"


def max_edits(length: int) -> int:
    """Edits allowed between a word and a formulary name of ``length`` letters (0: none)."""
    if length < MIN_FUZZY_LENGTH:
        return 0
    return 1 if length < 8 else 2


@functools.cache
def stem_table(path: Path = STEMS_PATH) -> StemTable:
    """The bundled stem table, checked (every ``read`` names a source; patterns compile)."""
    try:
        raw = kbcache.load_yaml(path, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        table = StemTable.model_validate(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read {path.name}: {exc}", file=path) from exc
    except ValidationError as exc:
        raise invalid_record(exc, file=path) from None
    for s in table.stems:
        if s.read not in table.sources:
            raise KnowledgeBaseError(f"unknown source {s.read!r}", file=path, record=s.stem)
        try:
            re.compile(s.pattern)
        except re.error as exc:
            raise KnowledgeBaseError(f"bad pattern: {exc}", file=path, record=s.stem) from exc
    return table


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], Stem], ...]:
    return tuple((re.compile(s.pattern), s) for s in stem_table().stems)


def by_stem(word: str, classes: Mapping[str, DrugClass] | None = None) -> NameReading | None:
    """The stem reading of one lower-case word, or None (first matching stem wins). With the
    formulary's ``classes``, the stem's classes gain the classes they imply."""
    w = word.lower()
    for pattern, stem in _compiled():
        if pattern.fullmatch(w):
            found = set(stem.classes)
            if classes is not None:
                missing = sorted(found - set(classes))
                if missing:
                    raise KnowledgeBaseError(
                        f"unknown drug classes {missing}", file=STEMS_PATH, record=stem.stem
                    )
                found = implied_classes(found, classes)
            return NameReading(word, tuple(sorted(found)), "stem", stem=stem)
    return None


class SpellingIndex:
    """The formulary's one-word names, grouped by length and first letter (with its
    sound-alikes) for fast nearest-name search; answers are remembered per word."""

    def __init__(self, names: Mapping[str, str]) -> None:
        # one-word names, and multi-word names written as one word ("bloodthinners")
        self.joined = {
            n.replace(" ", ""): n for n in names if " " in n and n.replace(" ", "").isalpha()
        }
        self.names = {
            n: n
            for n in [*names, *self.joined]
            if n.isalpha() and len(n) >= MIN_FUZZY_LENGTH and " " not in n
        }
        self._pools: dict[tuple[int, str], list[str]] = {}
        for n in self.names:
            letters = {n[0]} | {c for group in _SOUND_ALIKE if n[0] in group for c in group}
            for letter in letters:
                self._pools.setdefault((len(n), letter), []).append(n)
        self._seen: dict[str, str | None] = {}
        # wave 11: names by how they sound (vowels and x/cks alike), for misspellings that swap
        # vowels ("xeralto") or spell a sound ("plavicks"); only a key one name has is read
        self._sounds: dict[str, set[str]] = {}
        for n in self.names:
            if len(n) >= _SOUND_LENGTH:
                self._sounds.setdefault(_sound_key(n), set()).add(n)

    def closest(self, word: str) -> str | None:
        """The formulary name ``word`` misspells, or None (module docstring: limits)."""
        w = word.lower()
        if w in self._seen:
            return self._seen[w]
        found = self._closest(w)
        if len(self._seen) > 4096:
            self._seen.clear()
        self._seen[w] = found
        return found

    def _closest(self, w: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if w in self.joined:
            return self.joined[w]
        if len(w) < MIN_FUZZY_LENGTH - 1 or w in self.names:
            return None
        best: tuple[int, str] | None = None
        for length in range(len(w) - 2, len(w) + 3):
            limit = max_edits(length)
            pool = self._pools.get((length, w[0]))
            if not limit or abs(length - len(w)) > limit or not pool:
                continue
            hit = process.extractOne(w, pool, scorer=OSA.distance, score_cutoff=limit)
            if hit is not None and (best is None or hit[1] < best[0]):
                best = (int(hit[1]), str(hit[0]))
        alike = self._sounds.get(_sound_key(w), set()) if len(w) >= _SOUND_LENGTH else set()
        if best is None:
            if len(alike) != 1:
                return None
            best = (0, next(iter(alike)))
        elif best[0] > 1 and len(alike) == 1:
            # wave 21 ("epixaban" is two letters from edoxaban, one from apixaban): a name that
            # sounds the same and is fewer edits away wins over the first-letter pool's
            (sound,) = alike
            if OSA.distance(w, sound) < best[0]:
                best = (int(OSA.distance(w, sound)), sound)
        return self.joined.get(best[1], best[1])


_SOUND_LENGTH = 6
_SPELT_SOUNDS = re.compile(r"cks|ks|cs|ph")


def _sound_key(word: str) -> str:
    """``word`` as it sounds, roughly: x, cks, ks and cs alike, ph as f, and every vowel one
    mark ("xeralto" and "xarelto", "plavicks" and "plavix" share a key). Spelling only.

    Wave 21 (held-out part 20 h20004 "zarrelto", h20051 "PRADAXER"): a brand spelt by ear. A
    doubled letter sounds as one ("zarrelto"), a first x sounds as z ("Xarelto" is said
    "zarelto"), and a last r after a vowel is not heard in British speech ("pradaxer" is said
    as "Pradaxa")."""
    w = _SPELT_SOUNDS.sub(lambda m: "f" if m.group() == "ph" else "x", word)
    w = re.sub(r"(.)\1+", r"\1", w)
    w = re.sub(r"^x", "z", w)
    w = re.sub(r"(?<=[aeiouy])r$", "", w)
    return re.sub(r"[aeiouy]", "*", w)


_INDEXES: dict[int, tuple[object, object]] = {}


def _index(formulary: Formulary) -> SpellingIndex:
    """The spelling index of one formulary, built once per formulary object."""
    return per_object(_INDEXES, formulary, lambda: SpellingIndex(formulary.names), limit=4)


_WORD = re.compile(r"(?<![\w-])[a-z][a-z]{4,}(?![\w-])")


@dataclass(frozen=True)
class UnknownHit:
    reading: NameReading
    start: int
    end: int


def read_word(word: str, formulary: Formulary) -> NameReading | None:
    """A misspelt formulary name first, else an INN stem; None when neither fits."""
    w = word.lower()
    name = _index(formulary).closest(w)
    if name is not None:
        drug = formulary.names[name]
        return NameReading(word, tuple(sorted(formulary.drugs[drug].classes)), "spelling", drug)
    return by_stem(w, formulary.classes)


def read_unknown(
    folded: str,
    formulary: Formulary,
    *,
    taken: Sequence[tuple[int, int]] = (),
    is_word: Callable[[str], bool] = lambda w: False,
    class_words: Mapping[str, Sequence[str]] | None = None,
) -> list[UnknownHit]:
    """Every word of the folded (lower-case) text that names a medicine by a misspelling or by
    its stem, or (with ``class_words``, class id -> phrases) misspells a one-word class word
    ("anticoagulent", "immunosupressant"). Words inside ``taken`` spans (already read as
    something), words the formulary knows, English words (``is_word``) and hyphenated
    compounds are left alone."""
    classes = _class_index(class_words) if class_words else None
    out: list[UnknownHit] = []
    for m in _WORD.finditer(folded):
        word = m.group(0)
        if word in formulary.names or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        reading = read_word(word, formulary)
        if reading is None and classes is not None:
            reading = classes.read(word)
        # the English check last: it loads a large dictionary, needed only for a candidate
        if reading is not None and not is_word(word):
            out.append(UnknownHit(reading, m.start(), m.end()))
    out += _split_names(folded, formulary, [*taken, *((h.start, h.end) for h in out)], is_word)
    out += _syllable_names(folded, formulary, [*taken, *((h.start, h.end) for h in out)], is_word)
    return out


_SYLLABLE_RUN = re.compile(r"(?<![\w-])[a-z]{1,6}(?:\s[a-z]{1,6}){2,5}(?![\w-])")
"""Three to six short pieces in a row: a name spelt out by its syllables (the folded text has
its hyphens as spaces, so "ree-va-rocks-a-ban" arrives as "ree va rocks a ban")."""


_FUNCTION_WORDS = frozenset(
    [
        "is",
        "in",
        "the",
        "of",
        "and",
        "to",
        "for",
        "on",
        "at",
        "it",
        "as",
        "be",
        "by",
        "or",
        "my",
        "his",
        "her",
        "me",
        "we",
        "he",
        "she",
        "was",
        "are",
        "so",
        "if",
        "no",
        "not",
        "has",
        "had",
        "an",
        "our",
        "its",
        "you",
        "i",
        "us",
        "am",
        "were",
    ]
)
"""Words that make a run of short words a sentence; a syllable may be "a" ("rocks-a-ban")."""


def _syllable_names(
    folded: str,
    formulary: Formulary,
    taken: Sequence[tuple[int, int]],
    is_word: Callable[[str], bool],
) -> list[UnknownHit]:
    """Medicine names spelt out by their syllables ("ree-va-rocks-a-ban", "a-pix-a-ban",
    "klo-pid-o-grel"; wave 22, h21002), three to six pieces joined and read as a misspelt
    formulary name of 8 letters or more (:meth:`SpellingIndex.closest`: the edit limit, the
    first-letter rule and, beyond it, the sound key, "reevarocksaban" sounding as
    "rivaroxaban"). The longest run that reads wins. Only names, never an INN stem (as for
    split names). No piece may be a name by itself or a function word ("is", "in", "the": "war
    is far in the past" is a sentence), the joined word must not be English, and a
    run touching a span already read, or following an article, is left alone (the pieces
    themselves may be English words: "a pix a ban", "da bi ga tran")."""
    index = _index(formulary)
    out: list[UnknownHit] = []
    for start, end, words in _word_runs(folded, _SYLLABLE_RUN, (6, 5, 4, 3)):
        joined = "".join(words)
        if len(joined) < 8:
            continue
        if any(a < end and start < b for a, b in [*taken, *((h.start, h.end) for h in out)]):
            continue
        if any(w in formulary.names for w in words) or _ARTICLE_BEFORE.search(folded[:start]):
            continue
        if any(w in _FUNCTION_WORDS for w in words):
            continue  # "war is far in the past": a sentence, not a name's syllables
        name = joined if joined in formulary.names else index.closest(joined)
        if name is None or len(name) < 8 or is_word(joined):
            continue
        drug = formulary.names[name]
        classes = tuple(sorted(formulary.drugs[drug].classes))
        out.append(UnknownHit(NameReading(joined, classes, "spelling", drug), start, end))
    return out


def _word_runs(
    folded: str, pattern: re.Pattern[str], sizes: Sequence[int]
) -> Iterator[tuple[int, int, list[str]]]:
    """Each run of ``size`` words ``pattern`` matches from a word's start, for each size in
    ``sizes`` in turn (longest first, so a longer reading is taken before its parts): (start,
    end, words). Lazy, so a caller's hits so far still rule out overlapping runs."""
    for size in sizes:
        for start in range(len(folded)):
            if start and (folded[start - 1].isalnum() or folded[start - 1] == "-"):
                continue
            m = pattern.match(folded, start)
            if m is None:
                continue
            words = m.group(0).split()[:size]
            if len(words) == size:
                yield start, start + len(" ".join(words)), words


_PIECES = re.compile(r"(?<![\w-])[a-z]{1,7}(?:\s[a-z]{1,7}){1,2}(?![\w-])")
"""Two or three short words in a row, the pieces a voice typist's name may fall into."""
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|this|that|no|any|every)\s+$")


def _split_names(
    folded: str,
    formulary: Formulary,
    taken: Sequence[tuple[int, int]],
    is_word: Callable[[str], bool],
) -> list[UnknownHit]:
    """Medicine names voice typing split into two or three words ("war far in", "prad axa",
    "a pixel band" for apixaban; wave 15, h12203). The words joined must not be English and
    must read as a formulary name: exactly (7 letters or more), or, for a name of 8 letters or
    more (a voice typist's pieces are English words that sound like its syllables), within
    ``max_edits`` + 1 edits with the first three letters right and every consonant of the name
    heard in order. No piece may be a name by itself; the run must not touch a span already
    read nor follow an article. Only names, never an INN stem: a stem read into a joined run of
    ordinary words would be a guess."""
    index = _index(formulary)
    out: list[UnknownHit] = []
    for start, end, words in _word_runs(folded, _PIECES, (3, 2)):
        if end < len(folded) and (folded[end].isalnum() or folded[end] == "-"):
            continue
        if any(a < end and start < b for a, b in [*taken, *((h.start, h.end) for h in out)]):
            continue
        if any(w in formulary.names for w in words) or _ARTICLE_BEFORE.search(folded[:start]):
            continue  # "there was a war far in the past": a noun after its article
        joined = "".join(words)
        name = _voiced_name(joined, index)
        if name is None or is_word(joined):
            continue
        drug = formulary.names[name]
        classes = tuple(sorted(formulary.drugs[drug].classes))
        out.append(UnknownHit(NameReading(joined, classes, "spelling", drug), start, end))
    return out


def _voiced_name(joined: str, index: SpellingIndex) -> str | None:
    """The formulary name of 8 letters or more a joined run of words sounds like, or None."""
    from rapidfuzz.distance import OSA

    if len(joined) < 7:
        return None
    if joined in index.names:
        return joined
    found = None
    for n in index._pools.get((len(joined), joined[0]), []) + [
        n for d in (-2, -1, 1, 2) for n in index._pools.get((len(joined) + d, joined[0]), [])
    ]:
        if len(n) < 8 or n[:3] != joined[:3]:
            continue
        if OSA.distance(joined, n) <= max_edits(len(n)) + 1 and _keeps_consonants(joined, n):
            if found is not None and found != n:
                return None  # two names alike: no reading
            found = n
    return index.joined.get(found, found) if found else None


def _keeps_consonants(joined: str, name: str) -> bool:
    """Whether every consonant of ``name`` is heard, in order, in ``joined``: voice typing adds
    sounds to a name ("a pixel band") but keeps its consonants ("a pixel in" has no b)."""
    heard = iter(c for c in joined if c not in "aeiouy")
    return all(c in heard for c in name if c not in "aeiouy")


class _ClassWords:
    """One-word class words ("anticoagulant", "steroids") and the class each names."""

    def __init__(self, class_words: Mapping[str, Sequence[str]]) -> None:
        self.by_word = {
            " ".join(p.lower().split()): cls
            for cls, phrases in class_words.items()
            for p in phrases
            if p.replace(" ", "").isalpha()
        }
        self.index = SpellingIndex({w: w for w in self.by_word})

    def read(self, word: str) -> NameReading | None:
        if word.lower() in self.by_word:
            return None  # the phrase table reads it already
        name = self.index.closest(word)
        if name is None:
            return None
        return NameReading(word, (self.by_word[name],), "spelling", None, class_word=name)


_CLASS_INDEXES: dict[int, tuple[object, object]] = {}


def _class_index(class_words: Mapping[str, Sequence[str]]) -> _ClassWords:
    return per_object(_CLASS_INDEXES, class_words, lambda: _ClassWords(class_words), limit=4)


def mention_parts(hit: UnknownHit) -> list[tuple[str, str, dict[str, object]]]:
    """(kind, value, detail) of the patient-context facts one hit states: a misspelt name is
    the ``medicine`` it names; a name read by its stem is a ``medicine`` of that name with the
    stem's classes, marked inferred (the screen's formulary reads the name the same way)."""
    r = hit.reading
    if r.how == "spelling" and (r.drug is None or r.drug.startswith("unspecified_")):
        # a class word, or a formulary entry that names a class ("blood thinners"): the class,
        # as the phrase table reads the word spelt right
        return [("class", c, {"read_as": r.note}) for c in r.classes]
    if r.how == "spelling":
        return [("medicine", str(r.drug), {"classes": list(r.classes), "read_as": r.note})]
    return [("medicine", r.word.lower(), {"classes": list(r.classes), "inferred": r.note})]
