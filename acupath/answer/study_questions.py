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
    r"DVT|PE|MI|TIA|CABG|Fracture|Baby|Birth|Delivery|"
    # wave 17: a dated history ("Stent 2020, on clopidogrel", "Hysterectomy 2015, now ...")
    r"Stents?|Fusion|Replacement|Bypass|Implants?|Pacemaker|Biopsy|Scan|MRI|CT|Chemo|Radio|"
    r"Transfusion|Infection|Sepsis|Clot|Bleed|Diagnosed|Relapse|Recurrence|Remission|"
    r"[A-Z][a-z]*(?:ectomy|otomy|ostomy|plasty|scopy|ation))"
)
_AUTHOR_YEAR = (
    r"(?!" + _NOT_AUTHORS + r"\b)[A-Z][a-zA-Z'’-]+(?:\s+(?:et\s+al\.?|and\s+[A-Z][a-zA-Z'’-]+|"
    r"&\s+[A-Z][a-zA-Z'’-]+))?,?\s+\(?(?:19|20)\d\d[a-z]?\)?(?!\s*[-/.]\d)"
)
_EPONYMS = (
    r"(?:Parkinson|Crohn|Alzheimer|Raynaud|Bell|Hodgkin|Cushing|Addison|Graves|Meniere|"
    r"Sjogren|Sjögren|Tourette|Huntington|Down|Asperger|Guillain|Hashimoto|Paget|Perthes|"
    r"Osgood|Dupuytren|Baker|Morton|Colles|Achilles)\b"
)
"""A disease or body part named after a person ("a Parkinson's trial"): no author."""
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
    # wave 17 (p12157, h14158): a surname and a study noun, no year ("the McCulloch review
    # proved it", "Hinman's sham laser trial"); a disease's possessive is no author
    + r"|\b[Tt]he\s+(?!"
    + _NOT_AUTHORS
    + r"\b|"
    + _EPONYMS
    + r")[A-Z][a-zA-Z-]+\s+(?:review|"
    r"trial|study|rct|RCT|meta-?analysis|cohort|paper|survey|pilot)\b"
    r"|\b(?!" + _NOT_AUTHORS + r"\b|" + _EPONYMS + r")[A-Z][a-zA-Z-]+['’]s\s+"
    r"(?:[a-z-]+\s+){0,3}?(?:review|trial|study|rct|meta-?analysis|cohort|paper|survey|pilot)\b"
)
"""A study named by its author and year (case kept: "in 2019" or "March 2019" is no author),
or by its author and a study noun."""
_CITED = re.compile(r"\b" + _AUTHOR_YEAR)
"""An author and year in citation style, whatever follows ("Garcia 2019 dry mouth during head
and neck radiotherapy: effect size at one year?", h14134): a study only in a sentence that asks
for one of a study's figures (:data:`_FIGURE_ASK`)."""
_FIGURE_ASK = re.compile(
    r"\b(?:effect\s+sizes?|sample\s+sizes?|how\s+many\s+(?:participants|patients|people|"
    r"subjects|women|men|were\s+(?:randomi[sz]ed|enrolled|included|recruited))|number\s+"
    r"(?:randomi[sz]ed|enrolled|recruited|included|of\s+(?:participants|patients))|"
    r"drop-?out\s+rates?|relative\s+risk|risk\s+ratio|odds\s+ratio|hazard\s+ratio|nnt|"
    r"number\s+needed\s+to\s+treat|smd|standardi[sz]ed\s+mean\s+difference|"
    r"response\s+rates?|primary\s+(?:outcome|endpoint))\b"
)
"""A question for one of a study's figures (wave 17, h14134, h14140)."""
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
_ASKER_ASIDE = re.compile(
    r"\bi\s*(?:mean|meant|wonder|wondered|guess|suppose|(?:was|am|'m)\s+(?:just\s+)?"
    r"(?:wondering|curious|asking)|(?:'d|would|just\s+want|want|wanted)\s+(?:like\s+)?to\s+"
    r"know)\b"
)
"""The asker framing the question, not describing themself (wave 23, held-out part 22 h22147:
"is there any good trial of needles for breast-cancer arm swelling? I mean pooled trials"): no
person for :data:`_PERSON`; any other "I", "my" or "me" still is one."""


def _person(folded: str) -> bool:
    """Whether ``folded`` describes a particular person (:data:`_PERSON`), the asker's framing
    words (:data:`_ASKER_ASIDE`) set aside."""
    return bool(_PERSON.search(_ASKER_ASIDE.sub(" ", folded)))


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
_QUALITY = (
    r"(?:good|decent|solid|proper|reliable|quality|high[- ]quality|strong|robust|recent|big|"
    r"large|small|randomi[sz]ed|controlled|clinical|published|pooled|real|scientific)"
)
_RESEARCH_NOUN = (
    r"(?:stud(?:y|ies)|trials?|rcts?|reviews?|evidence|research|data|meta-?\s?analys[ie]s)"
)
_EVIDENCE_ASK = re.compile(
    rf"\b(?:(?:is|are|was|were)\s+there\s+(?:any\s+|a\s+|an\s+|some\s+)?(?:{_QUALITY}\s+){{0,3}}"
    rf"{_RESEARCH_NOUN}|any\s+(?:{_QUALITY}\s+){{0,3}}{_RESEARCH_NOUN}\s+(?:of|on|for|about|into|"
    r"in|with|showing|that))\b"
)
"""Whether research exists, asked in general words (wave 23, held-out part 22 h22147: "is
there any good trial of needles for breast-cancer arm swelling?", "are there solid trials of
acupuncture in pregnancy?", "any good studies on ... during chemo?"): the facts of its sentence
are the research's population. A sentence that also asks about safety keeps the cautious
reading (:data:`_SAFETY_ASK`, as for acupuncture during a treatment), and only the facts
after the ask are the research's ("Knee OA, on warfarin - is there trial evidence?" is a
note about a patient)."""
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
    found = list(_STUDY.finditer(question))
    folded = question.lower()
    for lo, hi in _sentences(question):
        if _FIGURE_ASK.search(folded, lo, hi):
            found += list(_CITED.finditer(question, lo, hi))
    # wave 18 (h15121): only the author word must be no fact; the words after it may name
    # the study's condition ("Cassileth's lymphoedema pilot", "the Deng tamoxifen trial")
    return [
        s.start() + lead
        for s in found
        for lead in [_author_lead(s.group(0))]
        if not any(
            m.start < s.start() + lead + _author_len(s.group(0)[lead:]) and s.start() + lead < m.end
            for m in mentions
        )
    ]


_LEAD = re.compile(r"^(?:\(|(?:[Ii]n|[Bb]y|[Pp]er|[Ss]ee|[Ff]rom|according\s+to|[Tt]he)\s+)")


def _author_lead(words: str) -> int:
    """Where the author word starts in a study's match ("(Meng 2012", "in Lu 2009", "the
    Deng trial": after the bracket or the cue word)."""
    m = _LEAD.match(words)
    return m.end() if m else 0


def _author_len(words: str) -> int:
    """The length of the author word at the start of ``words`` (the whole match for "et al")."""
    m = re.match(r"[A-Za-z'’-]+", words)
    return m.end() if m and not words.lower().startswith("et al") else len(words)


_ATTENDED = re.compile(
    r"\b(?:missed|missing|skipped|attended|attends|attend|at|to|between|two|three|four|several|"
    r"few|\d+)\s+(?:[a-z]+\s+)?$"
)
"""Words that make a service the place a patient went or missed ("missed two clinics"), not
the one acting (wave 20, held-out part 19 h19098)."""


def _acts(folded: str, lo: int, hi: int) -> bool:
    """Whether a practitioner or service acts in ``folded[lo:hi]`` (:data:`_ACTOR`), not merely
    as the place a patient attended or missed."""
    return any(
        not _ATTENDED.search(folded, max(0, a.start() - 24), a.start())
        for a in _ACTOR.finditer(folded, lo, hi)
    )


def no_one_described(mentions: Sequence[Any], question: str) -> list[Any]:
    """``mentions`` with the facts of a study's or a service's group set as topics (see the
    module docstring); unchanged when a person is described or a fact stands apart."""
    out = list(mentions)
    folded = question.lower().replace("’", "'")
    if _person(folded):
        return out
    research = _RESEARCH.search(folded) or _FIGURE_ASK.search(folded)
    studies = _studies(mentions, question) if research else []
    sentences = _sentences(question)
    marked = [
        (lo, hi)
        for lo, hi in sentences
        if any(lo <= s < hi for s in studies) or _acts(folded, lo, hi)
    ]
    # a question for a study's findings marks its own sentence and a question right before it
    # ("does acupuncture during the radiation help? what was the effect size"); a note of its
    # own before it ("On warfarin. What was the effect size?") stays a patient's
    for i, (lo, hi) in enumerate(sentences):
        if _STUDY_ASK.search(folded, lo, hi):
            marked.append((lo, hi))
            if i and folded[lo:hi].strip() and folded[:lo].rstrip().endswith("?"):
                marked.append(sentences[i - 1])
        general = _EVIDENCE_ASK.search(folded, lo, hi)
        if general and not _SAFETY_ASK.search(folded, lo, hi):
            # only the research's own description, after the ask: a fact before it is a
            # note about a patient ("Knee OA, on warfarin - is there trial evidence?")
            marked.append((general.start(), hi))
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


# --- wave 17: a condition told by its cause, and a treatment that is the asker's workplace ---

_ANYONE_GETS = re.compile(
    r"\bthe\s+(?:[a-z'-]+\s+){1,4}?(?:(?:that|which)\s+)?"
    r"(?:(?:you|people|patients|women|men|one|folk|folks|some\s+people|many\s+people|"
    r"everyone|anyone)\s+(?:can\s+|may\s+|might\s+|often\s+|sometimes\s+|usually\s+|"
    r"typically\s+|commonly\s+|tend\s+to\s+)?(?:get|gets|have|has|develop|develops|suffer|"
    r"experience|end\s+up\s+with)(?:\s+(?:[a-z]+\s+)?(?:after|from|with|on|during|following|"
    r"due\s+to|because\s+of|off))?"
    r"|(?:can\s+|may\s+|often\s+|sometimes\s+)?(?:comes?|goes?|follows?)\s+(?:with|after|"
    r"from)|(?:is|are)\s+caused\s+by|(?:caused|brought\s+on|triggered)\s+by)"
    r"\s+(?:the\s+|a\s+|an\s+|your\s+|their\s+|some\s+)?$"
)
"""A condition told as what anyone gets after a treatment ("the dry mouth you get after
radiotherapy", "the tiredness people get after radiotherapy", "the hot flushes that come
with tamoxifen", p12137): the treatment is the condition's cause, as in "chemotherapy-induced
nausea", not a person's treatment."""


def _span(m: Any, folded: str) -> tuple[int, int]:
    """Where mention ``m`` stands in ``folded``: its offsets are the spelling-corrected
    question's ("acupunture" read as "acupuncture" shifts them), so its words are found again
    nearest to them when they differ."""
    words = str(m.words).lower().replace("’", "'")
    if not words or folded[m.start : m.end] == words:
        return m.start, m.end
    hits = [h.start() for h in re.finditer(re.escape(words), folded)]
    if not hits:
        return m.start, m.end
    start = min(hits, key=lambda h: abs(h - m.start))
    return start, start + len(words)


_DURING = re.compile(
    r"\b(?:acupuncture|acupressure|electroacupuncture|needling|needles|it)\s+(?:(?:is|was|"
    r"are|were|being)\s+)?(?:(?:given|done|used|delivered|offered|started|carried\s+out)\s+)?"
    r"(?:during|alongside|while(?:\s+(?:on|having|getting|undergoing))?|in\s+the\s+middle\s+of|"
    r"throughout)\s+(?:the\s+|a\s+|an\s+|a\s+course\s+of\s+)?(?:[a-z-]+\s+)?$"
)
"""Acupuncture asked about during a treatment in general words ("does acupuncture during
radiotherapy for head and neck cancer mean less dry mouth?", wave 18, h15116): the treatment is
the circumstance of the acupuncture asked about, as in a trial's title, not a person's."""
_DURING_KINDS = frozenset({"radiation", "cancer", "regimen"})
"""The kinds of fact a treatment and the cancer it treats are read as."""
_SAFETY_ASK = re.compile(
    r"\b(?:safe|safely|safety|unsafe|risks?|risky|dangers?|dangerous|harms?|harmful|side[- ]"
    r"effects?|ok|okay|allowed|contraindicat\w*|precautions?|caution|careful|avoid)\b"
)
"""A safety question about acupuncture during a treatment keeps the cautious reading (the box
says what to take care of, even when no person is described)."""
_CLAUSE_END = re.compile(r"[,.;:?!]|\s(?:and|but|while|whereas|so)\s")


def caused_conditions(mentions: Sequence[Any], question: str) -> list[Any]:
    """``mentions`` with the treatments (and the cancers they treat) that name a condition's
    cause in words about anyone set as topics (:data:`_ANYONE_GETS`); unchanged when a person
    is described (the cautious reading: "the sickness you get from chemo? I'm on it now").

    Why: clinic policy on reading questions (safety first: a fact is set aside only when the
    question's own words say it belongs to no particular person)."""
    out = list(mentions)
    folded = question.lower().replace("’", "'")
    if _person(folded):
        return out
    spans = []
    during: list[tuple[int, int]] = []
    triggers: set[int] = set()
    for n, m in enumerate(out):
        if m.negated or m.status != "current" or m.kind not in POPULATION_KINDS:
            continue
        start, stop = _span(m, folded)
        if _ANYONE_GETS.search(folded[max(0, start - 90) : start]):
            end = _CLAUSE_END.search(folded, stop)
            spans.append((start, end.start() if end else len(folded)))
        elif _DURING.search(folded[max(0, start - 60) : start]) and not _SAFETY_ASK.search(folded):
            # the treatment and the cancer it treats, to the end of the sentence ("during
            # radiotherapy for head and neck cancer")
            end = re.compile(r"[.;:?!]").search(folded, stop)
            during.append((start, end.start() if end else len(folded)))
            triggers.add(n)
    if not spans and not during:
        return out
    for i, m in enumerate(out):
        if m.negated or m.status != "current" or m.kind not in POPULATION_KINDS:
            continue
        at = _span(m, folded)[0]
        # after "acupuncture during ...", only the treatment and the cancer it treats: a
        # medicine or a device later in the sentence stays the cautious reading
        if any(lo <= at < hi for lo, hi in spans) or (
            (m.kind in _DURING_KINDS or i in triggers) and any(lo <= at < hi for lo, hi in during)
        ):
            out[i] = dataclasses.replace(m, status="topic", detail={**m.detail, "topic": True})
    return out


_JOB = re.compile(
    r"\b(?:(?:i\s*(?:am|'m)|im|i\s+work\s+as|i\s+worked\s+as|as)\s+an?\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:nurse|pharmacist|technician|porter|cleaner|receptionist|(?:health\s*care|care)\s+"
    r"assistant|hca|doctor|oncologist|radiographer|radiotherapist|physicist|volunteer|"
    r"administrator|secretary|manager|orderly|student|housekeeper|chaplain)"
    r"|i\s+work\s+(?:on|in|at|for)|working\s+(?:on|in|at)|my\s+(?:job|shifts?)|at\s+work)\b"
)
"""The asker's job (wave 17, p12098: "I'm a nurse on the chemo ward")."""
_WORKPLACE_AFTER = re.compile(
    r"^\s*(?:day\s+)?(?:ward|wards|unit|suite|department|dept|centre|center|bay|lounge|"
    r"pharmacy)\b"
)
_WORKPLACE_BEFORE = re.compile(r"\b(?:on|in|at|to|for)\s+(?:the|a|an|our)\s+(?:[a-z]+\s+)?$")
_TREATMENT_KINDS = frozenset({"medicine", "class", "regimen", "radiation"})


def workplace(mentions: Sequence[Any], question: str) -> list[Any]:
    """``mentions`` with a treatment that names the asker's workplace ("on the chemo ward",
    "at the radiotherapy department", "in the chemotherapy day unit"), when the asker says
    they work there, set aside as other people's (their patients'): the asker is still
    described and screened. A treatment the asker receives there ("I go to the chemo ward for
    my infusion", no job said) or names apart ("and I started chemotherapy last week") stays.

    Why: clinic policy (as context._handled_at_work, wave 11): occupational exposure is not a
    treatment the patient receives."""
    out = list(mentions)
    folded = question.lower().replace("’", "'")
    if not _JOB.search(folded):
        return out
    for i, m in enumerate(out):
        if m.negated or m.status != "current" or m.kind not in _TREATMENT_KINDS:
            continue
        start, stop = _span(m, folded)
        if _WORKPLACE_AFTER.match(folded[stop : stop + 20]) and _WORKPLACE_BEFORE.search(
            folded[max(0, start - 30) : start]
        ):
            out[i] = dataclasses.replace(m, status="other_person")
    return out
