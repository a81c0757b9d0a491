"""A class word that names a medicine the question also names (wave 8, probe 8 p8018).

"Do blood thinners like Plavix stop me getting acupuncture?", "anticoagulants such as
apixaban", "my blood thinner (clopidogrel)", "Plavix, a blood thinner": the class word is the
asker's name for that one medicine, so the medicine's own classes stand and the class word adds
none of its own ("blood thinner" is read as an anticoagulant; Plavix is an antiplatelet).

Reading rule, clinic policy: the named medicine is the more exact fact; a class word joined
to it by anything else ("warfarin and other blood thinners", "blood thinners, and also
Plavix") stays, the cautious reading."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_CLASS_THEN_MEDICINE = re.compile(
    r"\s*(?:\(\s*|,\s*|:\s*|[-–]\s*)?(?:like|such as|e\.?\s?g\.?,?|for example|namely|called|"
    r"i\.?\s?e\.?,?|is|are)?\s*(?:\(\s*)?"
)
_MEDICINE_THEN_CLASS = re.compile(
    r"\s*(?:\(\s*|,\s*|[-–]\s*)(?:which is\s+|is\s+|being\s+)?(?:a|an|my|her|his|the|their)?\s*"
)


# wave 20 (h18134 "What does the SIO-ASCO 2022 guideline say about acupuncture for
# aromatase-inhibitor joint pain"): a class word right before the symptom it causes ("aromatase
# inhibitor joint pain", "... induced arthralgia") in a question about the research (a guideline,
# trial, study, evidence or recommendation) that names nobody (no I, my, she, a relation, a
# patient, an age) is the topic's cause, no medicine anyone takes. Reading rule, clinic policy:
# the class's cautions are for a patient; a bleeding or bruising said of the class is kept (the
# cautious reading), and any owner keeps every class.
_CAUSED = re.compile(
    r"\s*(?:(?:induced|associated|related|caused|linked)\s+)?(?:joint pains?|arthralgias?|"
    r"musculoskeletal (?:symptoms|pain)|neuropath\w*|nausea|vomiting|hot (?:flush|flash)\w*|"
    r"side effects?|toxicit\w*|fatigue|insomnia|symptoms|myalgias?)\b"
)
_RESEARCH_FRAME = re.compile(
    r"\b(?:guidelines?|guidance|evidence|trials?|stud(?:y|ies)|meta ?analys\w*|reviews?|"
    r"recommend\w*|literature|research|rcts?|asco|sio|nice|nccn|esmo|cochrane|swog)\b"
)
_OWNER = re.compile(
    r"\b(?:i|i['’]?m|im|i['’]?ve|me|my|mine|we|our|us|she|her|he|his|him|they|their|patients?|"
    r"pt|client|clients|mum|mom|dad|wife|husband|partner|son|daughter|mother|father|friend|"
    r"sister|brother|aunt|uncle|grand\w*|child|baby|aged?|years? old|y ?o)\b"
)


def _cause_of_topic(m: Any, folded: str) -> bool:
    """Whether class mention ``m`` names the cause of a researched symptom, in a question that
    names nobody (wave 20)."""
    return bool(
        _CAUSED.match(folded, m.end)
        and _RESEARCH_FRAME.search(folded)
        and not _OWNER.search(folded)
        and not re.search(
            r"\b(?:on|taking|takes|using|with)\s+$", folded[max(0, m.start - 10) : m.start]
        )
    )


def class_words_of_medicines(mentions: Sequence[Any], folded: str) -> list[Any]:
    """``mentions`` without the class words that stand for a medicine named beside them, or
    that name the cause of a researched symptom in a question that names nobody (wave 20);
    with the medicines told only by what they do added (wave 21, :func:`described_medicines`)."""
    medicines = [m for m in mentions if m.kind in ("medicine", "regimen")]
    out = []
    for m in mentions:
        if m.kind == "class" and not m.negated and _cause_of_topic(m, folded):
            continue
        if m.kind == "class" and not m.negated:
            named = any(
                (
                    med.start >= m.end
                    and _CLASS_THEN_MEDICINE.fullmatch(folded[m.end : med.start]) is not None
                )
                or (
                    med.end <= m.start
                    and _MEDICINE_THEN_CLASS.fullmatch(folded[med.end : m.start]) is not None
                )
                for med in medicines
            )
            if named:
                continue
        out.append(m)
    return described_medicines(out, folded)


# wave 21 (held-out part 20 h20001 "the tablets that stop clots, the ones that don't need the
# finger-prick tests", h20002 "a box of pre-filled syringes for the stomach jab every evening"
# after a hip replacement, h20024 "the pills for my rheumatoid that lower my immune system - the
# weekly one you take with folic acid the day after"): a medicine told by what it does or how it
# is given, not by a name.
#
# - A medicine word (tablets, pills, injections, jabs...) followed in its sentence by what it is
#   for: stopping or preventing clots, thinning the blood, "for my clot/DVT", is an
#   anticoagulant; lowering, suppressing or weakening the immune system, an immunosuppressant.
# - Injections into the stomach (or pre-filled syringes) in a question that names an operation,
#   a fracture, a plaster cast or a clot are low molecular weight heparin, an anticoagulant: read
#   through the search tool, "Extended venous thromboembolism prophylaxis after total hip
#   replacement" (Arch Intern Med abstract, scilit.com): LMWH is a fixed-dose once-daily
#   subcutaneous injection, continued out of hospital after hip surgery. Insulin, weight-loss,
#   fertility, B12, bone, biologic and vaccine injections are other skin injections.
# - A medicine taken once a week with folic acid is methotrexate (aruk_methotrexate2026: 7.5-25
#   mg once weekly; read through the search tool, Ipswich Hospital rheumatology FAQ: folic acid
#   is usually one 5 mg tablet taken 24 hours after the weekly methotrexate); not folic acid in
#   or before a pregnancy.
#
# Clinic policy: the screen's anticoagulant and immunosuppressant rules (02_bleeding.yaml,
# 03_laboratory.yaml) are for the medicine however the patient names it, and missing one is the
# unsafe error. The description is read with the medicine's own time and negation
# (:mod:`acupath.answer.timing`): "I used to take tablets to stop clots" is past, "not on any
# tablets to stop clots" denied. Acupuncture's own effect ("can acupuncture thin the blood"),
# stockings, foot pumps and socks that stop clots are none.
_MED_FORM = (
    r"\b(?:tablets?|pills?|capsules?|medicines?|medications?|meds|drugs?|injections?|jabs?|"
    r"shots?|syringes?|tabs|ones?)\b"
)
_FOR_CLOTS = re.compile(
    r"\b(?:stop|stops|stopping|prevent|prevents|preventing|dissolve|dissolves|dissolving|"
    r"break up|breaks up|breaking up)\s+(?:(?:my|the|his|her|their|your|me|him|them|any|another|"
    r"more|new|further|a|blood|from)\s+){0,3}(?:clot|clots|clotting)\b"
    r"|\b(?:thin|thins|thinning)\s+(?:(?:my|the|his|her|their|your)\s+)?blood\b"
    r"|\bfor\s+(?:(?:my|the|his|her|their|a)\s+)?(?:blood\s+)?(?:clots?|dvts?)\b"
)
_FOR_IMMUNITY = re.compile(
    r"\b(?:lower|lowers|lowering|suppress|suppresses|suppressing|dampen|dampens|dampening|"
    r"damp|damps|weaken|weakens|weakening|reduce|reduces|reducing|calm|calms|calming|turn|turns|"
    r"knock|knocks|switch|switches|dial|dials)(?:\s+(?:down|off))?\s+"
    r"(?:(?:my|the|his|her|their|your|body s|bodys|own)\s+){0,2}"
    r"(?:immune systems?|immunity|immune responses?)\b"
)
_NOT_A_MEDICINE = re.compile(
    r"\b(?:acupuncture|needl\w*|stockings?|socks?|pumps?|compression|boots?|exercise|walking|"
    r"vitamins?|supplements?)\b"
)
_BELLY_JAB = re.compile(
    r"\b(?:stomach|tummy|belly|abdominal|abdomen)\s+(?:jabs?|injections?|shots?)\b"
    r"|\b(?:jabs?|injections?|shots?|inject|injects|injecting|syringes?)\s+(?:[\w']+\s+){0,3}?"
    r"(?:in|into)\s+(?:(?:my|the|his|her|their)\s+)?(?:stomach|tummy|belly|abdomen)\b"
    r"|\bpre ?filled (?:syringes?|injections?)\b"
)
# wave 22 (h21001 "injections after my knee op, one a day in the tummy"): the injection told
# apart from its site, "one a day in the tummy", "daily into her belly", with an injection word
# elsewhere in the question; read as the belly jab above (the same source and exclusions)
_BELLY_DAILY = re.compile(
    r"\b(?:(?:one|once|1)\s+(?:a|per|each|every)\s+(?:day|night|evening|morning)|daily|"
    r"every\s+(?:day|night|evening|morning)|each\s+(?:day|night|evening|morning))\s+"
    r"(?:in|into)\s+(?:(?:my|the|his|her|their)\s+)?(?:stomach|tummy|belly|abdomen)\b"
)
_INJECTION_WORD = re.compile(r"\b(?:jabs?|injections?|shots?|inject|injects|injecting|injected)\b")
_AFTER_SURGERY = re.compile(
    r"\b(?:operation|op|surgery|replacement|arthroscopy|fractur\w*|broke|broken|plaster|cast|"
    r"clots?|dvt|pulmonary embolism|discharged)\b"
)
_OTHER_INJECTION = re.compile(
    r"\b(?:insulin|diabet\w*|ozempic|wegovy|mounjaro|semaglutide|tirzepatide|saxenda|liraglutide|"
    r"weight loss|ivf|fertility|b12|methotrexate|humira|adalimumab|biologics?|vaccines?|"
    r"flu jab|covid|booster|prolia|denosumab|teriparatide|forsteo|testosterone|once a week|"
    r"every week|weekly|fortnightly|monthly|every (?:two|2|other) weeks?|every month)\b"
)
_WEEKLY_MEDICINE = re.compile(
    r"\bweekly\s+(?:tablets?|pills?|ones?|injections?|jabs?|doses?|medicines?|meds|shots?)\b"
    r"|\bonce (?:a|per) week\s+(?:tablets?|pills?|ones?|injections?|jabs?|doses?|shots?)\b"
    r"|\b(?:tablets?|pills?|injections?|jabs?|ones?|doses?|take|takes|taken|taking)\s+"
    r"(?:[\w']+\s+){0,2}?(?:once (?:a|per) week|once weekly|weekly)\b"
)
# wave 21 (h20028 "sit in the big chair for the drip that makes my hair fall out", every three
# weeks): a drip, infusion or treatment said to make the hair fall out is chemotherapy (clinic
# policy: hair loss is the side effect by which patients know it; the screen's chemotherapy
# cautions, 04_oncology.yaml, are for it however it is named). Not a shampoo, stress or a
# tablet (many tablets thin the hair).
_HAIR_LOSS_TREATMENT = re.compile(
    r"\b(?:drips?|infusions?|iv|treatments?|therapy|sessions?)\s+(?:that|which|what)\s+"
    r"(?:makes?|made|is making|will make|has made)\s+(?:my|her|his|their|your)\s+hair\s+"
    r"(?:fall|come|drop)\s+out"
    r"|\b(?:drips?|infusions?|iv|treatments?|therapy)\s+(?:that|which)\s+"
    r"(?:makes?|made|is making|has made)\s+(?:me|her|him|them|you)\s+(?:lose|losing)\s+"
    r"(?:my|her|his|their|your)\s+hair"
)
_FOLIC = re.compile(r"\b(?:folic acid|folate)\b")
_CONCEPTION = re.compile(r"\b(?:pregnan\w*|conceiv\w*|ttc|trying for a baby|gestation)\b")
_CLAUSE = re.compile(r"[^.!?;\n]+")
_SAME_PURPOSE = {"anticoagulant": {"anticoagulant", "antiplatelet"}}
"""Classes a medicine told by its purpose may be, when the question also names one of them."""


def _described(folded: str) -> list[tuple[str, str, int, int]]:
    """``(kind, value, start, end)`` of each medicine the question tells by what it does."""
    found: list[tuple[str, str, int, int]] = []
    for s in _CLAUSE.finditer(folded):
        text = s.group()
        for purpose, value in ((_FOR_CLOTS, "anticoagulant"), (_FOR_IMMUNITY, "immunosuppressant")):
            for p in purpose.finditer(text):
                forms = list(re.finditer(_MED_FORM, text[: p.start()]))
                if not forms or p.start() - forms[-1].end() > 60:
                    continue
                form = forms[-1]
                if _NOT_A_MEDICINE.search(text[form.start() : p.start()]):
                    continue  # "does acupuncture help the tablets stop clots", stockings
                if value == "anticoagulant" and _NOT_A_MEDICINE.search(text[: form.start()][-25:]):
                    continue  # "compression stockings, the ones that stop clots"
                found.append(("class", value, s.start() + form.start(), s.start() + p.end()))
                break
    jab = _BELLY_JAB.search(folded)
    if jab is None and _INJECTION_WORD.search(folded):
        jab = _BELLY_DAILY.search(folded)
    if jab and _AFTER_SURGERY.search(folded) and not _OTHER_INJECTION.search(folded):
        found.append(("class", "anticoagulant", jab.start(), jab.end()))
    hair = _HAIR_LOSS_TREATMENT.search(folded)
    if hair:
        found.append(("class", "chemotherapy", hair.start(), hair.end()))
    weekly = _WEEKLY_MEDICINE.search(folded)
    if weekly and not _CONCEPTION.search(folded):
        near = folded[max(0, weekly.start() - 150) : weekly.end() + 150]
        if _FOLIC.search(near):
            found.append(("medicine", "methotrexate", weekly.start(), weekly.end()))
    return found


def described_medicines(mentions: Sequence[Any], folded: str) -> list[Any]:
    """``mentions`` with each medicine told only by what it does added (wave 21), with the
    time and negation of its words; a class the question already names is not added twice."""
    from acupath.answer.context import Mention  # context imports this module
    from acupath.answer.timing import (
        NOT_CURRENT,
        STOPPED_RECENTLY,
        medicine_status,
        negation_in_clause,
    )
    from acupath.care.medications import bundled_formulary

    found = _described(folded)
    if not found:
        return list(mentions)
    formulary = bundled_formulary()
    out = list(mentions)
    for kind, value, start, end in found:
        classes = sorted(formulary.drugs[value].classes) if kind == "medicine" else [value]
        # "a tablet to stop clots forming in his new stent (it's Brilinta)": the medicine the
        # question names (an antiplatelet also stops clots) is the one described
        named = set(classes) | _SAME_PURPOSE.get(value, set())
        if any(
            not m.negated
            and (
                (m.kind == "class" and m.value in named)
                or (m.kind == "medicine" and named & set(m.detail.get("classes", ())))
            )
            for m in out
        ):
            continue
        if any(m.start < end and start < m.end for m in out if m.kind in ("class", "medicine")):
            continue
        status, reason = medicine_status(folded, start, end, classes)
        detail: dict[str, Any] = {"described": True}
        if kind == "medicine":
            detail["classes"] = classes
        if reason:
            detail["timing"] = reason
        negated = (
            status not in NOT_CURRENT
            and status != STOPPED_RECENTLY
            and (negation_in_clause(folded, start))
        )
        out.append(
            Mention(kind, value, folded[start:end], start, end, negated, False, detail, status)
        )
    return out
