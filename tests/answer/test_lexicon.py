"""The patient words, names and red-flag urgencies refer only to things the knowledge base has."""

from __future__ import annotations

from acupath.answer.lexicon import check_lexicon, red_flag_urgencies
from acupath.care.medications import bundled_formulary
from acupath.care.vocabulary import RED_FLAGS
from acupath.evidence.loader import bundled_base


def test_lexicon_references_resolve() -> None:
    base = bundled_base()
    problems = check_lexicon(
        source_ids=set(base.sources),
        condition_ids=set(base.conditions),
        drug_classes=set(bundled_formulary().classes),
        red_flags=set(RED_FLAGS),
    )
    assert problems == []


def test_every_red_flag_the_answer_reads_has_an_urgency() -> None:
    from acupath.answer.lexicon import patient_words

    table = red_flag_urgencies()
    # a flag the screen adds later without an entry here falls back to "soon" (safety._urgency)
    assert set(patient_words().red_flags) <= set(table)
    assert {"emergency", "urgent", "soon"} <= {e.urgency for e in table.values()}
