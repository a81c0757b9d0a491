"""Red flags and cancer read in their context (wave 7, flags): the facts a question names that
are not the patient's present findings, set aside after ConText has run
(:func:`acupath.answer.context.Extractor.__call__` calls :func:`adjust`).

1. **Pain on moving in bed** ("agony when I turn over in bed", "worse getting out of bed") is
   movement-related, mechanical pain. The red flags ``pain_worse_supine`` and
   ``severe_night_pain`` are pain lying still or at night whatever the position (AHCPR 1994
   Table 1, ``ahcpr1994``: pain worse when supine, severe night-time pain), so a flag whose own
   words say the pain comes on turning, rolling, getting up or moving in bed is dropped, unless
   its sentence also says the pain is there at rest ("even keeping still", "any position").
   Clinic policy (reason: the flag's source describes pain lying down, not pain on moving).
2. **Night symptoms of carpal tunnel syndrome** are its typical pattern: people with carpal
   tunnel syndrome often wake at night with numb or tingling fingers (Mayo Clinic sports
   medicine, ``mayo2026_cts``). When the question names carpal tunnel syndrome, a night
   symptom said of the hands or wrists (a sentence naming carpal tunnel, a hand, a wrist or the
   fingers, and no spine or other body region) is not read as ``severe_night_pain``. Night
   pain of the back or neck still refers. Clinic policy.
3. **A symptom supposed in a conditional** ("what happens if I get a temperature", "should she
   develop a fever", "in case I get a high temperature") is not a present finding: a red flag
   after a conditional word and a verb of onset becomes the topic of the question (status
   ``topic``, shown, not screened). "If it matters, I have had a fever" is no onset and stays.
4. **A relative's illness** ("His mother died of bowel cancer", "FHx bowel ca", "family history
   of breast cancer") is not the patient's: a cancer whose clause opens with the patient's
   relative ("his", "her", "the patient's") or a family-history phrase is another person's
   (status ``other_person``). The asker's own relatives ("my wife is on chemo") are left to
   :func:`.context._others`, since the relative may be the patient; a cancer it set aside
   comes back when its clause says the patient had it too ("and so did I").
6. **A red flag long over** ("had a fever last month with covid but that's long gone"):
   history (status ``past``), unless the sentence says it is back or still there. Wave 8: a
   time of life or a habit given up is long ago too ("used to inject drugs but clean for 12
   years"; a fear of needles long over is read by :func:`.context._resolved`), and a fever
   "gone now, temperature normal for 5 days" is over. Clinic policy (reason: the asker's
   own words say the finding is not present now; a flag said to be back or still there,
   "still get temps every night", stays).
5. **A topic of a service's own work** ("for our audit, not a patient", "I'm writing the
   handout for our antenatal class"): when the question says it is about no patient, or is
   framed as a service's own work (:func:`institutional_frame`) with no person in it, red
   flags, cancers and pregnancy named in it are its topic. A sentence that names a person
   ("my patient has...", "I also have...") keeps its facts. :func:`no_patient_frame` is the
   shared test (pregnancy reading can call it).
8. **Frequent infections** (wave 14, p11106: "I'm on Rinvoq for rheumatoid and get a lot of chest
   infections"): an infection the patient is said to get often is a history (status ``past``),
   unless the sentence says one is there now (:func:`_habitual_infection`). Clinic policy.
7. **A lab value of an illness long over** (wave 9, h8137: "Platelets were low when I had
   dengue 3 yrs ago (went down to 30) but they've been normal since, 250 last month"): of two
   values of one lab whose order the value reader left unclear, the one whose own words place
   it in the past ("... ago", "when I had ...", "last year", "back in 2019") is the earlier
   value and the other, said with no such words, the latest. Clinic policy (reason: the
   asker's own words date the values; with no date on either, the cautious one stays used).

The statuses are those of :mod:`acupath.answer.context` (``topic``, ``other_person``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from acupath.answer.lexicon import patient_words
from acupath.answer.text import sentence_around

if TYPE_CHECKING:
    from acupath.answer.context import Mention

TOPIC = "topic"
OTHER_PERSON = "other_person"


# 1. mechanical pain in bed ------------------------------------------------------------------

_MOVING = re.compile(
    r"\b(?:turn(?:s|ing|ed)?|roll(?:s|ing|ed)?|twist(?:s|ing)?)\s+(?:over|around|round)\b"
    r"|\b(?:turn(?:s|ing|ed)?|roll(?:s|ing|ed)?|mov(?:e|es|ing)|shift(?:s|ing)?)\s+in\s+bed\b"
    r"|\b(?:get(?:s|ting)?|got|climb(?:s|ing)?)\s+(?:in(?:to)?|out\s+of|up\s+out\s+of)\s+bed\b"
    r"|\b(?:sit(?:s|ting)?|get(?:s|ting)?)\s+up\b|\bchang(?:e|es|ing)\s+position\b"
    r"|\bon\s+(?:turning|rolling|moving|rising|getting\s+up)\b"
)
_AT_REST = re.compile(
    r"\b(?:(?:keeping|keep|keeps|lying|lie|lies|staying|stay|stays|sitting|when|even|perfectly)"
    r"\s+still|at rest|any position|every position|whatever position|no position|constant|"
    r"unremitting|all the time|even lying|not relieved)\b"
)
_WAKING = re.compile(r"\b(?:wakes?|waking|woken|woke|awake|sleepless|can['’]?t sleep)\b")
_MECHANICAL_FLAGS = frozenset({"pain_worse_supine", "severe_night_pain"})
_ATTACHED = re.compile(r"^\s*,?\s*(?:when|on|while|if|as|whenever)\b")


def _moving_in_bed(m: Mention, folded: str) -> bool:
    if m.kind != "red_flag" or m.value not in _MECHANICAL_FLAGS or m.negated:
        return False
    lo, hi = sentence_around(folded, m.start, m.end)
    if _AT_REST.search(folded, lo, hi):
        return False
    if m.value == "severe_night_pain":
        # night pain only when its own words are the movement ("unbearable when she rolls
        # over in bed at night") and nothing says it wakes the patient
        return bool(_MOVING.search(folded, m.start, m.end)) and not _WAKING.search(folded, lo, hi)
    if _MOVING.search(folded, m.start, m.end):
        return True
    # "worse lying... when I turn over": the movement right after the flag
    after = folded[m.end : hi]
    head = _ATTACHED.match(after)
    return head is not None and bool(_MOVING.match(_words_from(after, head.end(), 3)))


def _words_from(text: str, pos: int, skip: int) -> str:
    """``text`` from ``pos``, tried at each of the next ``skip`` words too ("when i turn
    over": the movement after the subject)."""
    rest = text[pos:].lstrip()
    for _ in range(skip + 1):
        if _MOVING.match(rest):
            return rest
        parts = rest.split(" ", 1)
        if len(parts) < 2:
            break
        rest = parts[1]
    return rest


# 2. carpal tunnel syndrome at night -------------------------------------------------------

_CTS = re.compile(r"\b(?:carpal tunnel|cts|median nerve compression|median neuropathy)\b")
_HAND = re.compile(r"\b(?:hands?|wrists?|fingers?|thumbs?|fingertips?|palms?|carpal tunnel|cts)\b")
_OTHER_REGION = re.compile(
    r"\b(?:back|spine|spinal|neck|lumbar|thoracic|cervical|lbp|sciatica|hips?|legs?|knees?|"
    r"shoulders?|bones?|chest|ribs?|pelvis|buttocks?|head|headaches?|abdomen|tummy|stomach)\b"
)


def _carpal_tunnel_night(m: Mention, folded: str) -> bool:
    if m.kind != "red_flag" or m.value != "severe_night_pain" or m.negated:
        return False
    if not _CTS.search(folded):
        return False
    lo, hi = sentence_around(folded, m.start, m.end)
    # the clause of the night symptom: a comma list stays one clause ("tingling and numbness in
    # both hands, worse at night"), "and my back..." starts another
    sentence = folded[lo:hi]
    return bool(_HAND.search(sentence)) and not _OTHER_REGION.search(sentence)


# 3. a symptom supposed in a conditional -----------------------------------------------------

_ONSET = (
    r"(?:ever\s+|then\s+|later\s+|suddenly\s+)?"
    r"(?:gets?|getting|develops?|developing|starts?|starting|spikes?|catch(?:es)?|runs?|"
    r"comes? down with|becomes?|turns?|notices?|picks? up|ends? up with|"
    r"were to (?:get|develop|have)|was to (?:get|develop|have))\s+"
    # only a determiner or an adjective between the verb and the symptom: "if she gets
    # acupuncture with a fever" is a fever now
    r"(?:(?:a|an|any|some|the|high|bad|mild|slight|little|another|new|raised|sudden|real|"
    r"really|very|bit|of|proper|nasty)\s+){0,3}$"
)
_SUPPOSED = re.compile(
    r"\b(?:if|what if|in case|suppose|supposing|in the event(?: that)?)\s+"
    r"(?:[a-z'’]+\s+){0,4}?"
    + _ONSET
    + r"|\bshould\s+(?:i|she|he|they|we|you|the patient|my patient)\s+"
    + _ONSET
)
_ANAPHOR = re.compile(
    r"\b(?:already|now|today|currently)\s+(?:[a-z]+\s+){0,2}?(?:has|have|got|running)\s+"
    r"(?:one|it)\b|\b(?:has|have|got|running)\s+(?:one|it)\s+(?:now|today|already|at the moment)\b"
)
_PRESENT = re.compile(r"\b(?:now|today|currently|since|already|at the moment|right now)\b")


def _supposed(m: Mention, folded: str) -> bool:
    if m.kind != "red_flag" or m.negated or m.status != "current":
        return False
    lo, hi = sentence_around(folded, m.start, m.end)
    hit = _SUPPOSED.search(folded[lo : m.start])
    if hit is None:
        return False
    # "if she gets a fever now", "since yesterday": said as present after all; so is "what if
    # she gets a fever? she already has one"
    return not _PRESENT.search(folded, lo + hit.start(), min(hi, m.end + 25)) and not (
        _ANAPHOR.search(folded, m.end)
    )


# 4. a relative's illness --------------------------------------------------------------------


@functools.cache
def _relative() -> re.Pattern[str]:
    relations = patient_words().people.relations

    def alt(rels: frozenset[str] | set[str]) -> str:
        words = sorted(
            (
                " ".join(w.lower().split())
                for rel, e in relations.items()
                if rel in rels
                for w in e.words
            ),
            key=len,
            reverse=True,
        )
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    owned = alt(set(relations) - {"patient"})
    return re.compile(
        r"(?:\b(?:family|fam)\s+(?:history|hx|h/o)\b|\bf\s*hx\b|\bfh\b|\bfh:|"
        r"\b(?:runs|run) in (?:the|his|her|my|our) family\b|"
        # only the patient's relative ("his mother", "the patient's sister"): "my wife is on
        # chemo" may be about the wife herself (context._others decides the asker's relatives)
        r"\b(?:his|her|their|pt['’]?s|patient['’]?s)\s+(?:" + owned + r")(?:['’]?s)?\b)"
    )


_CLAUSE = re.compile(r"[.;?!,]|\bbut\b|\band (?:i|she|he|they)\b|\bwhile\b|\bwhereas\b")
_SELF_TOO = re.compile(
    r"\b(?:so did (?:i|she|he|they)|(?:i|she|he|they) did too|as did (?:i|she|he)|"
    r"(?:i|she|he) also had|himself|herself|myself|themselves|personally)\b"
)
_FAMILY_AT_END = re.compile(r"\b(?:strong\s+)?(?:family|fam|f)\s*$")
_SELF_BEFORE = re.compile(r"\b(?:i|i['’]ve|ive|i['’]m|im|she|he|she['’]s|he['’]s|me)\b")


def _relatives(m: Mention, folded: str) -> bool:
    if m.kind not in ("cancer", "red_flag") or m.negated or m.status != "current":
        return False
    if m.kind == "red_flag" and m.value != "history_of_cancer":
        return False
    lo = max((c.end() for c in _CLAUSE.finditer(folded, 0, m.start)), default=0)
    # "(mum and sister)" after "family history of breast cancer": read the clause before it
    before = folded[lo : m.start]
    if _FAMILY_AT_END.search(before):
        return True  # "family history of breast cancer": the mention begins at "history"
    rel = None
    for found in _relative().finditer(before):
        rel = found  # the last relative before the fact
    if rel is None:
        return False
    # "my mum says I had cancer": a person of the patient's after the relative
    if _SELF_BEFORE.search(before, rel.end()):
        return False
    nxt = _CLAUSE.search(folded, m.end)
    rest = folded[m.end : nxt.start() if nxt else len(folded)]
    return not _SELF_TOO.search(rest)


@functools.cache
def _my_relative() -> re.Pattern[str]:
    relations = patient_words().people.relations
    words = sorted(
        (
            " ".join(w.lower().split())
            for rel, e in relations.items()
            if rel != "patient"
            for w in e.words
        ),
        key=len,
        reverse=True,
    )
    owned = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"\b(?:my|our)\s+(?:" + owned + r")(?:['’]?s)?\b")


_OWN_CLAUSE = re.compile(_CLAUSE.pattern + r"|\s[-–—]\s|\band(?=\s+(?:my|our)\b)|\(|\)")


def _clause_before(m: Mention, folded: str) -> str:
    lo = max((c.end() for c in _OWN_CLAUSE.finditer(folded, 0, m.start)), default=0)
    return folded[lo : m.start]


_I_BEFORE = re.compile(r"\b(?:i|i['’]ve|ive|i['’]d|me)\b(?:\s+[a-z'’]+){0,3}\s*$")
_MYSELF_AFTER = re.compile(r"^\s*(?:[a-z'’]+\s+){0,2}?(?:myself|personally)\b")


def _own_denial(o: Mention, folded: str) -> bool:
    """Whether a denied cancer is denied of the patient ("I haven't had cancer myself", "never
    had cancer myself"), not of a relative ("my sister never had cancer")."""
    before = folded[max(0, o.start - 30) : o.start]
    if _my_relative().search(before):
        return False
    return bool(_I_BEFORE.search(before) or _MYSELF_AFTER.match(folded[o.end : o.end + 25]))


def _asker_relatives(m: Mention, folded: str, mentions: Sequence[Mention]) -> bool:
    """Wave 15 (h12115 "My mum had breast cancer and my aunt had ovarian - I haven't had cancer
    myself, just worried about genes"): a cancer whose clause opens with the asker's own
    relative ("my mum had ...") is the relative's when the question also denies the patient's
    own cancer (a denied cancer whose clause names no relative). Without that denial the
    relative may be the patient, as :func:`.context._others` reads it. Clinic policy (reason:
    the asker's own words say the patient had no cancer; a family history is no history of
    cancer for the screen's back_pain_after_cancer rule)."""
    if m.kind != "cancer" or m.negated or m.status != "current":
        return False
    denied = any(o.kind == "cancer" and o.negated and _own_denial(o, folded) for o in mentions)
    if not denied:
        return False
    before = _clause_before(m, folded)
    rel = None
    for found in _my_relative().finditer(before):
        rel = found
    if rel is None or _SELF_BEFORE.search(before, rel.end()):
        return False
    nxt = _OWN_CLAUSE.search(folded, m.end)
    return not _SELF_TOO.search(folded[m.end : nxt.start() if nxt else len(folded)])


def _self_too(m: Mention, folded: str) -> bool:
    """A cancer set aside as a relative's whose clause says the patient had it too ("my mum
    had breast cancer and so did I"): the patient's as well."""
    if m.kind != "cancer" or m.status != OTHER_PERSON or m.negated:
        return False
    nxt = _CLAUSE.search(folded, m.end)
    return bool(_SELF_TOO.search(folded[m.end : nxt.start() if nxt else len(folded)]))


# 5. a topic of a service's own work ---------------------------------------------------------

_NO_PATIENT = re.compile(
    r"\b(?:no particular patient|not (?:about |for )?(?:a |an )?(?:particular |specific |real |"
    r"individual )?(?:patient|client|case)|no specific patient|not a clinical question|"
    r"hypothetically speaking|in general terms|general (?:policy )?question|"
    r"(?:(?:my|our|the)\s+)?(?:book club|reading group)|(?:was|were) debating|"
    r"settle an? (?:argument|debate)|"
    r"teaching question|exam question|quiz question|just revising|revising (?:for|red flags|my)|"
    r"(?:for|studying for|revising for) (?:my |our |the )?(?:exams?|revision|finals|boards)|"
    r"studying for|"
    # wave 7 (after held-out 7): general questions said to be so ("asking generally", "in
    # general", "no particular child", "a school project", "for a support group talk")
    r"asking (?:in )?general(?:ly)?|(?:just )?asking in general|"
    r"no particular (?:child|person|one|case)|not (?:for )?(?:a |any )?(?:particular |specific )?"
    r"(?:child|person)|school project|(?:for )?(?:a |our |my )?support group(?: talk)?|"
    r"in the literature)\b"
)
_WRITTEN = (
    r"audits?|handouts?|leaflets?|pamphlets?|posters?|booklets?|information sheets?|essays?|"
    r"dissertation|thesis|assignments?|lectures?|presentations?|teaching sessions?|"
    r"training sessions?|journal club|newsletters?|website|blog|literature reviews?"
)
"""Written or taught work, whoever owns it ("for an essay", "writing the handout")."""
_SERVICE = (
    r"guidelines?|guidance|pathways?|policy|policies|protocols?|classes|class|courses?|"
    r"teaching|training|service reviews?|reviews?|services?"
)
"""A service's own work, only when the service owns it ("our pathway", "my class")."""
_INSTITUTIONAL = re.compile(
    r"\b(?:for|writing|preparing|drafting|revising|updating|doing|running|on)\s+"
    r"(?:(?:a|an|the|our|my|this)\s+(?:[a-z]+\s+){0,2}?(?:" + _WRITTEN + r")|"
    r"(?:our|my)\s+(?:[a-z]+\s+){0,2}?(?:" + _SERVICE + r"))\b"
)
_PERSON = re.compile(
    r"\b(?:i|i['’]m|im|i['’]ve|ive|me|myself|she|she['’]s|shes|he|he['’]s|hes|her|his|him|"
    r"herself|himself|my|patient|pt|client|lady|man|woman|gentleman|gent|boy|girl|child|baby|"
    r"toddler|teenager|mr|mrs|ms|miss|\d+\s*(?:yo|y/o|yrs?|years?|f|m)|c/o|o/e|hx|pmh)\b"
)
"""A person in a sentence ("my patient", "a lady of 70", "66M", "c/o"): its facts are someone's."""
_ANY_PATIENT = re.compile(r"\b(?:a|an|any|every)\s+(?:[a-z]+\s+){0,2}?(?:patient|client|person)\b")
_PATIENT_FACTS = frozenset(
    {
        "age",
        "weeks",
        "lab",
        "device",
        "lymphedema",
        "radiation",
        "skin_lesion",
        "medicine",
        "class",
        "regimen",
    }
)
"""Facts that describe a particular patient: beside them a question is about someone, so no
red flag, cancer or pregnancy of it is made a topic (as :func:`.context._topics` does)."""
_WRITER = re.compile(
    r"\b(?:i['’]?m|im|i am|we['’]?re|we are|i|we)\s+(?:(?:currently|just|now)\s+)?"
    r"(?:writing|preparing|drafting|doing|updating|revising|running|putting together|making)\b"
)
_TOPIC_KINDS = frozenset({"red_flag", "cancer", "pregnant"})


def institutional_frame(folded: str) -> bool:
    """Whether the question is framed as a service's or writer's own work ("for our audit",
    "I'm writing the handout for our antenatal class", "updating our pathway")."""
    return bool(_INSTITUTIONAL.search(folded))


def _unframed(folded: str) -> str:
    """``folded`` without the words that frame it as general or as the writer's own work, and
    without "a patient"/"any person" said in general: what is left names a person only when the
    question is about someone."""
    text = _NO_PATIENT.sub(" ", _INSTITUTIONAL.sub(" ", _WRITER.sub(" ", folded)))
    return _ANY_PATIENT.sub(" ", text)


def no_patient_frame(folded: str, start: int, end: int) -> bool:
    """Whether a fact at ``[start, end)`` of ``folded`` is the topic of a question about no
    patient: the question says so ("not a patient", "no particular patient"), or it is framed
    as a service's own work and the fact's sentence names no person (the writer's own "I'm
    writing" aside)."""
    said = bool(_NO_PATIENT.search(folded))
    if not said and not institutional_frame(folded):
        return False
    lo, hi = sentence_around(folded, start, end)
    sentence = _NO_PATIENT.sub(" ", _INSTITUTIONAL.sub(" ", _WRITER.sub(" ", folded[lo:hi])))
    if said:
        # a question that says it is about no patient may name one in general ("in a headache
        # patient", "any patient with...")
        sentence = _ANY_PATIENT.sub(" ", sentence)
    return not _PERSON.search(sentence)


# 6. a red flag long over -------------------------------------------------------------------

_LONG_AGO = re.compile(
    r"\b(?:last (?:week|month|year|winter|summer|spring|autumn)|(?:\d+|a few|few|several|two|"
    r"three|some) (?:weeks|months|years) ago|(?:months|years) ago|in (?:19|20)\d\d|back in|"
    # wave 8: a time of life, a habit given up, years clear ("as a kid", "used to", "clean
    # for 12 years", "since 2010", "in his twenties")
    r"as an? (?:kid|child|teenager|teen|youngster|boy|girl|baby|infant|toddler)|when (?:i|he|she) "
    # wave 15 (h12127): infancy too ("when i was a baby", "as a toddler")
    r"(?:was|were) (?:little|young|small|younger|a kid|a child|a teenager|at school|a baby|"
    r"an infant|a toddler|a newborn)|used to|"
    r"in (?:my|his|her|their) (?:teens|twenties|thirties|forties|youth)|since (?:19|20)\d\d|"
    r"for (?:\d+|many|several|a few|two|three|four|five|ten) years)\b"
    # a fever gone for days ("temperature normal for 5 days"): a finished illness
    r"|\b(?:normal|fine|gone|settled|clear)\s+(?:for|the (?:last|past))\s+(?:\d+|a few|few|"
    r"several|two|three|four|five) days\b"
)
_OVER = re.compile(
    r"\b(?:long gone|gone|went away|cleared(?: up)?|passed|over now|all over|settled|"
    r"better now|fine now|recovered|resolved|got over it|"
    # wave 8: a habit given up ("clean for 12 years", "sober", "quit", "gave up")
    r"clean|sober|quit|gave (?:it |them )?up|given (?:it |them )?up|no longer|not any more|"
    r"not anymore|normal for|"
    # wave 15 (h12118 "a viral thing, sorted in a week"; h12127 "never since"): an illness said
    # sorted or better, or never back since
    r"sorted(?: itself)?(?: out)?|got better|never since|not since|none since|never again|"
    r"never had (?:one|another|it) (?:since|again))\b"
)
_NOT_OVER = re.compile(
    r"\b(?:not|n['’]?t|never|hasnt|hasn['’]t|isnt|isn['’]t)\s+(?:yet\s+|really\s+|fully\s+)?$"
)
_STILL = re.compile(
    r"\b(?:today|again|still (?:has|have|got|get|gets|febrile|feverish|am|is|are)|this morning|"
    r"currently|since then|ongoing|persist\w*|every (?:night|day|week)|most (?:days|nights))\b"
)


_OVER_KINDS = frozenset({"red_flag"})
"""Facts read here as long over: red flags (a needle fear is :func:`.context._resolved`'s)."""


def _long_over(m: Mention, folded: str) -> bool:
    """A red flag said to be long ago and over ("had a fever last month with covid but thats
    long gone"): history, shown and not screened, as :func:`.context._resolved` reads it, in
    more words. A flag said to be back or still there stays. Injecting drug use has its own
    test (:func:`_injecting_years_ago`)."""
    if m.kind not in _OVER_KINDS or m.negated or m.status != "current":
        return False
    if m.label == "red_flag:iv_drug_use":
        return _injecting_years_ago(m, folded)
    lo, hi = sentence_around(folded, m.start, m.end)
    if folded[hi : hi + 1] == ";":  # "injected heroin in his twenties; been clean since 2010"
        hi = sentence_around(folded, hi + 1, hi + 1)[1]
    over = [
        o
        for o in _OVER.finditer(folded, m.end, hi)
        if not _NOT_OVER.search(folded[max(lo, o.start() - 20) : o.start()])
    ]
    return (
        bool(over) and bool(_LONG_AGO.search(folded, lo, hi)) and not _STILL.search(folded, lo, hi)
    )


# 6b. injecting drug use given up at least a year ago -----------------------------------------

_YEARS_AGO = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|many|several|a few|few|some|couple of|a couple of)\s+(?:years?|yrs?|decades?)|"
    r"years|decades?|since (?:19|20)\d\d|in (?:19|20)\d\d|"
    r"in (?:my|his|her|their) (?:teens|twenties|20s|thirties|30s|youth)|"
    r"as an? (?:teenager|teen|young man|young woman|student)|"
    r"when (?:i|he|she|they) (?:was|were) (?:young|younger|a teenager|at uni|a student))\b"
)
_RECENTLY_CLEAN = re.compile(
    r"\b(?:clean|off (?:it|them|drugs|heroin|the gear|gear)|sober|stopped|quit|gave (?:it )?up|"
    r"given (?:it )?up|abstinent)\s+(?:for\s+)?(?:about\s+|only\s+|just\s+|nearly\s+|almost\s+)?"
    r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|few|a few|couple of|"
    r"a couple of|several)\s+(?:days?|weeks?|wks?|months?|mths?)\b"
)
_USED_FOR_YEARS = re.compile(
    r"\b(?:inject\w*|using|used|user|shot up|shooting up|addicted)\s+(?:\w+\s+)?for\s+"
    r"(?:many\s+|several\s+|a few\s+|\d+\s+)?years\b"
)
_USING_AGAIN = re.compile(
    r"\b(?:relapsed?|relapsing|using again|injecting again|back on (?:it|heroin|the gear|drugs)|"
    r"slipped|still (?:inject\w*|using|uses|use))\b"
)


def _injecting_years_ago(m: Mention, folded: str) -> bool:
    """Injecting drug use said to be given up at least a year ago ("used to inject heroin but
    clean 18 years", "injected in his twenties") is history; injecting said given up weeks or
    months ago, or with no date ("used to inject but clean now", "clean since March", "off it
    6 weeks", "injected for years, clean 3 months") stays a present risk factor for spinal
    infection (wave 17, h13044). The red-flag
    tables name "IV drug use" without a time limit (AHCPR 1994 Table 1, ``ahcpr1994``), so
    the one-year line is clinic policy: recent use, relapse and the infections it leaves
    (endocarditis, bacteraemia) are what the flag is about, and a year clean is the shortest
    span a patient's own words date as past. The sentence of the mention and the one after it
    are read; a relapse said anywhere keeps the flag."""
    if _USING_AGAIN.search(folded) or _RECENTLY_CLEAN.search(folded):
        return False
    lo, hi = sentence_around(folded, m.start, m.end)
    if hi < len(folded):
        hi = sentence_around(folded, hi + 1, hi + 1)[1]
    # how long the drug was used ("injected for years") dates nothing
    window = _USED_FOR_YEARS.sub(" ", folded[lo:hi])
    return bool(_YEARS_AGO.search(window))


# 9. one seizure long ago, none since ---------------------------------------------------------

_ONE_SEIZURE = re.compile(
    r"^(?:(?:febrile|fever|one|a|single|1)\s+)*(?:seizure|fit|convulsion|febrile seizure|"
    r"febrile convulsion|febrile fit)$"
)
_ON_TREATMENT = re.compile(
    r"\b(?:still on|on (?:meds|medication|tablets|anti ?epileptics?|anti ?seizure)|takes? "
    r"(?:meds|medication|tablets)|still (?:get|gets|have|has|having)|epilepsy|epileptic)\b"
)


def _one_seizure_long_ago(m: Mention, folded: str) -> bool:
    """A single seizure said to be long ago and never since ("i had 1 seizure when i was a baby
    with a high temperature, never since, no meds"; wave 15, h12127) is not epilepsy: the ILAE
    practical definition (Fisher 2014, Epilepsia 55:475, read in the stored copy) needs two
    unprovoked seizures more than 24 h apart, one with a high recurrence risk, or an epilepsy
    syndrome, and a seizure with a fever is provoked. Clinic policy (reason: the patient's own
    words say one seizure, long ago, none since; a question naming epilepsy, medicines or
    seizures now keeps the comorbidity)."""
    if m.label != "comorbidity:epilepsy" or m.negated or m.status != "current":
        return False
    if not _ONE_SEIZURE.match(" ".join(m.words.lower().split())):
        return False
    lo, hi = sentence_around(folded, m.start, m.end)
    if _ON_TREATMENT.search(folded):
        return False
    return (
        bool(_LONG_AGO.search(folded, lo, hi))
        and bool(re.search(r"\b(?:never|not|none|nothing) since\b|\bnever again\b", folded))
        and not _STILL.search(folded, lo, hi)
    )


# 8. frequent infections, a history ---------------------------------------------------------

_HABITUAL = re.compile(
    r"\b(?:gets?\s+(?:a\s+lot\s+of|lots\s+of|loads\s+of|so\s+many|many|frequent|recurrent|"
    r"repeated|regular)|keeps?\s+getting|kept\s+getting|(?:is|am|are|i['’]m|im|she['’]s|he['’]s)?"
    r"\s*prone\s+to|tends?\s+to\s+get|often\s+gets?|frequent|frequently)\s+(?:\w+\s+){0,2}$"
)
_EVERY = re.compile(r"^\s*(?:\w+\s+){0,2}(?:every|each)\s+(?:winter|year|month|few)\b")
_NOW = re.compile(
    r"\b(?:now|at the moment|currently|at present|this week|today|yesterday|have one|has one|"
    r"got one|with one|on antibiotics|taking antibiotics|course of antibiotics|antibiotics for)\b"
)
_WELL_BEFORE = re.compile(r"\b(?:well|fine|clear|ok|okay|better|free|none)\s+(?:\w+\s+)?$")


def _habitual_infection(m: Mention, folded: str) -> bool:
    """An infection the patient is said to get often ("I get a lot of chest infections", "prone
    to UTIs", "keeps getting chest infections every winter") is a history of frequent infections,
    not a current one (wave 14, p11106), unless the sentence says one is there now ("and I have
    one now", "on antibiotics"; a present word after "well", "well at the moment", does not).
    Clinic policy (reason: the screen's recent-infection rule is about an infection present or
    just treated; a tendency to infections is the immune state the medicine rules already read)."""
    if m.label != "red_flag:recent_bacterial_infection" or m.negated or m.status != "current":
        return False
    lo, hi = sentence_around(folded, m.start, m.end)
    lead = folded[max(lo, m.start - 40) : m.start]
    # "recurrent" is left out: a note's "recurrent UTI" can be the episode now (wave 6 reads
    # it as one); the lay words of a tendency are read
    if not (_HABITUAL.search(lead) or _EVERY.match(folded[m.end : hi])):
        return False
    for now in _NOW.finditer(folded, lo, hi):
        if not _WELL_BEFORE.search(folded[max(lo, now.start() - 25) : now.start()]):
            return False
    return True


# --------------------------------------------------------------------------------------------


def _intended_elsewhere(m: Mention, folded: str) -> bool:
    """A weight loss said to be intended in another sentence of the question ("Down 19 kilos
    since January thanks to a diet plan, all deliberate. The weight loss is the good news"):
    the question's own words explain it (wave 9, p9101; the sentence-level reading is
    ``context._intended_weight_loss``). Any "without trying" in the question keeps the flag.
    Clinic policy on reading questions: an intended loss is no unexplained one."""
    from acupath.answer.context import _NOT_ON_PURPOSE, _ON_PURPOSE

    if m.label != "red_flag:unexplained_weight_loss" or m.negated:
        return False
    if _UNINTENDED.search(folded):
        return False  # "unexplained weight loss 6 kg ... on a diet? no"
    return bool(_ON_PURPOSE.search(folded)) and not _NOT_ON_PURPOSE.search(folded)


_UNINTENDED = re.compile(
    r"\b(?:unexplained|unintentional(?:ly)?|unintended|involuntary|unplanned|unexpected(?:ly)?|"
    r"no reason|not (?:on purpose|deliberate|intended|intentional)|without (?:trying|meaning|"
    r"dieting))\b"
)


def adjust(mentions: Sequence[Mention], folded: str) -> list[Mention]:
    """The mentions with the five readings of the module docstring applied."""
    out: list[Mention] = []
    someone = any(
        m.kind in _PATIENT_FACTS and not m.negated and m.status == "current" for m in mentions
    )
    # a question that says it is about no patient makes any fact a topic when its sentence
    # names no person ("can people with pacemakers have EA? asking in general"; wave 7)
    general = bool(_NO_PATIENT.search(folded)) and not _PERSON.search(_unframed(folded))
    for m in mentions:
        if _moving_in_bed(m, folded) or _carpal_tunnel_night(m, folded):
            continue  # not this red flag at all
        if _intended_elsewhere(m, folded):
            continue  # wave 9: "Down 19 kilos ..., all deliberate. The weight loss is ..."
        if _self_too(m, folded):
            m = dataclasses.replace(m, status="current")
        if _supposed(m, folded):
            m = dataclasses.replace(
                m, status=TOPIC, hypothetical=True, detail={**m.detail, "supposed": True}
            )
        elif _long_over(m, folded) or _one_seizure_long_ago(m, folded):
            m = dataclasses.replace(m, status="past", detail={**m.detail, "timing": "resolved"})
        elif _habitual_infection(m, folded):
            m = dataclasses.replace(m, status="past", detail={**m.detail, "timing": "recurrent"})
        elif _relatives(m, folded) or _asker_relatives(m, folded, mentions):
            m = dataclasses.replace(m, status=OTHER_PERSON)
        elif (
            (
                (not someone and m.kind in _TOPIC_KINDS)
                or (general and m.kind in _TOPIC_KINDS | _PATIENT_FACTS | {"age_band"})
            )
            and not m.negated
            and m.status == "current"
            and no_patient_frame(folded, m.start, m.end)
        ):
            m = dataclasses.replace(m, status=TOPIC, detail={**m.detail, "topic": True})
        out.append(m)
    return _dated_lab_values(_supposed_lists(out, folded), folded)


_LIST_JOIN = re.compile(r"^\s*(?:,|and|or|nor|/|&)")
_LIST_WORD = re.compile(r"[a-z]+|[,/&]")
_CLAUSE_WORDS = frozenset(
    {
        "i", "he", "she", "they", "we", "you", "it", "has", "have", "had", "is", "was", "are",
        "were", "already", "now", "today", "currently", "since", "but", "then", "what", "should",
        "would", "will", "can", "could", "do", "does", "did", "still", "also", "my", "his", "her",
        "their", "our", "after", "before", "when", "while",
    }
)  # fmt: skip


def _supposed_lists(mentions: list[Mention], folded: str) -> list[Mention]:
    """Reading 3, wave 10: a red flag listed right after a supposed one is supposed too ("If he
    develops a fever, new weakness or numbness, should we stop?", "what if she gets a high
    temperature, and new confusion"): the words between are only list joins and the flag's own
    modifiers, in the same sentence. A flag after a clause of its own ("..., he already has new
    weakness") or in another sentence stays. Clinic policy (reason: one supposition lists
    several findings; none of them is said to be present)."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out = list(mentions)
    last: Mention | None = None
    for i in order:
        m = out[i]
        if m.kind != "red_flag":
            continue
        if m.detail.get("supposed"):
            last = m
            continue
        if last is None or m.negated or m.status != "current" or m.start < last.end:
            continue
        between = folded[last.end : m.start]
        words = _LIST_WORD.findall(between)
        if (
            sentence_around(folded, m.start, m.end) == sentence_around(folded, last.start, last.end)
            and _LIST_JOIN.match(between)
            and len(words) <= 6
            and not any(w in _CLAUSE_WORDS for w in words)
            and not _PRESENT.search(folded, m.start, m.end + 25)
        ):
            out[i] = dataclasses.replace(
                m, status=TOPIC, hypothetical=True, detail={**m.detail, "supposed": True}
            )
            last = out[i]
    return out


_PAST_FRAME = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|several|many)\s*(?:yrs?|years?|months?)\s+ago\b|"
    r"\bwhen (?:i|she|he|they|we) (?:had|was|were|got)\b|\blast year\b|\byears ago\b|"
    r"\bback in\b|\bin (?:19|20)\d\d\b|\bat the time\b|\bduring (?:the|her|his|my) "
    r"(?:illness|infection|chemo|admission|stay)\b"
)
"""Words that place a lab value in the past (reading 7)."""
_UNCLEAR = ("cautious_value", "set_aside_value")


def _dated_lab_values(mentions: list[Mention], folded: str) -> list[Mention]:
    """Reading 7: of two values of one lab left unclear, the one dated in the past is the
    earlier and the other the latest."""
    labs: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.kind == "lab" and m.status in _UNCLEAR and not m.negated:
            labs.setdefault(str(m.detail.get("lab")), []).append(i)
    out = list(mentions)
    for idx in labs.values():
        if len(idx) != 2:
            continue
        dated = [i for i in idx if _PAST_FRAME.search(_own_words(out[i], folded))]
        if len(dated) != 1:
            continue
        old = dated[0]
        new = idx[0] if idx[1] == old else idx[1]
        out[old] = dataclasses.replace(out[old], status="earlier_value")
        out[new] = dataclasses.replace(out[new], status="latest_value")
    return out


def _own_words(m: Mention, folded: str) -> str:
    """A lab value's own words and the few after it in its clause ("250 last month")."""
    after = re.split(r"[,;.!?()]", folded[m.end : m.end + 40], maxsplit=1)[0]
    return folded[m.start : m.end] + after
