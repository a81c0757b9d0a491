"""Follow-up questions: two or three next questions, each one acupath can answer.

Candidates are built from the first condition of the question (or the topic) and the intents
not yet asked, in a fixed order of usefulness (safety, dose, guidelines, durability,
integration, mechanisms, coverage). A candidate is kept only when the index, asked it, finds
records for the section that would answer it: acupath never suggests a question it would have
to answer with "no evidence".
"""

from __future__ import annotations

from acupath.answer.retrieve import Index
from acupath.answer.understand import Question

_TEMPLATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # intent, question template ({c} = condition name in lower case), tags that answer it
    ("safety", "How safe is acupuncture for {c}?", ("safety",)),
    ("dose", "How many acupuncture sessions are used for {c}?", ("dose",)),
    ("guidelines", "What do guidelines say about acupuncture for {c}?", ("guideline",)),
    ("durability", "How long does the benefit of acupuncture for {c} last?", ("durability",)),
    (
        "integration",
        "How is acupuncture combined with conventional treatment for {c}?",
        ("integration",),
    ),
    ("efficacy", "Does acupuncture work better than sham acupuncture for {c}?", ()),
    ("coverage", "Does Medicare cover acupuncture for {c}?", ("coverage",)),
)
_GENERAL: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("safety", "How safe is acupuncture?", ("safety",)),
    ("mechanisms", "How does acupuncture relieve pain?", ("mechanism",)),
    ("efficacy", "Does acupuncture help chronic low back pain?", ()),
    ("guidelines", "What do guidelines say about acupuncture for chronic pain?", ("guideline",)),
)


def _answerable(index: Index, text: str, intent: str, tags: tuple[str, ...]) -> bool:
    q = index.understand(text)
    if not q.in_scope or q.unknown_topic or intent not in q.intents:
        return False
    r = index.search(q)
    kinds = ("finding", "recommendation", "protocol")
    if tags:
        return bool(r.top(kinds=kinds, conditions=q.conditions, general=True, tags=tags, limit=1))
    return bool(r.top(kinds=("finding",), conditions=q.conditions, limit=1)) and bool(q.conditions)


def suggest(index: Index, question: Question, *, limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` (at least two when possible) answerable next questions."""
    if not question.in_scope:
        candidates = _GENERAL
        name = None
    elif question.conditions and not question.broad:
        name = index.base.conditions[question.conditions[0]].name.lower()
        candidates = _TEMPLATES
    else:
        name = None
        candidates = _GENERAL
    out: list[str] = []
    pool = list(candidates) + ([] if candidates is _GENERAL else list(_GENERAL))
    for n, (intent, template, tags) in enumerate(pool):
        general = n >= len(candidates) or name is None
        if intent in question.intents and question.in_scope and not general:
            continue
        if general and len(out) >= 2:
            break  # general questions only fill up to the minimum of two
        text = template.format(c=name) if name else template
        if text in out or text.lower() == question.text.lower():
            continue
        if _answerable(index, text, intent, tags):
            out.append(text)
        if len(out) >= limit:
            break
    return tuple(out)
