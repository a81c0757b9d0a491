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
``other_person``, shown, not screened; :func:`_others`); an age band or pregnancy naming the
population of an evidence question ("in older adults", "in pregnant women") is a ``topic``
(:func:`_populations`); and a fact both stated and denied ("epilepsy but no seizures for 10
years") keeps one state, the cautious one: it stands, and its denial is dropped
(:func:`_one_state`).

Phrases match on folded, lightly stemmed tokens (:mod:`acupath.answer.text`), so plurals and
hyphens do not matter; numbers are read with regular expressions, the one thing they do best.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from acupath.answer import text as tx
from acupath.answer.ages import find_ages
from acupath.answer.assessed import assessments
from acupath.answer.audiences import NOT_FOR_ME
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


@functools.lru_cache(maxsize=16384)
def _key(phrase: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(phrase) if t.word not in ("'", "’"))


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
        # apostrophes are not part of phrase keys ("can't pee" is can + t + pee; wave 6)
        kept = [i for i, t in enumerate(toks) if t.word not in ("'", "’")]
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
        out = _others(out, folded, self._kin_subject)
        out = _flags_in_context(out, folded)  # wave 7: moving in bed, CTS, if, kin, topics
        out = supposed(out, folded, FIRST_PERSON)  # wave 8: "if he were on", "not mine", general
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
        if m.negated and m.status == "current" and not negation_in_clause(folded, m.start):
            out[i] = dataclasses.replace(m, negated=False)
    return out


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
# a decimal point ("INR was 4.1") ends no clause (wave 12, p10087)
_CLAUSE_END = re.compile(r"\.(?!\d)|[?!;]|\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me|my|mine|myself)\b")
_THIRD_PERSON = re.compile(r"\b(?:she|she['’]s|shes|her|hers|he|he['’]s|hes|him|his|they|them)\b")


_KIN_MORE = re.compile(
    # wave 11 (h10006, h10093): a relative named by age ("my 6 year old", "my 4-year-old",
    # "my 10 yr old") or with a word before the relation ("my twin sister", "my little
    # brother") is the subject of its clause like "my son" (clinic policy: another person's
    # facts are never screened as the asker's)
    r"\b(?:my|our)\s+(?:\d{1,2}\s*(?:-\s*)?(?:year|yr|month|week)s?\s*(?:-\s*)?old"
    r"(?:s|['’]s)?\b|(?:twin|little|big|older|younger|elder|eldest|youngest|baby|step|half|"
    r"teenage|grown\s+up|adult|new\s*born)\s*-?\s*(?=[a-z]))"
)
_ASKER_TO_KIN = re.compile(
    # wave 11 (h10016): the asker saying who they are to the relative ("I'm her 63 year old
    # dad", "as his mum", "I am their grandad") points at the asker, not back at the relative
    r"\b(?:i\s*(?:am|['’]?m)|im|as)\s+(?:her|his|their)\s+(?:[a-z0-9-]+\s+){0,4}?"
    r"(?:dad|daddy|father|mum|mummy|mom|mommy|mother|parent|husband|wife|partner|boyfriend|"
    r"girlfriend|brother|sister|sibling|twin|son|daughter|grandad|granddad|grandpa|grandfather|"
    r"grandma|granny|grandmother|gran|nan|uncle|aunt|auntie|carer|guardian|friend)\b"
)


_PERSON_AGE = re.compile(r"^([a-z]+)\s*[(,:]?\s*\d")
_NAMED_PERSON_AGE = re.compile(r"^([a-z]+\s+[a-z]+)\s*\(\s*\d")
"""A relation and a name before a bracketed age ("nan joan (84", wave 18): the person is
both words, so two nans are two people."""
_CONCERNS = (
    # wave 22 (h21128 "mother (45 ...) and son (10 ...). This query concerns the SON only"): a
    # sentence naming the one person the query, question, enquiry, request or referral is
    # about (clinic policy: each person's facts stay that person's); "my query concerns the
    # cost" names no person, so nobody is picked, and "referral for X and Y" names both
    r"|\b(?:query|question|enquiry|inquiry|request|referral)\s+(?:(?:only\s+|just\s+|"
    r"really\s+|mainly\s+)?(?:concerns|concerning|regards|regarding|relates\s+to)|is\s+"
    r"(?:only\s+|just\s+|really\s+|mainly\s+)?(?:about|for|re|regarding|concerning))"
    r"\s+(?:only\s+|just\s+)?(?:my\s+|our\s+|the\s+|his\s+|her\s+)?{word}\b"
    # h21119 "It's Mum who wants acupuncture": a cleft sentence naming the person
    r"|\bit(?:['’]?s|\s+is)\s+(?:only\s+|just\s+)?(?:my\s+|our\s+|the\s+)?{word}\s+(?:who|that)\b"
)
_ASK_CUE = (
    r"\b(?:mainly|mostly|especially|particularly|chiefly|primarily|worried\s+about|what\s+about|"
    r"how\s+about|screen|asking\s+(?:about|for)|(?:start|begin)\s+with|(?:ok|okay|safe|suitable|fine|alright|all\s+right|"
    r"good)\s+for)\s+(?:about\s+|for\s+)?(?:my\s+|our\s+|the\s+)?{word}\b"
    r"|\b(?:can|could|may|should|will|would|is)\s+(?:my\s+|our\s+)?{word}\s+(?:come|have|get|be|"
    r"try|start|book|go|still|ok|okay|safe|fine|able)\b" + _CONCERNS
)
"""The person a question asks about in words (wave 17); :data:`_MAIN_CUE` adds a possessive."""
_MAIN_CUE = (
    r"\b(?:mainly|mostly|especially|particularly|chiefly|primarily|worried\s+about|what\s+about|"
    r"how\s+about|screen|asking\s+(?:about|for)|(?:start|begin)\s+with|(?:ok|okay|safe|suitable|fine|alright|all\s+right|"
    r"good)\s+for)\s+(?:about\s+|for\s+)?(?:my\s+|our\s+|the\s+)?{word}\b|\b{word}['’]s\b"
    # wave 17 (h14099): "Can my aunt come on Monday?", "should grandad have it?"
    r"|\b(?:can|could|may|should|will|would|is)\s+(?:my\s+|our\s+)?{word}\s+(?:come|have|get|be|"
    r"try|start|book|go|still|ok|okay|safe|fine|able)\b" + _CONCERNS
)
_PRONOUN_AGE = re.compile(r"^(she|he)\s*(?:is|['’]s)\s+\d")
# wave 19 (h17114, h17120, h17124, h17117, p13124): a person word with a copula ("mum is 74",
# "uncle's 69"), the asker ("i'm 38", "i am 41"), a title and a name ("mr a 49"), an owned age
# ("my 8 year old") or a child told by order ("younger one 9") before the number
_COPULA_PERSON_AGE = re.compile(
    r"^([a-z]+)\s*(?:is|['’]s|was)\s+(?:now\s+|nearly\s+|just\s+|only\s+|almost\s+)?\d"
)
# wave 20: the asker's own age ("i'm 38", "i am 41", "im 29"), a person of several only when
# the question asks about another person ("... ok for her?", "can he have it?")
_ASKER_AGE = re.compile(r"^(?:i['’]m|im|i\s+am)\s+(?:now\s+|nearly\s+|just\s+|only\s+)?\d")
_ASKS_OTHER = re.compile(
    r"\b(?:can|could|should|may|will|would)\s+(?:she|he)\s+(?:have|try|get|go|start|book|be)\b"
    r"|\b(?:for|about|treat|screen|needle)\s+(?:her|him)\b(?!\s+(?!(?:please|too|as|first|"
    r"today|tomorrow|now|then|and|or|if|because|since|given|with|at|on|in|next|this|safely)\b)"
    r"[a-z])"
)
_TITLED_AGE = re.compile(r"^((?:mr|mrs|ms|miss|mx|dr)\.?\s+[a-z]+)\.?\s*[(,:]?\s*\d")
_ORDER_AGE = re.compile(
    r"^((?:older|oldest|elder|eldest|younger|youngest|middle|little|big)\s+one)\b"
)
_OWNED_AGE = re.compile(r"\b(?:my|our)\s+$")
_BRACKETED_OWNER = re.compile(r"\b(?:my|our)\s+([a-z]+)\s*[(,]\s*$")
_ASKED_KIND = re.compile(
    r"\b(?:screen|about|for|see|treat|check|assess|needle|with)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?P<k>boy|girl|lad|lass|man|woman|lady|gentleman|gent|him|her)\b"
    # wave 19 (h17114 "takes paracetamol for her knees"): "her" before a noun is a possessive,
    # no ask about her
    r"(?!\s+(?!(?:please|too|as|first|today|tomorrow|now|then|and|or|if|because|since|given|"
    r"with|at|on|in|next|this|safely)\b)[a-z])"
)
_MALE_KIND = frozenset({"boy", "lad", "man", "gentleman", "gent", "him", "he"})
_FEMALE_KIND = frozenset({"girl", "lass", "woman", "lady", "her", "she"})


@functools.cache
def _relation_sex() -> dict[str, str]:
    """Each relation word's sex, where the relation fixes it ("grandson" male)."""
    out: dict[str, str] = {}
    for rel in patient_words().people.relations.values():
        sex = {"he": "male", "she": "female"}.get(rel.pronoun or "", "")
        for w in rel.words if sex else ():
            out[fold(w)] = sex
    return out


def _of_asked_sex(people: list[str], folded: str) -> str | None:
    """The one person whose sex is the one the question's last ask names ("Please screen the
    boy", "What about her?"); ``None`` when none or several are (wave 17, h14101)."""
    asks = list(_ASKED_KIND.finditer(folded))
    if not asks:
        return None
    sex = "male" if asks[-1].group("k") in _MALE_KIND else "female"
    sexes = _relation_sex()
    of_sex = [w for w in people if sexes.get(w) == sex]
    return of_sex[0] if len(of_sex) == 1 else None


_CLAUSE_STOP = re.compile(
    r"\.(?!\d)|[?!;]|\b(?:and|but|while|whereas|both|they|she|he|her|his|him|we|i|my|our)\b"
)


_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[.;:,]\s*|\b(?:and|but|while|whereas)\s+)(?P<p>he|she)\s+(?:has|is|takes|['’]s|was|had|"
    r"gets|uses|needs)\b"
)
_ASKED_PRONOUN = re.compile(
    r"\b(?:about|for|with|screen|treat|needle)\s+(?P<o>her|him)\b|\b(?:can|could|should|may|will)"
    r"\s+(?P<s>she|he)\b"
)


def _two_by_pronoun(mentions: list[Mention], folded: str) -> list[Mention]:
    """Two people told apart only by "he" and "she" ("Couple attending together: he has
    platelets of 310 and no meds; she has ITP with platelets 30 last week. What about her?"):
    the facts in the clauses of the one the last ask does not name are theirs (status
    ``other_person``), and a lab value of the one asked about that was earlier only beside
    the other's is their latest (wave 17, h14097; clinic policy: each person's facts stay
    that person's). Else the mentions unchanged."""
    subjects = {m.group("p") for m in _PRONOUN_SUBJECT.finditer(folded)}
    asks = list(_ASKED_PRONOUN.finditer(folded))
    if subjects != {"he", "she"} or not asks or FIRST_PERSON.search(folded):
        return mentions
    last = asks[-1]
    main = "she" if (last.group("o") or last.group("s")) in ("her", "she") else "he"
    other = "he" if main == "she" else "she"
    out = _their_clauses(mentions, folded, main, [other])
    aside = {m.value.split(":")[0] for m in out if m.kind == "lab" and m.status == OTHER_PERSON}
    kept = {
        m.value.split(":")[0]
        for m in out
        if m.kind == "lab" and m.status not in (OTHER_PERSON, EARLIER_VALUE)
    }
    return [
        dataclasses.replace(m, status=LATEST_VALUE)
        if m.kind == "lab" and m.status == EARLIER_VALUE and m.value.split(":")[0] in aside - kept
        else m
        for m in out
    ]


def _their_clauses(
    mentions: list[Mention], folded: str, main: str, others: list[str]
) -> list[Mention]:
    """The facts in a clause whose subject is another aged person, when the question names the
    one it is about ("my daughter has a VP shunt. Is it fine for my son?"): that person's,
    status ``other_person`` (wave 17, h14096; clinic policy: each person's facts stay that
    person's). The clause runs from the other person's word to the sentence's end, a
    conjunction or a pronoun, whichever comes first, so a fact shared by "and" stays."""
    spans: list[tuple[int, int]] = []
    for w in others:
        for m in re.finditer(r"\b" + re.escape(w) + r"\b", folded):
            stop = _CLAUSE_STOP.search(folded, m.end())
            again = re.compile(r"\b" + re.escape(main) + r"\b").search(folded, m.end())
            end = (
                min(x.start() for x in (stop, again) if x is not None)
                if (stop or again)
                else len(folded)
            )
            spans.append((m.start(), end))
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if m.kind not in ("age", "age_band", "sex")
        and m.status not in (OTHER_PERSON, TOPIC)
        and any(a <= m.start < b for a, b in spans)
        else m
        for m in mentions
    ]


_NOT_A_PERSON = frozenset(
    {
        "age",
        "aged",
        "ages",
        "turned",
        "turning",
        "turns",
        "now",
        "is",
        "was",
        "of",
        "am",
        "at",
        "about",
        "approx",
        "over",
        "under",
        "nearly",
        "almost",
        "just",
    }
)
_ORDINAL_PERSON = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s*[:,(-]?\s*$")
"""A note's people named by order ("First: 45F ... Second: 59M", wave 12 h10094)."""

_NOT_SAFETY_KINDS = frozenset({"age", "age_band", "sex", "assessed"})


@functools.cache
def _screened_classes() -> frozenset[str]:
    """Every medicine class a screening rule names (``medication_class_any``)."""
    from pathlib import Path

    import yaml

    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "medication_class_any" and isinstance(v, list):
                    found.update(str(x) for x in v)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    folder = Path(__file__).resolve().parent.parent / "data" / "screening_rules"
    for path in sorted(folder.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return frozenset(found)


def is_safety_fact(m: Mention) -> bool:
    """A fact the screen turns on (a medicine only when a rule names one of its classes)."""
    if m.negated or m.hypothetical or m.status != "current" or m.kind in _NOT_SAFETY_KINDS:
        return False
    if m.kind == "medicine":
        return bool(set(m.detail.get("classes", ())) & _screened_classes())
    if m.kind == "class":
        return str(m.value) in _screened_classes()
    return True


def _with_safety_fact(
    aged: dict[str, list[Mention]], mentions: list[Mention], folded: str
) -> str | None:
    """The one person whose part of the question holds a safety fact (from their age to the
    next person's), or ``None`` when none or several do (wave 12, p10101, h10094)."""
    starts = sorted((ms[0].start, w) for w, ms in aged.items())
    holders = []
    for i, (a, w) in enumerate(starts):
        b = starts[i + 1][0] if i + 1 < len(starts) else len(folded) + 1
        if any(a <= m.start < b and is_safety_fact(m) for m in mentions):
            holders.append(w)
    return holders[0] if len(holders) == 1 else None


_YOUNGER = re.compile(r"\b(?:the\s+)?(?:younger|youngest|little)\s+one\b")
_OLDER = re.compile(r"\b(?:the\s+)?(?:older|oldest|elder|eldest|big)\s+one\b")
_ASKED_ORDER = re.compile(
    r"\b(?:(?P<y>younger|youngest|little)|older|oldest|elder|eldest|big)\s+(?:one|child|kid|"
    r"boy|girl|sibling|brother|sister|son|daughter|twin)\b"
)


def _asks_other(folded: str) -> bool:
    """Whether the question's last sentence asks about another person ("... would it be safe
    for her?", "can he have it?") and nothing asks for the asker ("ok for me", "can I");
    "she said it was fine for her" in an earlier sentence asks nothing (wave 20, h6045)."""
    body = folded.rstrip(" ?!.\n")
    ends = [m.end() for m in re.finditer(r"[.!?;](?!\d)", body)]
    last = body[ends[-1] :] if ends else body
    return bool(_ASKS_OTHER.search(last)) and not FIRST_PERSON_ASK.search(folded)


FIRST_PERSON_ASK = re.compile(
    # the asker asking for themself ("ok for me", "can I have", "just me", "it's me with")
    r"\b(?:for|to)\s+me\b|\bcan\s+i\b|\bjust\s+me\b|\bonly\s+me\b|\bit['’]?s\s+me\b"
    r"|\bfor\s+my\s+own\b|\bshould\s+i\b"
)


def _several_people(mentions: list[Mention], folded: str) -> list[Mention]:
    """Two or more people each given an age ("Dad (76) ... Mum (73)", "my son (9) and daughter
    (15)", "Grandad (88) and Grandma (84)"): never one intake of two people (wave 11, h10091,
    h10098, h10102; clinic policy: each person's facts stay that person's). The box is for the
    person the question is mainly about: the one named after "mainly", "especially", "worried
    about", "ok for" or in a possessive ("Grandad's hiccups"), "the younger / older one", or
    else the first named; the other people's ages are set aside (shown, not screened)."""
    aged: dict[str, list[Mention]] = {}
    asks_other = _asks_other(folded)
    for m in mentions:
        if m.kind != "age" or m.negated or m.status == OTHER_PERSON:
            continue  # wave 21: a person a numbered list already set aside is no candidate
        words = fold(m.words)
        if _ASKER_AGE.match(words) and asks_other:
            aged.setdefault("i", []).append(m)  # wave 20: "I'm 41 ... ok for her?"
            continue
        if re.match(r"\d", words) and _OWNED_AGE.search(folded[max(0, m.start - 8) : m.start]):
            aged.setdefault(words, []).append(m)  # "my 8 year old ... my 17 year old"
            continue
        person = (
            _TITLED_AGE.match(words)
            or _ORDER_AGE.match(words)
            or _COPULA_PERSON_AGE.match(words)
            or _NAMED_PERSON_AGE.match(fold(m.words))
            or _PERSON_AGE.match(fold(m.words))
            or _PRONOUN_AGE.match(fold(m.words))
            or _ORDINAL_PERSON.search(folded[: m.start])
        )
        if person and person.group(1) not in _NOT_A_PERSON:
            word = person.group(1)
            # wave 17 (h14099): "my aunt (she is 69, ...)": the pronoun is the relative's
            owner = _BRACKETED_OWNER.search(folded[: m.start]) if word in ("she", "he") else None
            aged.setdefault(owner.group(1) if owner else word, []).append(m)
    if len(aged) < 2 or len({m.value for ms in aged.values() for m in ms}) < 2:
        return mentions
    people = list(aged)  # in order of first mention
    if "i" in aged:
        # wave 20: the question asks about another person, so the asker is never its main
        # person; with one other person, that person is (clinic policy: each person's facts
        # stay that person's)
        others = [w for w in people if w != "i"]
        if len(others) == 1:
            aside = {(m.start, m.end) for m in aged["i"]}
            return [
                dataclasses.replace(m, status=OTHER_PERSON)
                if m.kind in ("age", "age_band") and (m.start, m.end) in aside
                else m
                for m in mentions
            ]
        people = others
    main = next((w for w in people if re.search(_MAIN_CUE.format(word=re.escape(w)), folded)), None)
    # wave 17 (h14101 "grandmother 84 ...; grandson 10 ... Please screen the boy"): the one
    # person of the sex the question's last words name ("the boy", "about her")
    main = main or _of_asked_sex(people, folded)
    asked = next((w for w in people if re.search(_ASK_CUE.format(word=re.escape(w)), folded)), None)
    if main is not None and main == (asked or _of_asked_sex(people, folded)):
        # only a person the question asks about in words ("Is it fine for my son?"), never
        # one picked by a possessive ("Dad's 80") or by order, loses the others' facts
        mentions = _their_clauses(mentions, folded, main, [w for w in people if w != main])
    if main is None and (_YOUNGER.search(folded) or _OLDER.search(folded)):
        by_age = sorted(people, key=lambda w: int(aged[w][0].value))
        # wave 19 (p13124 "older one 14 ...; younger one 9 ... advise for the younger
        # child"): the order named after the last age is the one asked about
        tail = folded[max(m.end for ms in aged.values() for m in ms) :]
        asked_order = list(_ASKED_ORDER.finditer(tail))
        if asked_order:
            main = by_age[0] if asked_order[-1].group("y") else by_age[-1]
        else:
            main = by_age[0] if _YOUNGER.search(folded) else by_age[-1]
    # wave 12 (p10101, h10094): else the one person with a safety fact in their part of the
    # question ("Mum (76) takes paracetamol. Dad (79) is on Eliquis"): the screen is for the
    # person the safety question turns on (clinic policy: the stricter screen, never a mix)
    main = main or _with_safety_fact(aged, mentions, folded) or people[0]
    aside = {(m.start, m.end) for w, ms in aged.items() if w != main for m in ms}
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if m.kind in ("age", "age_band") and (m.start, m.end) in aside
        else m
        for m in mentions
    ]


_NOT_THE_ONE = re.compile(
    r"\b(?:he|she|they)\s*(?:(?:['’]?s|is|are|['’]re)\s+not|isn['’]?t|aren['’]?t)\s+"
    r"the\s+(?:one|patient)\b[^.;?!]{0,40}?\b(?:i\s*am|i['’]m|im|it['’]?s\s+(?:for\s+)?me)\b"
)


_THE_ONE_NOT_ME = re.compile(
    # wave 12 (p10094): "my son is the one who hates needles, not me": the fact is set
    # against the asker, so it is the relative's; not when "the one" is the one treated
    r"(?:\bis|['’]s)\s+the\s+one\b(?![^.;?!]{0,60}?\b(?:acupuncture|treat|treated|treatment|"
    r"session|appointment|booked|booking|patient|needled|needling|seen)\b)[^.;?!]{0,60}?"
    r"[,\s-]*\bnot\s+(?:me|myself)\b"
)

_MET_PERSON = re.compile(
    # wave 12 (p10097): a person the asker meets somewhere, opening a clause ("A kid at my
    # son's school had meningitis", "a child in my daughter's class", "a boy from our street")
    # is someone else, like a relative (clinic policy: another person's facts are never the
    # asker's)
    r"(?:^|[.!?;]\s*|\b(?:and|but|so|because|since)\s+)(?P<p>(?:a|an|another|some|one)\s+"
    r"(?:little\s+|young\s+|small\s+|older\s+)?(?:kid|child|boy|girl|baby|toddler|teen|"
    r"teenager|lad|lass|man|woman|lady|guy|person)\s+(?:at|in|from|on)\s+"
    r"(?:my|our|the|his|her|their|your)\s+(?:[a-z]+['’]s\s+)?[a-z]+\b)"
)


_LIST_LABEL = re.compile(
    r"\b(?P<k>bed|pt|patient|case|client|cubicle|bay|room)\s*(?:no\.?\s*|#\s*)?(?P<n>\d{1,2})\b"
    r"(?!\s*(?:[%/.]\d|(?:years?|yrs?|yo|y/o|weeks?|wks?|days?|months?|mg|kg|sessions?)\b))"
)
_MARK_BEFORE = re.compile(
    r"\b(?:query|question|asking|enquiry|ask|asked)\s+(?:is\s+)?(?:only\s+|just\s+|really\s+)?"
    r"(?:about|re|regarding|for|on)\s+(?:the\s+)?$"
    # wave 22 (h21123 "Clinic list ..., query bed 3 only: bed 2 = ..."): the noun right before
    # the label, with no preposition
    r"|(?:^|[,;:.(]\s*|\b(?:list|round|notes?)\s+)(?:query|question|enquiry|inquiry)\s+"
    r"(?:only\s+|just\s+)?$"
)
_MARK_AFTER = re.compile(
    r"\s*(?:of\s+\d{1,2}\s*)?(?:[(:-]\s*)?(?:this\s+(?:query|question|one)|the\s+one\s+"
    r"(?:i\s*['’]?m|i\s+am|im)\s+asking\s+about|(?:my\s+)?query)\b"
)
_KIND = {"pt": "patient"}
_ASKER_MARK = re.compile(
    # "mainly asking about me", "the question is mostly for me", "just asking for myself",
    # "my query is mainly about me" (wave 22)
    r"\b(?:asking|query|question|enquiry|ask)\s+(?:is\s+)?(?:mainly\s+|mostly\s+|only\s+|"
    r"just\s+|really\s+|chiefly\s+|primarily\s+)?(?:about|for|re)\s+(?:me|myself)\b"
)
_ASKER_ITEM = re.compile(r"\s*(?:for\s+|about\s+)?(?:me|myself|i|i['’]m|im)\b")
"""An item of a list that opens with the asker ("1) for me - 52", "(2) I'm 44", wave 22)."""
_ITEM_LABEL = re.compile(r"(?:^|(?<=[\s:;,.]))\(?(?P<n>[1-9])\)(?=\s)")
"""A list's index, "(1)" or "1)" (wave 17)."""
_LETTER_LABEL = re.compile(r"(?:^|(?<=[\s:;,.]))\(?(?P<l>[a-e])\)(?=\s)")
"""A list's letter, "(a)" or "a)" (wave 18); an item only when a person opens it."""
_LETTER_PERSON = re.compile(
    r"\s*(?:\d{1,3}\s*(?:[mf]\b|yo\b|y/o|y\b|years?\b|yrs?\b|\s*,)|[mf]\s*/?\s*\d{1,3}\b|"
    r"(?:mr|mrs|ms|miss|dr|pt|patient|client|man|woman|lady|gentleman|gent|boy|girl|male|"
    r"female)\b)"
)
_LETTER_MARK = re.compile(r"\((?P<l>[a-e])\)")
_HASH_MARK = re.compile(r"(?:#\s*|\bnumber\s+|\bno\.\s*|\bitem\s+)(?P<n>[1-9])\b(?!\s*(?:[%/.]\d))")
"""A mark naming a list's item by its number outside the list ("Start with #2")."""
_ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "first": 1, "second": 2,
             "third": 3, "fourth": 4, "fifth": 5}  # fmt: skip
_ORD = r"(?P<o>1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth)"
# wave 15 (h12100 "Asking about the 2nd only: ... (1st pt had a pacemaker)"): patients told by
# ordinals ("1st pt", "the second patient", "3rd case"), and, right after a mark ("asking about
# the 2nd only"), an ordinal alone, which names the list's kind of label
_ORDINAL_LABEL = re.compile(_ORD + r"\s+(?P<k>pt|patient|case|client)s?\b")
_ORDINAL_ALONE = re.compile(r"\b" + _ORD + r"\b(?!\s+(?:pt|patient|case|client)s?\b)")
_INDEX = re.compile(r"\s*(?:of\s+\d{1,2}\b|[:)]|\(|\s-\s)")


_ASK_TITLED = re.compile(
    r"\b(?:for|about|to|with|on|re|needle|treat|of)\s+(?P<t>mr|mrs|ms|miss|mx|dr)\.?\s+"
    r"(?P<n>[a-z][a-z'’-]{0,20})\b"
)


def _named_in_ask(folded: str, labels: list[tuple[int, int, str, int]]) -> set[int]:
    """The list's number of the one patient the last sentence names by a title and name ("Any
    changes needed for Mrs B?", "what about Mr Jones?") when that title and name opens exactly
    one item of the list (wave 21, h20098; clinic policy: each person's facts stay that
    person's); else none."""
    body = folded.rstrip(" ?!.\n")
    ends = [m.end() for m in re.finditer(r"[.!?;](?!\d)", body)]
    start = ends[-1] if ends else 0
    out: set[int] = set()
    for m in _ASK_TITLED.finditer(folded, start):
        who = re.compile(
            r"\b" + m.group("t") + r"\.?\s+" + re.escape(m.group("n")) + r"(?![a-z'’-])"
        )
        hits = set()
        for i, (a, b, _, n) in enumerate(labels):
            if a >= start:
                continue
            nxt = next((c for c, _, _, k in labels[i + 1 :] if k != n), start)
            if who.search(folded[b : min(nxt, b + 40, start)]):
                hits.add(n)
        if len(hits) == 1:
            out |= hits
    return out


def _numbered_people(mentions: list[Mention], folded: str) -> list[Mention]:
    """A list of numbered patients ("Bed 1 ... bed 2 ... bed 3", "Pt 1 of 2: ... Pt 2 of 2
    (this query): ...", "Case 1: ... Case 2: ...") in which the question marks one as the one
    asked about ("query only about bed 2", "(this query)", "asking about patient 2 only"):
    the facts in the other patients' parts are theirs (status ``other_person``: shown, not
    screened), each part running from its label to the next label of another number (wave 14,
    p11105, p11110; clinic policy: each person's facts stay that person's). With no patient
    marked, or more than one, every fact stays (the cautious reading). A list's label is no
    age ("Pt 1:" is no one-year-old)."""
    labels = [
        (m.start(), m.end(), _KIND.get(m.group("k"), m.group("k")), int(m.group("n")))
        for m in _LIST_LABEL.finditer(folded)
        if int(m.group("n")) <= 20
    ]
    ordinals = [
        (m.start(), m.end(), _KIND.get(m.group("k"), m.group("k")), _ORDINALS[m.group("o")])
        for m in _ORDINAL_LABEL.finditer(folded)
    ]
    if ordinals:
        # an ordinal alone is a label only right after a mark, of the kind the list uses
        ordinals += [
            (m.start(), m.end(), ordinals[0][2], _ORDINALS[m.group("o")])
            for m in _ORDINAL_ALONE.finditer(folded)
            if _MARK_BEFORE.search(folded[max(0, m.start() - 40) : m.start()])
        ]
    # wave 17 (p12118, h14094): a list indexed "(1) 58M ...; (2) 61F ..." or "1) ... 2) ..."
    items = [
        (m.start(), m.end(), "item", int(m.group("n")))
        for m in _ITEM_LABEL.finditer(folded)
        if not any(a <= m.start() < b for a, b, _, _ in labels)
    ]
    # wave 18 (h15073 "(a) 45F neck pain, no issues; (b) 71M knee OA on Brilinta"): a list
    # lettered "(a) ... (b) ..." or "a) ... b) ..." like a numbered one, each item opening with
    # a person (an age and sex, a title, a person word), so "I have (a) a pacemaker and (b)
    # knee pain" is no list of people; the letter is kept as its number (a = 1)
    items += [
        (m.start(), m.end(), "letter", ord(m.group("l")) - ord("a") + 1)
        for m in _LETTER_LABEL.finditer(folded)
        if _LETTER_PERSON.match(folded, m.end())
    ]
    labels = sorted(labels + ordinals + items)
    kinds = {k for _, _, k, _ in labels}
    kind = next((k for k in kinds if len({n for _, _, kk, n in labels if kk == k}) >= 2), None)
    if kind is None:
        return mentions
    labels = [label for label in labels if label[2] == kind]
    marked = {
        n
        for a, b, _, n in labels
        if _MARK_BEFORE.search(folded[max(0, a - 40) : a]) or _MARK_AFTER.match(folded, b)
    }
    # "Start with #2", "Just #1 for now", "Number 2 please": a mark outside the labels
    numbers_listed = {n for _, _, _, n in labels}
    marked |= {
        int(m.group("n"))
        for m in _HASH_MARK.finditer(folded)
        if int(m.group("n")) in numbers_listed
        and not any(a <= m.start() < b for a, b, _, _ in labels)
    }
    marked |= _named_in_ask(folded, labels)
    if kind in ("item", "letter") and _ASKER_MARK.search(folded):
        # wave 22 (h21121 "1) for me - 52, ... 2) my friend ...; she's 20 weeks pregnant ...
        # Mainly asking about me"): the one item that opens with the asker is marked
        mine = {n for _, b, _, n in labels if _ASKER_ITEM.match(folded, b)}
        if len(mine) == 1:
            marked |= mine
    if kind == "letter":
        # "Any precautions for (b)?", "Just (a) for now": a bracketed letter outside the labels
        marked |= {
            ord(m.group("l")) - ord("a") + 1
            for m in _LETTER_MARK.finditer(folded)
            if ord(m.group("l")) - ord("a") + 1 in numbers_listed
            and not any(a <= m.start() < b for a, b, _, _ in labels)
        }
    # a label written as a list's index ("Pt 1 of 2:", "Patient 2:", "Case 1 -") is no age;
    # "patient 45, on warfarin" keeps its age
    numbers = [(a, b) for a, b, _, _ in labels if _INDEX.match(folded, b)]
    out = [
        m
        for m in mentions
        if not (m.kind in ("age", "age_band") and _overlaps(m.start, m.end, numbers))
    ]
    parts: list[tuple[int, int, int]] = []
    for i, (a, _, _, n) in enumerate(labels):
        nxt = next((c for c, _, _, k in labels[i + 1 :] if k != n), len(folded))
        parts.append((a, nxt, n))
    if not marked:
        # wave 17 (p12118 "(1) 58M knee OA, no meds; (2) 61F, INR 4.2 on warfarin. Which one
        # should I not needle?"): with no patient marked every fact stays, but the ages of the
        # patients without one are theirs when one patient alone holds the safety facts (the
        # screen is for the person the safety question turns on, as for several relatives)
        holders = {n for a, b, n in parts for m in out if a <= m.start < b and is_safety_fact(m)}
        if len(holders) != 1:
            return out
        marked = holders
        kinds_aside: frozenset[str] | None = frozenset({"age", "age_band"})
    else:
        kinds_aside = None
    if len(marked) != 1:
        return out
    main = next(iter(marked))
    aside = [(a, b) for a, b, n in parts if n != main]
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if any(a <= m.start < b for a, b in aside)
        and m.kind not in _NEVER_OTHER
        and (kinds_aside is None or m.kind in kinds_aside)
        else m
        for m in out
    ]


_PERSON_LABEL = re.compile(
    # wave 18 (h15074 "Me: 47, migraine, nothing else. Her: 15, period pain."): a person
    # labelled by a pronoun opening a sentence or an item, then a colon or a dash (folded to
    # spaces), or "for me:", "for her -"
    r"(?:^|(?<=[.;!?:,])|(?<=[.;!?:,]\s))\s*(?:for\s+)?(?P<w>me|myself|mine|her|hers|him|his|she|he)"
    r"\s*(?::|\s{3})"
)
_RELATION_LABEL = re.compile(
    r"(?:^|(?<=[.;!?:,])|(?<=[.;!?:,]\s))\s*(?:for\s+)?(?:my\s+|our\s+)?(?P<r>[a-z]+)\s*(?::|\s{3})"
)
# wave 19 (p13120 "He: 55, ... She: 50, ..."): a subject pronoun labels a person too
_LABEL_PERSON = {"me": "me", "myself": "me", "mine": "me", "her": "her", "hers": "her",
                 "him": "him", "his": "him", "she": "her", "he": "him"}  # fmt: skip
_LABEL_PRONOUNS = {
    "me": re.compile(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me|my|mine|myself)\b"),
    "her": re.compile(r"\b(?:she|she['’]s|shes|her|hers|herself)\b"),
    "him": re.compile(r"\b(?:he|he['’]s|hes|him|his|himself)\b"),
}
_FILLER = re.compile(
    r"\b(?:i\s+(?:mean|wonder|guess|suppose|think|was\s+wondering)|(?:can|could|may)\s+i\s+ask)\b"
)
_QUESTION = re.compile(r"[^.?!]*\?")


def _labelled_people(mentions: list[Mention], folded: str) -> list[Mention]:
    """People told apart by labels ("Me: 47, migraine. Her: 15, period pain. Is she old
    enough?", "Mine: ... His: ...", "For me - ...; for her - ..."): each part runs from its
    label to the next label of another person (wave 18, h15074; clinic policy: each person's
    facts stay that person's). The person the questions point at by pronoun alone ("is she",
    "for him", "what about me"; "we", "both" or two persons point at none) keeps their facts
    and the others' are set aside; with nobody picked out every fact stays, but the ages of
    the people without a safety fact are theirs when one person alone holds the safety facts,
    as in a numbered list."""
    labels = [(m.start("w"), _LABEL_PERSON[m.group("w")]) for m in _PERSON_LABEL.finditer(folded)]
    if not labels:
        return mentions
    # a relative labelled beside them ("Me: 38, migraines. Mum: 71, on apixaban", p11100):
    # named by the relation word or the pronoun of its sex
    sexes = _relation_sex()
    labels += [
        (m.start("r"), m.group("r"))
        for m in _RELATION_LABEL.finditer(folded)
        if m.group("r") in sexes
    ]
    labels.sort()
    if len({w for _, w in labels}) < 2:
        return mentions
    parts: list[tuple[int, int, str]] = []
    for i, (a, w) in enumerate(labels):
        nxt = next((c for c, k in labels[i + 1 :] if k != w), len(folded))
        parts.append((a, nxt, w))
    asked_text = _FILLER.sub(" ", " ".join(_QUESTION.findall(folded)))
    pronoun = {"male": "him", "female": "her"}
    asked = {
        w
        for _, w in labels
        if _LABEL_PRONOUNS[pronoun[sexes[w]] if w in sexes else w].search(asked_text)
        or (w in sexes and re.search(r"\b" + re.escape(w) + r"\b", asked_text))
    }
    if re.search(r"\b(?:we|us|both|either|each)\b", asked_text):
        asked = set()
    if len(asked) == 1:
        main = next(iter(asked))
        aside = [(a, b) for a, b, w in parts if w != main]
        return _set_aside(mentions, aside)
    holders = {w for a, b, w in parts for m in mentions if a <= m.start < b and is_safety_fact(m)}
    if len(holders) != 1:
        return mentions
    aside = [(a, b) for a, b, w in parts if w not in holders]
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if any(a <= m.start < b for a, b in aside) and m.kind in ("age", "age_band")
        else m
        for m in mentions
    ]


_FOR_MYSELF = re.compile(
    # wave 14 (p11099, p11121): the asker says the question is theirs ("this question is for
    # me", "I'm asking for myself", "the question is about me though", "this one is for me");
    # "asking for myself and for her", "for me and my mum" name both
    r"\b(?:(?:this|the|my)\s+(?:question|query|one|enquiry|message)\s+is\s+(?:really\s+|"
    r"actually\s+|just\s+|only\s+)?(?:for|about)\s+(?:me|myself)"
    r"|(?:i\s*(?:am|['’]?m)|im)\s+(?:only\s+|just\s+|really\s+|actually\s+)?asking\s+"
    r"(?:for|about)\s+(?:me|myself)"
    r"|(?:it['’]?s|this\s+is)\s+(?:really\s+|actually\s+|just\s+)?(?:for|about)\s+me)\b"
    # "this is for me to pass on to her" is no patient of the asker
    r"(?!\s*(?:and|&|as\s+well|too|or|to)\b)(?![^.;?!]{0,20}\b(?:and|&)\s+(?:for\s+)?"
    r"(?:her|him|them|my|our)\b)"
)


FOR_ME_NOT_THEM = re.compile(
    # wave 17 (h14095): the asker says the question is theirs, not the relative's ("Asking for
    # me, not her", "this is about me, not my wife", "for myself not him")
    r"\b(?:for|about)\s+(?:me|myself)\s*[,;:-]?\s*(?:and\s+)?not\s+(?:for\s+|about\s+)?"
    r"(?:her|him|them|my\s+[a-z]+(?:\s+[a-z]+)?)\b"
)
_DECLARED_LEAD = re.compile(
    r"[\s,;:.!-]*(?:just\s+|only\s+)?(?:it['’]?s\s+|its\s+|but\s+|rather\s+|asking\s+|"
    r"i['’]?m\s+asking\s+)?(?:for|about)\s+"
)
_DECLARED_TAIL = re.compile(r"[\s,;:.!-]*(?:and\s+|but\s+)?$")
_ASKER_SUBJECT = re.compile(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me|my|myself)\b")
_ASKER_CLAUSE_END = re.compile(r"\.(?!\d)|[?!;]|\b(?:she|she['’]s|shes|he|he['’]s|hes|they)\b")


def declared_relative(folded: str, kin: re.Pattern[str]) -> re.Match[str] | None:
    """The relative the asker says the question is for, next to their disclaimer ("not for
    me, for my daughter", "asking for my dad, not for me", "Not about me - about my son")
    (wave 17, p12117, h14093); else ``None``."""
    for m in NOT_FOR_ME.finditer(folded):
        lead = _DECLARED_LEAD.match(folded, m.end())
        if lead is not None:
            rel = kin.match(folded, lead.end())
            if rel is not None:
                return rel
        for rel in kin.finditer(folded, max(0, m.start() - 40), m.start()):
            if _DECLARED_TAIL.match(folded[rel.end() : m.start()]) and re.search(
                r"\b(?:for|about)\s+$", folded[max(0, rel.start() - 12) : rel.start()]
            ):
                return rel
    # wave 19 (p13118 "Asking for my brother. I'm the one on chemo, he's healthy"): the asker
    # says whom they write for and sets their own facts apart ("I'm the one with ...", "it's me
    # who has ..."); "asking for my wife and me" names both
    lead = _ON_BEHALF_LEAD.search(folded)
    if lead is not None and _ME_THE_ONE.search(folded):
        rel = kin.match(folded, lead.end())
        both = re.match(r"\s*(?:and|&)\s+(?:me|myself|i)\b", folded[rel.end() :]) if rel else None
        if rel is not None and both is None:
            return rel
    return None


_ON_BEHALF_LEAD = re.compile(
    r"\b(?:asking|writing|enquiring|inquiring|messaging|emailing|texting|this\s+is)\s+"
    r"(?:for|on\s+behalf\s+of|about)\s+"
)
_ME_THE_ONE = re.compile(
    r"\b(?:i['’]m|im|i\s+am)\s+the\s+one\s+(?:who|with|on|that|having|getting|taking|in)\b"
    r"|\b(?:it['’]?s|its)\s+me\s+(?:who|that)\s+(?:has|is|takes|had|was|uses)\b"
)


def _askers_own(mentions: list[Mention], folded: str, kin: re.Pattern[str]) -> list[Mention]:
    """The question declared to be for a relative ("not for me, for my daughter - she's 24
    weeks pregnant ... I'm her mum and I have a pacemaker"): the relative is the patient, so
    the facts in the asker's own clauses (from "I", "my" to the sentence's end or the next
    "she", "he") are the asker's, another person's: shown, not screened (wave 17, p12117;
    clinic policy: each person's facts stay that person's)."""
    text = NOT_FOR_ME.sub(lambda m: " " * len(m.group()), folded)
    spans: list[tuple[int, int]] = []
    for m in _ASKER_SUBJECT.finditer(text):
        if (spans and m.start() < spans[-1][1]) or kin.match(text, m.start()):
            continue  # "my daughter" is the relative's clause
        end = _ASKER_CLAUSE_END.search(text, m.end())
        spans.append((m.start(), end.start() if end else len(text)))
    return _set_aside(mentions, spans)


I_HAVE_NONE = re.compile(
    # wave 17 (p12122 "my friend ... she has COPD. I dont have any lung problems, just neck
    # pain"): the asker denying a condition of their own speaks of their own health
    r"\bi\s+(?:(?:do\s*n['’]?o?t|dont|don['’]t)\s+have|have\s+no|haven['’]?t\s+(?:got|had))\s+"
    r"(?:any\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,2}?(?:problems?|issues?|conditions?|troubles?|"
    r"disease|illness|history|symptoms?|allerg(?:y|ies))\b"
)


_TAKING = re.compile(
    r"\b(?:i|i['’]m|im|i['’]ve|ive|i\s+have|i\s+sometimes|i\s+often)\s+(?:\w+\s+){0,2}?"
    r"(?:take|taking|took|use|using|used|borrow\w*|nick\w*|pinch\w*|shar\w*|swipe\w*|steal\w*|"
    r"stole|have|had|pop|popping)\s+$"
)


def _taken_from(folded: str, start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """Whether a relative at ``[start, end)`` is named as the owner of a medicine the asker
    takes ("I take my partner's aspirin", "I've been using my husband's clopidogrel"; wave 17,
    held-out part 15 h15040): the possessive (folded away) says whose prescription it is, not
    who takes it, so the medicine stays the asker's (the cautious reading)."""
    # the medicine right after the relative: the folded text has lost the "'s"
    right_after = any(
        m.kind in ("medicine", "class", "regimen") and end <= m.start <= end + 3 for m in mentions
    )
    return right_after and bool(_TAKING.search(folded[max(0, start - 40) : start]))


@functools.cache
def _relation_alt() -> str:
    """Every relation word (patient.yaml's people), longest first, as one alternation."""
    words = {fold(w) for rel in patient_words().people.relations.values() for w in rel.words}
    words |= {"friend", "partner", "husband", "wife"}
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ASKER_DENIES = (
    # the asker's own "no" set against the other's fact: "but I don't", "I'm on nothing",
    # "I take nothing", "I'm not (on anything)", "not me"; never "I don't know", "I'm not sure"
    r"(?:(?:i\s+(?:do\s*n['’]?o?t|dont|don['’]t|haven['’]?t|have\s*n['’]?t))"
    r"(?=\s*(?:[.,;:!?)–-]|$|(?:have|take|use|need|i|just|only)\b))"
    r"|i\s+(?:take|have|use)\s+(?:nothing|none)\b"
    r"|(?:i\s*(?:am|['’]?m)|im)\s+(?:obviously\s+|definitely\s+|certainly\s+)?"
    r"(?:on\s+nothing|not(?=\s*(?:[.,;:!?)–-]|$|on\b|taking\b|pregnant\b|fitted\b)))"
    r"|not\s+me\b)"
)
_CONTRASTED = re.compile(
    # wave 20 (h18107 "she's on xarelto, i'm on nothing", h18114 "She has lymphoedema in her
    # left arm but I don't"): a "she" / "he" clause set against the asker's own denial
    r"(?:^|(?<=[.;:!?,(–-])\s*|(?<=\s)(?:and|but|so)\s+)(?P<c>(?:she|he)(?:['’]s|s)?\b"
    r"[^.;!?]{1,90}?)\s*(?:[,;:–-]|\.(?!\d)|\b(?:but|whereas|while|and)\b)\s*"
    r"(?:but\s+|whereas\s+|while\s+|and\s+)?" + _ASKER_DENIES
)


def _contrasted(mentions: list[Mention], folded: str) -> list[Mention]:
    """A relative's "she" / "he" clause set against the asker's own denial ("My mum and I both
    want it. She's on Xarelto, I'm on nothing. Safe for me?", "She has lymphoedema in her left
    arm but I don't"): the clause's facts are the relative's (status ``other_person``), when
    a relative is named and no "she", "her", "him"... after the last such clause asks about
    them (wave 20, h18107, h18114; clinic policy: each person's facts stay that person's)."""
    found = list(_CONTRASTED.finditer(folded))
    if not found or not re.search(r"\b(?:" + _relation_alt() + r")\b", folded):
        return mentions
    if asks_for_both(folded):
        return mentions  # "he has a defibrillator, I have nothing. We both want it": both asked
    if _THIRD_PERSON.search(folded, found[-1].end()):
        return mentions  # "..., I'm on nothing. Is it safe for her?": she is asked about
    spans = [m.span("c") for m in found]
    return _set_aside(mentions, spans)


_ONE_CLAUSE = re.compile(
    r"(?:^|[,;.:]\s*|\s{3}|\b(?:and|but|while|whereas)\s+)(?P<c>(?:one|the\s+other(?:\s+one)?)"
    # wave 21 (h20103 "the other (Josh) is the one with knee pain"): a name may follow, in
    # brackets or between commas
    r"(?:\s*\(\s*[a-z]{2,15}\s*\)|\s*,\s*[a-z]{2,15}\s*,)?\s+"
    r"(?:has|is|gets|takes|with|['’]s|had|suffers)\b[^,;.?!]*?)"
    r"(?=\s*(?:[,;.?!]|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|$))"
)
_THE_ONE_ASKED = re.compile(
    r"\bthe\s+one\s+(?:with|who\s+(?:has|gets|is)|that\s+(?:has|gets|is)|who['’]s\s+got|on)\s+"
    r"(?:the\s+|a\s+|an\s+|bad\s+)?(?P<w>[a-z]{3,})"
)


def _one_and_the_other(mentions: list[Mention], folded: str) -> list[Mention]:
    """Two people told apart only as "one" and "the other" ("my twins are 12, one has
    migraines and one has a needle phobia; is it ok for the one with migraines?"): the facts
    in the clauses of the one the question does not ask about are theirs (status
    ``other_person``), when the ask names a word found in exactly one such clause (wave 20,
    probe 13 p13117; clinic policy: each person's facts stay that person's)."""
    asks = list(_THE_ONE_ASKED.finditer(folded))
    clauses = [m.span("c") for m in _ONE_CLAUSE.finditer(folded)]
    if not asks or len(clauses) < 2:
        return mentions
    word = asks[-1].group("w")
    hit = [c for c in clauses if re.search(r"\b" + re.escape(word), folded[c[0] : c[1]])]
    if len(hit) != 1:
        return mentions
    spans = [c for c in clauses if c != hit[0] and c[1] <= asks[-1].start()]
    return _set_aside(mentions, spans, also_kept=("age", "age_band", "sex"))


_SEX_OF_PRONOUN = {"him": "male", "her": "female"}


def _said_elsewhere(mentions: list[Mention], folded: str) -> list[Mention]:
    """A fact said to belong to another person than the one asked about: "My aunt (his
    sister) was the one with the pacemaker, not him" (the relative's, when her sex is not the
    sex of "him" and every "he", "his" else in the question is of that sex), and a fact
    corrected at once to a named relative ("he's the one with the needle phobia? no, that's
    his brother"): status ``other_person`` (wave 20, h18108, h18112; clinic policy: each
    person's facts stay that person's; a same-sex pair cannot be told apart and stays)."""
    rel = _relation_alt()
    spans: list[tuple[int, int]] = []
    owner = re.compile(
        r"\b(?:(?:my|our|his|her|their)\s+(?:[a-z]+\s+)?)?(?P<r>" + rel + r")\s*"
        r"(?:\([^)]{0,30}\)\s*)?(?:is|was|['’]s)\s+the\s+one\s+(?:with|on|who|that|having|"
        r"taking)\b[^.;!?]{0,60}?[,\s–-]*\bnot\s+(?P<p>him|her)\b"
    )
    sexes = _relation_sex()
    for m in owner.finditer(folded):
        sex = _SEX_OF_PRONOUN[m.group("p")]
        if sexes.get(m.group("r")) in (None, sex):
            continue  # "my uncle ..., not him": who is who cannot be told
        rest = folded[: m.start()] + " " + folded[m.end() :]
        other = (
            r"\b(?:she|she['’]s|shes|her|hers)\b"
            if sex == "male"
            else r"\b(?:he|he['’]s|hes|him|his)\b"
        )
        if not re.search(other, rest):
            spans.append((m.start(), m.start("p")))
    corrected = re.compile(
        r"(?:^|(?<=[.;!?]))(?P<s>[^.;!?]{3,120}?)[?.!]\s*(?:[-–]\s*)?no\b[,.!]?\s*(?:(?:wait|sorry|"
        r"hang\s+on|hold\s+on|actually|my\s+bad)\s*[,.!]?\s*)?(?:that['’]?s|thats|it['’]?s|its|"
        r"that\s+(?:was|is)|it\s+(?:was|is))\s+(?:his|her|my|their|our)\s+(?:(?:other|older|"
        r"younger|twin|little|big|eldest|youngest)\s+)?(?:" + rel + r")\b"
    )
    spans += [m.span("s") for m in corrected.finditer(folded)]
    if not spans:
        return mentions
    return _set_aside(mentions, spans, also_kept=("age", "age_band", "sex"))


_ASKER_CLAUSE_STOP = re.compile(
    r"\b(?:her|his|him|think|thinks|thought|says|said|believe|guess|suppose|reckon|know)\b"
)


def _askers_clauses(mentions: list[Mention], folded: str, kin: re.Pattern[str]) -> list[Mention]:
    """The question's last sentence asks about a named relative, never the asker ("my wife
    (34 weeks pregnant) and me (I have a pacemaker) ... Is it safe for her?"): the facts in the
    asker's own clauses (from "I", "me" to the clause's end, a "she", "he" or a relative's
    word) are the asker's, status ``other_person`` (wave 20, probe 13 p13115; clinic policy:
    each person's facts stay that person's)."""
    stop = re.compile(_ASKER_CLAUSE_END.pattern + r"|,|\b(?:but|and|whereas|while)\b")
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me)\b", folded):
        if spans and m.start() < spans[-1][1]:
            continue
        found = (
            stop.search(folded, m.end()),
            kin.search(folded, m.end()),
            _ASKER_CLAUSE_STOP.search(folded, m.end()),
        )
        ends = [x.start() for x in found if x is not None]
        spans.append((m.start(), min(ends) if ends else len(folded)))
    return _set_aside(mentions, spans)


ASKS_FOR_BOTH = re.compile(
    r"\b(?:we\s+both|both\s+of\s+us|we\s*(?:are|['’]re)\s+both|us\s+both|for\s+(?:the\s+)?two\s+of\s+"
    r"us|each\s+of\s+us|(?:a\s+)?couples?\s+(?:session|appointment|booking|treatment)|"
    r"(?:me|i)\s+and\s+(?:my|our)\s+[a-z]+\b(?!\s*['’]s)|(?:for\s+)?(?:my|our)\s+[a-z]+"
    r"(?:\s+[a-z]+)?\s+and\s+(?:for\s+)?(?:me|myself)\b|(?:and|&)\s+(?:also\s+)?for\s+"
    r"(?:me|myself)\b|for\s+me\s+too\b)"
)
"""The asker asking for themself and a relative together ("we both want it", "for my husband
and me", "asking for my partner ... and also for me", "a couples session"; wave 20)."""
_ONE_ASKED = re.compile(
    r"\b(?:for|to)\s+(?:me|her|him|myself)\b|\b(?:can|could|should|may|would|will|do)\s+"
    r"(?:i|she|he)\b|\bam\s+i\b|\b(?:is|does)\s+(?:she|he)\b|\bmy\s+own\b"
)
_ALSO_ME = re.compile(r"\b(?:and|&)\s+(?:also\s+)?for\s+(?:me|myself)\b|\bfor\s+me\s+too\b")


def asks_for_both(folded: str) -> bool:
    """Whether the question asks for the asker and a relative together (:data:`ASKS_FOR_BOTH`)
    and its last sentence singles out no one ("... is it safe for ME?", "Asking for me, not
    her", "can I have it?" ask for one person: wave 20)."""
    if not ASKS_FOR_BOTH.search(folded):
        return False
    parts = [p for p in re.split(r"(?<=[.?!])\s+", folded.strip()) if p.strip()]
    last = _ALSO_ME.sub(" ", parts[-1] if parts else folded)
    return not _ONE_ASKED.search(last)


def _set_aside(
    mentions: list[Mention],
    spans: Sequence[tuple[int, int]],
    *,
    also_kept: Collection[str] = (),
) -> list[Mention]:
    """``mentions`` with those that start inside ``spans`` set aside as another person's
    (status ``other_person``), except the kinds never another person's (:data:`_NEVER_OTHER`)
    and the kinds in ``also_kept``: the one step every reading of whose facts ends with."""
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if any(a <= m.start < b for a, b in spans)
        and m.kind not in _NEVER_OTHER
        and m.kind not in also_kept
        else m
        for m in mentions
    ]


_ME_ASKED = re.compile(
    # wave 21 (h20100, h20106, h20091): the last sentence asks about the asker's own treatment
    # ("is it fine for me?", "OK for me to get acupuncture?", "can I have acupuncture", "am I
    # ok to have it"); "should I bring her", "can I book him in" ask about someone else
    r"\b(?:ok|okay|fine|safe|alright|all\s+right|suitable|good|right|possible)\s+for\s+"
    r"(?:me|myself)\b|\b(?:can|could|should|may|shall)\s+i\s+(?:still\s+|safely\s+|also\s+)?"
    r"(?:have|get|try|book\s+(?:in|myself)|go\s+for|start|go\s+ahead)\b|\bfor\s+me\s+to\s+"
    r"(?:have|get|try|start)\b|\bam\s+i\s+(?:ok|okay|safe|fine|alright|able|too|allowed)\b"
)
_NOT_ME_ALONE = re.compile(
    r"\b(?:her|him|them|they|we|us|our|both|either|each|too|also|as\s+well)\b"
)
_HE_SHE_CLAUSE = re.compile(
    r"(?:^|[.;:,!?(]\s*|-\s+|\b(?:and|but|while|whereas|so|because|though|although)\s+)"
    r"(?P<p>he|she|he['’]s|she['’]s|hes|shes)\b"
)


_PRONOUNS_3RD = frozenset(
    {"she", "her", "hers", "he", "him", "his", "he's", "she's", "hes", "shes"}
)


def _singled_out_asker(folded: str) -> bool:
    """Whether the last sentence asks for the asker's own treatment alone (:data:`_ME_ASKED`,
    with no "her", "him", "we", "both", "too" in it) and no sentence asks about another person
    (wave 21)."""
    body = folded.rstrip(" ?!.\n")
    ends = [m.end() for m in re.finditer(r"[.!?;](?!\d)", body)]
    last = body[ends[-1] :] if ends else body
    return (
        bool(_ME_ASKED.search(last))
        and not _NOT_ME_ALONE.search(last)
        and not _ASKS_OTHER.search(folded)
        and not _ASKED_PRONOUN.search(folded)
    )


def _pronoun_clauses(folded: str) -> list[tuple[int, int]]:
    """The clauses whose subject is "he" or "she" ("He's on Eliquis for his heart and has a
    bad knee", "She has numbness in her saddle area after a fall"): from the pronoun to the
    sentence's end or the asker's next own word ("..., I told her A&E")."""
    spans = []
    for m in _HE_SHE_CLAUSE.finditer(folded):
        end = _CLAUSE_END.search(folded, m.end("p"))
        spans.append((m.start("p"), end.start() if end else len(folded)))
    return spans


def _others(mentions: list[Mention], folded: str, kin: re.Pattern[str]) -> list[Mention]:
    """Facts of another person, not the asker (probe 2 G5): "I have low back pain. My wife she
    is pregnant", "my husband is on warfarin, I have knee OA".

    A relative owned by the asker ("my wife", "our son") that opens a clause is its subject;
    the clause runs to the end of the sentence or to the asker's next own word ("I", "me",
    "my": "my wife worries as my INR is 4 on warfarin" keeps the warfarin the asker's). Its
    facts (sex included) are that person's, status ``other_person``: shown, not screened, and
    their denials deny nothing of the patient. This holds only when the asker is
    the patient: a first-person health cue (:data:`FIRST_PERSON`, the rule
    :mod:`acupath.answer.people` uses to decide whom the question is about) stands outside
    those clauses, and no "she", "his", "them"... outside them points back to the relative as
    the one asked about ("my wife is pregnant and has back pain, can she have acupuncture?"
    stays hers, that is the patient's). A clinician's "my patient" is never set aside."""
    mentions = _family_history(_labelled_people(mentions, folded), folded)
    mentions = _said_elsewhere(_contrasted(mentions, folded), folded)  # wave 20
    mentions = _one_and_the_other(mentions, folded)  # wave 20
    mentions = _two_by_pronoun(_several_people(_numbered_people(mentions, folded), folded), folded)
    if asks_for_both(folded):
        # wave 20 (held-out part 19 h19074, h19080): the asker asks for a relative and for
        # themself together ("we both want it", "asking for my partner ... and also for me"):
        # both are patients of the question, so neither's facts are set aside (the cautious
        # reading; the safety box then holds every fact of both)
        return mentions
    if declared_relative(folded, kin) is not None:
        return _askers_own(mentions, folded, kin)
    if _asks_other(folded) and kin.search(folded):
        return _askers_clauses(mentions, folded, kin)  # wave 20
    spans: list[tuple[int, int]] = []
    heads: list[tuple[int, int]] = []
    for m in kin.finditer(folded):
        if _taken_from(folded, m.start(), m.end(), mentions):
            continue  # "I take my partner's aspirin": whose prescription, not who takes it
        heads.append((m.start(), m.end()))
    for m in _KIN_MORE.finditer(folded):
        if m.group().rstrip()[-3:] == "old":  # "my 6 year old"
            heads.append((m.start(), m.end()))
        else:  # "my twin sister": a relation must follow the word before it
            tail = kin.match("my " + folded[m.end() :])
            if tail:
                heads.append((m.start(), m.end() + tail.end() - 3))
    places = {m.start("p"): m.end() for m in _MET_PERSON.finditer(folded)}
    heads += [(a, a) for a in places]
    for a, b in sorted(heads):
        if spans and a < spans[-1][1]:
            continue
        end = _CLAUSE_END.search(folded, places.get(a, b))
        spans.append((a, end.start() if end else len(folded)))
    if not spans:
        return mentions
    if _singled_out_asker(folded):
        # wave 21 (h20100 "Me and my husband both want acupuncture. ... He's on Eliquis for his
        # heart ... Is it fine for me?"): a relative is named and the last sentence asks for
        # the asker alone, so the "he" / "she" clauses are the relative's, not the asker's
        # (clinic policy: each person's facts stay that person's; the lead's wave-20 rule: a
        # last question that singles the asker out says whose question it is)
        spans = sorted(spans + _pronoun_clauses(folded))
        singled = True
    else:
        singled = False
    outside = list(folded)
    for a, b in spans:
        outside[a:b] = " " * (b - a)
    rest = "".join(outside)
    said = [m.span() for r in (_NOT_THE_ONE, _THE_ONE_NOT_ME) for m in r.finditer(folded)]
    if said:
        # wave 12 (p10087, p10094): "he's not the one having acupuncture, I am", "my son is
        # the one who hates needles, not me": the relative is said not to be the patient, so
        # "he", "his" do not point back to him as the one asked about, and the "he" of those
        # words is his (clinic policy: another person's facts are never the asker's)
        rest = _THIRD_PERSON.sub(" ", _NOT_THE_ONE.sub(" ", rest)) + " i am on "
        spans += said
    elif _FOR_MYSELF.search(folded) or FOR_ME_NOT_THEM.search(folded):
        # wave 14: the asker says the question is theirs, so "they", "she" outside the
        # relative's clauses do not point back to the relative as the one asked about
        rest = _THIRD_PERSON.sub(" ", rest) + " i am on "
    # "not for me, for my mum": a disclaimer says the asker is NOT the patient (wave 14)
    rest = NOT_FOR_ME.sub(" ", rest)
    asker = (
        FIRST_PERSON.search(" ".join(rest.split()))
        or _ASKER_TO_KIN.search(rest)
        or I_HAVE_NONE.search(rest)
    )
    if asker is None or (not singled and _THIRD_PERSON.search(_ASKER_TO_KIN.sub(" ", rest))):
        # a "her" / "him" left in the asker's own words ("I told her A&E") asks about no one
        # when the last sentence asks for the asker alone (wave 21)
        return mentions
    if not said and _asks_other(folded):
        # wave 20: "I'm 29. My nan is 90 and has a bad hip, would it be safe for her?": the
        # ask about her inside her own clause makes her the patient, whatever the asker says
        # of themself (the cautious reading)
        return mentions
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if (any(a <= m.start < b for a, b in spans) and not _shared_age(m, folded))
        # wave 21: with the asker singled out, a "her" / "him" anywhere is another person's sex
        or (singled and m.kind == "sex" and fold(m.words) in _PRONOUNS_3RD)
        else m
        for m in mentions
    ]


_PATIENT_SELF = re.compile(
    # wave 20 (h18110 "Mrs K herself: knee OA"): a titled patient said apart as well
    r"\b(?:(?:the\s+)?(?:patient|pt|client)|(?:mrs|mr|ms|miss|mx)\.?\s+[a-z]{1,20})\s+"
    r"(?:herself|himself|themselves|themself)\b"
)
_BARE_RELATIVE = re.compile(
    r"(?:^|[.;!?:]\s*|,\s*)(?:(?:his|her|their|pt['’]?s?|patient['’]?s?)\s+)?(?:twin\s+)?"
    r"(?:mother|father|mum|mom|dad|brother|sister|son|daughter|aunt|uncle|cousin|grandmother|"
    # wave 20 (h18110 "Her husband, who attends with her, has haemophilia B"): a spouse too,
    # and a "who ..." clause between the relative and the verb
    r"grandfather|sibling|twin|husband|wife|partner|spouse)"
    r"(?:\s*,\s*(?:who|that)\b[^,.;!?]{0,60},)?"
    r"\s+(?:has|had|have|is|was|on|with|takes|took)\b"
)


def _family_history(mentions: list[Mention], folded: str) -> list[Mention]:
    """A clinician's note naming a relative's condition against the patient's own ("Brother
    has haemophilia B; patient herself has normal clotting screen"): the relative's clause,
    from the relation word to the clause's end, is family history, another person's facts
    (shown, not screened). Only with "the patient herself/himself" said apart: a relation word
    with no owner is else as often the patient ("Brother has haemophilia, can he have it?")
    (wave 19, p13111; clinic policy: another person's facts are never the patient's)."""
    if not _PATIENT_SELF.search(folded):
        return mentions
    spans = []
    for m in _BARE_RELATIVE.finditer(folded):
        end = re.compile(r"\.(?!\d)|[?!;]|\b(?:patient|pt|client|mrs|mr|ms|miss|mx)\b").search(
            folded, m.end()
        )
        spans.append((m.start(), end.start() if end else len(folded)))
    return _set_aside(mentions, spans)


_BOTH_BEFORE = re.compile(
    r"\b(?:both|both\s+of\s+us|we\s*(?:are|['’]re)\s+both|we\s+both\s+are)\s+"
    r"(?:are\s+|turned\s+)?(?:aged?\s+)?$"
)


def _shared_age(m: Mention, folded: str) -> bool:
    """An age told for the asker and the relative at once ("me and my wife, both 81"): the
    asker's too, never set aside with the relative's clause (wave 18, h15080)."""
    return m.kind in ("age", "age_band") and bool(
        _BOTH_BEFORE.search(folded[max(0, m.start - 30) : m.start])
    )


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
    r"(?:essay|audit|lecture|exam|assignment|presentation|leaflet|journal club)|journal club|"
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
