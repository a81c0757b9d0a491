"""The safety box in the patient's voice: what the screen decided, in short sentences and
common words, addressed to the asker about the person the question describes.

The screen decides (:mod:`.safety`); the clinician box words it for clinicians
(:func:`acupath.answer.opening.safety_section`); this module words the same decision for a
patient or carer from ``data/answer/patient_safety.yaml``: one plain sentence per screening
rule (each keeps the markers of the rule's sources), plain names of red flags, and heads for
each decision and urgency. Rule reasons are clinical prose (Flesch-Kincaid grade 9 to 13); the
plain sentences aim at grade 8 or lower. The box names excluded points and techniques only in
its one ``EXCLUSION_PREFIX`` line, like the clinician box.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from acupath.answer.context import Mention, PatientContext
from acupath.answer.lexicon import ANSWER_DIR, _Frozen, read_model
from acupath.answer.models import Section
from acupath.answer.opening_words import kept_field
from acupath.answer.people import ASKER, Who
from acupath.answer.safety import EXCLUSION_PREFIX, TECHNIQUE_NAMES, Safety


class PlainWords(_Frozen):
    """``data/answer/patient_safety.yaml``."""

    heads: dict[str, str]
    flags: dict[str, str]
    rules: dict[str, str]


class Marker(Protocol):
    def marker(self, sources: Sequence[str], record: str, kind: str) -> str: ...


@functools.cache
def plain_words() -> PlainWords:
    """The bundled plain wording, read once per process."""
    return read_model(ANSWER_DIR / "patient_safety.yaml", PlainWords)


def _fill(template: str, who: Who, **extra: str) -> str:
    name = who.name
    return template.format(
        **extra,
        who=name,
        Who=name[:1].upper() + name[1:],
        they=who.subject,
        them=who.object,
        their=who.possessive,
        about=who.about,
    )


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plain_fact(m: Mention) -> str:
    """One fact as the patient box lists it: the asker's own words, and "(if)" when supposed."""
    return f"“{m.words.strip()}”" + (" (if)" if m.hypothetical else "")


def told_lines(context: PatientContext, safety: Safety | None, who: Who) -> list[str]:
    """What the asker told us (about the person), what they said is not the case, and what
    the screen assumed."""
    words = plain_words().heads
    shown = context.shown()
    applied = list(dict.fromkeys(plain_fact(m) for m in shown if not m.negated and m.current))
    denied = list(dict.fromkeys(plain_fact(m) for m in shown if m.negated))
    leads = (_fill(words["told"], who), words["absent"], words["assumed"], "Not usable")
    out = fact_lines(applied, denied, safety, leads)
    aside = {"other_person": "other", "topic": "topic", "supposed": "supposed"}
    later = [
        m
        for m in shown
        if not m.negated and not m.current and m.status not in aside and not kept_field(m)
    ]
    fields = list(dict.fromkeys(plain_fact(m) for m in shown if not m.negated and kept_field(m)))
    at = 1 if applied else 0
    for status, head in aside.items():
        # wave 8: someone else's, a topic, a "what if": each said as what it is
        put = list(
            dict.fromkeys(plain_fact(m) for m in shown if m.status == status and not m.negated)
        )
        if put:
            out.insert(at, f"- {_fill(words[head], who)}: " + "; ".join(put) + ".")
            at += 1
    for case in safety.supposed if safety is not None else ():
        # wave 9: what the check would say were the "what if" true, in plain words
        plain = _PLAIN_DECISION.get(str(case["decision"]), "the check would change")
        out.insert(at, f"- {case['lead']}, {plain}.")
        at += 1
    if fields:
        # a past radiotherapy's field is still left out of needling (clinic policy)
        out.insert(at, f"- {words['past_field']}: " + "; ".join(fields) + ".")
        at += 1
    if later:
        facts = "; ".join(dict.fromkeys(plain_fact(m) for m in later))
        out.insert(at, f"- {_fill(words['not_now'], who)}: {facts}.")
        if any(m.status == "future" for m in later):
            out.insert(at + 1, f"- {_fill(words['if_starts'], who)}")
    return out


_PLAIN_DECISION = {
    "proceed": "nothing would change",
    "proceed_with_modifications": "acupuncture could still happen, with some changes",
    "defer": "acupuncture would have to wait",
    "refer": "a doctor would need to check first",
}
"""What the check would say about a "what if", for the patient's box (wave 9)."""


def fact_lines(
    applied: Sequence[str],
    denied: Sequence[str],
    safety: Safety | None,
    leads: tuple[str, str, str, str],
) -> list[str]:
    """The lines of a safety box that list the patient's facts: those that apply, those the
    question denies, what the screen assumed and what it could not use, each after its lead."""
    told, absent, assumed, unusable = leads
    groups = [(told, applied), (absent, denied)]
    if safety is not None:
        groups += [(assumed, safety.assumed), (unusable, safety.problems)]
    return [f"- {lead}: " + "; ".join(items) + "." for lead, items in groups if items]


def _exclusions(safety: Safety) -> str:
    parts = []
    if safety.excluded_points:
        parts.append("points " + ", ".join(safety.excluded_points))
    if safety.excluded_regions:
        parts.append("areas " + ", ".join(r.replace("_", " ") for r in safety.excluded_regions))
    if safety.excluded_techniques:
        parts.append(", ".join(TECHNIQUE_NAMES.get(t, t) for t in safety.excluded_techniques))
    return "; ".join(parts)


def patient_safety_section(
    safety: Safety,
    context: PatientContext,
    refs: Marker,
    title: str,
    who: Who = ASKER,
) -> Section:
    """The patient's safety box (see the module docstring)."""
    pw = plain_words()
    heads, rules = pw.heads, pw.rules
    lines: list[str] = []
    findings = list(safety.screen.findings)

    def rule_line(f: object) -> str:
        rid = str(getattr(f, "rule", ""))
        marker = refs.marker(getattr(f, "sources", ()), rid, "screening_rule")
        text = rules.get(rid) or str(getattr(f, "reason", ""))
        return f"- {_fill(text, who)}{marker}"

    if safety.decision == "refer":
        urgency = safety.urgency or "soon"
        flags = [pw.flags.get(f, f.replace("_", " ")) for f in safety.red_flags]
        why = _fill(heads["refer_why"], who, flags=_join(flags))
        head = heads.get(f"{urgency}_other", heads[urgency]) if not who.is_asker else heads[urgency]
        lines.append(f"**{_fill(head, who)}** {why}")
        lines += [rule_line(f) for f in findings if f.action == "refer"]
        for flag in safety.extra_flags:
            marker = refs.marker(flag.sources, flag.id, "red_flag")
            words = pw.flags.get(flag.id, flag.id.replace("_", " "))
            lines.append(f"- {words[:1].upper()}{words[1:]}: {heads['extra_flag']}{marker}")
        if urgency == "emergency":
            lines.append(f"- {heads['emergency_note']}")
    else:
        key = {"defer": "defer", "proceed_with_modifications": "modify"}
        head = _fill(heads[key.get(safety.decision, "proceed")], who)
        first, sep, rest = head.partition(". ")
        lines.append(f"**{first}{'.' if sep else ''}**" + (f" {rest}" if rest else ""))
        order = ("defer", "exclude", "modify", "caution", "info")
        for action in order:
            lines += [rule_line(f) for f in findings if f.action == action]
        excluded = _exclusions(safety)
        if excluded:
            lines.append(f"- {EXCLUSION_PREFIX} {excluded}.")
    lines += told_lines(context, safety, who)
    cited = tuple(
        dict.fromkeys(
            r.id
            for r in getattr(refs, "refs", ())
            if any(_marker(r.number).search(ln) for ln in lines)
        )
    )
    return Section(title, "\n".join(lines), cited)


def _marker(number: int) -> re.Pattern[str]:
    return re.compile(r"\[(?:\d+, )*" + str(number) + r"(?:, \d+)*\]")


def check_plain_words(rule_ids: Mapping[str, object] | Sequence[str]) -> list[str]:
    """Screening rules without a plain sentence, and plain sentences for no rule."""
    from acupath.care.screening import UNMATCHED_FLAG_RULE

    ids = set(rule_ids) | {UNMATCHED_FLAG_RULE}  # made by the screen itself, not a rule file
    have = set(plain_words().rules)
    return [f"patient_safety.yaml: no plain wording for rule {r!r}" for r in sorted(ids - have)] + [
        f"patient_safety.yaml: rule {r!r} does not exist" for r in sorted(have - ids)
    ]
