"""Wording of the judge's verdicts: the synthesised bottom line at the top of every answer.

The judge (:mod:`acupath.answer.judge`) decides; this module only words what it decided, in two
to five sentences, for a clinician or a patient. Every figure written here is a field of a
record the sentence cites (the verifier traces it), and every efficacy sentence carries the
certainty of its deciding record; records not yet graded are said to be "not rated" once per
answer, in the last sentence, instead of after every clause.

``cite`` is the composer's callback: records in, citation marker out (``[1, 3]``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from acupath.answer import phrasing as ph
from acupath.answer.conflicts import oriented
from acupath.answer.judge import (
    ConditionJudgement,
    Difference,
    GuidelineStance,
    Verdict,
    records_for,
)
from acupath.evidence import present
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding

Cite = Callable[[Sequence[Any]], str]

COMPARATOR_WORDS = {
    "sham": "sham acupuncture",
    "usual_care": "usual care or no acupuncture",
    "medication": "medicines",
    "mixed": "a mix of control treatments",
}
CERTAINTY_WORDS = {
    "high": "high certainty",
    "moderate": "moderate certainty",
    "low": "low certainty",
    "very_low": "very low certainty",
}
_ACRONYM = re.compile(r"\(([A-Z][A-Z-]{2,})\)")
BOTTOM_LINE_ORDER = ("usual_care", "sham", "medication", "mixed")
GROUP_NAMES = 3
"""At most this many conditions are named in one group of a broad bottom line; the rest are
counted (the evidence section names them all)."""
"""Comparators in the order the bottom line states them: the effect in practice first."""


@dataclass
class Tally:
    """What an answer has said so far about certainty (to say "not rated" only once)."""

    unrated: int = 0
    rated: int = 0
    stated: list[Verdict] = field(default_factory=list)


def lower_name(name: str) -> str:
    """``Chronic low back pain`` -> ``chronic low back pain``; ``HIV-associated ...`` stays."""
    first = name.split(" ")[0]
    if len(first) > 1 and first[1:2].isupper():
        return name
    return name[:1].lower() + name[1:]


def condition_name(base: EvidenceBase, cid: str) -> str:
    """A condition's name for use inside a sentence."""
    return lower_name(base.conditions[cid].name)


def trial_name(base: EvidenceBase, f: Finding) -> str:
    """``Haake 2007 (GERAC)``: first author and year, with the trial's acronym when the title
    gives one in brackets."""
    src = base.sources[f.source]
    first = src.authors.split(",")[0].split()[0]
    acronym = _ACRONYM.search(src.title)
    return f"{first} {src.year}" + (f" ({acronym.group(1)})" if acronym else "")


def pooled_label(base: EvidenceBase, f: Finding, condition: str | None = None) -> str:
    """``an IPD meta-analysis pooling chronic low back pain and chronic neck pain``: how a
    finding pooled across conditions must be introduced when shown under ``condition``."""
    src = base.sources.get(f.source)
    kind = {
        "ipd_meta_analysis": "an IPD meta-analysis",
        "meta_analysis": "a meta-analysis",
        "systematic_review": "a systematic review",
        "overview": "an overview of reviews",
    }.get(src.kind if src else "", "a study")
    ids = ([f.condition] if f.condition else []) + list(f.related_conditions)
    names = [condition_name(base, c) for c in ids if c in base.conditions]
    if not names:
        return f"{kind} pooling several conditions"
    pooled = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{kind} pooling {pooled}"


_KIND_WORDS = {
    "population": "population",
    "control": "control",
    "timepoint": "time point",
    "analysis": "analysis",
    "outcome": "outcome",
}
_PROVENANCE = {
    "published": "as published",
    "computed": "recomputed by acupath from trial data",
    "derived": "derived from published figures",
}


def _side(base: EvidenceBase, kind: str, value: str, f: Finding, condition: str | None) -> str:
    if kind == "population":
        if value == "pooled":
            return pooled_label(base, f, condition)
        return condition_name(base, value) if value in base.conditions else value
    if kind == "control":
        return ph.COMPARATOR_LABEL.get(value, value) if value else "not specified"
    if kind == "analysis":
        return _PROVENANCE.get(value, value)
    if kind == "outcome":
        return ph.outcome_label(value)
    return value


def conflict_text(
    base: EvidenceBase,
    a: Finding,
    b: Finding,
    diffs: Sequence[Difference],
    condition: str | None = None,
) -> str:
    """``SMD 0.16 (Vickers 2012) and SMD 0.46 (Vickers 2018) differ in population (...)``, or
    the conflict marked as unexplained when the records hold no difference that explains it."""
    ea, eb = a.estimate or 0, b.estimate or 0
    signs = ""
    if a.better != b.better and a.measure not in ("RR", "OR", "HR"):
        # two sign conventions: re-sign both so a benefit of acupuncture reads the same way
        ea, eb = oriented(a, ea), oriented(b, eb)
        signs = " (both signed so that a positive value favours acupuncture)"
    left = f"{a.measure} {present.number(ea)} ({trial_name(base, a)})"
    right = f"{b.measure} {present.number(eb)} ({trial_name(base, b)}){signs}"
    if not diffs:
        return (
            f"{left} and {right} disagree for the same comparison, and the records hold no "
            "difference in population, control, time point or analysis that explains it: "
            "treat this as a conflict."
        )
    parts = [
        f"{_KIND_WORDS[d.kind]}: {_side(base, d.kind, d.a, a, condition)} versus "
        f"{_side(base, d.kind, d.b, b, condition)}"
        for d in diffs
    ]
    return (
        f"{left} and {right} differ because they are not the same comparison; "
        + "; ".join(parts)
        + "."
    )


def _size_text(v: Verdict) -> str:
    """``MD -10.26 (95% CI -17.11 to -3.4) on a 0-100 scale`` or ``SMD 0.16 (...), very small``."""
    assert v.size is not None
    f = v.size.record
    text = f"{f.measure} {present.estimate(f)}"
    if v.size.scale_max is not None:
        text += f" on a 0-{v.size.scale_max} scale"
    if v.size.smd_word:
        text += f", a {v.size.smd_word} standardised difference"
    return text


def _importance_text(v: Verdict) -> str:
    if v.threshold is None or v.important == "unknown":
        return ""
    t = v.threshold
    bar = f"{present.number(t.value)} points on a 0-{t.scale_max} scale"
    if t.own:
        what = f"the trial's minimal clinically important difference of {bar}"
    elif t.record.source == v.size.record.source if v.size else False:
        what = f"the {bar} the trial set as clinically meaningful"
    else:
        what = f"the about {bar} that marks a clinically important change"
    if v.important == "yes":
        return f", reaching {what}"
    reach = " (its confidence interval reaches it)" if v.ci_reaches_threshold else ""
    return f", below {what}{reach}"


def _certainty(v: Verdict, tally: Tally) -> str:
    if v.rated:
        tally.rated += 1
        return f"; {CERTAINTY_WORDS.get(v.certainty, v.certainty)}"
    tally.unrated += 1
    return ""


def _direction_clause(v: Verdict, comp: str) -> str:
    return {
        "benefit": f"acupuncture did better than {comp}",
        "no_difference": f"acupuncture did no better than {comp}",
        "worse": f"acupuncture did worse than {comp}",
        "mixed": f"results against {comp} point in different directions",
    }[v.direction]


def verdict_sentence(
    base: EvidenceBase,
    v: Verdict,
    cite: Cite,
    tally: Tally,
    *,
    lead: str = "",
    said: set[str] | None = None,
) -> str:
    """One clinician sentence for one verdict: direction, size in the clinic's units, whether it
    is clinically important, certainty, the trials that disagree, and a pooled-evidence label."""
    text = verdict_clause(base, v, tally, said=said)
    text = f"{lead}{text}" if lead else capitalise(text)
    return text + ". " + cite(v.deciding_records)


def verdict_clause(
    base: EvidenceBase, v: Verdict, tally: Tally, *, said: set[str] | None = None
) -> str:
    """The words of :func:`verdict_sentence` without the full stop and citation marker."""
    tally.stated.append(v)
    comp = COMPARATOR_WORDS[v.comparator]
    clause = _direction_clause(v, comp)
    where = ""
    if v.basis == "pooled" and v.decider is not None:
        label = pooled_label(base, v.decider, v.condition)
        where = (
            f" in {label}" if said is None or label not in said else " in the same pooled analysis"
        )
        if said is not None:
            said.add(label)
    size = ""
    if v.size is not None:
        size = f" ({_size_text(v)}{_importance_text(v)}{_certainty(v, tally)})"
    else:
        cert = _certainty(v, tally)
        size = f" ({cert[2:]})" if cert else ""
    text = f"{clause}{where}{size}"
    if v.dissenting_trials:
        names = join_words([trial_name(base, f) for f in v.dissenting_trials])
        verb = {
            "no_difference": "found no difference",
            "benefit": "found a benefit",
            "worse": "found it worse",
            "mixed": "gave mixed results",
        }
        kinds = {f.direction for f in v.dissenting_trials}
        what = (
            verb["no_difference"]
            if kinds == {"no_difference"}
            else "disagreed"
            if len(kinds) > 1
            else verb.get(
                {"favours_acupuncture": "benefit", "favours_comparator": "worse"}.get(
                    next(iter(kinds)), "mixed"
                ),
                "disagreed",
            )
        )
        trials = "the trial" if len(v.dissenting_trials) == 1 else "the trials"
        text += f", but {trials} {names} {what}"
    if v.conflicts and any(not c.explained for c in v.conflicts):
        text += " (other records give conflicting figures)"
    return text


def guideline_sentence(base: EvidenceBase, g: GuidelineStance, cite: Cite, name: str = "") -> str:
    """Where guidelines stand, disagreement stated as disagreement."""
    if not g.records:
        return ""
    clause = guideline_clause(g, name)
    head, _, rest = clause.partition(" (")
    return f"{capitalise(head)}: {rest.removesuffix(')')}. {cite(g.records)}"


def guideline_clause(g: GuidelineStance, name: str = "") -> str:
    """``guidelines disagree: ACP recommends it; NICE recommends against it``."""
    if not g.records:
        return ""
    pro = join_words(_bodies(g.recommend))
    cond = join_words(_bodies(g.conditional))
    con = join_words(_bodies(g.against))
    parts = []
    if pro:
        parts.append(f"{pro} {'recommend' if len(g.recommend) > 1 else 'recommends'} it")
    if cond:
        parts.append(f"{cond} {'allow' if len(g.conditional) > 1 else 'allows'} it as an option")
    if con:
        parts.append(f"{con} {'recommend' if len(g.against) > 1 else 'recommends'} against it")
    if g.insufficient and not parts:
        parts.append(f"{join_words(_bodies(g.insufficient))} found the evidence insufficient")
    lead = "guidelines disagree" if g.disagree else "guidelines"
    where = f" on {lower_name(name)}" if name else ""
    return f"{lead}{where} (" + "; ".join(parts) + ")"


def certainty_note(tally: Tally) -> str:
    """The single "not rated" sentence of an answer."""
    if not tally.unrated:
        return ""
    if tally.rated:
        return (
            "Results without a stated certainty are not yet rated in acupath's evidence base "
            "(not rated)."
        )
    return (
        "None of these results has a certainty rating in acupath's evidence base yet (not rated)."
    )


def clinician_bottom_line(
    base: EvidenceBase,
    judgements: Sequence[ConditionJudgement],
    cite: Cite,
    *,
    extra: Sequence[str] = (),
    missing: Sequence[str] = (),
) -> tuple[list[str], Tally]:
    """``missing`` names conditions the question asked about that have no findings.

    Two to five sentences (one paragraph per condition when one to three are asked; one
    grouped paragraph for a broad question)."""
    tally = Tally()
    lines: list[str] = []
    grouped = len(judgements) > 3
    if grouped:
        lines += _grouped(base, judgements, cite, tally, missing)
    else:
        compact = len(judgements) > 1
        for j in judgements:
            lines.append(_condition_paragraph(base, j, cite, tally, compact=compact))
    if missing and not grouped:
        lines.append(
            "acupath's evidence base holds no effect estimates for "
            + join_words([lower_name(m) for m in missing])
            + "; no conclusion about benefit can be drawn from it."
        )
    lines += [e for e in extra if e]
    note = certainty_note(tally)
    if note and not grouped:
        lines.append(note)
    return lines, tally


def stated_verdicts(j: ConditionJudgement) -> list[Verdict]:
    """The verdicts a bottom line states for one condition: every comparator with evidence,
    the effect in practice first; reviews that pooled mixed controls only when nothing else."""
    shown = [j.verdict(c) for c in BOTTOM_LINE_ORDER if j.verdict(c).direction != "insufficient"]
    if any(v.comparator != "mixed" for v in shown):
        shown = [v for v in shown if v.comparator != "mixed"]
    return shown


def _condition_paragraph(
    base: EvidenceBase, j: ConditionJudgement, cite: Cite, tally: Tally, *, compact: bool
) -> str:
    """One condition: a sentence per comparator and one on guidelines, or (``compact``, when
    several conditions are asked) one sentence holding them all."""
    name = base.conditions[j.condition].name
    shown = stated_verdicts(j)
    said: set[str] = set()
    if not shown:
        text = (
            f"**{name}:** acupath holds no between-group effect estimate for acupuncture in this "
            "condition; the results below are changes within trial arms or single studies, to "
            "be read with caution"
        )
        g = guideline_clause(j.guidelines)
        return text + (f"; {g}. {cite(j.guidelines.records)}" if g else ".")
    own_note = _no_own_estimate(base, j) if all(v.basis == "pooled" for v in shown) else ""
    if compact:
        clauses = [verdict_clause(base, v, tally, said=said) for v in shown]
        if own_note:
            clauses = [own_note + "; " + clauses[0], *clauses[1:]]
        # "acupuncture did better than A (...); did better than B (...)"
        clauses = [clauses[0]] + [c.removeprefix("acupuncture ") for c in clauses[1:]]
        g = guideline_clause(j.guidelines)
        records = [r for v in shown for r in v.deciding_records] + list(j.guidelines.records)
        return f"**{name}:** " + "; ".join(clauses + ([g] if g else [])) + ". " + cite(records)
    head = f"**{name}:** "
    sentences = [f"{head}{own_note}."] if own_note else []
    sentences += [
        verdict_sentence(
            base, v, cite, tally, lead=head if n == 0 and not own_note else "", said=said
        )
        for n, v in enumerate(shown)
    ]
    g = guideline_sentence(base, j.guidelines, cite)
    return " ".join(s.strip() for s in [*sentences, g] if s)


_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def count_words(n: int) -> str:
    """``25`` -> ``twenty-five``. Counts of what an answer itself states (conditions, results)
    are written in words: they are not figures of a record, and digits would be checked (and
    could be matched by chance) against the records' values by the number verifier."""
    if n < 0:
        raise ValueError(f"a count must not be negative; got {n}")
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")
    return f"{n:,}"


def _names(items: Sequence[str], most: int = GROUP_NAMES) -> str:
    """``a, b, c and 4 other conditions``: at most ``most`` names, the rest counted, so that a
    broad bottom line stays short however many conditions the evidence base holds."""
    items = list(dict.fromkeys(items))
    if len(items) <= most + 1:
        return join_words(items)
    rest = len(items) - most
    return ", ".join(items[:most]) + f" and {count_words(rest)} other conditions"


def advantage(v: Verdict) -> float:
    """The size of a benefit with its sign normalised: a standardised difference favouring
    acupuncture is positive whether the record's scale counts lower pain as negative (SMD -0.23)
    or as positive (SMD 0.15), by the record's own ``better``. The verifier traces a figure as
    published or as its absolute value, so the re-signed figure stays traceable."""
    assert v.size is not None
    return oriented(v.size.record, v.size.estimate)


def certainty_summary(verdicts: Sequence[Verdict]) -> str:
    """``certainty ranges from very low to high (two high, nine moderate, eleven low and three
    very low, of twenty-five rated results); four are not rated yet (not rated)``: counts, not a
    clause per condition x comparator."""
    order = ("high", "moderate", "low", "very_low")
    rated = [v for v in verdicts if v.rated and v.certainty in order]
    unrated = len(verdicts) - len(rated)
    if not rated:
        return "none of these results is rated for certainty yet (not rated)"
    counts = {c: sum(1 for v in rated if v.certainty == c) for c in order}
    present_levels = [c for c in order if counts[c]]
    words = {c: CERTAINTY_WORDS[c].removesuffix(" certainty") for c in order}
    if len(present_levels) == 1:
        span = f"certainty is {words[present_levels[0]]}"
    else:
        span = f"certainty ranges from {words[present_levels[-1]]} to {words[present_levels[0]]}"
    tally = join_words([f"{count_words(counts[c])} {words[c]}" for c in present_levels])
    text = f"{span} ({tally}, of {count_words(len(rated))} rated results)"
    if unrated:
        verb = "is" if unrated == 1 else "are"
        text += f"; {count_words(unrated)} {verb} not rated yet (not rated)"
    return text


def _no_own_estimate(base: EvidenceBase, j: ConditionJudgement) -> str:
    """When every verdict for a condition rests on reviews pooling several conditions, say
    first that the condition's own studies give no between-group estimate (issue 14: a
    within-arm change of one pilot trial must not read as a comparison), or "" when a record of
    the condition itself does compare acupuncture with a control."""
    own = [f for f in base.findings.values() if f.condition == j.condition]
    comparative = [
        f
        for comp in COMPARATOR_WORDS
        for f in records_for(base, j.condition, comp)
        if f.condition == j.condition
    ]
    if comparative:
        return ""
    if own:
        return (
            "acupath holds no between-group effect estimate from studies of this condition "
            "itself; its own results are changes within trial arms or single-group results, "
            "to be read with caution, and the comparison that follows comes from pooled evidence"
        )
    return (
        "acupath holds no between-group effect estimate from studies of this condition itself; "
        "the comparison that follows comes from pooled evidence"
    )


def _grouped(
    base: EvidenceBase,
    judgements: Sequence[ConditionJudgement],
    cite: Cite,
    tally: Tally,
    missing: Sequence[str] = (),
) -> list[str]:
    """A broad question: conditions grouped by what acupuncture beat (a few named, the rest
    counted), sizes as one range per comparator with the sign normalised so that a benefit of
    acupuncture always reads as a positive SMD, certainty as counts, then the trials that
    disagree, pooled-evidence labels and where guidelines stand. Four to five sentences."""
    both: list[str] = []
    practice: list[str] = []
    sham_only: list[str] = []
    weak: list[str] = []
    pooled: list[str] = []
    cited: list[Any] = []
    stated: list[Verdict] = []
    sham_sizes: list[Verdict] = []
    care_sizes: list[Verdict] = []
    for j in judgements:
        name = condition_name(base, j.condition)
        sham, care = j.verdict("sham"), j.verdict("usual_care")
        tally.stated += [v for v in (sham, care) if v.direction != "insufficient"]
        if sham.direction == "benefit" and care.direction == "benefit":
            both.append(name)
        elif care.direction == "benefit":
            practice.append(name)
        elif sham.direction == "benefit":
            sham_only.append(name)
        else:
            weak.append(name)
        for v in (sham, care):
            if v.direction == "benefit" and v.basis == "pooled" and name not in pooled:
                pooled.append(name)
            if v.direction == "benefit" and v.decider is not None:
                cited.append(v.decider)
                stated.append(v)
                if v.rated:
                    tally.rated += 1
                else:
                    tally.unrated += 1
        for v, group in ((sham, sham_sizes), (care, care_sizes)):
            if (
                v.direction == "benefit"
                and v.size is not None
                and v.size.measure == "SMD"
                and v.basis == "condition"
            ):
                group.append(v)
    out: list[str] = []
    parts = []
    if both:
        parts.append(
            "better than both sham acupuncture and usual care or no acupuncture for " + _names(both)
        )
    if practice:
        parts.append(f"better than usual care or no acupuncture for {_names(practice)}")
    if sham_only:
        parts.append(f"better than sham acupuncture for {_names(sham_only)}")
    if parts:
        out.append("Acupuncture did " + "; ".join(parts) + ". " + cite(cited))
    size_bits = []
    for label, group in (
        ("against sham", sham_sizes),
        ("against usual care or no acupuncture", care_sizes),
    ):
        if not group:
            continue
        group = sorted(group, key=advantage)
        lo, hi = group[0], group[-1]
        assert lo.size is not None and hi.size is not None
        lo_name = condition_name(base, lo.condition)
        hi_name = condition_name(base, hi.condition)
        if lo is hi or advantage(lo) == advantage(hi):
            bit = f"{label} SMD {present.number(advantage(lo))} ({lo.size.smd_word}, {lo_name})"
        else:
            bit = (
                f"{label} from SMD {present.number(advantage(lo))} ({lo.size.smd_word}, "
                f"{lo_name}) to {present.number(advantage(hi))} ({hi.size.smd_word}, {hi_name})"
            )
        size_bits.append(f"{bit} {cite([lo.size.record, hi.size.record])}")
    # (the clinical importance of a standardised difference depends on the scale behind it)
    certainty = certainty_summary(stated)
    if size_bits:
        out.append(
            "In pooled analyses of single conditions the advantage of acupuncture (a positive "
            "SMD favours acupuncture) ran " + "; ".join(size_bits) + f"; {certainty}."
        )
    else:
        out.append(capitalise(certainty) + ".")
    tail = []
    # a benefit stated over a null landmark trial must name the trial (issue 14: GERAC, ART)
    dissent = [
        v
        for j in judgements
        for v in (j.verdict("sham"), j.verdict("usual_care"))
        if v.direction == "benefit" and v.dissenting_trials
    ]
    if dissent:
        said = join_words(
            [
                f"{join_words([trial_name(base, f) for f in v.dissenting_trials])} "
                f"({condition_name(base, v.condition)}, against "
                f"{COMPARATOR_WORDS[v.comparator].removesuffix(' acupuncture')})"
                for v in dissent
            ]
        )
        marker = cite([f for v in dissent for f in v.dissenting_trials])
        tail.append(f"single trials found no difference: {said} {marker}")
    if pooled:
        tail.append(
            f"for {_names(pooled)} the estimates come from analyses pooling several "
            "conditions, not from trials of that condition alone"
        )
    if weak:
        tail.append(f"for {_names(weak)} acupath holds no clear comparative benefit")
    if missing:
        tail.append(f"for {_names([lower_name(m) for m in missing])} it holds no effect estimates")
    if tail:
        out.append(capitalise("; ".join(tail)) + ".")
    disagree = [j for j in judgements if j.guidelines.disagree]
    endorsed = [
        condition_name(base, j.condition)
        for j in judgements
        if (j.guidelines.recommend or j.guidelines.conditional) and not j.guidelines.disagree
    ]
    g_parts = []
    if endorsed:
        g_parts.append(f"guidelines recommend or allow it for {_names(endorsed)}")
    for j in disagree[:2]:
        g = j.guidelines
        g_parts.append(
            f"they disagree on {condition_name(base, j.condition)} "
            f"({join_words(_bodies(g.recommend + g.conditional))} for, "
            f"{join_words(_bodies(g.against))} against)"
        )
    if g_parts:
        recs = [r for j in judgements for r in j.guidelines.records]
        out.append(capitalise("; ".join(g_parts)) + ". " + cite(recs))
    return [" ".join(out)]


def _bodies(recs: Sequence[Any]) -> list[str]:
    out: list[str] = []
    for r in recs:
        body = r.body
        if "(" in body and body.endswith(")"):
            body = body[body.rindex("(") + 1 : -1]
        if body not in out:
            out.append(body)
    return out


def join_words(items: Sequence[str], word: str = "and") -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
