"""A cancer treatment the question places in the past, with its end stated (wave 7).

"Her platelets were 22 in 2023 during chemotherapy; treatment finished in early 2024 and
today's count is 240": "during chemotherapy" names a course that is over. A chemotherapy word
(``cancer: on_treatment`` or a chemotherapy class, medicine or regimen read as current) becomes
a cancer history (``on_treatment`` -> ``history``; a medicine ``past``) when its own clause
dates it to an earlier year ("in 2023", "last year", "years ago") or the question says the
treatment has ended ("treatment finished", "chemo completed", "finished her chemo", "all
done in March"), and nothing says it goes on now ("currently", "still on", "ongoing", "next
cycle", "another cycle", "restarted").

Clinic policy, from the screen's own rules: they ask for chemotherapy under way or recent
(the neutropenia and thrombocytopenia cautions); a course that has ended is a cancer history,
which the screen still reads (the history-of-cancer red flags). A stated end in the current
year keeps the treatment as recent: counts can take weeks to recover."""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Sequence
from typing import Any

from acupath.answer.text import sentence_around

_CHEMO = frozenset({"chemotherapy", "neurotoxic_chemotherapy"})
_ENDED = re.compile(
    r"\b(?:treatment|chemo\w*|course|cycles?|it)\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+|"
    r"is\s+|got\s+)?(?:all\s+)?(?:finished|completed|ended|stopped|over|done)\b"
    r"|\b(?:finished|completed|ended|stopped)\s+(?:(?:her|his|my|their|the|all)\s+)*"
    r"(?:treatment|chemo\w*|course)\b"
)
_ENDED_WHEN = re.compile(
    r"\b((?:19|20)\d\d)\b|\blast year\b|\byears? ago\b"
    # wave 9 (probe 9, "the chemo i finished in june"): a month named with a past end
    r"|\bin\s+(january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b"
    # wave 18 (h15038 "Finished chemo in the spring"): a season, read as its last month (spring
    # May, summer August, autumn November); not winter, which may be the season now
    r"|\b(?:in|last|during)\s+(?:the\s+)?(spring|summer|autumn|fall)\b"
    # wave 23 (h22043 "chemo finished at Easter"): a holiday, read as the last month it can
    # fall in: Easter April (Easter Sunday falls from 22 March to 25 April, internetdict.com
    # "Who Decides When Easter is?"), Christmas December, the New Year January, Halloween October
    r"|\b(?:at|over|around|before|after|by|last)\s+(?:the\s+)?(easter|christmas|xmas|"
    r"new year|halloween)\b"
)
_HOLIDAY_END = {"easter": 4, "christmas": 12, "xmas": 12, "new year": 1, "halloween": 10}
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_TREATED_YEAR = re.compile(
    # wave 23b (h23080 "Hodgkin lymphoma treated 2009 (ABVD + mantle RT), in remission since"):
    # a cancer "treated" in a year, its course named in the same sentence, is a course of that
    # year; an earlier year ends it as _ENDED_WHEN does
    r"\b(?:treated|tx|rx)\s+(?:in\s+|with\s+\w+\s+in\s+|back in\s+)?((?:19|20)\d\d)\b"
)
_ENDED_BARE = re.compile(r"\b(?:finished|completed|ended|done)\b")
"""Wave 8: an end word with no subject in the chemotherapy word's own sentence ("Previously on
chemo (finished 2 years ago ...)", "was on chemo, finished 3 years ago"): it ends that course
when a time in an earlier year follows it."""
_GOES_ON = re.compile(
    r"\b(?:currently|still on|still having|ongoing|next cycle|another cycle|restart\w*|"
    r"started again|back on|on chemo now|having chemo now|mid[\s-]?cycle|nadir)\b"
)


def _earlier_year(text: str, year: int) -> bool:
    """Whether ``text`` dates an end to a year before ``year`` ("in 2023", "last year"), or
    to a month whose end lies more than one chemotherapy window back (wave 9: "finished in
    June", asked in December; the month is the last one of that name, this year or last). A
    month within the window ("finished in November", asked on 4 December) stays recent: counts
    can take weeks to recover (timing.yaml ``windows_days: chemotherapy``)."""
    for m in _ENDED_WHEN.finditer(text):
        if m.group(4):
            if m.group(0).startswith("last") or _month_long_past(_HOLIDAY_END[m.group(4)], year):
                return True
            continue
        if m.group(3):
            if m.group(0).startswith("last") or _month_long_past(_SEASON_END[m.group(3)], year):
                return True
            continue
        if m.group(2):
            if _month_long_past(_MONTHS.index(m.group(2)) + 1, year):
                return True
            continue
        if not m.group(1) or int(m.group(1)) < year:
            return True
    return False


def _month_long_past(month: int, year: int) -> bool:
    from acupath.answer.timing import window_days

    today = datetime.date.today()
    if today.year != year:
        return False
    y = year if month <= today.month else year - 1
    nxt = datetime.date(y + month // 12, month % 12 + 1, 1)
    last_day = nxt - datetime.timedelta(days=1)
    return (today - last_day).days > window_days(["chemotherapy"])


def finished_treatments(mentions: Sequence[Any], folded: str, past: str) -> list[Any]:
    """``mentions`` with each chemotherapy word that names an ended course made a history."""
    if _GOES_ON.search(folded):
        return list(mentions)
    year = datetime.date.today().year
    ended = _ENDED.search(folded)
    ended_earlier = bool(ended) and _earlier_year(
        folded[ended.start() : ended.end() + 30] if ended else "", year
    )
    out = []
    for m in mentions:
        chemo_word = m.kind == "cancer" and m.value == "on_treatment" and "chemo" in m.words.lower()
        chemo_drug = m.status == "current" and (
            (m.kind == "class" and m.value in _CHEMO)
            or (m.kind in ("medicine", "regimen") and set(m.detail.get("classes", ())) & _CHEMO)
        )
        if (chemo_word or chemo_drug) and not m.negated:
            lo, hi = sentence_around(folded, m.start, m.end)
            clause = folded[lo:hi]
            bare = _ENDED_BARE.search(clause)
            bare_earlier = bare is not None and _earlier_year(
                clause[bare.end() : bare.end() + 30], year
            )
            treated = _TREATED_YEAR.search(clause)
            treated_earlier = treated is not None and int(treated.group(1)) < year
            if (
                ended_earlier
                or (ended and _earlier_year(clause, year))
                or bare_earlier
                or treated_earlier
            ):
                detail = {**m.detail, "timing": "a course the question says has ended"}
                if chemo_word:
                    m = dataclasses.replace(m, value="history", detail=detail)
                else:
                    m = dataclasses.replace(m, status=past, detail=detail)
        out.append(m)
    return out


_NEUTROPENIA = re.compile(r"neutropeni\w*")
_EARLIER_STATE = re.compile(
    r"\b(?:previously|formerly|used to be|was|were|had|history of|h/o|during (?:her |his |my )?"
    r"(?:chemo\w*|treatment)|in (?:19|20)\d\d|last year|years ago|"
    # wave 19 (h17093 "Neutropenic (ANC 0.4) in October ..., ANC 3.2 on last week's count"): a
    # month or a season dates the neutropenia before the count given now
    r"(?:in|back in|during) (?:the )?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|fall))\b|\((?:19|20)\d\d\)"
)


def earlier_neutropenia(mentions: Sequence[Any], folded: str, past: str) -> list[Any]:
    """``mentions`` with a neutropenia said of an earlier time made past when the question
    gives the neutrophil count now (wave 8, probe 8 "Previously neutropenic during chemo
    (2023), ANC now 3.8"): the count given decides, and the screen reads it (a low one is
    deferred or modified by its own ANC rules). Without a count, or without a word of an
    earlier time in its sentence, the neutropenia stands (the cautious reading). Clinic
    policy: the number is the more exact fact."""
    counts = [
        m
        for m in mentions
        if m.kind == "lab" and m.detail.get("lab") == "anc" and not m.negated and m.current
    ]
    out = []
    for m in mentions:
        if (
            m.kind == "red_flag"
            and m.value == "immunosuppression"
            and not m.negated
            and m.status == "current"
            and _NEUTROPENIA.search(m.words.lower())
            and any(c.start > m.end for c in counts)
        ):
            # a decimal point ends no sentence ("(ANC 0.4) in October"; text.sentence_around)
            lo, hi = sentence_around(folded, m.start, m.end)
            before = folded[lo : m.start]
            after = folded[m.end : min(hi, m.end + 40)]
            if _EARLIER_STATE.search(before[-30:]) or _EARLIER_STATE.search(after):
                detail = {
                    **m.detail,
                    "timing": "an earlier neutropenia: the count given now decides",
                }
                m = dataclasses.replace(m, status=past, detail=detail)
        out.append(m)
    return out


_DATED = re.compile(
    r"^\s*(?:[,(\-–]\s*)?(?:(?:dx|diagnosed|diagnosis|treated|operated|in)\s+)?"
    r"(?:[a-z]{3,9}\s+)?((?:19|20)\d\d)\b"
)
"""A year right after a cancer's name: "Breast cancer 2020", "prostate ca (2018)", "bowel
cancer, dx 2019", "breast cancer in March 2021"."""
_RESEARCH = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|reviews?|guidelines?|cohorts?|meta-?analys[ie]s|surveys?|"
    r"papers?|published|patients|survivors|women with|men with|people with)\b"
)


def dated_cancers(mentions: Sequence[Any], folded: str) -> list[Any]:
    """``mentions`` with a cancer named with the year of its diagnosis made a cancer history
    (wave 9): "Low back pain for 3 months. Breast cancer 2020." describes a patient whose
    cancer is in the past, which the screen reads with spinal pain (history_of_cancer). Not in
    a clause about research or a population ("breast cancer 2019 guideline", "women with breast
    cancer (2020 trial)"), and not for a year still to come."""
    year = datetime.date.today().year
    out = []
    for m in mentions:
        if m.kind == "cancer" and m.value == "any" and not m.negated and m.current:
            match = _DATED.match(folded[m.end : m.end + 30])
            lo, hi = sentence_around(folded, m.start, m.end)
            if (
                match is not None
                and int(match.group(1)) <= year
                and not _RESEARCH.search(folded[lo:hi])
            ):
                detail = {**m.detail, "timing": f"a cancer dated {match.group(1)}"}
                m = dataclasses.replace(m, value="history", detail=detail)
        out.append(m)
    return out
