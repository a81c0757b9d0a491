"""Human-readable screen and plan reports, in plain text or Markdown.

The JSON documents (``ScreenResult.as_dict``, ``Plan.as_dict``) are the full record; these
renderers present the same content for reading: decision first, then what to do, then the
course, evidence, guidelines, coverage, integration, reassessment and the STRICTA report.
Numbers are rounded here only for display.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from acupath.care.planning import Plan
from acupath.care.screening import ScreenResult

DECISION_TEXT = {
    "proceed": "Proceed: no screening rule limits treatment.",
    "proceed_with_modifications": "Proceed with modifications: respect the exclusions below.",
    "defer": "Defer: do not needle for now.",
    "refer": "Refer: red flag(s) need medical assessment before any acupuncture.",
}


def _fmt(x: Any) -> str:
    if x is None:
        return "n/a"
    if isinstance(x, float):
        return f"{x:.2f}".rstrip("0").rstrip(".")
    return str(x)


class _Doc:
    """A tiny document builder that writes either Markdown or plain text."""

    def __init__(self, markdown: bool) -> None:
        self.md = markdown
        self.lines: list[str] = []

    def title(self, text: str) -> None:
        self.lines += [f"# {text}", ""] if self.md else [text, "=" * len(text), ""]

    def heading(self, text: str) -> None:
        self.lines += [f"## {text}" if self.md else f"{text}\n{'-' * len(text)}", ""]

    def para(self, text: str) -> None:
        self.lines += [text, ""]

    def bullets(self, items: Iterable[str]) -> None:
        items = list(items)
        if items:
            self.lines += [f"- {i}" for i in items] + [""]

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def _screen_section(doc: _Doc, result: ScreenResult) -> None:
    doc.heading("Safety screen")
    doc.para(f"Decision: {DECISION_TEXT[result.decision]}")
    if result.urgency:
        doc.para(f"Urgency: {result.urgency.upper()}")
    if result.red_flags:
        doc.para("Red flags: " + ", ".join(result.red_flags))
    if result.advice:
        doc.para("What to do:")
        doc.bullets(result.advice)
    rows = []
    for f in result.findings:
        tag = " [clinic policy]" if f.policy else ""
        if f.urgency:
            basis = "source" if f.urgency_basis == "source" else "clinic policy"
            tag += f" [{f.urgency}; time frame from {basis}]"
        rows.append(
            f"{f.action.upper()} {f.rule}{tag}: {f.reason} (sources: {', '.join(f.sources)})"
        )
    if rows:
        doc.para("Rules that fired:")
        doc.bullets(rows)
    if result.excluded_points:
        doc.para("Excluded points: " + ", ".join(result.excluded_points))
    if result.excluded_regions:
        doc.para("Excluded regions: " + ", ".join(result.excluded_regions))
    if result.excluded_techniques:
        doc.para("Excluded techniques: " + ", ".join(result.excluded_techniques))
    if result.modifications:
        doc.para("Needling modifications:")
        doc.bullets(result.modifications)
    meds = result.medicines
    if meds.matched or meds.unmapped:
        classes = ", ".join(sorted(meds.classes)) or "none"
        doc.para(
            f"Medicines: classes {classes}."
            + (
                f" Not recognised (no rule checked them): {', '.join(meds.unmapped)}."
                if meds.unmapped
                else ""
            )
        )
    if result.unrecognised_comorbidities:
        doc.para(
            "Comorbidities no rule looks at: " + ", ".join(result.unrecognised_comorbidities) + "."
        )


def render_screen(result: ScreenResult, *, markdown: bool = False) -> str:
    """The screen as text or Markdown."""
    doc = _Doc(markdown)
    doc.title("acupath safety screen")
    _screen_section(doc, result)
    return doc.text()


def _effect_line(f: dict[str, Any]) -> str:
    if f["estimate"] is not None:
        ci = (
            f" (95% CI {_fmt(f['ci_lower'])} to {_fmt(f['ci_upper'])})"
            if f["ci_lower"] is not None
            else ""
        )
        number = f"{f['measure']} {_fmt(f['estimate'])}{ci}"
    else:
        number = f["measure"]
    when = f", {f['timepoint']}" if f.get("timepoint") else ""
    return f"{f['outcome']}: {number}{when}. {f['summary']} [{f['source']}]"


def render_plan(p: Plan, *, markdown: bool = False) -> str:
    """The plan as text or Markdown (see the module docstring for the order)."""
    doc = _Doc(markdown)
    d = p.as_dict()
    doc.title(f"acupath treatment plan: {p.condition}")
    _screen_section(doc, p.screen)

    doc.heading("Course of treatment")
    if p.status == "not_planned":
        doc.para("No treatment is planned because screening does not allow needling now.")
        doc.bullets(p.reasons)
        doc.para("What to do instead:")
        doc.bullets(p.what_to_do)
    elif p.status == "no_protocol":
        doc.bullets(p.reasons + p.what_to_do)
    else:
        proto = p.protocol
        assert proto is not None and p.adaptation is not None
        doc.para(f"Protocol: {proto.name} [{proto.source}]")
        basis = "trial" if d["sessions_basis"] == "trial" else "clinic policy"
        doc.bullets(
            [
                f"Technique: {p.technique}",
                f"Course: {d['schedule_text']} [{basis}]",
                "Retention: "
                + (
                    f"{_fmt(d['retention_minutes'])} minutes"
                    if d["retention_minutes"] is not None
                    else "not reported in the sources read"
                ),
                f"Needles per session: {_fmt(d['needles_per_session'])}",
            ]
            + ([f"Extension: {proto.extension}"] if proto.extension else [])
        )
        point_rows = []
        for pt in p.adaptation.points:
            sides = ", ".join(pt.sides)
            extra = f"; replaces {pt.replaces}" if pt.replaces else ""
            depth = (
                f"; depth {pt.depth}"
                if pt.depth
                else (f"; usual depth {pt.usual_depth}" if pt.usual_depth else "")
            )
            caution = f"; caution: {' / '.join(pt.cautions)}" if pt.cautions else ""
            note = f" ({pt.note})" if pt.note else ""
            point_rows.append(
                f"{pt.code} {pt.name}{note}: {pt.role}, {sides}{depth}{extra}{caution}"
            )
        if point_rows:
            doc.para("Points:")
            doc.bullets(point_rows)
        elif p.points_reason:
            doc.para("Points: " + p.points_reason)
        if p.adaptation.deviations:
            doc.para("Changes from the trial protocol:")
            doc.bullets(p.adaptation.deviations)
        if p.warnings:
            doc.para("Notes and limits:")
            doc.bullets(p.warnings)
        if p.alternatives:
            doc.para("Other protocols for this condition:")
            doc.bullets(
                f"{a['name']} [{a['source']}]: {a['schedule']}; "
                f"points {a['point_list'].replace('_', ' ')}"
                + ("" if a["usable"] else " (not usable: " + " ".join(a["problems"]) + ")")
                for a in p.alternatives
            )

    doc.heading("Expected benefit (from the evidence base)")
    if p.expected_effect_note:
        doc.para(p.expected_effect_note)
    if not p.expected_effect:
        doc.para("acupath holds no findings for this condition.")
    for group in p.expected_effect:
        doc.para(group["label"].capitalize() + ":")
        doc.bullets(_effect_line(f) for f in group["findings"][:6])

    doc.heading("Guidelines")
    g = p.guidelines
    doc.para(g.get("note", ""))
    doc.bullets(
        f"{r['body']} {r['year']}: {r['direction']} ({r['strength']}). "
        f"{r['summary']} [{r['source']}]"
        for r in g.get("recommendations", [])
    )

    if p.coverage:
        doc.heading("Coverage (US Medicare)")
        c = p.coverage
        state = {True: "eligible", False: "not eligible", None: "undetermined"}[c["eligible"]]
        doc.para(f"{c['program']}: {state}. [{c['source']}]")
        doc.bullets(c["reasons"])
        if c["applies"]:
            lim = c["limits"]
            doc.para(
                f"Limits: {lim['initial_visits']} visits in {lim['initial_days']} days; "
                f"{lim['additional_visits_if_improving']} more only with documented improvement; "
                f"at most {lim['max_per_year']} a year; stop if not improving."
            )

    if p.integration:
        doc.heading("Conventional treatments")
        doc.bullets(
            f"{i['name']} ({', '.join(i['medicines'])}): {i['note']}"
            + (f" [{', '.join(i['sources'])}]" if i["sources"] else "")
            for i in p.integration
        )

    if p.reassessment:
        r = p.reassessment
        doc.heading("Reassessment")
        doc.para(r["timing_note"])
        doc.bullets(
            f"{s['when']}" + (f" (session {s['session']})" if "session" in s else "")
            for s in r["schedule"]
        )
        doc.para("Measures: " + ", ".join(m["abbreviation"] for m in r["measures"]) + ".")
        doc.bullets(t["summary"] for t in r["trial_outcomes"])
        doc.para("Judging change:")
        doc.bullets(f"{t['summary']} [{t['source']}]" for t in r["thresholds"])
        if r["decisions"]:
            doc.para("Continuing the course:")
            doc.bullets(
                f"{x['summary']}"
                + (f" [{x['source']}]" if x["source"] else "")
                + (" (clinic policy)" if x["policy"] else "")
                for x in r["decisions"]
            )

    if p.other_conditions:
        doc.heading("Other conditions of this patient")
        rows = []
        for o in p.other_conditions:
            if o["status"] == "planned":
                rows.append(f"{o['condition']}: planned with {o['protocol']}, {o['schedule_text']}")
            else:
                why = " ".join(o["reasons"]) or "not planned"
                rows.append(f"{o['condition']}: {o['status'].replace('_', ' ')}. {why}")
        doc.bullets(rows)

    if p.stricta:
        doc.heading("STRICTA 2010 report")
        doc.bullets(f"{k} {v['label']}: {v['text']}" for k, v in p.stricta.items())
    return doc.text()
