"""``contains_phrase`` finds exactly the start positions a plain scan finds (its fast path)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from acupath.answer.text import PhraseTable, contains_phrase

TOKENS = st.sampled_from(["back", "pain", "low", "chronic", "neck"])


def plain_scan(haystack: list[str], phrase: list[str]) -> list[int]:
    n = len(phrase)
    if n == 0:
        return []
    return [i for i in range(len(haystack) - n + 1) if haystack[i : i + n] == phrase]


@given(st.lists(TOKENS, max_size=14), st.lists(TOKENS, max_size=4))
def test_same_positions_as_a_plain_scan(haystack: list[str], phrase: list[str]) -> None:
    expected = plain_scan(haystack, phrase)
    assert contains_phrase(haystack, phrase) == expected
    assert contains_phrase(tuple(haystack), tuple(phrase)) == expected


@given(
    st.lists(TOKENS, max_size=14),
    st.lists(st.lists(TOKENS, max_size=3), max_size=8),
)
def test_phrase_table_finds_what_a_loop_over_the_table_finds(
    haystack: list[str], phrases: list[list[str]]
) -> None:
    table = PhraseTable((p, n) for n, p in enumerate(phrases))
    expected = [
        (start, tuple(p), n)
        for n, p in enumerate(phrases)
        for start in contains_phrase(haystack, p)
    ]
    assert table.find(haystack) == expected
