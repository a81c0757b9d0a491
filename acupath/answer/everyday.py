"""Everyday words: words that cannot name a symptom, a condition or a treatment (wave 9).

A question's words that acupath did not read are reported as ``not_understood`` and, for a
described patient, stop the safety box from saying that nothing rules acupuncture out
(:mod:`.screen_gaps`): an unread word may be the red flag. Most unread words are not clinical at
all: "I sit at a desk all day" left a patient with "we could not finish checking your safety:
we did not understand 'sit', 'desk'", and one benchmark answer in ten had such a box. This
module knows which words are *everyday*: a run of unread words made only of everyday words is
neither a part of the question left unanswered nor a possible red flag.

Rule. A word is everyday when WordNet 3.0 (Princeton University) holds it and none of its
attested senses falls in a lexicographer file that can describe the body, a state, a sensation,
a process, an event or a change: ``CLINICAL_FILES`` (noun.state "fever", noun.body "groin",
noun.feeling "anxiety", noun.event "fall", noun.process "bleeding", noun.phenomenon,
noun.attribute, noun.substance; verb.body "sweat", verb.perception "feel", verb.change
"swell", verb.motion "stagger"; and every adjective, since WordNet gives adjectives no
class: "woozy" and "sorry" alike stay unread). Every sense of a noun counts ("stool" is also
a bowel motion); of a verb, adjective or adverb only the *attested* senses count, those
WordNet's sense index finds in its tagged corpus (the first sense when none is), so that
"to school", of fish, does not make "school" clinical. A word WordNet does not hold (a drug,
an abbreviation, a misspelling) is never everyday, nor is a word of a red-flag phrase, so the
test only clears words that are plainly not clinical ("desk", "school", "gardening",
"policy") and errs toward reporting.

Phrases read whole (wave 11). A few clinical phrases hold a word that is unread on its own but
names, inside the phrase, something acupath already reads or that no screening rule acts on:
"mechanical back pain", "migraine with aura", "titanium plate"
(``data/answer/read_phrases.yaml``, each with its reason). :func:`read_phrase_spans` gives their
places in a question; the parser does not report words inside them. The same words elsewhere
("mechanical heart valve", "a strange aura") are still reported.

The list is built once from the WordNet database (Debian package ``wordnet-base``) by
``python -m acupath.answer.everyday /usr/share/wordnet`` and stored, gzipped, as
``data/answer/everyday_words.txt.gz``, with WordNet's licence in its header; nothing is
downloaded at run time.
"""

from __future__ import annotations

import functools
import gzip
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from acupath.answer.lexicon import ANSWER_DIR

PATH = ANSWER_DIR / "everyday_words.txt.gz"
PHRASES_PATH = ANSWER_DIR / "read_phrases.yaml"

LEXNAMES = (
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
    "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
    "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
    "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition",
    "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
    "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather",
    "adj.ppl",
)  # fmt: skip
"""WordNet's lexicographer files, by number (the second field of a ``data.*`` line)."""

CLINICAL_FILES = frozenset(
    {
        "noun.state", "noun.body", "noun.feeling", "noun.event", "noun.process",
        "noun.phenomenon", "noun.attribute", "noun.substance", "verb.body",
        "verb.perception", "verb.change", "verb.motion", "verb.weather",
        "adj.all", "adj.pert", "adj.ppl",
    }
)  # fmt: skip
"""Lexicographer files whose senses can describe a patient's body or state (module rule)."""

_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_WORD = re.compile(r"^[a-z]+$")


@functools.cache
def everyday_words() -> frozenset[str]:
    """The stored everyday words (read once per process)."""
    with gzip.open(PATH, "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and line[0] != "#")


def is_everyday(word: str) -> bool:
    """Whether ``word`` (any case, possessive "'s" allowed) is an everyday word. A word of a
    red-flag phrase never is ("saddle", "pins"), whatever WordNet says of it."""
    from acupath.answer.screen_gaps import red_flag_words

    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    return low in everyday_words() and low not in red_flag_words()


@functools.cache
def _read_phrases() -> re.Pattern[str]:
    import yaml

    with PHRASES_PATH.open(encoding="utf-8") as f:
        records = yaml.safe_load(f)
    alternatives = "|".join(f"(?:{r['pattern']})" for r in records)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def read_phrase_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the phrases read whole (see the module docstring) in ``text``."""
    return [m.span() for m in _read_phrases().finditer(text)]


def all_everyday(words: Iterable[str]) -> bool:
    """Whether every word of a run of unread words is everyday (an empty run is not)."""
    ws = list(words)
    return bool(ws) and all(is_everyday(w) for w in ws)


# -- building the list from WordNet (run by hand; see the module docstring) ----------------------


def attested_files(root: Path) -> dict[str, set[str]]:
    """lemma -> the lexicographer files of its attested senses, over every part of speech."""
    lexfile: dict[str, str] = {}
    for pos in _POS:
        for line in (root / f"data.{pos}").open(encoding="latin-1"):
            if line.startswith("  "):  # the licence header
                continue
            fields = line.split(" ", 3)
            lexfile[f"{pos}:{fields[0]}"] = LEXNAMES[int(fields[1])]
    out: dict[str, set[str]] = defaultdict(set)
    for pos in _POS:
        for line in (root / f"index.{pos}").open(encoding="latin-1"):
            if line.startswith("  "):
                continue
            f = line.split()
            lemma, synsets, pointers = f[0], int(f[2]), int(f[3])
            tagged = int(f[5 + pointers])
            offsets = f[6 + pointers : 6 + pointers + synsets]
            # every sense of a noun (a rare noun sense may be the clinical one: "stools");
            # the attested senses of a verb, adjective or adverb ("school" fish do not swim)
            kept = offsets if pos == "noun" else offsets[: max(tagged, 1)]
            for off in kept:
                out[lemma].add(lexfile[f"{pos}:{off}"])
    return out


def exceptions(root: Path) -> dict[str, set[str]]:
    """Irregular form -> its lemmas (WordNet's ``*.exc`` files: "fell" -> "fall")."""
    out: dict[str, set[str]] = defaultdict(set)
    for pos in _POS:
        path = root / f"{pos}.exc"
        if path.exists():
            for line in path.open(encoding="latin-1"):
                form, *lemmas = line.split()
                out[form].update(lemmas)
    return out


def inflections(lemma: str) -> set[str]:
    """Regular inflected forms of an English noun or verb (plural, third person, past, -ing)."""
    forms = {lemma}
    if re.search(r"(s|x|z|ch|sh)$", lemma):
        forms.add(lemma + "es")
    elif re.search(r"[^aeiou]y$", lemma):
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):  # sit -> sitting, plan -> planned
            forms.update({lemma + lemma[-1] + "ing", lemma + lemma[-1] + "ed"})
    return forms


def build(root: Path) -> list[str]:
    """The everyday words of the WordNet database at ``root``, with their inflected forms; a
    form that is itself a WordNet word keeps its own classification."""
    files = attested_files(root)
    single = {w: fs for w, fs in files.items() if _WORD.match(w)}

    def everyday(fs: set[str]) -> bool:
        return not fs & CLINICAL_FILES

    words: set[str] = {w for w, fs in single.items() if everyday(fs)}
    for lemma in list(words):
        words.update(f for f in inflections(lemma) if f not in single)
    for form, lemmas in exceptions(root).items():
        if _WORD.match(form) and form not in single and lemmas and lemmas <= words:
            words.add(form)
    # an inflected form shared with a clinical lemma is not everyday ("stools" of stool)
    clinical = {w for w, fs in single.items() if not everyday(fs)}
    shadowed = {f for lemma in clinical for f in inflections(lemma)}
    # only words of ordinary English (the CMU Pronouncing Dictionary, as the spelling corrector
    # uses it): a rare WordNet word (a genus, a place) stays unread, which errs toward reporting
    from acupath.answer.spelling import is_english

    return sorted(w for w in words - shadowed - clinical if is_english(w))


def write(words: list[str], out: Path, licence: str) -> None:
    header = [
        "# Everyday words (acupath.answer.everyday): built from WordNet 3.0 by",
        "# `python -m acupath.answer.everyday /usr/share/wordnet`. WordNet's licence follows.",
        *(f"# {line}" for line in licence.splitlines()),
    ]
    with gzip.open(out, "wt", encoding="utf-8") as f:
        f.write("\n".join([*header, *words]) + "\n")


def _licence(root: Path) -> str:
    """WordNet's licence, as the header of its ``data.noun`` file gives it."""
    lines = []
    for line in (root / "data.noun").open(encoding="latin-1"):
        if not line.startswith("  "):
            break
        lines.append(re.sub(r"^\s*\d+\s?", "", line).rstrip())
    return "\n".join(lines).strip()


def main(argv: list[str]) -> None:
    root = Path(argv[1] if len(argv) > 1 else "/usr/share/wordnet")
    words = build(root)
    write(words, PATH, _licence(root))
    print(f"{len(words)} everyday words -> {PATH}")


if __name__ == "__main__":
    main(sys.argv)
