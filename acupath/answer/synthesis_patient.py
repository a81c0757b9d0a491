"""Patient wording of the judge's verdicts: the short answer at the top of a patient's answer.

The same verdicts as the clinician's bottom line (:mod:`acupath.answer.synthesis`), in plain
words: what acupuncture helped more than, how big the gain was in words (never a standardised
figure), whether single studies disagreed, whether the evidence mixed several kinds of pain, how
sure we can be (said once), and whether expert groups agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from acupath.answer.judge import ConditionJudgement, Verdict
from acupath.answer.synthesis import Cite, Tally, capitalise, join_words, stated_verdicts
from acupath.evidence.loader import EvidenceBase

PATIENT_COMPARATOR_WORDS = {
    "sham": "fake acupuncture",
    "usual_care": "usual care alone",
    "medication": "medicines",
    "mixed": "other care",
}
PATIENT_SURE = {
    "high": "we are quite sure of this",
    "moderate": "we are fairly sure of this",
    "low": "we are not very sure of this",
    "very_low": "we are not sure of this at all",
}


def patient_bottom_line(
    base: EvidenceBase,
    judgements: Sequence[ConditionJudgement],
    cite: Cite,
    names: Callable[[str], str],
    missing: Sequence[str] = (),
) -> tuple[list[str], Tally]:
    """``missing``: plain names of asked-about conditions without any result.

    Plain sentences: what acupuncture beat, how big the gap was in words, how sure we are,
    whether expert groups agree. No standardised figures; pooled evidence said to be pooled.
    One condition gets up to four short sentences; several conditions (three at most) get one
    sentence each, and how sure we are is said once for all."""
    tally = Tally()
    lines: list[str] = []
    compact = len(judgements) > 1
    rated: list[Verdict] = []
    for j in judgements[:3]:
        verdicts = stated_verdicts(j)
        tally.stated += verdicts
        used: list[Any] = [r for v in verdicts for r in v.deciding_records]
        by = {d: [v for v in verdicts if v.direction == d] for d in _DIRECTIONS}
        words = PATIENT_COMPARATOR_WORDS
        parts: list[str] = []
        if by["benefit"]:
            parts.append(
                "acupuncture helped more than "
                + join_words([words[v.comparator] for v in by["benefit"]], "or")
            )
        if by["no_difference"] or by["worse"]:
            parts.append(
                "it did not help more than "
                + join_words([words[v.comparator] for v in by["no_difference"] + by["worse"]], "or")
            )
        if by["mixed"]:
            parts.append(
                f"next to {join_words([words[v.comparator] for v in by['mixed']], 'or')} "
                "results were mixed"
            )
        sizes: dict[str, list[str]] = {}  # description -> comparators it applies to
        for v in by["benefit"]:
            if v.size is None:
                continue
            comp = words[v.comparator]
            if v.important == "no":
                desc = "smaller than most people would notice"
            elif v.important == "yes":
                desc = "big enough for most people to notice"
            elif v.size.smd_word:
                desc = v.size.smd_word
            else:
                continue
            sizes.setdefault(desc, []).append(comp)
        said = [
            f"over {join_words(comps)} {'was ' if n == 0 else ''}{desc}"
            for n, (desc, comps) in enumerate(sizes.items())
        ]
        size = f"the gain {', and '.join(said)}" if said else ""
        caveats = []
        if any(v.dissenting_trials for v in verdicts):
            caveats.append("some studies found no real difference")
        if any(v.basis == "pooled" for v in verdicts):
            caveats.append("part of this comes from studies that mixed several kinds of pain")
        g = j.guidelines
        expert = ""
        if g.records:
            expert = (
                "expert groups do not agree about it"
                if g.disagree
                else "expert groups say it can be offered"
                if g.recommend or g.conditional
                else "expert groups advise against it"
                if g.against
                else ""
            )
            used += list(g.records)
        rated += [v for v in verdicts if v.rated]
        tally.rated += sum(1 for v in verdicts if v.rated)
        tally.unrated += sum(1 for v in verdicts if not v.rated)
        if not parts:
            parts.append("we have no study results that compare acupuncture with other care")
        if compact:
            body = "; ".join(p for p in [*parts, size, *caveats, expert] if p)
            text = capitalise(body) + "."
        else:
            first = capitalise("; ".join(parts)) + "."
            rest = [capitalise(x) + "." for x in (size, "; ".join(caveats), expert) if x]
            text = " ".join([first, *rest])
        lines.append(f"**{capitalise(names(j.condition))}:** {text} {cite(used)}".rstrip())
    more = []
    if len(judgements) > 3:
        more.append("the full answer covers more kinds of pain")
    if missing:
        more.append(f"for {join_words(list(missing))} we have no study results, so we cannot say")
    if more:
        lines.append(capitalise("; ".join(more)) + ".")
    sure = ""
    if rated:
        worst = max(rated, key=lambda v: _SURE_ORDER.index(v.certainty))
        sure = PATIENT_SURE[worst.certainty].replace("of this", "of some of this")
    if sure and tally.unrated:
        lines.append(
            f"{capitalise(sure)}, and some results have not been rated for how sure we can be."
        )
    elif sure:
        lines.append(capitalise(sure) + ".")
    elif tally.unrated:
        lines.append("These results have not been rated for how sure we can be.")
    return lines, tally


_DIRECTIONS = ("benefit", "no_difference", "worse", "mixed")
_SURE_ORDER = ("high", "moderate", "low", "very_low")
