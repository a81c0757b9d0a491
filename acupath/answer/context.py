"""The patient a question describes: medicines, labs, pregnancy, age, devices, red flags...

:func:`extract` reads a question such as "72 year old on warfarin, INR 3.6, not pregnant, with
chronic neck pain" and returns a :class:`PatientContext`: every fact it found (a
:class:`Mention`) with the words it came from, whether the words deny it ("no fever") or suppose
it ("if she were on warfarin"; see :mod:`acupath.answer.negation`), and the facts that stand,
ready to become a partial intake for the same screen ``acupath screen`` runs (:mod:`.safety`).

What is read, and how:

- medicines by generic or brand name through the formulary (``data/medications``), and by
  class words ("blood thinners", "chemo") from ``data/answer/patient.yaml``;
- platelets, neutrophils (ANC) and INR with their units: platelets and ANC in 10^9/L, written
  as ``20``, ``20k``, ``20,000/µL``, ``20 x 10^9/L`` (a count of 1,000 or more, or 100 or more
  for ANC, is per microlitre and divided by 1,000);
- pregnancy and its weeks ("10 weeks pregnant", "pregnant at 12 weeks", "28/40"), trimester;
- age in every way :mod:`acupath.answer.ages` reads it ("8-year-old", "aged 72", "my mum is
  81", "Mrs K, 66", "72F") and age bands from words (child, teenager, elderly);
- devices with their site when given ("port in the right chest"), lymphoedema or node surgery
  with the limb and side, radiotherapy and its site, cancer history, activity and treatment;
- red flags and comorbidities in lay and clinical words; needle phobia.

Whose facts, and one state per fact (wave 5): a fact in a clause whose subject is another
person ("I have back pain. My wife she is pregnant") is that person's (status
``other_person``, shown, not screened; :mod:`acupath.answer.other_people`); an age band or
pregnancy naming the population of an evidence question ("in older adults", "in pregnant
women") is a ``topic`` (:func:`_populations`); and a fact both stated and denied ("epilepsy but
no seizures for 10 years") keeps one state, the cautious one: it stands, and its denial is
dropped (:func:`_one_state`).

Phrases match on folded, lightly stemmed tokens (:mod:`acupath.answer.text`), so plurals and
hyphens do not matter; numbers are read with regular expressions, the one thing they do best.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from acupath.answer import text as tx
from acupath.answer.ages import find_ages
from acupath.answer.assessed import assessments
from acupath.answer.class_apposition import class_words_of_medicines
from acupath.answer.finished_treatment import (
    dated_cancers,
    earlier_neutropenia,
    finished_treatments,
)
from acupath.answer.flag_context import adjust as _flags_in_context
from acupath.answer.lexicon import PatientWords, patient_words
from acupath.answer.limb_side import SENTENCE_END, SIDES, side_near
from acupath.answer.mothers_baby import babys_ages
from acupath.answer.negation import Span, Triggers, denied_or_item, governed
from acupath.answer.pregnancy import find_pregnancy
from acupath.answer.pregnancy_service import service_topics
from acupath.answer.quantities import (
    CD4_AIDS_BELOW,
    find_cd4,
    find_labs,
    find_linked_labs,
    find_temperatures,
    find_weeks,
    fmt,
    with_series,
)
from acupath.answer.regimens import find_regimens, regimens
from acupath.answer.removed_devices import removed_devices
from acupath.answer.spelling import is_english
from acupath.answer.supposed import SUPPOSED, supposed
from acupath.answer.timing import (
    CAUTIOUS_VALUE,
    EARLIER_VALUE,
    FUTURE,
    LATEST_VALUE,
    NOT_CURRENT,
    PAST,
    SET_ASIDE_VALUE,
    STOPPED_RECENTLY,
    negation_in_clause,
    statuses,
    timing,
    timing_cue,
)
from acupath.care.drug_stems import mention_parts, read_unknown

AGE_BANDS = {"child": (0, 12), "adolescent": (13, 17), "adult": (18, 64), "older_adult": (65, 120)}
"""Age bands in completed years (inclusive)."""

_COUNT_LABS = ("platelets", "anc")
_LAB_STATUS = {
    "latest": LATEST_VALUE,
    "earlier": EARLIER_VALUE,
    "cautious": CAUTIOUS_VALUE,
    "set_aside": SET_ASIDE_VALUE,
}
"""The status of a lab value among several of the same lab (:func:`.quantities.with_series`)."""
_TOKEN = re.compile(r"[a-z0-9µ]+(?:[.,][0-9]+)*|[^\sa-z0-9µ]")


@dataclass(frozen=True)
class Mention:
    """One fact about the patient, as the question states it."""

    kind: str
    value: str
    words: str
    start: int
    end: int
    negated: bool = False
    hypothetical: bool = False
    detail: Mapping[str, Any] = field(default_factory=dict)
    status: str = "current"
    """For medicines, classes and regimens: ``current``, ``stopped_recently`` (kept),
    ``future`` or ``past`` (shown, not screened; :mod:`acupath.answer.timing`)."""

    @property
    def label(self) -> str:
        """``class:anticoagulant``, ``pregnant``, ``platelets:20``, ``red_flag:fever`` ..."""
        if self.kind in (
            "pregnant",
            "needle_phobia",
            "postpartum",
            "breastfeeding",
            "past_pregnancy",
        ):
            return self.kind
        return f"{self.kind}:{self.value}"

    @property
    def current(self) -> bool:
        """Whether the fact holds now (a future or past medicine does not; a red flag that is
        the topic of an evidence question is no patient's)."""
        return self.status not in NOT_CURRENT and self.status not in (TOPIC, OTHER_PERSON, SUPPOSED)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "value": self.value,
            "words": self.words,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
        }
        if self.detail:
            out["detail"] = dict(self.detail)
        if self.status != "current":
            out["status"] = self.status
        return out


@dataclass(frozen=True)
class PatientContext:
    """Everything a question says about its patient (see the module docstring)."""

    mentions: tuple[Mention, ...] = ()
    problems: tuple[str, ...] = ()
    """Values the question gives that acupath could not use (an impossible lab value...)."""
    patient_classes: frozenset[str] = frozenset()
    """Drug classes whose mention makes the question about a particular patient."""

    @property
    def applied(self) -> tuple[Mention, ...]:
        """Mentions that stand: not negated and not a future or past medicine (hypotheticals
        stand: the question asks about them)."""
        return tuple(m for m in self.mentions if not m.negated and m.current)

    @property
    def describes_patient(self) -> bool:
        """Whether the question describes a particular patient. Sex, a cancer named as a
        population ("anxiety in cancer patients") or an analgesic alone do not; a screened drug
        class, a lab value, pregnancy, age, a device, a red flag... do (even when denied: "not
        pregnant" describes the patient too)."""
        return any(self.about_patient(m) for m in self.mentions)

    def about_patient(self, m: Mention) -> bool:
        """Whether one mention describes the particular patient (see describes_patient)."""
        if m.kind == "sex" or (m.kind == "cancer" and m.value == "any"):
            return False
        if m.status in (TOPIC, OTHER_PERSON, SUPPOSED):
            return False
        if m.kind in ("medicine", "regimen"):
            return bool(set(m.detail.get("classes", ())) & self.patient_classes)
        if m.kind == "class":
            return m.value in self.patient_classes
        return True

    def labels(self) -> set[str]:
        """Labels of the facts that stand, with what they imply (``medicine:apixaban`` also
        gives ``class:anticoagulant``; a lymphoedema of both arms gives both limbs)."""
        out: set[str] = set()
        for m in self.applied:
            out.add(m.label)
            if m.kind in ("medicine", "regimen"):
                out.update(f"class:{c}" for c in m.detail.get("classes", ()))
            elif m.kind == "lymphedema":
                out.update(f"lymphedema:{limb}" for limb in m.detail.get("limbs", ()))
            elif m.kind == "lab":
                out.add(m.value)
            elif m.kind in ("radiation", "skin_lesion"):
                out.update(f"{m.kind}:{site}" for site in m.detail.get("sites", ()))
            if m.kind == "red_flag" and "cd4" in m.detail:
                out.add(f"cd4:{fmt(m.detail['cd4'])}")  # a low CD4 names its count too (wave 8)
        out.update(f"treatment:{t}" for t in self.cancer_treatments())
        # a past course of radiotherapy is no treatment now, but its field stays irradiated
        for m in self.mentions:
            if m.kind == "radiation" and m.status == PAST and not m.negated:
                out.add(m.label)
                out.update(f"radiation:{site}" for site in m.detail.get("sites", ()))
        return out

    def drug_classes(self) -> set[str]:
        """Drug classes of the medicines and class words that stand."""
        out: set[str] = set()
        for m in self.applied:
            if m.kind in ("medicine", "regimen"):
                out.update(m.detail.get("classes", ()))
            elif m.kind == "class":
                out.add(m.value)
        return out

    def cancer_treatments(self) -> tuple[str, ...]:
        """Cancer treatments under way or recent (``chemotherapy``, ``radiotherapy`` ...)."""
        classes = self.drug_classes()
        out: list[str] = []
        chemo_words = any(
            m.kind == "cancer"
            and m.value == "on_treatment"
            # "AML in induction": the phases of leukaemia chemotherapy are chemotherapy (wave 7)
            and any(w in m.words.lower() for w in ("chemo", "induction", "consolidation"))
            for m in self.applied
        )
        # "platelets ... on the next cycle": a cycle with blood counts is a chemotherapy cycle
        counts = any(m.kind == "lab" and m.detail.get("lab") in _COUNT_LABS for m in self.applied)
        cycle_words = counts and any(
            m.kind == "cancer"
            and m.value == "on_treatment"
            and any(w in m.words.lower() for w in ("cycle", "nadir", "infusion", "round"))
            for m in self.applied
        )
        # methotrexate for RA: a drug that is both a chemotherapy and an immunosuppressant is
        # cancer treatment only beside a cancer word (wave 5); the medicine itself still
        # reaches the screen
        chemo = {"chemotherapy", "neurotoxic_chemotherapy"}
        dual_only = all(self._dual(m) for m in self.applied if self._chemo(m))
        if classes & chemo and not self._cancer_named() and dual_only:
            classes = classes - chemo
        # the formulary classes methotrexate as an immunosuppressant only (its weekly arthritis
        # dose); beside a cancer word, a drug that an anticancer regimen contains is anticancer
        # treatment (regimens.yaml: CMF holds methotrexate), so a fever on it stays the
        # neutropenic-sepsis emergency
        anticancer = {d for r in regimens().regimens for d in r.drugs}
        in_regimen = any(m.kind == "medicine" and m.value in anticancer for m in self.applied)
        if in_regimen and self._cancer_named():
            classes = classes | {"chemotherapy"}
        if classes & chemo or chemo_words or cycle_words:
            out.append("chemotherapy")
        if any(m.kind == "radiation" for m in self.applied):
            out.append("radiotherapy")
        for cls in ("aromatase_inhibitor", "hormone_therapy", "immunotherapy"):
            if cls in classes:
                out.append(cls)
        return tuple(out)

    def _cancer_named(self) -> bool:
        return any(m.kind in ("cancer", "radiation", "regimen") for m in self.applied)

    @staticmethod
    def _chemo(m: Mention) -> bool:
        if m.kind == "class":
            return m.value in ("chemotherapy", "neurotoxic_chemotherapy")
        classes = set(m.detail.get("classes", ())) if m.kind in ("medicine", "regimen") else set()
        return bool(classes & {"chemotherapy", "neurotoxic_chemotherapy"})

    @staticmethod
    def _dual(m: Mention) -> bool:
        return m.kind == "medicine" and "immunosuppressant" in m.detail.get("classes", ())

    def negated_labels(self) -> set[str]:
        """Labels of the negated facts, with the drug classes a negated medicine implies
        ("denies any blood thinners" negates ``class:anticoagulant`` whether the formulary
        reads it as a class word or as its ``unspecified_anticoagulant`` entry)."""
        out: set[str] = set()
        for m in self.mentions:
            if not m.negated or m.status == OTHER_PERSON:
                continue  # a denial about another person says nothing of the patient
            out.add(m.label)
            if m.kind == "medicine":
                out.update(f"class:{c}" for c in m.detail.get("classes", ()))
        return out

    def shown(self) -> tuple[Mention, ...]:
        """The mentions worth listing to a reader: no sex, no age band derived from an age, and
        no bare "pregnant" inside a "10 weeks pregnant" that already says it."""
        weeks = [m for m in self.mentions if m.kind == "weeks"]
        out: list[Mention] = []
        # two readings of one statement ("I'm 10 weeks" and "10 weeks pregnant" in "I'm 10
        # weeks pregnant") are listed once, by the longer span
        longest_first = sorted(self.mentions, key=lambda m: m.start - m.end)
        for m in longest_first:
            if m.kind == "sex" or (m.kind == "age_band" and "from" in m.detail):
                continue
            if m.kind == "pregnant" and any(w.start <= m.start and m.end <= w.end for w in weeks):
                continue
            if any(_same_reading(m, o) for o in out):
                continue
            out.append(m)
        return tuple(sorted(out, key=lambda m: m.start))

    def values(self, kind: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.value for m in self.applied if m.kind == kind))

    def first(self, kind: str) -> Mention | None:
        return next((m for m in self.applied if m.kind == kind), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "facts": [m.as_dict() for m in self.mentions],
            "shown": [m.as_dict() for m in self.shown()],
            "applied": sorted(self.labels()),
            "negated": sorted(self.negated_labels()),
            "problems": list(self.problems),
        }


@dataclass(frozen=True)
class _Tok:
    word: str  # folded word or punctuation
    key: str  # stem used for matching
    start: int
    end: int


_FOLD = str.maketrans({"-": " ", "_": " ", "–": " ", "—": " "})


def fold(text: str) -> str:
    """Lower case without accents, hyphens as spaces; same length as ``text``."""
    low = text.lower()
    if low.isascii():
        return low.translate(_FOLD)
    out = []
    for ch in low:
        if ch == "µ":
            out.append("µ")
            continue
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c)) or ch
        out.append(" " if ch in "-_–—" else base[0])
    return "".join(out)


def tokenize(text: str) -> list[_Tok]:
    """Words and punctuation of ``text`` with their character offsets."""
    folded = fold(text)
    toks = []
    for m in _TOKEN.finditer(folded):
        word = m.group(0)
        key = tx.stem(word) if word[0].isalnum() else word
        toks.append(_Tok(word, key, m.start(), m.end()))
    return toks


def word_keys(text: str) -> list[tuple[str, str]]:
    """(word, stem) of each word of ``text``, as :func:`tokenize` reads them, without offsets or
    punctuation: the cheap form for building vocabularies from thousands of phrases."""
    out = []
    for m in _TOKEN.finditer(fold(text)):
        word = m.group(0)
        if word[0].isalnum():
            out.append((word, tx.stem(word)))
    return out


_QUOTE_MARKS = frozenset({"'", "’", '"', "“", "”"})
"""Marks that are no word of a phrase: apostrophes and double quotes."""


@functools.lru_cache(maxsize=16384)
def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(phrase) if t.word not in _QUOTE_MARKS)


_CONTRACTIONS = {
    w.replace("'", ""): w
    for w in (
        "can't", "don't", "won't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't",
        "haven't", "hasn't", "hadn't", "couldn't", "wouldn't", "shouldn't", "i'm", "i've",
        "you're", "they're", "that's", "what's", "she's",
    )
}  # fmt: skip
"""Contractions people type without the apostrophe ("cant pass urine", "dont", "im"), keyed by
that form; words that are also ordinary words ("its", "well", "were", "hell") are left out."""


def _keys(phrase: str) -> set[tuple[str, ...]]:
    """The token key of ``phrase`` and of its other spelling of contractions: "can't pee" is
    also "cant pee", and "dont have" also "don't have" (the tokens of "can't" are ``can t``)."""
    words = phrase.replace("’", "'").split(" ")
    other = " ".join(_CONTRACTIONS.get(w.lower(), w) if "'" not in w else w.replace("'", "")
                     for w in words)  # fmt: skip
    return {_key(phrase), _key(other)}


@dataclass(frozen=True)
class _Entry:
    kind: str
    value: str


class Extractor:
    """Patient-context extraction over one lexicon; build once, call many times."""

    def __init__(self, words: PatientWords | None = None, formulary: Any = None) -> None:
        self.words = words or patient_words()
        if formulary is None:
            from acupath.care.medications import bundled_formulary

            formulary = bundled_formulary()
        self.formulary = formulary
        entries: list[tuple[tuple[str, ...], _Entry]] = []

        def add(kind: str, value: str, phrases: Iterable[str]) -> None:
            entries.extend((k, _Entry(kind, value)) for p in phrases for k in _keys(p))

        w = self.words
        for name, drug_id in formulary.names.items():
            drug_classes = sorted(formulary.drugs[drug_id].classes)
            if drug_id.startswith("unspecified_") and len(drug_classes) == 1:
                # "blood thinners" names a class, not a drug: read it as the class word it is
                add("class", drug_classes[0], [name])
            else:
                add("medicine", drug_id, [name])
        for cls, phrases in w.medicine_classes.items():
            add("class", cls, phrases)
        add("pregnant", "yes", w.pregnancy)
        add("trimester", "first", w.first_trimester)
        add("trimester", "later", w.later_trimester)
        for band, phrases in w.age_bands.items():
            add("age_band", band, phrases)
        for device, phrases in w.devices.items():
            add("device", device, phrases)
        add("lymphedema", "", w.lymphedema.lymphedema)
        add("lymphedema", "arm", w.lymphedema.arm)
        add("lymphedema", "leg", w.lymphedema.leg)
        add("radiotherapy", "", w.radiotherapy)
        add("cancer", "active", w.cancer.active)
        add("cancer", "history", w.cancer.history)
        add("cancer", "any", w.cancer.any)
        add("cancer", "on_treatment", w.cancer.on_treatment)
        for flag, phrases in w.red_flags.items():
            add("red_flag", flag, phrases)
        for cond, phrases in w.comorbidities.items():
            add("comorbidity", cond, phrases)
        add("needle_phobia", "yes", w.needle_phobia)
        add("breastfeeding", "yes", w.breastfeeding)
        add("skin_lesion", "", w.skin_lesions)
        for sex, phrases in w.sex.items():
            add("sex", sex, phrases)
        self.table = tx.PhraseTable(entries)
        relations = sorted(
            {fold(x) for r in w.people.relations.values() for x in r.words}, key=len, reverse=True
        )
        self._owners = re.compile(
            _OWNERSHIP + r"|\b(?:" + "|".join(re.escape(r) for r in relations) + r")\b"
        )
        # a relative as the subject of a clause ("my wife she is pregnant"); a clinician's
        # patient is never set aside: a note about "my patient" is that patient's
        kin = sorted(
            {
                fold(x)
                for rel, r in w.people.relations.items()
                if rel not in _NEVER_OTHER
                for x in r.words
            },
            key=len,
            reverse=True,
        )
        self._kin_subject = re.compile(
            r"\b(?:my|our)\s+(?:"
            + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in kin)
            + r")(?:s|['’]s)?\b"  # "my kids are 3 and 5" (wave 6)
        )
        areas = {**w.body_sites, **w.extra_body_sites}
        sites = [(_key(p), area) for area, ps in areas.items() for p in ps]
        self.sites = tx.PhraseTable(sites)
        limbs = [(_key(p), limb) for limb, ps in w.lymphedema.limbs.items() for p in ps]
        self.limbs = tx.PhraseTable(limbs)
        self.combinations = [
            (
                _Entry(c.kind, c.value),
                [tx.PhraseTable((k, p) for p in g for k in _keys(p)) for g in c.all_of],
                tx.PhraseTable((k, p) for p in c.none_of for k in _keys(p)),
                c.window,
            )
            for c in w.combinations
        ]
        self.triggers = Triggers(
            negation_before=tuple(k for p in w.negation.before for k in _keys(p)),
            negation_after=tuple(k for p in w.negation.after for k in _keys(p)),
            negation_after_near=tuple(k for p in w.negation.after_near for k in _keys(p)),
            pseudo=tuple(k for p in w.negation.pseudo for k in _keys(p)),
            hypothetical_before=tuple(k for p in w.hypothetical.before for k in _keys(p)),
            terminate=tuple(k for p in w.terminate for k in _keys(p)),
        )

    # -- the pass over one question -------------------------------------------------------------

    def __call__(self, text: str, *, protected: Sequence[tuple[int, int]] = ()) -> PatientContext:
        """The patient context of ``text``; ``protected`` character ranges (condition names
        such as "chemotherapy-induced nausea") are not read as patient facts."""
        toks = tokenize(text)
        keys = [t.key for t in toks]
        folded = fold(text)
        found: list[tuple[int, int, _Entry]] = []
        # apostrophes are not part of phrase keys ("can't pee" is can + t + pee; wave 6), nor
        # are double quotes, so a quoted use reads as the phrase ('on the "thinners"'; wave 22)
        kept = [i for i, t in enumerate(toks) if t.word not in _QUOTE_MARKS]
        for start, key, entry in self.table.find([keys[i] for i in kept]):
            found.append((kept[start], kept[start + len(key) - 1] + 1, entry))
        found = _longest(found)
        found = [
            f
            for f in found
            if not (
                f[2].kind in _PROTECTABLE
                and _inside(toks[f[0]].start, toks[f[1] - 1].end, protected)
                # "so sick from the chemo", "nausea from her chemo": an owned treatment is the
                # patient's, inside a condition name or not (wave 7)
                and not (f[2].kind == "class" and f[0] and toks[f[0] - 1].word in _OWNERS)
                # "AI joint pain (anastrozole)": a medicine in brackets after a condition names
                # the patient's own medicine (probe 10, p10108), as an owner word does
                and not (f[2].kind in ("medicine", "class") and _bracketed(toks, f[0], f[1], text))
                # "the joint pain from anastrozole is bad in my hands": a named medicine given
                # as the cause of someone's complaint is theirs (wave 17, h14107)
                and not (f[2].kind == "medicine" and _named_cause(toks, f[0], f[1], text))
            )
            and not _cause_word(f, toks)
            and not _aids_not_the_disease(f, toks)
        ]
        # deposits first: a combination's wide span ("myeloma ... thoracic spine") must not
        # hide the tumour inside it
        found += self._deposits(folded, toks, found)
        found += self._combined(keys, toks, found)
        mentions: list[Mention] = []
        spans: list[Span] = []
        problems: list[str] = []
        for start, end, entry in found:
            s, e = toks[start].start, toks[end - 1].end
            m = self._mention(entry, text, s, e, toks, start, end)
            if m is not None:
                mentions.append(m)
                spans.append(Span(start, end, _family(m.kind)))
        mentions, spans = self._wave4(folded, text, toks, mentions, spans, protected)
        for m in _node_clearances(folded, text):
            if any(_overlaps(m.start, m.end, [(o.start, o.end)]) for o in mentions):
                continue
            first = next((i for i, t in enumerate(toks) if t.end > m.start), len(toks) - 1)
            last = next((i for i, t in enumerate(toks) if t.start >= m.end), len(toks))
            mentions.append(m)
            spans.append(Span(first, max(first + 1, last), "lymphedema"))
        for a in assessments(text):  # "MRI clear, oncology happy": the intake's evaluated
            first = next((i for i, t in enumerate(toks) if t.end > a.start), len(toks) - 1)
            last = next((i for i, t in enumerate(toks) if t.start >= a.end), len(toks))
            mentions.append(
                Mention("assessed", "evaluated", a.words, a.start, a.end, detail={"by": a.by})
            )
            spans.append(Span(first, max(first + 1, last), "assessed"))
        numbers = self._numbers(folded, text, problems)
        measured = [(m.start, m.end) for m in numbers if "fever" in m.detail]
        if measured:  # a measured temperature decides fever, not the word "temperature"
            keep = [
                i
                for i, m in enumerate(mentions)
                if not (m.label == "red_flag:fever" and _inside(m.start, m.end, measured))
            ]
            mentions = [mentions[i] for i in keep]
            spans = [spans[i] for i in keep]
        ended = [(m.start, m.end) for m in mentions if m.kind == "past_pregnancy"]
        for m in numbers:
            if m.kind == "weeks" and _overlaps(m.start, m.end, ended):
                continue  # "lost the pregnancy at 11 weeks": the ended pregnancy's (wave 7)
            first = next((i for i, t in enumerate(toks) if t.end > m.start), len(toks) - 1)
            mentions.append(m)
            spans.append(Span(first, first + 1, _family(m.kind)))
        bounds = [i for i, t in enumerate(toks) if t.word in SENTENCE_END]
        negated, hypothetical = governed(keys, bounds, spans, self.triggers)
        out = []
        for i, m in enumerate(mentions):
            # an assessment's own grammar reads its result ("no mets" is a clear result)
            neg = i in negated and m.kind not in ("sex", "age", "age_band", "lab", "assessed")
            if m.detail.get("denied"):
                neg = True  # "negative test this morning": a pregnancy test that says no
            if m.detail.get("fever") is False:
                neg = True  # a normal temperature, measured or stated ("afebrile")
            out.append(
                Mention(
                    m.kind,
                    m.value,
                    m.words,
                    m.start,
                    m.end,
                    neg,
                    i in hypothetical,
                    m.detail,
                    m.status,
                )
            )
        out = _timed(out, folded)
        out = class_words_of_medicines(out, folded)  # "blood thinners like Plavix" (wave 8)
        out = _denied_possible(out)
        out = _stated_weeks_first(out)
        out = _worn_off(out)
        out = _derive(out)
        out = _not_a_life_stage_now(out, folded)
        out = _topics(out, folded, self._owners)
        out = _resolved(out, folded)
        out = _intended_weight_loss(out, folded)
        out = _uncorroborated_treatment(out, folded)  # wave 11: "iron infusion", "my cycle"
        out = _childhood_bedwetting(out, folded)  # wave 12: "my 8 year old wets the bed"
        out = _populations(out, folded)
        out = service_topics(out, folded, TOPIC)
        out = removed_devices(out, folded, PAST)
        out = finished_treatments(out, folded, PAST)
        out = dated_cancers(out, folded)  # wave 9: "Breast cancer 2020." is a history
        out = earlier_neutropenia(out, folded, PAST)
        out = babys_ages(out, folded, OTHER_PERSON)
        out = _people_on(out, folded)
        out = _denied_beats_topic(out, folded)
        out = _no_patient(out, folded)
        from acupath.answer.other_people import others  # it imports this module's names

        out = others(out, folded, self._kin_subject)
        out = _flags_in_context(out, folded)  # wave 7: moving in bed, CTS, if, kin, topics
        out = supposed(out, folded, FIRST_PERSON)  # wave 8: "if he were on", "not mine", general
        out = _own_weeks(out)
        out = _one_state(out)
        out.sort(key=lambda m: m.start)
        return PatientContext(tuple(out), tuple(problems), frozenset(self.words.patient_classes))

    def _deposits(
        self, folded: str, toks: list[_Tok], found: list[tuple[int, int, _Entry]]
    ) -> list[tuple[int, int, _Entry]]:
        """A deposit or lesion placed at a body site in a question that names a cancer
        ("myeloma with deposits in the thoracic spine", "breast cancer, a lesion at L2"):
        the tumour the screen keeps needles off (wave 6). Without a cancer word a deposit is
        not read ("calcium deposits in my shoulder")."""
        if not _ONCOLOGY.search(folded):
            return []
        out: list[tuple[int, int, _Entry]] = []
        for i, t in enumerate(toks):
            if t.word not in _DEPOSIT_WORDS or any(a <= i < b for a, b, _ in found):
                continue
            j = i + 1
            if j >= len(toks) or toks[j].word not in _PLACE_WORDS:
                continue
            j += 1
            while j < len(toks) and toks[j].word in _DETERMINERS:
                j += 1
            if any(h[0] == 0 for h in self.sites.find([x.key for x in toks[j : j + 4]])):
                out.append((i, i + 1, _Entry("cancer", "active")))
        return out

    def _combined(
        self, keys: list[str], toks: list[_Tok], found: list[tuple[int, int, _Entry]]
    ) -> list[tuple[int, int, _Entry]]:
        """Facts stated by one phrase of every group of a combination in one sentence (see
        ``combinations`` in ``data/answer/patient.yaml``), unless a phrase found already
        states them. A phrase right after a negation word ("not hot") does not count, and a
        sentence holding one of the combination's ``none_of`` phrases does not state it."""
        have = {(f[2].kind, f[2].value) for f in found}
        out: list[tuple[int, int, _Entry]] = []
        cuts = [-1, *(i for i, t in enumerate(toks) if t.word in SENTENCE_END), len(toks)]
        negations = self.triggers.negation_before
        windows: dict[tuple[int, int], tuple[list[int], list[str]]] = {}
        for n in range(len(cuts) - 1):
            for entry, groups, unless, window in self.combinations:
                # a window of w sentences: this sentence and the w - 1 after it
                lo, hi = cuts[n], cuts[min(n + window, len(cuts) - 1)]
                if (lo, hi) not in windows:
                    # apostrophes are not part of phrase keys ("can't" is can + t)
                    kept = [i for i in range(lo + 1, hi) if toks[i].word not in ("'", "’")]
                    windows[lo, hi] = kept, [keys[i] for i in kept]
                idx, sentence = windows[lo, hi]
                if (entry.kind, entry.value) in have or unless.find(sentence):
                    continue
                spans: list[tuple[int, int]] = []
                for table in groups:
                    hits = [
                        (a, a + len(k))
                        for a, k, _ in table.find(sentence)
                        if not any(tuple(sentence[max(0, a - len(t)) : a]) == t for t in negations)
                        and not denied_or_item(sentence, a, negations)
                    ]
                    if not hits:
                        break
                    spans.append(hits[0])
                else:
                    first = idx[min(a for a, _ in spans)]
                    last = idx[max(b for _, b in spans) - 1] + 1
                    out.append((first, last, entry))
                    have.add((entry.kind, entry.value))
        return out

    def _mention(
        self,
        entry: _Entry,
        text: str,
        s: int,
        e: int,
        toks: list[_Tok],
        start: int,
        end: int,
    ) -> Mention | None:
        kind, value = entry.kind, entry.value
        words = text[s:e]
        if kind == "medicine":
            classes = sorted(self.formulary.drugs[value].classes)
            return Mention("medicine", value, words, s, e, detail={"classes": classes})
        if kind == "class":
            return Mention("class", value, words, s, e)
        if kind == "device":
            near = self._site_near(toks, end, after=6)
            if near and _NOT_THE_DEVICES_SITE.search(text, e, near[1]):
                near = None  # "a PPM and knee OA": the knee is the complaint, not the device's
            detail = {"site": near[0]} if near else {}
            return Mention("device", value, words, s, e, detail=detail)
        if kind == "lymphedema":
            limb = value or self._limb_near(toks, start, end)
            side = side_near(toks, start, end)
            if limb is None:
                # wave 17 (p12032 "my wife's right leg has been swollen like a balloon since her
                # womb cancer surgery, the nurse calls it lymphoedema"): the limb named as the
                # subject of the swelling earlier in the sentence, with its own side
                far = self._limb_in_sentence(toks, start)
                if far is not None:
                    limb, side = far[0], side or side_near(toks, far[1], far[1] + 1)
            if limb is None:
                limb = "arm"  # lymphoedema without a limb named: the arm, the common case
            sides = (side,) if side else ("left", "right")
            return Mention(
                "lymphedema",
                f"{sides[0]}_{limb}" if len(sides) == 1 else f"both_{limb}",
                words,
                s,
                e,
                detail={"limbs": [f"{sd}_{limb}" for sd in sides], "side_stated": bool(side)},
            )
        if kind == "radiotherapy":
            if _not_radiotherapy(text, toks, start, end):
                return None
            # wave 9: the field inside the phrase first ("pelvic RT", "chest wall RT")
            inner = self._sites_near(toks, start, reach=end - start) if end - start > 1 else []
            fields = inner or self._sites_near(toks, end) or self._sites_near(toks, start, before=4)
            if not fields:
                return Mention("radiation", "unspecified", words, s, e)
            s2, e2 = min(s, fields[0][1]), max(e, fields[-1][2])
            # a field in the neck is the whole neck, whatever side is named ("DXT to the L
            # cervical nodes"): clinic policy, head and neck fields often cross the midline and
            # the neck is too narrow for a side to be a safe margin (wave 7)
            names = list(dict.fromkeys(_WHOLE_FIELD.get(n, n) for n, _, _ in fields))
            extra: dict[str, Any] = {"sites": names} if len(names) > 1 else {}
            return Mention("radiation", names[0], text[s2:e2], s2, e2, detail=extra)
        if kind == "skin_lesion":
            return self._skin_lesion(text, s, e, toks, start, end)
        if kind == "cancer" and value == "active":
            return self._tumour(text, s, e, toks, start, end)
        if kind == "trimester":
            return Mention("pregnant", "yes", words, s, e, detail={"trimester": value})
        return Mention(kind, value, words, s, e)

    def _site_hits(self, window: Sequence[_Tok]) -> list[tuple[int, tuple[str, ...], str]]:
        """Body sites named in ``window``; "hand" before "side" ("the left hand side of my
        neck") names none."""
        return [
            h
            for h in self.sites.find([t.key for t in window])
            if not (
                h[0] + len(h[1]) < len(window)
                and window[h[0] + len(h[1])].word in ("side", "sided")
            )
        ]

    def _site_near(
        self, toks: list[_Tok], pos: int, *, after: int = 0, before: int = 0
    ) -> tuple[str, int, int] | None:
        """The body site named near token ``pos``: (site, first char, last char)."""
        lo, hi = (pos, pos + after) if after else (max(0, pos - before), pos)
        window = toks[lo:hi]
        if after:
            cut = next((i for i, t in enumerate(window) if t.word in SENTENCE_END), len(window))
            window = window[:cut]
        else:
            cut = max((i for i, t in enumerate(window) if t.word in SENTENCE_END), default=-1)
            lo += cut + 1
            window = window[cut + 1 :]
        hits = self._site_hits(window)
        if not hits:
            return None
        start, key, area = max(hits, key=lambda h: (len(h[1]), -h[0]))
        side = None
        first = window[start].start
        back = start
        while back > 0 and window[back - 1].word in _SIDE_FILLERS:
            back -= 1  # "right side of the chest", "left hand side of my neck"
        for t in window[max(0, min(start - 2, back - 1)) : start]:
            if t.word in ("left", "right", "l", "r", "lt", "rt"):  # "DXT to L breast"
                side = SIDES[t.word]
                first = min(first, t.start)
        name = f"{side}_{area}" if side else area
        return name, first, window[start + len(key) - 1].end

    def _skin_lesion(
        self, text: str, s: int, e: int, toks: list[_Tok], start: int, end: int
    ) -> Mention:
        """Broken, infected or inflamed skin and its site (probe F3): the body word after it
        ("ulcer on my right big toe") or just before it ("left leg cellulitis"); ``unspecified``
        when none is named, which excludes no site."""
        near = self._sites_near(toks, end, reach=_SITE_REACH) or self._sites_near(
            toks, start, before=3
        )
        if not near:
            return Mention("skin_lesion", "unspecified", text[s:e], s, e)
        s2, e2 = min(s, near[0][1]), max(e, near[-1][2])
        names = [n for n, _, _ in near]
        return Mention("skin_lesion", names[0], text[s2:e2], s2, e2, detail={"sites": names})

    def _tumour(self, text: str, s: int, e: int, toks: list[_Tok], start: int, end: int) -> Mention:
        """Active cancer and, when the words place it, the body site of the tumour (wave 5):
        a site right before it ("spinal tumour", "spine mets") or after a place word ("a
        tumour on his spine", "mets in the spine", "metastases to the lumbar spine"). The
        screen keeps needles off a tumour's site (``tumour_sites``)."""
        sites: list[str] = []
        first, last = s, e
        j = end
        if j < len(toks) and toks[j].word in _PLACE_WORDS:
            j += 1
            while j < len(toks) and toks[j].word in _DETERMINERS:
                j += 1
            hits = [h for h in self.sites.find([t.key for t in toks[j : j + 4]]) if h[0] == 0]
            if hits:
                _, key, area = max(hits, key=lambda h: len(h[1]))
                sites.append(area)
                last = toks[j + len(key) - 1].end
        if not sites and start:
            for n in (3, 2, 1):
                lo = start - n
                if lo < 0:
                    continue
                hits = self.sites.find([t.key for t in toks[lo:start]])
                if hits and hits[0][0] == 0 and len(hits[0][1]) == n:
                    sites.append(hits[0][2])
                    first = toks[lo].start
                    break
        if not sites and start:
            # wave 10 (h9048): "pain in my chest wall where the tumour is" places the tumour at
            # the site named right before "where"
            j = start
            while j > 0 and toks[j - 1].word in _DETERMINERS:
                j -= 1
            if j > 0 and toks[j - 1].word == "where":
                near = self._site_near(toks, j - 1, before=5)
                if near:
                    sites.append(near[0])
                    first = min(first, near[1])
        detail: dict[str, Any] = {"sites": sites} if sites else {}
        return Mention("cancer", "active", text[first:last], first, last, detail=detail)

    def _sites_near(
        self, toks: list[_Tok], pos: int, *, before: int = 0, reach: int = 6
    ) -> list[tuple[str, int, int]]:
        """Every body site of a coordinated phrase near token ``pos`` (probe F8): "head and
        neck", "the left chest wall and axilla", "pelvis, lower back and groin", "neck/chest".
        The first site is the one :meth:`_site_near` finds; each next one follows a comma, "and",
        "/", "&" or "plus" (with "the", "both" or a side between), and takes the side of the one
        before it unless it names its own ("left chest wall and axilla": both on the left)."""
        if before:
            first = self._site_near(toks, pos, before=before)
        else:
            # the earliest site after the word, not the longest: "the pelvis and lower back"
            # an apostrophe and its clitic are tokens of their own ("that ' s"): they take no
            # word of the reach
            reach += 2 * sum(t.word in ("'", "’") for t in toks[pos : pos + reach])
            window = toks[pos : pos + reach]
            cut = next((i for i, t in enumerate(window) if t.word in SENTENCE_END), len(window))
            # a clause turning to something else ends the search for the first site: "finished
            # in May and now my knee hurts" names the complaint, not the field (wave 7); "and"
            # between two words of how skin looks turns nothing ("cracked and weeping on my
            # right lower leg"; wave 8)
            cut = next(
                (
                    i
                    for i, t in enumerate(window[:cut])
                    if t.word in _TURNS
                    and not (
                        t.word == "and"
                        and i + 1 < len(window)
                        and window[i + 1].word in _SKIN_LOOKS
                    )
                ),
                cut,
            )
            hits = self._site_hits(window[:cut])
            if not hits:
                return []
            h = min(hits, key=lambda h: (h[0], -len(h[1])))
            after = h[0] + len(h[1])
            comma = any(t.word == "," for t in window[: h[0]])
            nxt = pos + after
            if comma and nxt < len(toks) and toks[nxt].key in _COMPLAINT_KEYS:
                # "having radiotherapy, low back pain": past a comma a site with a pain word
                # is the complaint, not the field (wave 5)
                return []
            first = self._site_near(toks, pos, after=after)
        if first is None:
            return []
        out = [first]
        i = next((k + 1 for k, t in enumerate(toks) if t.end == first[2]), len(toks))
        side = first[0].split("_", 1)[0] if first[0].startswith(("left_", "right_")) else None
        while i < len(toks) and toks[i].word in _JOINERS:
            j = i + 1
            while j < len(toks) and toks[j].word in _JOINERS | {"the", "both", "her", "his", "my"}:
                j += 1
            own = toks[j].word if j < len(toks) and toks[j].word in ("left", "right") else None
            k = j + 1 if own else j
            hits = [h for h in self.sites.find([t.key for t in toks[k : k + 4]]) if h[0] == 0]
            if not hits:
                break
            _, key, area = max(hits, key=lambda h: len(h[1]))
            if k + len(key) < len(toks) and toks[k + len(key)].key in _COMPLAINT_KEYS:
                break  # "radiation to the pelvis, and neck ache": the complaint, not the field
            side = own or side
            name = f"{side}_{area}" if side else area
            last = toks[k + len(key) - 1]
            out.append((name, toks[j].start, last.end))
            i = k + len(key)
        return list({n: (n, a, b) for n, a, b in out}.values())

    def _limb_near(self, toks: list[_Tok], start: int, end: int) -> str | None:
        window = toks[max(0, start - 5) : end + 6]
        hits = self.limbs.find([t.key for t in window])
        return hits[0][2] if hits else None

    def _limb_in_sentence(self, toks: list[_Tok], start: int) -> tuple[str, int] | None:
        """The last limb named before token ``start`` in its sentence, with its position."""
        lo = start
        while lo > 0 and toks[lo - 1].word not in SENTENCE_END:
            lo -= 1
        hits = self.limbs.find([t.key for t in toks[lo:start]])
        return (hits[-1][2], lo + hits[-1][0]) if hits else None

    def _wave4(
        self,
        folded: str,
        text: str,
        toks: list[_Tok],
        mentions: list[Mention],
        spans: list[Span],
        protected: Sequence[tuple[int, int]],
    ) -> tuple[list[Mention], list[Span]]:
        """Chemotherapy regimens (:mod:`.regimens`) and pregnancy stated without the word
        (:mod:`.pregnancy`), added before negation so "not on FOLFOX" is denied too. A regimen
        replaces a class word inside it ("R-CHOP"); a birth drops a pregnancy word inside its
        phrase ("after her pregnancy")."""
        extra: list[Mention] = []
        for r in find_regimens(folded, self.formulary):
            if _inside(r.start, r.end, protected):
                continue
            detail: dict[str, Any] = {"drugs": list(r.regimen.drugs), "classes": list(r.classes)}
            if r.regimen.not_screened:
                detail["not_screened"] = list(r.regimen.not_screened)
            extra.append(
                Mention("regimen", r.regimen.id, text[r.start : r.end], r.start, r.end,
                        detail=detail)
            )  # fmt: skip
        # wave 6 (meds): a misspelt drug name or class word, or an unknown name read by INN stem
        taken = [(m.start, m.end) for m in [*mentions, *extra]] + list(protected)
        for u in read_unknown(folded, self.formulary, taken=taken, is_word=is_english,
                              class_words=self.words.medicine_classes):  # fmt: skip
            extra += [Mention(k, v, text[u.start : u.end], u.start, u.end, detail=d)
                      for k, v, d in mention_parts(u)]  # fmt: skip
        births = []
        for p in find_pregnancy(folded):
            if p.kind == "pregnancy_topic":
                births.append((p.start, p.end))  # hides the word, states nothing
                continue
            if p.kind == "past_pregnancy":
                # "termination of pregnancy in 2019", "when I was pregnant with my son": a
                # pregnancy that has ended hides the pregnancy word inside it, and is shown as
                # a fact of the patient no screening rule reads (wave 6)
                births.append((p.start, p.end))
            if p.kind == "postpartum":
                births.append((p.start, p.end))
            elif any(
                _overlaps(p.start, p.end, [(m.start, m.end)])
                for m in mentions
                if m.kind == "weeks" or (m.kind == "pregnant" and p.kind == "pregnant")
            ):
                continue
            extra.append(Mention(p.kind, p.value, text[p.start : p.end], p.start, p.end,
                                 detail=p.detail))  # fmt: skip
        if not extra and not births:
            return mentions, spans
        covered = [(m.start, m.end) for m in extra if m.kind == "regimen"]
        keep = [
            i
            for i, m in enumerate(mentions)
            if not (m.kind in ("class", "medicine") and _overlaps(m.start, m.end, covered))
            and not (m.kind in ("pregnant", "weeks") and _overlaps(m.start, m.end, births))
        ]
        mentions = [mentions[i] for i in keep]
        spans = [spans[i] for i in keep]
        for m in extra:
            if m.kind in ("pregnant", "weeks") and _overlaps(m.start, m.end, births):
                continue
            first = next((i for i, t in enumerate(toks) if t.end > m.start), len(toks) - 1)
            last = next((i for i, t in enumerate(toks) if t.start >= m.end), len(toks))
            mentions.append(m)
            spans.append(Span(first, max(first + 1, last), _family(m.kind)))
        return mentions, spans

    def _numbers(self, folded: str, text: str, problems: list[str]) -> list[Mention]:
        out: list[Mention] = [
            Mention("age", str(a.value), text[a.start : a.end], a.start, a.end)
            for a in find_ages(text)
        ]
        out += [
            Mention("weeks", str(w.value), text[w.start : w.end], w.start, w.end)
            for w in find_weeks(folded, problems)
        ]
        direct = find_labs(folded, text, problems)
        temperatures = find_temperatures(folded)
        heat = [(t.start, t.end) for t in temperatures]
        for c in find_cd4(folded):
            # a CD4 count under 200/µL is immune suppression (AIDS definition; quantities)
            out.append(
                Mention("red_flag" if c.value < CD4_AIDS_BELOW else "cd4",
                        "immunosuppression" if c.value < CD4_AIDS_BELOW else fmt(c.value),
                        text[c.start : c.end], c.start, c.end, detail={"cd4": c.value})
            )  # fmt: skip
        taken = [(m.start, m.end) for m in out if m.kind in ("age", "weeks")] + heat
        taken += [(p.start, p.end) for p in find_pregnancy(folded)]
        have = {v.lab for v in direct}
        linked = find_linked_labs(folded, text, problems, have, taken)
        # several values of one lab: the latest decides, or the most cautious (wave 5)
        for v in with_series(folded, text, direct + linked, taken):
            lab_detail: dict[str, Any] = {"lab": v.lab, "value": v.value, **dict(v.detail)}
            if v in linked:
                lab_detail["linked"] = True
            status = _LAB_STATUS.get(v.role, "current")
            out.append(
                Mention("lab", f"{v.lab}:{fmt(v.value)}", text[v.start : v.end].strip(), v.start,
                        v.end, detail=lab_detail, status=status)
            )  # fmt: skip
        # "temp 101F" is a temperature, not a 101-year-old woman
        out = [m for m in out if not (m.kind == "age" and _overlaps(m.start, m.end, heat))]
        for t in temperatures:
            detail: dict[str, Any] = {"fever": t.fever}
            if t.celsius is not None:
                detail["celsius"] = t.celsius
            out.append(
                Mention("red_flag", "fever", text[t.start : t.end].strip(), t.start, t.end,
                        detail=detail)
            )  # fmt: skip
        return out


_NODE_CLEARANCE = re.compile(
    r"\b(?P<side>left|right|l|r|lt|rt|bilateral|bilat|both)\s*\.?\s*(?:sided\s+)?"
    r"(?P<abbr>anc|alnd|slnb|snb|axillary clearance|axillary node clearance)\b"
    r"|\b(?P<abbr2>anc|alnd|slnb|snb)\s+(?:of|to|on|in)\s+(?:the\s+|her\s+|his\s+|my\s+)?"
    r"(?P<side2>left|right|l|r|lt|rt)?\s*(?:axilla|axillary|armpit|arm|side)\b"
)
"""An axillary node clearance written as an abbreviation beside a side or the axilla (class 5
of wave 5): "Left ANC", "R ANC 2020", "ANC of the left axilla", "SLNB L axilla". "ANC" with a
number and no side is the neutrophil count (:mod:`.quantities` skips these)."""


def _node_clearances(folded: str, text: str) -> list[Mention]:
    out = []
    for m in _NODE_CLEARANCE.finditer(folded):
        raw = m.group("side") or m.group("side2")
        sides = [SIDES[raw]] if raw in SIDES else ["left", "right"]
        limbs = [f"{side}_arm" for side in sides]
        value = limbs[0] if len(limbs) == 1 else "both_arm"
        out.append(
            Mention(
                "lymphedema",
                value,
                text[m.start() : m.end()],
                m.start(),
                m.end(),
                detail={"limbs": limbs, "side_stated": raw is not None, "node_surgery": True},
            )
        )
    return out


_JOINERS = frozenset({",", "and", "/", "&", "plus", "+"})
_OWNERS = frozenset({"the", "her", "his", "my", "their", "your", "our"})
_WHOLE_FIELD = {"left_neck": "neck", "right_neck": "neck"}
_COMPLAINT_KEYS = frozenset(
    tx.stem(w) for w in ("pain", "pains", "ache", "aches", "aching", "stiffness", "problems")
)
_PLACE_WORDS = frozenset({"on", "in", "of", "at", "to", "near", "around", "within", "inside"})
_DETERMINERS = frozenset({"the", "her", "his", "my", "their", "your", "a", "an", "both"})
"""Words that join the body sites of one radiotherapy field ("head and neck")."""

_CAUSE = {"induc", "relat", "associat", "caus"}
_SITE_REACH = 9
"""How many words after a skin lesion its body site may come: "rash on my right side of the
chest", "an ulcer on the outside of my left ankle" (wave 7: the six words that radiotherapy
fields and devices use left both sites unread, so no site was kept clear)."""
_SIDE_FILLERS = frozenset({"side", "sided", "hand", "of", "the", "my", "her", "his", "their"})
"""Words between a side and its site: "right side of the chest" is the right chest."""
_TURNS = frozenset({"and", "but", "now", "then", "so", "while", "whereas"})
"""Words that turn a clause to something else before a site is named."""
_SKIN_LOOKS = frozenset({
    "weeping", "oozing", "cracked", "cracking", "bleeding", "raw", "red", "itchy", "sore",
    "inflamed", "crusted", "crusty", "scaly", "flaky", "blistered", "swollen", "infected",
    "broken", "open", "angry", "dry", "split", "peeling",
})  # fmt: skip
"""Words for how a patch of skin looks; "and" before one of them continues the description."""


def _bracketed(toks: Sequence[_Tok], start: int, end: int, text: str) -> bool:
    """Whether tokens ``start:end`` stand alone in brackets ("(anastrozole)") in a sentence
    that is about someone ("her", "my", "pt"): "does it help AI arthralgia (anastrozole)?"
    names the drug of a condition, not a patient's."""
    if not (
        start > 0
        and end < len(toks)
        and toks[start - 1].word in ("(", "[")
        and toks[end].word in (")", "]")
    ):
        return False
    before = text[: toks[start].start]
    sentence = re.split(r"[.?!]\s", before)[-1]
    return bool(_SOMEONE.search(sentence))


_CAUSED_BY = (("from",), ("due", "to"), ("caused", "by"), ("because", "of"), ("on",))


def _named_cause(toks: Sequence[_Tok], start: int, end: int, text: str) -> bool:
    """Whether tokens ``start:end`` name a medicine right after a cause word ("from", "due to",
    "caused by", "because of") in a complaint owned by someone: an owner word among the four
    words before the cause word ("my joint pain from letrozole", "her aches from exemestane")
    or among the six after the medicine ("the joint pain from anastrozole is bad in my
    hands"). The patient's own medicine, though a condition name holds it; "a study where
    acupuncture helped joint pain from letrozole" names no one's."""
    words = [t.word for t in toks[max(0, start - 2) : start]]
    cause = next((c for c in _CAUSED_BY if tuple(words[-len(c) :]) == c), None)
    if cause is None:
        return False
    at = start - len(cause)
    near = [t.word for t in toks[max(0, at - 4) : at]] + [t.word for t in toks[end : end + 6]]
    return any(w in _PERSON_OWNERS for w in near)


_PERSON_OWNERS = frozenset({"my", "her", "his", "their", "our", "your"})


_SOMEONE = re.compile(
    r"\b(?:i|i['’]m|im|me|my|we|our|she|her|he|his|him|they|their|pt|patient|mrs|mr|ms)\b",
    re.IGNORECASE,
)


_PROTECTABLE = {"medicine", "class", "cancer", "comorbidity"}
"""Kinds a condition name may hide ("chemotherapy-induced nausea", "cancer pain", "diabetic
neuropathy": no screening rule reads diabetes, and the condition already says it); a
lymphoedema or a red flag named as a condition is still a fact about the patient."""


_AID_KINDS = frozenset(
    {"hearing", "walking", "mobility", "visual", "teaching", "sleep", "sleeping", "breathing",
     "first", "memory", "study", "learning", "communication", "swallowing", "dressing",
     "bathing", "daily", "living", "feeding", "diet", "dietary", "digestive", "kitchen"}
)  # fmt: skip
_AID_VERB_NEXT = frozenset(
    {"to", "the", "recovery", "sleep", "digestion", "healing", "relaxation",
     "my", "your", "her", "his", "their", "pain", "circulation"}
)  # fmt: skip


def _aids_not_the_disease(found: tuple[int, int, _Entry], toks: Sequence[_Tok]) -> bool:
    """ "hearing aids", "walking aids", "acupuncture aids recovery": the word "aids" as a
    device or a verb, not the disease (wave 17, found by the people engineer: "Are hearing aids
    a problem for ear acupuncture?" was referred as immunosuppression). AIDS the disease is
    still read ("he has AIDS", "AIDS diagnosed 2019")."""
    start, end, entry = found
    if entry.value != "immunosuppression" or [t.word for t in toks[start:end]] != ["aids"]:
        return False
    before = toks[start - 1].word if start else ""
    after = toks[end].word if end < len(toks) else ""
    if before in _AID_KINDS:
        return True
    # a verb only after its subject, never after "with", "has", "of" ("diagnosed with aids")
    return after in _AID_VERB_NEXT and before not in _HAS_DISEASE


_HAS_DISEASE = frozenset({"with", "has", "have", "had", "got", "of", "from", "for", "and", "hiv"})


def _cause_word(found: tuple[int, int, _Entry], toks: Sequence[_Tok]) -> bool:
    """ "chemotherapy-induced", "aromatase inhibitor-related": the name of a cause inside a
    condition name, not a medicine the patient takes."""
    _, end, entry = found
    if entry.kind not in ("medicine", "class"):
        return False
    return end < len(toks) and toks[end].key in _CAUSE


def _timed(mentions: list[Mention], folded: str) -> list[Mention]:
    """Medicines, classes and regimens with their time (:mod:`acupath.answer.timing`). A time
    cue is more specific than a negation trigger: "stopped clopidogrel 2 days ago" is kept
    (``stopped_recently``), "came off Eliquis in June" is ``past``, not denied."""
    idx = [i for i, m in enumerate(mentions) if m.kind in _TIMED_KINDS]
    if not idx:
        return mentions
    spans = []
    for i in idx:
        m = mentions[i]
        if m.kind == "radiation":
            classes = ["radiotherapy"]  # "completed chemoradiation in 2019" is history
            # its time stands around the treatment word, not the field joined to it
            core = _RADIATION_WORD.search(folded, m.start, m.end)
            if core:
                spans.append((core.start(), core.end(), classes))
                continue
        elif m.kind == "class":
            classes = [m.value]
        else:
            classes = list(m.detail.get("classes", ()))
        spans.append((m.start, m.end, classes))
    out = list(mentions)
    for i, (status, reason) in zip(idx, statuses(folded, spans), strict=True):
        if status == "current":
            if reason:  # "starts tomorrow", "held for the op": current, with the reason
                out[i] = dataclasses.replace(
                    out[i], detail={**out[i].detail, "timing": reason}, negated=False
                )
            continue
        m = mentions[i]
        detail = dict(m.detail)
        if reason:
            detail["timing"] = reason
        negated = m.negated and status not in (PAST, STOPPED_RECENTLY)
        out[i] = dataclasses.replace(m, negated=negated, detail=detail, status=status)
    # wave 9: "I'm about to have radiotherapy ... does acupuncture during radiotherapy help?": the
    # same treatment named again, with no time of its own, is the one still to come
    for n, i in enumerate(idx):
        m = out[i]
        key = "radiation" if m.kind == "radiation" else m.label
        earlier = [out[j] for j in idx[:n]]
        if (
            m.status == "current"
            and "timing" not in m.detail
            and any(
                ("radiation" if e.kind == "radiation" else e.label) == key
                and e.status == FUTURE
                and not e.negated
                for e in earlier
            )
            and not timing_cue(folded, spans[n][0], spans[n][1])
        ):
            detail = {**m.detail, "timing": "the treatment named before as still to come"}
            out[i] = dataclasses.replace(m, status=FUTURE, detail=detail)
    # "came off warfarin in June and now takes apixaban": the stop governs warfarin only
    for i in idx:
        m = out[i]
        if (
            m.negated
            and m.status == "current"
            and not negation_in_clause(folded, m.start)
            # "Anticoagulants: NO.": a form's answer after its field (negation.py) stands
            and not _FORM_NO.match(folded, m.end)
        ):
            out[i] = dataclasses.replace(m, negated=False)
    return out


_NOT_THE_DEVICES_SITE = re.compile(r"\b(?:and|with|plus|but|also|has|have|for|or)\b|[,;&+]")
"""Words between a device and a body word that make the body word another fact's ("a pacemaker
and knee OA", "a port, neck pain"), not where the device sits ("a port in the right chest")."""

_FORM_NO = re.compile(r"\s*[:\-\u2013]?\s*(?:no|none|nil|neg|negative)\s*(?:[,.;!/]|$)")
"""A triage form's bare "no" right after a medicine field ("Anticoagulants: NO.")."""


_DEPOSIT_WORDS = frozenset(
    {"deposit", "deposits", "lesion", "lesions", "secondaries", "metastasis", "metastases"}
)
_SPREAD_AFTER = frozenset(
    {"into", "down", "through", "along", "up", "around", "towards", "toward", "across", "out"}
)
_EXPOSURE_AFTER = frozenset(
    {"from", "exposure", "dose", "doses", "worker", "workers", "poisoning", "level", "levels",
     "sickness", "risk", "risks", "burn", "emitted", "leak"}
)  # fmt: skip
_ONCOLOGY = re.compile(
    r"\b(?:cancer|tumou?r|mets|metasta\w*|chemo\w*|oncolog\w*|carcinoma|lymphoma|myeloma|"
    r"sarcoma|leuka?emia|mastectomy|lumpectomy|gy|fractions?|radiotherap\w*|malignan\w*|"
    r"glioma|melanoma|seminoma|blastoma)\b"
)
_PAIN_BEFORE = re.compile(
    r"\b(?:pain|pains|ache|aches|aching|sciatica|numbness|tingling|discomfort|symptoms)\b"
    r"[^.;!?]{0,30}$"
)


def _not_radiotherapy(text: str, toks: list[_Tok], start: int, end: int) -> bool:
    """Whether "radiation" here is no radiotherapy (wave 6): pain spreading ("sciatica with
    radiation into the calf", "pain with radiation to the arm" in a question with no cancer
    word) or an exposure ("radiation from my phone", "radiation dose of a CT")."""
    if toks[start].word not in ("radiation", "radiations") or end - start != 1:
        return False
    after = toks[end].word if end < len(toks) else ""
    if after in _SPREAD_AFTER or after in _EXPOSURE_AFTER:
        return True
    folded = fold(text)
    if _ONCOLOGY.search(folded):
        return False
    return bool(_PAIN_BEFORE.search(folded[: toks[start].start]))


_TIMED_KINDS = ("medicine", "class", "regimen", "radiation")
_RADIATION_WORD = re.compile(
    r"\b(?:chemo ?radi\w*|radio ?therap\w*|radiation (?:therapy|treatment)|radiation\w*|"
    r"irradiat\w*|radiated|rads|xrt|rt)\b"
)
"""Mentions with a time (:mod:`.timing`): medicines, and radiotherapy (wave 5) whose past
course is cancer history, not treatment under way."""


_BODY = (
    r"back|neck|knees?|hips?|shoulders?|head|legs?|arms?|feet|foot|hands?|fingers|toes|joints?|"
    r"pain|migraines?|headaches?|periods?|bottom|bowels?|bladder|tummy|stomach|chest|jaw|"
    r"wrists?|elbows?|ankles?|spine|body|doctor|oncologist|gp|platelets|inr|blood"
)
FIRST_PERSON = re.compile(
    r"\b(?:i\s*(?:am|['’]?m)\s+(?:on|taking|having|\d|pregnant|expecting|diabetic|a\s+cancer)"
    r"|i\s+(?:take|have|had|get|got|suffer|feel|felt|can['’]?t|cannot|lost|injure|inject|fell|"
    r"slipped|was\s+diagnosed)"
    r"|my\s+(?:(?:lower|upper|bad|sore|stiff|left|right)\s+)?(?:" + _BODY + r")\b"
    r"|(?:for|to|with|help|give|gives|hurt)\s+me\b|\bme\s+(?:feel|sick)"
    r"|\bi['’]?ve\s+(?:got|had|been)|\bim\s+(?:on|\d|pregnant)"
    # "but I'm the one with the back pain", "(im a 35 yr old man)" (wave 6)
    r"|\bi\s*(?:am|['’]?m)\s+(?:the one|an?\s+\d)|\bim\s+(?:the one|an?\s+\d))"
)
"""A first-person health cue ("I'm on warfarin", "my back", "for me"): the asker is the
patient (:mod:`acupath.answer.people` rule 1; facts of other people are set aside by it)."""


TOPIC = "topic"
"""The status of a red flag named as the topic of an evidence question, not as a symptom of
a patient ("does acupuncture help delirium?"): shown, never screened (wave 5)."""
_OWNERSHIP = (
    r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me|my|mine|myself|we|our|us|he|he['’]s|hes|him|his|"
    r"she|she['’]s|shes|her|hers|pt|c\s*/\s*o|o\s*/\s*e|hx|since|yesterday|today|tonight|"
    r"this morning|last night|last week|days|weeks|suddenly|started|began|woke|"
    r"a patient|the patient|this patient|my patient|a client|my client)\b"
)
"""Words that make a symptom someone's: a person, a clinical note, an onset or a duration."""
_INSTITUTIONAL = re.compile(
    r"\b(?:our|we|us)\s+(?:(?:new|local|own|current|draft)\s+)?(?:pathways?|services?|clinics?|"
    r"leaflets?|teams?|departments?|units?|practices?|audits?|reviews?|guidelines?|policy|"
    r"policies|protocols?|handouts?|classes|class|essays?|staff|hospitals?|trust|network|"
    r"journal club|teaching|training|students?|course|website|newsletter)\b"
)
"""A clinic's or writer's own work ("for our pathway review"): not a patient's."""
_RESEARCH = re.compile(
    r"\b(?:evidence|studies|study|research|researched|trials?|rcts?|meta\s*analys[ie]s|"
    r"systematic reviews?|reviews|cochrane|literature|data on|papers?|guidelines?|efficacy|"
    r"effectiveness)\b"
)
_ACUPUNCTURE_WORD = re.compile(
    r"\b(?:acupunct\w*|electroacupunct\w*|electro acupunct\w*|acupressure|needling|needles?|"
    r"moxibustion|moxa|cupping)\b"
)
_SAFETY_FRAME = re.compile(
    r"\b(?:safe|safety|unsafe|(?<!relative )(?<!absolute )risks?(?!\s+(?:ratios?|differences?|"
    r"reductions?))|risky|danger\w*|contraindicat\w*|allowed|ok to|okay to|"
    r"should|before|avoid|careful|caution)\b"
)
"""Words that ask whether needling is safe: the cautious screen stays. A "risk ratio" or
"relative risk" asks for an effect measure, not about safety (wave 9, p6134)."""
_PATIENT_KINDS = frozenset(
    {"age", "weeks", "pregnant", "lab", "device", "lymphedema", "radiation", "skin_lesion"}
)


_EFFECT_MEASURE = re.compile(
    r"\b(?:relative risks?|risk ratios?|odds ratios?|hazard ratios?|risk differences?|"
    r"absolute risks?|incidences?|prevalence|numbers? needed to (?:treat|harm)|"
    r"(?:proportion|percentage|share) of (?:the )?(?:patients|people|participants|women|men))\b"
)
"""An effect measure or a frequency asks about a group, as a research word does (wave 12:
"What is the relative risk of urinary retention after surgery with acupuncture versus
without?"). Clinic policy on reading questions: the other conditions of :func:`_topics` (no
person, no onset, no safety framing) still hold."""


def _topics(mentions: list[Mention], folded: str, owners: re.Pattern[str]) -> list[Mention]:
    """Red flags named as the topic of an evidence question, not as a patient's symptom
    (class 6 of wave 5; probe 2 G6): "what is the evidence for acupuncture in foot drop?",
    "does acupuncture help delirium?", "leg weakness after chemo: studies?".

    A red flag is a topic only when nothing in the question makes it someone's: no person
    (I, my, she, a relation word, "my patient"), no clinical-note marker (c/o, o/e, pt), no
    onset or duration ("since", "yesterday", "days"), no other patient fact (an age, a lab
    value, a device, pregnancy...) and no safety framing ("is it safe", "risk", "should");
    and the question asks about research ("evidence", "studies", "trials"...) or names
    acupuncture before the red flag in its sentence ("can acupuncture help urinary
    retention?"). Anything else stays a symptom: "trouble peeing. Can acupuncture help?" is
    read as the asker's, the cautious reading."""
    flags = [m for m in mentions if m.kind == "red_flag" and not m.negated]
    # "our pathway review", "our leaflet": a service's own work names no patient (wave 6)
    unowned = _INSTITUTIONAL.sub(" ", folded)
    if not flags or owners.search(unowned) or _SAFETY_FRAME.search(folded):
        return mentions
    if any(m.kind in _PATIENT_KINDS and not m.negated for m in mentions):
        return mentions
    research = bool(_RESEARCH.search(folded) or _EFFECT_MEASURE.search(folded))
    out = []
    for m in mentions:
        if m in flags and "celsius" not in m.detail:
            lo = max((i + 1 for i, ch in enumerate(folded[: m.start]) if ch in ".?!;"), default=0)
            if research or _ACUPUNCTURE_WORD.search(folded, lo, m.start):
                m = _as_topic(m)
        out.append(m)
    return out


_LONG_AGO = re.compile(
    r"\b(?:last (?:month|year|winter|summer|spring|autumn)|(?:years|months|weeks) ago|"
    r"as a (?:child|kid|teenager)|in (?:19|20)\d\d|back in|years back|a while back|"
    # wave 11 (h10017): "it went a long time ago", "long gone"
    r"a long time ago|long ago|long gone)\b"
)
_RESOLVED = re.compile(
    r"\b(?:(?:i['’]?m|im|she['’]?s|he['’]?s|they['’]?re|all|feel|feeling|been)\s+fine\s+now|"
    r"fine now|better now|resolved|recovered|all clear|gone now|cleared up|got over it|"
    r"got over|no longer|nothing since|fully better|"
    # wave 11 (h10017): "it went a long time ago", "it's long gone", "went away weeks ago"
    r"(?:it|that|which) went (?:a long time ago|long ago|ages ago)|long gone|"
    # wave 11 (p10071): "a chest infection back in March ... I've been fine since"
    r"(?:been|felt|feeling|was|were|all) (?:fine|well|ok|okay|healthy) (?:ever )?since|"
    r"(?:it['’]?s|its|it is|it has) gone(?! up| higher| back| worse| up again))\b"
)
_BACK_AGAIN = re.compile(
    r"\b(?:back again|came back|come back|comes back|coming back|is back|it['’]?s back|returned|"
    r"recurred|again today|again now|started again|still)\b"
)
_FEAR_LONG_AGO = re.compile(
    # wave 8 (h7075): a needle fear of childhood or "used to", over now, is none now; these
    # wider words serve the needle fear only, never a red flag ("used to walk, no longer can")
    r"\b(?:used to|when i was (?:young|younger|little|small|a kid|a child|a teenager)|"
    r"growing up)\b"
)
_FEAR_OVER = re.compile(
    r"\b(?:not any ?more|fine these days|(?:ok|okay|fine) with (?:them|it|needles) now|"
    # wave 11 (h10024): "doesn't bother me now", "I'm fine with them", "not scared now"
    r"(?:doesn['’]?t|does not|don['’]?t|do not|never) bother(?:s)? (?:me|her|him)|"
    r"(?:i['’]?m|im|i am|she['’]?s|he['’]?s) (?:ok|okay|fine) with (?:them|it|needles)|"
    r"not (?:scared|afraid|frightened|bothered) (?:now|any ?more|these days))\b"
)


def _resolved(mentions: list[Mention], folded: str) -> list[Mention]:
    """A red flag said to be long past and over ("I had a temperature last month but I'm fine
    now"; probe 2 G4) is history: shown, not screened. Both a time long ago and a word that it
    has resolved must stand in its sentence; "had a fever last week, still unwell" stays."""
    out = []
    for m in mentions:
        # a needle fear long past and over is none now (wave 8, h7075: clinic policy, the
        # screen's needle_phobia is a fear the patient has)
        if m.kind in ("red_flag", "needle_phobia") and not m.negated and m.status == "current":
            lo = max((i + 1 for i in range(m.start) if folded[i] in ".?!;"), default=0)
            ends = [i for i in range(m.end, len(folded)) if folded[i] in ".?!;"]
            sentence = folded[lo : ends[0] if ends else len(folded)]
            fear = m.kind == "needle_phobia"
            long_ago = _LONG_AGO.search(sentence) or (fear and _FEAR_LONG_AGO.search(sentence))
            over = _RESOLVED.search(sentence) or (fear and _FEAR_OVER.search(sentence))
            # wave 11: a finding said to be over and back again stands ("it went, but it is
            # back again today")
            if long_ago and over and not _BACK_AGAIN.search(sentence):
                m = dataclasses.replace(m, status=PAST, detail={**m.detail, "timing": "resolved"})
        out.append(m)
    return out


OTHER_PERSON = "other_person"
"""The status of a fact of another person than the patient ("I have back pain. My wife she is
pregnant"): shown, never screened (wave 5; probe 2 G5)."""
_NEVER_OTHER = frozenset({"patient"})


_POPULATION = re.compile(
    r"\b(?:in|for|among|amongst|on|of|with|to)\s+(?:the\s+)?"
    r"(?:(?!(?:my|our|your|his|her|their|a|an|this|that)\s)[a-z]+\s+){0,2}$"
)
_PLURAL_PERSONS = re.compile(
    r"^(?:[a-z]+\s+){0,3}?(?:adults|children|kids|people|persons|individuals|women|men|"
    r"patients|populations?|mothers|teenagers|adolescents|infants|babies)\b"
)
_POPULATION_KINDS = frozenset({"age_band", "pregnant"})


def _populations(mentions: list[Mention], folded: str) -> list[Mention]:
    """Age bands and pregnancy named as a population of a research question, not as the
    patient ("does acupuncture help knee pain in older adults?", "research on acupuncture in
    children with migraine", "acupuncture for elderly people", "in pregnant women"): status
    ``topic``, shown, not screened (wave 5; probe 2 G6).

    The words must name a plural group ("adults", "children", "people", "women"...) after a
    preposition ("in", "for", "among"...), and the question must be an evidence question (a
    research word or acupuncture named) with no safety framing ("is it safe in pregnant
    women?" keeps the cautious screen). A stated age, "my elderly mother", "a child of 8" or
    "I'm pregnant" name one person and stay."""
    if _SAFETY_FRAME.search(folded):
        return mentions  # "is it safe in pregnant women?" keeps the cautious screen
    if not (_RESEARCH.search(folded) or _ACUPUNCTURE_WORD.search(folded)):
        return mentions
    out = []
    for m in mentions:
        if m.kind in _POPULATION_KINDS and "from" not in m.detail and not m.negated:
            before = folded[max(0, m.start - 40) : m.start]
            group = _PLURAL_PERSONS.search(folded[m.start : m.end + 40])
            the = m.words.lower() == "elderly" and re.search(r"\bthe\s+$", before)
            if _POPULATION.search(before) and (group is not None or the):
                m = _as_topic(m)
        out.append(m)
    # the sex of a population ("pregnant women") is no patient's either
    topics = [(m.start, m.end + 30) for m in out if m.status == TOPIC]
    return [
        dataclasses.replace(m, status=TOPIC)
        if m.kind == "sex" and any(a <= m.start < b for a, b in topics)
        else m
        for m in out
    ]


def _one_state(mentions: list[Mention]) -> list[Mention]:
    """One state per fact (probe 2 G5): when one question both states and denies the same fact
    ("craniotomy ... skull defect not replaced", "epilepsy but no seizures for 10 years",
    "denies blood thinners ... on apixaban"), the cautious state stands. The denials of a fact
    that also stands (not negated, current; a medicine stands for its drug classes too) are
    dropped, and the first standing mention keeps their words as ``detail["also_denied"]``;
    the fact is never listed both as present and as stated absent. Lab values are left to
    their own series (:func:`.quantities.with_series`)."""
    standing: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if not m.negated and m.current and m.kind != "lab":
            for label in _implied(m):
                standing.setdefault(label, i)
    out = list(mentions)
    drop: set[int] = set()
    for i, m in enumerate(mentions):
        if not m.negated or m.kind == "lab":
            continue
        # a denied medicine is dropped only when the medicine itself stands
        j = standing.get(m.label)
        if j is None:
            continue
        kept = out[j]
        denied = (*kept.detail.get("also_denied", ()), m.words)
        out[j] = dataclasses.replace(kept, detail={**kept.detail, "also_denied": denied})
        drop.add(i)
    return [m for i, m in enumerate(out) if i not in drop]


def _implied(m: Mention) -> tuple[str, ...]:
    """The label of a mention with the drug classes a medicine or regimen implies."""
    if m.kind in ("medicine", "regimen"):
        return (m.label, *(f"class:{c}" for c in m.detail.get("classes", ())))
    return (m.label,)


def _family(kind: str) -> str:
    """The negation family of a mention kind (a list of one family stays governed)."""
    if kind in ("medicine", "class", "regimen"):
        return "medicine"
    if kind == "weeks":
        return "pregnant"  # "not pregnant, 6 weeks ..." denies both
    return kind


def _overlaps(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in ranges)


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start >= a and end <= b for a, b in ranges)


def _longest(found: list[tuple[int, int, _Entry]]) -> list[tuple[int, int, _Entry]]:
    chosen: list[tuple[int, int, _Entry]] = []
    for f in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if any(f[0] < c[1] and c[0] < f[1] for c in chosen):
            continue
        chosen.append(f)
    return sorted(chosen, key=lambda f: f[0])


_NO_PATIENT = re.compile(
    r"\b(?:no particular patient|not (?:about )?a (?:particular |specific |real )?patient|"
    r"no specific patient|not for a patient|teaching (?:session|question)|for (?:an?|my|our) "
    r"(?:essay|audit|lecture|exam(?!\s+(?:stress|nerves|anxiety|worr|pressure|panic))|"
    r"assignment|presentation|leaflet|journal club)|journal club|"
    r"general (?:policy )?question|in general terms|hypothetically speaking)\b"
)


def _no_patient(mentions: list[Mention], folded: str) -> list[Mention]:
    """A question that says it is about no patient ("Teaching session, no particular patient -
    which points are avoided in pregnancy?") names pregnancy as its topic (wave 6): status
    ``topic``, shown, not screened. Stated weeks or a person's pregnancy ("she is 20 weeks")
    still stand."""
    if not _NO_PATIENT.search(folded):
        return mentions
    return [
        _as_topic(m) if m.kind == "pregnant" and not m.negated and "due" not in m.detail else m
        for m in mentions
    ]


def _stated_weeks_first(mentions: list[Mention]) -> list[Mention]:
    """Weeks the question states ("currently 31+2") win over weeks counted from a due date
    ("EDD 14 March"): a due date is an estimate, and may be written from an old scan (wave 6).
    The due date stays as a pregnancy without weeks."""
    if not any(m.kind == "weeks" and "due" not in m.detail for m in mentions):
        return mentions
    return [
        dataclasses.replace(m, kind="pregnant", value="yes")
        if m.kind == "weeks" and "due" in m.detail
        else m
        for m in mentions
    ]


def _worn_off(mentions: list[Mention]) -> list[Mention]:
    """A vitamin K antagonist stopped days ago (kept as ``stopped_recently``) is past when the
    question gives a current INR below ``vka_effect_gone_inr_below`` (``timing.yaml``): the
    INR measures its effect, so the effect is gone (wave 6)."""
    limit = timing().vka_effect_gone_inr_below
    inrs = [
        float(m.detail["value"])
        for m in mentions
        if m.kind == "lab" and m.detail.get("lab") == "inr" and m.current and not m.negated
    ]
    if not inrs or max(inrs) >= limit:
        return mentions
    return [
        dataclasses.replace(
            m,
            status=PAST,
            detail={**m.detail, "timing": f"stopped, and the INR is now below {limit:g}"},
        )
        if m.status == STOPPED_RECENTLY
        and "vitamin_k_antagonist" in m.detail.get("classes", (m.value,))
        else m
        for m in mentions
    ]


def _denied_possible(mentions: list[Mention]) -> list[Mention]:
    """A possible pregnancy ("trying for a baby", "after the transfer") gives way to the
    question's own plain denial ("... but I'm not pregnant"): the asker knows what the policy
    only supposes (wave 6). A stated pregnancy is left to :func:`_one_state`."""
    denied = any(
        m.kind == "pregnant" and m.negated and not m.hypothetical and "possible" not in m.detail
        for m in mentions
    )
    if not denied:
        return mentions
    return [m for m in mentions if not (m.kind == "pregnant" and "possible" in m.detail)]


def _as_topic(m: Mention) -> Mention:
    """``m`` as the topic of the question: shown, not screened."""
    return dataclasses.replace(m, status=TOPIC, detail={**m.detail, "topic": True})


_TOPIC_NOUN = re.compile(r"\b(?:in|during|of|about|for)\s+(?:early\s+|late\s+)?$")


def _denied_beats_topic(mentions: list[Mention], folded: str) -> list[Mention]:
    """The noun "pregnancy" after "in"/"during"/"about" ("the forbidden points in pregnancy")
    names a subject, not the asker's state; beside the asker's own plain denial ("... im not
    pregnant") it is a topic, shown and not screened (wave 6). Without a denial it stays (the
    cautious reading: "is it safe in pregnancy?" may be asked by a pregnant woman)."""
    denied = any(
        m.kind == "pregnant" and m.negated and not m.hypothetical and m.status == "current"
        for m in mentions
    )
    if not denied:
        return mentions
    out = []
    for m in mentions:
        noun = m.kind == "pregnant" and not m.negated and m.words.lower() == "pregnancy"
        if noun and _TOPIC_NOUN.search(folded[max(0, m.start - 20) : m.start]):
            m = _as_topic(m)
        out.append(m)
    return out


_PEOPLE_ON = re.compile(
    r"\b(?:people|patients|persons|individuals|adults|women|men|those|clients)\s+"
    r"(?:who\s+(?:are|take|use)\s+|who're\s+)?(?:on|taking|using|receiving)\s+$"
)


_HANDLING = re.compile(
    r"\b(?:giv(?:e|es|ing)|administer(?:s|ing)?|prepar(?:e|es|ing)|handl(?:e|es|ing)|"
    r"mix(?:es|ing)?|dispens(?:e|es|ing)|deliver(?:s|ing)?|hang(?:s|ing)?|mak(?:e|es|ing)\s+up)"
    r"\s+(?:the\s+|all\s+the\s+|lots\s+of\s+)?$"
)
_AS_JOB = re.compile(r"^\s*(?:nurse|nurses|nursing|pharmacist|pharmacists|technician)\b")
_AS_PLACE = re.compile(r"^\s*(?:day\s+)?(?:ward|wards|unit|suite|department|bay|pharmacy)\b")
_MY_JOB = re.compile(
    r"\b(?:(?:i\s*(?:am|['’]?m)|im)\s+(?:an?\s+)?(?:[a-z]+\s+)?(?:nurse|pharmacist|technician|"
    r"doctor|porter|cleaner|healthcare\s+assistant|hca|volunteer|receptionist|consultant|"
    r"registrar|physio|radiographer)|\bi\s+work\b|\bi['’]?ve\s+worked\b|\bmy\s+(?:job|shifts?)\b)"
)
"""The asker's own job on a ward ("I'm a nurse", "I work on", "my shifts")."""
_I_AM_A = re.compile(r"\b(?:i\s*(?:am|['’]?m)|im|as|work as|worked as)\s+an?\s+$")
_WORK = re.compile(
    r"\b(?:work|works|working|job|shifts?|ward|nurse|nurses|nursing|pharmacist|pharmacy|"
    r"technician|colleagues?|day unit|clinic i work)\b"
)


_JOB_AFTER = re.compile(
    # wave 18 (h15063 "I'm 68, a retired chemo nurse"): a job noun the treatment names, with a
    # place of work between or none ("chemo ward volunteer", "radiotherapy unit porter")
    r"^\s*(?:(?:day\s+)?(?:ward|wards|unit|suite|department|bay|pharmacy|clinic)\s+)?"
    r"(?:nurses?|nursing|pharmacists?|technicians?|techs?|radiographers?|therapists?|porters?|"
    r"workers?|volunteers?|assistants?|specialists?|doctors?|consultants?|registrars?|"
    r"receptionists?|cleaners?|hcas?|healthcare\s+assistants?|physicists?|dosimetrists?|"
    r"secretar(?:y|ies)|coordinators?|co\s+ordinators?|navigators?|managers?|staff)\b"
)
_JOB_BEFORE = re.compile(
    # the asker saying they hold or held the job ("I'm 68, a retired chemo nurse", "I was a
    # chemo nurse", "I used to be a chemotherapy pharmacist", "as an ex chemo technician",
    # "Former radiotherapy radiographer here"); "my chemo nurse", "the former chemo nurse",
    # "I'm seeing a chemo nurse" name the patient's own carer
    r"(?:\b(?:i\s*(?:am|['’]?m)|im|i\s+was|i['’]?ve\s+been|(?:i\s+)?used\s+to\s+be|as|"
    r"work(?:s|ed|ing)?\s+as|been)(?:\s*\d{1,3}\s*,|\s*,|\s+(?:now|just|actually|still|"
    r"also|myself))*\s+an?\s+(?:(?:retired|former|ex|trainee|student|senior|junior|qualified|"
    r"part\s+time|full\s+time)\s+)*"
    # at a sentence's start only with a word of a job held ("Retired chemo nurse here";
    # "chemo nurse said my white cells are back up" is the patient's nurse, h7033)
    r"|(?:^|[.;!?]\s*|\b(?:and|but)\s+)(?:(?:retired|former|ex|trainee|student|senior|junior|"
    r"qualified|part\s+time|full\s+time)\s+)+)$"
)
_JOB_KINDS = frozenset({"class", "regimen", "medicine", "radiation", "cancer", "treatment"})


def _named_job(m: Mention, folded: str) -> bool:
    """Whether ``m`` names the asker's job, past or present, not a treatment they receive
    (wave 18; clinic policy: a job is no treatment, as for the ward of wave 17)."""
    return bool(
        m.kind in _JOB_KINDS
        and _JOB_AFTER.match(folded[m.end : m.end + 40])
        and _JOB_BEFORE.search(folded[max(0, m.start - 40) : m.start])
    )


def _handled_at_work(mentions: list[Mention], folded: str) -> list[Mention]:
    """An anticancer treatment the asker handles at work ("I work as a nurse on an oncology
    ward giving chemo all day", "I prepare chemotherapy in pharmacy", "as a chemo nurse") is
    their patients' treatment, not the asker's (wave 11, h10027; clinic policy: occupational
    handling is not a treatment the patient receives). A handling verb must stand just before
    the treatment with no one between ("giving me chemo" stays the asker's), or the treatment
    name the asker's own job ("I'm a chemo nurse"; "the chemo nurse says" is the patient's
    nurse), and the message must speak of work."""
    jobs = [(m.start, m.end) for m in mentions if not m.negated and _named_job(m, folded)]
    if jobs:
        # the treatment and what was read from it ("cancer:history" from a past chemotherapy)
        mentions = [
            dataclasses.replace(m, status=OTHER_PERSON)
            if m.kind in _JOB_KINDS and _overlaps(m.start, m.end, jobs)
            else m
            for m in mentions
        ]
    if not (_WORK.search(folded) or _MY_JOB.search(folded)):
        return mentions
    out = []
    for m in mentions:
        if (
            m.kind in ("class", "regimen", "medicine")
            and not m.negated
            and (
                _HANDLING.search(folded[max(0, m.start - 30) : m.start])
                or (
                    _AS_JOB.match(folded[m.end : m.end + 20])
                    and _I_AM_A.search(folded[max(0, m.start - 30) : m.start])
                )
                # wave 17 (p12098 "I'm a nurse on the chemo ward"): the treatment names the
                # place the asker works in
                or (_AS_PLACE.match(folded[m.end : m.end + 20]) and _MY_JOB.search(folded))
            )
        ):
            m = dataclasses.replace(m, status=OTHER_PERSON)
        out.append(m)
    return out


_PEOPLE_WITH = re.compile(
    r"\b(?:people|patients|persons|individuals|adults|women|men|those|clients)\s+"
    r"(?:with|who\s+have|having|fitted\s+with)\s+(?:an?\s+|implanted\s+|cardiac\s+)?$"
)
_SOMEONE = re.compile(
    r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me|my|mine|myself|we|our|us|she|she['’]s|her|hers|"
    r"he|he['’]s|him|his)\b"
)
_MEDICINE_KINDS = frozenset({"medicine", "class", "regimen"})
_LIST_GLUE = re.compile(r"\s*(?:,|/|,?\s*(?:or|and|and/or))\s*(?:an?\s+)?")


def _people_on(mentions: list[Mention], folded: str) -> list[Mention]:
    """A medicine named for a group ("needling people on anticoagulants", "patients taking
    warfarin") in an evidence question without safety framing is the question's topic, not a
    patient's medicine (wave 6), as :func:`_populations` does for age bands and pregnancy."""
    mentions = _handled_at_work(mentions, folded)
    if _SAFETY_FRAME.search(folded):
        return mentions
    out: list[Mention] = []
    for m in mentions:
        before = folded[max(0, m.start - 40) : m.start]
        group = _PEOPLE_ON.search(before)
        # wave 11 (h10185): "people who have pacemakers or ICDs", "patients with pacemakers"
        with_device = m.kind == "device" and _PEOPLE_WITH.search(before)
        # wave 11 (h10184): the rest of a list after a group's first medicine or device
        # ("people taking warfarin, apixaban or clopidogrel") belongs to the same group
        prev = out[-1] if out else None
        listed = (
            prev is not None
            and prev.status == TOPIC
            and (prev.kind == m.kind or {prev.kind, m.kind} <= _MEDICINE_KINDS)
            and _LIST_GLUE.fullmatch(folded[prev.end : m.start]) is not None
        )
        # the two wave-11 readings hold only when nobody in the message owns anything
        # ("people with pacemakers can't have it, can they? Mine went in last year": h8168)
        widened = (with_device or listed) and not _SOMEONE.search(folded)
        if not m.negated and ((m.kind in _MEDICINE_KINDS and group) or widened):
            m = _as_topic(m)
        out.append(m)
    return out


def _own_weeks(mentions: list[Mention]) -> list[Mention]:
    """Wave 23 (h24123 "my auntie says acupuncture in pregnancy makes you miscarry ... im 18
    weeks with a sore back"): the patient's own weeks of pregnancy stand for a pregnancy when
    the only pregnancy word was set aside as someone else's, a topic or a supposition (so
    :func:`_derive` did not add one)."""
    weeks = [
        m for m in mentions if m.kind == "weeks" and m.current and not m.negated
        and not m.hypothetical
    ]  # fmt: skip
    if not weeks or any(m.kind == "pregnant" and m.current for m in mentions):
        return mentions
    w = weeks[0]
    return [*mentions, Mention("pregnant", "yes", w.words, w.start, w.end)]


def _derive(mentions: list[Mention]) -> list[Mention]:
    """Age bands from ages, weeks as a pregnancy, and drop facts another fact contradicts."""
    out = list(mentions)
    for m in mentions:
        if m.kind == "age":
            band = age_band(int(m.value))
            out.append(Mention("age_band", band, m.words, m.start, m.end, detail={"from": "age"}))
        if m.kind == "weeks" and not any(o.kind == "pregnant" and not o.negated for o in out):
            out.append(Mention("pregnant", "yes", m.words, m.start, m.end, m.negated))
    # "completed chemoradiation in 2019", "had a course of chemo": a past anticancer treatment
    # is a cancer history (the screen's history_of_cancer with spinal pain), not treatment now
    past = [
        m
        for m in out
        if not m.negated
        and m.status == PAST
        and (
            m.kind in ("radiation", "regimen") or (m.kind == "class" and m.value == "chemotherapy")
        )
    ]
    if past and not any(m.kind == "cancer" and m.value == "history" and not m.negated for m in out):
        m = past[0]
        out.append(
            Mention("cancer", "history", m.words, m.start, m.end, detail={"from": "past_treatment"})
        )
    # "a new headache" is the red flag only after 50 (Becker 2015): kept when an age over 50
    # or an older-adult band is stated, dropped otherwise
    older = any(
        (m.kind == "age" and int(m.value) > 50)
        or (m.kind == "age_band" and m.value == "older_adult")
        for m in out
        if not m.negated
    )
    if not older:
        out = [m for m in out if m.label != "red_flag:new_headache_after_50"]
    # an explicit age band wins over one derived from a number only when no number is given
    if any(m.kind == "age" for m in out):
        out = [m for m in out if not (m.kind == "age_band" and "from" not in m.detail)]
    sexes = {m.value for m in out if m.kind == "sex"}
    if len(sexes) > 1 or (
        "male" in sexes and any(m.kind == "pregnant" and not m.negated for m in out)
    ):
        out = [m for m in out if m.kind != "sex"]
    return out


# An age-band word that names a past stage of life ("as a child", "when I was a teenager")
# or the people someone works with ("I work with children") says nothing of the patient's age
# now (wave 5; the second red-team probe found "work with children" read as a child).
_PAST_STAGE = re.compile(r"(?:\bas an? |\b(?:i|he|she|they|we|you) (?:was|were) (?:still )?an? )$")
_OTHERS_WORDS = re.compile(
    r"\b(?:work|works|worked|working|teach|teaches|taught|teaching|coach|coaches|coaching|"
    r"care for|cares for|caring for|look after|looks after|looking after)"
    r" (?:with )?(?:young |small |little |the )?$"
)


# Weight lost on purpose is not the red flag "unexplained weight loss" (AHCPR 1994 names weight
# loss that is unexplained); the cue must stand in the same sentence (wave 5)
_ON_PURPOSE = re.compile(
    r"\b(?:on purpose|intentional(?:ly)?|deliberate(?:ly)?|trying to lose|tried to lose|"
    r"slimming (?:club|world)|weight ?watchers|calorie counting|diet club|my diet|a diet|"
    r"dieting (?:since|for|hard)|been dieting|bariatric|gastric (?:band|bypass|sleeve)|"
    r"ozempic|wegovy|mounjaro|semaglutide|tirzepatide)\b"
)
_NOT_ON_PURPOSE = re.compile(r"\b(?:without|not|no|never)\s+(?:\w+\s+)?(?:trying|dieting|a diet)\b")


def _intended_weight_loss(mentions: list[Mention], folded: str) -> list[Mention]:
    """Drop the unexplained-weight-loss flag when the sentence says the loss was intended."""

    def intended(m: Mention) -> bool:
        if m.label != "red_flag:unexplained_weight_loss":
            return False
        lo = max((i + 1 for i, ch in enumerate(folded[: m.start]) if ch in ".;!?"), default=0)
        hi = next((i for i in range(m.end, len(folded)) if folded[i] in ".;!?"), len(folded))
        sentence = folded[lo:hi]
        if _NOT_ON_PURPOSE.search(sentence) or _UNMEANT.search(sentence):
            return False
        return bool(_ON_PURPOSE.search(sentence)) or _tried_item(folded, m.start, m.end, sentence)

    return [m for m in mentions if not intended(m)]


_TRIED = re.compile(r"\b(?:tried|have done|done|did)\b")
_UNMEANT = re.compile(r"\bwithout (?:meaning|wanting|intending)\b|\bunexplained\b|\bno reason\b")


def _tried_item(folded: str, start: int, end: int, sentence: str) -> bool:
    """A weight loss listed among the things tried for the complaint ("tried physio, tried
    tablets, lost some weight, got insoles"; wave 17, h14112 had been referred): an item of a
    comma list, in a sentence that says what was tried. Weight lost "without meaning to" or
    "unexplained" stays the red flag."""
    before = folded[max(0, start - 3) : start]
    after = folded[end : end + 6]
    listed = "," in before and ("," in after or re.match(r"\s*(?:and|&)\b", after) is not None)
    return listed and bool(_TRIED.search(sentence))


_BEDWETTING = re.compile(r"\b(?:wets?|wetting) the bed\b|\bbed\s*-?\s*wetting\b|\bwets the bed\b")
# a bedwetting that is new, back or beside a spinal complaint stays the red flag
_NEW_WETTING = re.compile(
    r"\b(?:new|newly|started|starting|again|suddenly|sudden|recently|since|begun|began|lately|"
    r"back|spine|spinal|numb\w*|weak\w*|walk\w*|legs?|poo\w*|soil\w*)\b"
)


def _childhood_bedwetting(mentions: list[Mention], folded: str) -> list[Mention]:
    """Set aside (as the question's topic) the bladder red flag read only from bedwetting in
    a child when nothing says it is new or comes with back pain, numbness, weakness or soiling.
    Long-standing bedwetting is common in children (nocturnal enuresis) and is not the cauda
    equina compression the flag stands for (ahcpr1994 lists new bladder dysfunction with back
    pain). Clinic policy (wave 12, p10170: "my 8 year old wets the bed most nights" was sent to
    the emergency department). An adult's bedwetting, or a child's that is new, keeps it."""
    child = any(
        m.current
        and not m.negated
        and (
            (m.kind == "age_band" and m.value == "child")
            or (m.kind == "age" and m.value.isdigit() and int(m.value) < 13)
        )
        for m in mentions
    )
    if not child or _NEW_WETTING.search(folded):
        return mentions
    # kept as the question's topic, not dropped: "does acupuncture work for bedwetting?" asks
    # about it, and the answer must say acupath holds no record on it
    return [
        dataclasses.replace(m, status=TOPIC)
        if m.label == "red_flag:bladder_dysfunction" and _BEDWETTING.search(m.words.lower())
        else m
        for m in mentions
    ]


# the on-treatment cues that name cancer treatment by themselves; the others ("cycle",
# "infusion", "on treatment", "day 10 of") are said of periods, iron, heparin and blood pressure
_STRONG_TREATMENT_CUE = re.compile(r"chemo|induction|consolidation|nadir")
_ANTICANCER_CLASSES = frozenset(
    {"chemotherapy", "neurotoxic_chemotherapy", "targeted_therapy", "immunotherapy",
     "hormone_therapy", "aromatase_inhibitor"}
)  # fmt: skip
# oncology, or the blood counts that chemotherapy cycles are watched by ("if her platelets drop
# on the next cycle": a count named without a value still makes the cycle a chemotherapy cycle)
_TREATMENT_CONTEXT = re.compile(
    r"\b(?:oncolog\w*|chemo\w*|haematolog\w*|hematolog\w*|platelets?|plts?|neutrophils?"
    r"|neutropeni\w*|anc|wbc|white (?:cell|blood cell|count)s?|blood counts?|counts)\b"
)


def _uncorroborated_treatment(mentions: list[Mention], folded: str) -> list[Mention]:
    """Drop ``cancer: on_treatment`` read only from a weak cue when nothing else in the
    question makes it cancer treatment: a cancer word, an anticancer medicine, class or
    regimen, radiotherapy, oncology, or a platelet or neutrophil count, valued or only named
    (a count beside "day 10 of the cycle" is a chemotherapy cycle). Without one, "my cycle",
    "an iron infusion" and "on treatment for blood pressure" are not cancer, and must not raise
    the cancer red flag (wave 11, lead). Beside any of them the cue stays: caution is kept."""

    def weak(m: Mention) -> bool:
        return (
            m.kind == "cancer"
            and m.value == "on_treatment"
            and not _STRONG_TREATMENT_CUE.search(m.words.lower())
        )

    def corroborates(m: Mention) -> bool:
        if m.negated or weak(m):
            return False
        if m.kind in ("cancer", "regimen", "radiation", "radiotherapy"):
            return True
        if m.kind == "lab":
            return m.detail.get("lab") in _COUNT_LABS
        if m.kind == "class":
            return m.value in _ANTICANCER_CLASSES
        if m.kind == "medicine":
            return bool(_ANTICANCER_CLASSES & set(m.detail.get("classes", ())))
        return False

    if any(corroborates(m) for m in mentions) or _TREATMENT_CONTEXT.search(folded):
        return mentions
    return [m for m in mentions if not weak(m)]


def _same_reading(a: Mention, b: Mention) -> bool:
    """Overlapping spans that read the same fact in the same state."""
    return (
        (a.kind, a.value, a.negated, a.status) == (b.kind, b.value, b.negated, b.status)
        and a.start < b.end
        and b.start < a.end
    )


def _not_a_life_stage_now(mentions: list[Mention], folded: str) -> list[Mention]:
    """Drop age-band words (not ages) that name a past stage of life ("as a child" is a
    child's stage seen from later; "as an elderly woman" is now, so only the young bands) or
    the people someone works with or looks after (who then are not the patient)."""

    # wave 9: the child of "expecting our second child", "had my little girl" is the baby
    births = [(b.start, b.end) for b in mentions if b.kind in ("pregnant", "postpartum", "weeks")]

    def aside(m: Mention) -> bool:
        if m.kind != "age_band" or "from" in m.detail:
            return False
        if m.value == "child" and any(a <= m.start and m.end <= b for a, b in births):
            return True
        before = folded[max(0, m.start - 40) : m.start]
        young = m.value in ("child", "adolescent") and _PAST_STAGE.search(before)
        return bool(young or _OTHERS_WORDS.search(before))

    return [m for m in mentions if not aside(m)]


def age_band(age: int) -> str:
    """``child`` (0-12), ``adolescent`` (13-17), ``adult`` (18-64) or ``older_adult`` (65+)."""
    for band, (lo, hi) in AGE_BANDS.items():
        if lo <= age <= hi:
            return band
    return "older_adult"


@functools.cache
def extractor() -> Extractor:
    """The extractor over the bundled lexicon and formulary (built once per process)."""
    return Extractor()


def extract(text: str, *, protected: Sequence[tuple[int, int]] = ()) -> PatientContext:
    """The patient context of one question (see the module docstring)."""
    return extractor()(text, protected=protected)
