"""Questions about a named study, or about how practitioners or services handle a group,
that describe no patient (issue 10, wave 12).

"Meng 2012: acupuncture during head and neck radiotherapy - relative risk of dry mouth?",
"Carr 2015: does needling the forbidden points in pregnancy cause preterm birth?", "How should
acupuncturists handle patients with pacemakers?", "should we offer it alongside chemo?", "What
thresholds do oncology acupuncture services use ... e.g. platelets under 50": the facts named
are the study's population or the service's patients, not a person's. They become the
question's topic (shown, never screened) when all of these hold:

- the question names a study (a capitalised author and a year, "et al.") or a practitioner or
  service as the one acting ("acupuncturists", "practitioners", "services", "our clinic",
  "should we offer"), or is marked as teaching;
- no person is described: no I/me/my/mine, she/he/her/him/his, "my/this patient", a relative,
  a note's "pt", an age or pregnancy weeks;
- every fact to be set aside stands in a sentence that holds such a marker ("On warfarin.
  Smith 2019 says bleeding is rare - fine to needle?" is a note about a patient, and stays);
- a lab value is a threshold ("under 50", "below 1.0"), never a measured value.

Anything else keeps the cautious reading: "is it safe in pregnant women?" and "people with
pacemakers can't have it, can they? Mine went in last year" keep their box.

Why: clinic policy on reading questions (safety first: a fact is set aside only when the
question's own words say it belongs to no particular person); nothing here is evidence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

_NOT_AUTHORS = (
    r"(?:In|On|At|By|Since|From|Until|Till|Before|After|During|Of|For|And|Or|The|Year|Diagnosed|"
    r"Started|Finished|Stopped|Ended|Began|Treated|Operated|Surgery|Spring|Summer|Autumn|Fall|"
    r"Winter|Christmas|Easter|Jan\w*|Feb\w*|Mar\w*|Apr\w*|May|Jun\w*|Jul\w*|Aug\w*|Sep\w*|"
    r"Oct\w*|Nov\w*|Dec\w*|Mid|Early|Late|End|Back|Around|About|Circa|Cancer|Chemo\w*|"
    r"Radio\w*|Mastectomy|Lumpectomy|Stroke|Transplant|Surgery|Op|Operation|Diagnosis|Dx|"
    r"DVT|PE|MI|TIA|CABG|Fracture|Baby|Birth|Delivery)"
)
_AUTHOR_YEAR = (
    r"(?!" + _NOT_AUTHORS + r"\b)[A-Z][a-zA-Z'’-]+(?:\s+(?:et\s+al\.?|and\s+[A-Z][a-zA-Z'’-]+|"
    r"&\s+[A-Z][a-zA-Z'’-]+))?,?\s+\(?(?:19|20)\d\d[a-z]?\)?(?!\s*[-/.]\d)"
)
_STUDY = re.compile(
    # "Meng 2012: ...", "Shen 2000 JAMA", "Lee 2019 trial", "(Meng 2012)", "in Lu 2009, ..."
    r"\b" + _AUTHOR_YEAR + r"(?=\s*(?::|\s-|\s–|,?\s+(?:jama|bmj|lancet|nejm|jco|cochrane|"
    r"trial|study|rct|review|pilot|meta|cohort|paper|found|reported|showed|shows|concluded|"
    r"JAMA|BMJ|Lancet|NEJM|JCO|Cochrane)\b))"
    r"|\("
    + _AUTHOR_YEAR
    + r"|\b(?:[Ii]n|[Bb]y|[Pp]er|[Ss]ee|[Ff]rom|according to)\s+"
    + _AUTHOR_YEAR
    + r"|\bet\s+al\b"
)
"""A study named by its author and year (case kept: "in 2019" or "March 2019" is no author)."""
_ACTOR = re.compile(
    r"\b(?:acupuncturists|practitioners|clinicians|therapists|physiotherapists|physios|"
    r"services|clinics|hospices|providers|"
    # the asker's own service ("our clinic"); "the clinic says" is a patient's care team
    r"our\s+(?:acupuncture\s+|oncology\s+|own\s+)?(?:clinic|service|department|team|unit|"
    r"practice|hospice)|"
    r"(?:should|could|can|do|would|shall)\s+we\s+(?:still\s+)?(?:offer|provide|recommend|"
    r"advise|treat|needle|use|refer|exclude|screen|allow|include)|"
    r"we\s+(?:offer|provide|recommend|run)|"
    r"(?:teaching|policy|general|hypothetical)\s+(?:q|qs|question|questions|query|session|"
    r"point|case)|journal\s+club)\b"
)
"""A practitioner or service as the one acting, or a teaching question."""
_PERSON = re.compile(
    r"(?<!phase )\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|i['’]ll|me|my|mine|myself|"
    r"she|she['’]s|her(?!-?\d)|hers|herself|he|he['’]s|him|his|himself|"
    # one patient ("Pacemaker patient with back pain - can we use EA?": p025), not "patients"
    r"patient|client|(?:this|that|a)\s+(?:lady|gentleman|woman|man|girl|boy)|"
    r"pt|c\s*/\s*o|o\s*/\s*e|"
    r"mum|mom|mother|dad|father|wife|husband|son|daughter|partner|sister|brother|friend|"
    r"child|baby|gran\w*|aunt|uncle|"
    r"\d+\s*(?:yo|y/o|yrs?|years?[- ]old|year|-year)|\d+\s*[mf]|aged\s+\d+|"
    r"we['’]re|we\s+are\s+(?:pregnant|expecting))\b"
)
"""A particular person: the asker, a third person, a relative, a note's marker, an age."""
_STUDY_ASK = re.compile(
    # wave 15 (h12170, h12186, h12193): a study told without its author and year, asked for
    # its findings: "Sloan Kettering did a study on ...", "there was a trial of ...", "has
    # anyone checked the trials", "what was the effect size", "how many women (were in it)"
    r"\b(?:(?:did|ran|run|published|conducted|carried\s+out|there\s+(?:was|is|were))\s+"
    r"(?:a|an|the|that|this|some|any)\s+(?:big\s+|large\s+|small\s+)?(?:study|studies|trial|"
    r"trials|rct|rcts|review)"
    r"|(?:has|have|did)\s+(?:anyone|anybody|someone|researchers|scientists|they)\s+(?:ever\s+)?"
    r"(?:checked|studied|tested|looked\s+(?:at|into)|researched|trialled|trialed|compared)"
    r"|what\s+(?:was|were|is|are)\s+the\s+(?:effect\s+sizes?|effects?|results?|findings?|"
    r"outcomes?|relative\s+risk|odds\s+ratio|risk\s+ratio)"
    r"|how\s+many\s+(?:women|men|people|patients|participants|subjects)\s+(?:were|was|did|"
    r"took|in|and|got|had))\b"
)
"""A question for a study's findings, the study told without an author and year."""
_THRESHOLD = re.compile(
    r"\b(?:under|below|over|above|less than|more than|greater than|lower than|higher than|"
    r"at least|cut ?offs?|thresholds?)\b|[<>≤≥]"
)
"""A lab value named as a threshold ("platelets under 50", "ANC below 1.0")."""
POPULATION_KINDS = frozenset(
    {
        "medicine",
        "class",
        "regimen",
        "device",
        "pregnant",
        "lab",
        "red_flag",
        "comorbidity",
        "cancer",
        "lymphedema",
        "radiation",
        "skin_lesion",
        "breastfeeding",
    }
)
"""Kinds of fact a study population or a service's patients may have (an age, pregnancy
weeks or a sex is a person's)."""
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|et al|vs|approx|etc|cf|fig)\.", re.IGNORECASE)


def _sentences(question: str) -> list[tuple[int, int]]:
    """The sentences of ``question`` as (start, end); "e.g." and "et al." end none."""
    masked = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", "_"), question)
    out, lo = [], 0
    for m in re.finditer(r"[.!?;]+(?:\s+|$)|\n+", masked):
        out.append((lo, m.end()))
        lo = m.end()
    if lo < len(question):
        out.append((lo, len(question)))
    return out


_RESEARCH = re.compile(
    r"\b(?:stud(?:y|ies)|trials?|rcts?|reviews?|meta ?analys[ie]s|cochrane|evidence|"
    r"find|found|finds|report|reported|reports|show|showed|shown|conclude\w*|effects?|"
    r"effect size|outcomes?|relative risk|risk ratio|odds ratio|hazard ratio|versus|vs|sham|"
    r"placebo|minimal needling|control|median|mean|participants|episodes|cohort|"
    r"jama|bmj|lancet|nejm|jco|how many (?:patients|people|women|participants))\b"
)
"""A research word: a capitalised word and a year name a study only beside one ("Stroke 2018,
on clopidogrel - acupuncture for my shoulder?" is a history, and its author word is a fact)."""


def _studies(mentions: Sequence[Any], question: str) -> list[int]:
    """Where ``question`` names a study by its author and year; an "author" that is one of the
    question's facts ("Stroke 2018", "Lumpectomy 2019") is a dated history, not a study."""
    return [
        s.start()
        for s in _STUDY.finditer(question)
        if not any(m.start < s.end() and s.start() < m.end for m in mentions)
    ]


def no_one_described(mentions: Sequence[Any], question: str) -> list[Any]:
    """``mentions`` with the facts of a study's or a service's group set as topics (see the
    module docstring); unchanged when a person is described or a fact stands apart."""
    out = list(mentions)
    folded = question.lower().replace("’", "'")
    if _PERSON.search(folded):
        return out
    studies = _studies(mentions, question) if _RESEARCH.search(folded) else []
    sentences = _sentences(question)
    marked = [
        (lo, hi)
        for lo, hi in sentences
        if any(lo <= s < hi for s in studies) or _ACTOR.search(folded, lo, hi)
    ]
    # a question for a study's findings marks its own sentence and a question right before it
    # ("does acupuncture during the radiation help? what was the effect size"); a note of its
    # own before it ("On warfarin. What was the effect size?") stays a patient's
    for i, (lo, hi) in enumerate(sentences):
        if _STUDY_ASK.search(folded, lo, hi):
            marked.append((lo, hi))
            if i and folded[lo:hi].strip() and folded[:lo].rstrip().endswith("?"):
                marked.append(sentences[i - 1])
    if not marked:
        return out
    if any(m.kind in ("age", "weeks") and not m.negated for m in mentions):
        return out
    chosen = []
    for i, m in enumerate(out):
        if m.negated or m.status != "current" or m.kind not in POPULATION_KINDS:
            continue
        if not any(lo <= m.start < hi for lo, hi in marked):
            return list(mentions)  # a fact in a sentence of its own: a patient's note
        if m.kind == "lab" and not _THRESHOLD.search(folded[max(0, m.start - 20) : m.end]):
            return list(mentions)  # a measured value is a person's
        chosen.append(i)
    for i in chosen:
        m = out[i]
        out[i] = dataclasses.replace(m, status="topic", detail={**m.detail, "topic": True})
    return out
