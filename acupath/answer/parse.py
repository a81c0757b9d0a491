"""Reading a question (or a claim) into a :class:`Statement`, the parse step of DESIGN.md.

``text --parse--> Statement --screen--> ... --judge--> ... --word--> answer``

:func:`parse` does, in order:

1. **spelling**: words that acupath does not know and that lie one edit (two for long words)
   from a word it does know are corrected with rapidfuzz's optimal-string-alignment distance
   ("acupunture" -> "acupuncture", "pian" -> "pain", "migrane" -> "migraine");
2. **patient context** (:mod:`acupath.answer.context`), with condition names protected so that
   "chemotherapy-induced nausea" stays a condition and does not become a patient on chemotherapy;
3. **names**: trials (PEACE, SWOG S1200, GERAC, ART), guideline bodies and payers (NICE, ACP,
   Medicare/CMS), drugs that cause a condition ("joint pain on letrozole" -> aromatase-inhibitor
   arthralgia), body words ("my knees") when nothing more precise is named
   (``data/answer/names.yaml``);
4. **question understanding** (:mod:`acupath.answer.understand`) on the text without the
   patient's words, so "10 weeks pregnant" or "apixaban" is never read as an unknown topic;
5. **premises** the evidence contradicts ("cures", "shrinks tumours", "far better than sham",
   "no side effects") and **what was not understood**: runs of content words no step used.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from acupath.answer import asked_words as aw
from acupath.answer import condition_words as cw
from acupath.answer import text as tx
from acupath.answer.cited_studies import find_cited, find_described
from acupath.answer.context import PatientContext, extractor, tokenize, word_keys
from acupath.answer.details import detail_spans, known_words, plural_known
from acupath.answer.everyday import all_everyday, read_phrase_spans
from acupath.answer.lexicon import names, patient_words
from acupath.answer.parts import base_of, compared_spans, read_parts, read_premises
from acupath.answer.parts import not_addressed as gaps
from acupath.answer.screen_gaps import clinical_unread, unread_measurements
from acupath.answer.spelling import may_correct
from acupath.answer.understand import NOT_ABOUT_ACUPUNCTURE, Question, Understander

OUTCOME_WORDS = {
    "pain": "pain",
    "function": "function",
    "disability": "function",
    "nausea": "nausea",
    "vomit": "nausea",
    "fatigu": "fatigue",
    "opioid": "opioid use",
    "quality": "quality of life",
    "hot": "hot flashes",
    "sleep": "sleep",
    "anxiety": "anxiety",
}
LARGE_WORDS = {"far", "much", "vastly", "hugely", "dramatically", "massively", "way", "greatly"}
SMALL_WORDS = {"slightly", "modest", "modestly", "small", "little", "marginally"}


@dataclass(frozen=True)
class Statement:
    """What a question or claim says, before any judgement (DESIGN: one parser for Ask and
    Check). ``question`` is the understanding the retrieval uses."""

    text: str
    question: Question
    patient: PatientContext
    corrected_text: str
    corrections: dict[str, str] = field(default_factory=dict)
    sources_named: tuple[str, ...] = ()
    names_matched: tuple[str, ...] = ()
    premises: tuple[str, ...] = ()
    outcome: str | None = None
    direction: str | None = None
    size: str | None = None
    not_understood: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    """Words read as patient details, not as topics (an indication, a time, a modifier:
    :mod:`acupath.answer.details`); shown in ``patient_context``, never "not understood"."""

    @property
    def conditions(self) -> tuple[str, ...]:
        return self.question.conditions

    @property
    def intervention(self) -> tuple[str, ...]:
        return self.question.interventions

    @property
    def comparator(self) -> tuple[str, ...]:
        return self.question.comparators

    @property
    def body(self) -> tuple[str, ...]:
        """Guideline bodies, payers and trials the text names (as source ids)."""
        return self.sources_named

    def as_dict(self) -> dict[str, Any]:
        return {
            "corrected_text": self.corrected_text,
            "corrections": dict(self.corrections),
            "sources_named": list(self.sources_named),
            "names_matched": list(self.names_matched),
            "premises": list(self.premises),
            "outcome": self.outcome,
            "direction": self.direction,
            "size": self.size,
            "not_understood": list(self.not_understood),
            "details": list(self.details),
        }


_SITE_KINDS = frozenset({"radiation", "device", "lymphedema", "skin_lesion"})


@dataclass(frozen=True)
class _NameHit:
    start: int
    end: int
    kind: str  # trial, body, drug_word, body_word
    payload: Any


@functools.lru_cache(maxsize=16384)
def _word_keys(phrase: str) -> tuple[tuple[str, str], ...]:
    """(word, stem) of each word of ``phrase`` (the vocabulary repeats phrases across tables)."""
    return tuple(word_keys(phrase))


class Parser:
    """The parse step over one understander; build once (per evidence base), call many times."""

    def __init__(self, understander: Understander) -> None:
        self.understander = understander
        self.extract = extractor()
        nm = names()
        entries: list[tuple[tuple[str, ...], tuple[str, Any]]] = []
        for trial in nm.trials:
            entries += [(_key(n), ("trial", trial)) for n in trial.names]
        for body in nm.bodies:
            entries += [(_key(n), ("body", body)) for n in body.names]
        for bc in nm.body_conditions:
            entries += [(_key(n), ("body_word", bc.condition)) for n in bc.words]
        for ex in nm.expansions:
            entries += [(_key(n), ("expansion", ex)) for n in ex.words]
        entries += [(_key(n), ("time", n)) for n in nm.time_phrases]
        self.names = tx.PhraseTable(entries)
        self.drug_conditions = [
            (set(dc.classes), {_key(w) for w in dc.words}, dc.condition)
            for dc in nm.drug_conditions
        ]
        self.cooccur = [
            (
                [{_key(w)[0] for w in ([g] if isinstance(g, str) else g)} for g in ex.all_of],
                ex,
            )
            for ex in nm.expansions
            if ex.all_of and not ex.words
        ]
        self.premise_combinations = [
            (kind, [tx.PhraseTable((_key(p), p) for p in g) for g in groups])
            for kind, groups in nm.premise_combinations.items()
        ]
        self.premises = tx.PhraseTable(
            (_key(p), kind) for kind, ps in nm.premises.items() for p in ps
        )
        self.filler = {k for w in nm.filler for k in _key(w)}
        self.surfaces: set[str] = set()
        self.known = self._known_words()
        self.known |= self._detail_known()
        self._vocab_list = tuple(sorted(w for w in self.surfaces if len(w) >= 4 and w.isalpha()))
        # the words a condition's name ends with or is made of, which may close an unknown name
        heads = {"syndrome", "disease", "disorder", "neuralgia", "neuropathy", "pain", "legs"}
        heads |= {"tendinopathy", "tendinitis", "tendonitis", "phenomenon", "palsy", "fasciitis"}
        u = self.understander
        self._not_name = frozenset(
            k
            for phrases in (
                u.vocab.acupuncture_terms,
                *u.vocab.intents.values(),
                *u.vocab.interventions.values(),
                names().filler,
            )
            for p in phrases
            for k in tx.tokens(p, keep_stopwords=True)
        )
        self._name_words = frozenset(tx.stem(w) for w in heads) | {
            tx.stem(w) for w in ("mouth", "leg", "pains", "ache", "aches", "syndromes")
        }

    def _learn(self, phrases: Iterable[str]) -> set[str]:
        """The stems of ``phrases``; their surface words join the spelling vocabulary."""
        stems: set[str] = set()
        for p in phrases:
            for word, key in _word_keys(p):
                stems.add(key)
                self.surfaces.add(word)
        return stems

    def _known_words(self) -> set[str]:
        known: set[str] = set(self.understander.known_words)
        u = self.understander
        vocab = u.vocab
        lists: list[Iterable[str]] = [
            vocab.acupuncture_terms,
            vocab.generic_words,
            vocab.other_treatment_terms,
            [x.phrase for x in vocab.umbrella],
        ]
        for table in (vocab.intents, vocab.interventions, vocab.comparators):
            lists.extend(table.values())
        for cond in u.conditions.values():
            lists.append([cond.name, *cond.synonyms, *cond.lay_terms])
        for items in lists:
            known |= self._learn(items)
        pw = patient_words()
        groups: list[Iterable[str]] = [
            pw.pregnancy, pw.first_trimester, pw.later_trimester, pw.radiotherapy,
            pw.needle_phobia, pw.negation.before, pw.negation.after, pw.negation.pseudo,
            pw.hypothetical.before, pw.terminate, pw.lymphedema.lymphedema, pw.lymphedema.arm,
            pw.lymphedema.leg, pw.cancer.active, pw.cancer.history, pw.cancer.any,
            pw.cancer.on_treatment,
        ]  # fmt: skip
        tables: list[Mapping[Any, tuple[str, ...]]] = [
            pw.medicine_classes, pw.age_bands, pw.devices, pw.body_sites, pw.red_flags,
            pw.comorbidities, pw.sex, pw.lymphedema.limbs,
        ]  # fmt: skip
        for mapping in tables:
            groups.extend(mapping.values())
        # the words of combinations and of people ("wipe" must not become "wife")
        groups.extend(g for c in pw.combinations for g in c.all_of)
        groups.extend(r.words for r in pw.people.relations.values())
        groups += [pw.people.persons, pw.people.titles]
        for ps in groups:
            known |= self._learn(ps)
        known |= self._learn(self.extract.formulary.names)
        nm = names()
        for trial in nm.trials:
            known |= self._learn(trial.names)
        for body in nm.bodies:
            known |= self._learn(body.names)
        for dc in nm.drug_conditions:
            known |= self._learn(dc.words)
        for bc in nm.body_conditions:
            known |= self._learn(bc.words)
        for ex in nm.expansions:
            known |= self._learn(ex.words)
            for g in ex.all_of:
                known |= self._learn([g] if isinstance(g, str) else g)
        for ps in nm.premises.values():
            known |= self._learn(ps)
        for combination in nm.premise_combinations.values():
            for words in combination:
                known |= self._learn(words)
        known |= self._learn(nm.filler)
        # the words of premises, compared treatments and asked harms (wave 5)
        v = self.understander.vocab
        # (only the words that are a premise on their own: "failed back surgery" stays unknown)
        for group in (g for seq in v.premise_sequences.get("banned", ()) for g in seq):
            known |= self._learn(group)
        known |= self._learn([*v.comparison_terms, *v.comparison_cues])
        for phrases in v.safety_outcomes_asked.values():
            known |= self._learn(phrases)
        known |= self._learn(nm.time_phrases)
        # what a question asks for (wave 6): outcomes, suitability, premises
        asked = aw.asked_words()
        known |= self._learn(asked.suitability)
        known |= self._learn(asked.measure_words)
        known |= self._learn(asked.sham_cues)
        for lay in asked.outcomes.values():
            known |= self._learn(lay)
        for kind, combos in asked.premises.items():
            if kind in _UNLEARNED:
                continue
            for word_groups in combos:
                for word_group in word_groups:
                    known |= self._learn(word_group)
        known.update(tx.STOPWORDS)
        return known

    def _detail_known(self) -> set[str]:
        """Detail words and regimen names (:mod:`acupath.answer.details`), also given to the
        spelling vocabulary."""
        stems, surfaces = known_words()
        self.surfaces |= surfaces
        return set(stems) | set(surfaces)

    @staticmethod
    def _gated(ex: Any, key_set: set[str]) -> bool:
        """Whether every ``all_of`` group of an expansion read by its ``words`` has a word in
        the question (an expansion with no ``all_of`` needs none)."""
        groups = [{_key(w)[0] for w in ([g] if isinstance(g, str) else g)} for g in ex.all_of]
        return all(g & key_set for g in groups)

    def _is_known(self, t: Any) -> bool:
        return t.key in self.known or t.word in self.known or plural_known(t.word, self.known)

    # -- the steps ------------------------------------------------------------------------------

    def correct(self, text: str) -> tuple[str, dict[str, str]]:
        """``text`` with misspelt words replaced (see the module docstring)."""
        toks = tokenize(text)
        fixes: list[tuple[int, int, str]] = []
        corrections: dict[str, str] = {}
        for t in toks:
            word = t.word
            if len(word) < 4 or not word.isalpha() or t.key in self.known or word in self.known:
                continue
            best = _closest(word, self._vocab_list)
            if best is None or not may_correct(text, t.start, t.end, best):
                continue
            fixes.append((t.start, t.end, best))
            corrections[text[t.start : t.end]] = best
        for start, end, word in reversed(fixes):
            text = text[:start] + word + text[end:]
        return text, corrections

    def _combined_premises(
        self, keys: list[str], toks: list[Any], have: set[str]
    ) -> list[tuple[int, tuple[str, ...], str]]:
        """Premises stated by one word of every group within one sentence
        (``premise_combinations`` in ``data/answer/names.yaml``), as premise hits."""
        out: list[tuple[int, tuple[str, ...], str]] = []
        cuts = [-1, *(i for i, t in enumerate(toks) if t.word in (".", "?", "!", ";")), len(toks)]
        for lo, hi in itertools.pairwise(cuts):
            sentence = keys[lo + 1 : hi]
            for kind, groups in self.premise_combinations:
                if kind in have:
                    continue
                found = [table.find(sentence) for table in groups]
                if all(found):
                    start = min(f[0][0] for f in found)
                    end = max(f[0][0] + len(f[0][1]) for f in found)
                    out.append((lo + 1 + start, tuple(sentence[start:end]), kind))
                    have.add(kind)
        return out

    def __call__(self, question: str) -> Statement:
        corrected, corrections = self.correct(question)
        toks = tokenize(corrected)
        keys = [t.key for t in toks]
        protected = self._condition_ranges(corrected)
        premise_hits: list[tuple[int, tuple[str, ...], str]] = list(self.premises.find(keys))
        premise_hits += self._combined_premises(keys, toks, {k for _, _, k in premise_hits})
        # "shrink tumours" is a premise about cancer, not a patient with a tumour
        protected += [(toks[s].start, toks[s + len(k) - 1].end) for s, k, _ in premise_hits]
        patient = self.extract(corrected, protected=protected)
        hits = [
            _NameHit(s, s + len(k), kind, payload)
            for s, k, (kind, payload) in self.names.find(keys)
        ]
        # the understanding reads the question without the patient's words and names
        # a fact inside a condition name ("lymphoedema after breast cancer") stays for the
        # understanding too: it is also what the question is about
        # a red flag read from words spread over a sentence ("lying flat makes his low back
        # pain worse") leaves the body words between them to the understanding (probe F4)
        spread = protected + self._umbrella_ranges(corrected)
        blank = [
            part
            for m in patient.mentions
            if patient.about_patient(m)
            and not any(a <= m.start and m.end <= b for a, b in protected)
            # a condition named inside a fact's words stays ("headaches for the first time")
            for part in _outside((m.start, m.end), spread if m.kind == "red_flag" else protected)
        ]
        blank += [
            (toks[h.start].start, toks[h.end - 1].end)
            for h in hits
            if h.kind not in ("body_word", "expansion")
        ]
        # a treatment acupuncture is compared with is not the question's condition ("as well as
        # a knee replacement" is not postoperative pain)
        blank += compared_spans(toks, self.understander.vocab)
        # an operation long ago is history, not postoperative pain; words that look like a
        # covered condition but name one the base holds no record on are not read as it
        old_ops = cw.old_operation_spans(corrected)
        blank += old_ops
        uncovered = cw.uncovered(corrected, _female(patient))
        blank += [span for span, _ in uncovered]
        plain = _blank(corrected, blank)
        key_set = set(keys)
        co = [ex for groups, ex in self.cooccur if all(g & key_set for g in groups)]
        # wave 20: an expansion with both ``words`` and ``all_of`` needs both (a place named with
        # a study word: "tested acupuncture against morphine in an A&E", not "I ended up in A&E")
        hits = [h for h in hits if h.kind != "expansion" or self._gated(h.payload, key_set)]
        hit_ex = [h.payload for h in hits if h.kind == "expansion"]
        added = list(dict.fromkeys(ex.add for ex in [*hit_ex, *co]))
        extra_intents_co = [ex.intent for ex in co if ex.intent]
        if added:
            plain = plain + " " + " ".join(added)
        q = self.understander(plain)
        sources: list[str] = []
        extra_conditions: list[str] = []
        extra_intents: list[str] = []
        matched: list[str] = []
        for h in hits:
            words = corrected[toks[h.start].start : toks[h.end - 1].end]
            if h.kind == "trial":
                sources += h.payload.sources
                # a trial run in several conditions ("GERAC headache arm") stands for the one
                # the question names; its other conditions only when it names none
                extra_conditions += _narrowed(h.payload.conditions, q.conditions)
                extra_intents.append("efficacy")
                matched.append(words)
            elif h.kind == "body":
                sources += h.payload.sources
                extra_intents.append(h.payload.intent)
                matched.append(words)
            elif h.kind == "expansion" and h.payload.intent:
                extra_intents.append(h.payload.intent)
        # a study cited by first author and year ("Zheng 2022"): shown like a named trial
        cited_studies = find_cited(corrected, base_of(self.understander))
        if not sources and not cited_studies:
            # a study named by description ("the Swedish labour study", "the APEX trial"),
            # when no trial name or citation names one (wave 9; "the big chinese trial (Xu
            # 2020)" is Xu 2020 alone, wave 15)
            cited_studies += find_described(
                corrected,
                base_of(self.understander),
                comparators=q.comparators,
                conditions=q.conditions,
            )
        for cited in cited_studies:
            sources += cited.sources
            extra_conditions += _narrowed(cited.conditions, q.conditions)
            extra_intents.append("efficacy")
            matched.append(cited.words)
        if not sources and not q.conditions:
            # wave 18 (h15130, "how big a drop on the 0 to 10 pain score counts as a real,
            # noticeable improvement?"): an outcome asked with no condition and no study, whose
            # records are thresholds for any condition (the reporting standards that define a
            # clinically important change: Farrar 2001, Dworkin 2008), is answered from them
            sources += _threshold_sources(base_of(self.understander), corrected)
            if sources:
                extra_intents.append("efficacy")
        extra_intents += extra_intents_co
        # wave 21 (h20149: "the SIO-ASCO ... pain guideline: ... acupuncture for aromatase
        # inhibitor joint pain"): a drug class named in its own words beside its symptom names
        # the condition the drug causes in a general question too, where the patient reader
        # takes no one to be on it; a class said not to be taken ("not on an aromatase
        # inhibitor") does not
        classes = patient.drug_classes()
        denied = {m.value for m in patient.mentions if m.kind == "class" and m.negated}
        class_words = self.extract.words.medicine_classes
        for cls, symptom_words, _ in self.drug_conditions:
            if classes & cls or not any(_has(keys, key_set, w) for w in symptom_words):
                continue
            classes = classes | {
                c
                for c in cls - denied
                if any(_has(keys, key_set, _key(w)) for w in class_words.get(c, ()))
            }
        for cls, symptom_words, cond in self.drug_conditions:
            if classes & cls and any(_has(keys, key_set, w) for w in symptom_words):
                extra_conditions.append(cond)
        if not q.conditions and not extra_conditions:
            # a body part named as where something was done or is ("rads to my neck", "an
            # ulcer on his knee", "a pacemaker in the chest") is not a pain complaint of it
            sites = [(m.start, m.end) for m in patient.mentions if m.kind in _SITE_KINDS]
            sites += [span for span, _ in uncovered]  # "between my shoulder blades"
            sites += old_ops  # "hip replacement 2019" is not hip pain
            extra_conditions += [
                h.payload
                for h in hits
                if h.kind == "body_word" and not any(a <= toks[h.start].start < b for a, b in sites)
            ]
        q = _merge(
            q,
            extra_conditions,
            extra_intents,
            bool(hits) or bool(cited_studies) or patient.describes_patient,
        )
        if not q.in_scope and q.scope_note == NOT_ABOUT_ACUPUNCTURE and _screened(patient):
            # "ok on apixaban?": a question about a described patient's safety (probe 2, G9)
            q = dataclasses.replace(q, in_scope=True, scope_note=None, intents=("safety",))
        q = dataclasses.replace(q, text=question)  # the understanding read ``plain``
        medicines = [
            (m.start, m.end)
            for m in patient.mentions
            if m.kind in ("medicine", "class", "regimen") and not m.negated
        ]
        devices = [
            (m.start, m.end) for m in patient.mentions if m.kind == "device" and not m.negated
        ]
        premises = tuple(
            dict.fromkeys(
                [
                    *(kind for _, _, kind in premise_hits),
                    *read_premises(toks, self.understander.vocab),
                    *aw.stated_premises(corrected, medicines, devices),
                ]
            )
        )
        premises = tuple(
            k
            for k in premises
            if k not in _STATED_ONLY or _stated(corrected, k, medicines, devices)
        )
        q = _suitability(q, corrected, keys, patient)
        if "points" in q.intents and not _asks_points(corrected, keys):
            # "real needles than fake ones", "OK to needle?", "any point trying it?": the act
            # of needling or an idiom, not the points
            q = dataclasses.replace(
                q, intents=tuple(i for i in q.intents if i != "points") or ("efficacy",)
            )
            benefit_only = set(q.intents) <= {"efficacy", "effect_size", "overview"}
            if not q.conditions and q.in_scope and not q.unknown_topic and benefit_only:
                known = self.understander.known_words
                q = dataclasses.replace(
                    q,
                    unknown_topic=tuple(
                        dict.fromkeys(w for w in tx.tokens(plain) if w not in known)
                    ),
                )
        if "dose" in q.intents and not _asks_dose(corrected, self.understander.vocab):
            # wave 19 (p13152): "result immediately after the session?" asks for a time point
            # of a study, not how many sessions a course needs
            q = dataclasses.replace(
                q, intents=tuple(i for i in q.intents if i != "dose") or ("efficacy",)
            )
        base = base_of(self.understander)
        if base is not None:
            known_outcomes = aw.outcome_ids(base.findings)
            outcomes = aw.asked_outcomes(corrected, known_outcomes)
            # an outcome named only by the condition's own name ("hot flashes", "chemo
            # nausea", "dry mouth") is what the whole answer is about: no outcome of its own
            term_keys = {k for t in q.matched_terms for k in aw.key(t)}
            said = aw.asked_phrases(corrected, known_outcomes)
            outcomes = tuple(
                o for o in outcomes if not all(set(p) <= term_keys for p in said.get(o, ()))
            )
            comparators = list(q.comparators)
            drug_outcome = {"analgesic_use", "opioid_use"} & set(outcomes)
            if drug_outcome and not aw.compared_outcomes(corrected, known_outcomes):
                # "need fewer painkillers": the medicine is the outcome, not the comparator
                comparators = [c for c in comparators if c != "medication"]
            if "sham" not in comparators and aw.names_sham(corrected):
                comparators.append("sham")
            q = dataclasses.replace(q, outcomes=outcomes, comparators=tuple(comparators))
            if outcomes and q.unknown_topic and not q.conditions:
                q = _outcome_topic(q, base)
        q = dataclasses.replace(q, named_sources=tuple(dict.fromkeys(sources)))
        # wave 17 (h14161): a cure assumed for a complaint outside the base ("get rid of my
        # irritable bowel") is in scope for its correction, and answered as a topic acupath
        # holds nothing on
        scoped = {"tumour", "cure", "stop_treatment"} & set(premises)
        outside = _outside_topic(q) if scoped == {"cure"} else None
        if {"tumour", "cure", "stop_treatment"} & set(premises):
            q = _premise_scope(q)
        used = [(m.start, m.end) for m in patient.mentions]
        used += [(toks[h.start].start, toks[h.end - 1].end) for h in hits]
        used += [(c.start, c.end) for c in cited_studies if c.end]
        details = detail_spans(corrected, toks, patient.mentions, protected, self._is_known)
        q = self._topic_in_words(q, corrected, toks, [*used, *details])
        q = _flag_asked_about(q, corrected, patient.mentions)
        if outside and not q.conditions and not q.unknown_topic:
            spot = re.search(re.escape(outside), corrected, re.IGNORECASE)
            topic = corrected[spot.start() : spot.end()] if spot else outside
            q = dataclasses.replace(q, unknown_topic=(topic,), intents=("efficacy",))
        asks_efficacy = bool({"efficacy", "overview"} & set(q.intents))
        if uncovered and not q.conditions and asks_efficacy and "safety" not in q.intents:
            # a safety or points question is answered as asked ("safe depth for upper back
            # needling?"): no "no evidence" over its safety box (probe 2, G7 r013 and p003)
            q = dataclasses.replace(q, unknown_topic=cw.topics(uncovered), in_scope=True)
        parts = q.parts + read_parts(
            corrected,
            toks,
            q,
            self.understander.vocab,
            base_of(self.understander),
            # a premise ("cure cancer") is corrected, not a topic of its own
            [*used, *((toks[s].start, toks[s + len(k) - 1].end) for s, k, _ in premise_hits)],
            self._condition_ranges(corrected) if q.conditions else (),
        )
        q = dataclasses.replace(q, parts=parts)
        if any(p.claimed for p in parts):
            premises = (*premises, "comparative")
        if "banned" in premises and "guidelines" not in q.intents:
            q = dataclasses.replace(q, intents=(*q.intents, "guidelines"))
        benefit = {"efficacy", "overview", "effect_size"} & set(q.intents)
        if {"cure", "permanence", "absolute"} & set(premises) and q.conditions and not benefit:
            # "cures it for good after a few sessions - how many?": the correction says how
            # much relief the trials found is below, so the answer shows it beside the dose
            # asked (wave 10, held-out part 9 h9162: only the dose line was shown)
            q = dataclasses.replace(q, intents=("efficacy", *q.intents))
        missing = self._not_understood(corrected, toks, [*used, *details], q)
        # a part of the question no record answers is not addressed (probe F15)
        missing = tuple(
            dict.fromkeys(
                [
                    *(m for m in missing if not any(m.lower() in w.lower() for w in gaps(parts))),
                    *gaps(parts),
                ]
            )
        )
        if patient.describes_patient:  # an unread clinical word may be a red flag (wave 6)
            extra = clinical_unread(corrected, toks, [*used, *details], self._is_known)
            missing += tuple(w for w in extra if not any(w in m for m in missing))
        else:  # wave 17: "my last reading was 3.6" is a person's value, whatever else is said
            extra = tuple(unread_measurements(corrected, toks, [*used, *details], owned=True))
            missing += tuple(w for w in extra if not any(w in m for m in missing))
        # "any evidence for acupuncture in Bell's palsy alongside steroids?": a benefit
        # question about a topic no record covers is one still, with care beside it
        # (understand.py names the topic only for efficacy alone; held-out part 9 h9178)
        alongside = set(q.intents) == {"efficacy", "integration"} and q.in_scope
        unread = bool(missing) and not q.conditions and not q.unknown_topic
        if alongside and unread and not q.named_sources:
            q = dataclasses.replace(q, unknown_topic=missing)
        as_details = tuple(
            w
            for w in self._not_understood(corrected, toks, used, q)
            if w not in missing and not any(w in m for m in missing)
        )
        return Statement(
            text=question,
            question=q,
            patient=patient,
            corrected_text=corrected,
            corrections=corrections,
            sources_named=tuple(dict.fromkeys(sources)),
            names_matched=tuple(matched),
            premises=premises,
            outcome=_outcome(keys),
            direction=_direction(keys),
            size=_size(keys),
            not_understood=missing,
            details=as_details,
        )

    def _topic_in_words(
        self, q: Question, text: str, toks: Sequence[Any], used: Sequence[tuple[int, int]]
    ) -> Question:
        """The unknown topic as the question's own words: runs of unknown tokens outside the
        patient's facts and details ("acupath holds no records on “gout”"), never a list of
        stems gathered across the question. No run left: no unknown topic."""
        if not q.unknown_topic:
            return self._unknown_name(q, text, toks, used)
        wanted = set(q.unknown_topic)
        runs: list[list[Any]] = []
        current: list[Any] = []
        for t in toks:
            inside = any(a <= t.start and t.end <= b for a, b in used)
            hit = (
                t.word[0].isalpha()  # a number ("type 1") is never a topic of its own
                and (t.key in wanted or t.word in wanted)
                and not inside
                and not self._is_known(t)
            )
            joiner = bool(current) and t.word in ("and", "of", "the", "'", "’")
            if hit:
                current.append(t)
            elif not joiner and current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        phrases = tuple(
            dict.fromkeys(text[r[0].start : r[-1].end] for r in self._whole(runs, toks))
        )
        if phrases == q.unknown_topic:
            return q
        if not phrases:
            # the understander's unknown stems were no topic ("2" of "for 2 years"): a name it
            # did not know may still be the topic ("burning mouth syndrome", wave 10)
            named = self._unknown_name(dataclasses.replace(q, unknown_topic=()), text, toks, used)
            if named.unknown_topic:
                return named
        intents = q.intents
        if not phrases and not q.conditions and intents == ("efficacy",):
            intents = ("overview",)
        return dataclasses.replace(q, unknown_topic=phrases, intents=intents)

    def _condition_ranges(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of condition names (not umbrella words) in ``text``."""
        toks = [t for t in tokenize(text) if t.word[0].isalnum() and t.word not in tx.STOPWORDS]
        keys = [t.key for t in toks]
        out = []
        for start, key, _ in self.understander.condition_table.find(keys):
            out.append((toks[start].start, toks[start + len(key) - 1].end))
        return out

    def _umbrella_ranges(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of umbrella words ("low back pain", "knee", "headache")."""
        toks = [t for t in tokenize(text) if t.word[0].isalnum() and t.word not in tx.STOPWORDS]
        keys = [t.key for t in toks]
        return [
            (toks[start].start, toks[start + len(key) - 1].end)
            for start, key, _ in self.understander.umbrella_table.find(keys)
        ]

    def _not_understood(
        self,
        text: str,
        toks: Sequence[Any],
        used: Sequence[tuple[int, int]],
        q: Question,
    ) -> tuple[str, ...]:
        # phrases read whole ("mechanical back pain", "migraine with aura": :mod:`.everyday`)
        used = [*used, *read_phrase_spans(text)]
        runs: list[list[Any]] = []
        current: list[Any] = []
        for t in toks:
            inside = any(a <= t.start and t.end <= b for a, b in used)
            unknown = (
                t.word[0].isalpha()
                and len(t.word) >= 3  # "m" of "I'm", "s" of "it's"
                and not inside
                and not self._is_known(t)
            )
            if unknown:
                current.append(t)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        # a run of everyday words ("desk", "school", "gardening") is no part of the question left
        # unanswered and no possible red flag (wave 9, :mod:`.everyday`)
        out = [
            text[r[0].start : r[-1].end]
            for r in self._whole(runs, toks)
            if not all_everyday(t.word for t in r)
        ]
        out += [w for w in q.unknown_topic if not any(w.lower() in o.lower() for o in out)]
        return tuple(dict.fromkeys(out))

    def _unknown_name(
        self, q: Question, text: str, toks: Sequence[Any], used: Sequence[tuple[int, int]]
    ) -> Question:
        """A name made only of known words that names no condition ("burning mouth syndrome"):
        a name head (syndrome, disease, disorder...) with the words before it, in a question
        that names no condition, is the unknown topic."""
        if q.conditions or not q.in_scope or not set(q.intents) <= {"efficacy", "overview"}:
            return q
        for i, t in enumerate(toks):
            if t.key not in _NAME_HEADS or any(a <= t.start < b for a, b in used):
                continue
            j = i
            while (
                j > 0
                and i - j < 3
                and toks[j - 1].word[0].isalpha()
                and toks[j - 1].word not in tx.STOPWORDS
                and toks[j - 1].key not in self._not_name
            ):
                j -= 1
            if j < i:
                phrase = text[toks[j].start : t.end]
                return dataclasses.replace(q, unknown_topic=(phrase,), intents=("efficacy",))
        return q

    def _whole(self, runs: list[list[Any]], toks: Sequence[Any]) -> list[list[Any]]:
        """Runs of unknown words grown to the name they begin (probe F16): the words of a
        condition name that follow ("complex regional" + "pain syndrome", "restless" + "legs
        syndrome", "trigeminal" + "neuralgia") and a possessive ("Raynaud" + "'s disease")."""
        position = {id(t): i for i, t in enumerate(toks)}
        out = []
        for run in runs:
            i = position[id(run[-1])] + 1
            grown = list(run)
            added = 0
            while i < len(toks) and added < 3:
                t = toks[i]
                if t.word in ("'", "’") and i + 1 < len(toks) and toks[i + 1].word == "s":
                    grown += [t, toks[i + 1]]
                    i += 2
                    continue
                if t.word in tx.STOPWORDS or t.key not in self._name_words:
                    break
                grown.append(t)
                added += 1
                i += 1
            out.append(grown)
        return out


_NAME_HEADS = frozenset(tx.stem(w) for w in ("syndrome", "disease", "disorder", "neuralgia"))
"""Words that end a condition's name: with the words before them, a name of its own."""


_POINT_WORD_LIST = (
    "point", "points", "acupoint", "acupoints", "where", "spot", "spots", "location",
    "locations", "site", "sites", "area", "areas", "placement", "placed", "prescription",
)  # fmt: skip
_POINT_WORDS = frozenset(tx.stem(w) for w in _POINT_WORD_LIST)
"""Words that ask which points; without one, "needle"/"needles" is the act, not the points."""


_POINT_IDIOM = re.compile(
    r"\b(?:any|no|a|the|much|what'?s\s+the|whats\s+the|is\s+there\s+a)\s+point\s+"
    r"(?:in|of|to|trying|try|having|getting|doing|bothering|going)\b|\bpointless\b",
    re.IGNORECASE,
)
""""Any point trying it?", "what's the point of": whether it is worth it, not which points."""


_RELATIVE_WHERE = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|reviews?|rcts?|experiments?|papers?|cases?|situations?|"
    r"analys[ie]s|meta-analys[ie]s|comparisons?|ones?)\s+where\b",
    re.IGNORECASE,
)
""""A trial where it beat fake needles": a relative "where" after a study word describes the
study, it does not ask where the needles go (wave 12, p10139)."""


_SESSION_TIME = re.compile(
    r"\b(?:(?:immediately|right|just|straight|shortly)\s+)?(?:after|during|following|before|"
    r"at\s+the\s+end\s+of|by\s+the\s+end\s+of|within|in)\s+(?:(?:the|each|a|one|every|that|"
    r"this|their|a\s+single|the\s+first|the\s+last|the\s+final)\s+)?(?:single\s+)?"
    r"(?:session|treatment\s+session|sessions)\b",
    re.IGNORECASE,
)
"""A time point told by a session ("immediately after the session", "at the end of each
session", "during sessions"): when a study measured, not a course's dose."""


def _asks_dose(text: str, vocab: Any) -> bool:
    """Whether a dose phrase of the vocabulary stands outside every time point told by a session
    (:data:`_SESSION_TIME`); a question with no such time point keeps its dose intent."""
    if not _SESSION_TIME.search(text):
        return True
    rest = _SESSION_TIME.sub(" ", text.lower())
    phrases = vocab.intents.get("dose", ())
    return any(re.search(rf"\b{re.escape(p.lower())}(?:s|es)?\b", rest) for p in phrases)


def _asks_points(text: str, keys: Sequence[str]) -> bool:
    """Whether the question asks which points: a points word other than in an idiom, and a
    "where" other than one that describes a study."""
    idioms = len(_POINT_IDIOM.findall(text))
    points = sum(1 for k in keys if k == tx.stem("point"))
    where = tx.stem("where")
    words = set(keys)
    if where in words and sum(1 for k in keys if k == where) <= len(_RELATIVE_WHERE.findall(text)):
        words.discard(where)
    return bool((_POINT_WORDS - {tx.stem("point")}) & words) or points > idioms


_BENEFIT_OF = re.compile(
    r"(?:\b(?:acupuncture|needling|electroacupuncture|acupressure|it)\b(?:\s+[a-z']+){0,3}?\s+"
    r"(?:for|with|on)|\b(?:help|helps|helped|treat|treats|cure|cures|ease|eases|stop|stops|"
    r"fix|fixes|improve|improves|reduce|reduces)(?:\s+with)?)"
    r"\s+(?:(?:my|his|her|their|your|our|the|a|an|kids'?|children's|child's)\s+)?"
    r"(?:(?:son|daughter|child|kid|boy|girl|children|kids)\s+)?$"
)
"""The words just before what a benefit question asks about: "does acupuncture work for",
"acupuncture for", "can it help (with)", "does it stop"."""


def _flag_asked_about(q: Question, text: str, mentions: Sequence[Any]) -> Question:
    """A red-flag symptom that is what a benefit question asks about ("does acupuncture work
    for bedwetting in kids?", wave 12 p10170): the topic, which no condition record covers, so
    the answer says acupath holds no records on it (insufficient evidence) instead of
    answering about every condition. Only the topic changes: the mention stays for the screen
    (the red flag is still screened)."""
    if q.conditions or q.unknown_topic or not q.in_scope:
        return q
    if not set(q.intents) <= {"efficacy", "overview"}:
        return q
    folded = text.lower().replace("\u2019", "'")
    for m in mentions:
        if m.kind != "red_flag" or m.negated or not m.end:
            continue
        if _BENEFIT_OF.search(folded[max(0, m.start - 60) : m.start]):
            topic = (text[m.start : m.end],)
            return dataclasses.replace(q, unknown_topic=topic, intents=("efficacy",))
    return q


def _outcome_topic(q: Question, base: Any) -> Question:
    """A question naming an outcome and words the vocabulary lacks ("labour: odds of an
    epidural"): when the findings of that outcome hold every such word, the words are what the
    findings are about, not a topic the base lacks."""
    words = {w for t in q.unknown_topic for w in tx.tokens(t)}
    text = {
        w
        for f in base.findings.values()
        if f.outcome in q.outcomes
        for w in tx.tokens(f"{f.population or ''} {f.scale or ''} {f.summary} {f.condition or ''}")
    }
    if words and words <= text:
        return dataclasses.replace(q, unknown_topic=())
    return q


def _narrowed(named: Sequence[str], asked: Sequence[str]) -> list[str]:
    """The conditions of a named trial or study that the question is about: those it names
    too, or all when it names none of them."""
    both = [c for c in named if c in asked]
    return both if asked else list(named)


def _suitability(q: Question, text: str, keys: Sequence[str], patient: PatientContext) -> Question:
    """A question whether this patient may be needled ("OK to needle?", "can she have it?")
    asks for the screen's decision: its intents gain ``safety``, and lose ``points`` when the
    only points word was a verb of needling ("needle her"), not "which points"."""
    if not (patient.describes_patient and aw.asks_suitability(text)):
        return q
    intents = [i for i in q.intents if i not in ("overview",)]
    if "points" in intents and not _POINT_WORDS & set(keys):
        intents.remove("points")
    from acupath.answer.vocabulary import INTENTS

    wanted = {*intents, "safety"}
    return dataclasses.replace(q, intents=tuple(i for i in INTENTS if i in wanted))


def _female(patient: PatientContext) -> bool:
    """Whether the question says the person is a woman or pregnant (stated or denied: "not
    pregnant" is said of a woman too)."""
    return any(
        (m.kind == "sex" and m.value == "female") or m.kind in ("pregnant", "postpartum")
        for m in patient.mentions
    )


def _screened(patient: PatientContext) -> bool:
    """Whether the question describes a patient with a fact the screen reads (a medicine, a
    device, a pregnancy...), not only a sex or a pronoun."""
    return any(
        patient.about_patient(m) and not m.negated and m.kind not in ("sex", "age", "age_band")
        for m in patient.mentions
    )


def _key(phrase: str) -> tuple[str, ...]:
    # "&" stays: the question's keys hold it, so "a&e" must too (wave 20: no "A&E" phrase of
    # names.yaml had ever matched)
    return tuple(t.key for t in tokenize(phrase) if t.word[0].isalnum() or t.word == "&")


def _has(keys: Sequence[str], key_set: set[str], phrase: tuple[str, ...]) -> bool:
    if not phrase or phrase[0] not in key_set:
        return False
    return bool(tx.contains_phrase(keys, phrase))


@functools.lru_cache(maxsize=4096)
def _closest(word: str, vocab: tuple[str, ...]) -> str | None:
    """The known word one edit away (two for words of eight letters or more), same first letter."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    limit = 2 if len(word) >= 8 else 1
    candidates = [v for v in vocab if v[0] == word[0] and abs(len(v) - len(word)) <= limit]
    if not candidates:
        return None
    hit = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
    return str(hit[0]) if hit is not None else None


def _blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in ranges:
        for i in range(a, min(b, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _threshold_sources(base: Any, text: str) -> list[str]:
    """The sources of the condition-free threshold records of the outcomes ``text`` names."""
    if base is None:
        return []
    known = aw.outcome_ids(base.findings)
    outcomes = set(aw.asked_outcomes(text, known))
    # wave 23 (h22123): a change that matters asked in general words on a rating scale
    outcomes = outcomes or {o for o in aw.threshold_outcomes(text) if o in known}
    if not outcomes:
        return []
    found = [
        f.source
        for f in base.findings.values()
        if f.condition is None and f.measure == "threshold" and f.outcome in outcomes
    ]
    return list(dict.fromkeys(found))


def _merge(
    q: Question, conditions: Sequence[str], intents: Sequence[str], about_acupuncture: bool
) -> Question:
    from acupath.answer.vocabulary import INTENTS

    conds = tuple(dict.fromkeys([*q.conditions, *conditions]))
    new_intents = set(q.intents) | set(intents)
    if conditions and new_intents == {"overview"} and not q.conditions:
        new_intents = {"efficacy"}
    if len(new_intents) > 1 and "overview" in new_intents and intents:
        new_intents.discard("overview")
    ordered = tuple(i for i in INTENTS if i in new_intents)
    in_scope, note = q.in_scope, q.scope_note
    if not in_scope and (conditions or intents) and about_acupuncture:
        in_scope, note = True, None
    unknown = q.unknown_topic if not conditions else ()
    return dataclasses.replace(
        q,
        conditions=conds,
        intents=ordered or (("efficacy",) if conds else ("overview",)),
        in_scope=in_scope,
        scope_note=note,
        unknown_topic=unknown,
    )


_OUTSIDE_TERM = re.compile(r"'(?P<term>[^']+)' is outside its evidence base")


def _outside_topic(q: Question) -> str | None:
    """The complaint that put ``q`` out of scope ("'irritable bowel' is outside its evidence
    base"), when a complaint did (not a question about another treatment or not about
    acupuncture); ``None`` otherwise."""
    if q.in_scope or not q.scope_note:
        return None
    m = _OUTSIDE_TERM.search(q.scope_note)
    return m.group("term") if m else None


def _premise_scope(q: Question) -> Question:
    """A question that assumes a cure or a tumour effect is in scope: the answer corrects it."""
    if q.in_scope:
        return q
    return dataclasses.replace(q, in_scope=True, scope_note=None)


def _outcome(keys: Sequence[str]) -> str | None:
    for k in keys:
        for stem, outcome in OUTCOME_WORDS.items():
            if k.startswith(stem):
                return outcome
    return None


def _direction(keys: Sequence[str]) -> str | None:
    words = set(keys)
    if words & {"worse", "harm", "harmful", "dangerou"}:
        return "harm"
    if words & {"better", "help", "reduc", "work", "effectiv", "cure", "relief", "reliev"}:
        return "benefit"
    return None


def _size(keys: Sequence[str]) -> str | None:
    words = set(keys)
    if words & LARGE_WORDS:
        return "large"
    if words & SMALL_WORDS:
        return "small"
    return None


def _outside(span: tuple[int, int], ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``span`` that no range covers."""
    parts = [span]
    for a, b in sorted(ranges):
        parts = (
            [
                piece
                for lo, hi in parts
                for piece in ((lo, min(hi, a)), (max(lo, b), hi))
                if piece[0] < piece[1]
            ]
            if any(lo < b and a < hi for lo, hi in parts)
            else parts
        )
    return parts


_UNLEARNED = frozenset({"count_raised", "points_assumed", "inr_checked", "swelling_drained"})
"""Premise kinds (wave 21) whose words do not become known words: a blood count or a verb of
raising ("haemoglobin", "builds", "push") or "fair game" that no record answers stays among
what the answer does not cover when no premise is stated."""

_STATED_ONLY = frozenset(
    {
        "guideline_rank",
        "evidence_overclaim",
        "restriction_overstated",
        "replace_care",
        "permanence",
        # wave 10: "have there been any deaths?" asks; "people die from it all the time" states
        "harm_overstated",
        "study_misread",
        "effect_overread",
        "safe_assumed",
        "technique_assumed",
        "universal_beats",
        "mechanism_as_proof",
        # wave 17: "it's been proven it causes miscarriage" states; "has it been proven?" asks
        "pregnancy_harm_proven",
        "equal_arms_claimed",
        "sham_inert",
        "treatment_weakened",
        # wave 20: "Medicare lets you have as many as you like" states; "is there a limit?" asks
        "coverage_unlimited",
        # wave 21: "it raises your platelets" / "every point is fine after 12 weeks" state;
        # "does it raise platelets?" / "are all points safe?" ask
        "count_raised",
        "points_assumed",
        # wave 23b: "I've told them to get an INR before every session" / "needling the swollen
        # arm helps drain it" state; "should we check the INR?" / "does needling drain it?" ask
        "inr_checked",
        "swelling_drained",
    }
)
"""Premise kinds (wave 9) read only from a sentence that states them: "NICE makes it the first
choice" is a premise, "Does NICE make it the first choice?" or "Where does NICE put it - first
line or after drugs?" asks."""
_ASKING_START = re.compile(
    r"^\W*(?:does|do|did|is|are|was|were|has|have|had|would|will|can|could|should|shall|may|"
    r"might|must|where|what|which|how|when|why|who|whom|whose|according|any|please|tell)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?:[^.?!;]|(?<=\d)\.(?=\d))+[.?!;]*")
"""A sentence; a decimal point ("an effect size of -1.86") does not end one (wave 10)."""


_HARM_DENIED = re.compile(
    r"\b(?:not|never|no|hardly|rarely|seldom|\w+n[’']t|isnt|arent|dont|doesnt|didnt|wont)\s+"
    r"(?:[\w’']+\s+){0,2}?(?:dangerous|die|dies|died|dying|deaths?|kill\w*|fatal\w*|common|"
    r"often|usually|frequent\w*|regularly|harm\w*)\b",
    re.IGNORECASE,
)
"""A harm said not to be common ("deaths are not common", "people don't die from it all the
time", "not dangerous for most people"): that agrees with the records, nothing to correct."""


def _stated(
    text: str,
    kind: str,
    medicines: Sequence[tuple[int, int]] = (),
    devices: Sequence[tuple[int, int]] = (),
) -> bool:
    """Whether a sentence of ``text`` that does not open with an asking word states ``kind``
    (``medicines``, ``devices``: the spans read, as for :func:`aw.stated_premises`)."""

    def within(spans: Sequence[tuple[int, int]], at: int) -> list[tuple[int, int]]:
        return [(a - at, b - at) for a, b in spans]

    return any(
        kind
        in aw.stated_premises(m.group(0), within(medicines, m.start()), within(devices, m.start()))
        and not _ASKING_START.match(m.group(0))
        and not (kind == "harm_overstated" and _HARM_DENIED.search(m.group(0)))
        for m in _SENTENCE.finditer(text)
    )
