"""Studies cited by first author and year in a question: "Zheng 2022", "Vickers et al. (2018)",
"the Bäumler 2021 review", "Llurda-Almuzara 2021".

A clinician names a paper the way a reference list does. Each source record of the evidence base
carries its authors (surname first) and year, so the first author's surname with the year
identifies the source; the answer then shows what that source's records found, as it does for a
named trial (``names.yaml`` ``trials``). A surname that matches several sources of one year
names them all; a surname or a year alone names nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from acupath.memo import per_object

_CITATION = re.compile(
    r"\b([a-z][a-z'’-]{1,30})(?:\s+et\s+al\.?|\s+and\s+colleagues|\s+and\s+[a-z][a-z'’-]+)?"
    r"\s*,?\s*\(?((?:19|20)\d\d)\)?(?![\d/])"
)


_NOT_SURNAMES = frozenset(
    [
        "in",
        "on",
        "at",
        "of",
        "from",
        "since",
        "by",
        "until",
        "till",
        "after",
        "before",
        "during",
        "the",
        "and",
        "to",
        "for",
        "year",
        "years",
        "summer",
        "winter",
        "spring",
        "autumn",
        "fall",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "back",
        "early",
        "late",
        "mid",
        "born",
        "died",
        "started",
        "stopped",
        "diagnosed",
        "surgery",
        "op",
        "operation",
    ]
)


def _fold(text: str) -> str:
    """Lower case without accents ("Bäumler" -> "baumler"), same length as the input's letters."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


@dataclass(frozen=True)
class CitedStudy:
    words: str
    sources: tuple[str, ...]
    conditions: tuple[str, ...]
    start: int
    end: int
    """Where the citation stands in the text (when folding kept the text's length)."""


_TABLES: dict[int, tuple[Any, Any]] = {}


def _table(base: Any) -> dict[tuple[str, int], tuple[str, ...]]:
    """(first author's folded surname, year) -> source ids, for one evidence base (built once
    per base object)."""
    return per_object(_TABLES, base, lambda: _build(base))


def _build(base: Any) -> dict[tuple[str, int], tuple[str, ...]]:
    out: dict[tuple[str, int], list[str]] = {}
    for sid, source in base.sources.items():
        first = str(source.authors).split(",")[0].strip()
        surname = first.rsplit(" ", 1)[0] if " " in first else first
        # "Llurda-Almuzara A" -> "llurda-almuzara"; also keyed by its first part ("Llurda")
        keys = {_fold(surname)}
        keys.add(_fold(surname).split("-")[0])
        for key in keys:
            out.setdefault((key, int(source.year)), []).append(sid)
    return {k: tuple(v) for k, v in out.items()}


def _conditions(base: Any, sources: tuple[str, ...]) -> tuple[str, ...]:
    found = [f.condition for f in base.findings.values() if f.source in sources and f.condition]
    return tuple(dict.fromkeys(found))


_LOOSE = re.compile(
    r"(?=\b([a-z][a-z'’-]{1,30})(?:'s|’s|,)?((?:\s+[a-z-]{2,20}){1,3}?)\s*,?\s*\(?((?:19|20)\d\d)"
    r"\)?(?![\d/]))"
)
"""A surname, up to three words, then a year: "Vickers IPD 2018", "the Bäumler review
(2021)", "Foster, BMJ 2007" (a journal after a comma, wave 9)."""
_STUDY_NOUNS = (
    r"(?:et\s+al|review|systematic\s+review|meta-?\s?analysis|ipd|individual\s+patient|trial|"
    r"rct|study|paper|cohort|survey|group|analysis|data)"
)
_SURNAME_ONLY = re.compile(
    rf"(?=\b([a-z][a-z'’-]{{2,30}})((?:'s|’s|')?\s+(?:[a-z-]+\s+)?{_STUDY_NOUNS})\b)"
)
"""A surname named with a study noun and no year: "the Bäumler review", "Vickers et al"."""
_SURNAME_CUED = re.compile(
    r"\b(?:[Ff]rom|[Bb]y|[Aa]ccording\s+to|[Pp]er)\s+([A-Z][a-zA-Z\u00C0-\u017F'’-]{2,30})\b"
    r"(?!\s*(?:\d|['’]s\s+(?:disease|syndrome|palsy)))"
)
"""A capitalised surname after a word of authorship, with no study noun and no year ("saw
something from Xiang", "a paper by Hinman", "according to Vickers", wave 17, p12149): it names
the sources whose first author it is; a word that is no first author of the base names
nothing."""
MAX_AMBIGUOUS = 3
"""A surname without a year that names more sources than this names none (too vague)."""


_SURNAMES: dict[int, tuple[Any, Any]] = {}


def _by_surname(base: Any) -> dict[str, tuple[str, ...]]:
    """Folded first-author surname -> its sources, whatever the year (built once per base)."""

    def build() -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for (name, _), sids in _table(base).items():
            out.setdefault(name, []).extend(sids)
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}

    return per_object(_SURNAMES, base, build)


def _possessive(name: str) -> str:
    """A surname without its possessive ending ("Cherkin's 2009 trial" is Cherkin 2009, wave
    18, h15105; "Haake’s 2007" likewise)."""
    name = name.replace("’", "'")
    return name[:-2] if name.endswith("'s") and len(name) > 4 else name.rstrip("'")


def find_cited(text: str, base: Any) -> list[CitedStudy]:
    """Sources of ``base`` that ``text`` cites by first author and year, by a surname, a few
    words and a year ("Vickers IPD 2018"), or by a surname with a study noun and no year ("the
    Bäumler review"). A surname without a year that several sources share names them all (up
    to :data:`MAX_AMBIGUOUS`; the answer then shows each), never a guess among them."""
    if base is None:
        return []
    table = _table(base)
    folded = _fold(text)
    out: list[CitedStudy] = []
    taken: list[tuple[int, int]] = []

    def add(name: str, sources: tuple[str, ...] | None, start: int, end: int, raw: str) -> None:
        if not sources or any(a <= start < b for a, b in taken):
            return
        span = (start, end) if len(folded) == len(text) else (0, 0)
        words = text[span[0] : span[1]] if span[1] else raw
        out.append(CitedStudy(words, sources, _conditions(base, sources), *span))
        taken.append((start, end))

    for m in _CITATION.finditer(folded):
        name = _possessive(m.group(1))
        if name in _NOT_SURNAMES:
            continue
        add(name, table.get((name, int(m.group(2)))), m.start(), m.end(), m.group(0))
    for m in _LOOSE.finditer(folded):
        name = _possessive(m.group(1))
        if name in _NOT_SURNAMES:
            continue
        end = m.start() + len(m.group(1)) + len(m.group(2))
        end = folded.find(m.group(3), end) + 4
        add(name, table.get((name, int(m.group(3)))), m.start(), end, folded[m.start() : end])
    surnames = _by_surname(base)
    for m in _SURNAME_ONLY.finditer(folded):
        name = _possessive(m.group(1))
        if name in _NOT_SURNAMES:
            continue
        sources = surnames.get(name)
        if (
            sources
            and len(sources) > 1
            and _SIZED.search(folded[max(0, m.start() - 40) : m.start()])
        ):
            sources = _largest(base, sources)
        if sources and len(sources) > 1:
            # wave 23 (h22122: "The Vickers individual patient data meta-analysis update"):
            # the design named after the surname keeps the sources of that design, and an
            # edition word ("update", "the original") one of them
            after = m.start() + len(m.group(1))
            sources = _of_design(base, sources, folded[after : after + 60])
            # a year after the design names its edition ("the Vickers IPD meta-analysis of 2012")
            years = {int(y) for y in _YEAR.findall(folded[after : after + 60])}
            dated = tuple(s for s in sources if int(base.sources[s].year) in years)
            sources = dated or _editions(base, sources, folded)
        if sources and len(sources) <= MAX_AMBIGUOUS:
            end = m.start() + len(m.group(1)) + len(m.group(2))
            add(name, sources, m.start(), end, folded[m.start() : end])
    for design in _DESIGNS:
        for m in design[0].finditer(folded):
            if any(m.start() - 12 <= b <= m.start() for _, b in taken):
                continue  # "Park 2014 systematic review": the author and year name it already
            found = _by_design(base, folded, m, design[1])
            if found:
                add("", found, m.start(), m.end(), m.group(0))
    if len(folded) == len(text):
        for m in _SURNAME_CUED.finditer(text):
            name = _fold(m.group(1)).replace("’", "'")
            sources = surnames.get(name)
            if name in _NOT_SURNAMES or not sources:
                continue
            if len(sources) > 1 and _SIZED_ANYWHERE.search(folded):
                sources = _edition(base, sources, _largest(base, sources), folded)
            if len(sources) <= MAX_AMBIGUOUS:
                add(name, sources, m.start(1), m.end(1), m.group(1))
    return out


_DESIGNS = (
    (
        re.compile(
            r"\b(?:individual[\s-]+patient(?:[\s-]+data)?|ipd|patient[\s-]+level(?:[\s-]+data)?)"
            r"(?:[\s-]+(?:meta[\s-]?analys[ie]s|analys[ie]s|review|pool))?\b"
        ),
        ("ipd_meta_analysis",),
    ),
    (
        re.compile(r"\b(?:meta[\s-]?analys[ie]s|pooled\s+analys[ie]s|systematic\s+review)\b"),
        ("meta_analysis", "ipd_meta_analysis", "systematic_review"),
    ),
)
"""A study named by its design, as a source record's ``kind`` gives it (wave 19, p13126 "the
Vickers individual-patient-data meta-analysis of 2012", h17142 "the updated 2018 individual
patient data meta-analysis"): with the study's year next to it, it names the sources of that
kind and year."""
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s+(?:[a-z'’-]+\s+){0,2}$")
"""The year just before the design ("the 2018 individual patient data meta-analysis", "the
2012 updated IPD analysis")."""
_YEAR_AFTER = re.compile(
    r"^(?:\s*,)?\s*(?:\(\s*|(?:of|from|in|published\s+in|done\s+in|run\s+in)\s+)"
    r"((?:19|20)\d\d)\b(?![/-]\d)"
)
"""The year just after the design ("meta-analysis of 2012", "published in 2018", "(2012)")."""
_SURNAME_BEFORE = re.compile(r"\b([a-z][a-z'’-]{2,30})\s+(?:[a-z'’-]+\s+){0,2}$")


def _by_design(base: Any, folded: str, m: re.Match[str], kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The sources of ``kinds`` whose year stands next to the design ``m`` names; of several, a
    first author named just before the design keeps its own. More than
    :data:`MAX_AMBIGUOUS` (or none) names none: a design alone names no study."""
    head = folded[max(0, m.start() - 60) : m.start()]
    before = _YEAR_BEFORE.search(head)
    after = _YEAR_AFTER.match(folded[m.end() :])
    years = {int(y.group(1)) for y in (before, after) if y}
    if not years:
        return ()
    found = tuple(
        sid
        for sid, source in base.sources.items()
        if str(getattr(source, "kind", "")) in kinds and int(source.year) in years
    )
    if len(found) > 1:
        named = _SURNAME_BEFORE.search(head)
        if named:
            surname = _possessive(named.group(1))
            mine = tuple(s for s in found if s in _by_surname(base).get(surname, ()))
            found = mine or found
    return found if len(found) <= MAX_AMBIGUOUS else ()


_SIZED_ANYWHERE = re.compile(
    r"\b(?:huge|largest|biggest|massive|giant|enormous|mega)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:review|analysis|meta-?analysis|study|trial|cohort|survey|data\s*(?:set|pool|base))"
)
"""A study called the largest anywhere in the question ("that huge pooled analysis ... from
Vickers"): of a surname's several sources, the largest (wave 17, h14129)."""
_SIZED = re.compile(
    r"\b(?:huge|large|larger|largest|big|bigger|biggest|massive|giant|enormous|mega)\s+$"
)
"""A size word just before a surname ("the huge Vickers study"): of the sources that surname
names, the one with the most participants (wave 10, held-out part 9 h9169)."""


_FIRST_EDITION = re.compile(
    r"\b(?:first|original|earlier|earliest|older|initial)\s+(?:version|edition|analysis|one|"
    r"publication|paper|report)\b"
)


def _edition(
    base: Any, sources: tuple[str, ...], largest: tuple[str, ...], folded: str
) -> tuple[str, ...]:
    """The largest source, or its first edition when the question asks for it ("how many
    patients did the first version include?", wave 17, h14129): the earliest source of the
    same kind (an individual patient data meta-analysis and its update)."""
    if len(largest) != 1 or not _FIRST_EDITION.search(folded):
        return largest
    kind = getattr(base.sources.get(largest[0]), "kind", None)
    same = [sid for sid in sources if getattr(base.sources.get(sid), "kind", None) == kind]
    return (min(same, key=lambda sid: int(base.sources[sid].year)),) if same else largest


_LATEST_EDITION = re.compile(
    r"\b(?:update|updated|updating|latest|newest|most\s+recent|newer|later\s+(?:version|edition|"
    r"analysis|one|publication|paper|report))\b"
)
"""An update asked for ("the Vickers IPD update", "the updated meta-analysis", "the latest
one"): of a first author's sources of one design, the most recent."""
_NEAR_DESIGNS = (
    (
        re.compile(r"^\W*(?:[a-z'’-]+\s+)?review\b"),
        ("meta_analysis", "ipd_meta_analysis", "systematic_review"),
    ),
)
"""A review named right after the surname ("the Vickers review"); "trial" narrows nothing (a
lay "the Smith trial" may mean a review: both stay, wave 6)."""
_FIRST_NAMED = re.compile(
    r"\b(?:original|earlier|earliest|initial|first)\s+(?:[a-z'’-]+\s+){0,3}?(?:version|edition|"
    r"analysis|meta-?analysis|ipd|review|one|publication|paper|report|study|trial)\b"
)
"""The first edition named with its design ("the original Vickers IPD meta-analysis")."""


def _of_design(base: Any, sources: tuple[str, ...], after: str) -> tuple[str, ...]:
    """Of ``sources``, those of the design the words ``after`` the surname name (an individual
    patient data meta-analysis, a review or meta-analysis, a trial: the source record's
    ``kind``), or all of them when none is of it or no design is named."""
    for pattern, kinds in (*_DESIGNS, *_NEAR_DESIGNS):
        if pattern.search(after[:40]):
            same = tuple(s for s in sources if str(getattr(base.sources[s], "kind", "")) in kinds)
            return same or sources
    return sources


def _editions(base: Any, sources: tuple[str, ...], folded: str) -> tuple[str, ...]:
    """Of ``sources`` all of one design, the first edition or the update when the question asks
    for one (:data:`_FIRST_EDITION`, :data:`_LATEST_EDITION`); all of them otherwise."""
    kinds = {getattr(base.sources[s], "kind", None) for s in sources}
    if len(sources) < 2 or len(kinds) != 1:
        return sources
    year = {s: int(base.sources[s].year) for s in sources}
    if _FIRST_EDITION.search(folded) or _FIRST_NAMED.search(folded):
        return (min(sources, key=lambda s: year[s]),)
    if _LATEST_EDITION.search(folded):
        return (max(sources, key=lambda s: year[s]),)
    return sources


def _largest(base: Any, sources: tuple[str, ...]) -> tuple[str, ...]:
    """The source of ``sources`` whose findings counted the most participants, or all of them
    when none counted any."""
    size = {sid: 0 for sid in sources}
    for f in base.findings.values():
        if f.source in size and f.n_participants:
            size[f.source] = max(size[f.source], f.n_participants)
    best = max(size.values())
    return (max(size, key=lambda k: size[k]),) if best else sources


# -- a study named by description ("the Swedish labour study", "the APEX trial", "the large
# cohort of women needled at the forbidden points") ----------------------------------------------

_STUDY_NOUN = re.compile(
    r"\b(trial|rct|study|cohort|survey|experiment|data\s+pool|pooled\s+analysis)\b(?!\s*s\b)",
    re.IGNORECASE,
)
"""One study named by its noun (a plural names a body of evidence, not one study)."""
_POOL_NOUN = re.compile(r"pool", re.IGNORECASE)
"""A pool of the trials' data in lay words: an individual patient data meta-analysis (wave 15,
h12153: "that huge acupuncture data pool in 2018" is Vickers 2018, the update of the
Acupuncture Trialists' Collaboration's individual patient data meta-analysis)."""
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_AFTER_YEAR = re.compile(
    r"^\s+(?:from|in|of|published\s+in|done\s+in|run\s+in)\s+((?:19|20)\d\d)\b(?![/-]\d)",
    re.IGNORECASE,
)
"""The year after the noun ("a German knee arthritis study from 2005", "the data pool in 2018"):
the study's year, as its source record gives it."""
_STUDY_COUNTRIES = {
    # wave 15 (h12169): "a UK trial" - setting "United Kingdom" in the ONS evidence summary of
    # Molassiotis 2012 (the source record's copies); the record itself names no country
    "molassiotis2012": "UK",
    # wave 15 (h12188): "an Australian trial" - "four tertiary hospitals in Melbourne" in the
    # abstract of Cohen 2017 (Med J Aust 206(11):494-499, read in the MJA copy)
    "cohen2017_ed": "Australia",
}
"""Countries of studies whose records name none (a source record has no country field; the lead
may move these to data/sources). Checked against the stored copies named."""
_BEFORE = re.compile(
    r"(?:^|[.,;:!?()]|\b(?:the|that|this|a|an)\b)\s*((?:(?!(?:the|that|this|a|an)\s)[\w'’-]+\s+){0,4})$",
    re.IGNORECASE,
)
"""Up to four words before the noun, after a determiner or the start of a clause."""
_DEFINITE = re.compile(r"\b(?:the|that|this)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
_AFTER = re.compile(
    r"^\s+(?:of|on|in|with|at|among|where|that|which)\s+"
    r"((?:(?!\s[-–—]\s(?!the\s+one\b))[^.,;:!?()]){1,90})"
)
"""Words after the noun that describe it ("of women needled at the forbidden points"), up to a
dash that starts the question ("a German study of knee osteoarthritis - how big was the
effect?"); "- the one where fake needles did almost as well" still describes it."""
_REPORTED = re.compile(
    r"\s+(?:found|finds|showed|shows|reported|reports|concluded|suggested|suggests|"
    r"demonstrated|proved|claims|claimed|says|said)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9-]{2,}\b")
_KIND_WORDS = {
    "rct": "trial rct randomised randomized",
    "cohort": "cohort study observational prospective",
    "survey": "survey study",
    "narrative_review": "review",
    "systematic_review": "review",
    "meta_analysis": "review",
}
MAX_DESCRIBED = 3
"""A description that more sources than this share names none (too vague)."""


@dataclass(frozen=True)
class _Described:
    words: dict[str, set[str]]
    """source id -> the stemmed words of its title, populations, summaries and kind."""
    idf: dict[str, float]
    conditions: frozenset[str]
    """Stemmed words of condition names and synonyms: a topic, not a particular study."""


_DESCRIBED: dict[int, tuple[Any, Any]] = {}


def _described_table(base: Any) -> _Described:
    def build() -> _Described:
        from math import log

        from acupath.answer import text as tx

        words: dict[str, set[str]] = {}
        for sid, source in base.sources.items():
            parts = [str(source.title), _KIND_WORDS.get(str(source.kind), "")]
            words[sid] = set(tx.tokens(" ".join(parts)))
        for f in base.findings.values():
            if f.source in words:
                text = f"{f.population} {f.summary} {f.comparator_detail or ''}"
                words[f.source] |= set(tx.tokens(text))
                # the condition in the words a question uses ("knee arthritis" for the
                # records' knee osteoarthritis, h12157)
                cond_rec = base.conditions.get(f.condition) if f.condition else None
                if cond_rec is not None:
                    names = [cond_rec.name, *cond_rec.synonyms]
                    names += list(getattr(cond_rec, "lay_terms", ()))
                    words[f.source] |= set(tx.tokens(" ".join(names)))
        for sid, place in _STUDY_COUNTRIES.items():
            if sid in words:
                words[sid] |= set(tx.tokens(place))
        # a record names the country ("(Tunisia)", "(UK)"), a question its adjective ("a
        # Tunisian emergency department study", probe 9 p9126): the source holds both
        adjectives = {
            tuple(tx.tokens(country)): set(tx.tokens(" ".join(adjs)))
            for country, adjs in _COUNTRY_ADJECTIVES.items()
        }
        for ws in words.values():
            for country, adjs in adjectives.items():
                if country and set(country) <= ws:
                    ws |= adjs
        df: dict[str, int] = {}
        for ws in words.values():
            for w in ws:
                df[w] = df.get(w, 0) + 1
        n = max(1, len(words))
        idf = {w: log(n / c) for w, c in df.items()}
        cond: set[str] = set()
        for c in base.conditions.values():
            for phrase in [c.name, *c.synonyms, *getattr(c, "lay_terms", ())]:
                cond |= set(tx.tokens(phrase))
        return _Described(words, idf, frozenset(cond))

    return per_object(_DESCRIBED, base, build)


def _wanted(described: str, generic: set[str]) -> list[str]:
    from acupath.answer import text as tx

    return [w for w in dict.fromkeys(tx.tokens(described)) if w not in generic and not w.isdigit()]


def _holding(base: Any, table: _Described, wanted: list[str], noun: str) -> list[str]:
    """The sources holding every ``wanted`` word; for a trial, randomised trials only (not a
    guideline or review that holds the words)."""
    holding = [sid for sid, ws in table.words.items() if all(w in ws for w in wanted)]
    if noun.lower() in ("trial", "rct", "experiment"):
        holding = [s for s in holding if getattr(base.sources[s], "kind", "") == "rct"]
    elif noun.lower() == "survey":
        # wave 15: "a UK survey of thousands of patients" (probe 7 p7133) is no systematic
        # review of case reports that holds the same words (zhang2010)
        holding = [s for s in holding if getattr(base.sources[s], "kind", "") in _SURVEY_KINDS]
    elif _POOL_NOUN.search(noun):
        holding = [
            s for s in holding if getattr(base.sources[s], "kind", "") == "ipd_meta_analysis"
        ]
    return holding


def _by_question(
    text: str, holding: list[str], table: _Described, wanted: list[str], generic: set[str]
) -> list[str]:
    """The one source of ``holding`` whose records hold more of the question's other words
    (weighted by rarity) than any other; all of them when none stands out."""
    from acupath.answer import text as tx

    rest = {w for w in tx.tokens(text) if w not in generic and w not in wanted}
    score = {s: sum(table.idf.get(w, 0.0) for w in rest if w in table.words[s]) for s in holding}
    ranked = sorted(holding, key=lambda s: -score[s])
    if score[ranked[0]] > 0 and score[ranked[0]] > score[ranked[1]]:
        return ranked[:1]
    return holding


_SURVEY_KINDS = ("survey", "cohort")
"""Source kinds a question's "survey" names (the prospective surveys of practitioners or
patients are stored as surveys or cohorts)."""


def _country_words() -> set[str]:
    """The stemmed words of every country and country adjective (:data:`_COUNTRY_ADJECTIVES`)."""
    from acupath.answer import text as tx

    out: set[str] = set()
    for country, adjs in _COUNTRY_ADJECTIVES.items():
        out |= set(tx.tokens(" ".join([country, *adjs])))
    return out


def _arms(base: Any, source: str) -> set[str]:
    """The comparators of ``source``'s findings (its trial arms, as the schema names them), and
    the comparators whose words describe what an arm gave (wave 18, h15103: GERAC's
    "guideline-based conventional therapy arm (drugs, physical therapy, exercise)" is an arm
    of drugs too, so "real needles, fake needles and physio-and-pills treatment" names it), as
    the details of its results within one arm say."""
    from acupath.answer import text as tx
    from acupath.answer.vocabulary import vocabulary

    findings = [f for f in base.findings.values() if f.source == source]
    arms = {str(f.comparator) for f in findings}
    # only a result within one arm (a mean or a proportion) describes that arm alone; a
    # comparison's detail may speak of another trial's arms ("waiting list in ART")
    details = [
        tx.tokens(str(f.comparator_detail or ""))
        for f in findings
        if f.measure in ("mean", "proportion")
    ]
    for comparator, phrases in vocabulary().comparators.items():
        for phrase in phrases:
            words = tx.tokens(phrase)
            n = len(words)
            if words and any(d[i : i + n] == words for d in details for i in range(len(d) - n + 1)):
                arms.add(comparator)
                break
    return arms


_COUNTRY_ADJECTIVES = {
    "Tunisia": ["Tunisian"],
    "Taiwan": ["Taiwanese"],
    "France": ["French"],
    # wave 20 (h18124 "that big NHS GP acupuncture trial"): a country's national health service
    # names the country ("an NHS trial" is a UK trial, as "a British trial" is)
    "UK": ["British", "English", "UK", "NHS"],
    # wave 19 (h17143): a record names the nation of the UK where a trial ran ("general
    # practices in England and Wales", Vickers 2004), a question the UK
    "England": ["English", "British", "UK", "NHS"],
    "Wales": ["Welsh", "British", "UK", "NHS"],
    "Scotland": ["Scottish", "British", "UK", "NHS"],
    "Northern Ireland": ["Northern Irish", "British", "UK", "NHS"],
    "Germany": ["German"],
    "China": ["Chinese"],
    "Hong Kong": ["Hong Kong"],
    "Sweden": ["Swedish"],
    "Denmark": ["Danish"],
    "Norway": ["Norwegian"],
    "Spain": ["Spanish"],
    "Italy": ["Italian"],
    "Australia": ["Australian"],
    "Korea": ["Korean"],
    "Japan": ["Japanese"],
    "Brazil": ["Brazilian"],
    "Iran": ["Iranian"],
    "Turkey": ["Turkish"],
    "Israel": ["Israeli"],
    "Canada": ["Canadian"],
    "Netherlands": ["Dutch"],
    "Czech Republic": ["Czech"],
    "USA": ["American", "US"],
}
"""A country as records name it and the adjectives questions use for it (English usage)."""


_GENERIC_WORDS = """large big huge small tiny recent new latest old famous landmark major well
    known called so-called one first second last main original same other published randomised
    randomized controlled clinical pilot acupuncture needle needling needled real sham people
    patient participant subject adult group arm result finding data proper good trial study
    pool pooled analysis fake pretend placebo dummy ones work worked effect find show
    sufferer sufferers got get gets given received receive practice practices
    over two three four five six seven eight nine ten
    twenty fifty hundred hundreds thousand thousands million millions"""
"""Words that describe any study (its size, fame, design, that it tested acupuncture; a sham arm
in lay words, "fake needles", as "sham" is: h12154; its size in words, "of over two hundred
thousand": wave 17, h14125; who took part and how they got it, "headache sufferers got
acupuncture from their GP practice": wave 19, h17143)."""
_ABBREVIATIONS = (
    (re.compile(r"\b(?:ED|ER|A\s*&\s*E|A\s+and\s+E)(?![\w&])"), "emergency department"),
    # wave 20 (h18124 "that big NHS GP acupuncture trial"): the family doctor as the records
    # spell it ("usual general practitioner care", Vickers 2004)
    (re.compile(r"\bGPs?\b", re.IGNORECASE), "general practitioner"),
)
"""Abbreviations a study's description uses that its records spell out ("the Australian ED
trial", wave 17, h14156): each is read as the words the records hold."""


def find_described(
    text: str,
    base: Any,
    skip: Sequence[tuple[int, int]] = (),
    comparators: Sequence[str] = (),
    conditions: Sequence[str] = (),
) -> list[CitedStudy]:
    """Sources of ``base`` that ``text`` names by describing one study: the study noun (trial,
    RCT, study, cohort, survey) with words before it after "the/that/this" ("the Swedish labour
    study") or an acronym ("APEX trial"), and words after it ("the cohort of women needled at
    the forbidden points"). The source is the one whose title, populations and summaries hold
    every describing word; the description must hold a word that is no condition's (a place, a
    name, a feature: "Swedish", "APEX", "forbidden"), and at most :data:`MAX_DESCRIBED`
    sources may hold it all. A topic alone ("the knee trial") or a plural ("the trials") names
    nothing. When several sources hold the description, the ``comparators`` the question names
    (its arms: "real needles, fake needles and normal doctor treatment") keep those whose
    findings have every one of them, if any has."""
    if base is None:
        return []
    from acupath.answer import text as tx

    table = _described_table(base)
    out: list[CitedStudy] = []
    for m in _STUDY_NOUN.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        head = text[: m.start()]
        before = _BEFORE.search(head[-80:])
        words_before = before.group(1) if before else ""
        acronym = bool(_ACRONYM.search(words_before))
        definite = bool(_DEFINITE.search(head[-80:]))
        # "a Tunisian emergency department study found ...": one study, by what it reported
        reported = bool(_REPORTED.match(text[m.end() :]))
        rest = text[m.end() :]
        # wave 15 (h12157, h12153): the year after the noun ("from 2005", "in 2018") or before
        # it ("the 2005 German knee trial") is the study's year
        year_after = _AFTER_YEAR.match(rest)
        skip_year = year_after.end() if year_after else 0
        years = {int(y) for y in _YEAR.findall(words_before)}
        if year_after:
            years.add(int(year_after.group(1)))
        after = _AFTER.match(rest[skip_year:])
        words_after = after.group(1) if after else ""
        described = f"{words_before} {words_after}"
        for short, spelt in _ABBREVIATIONS:
            described = short.sub(spelt, described)
        generic = set(tx.tokens(_GENERIC_WORDS))
        wanted = _wanted(described, generic)
        # wave 15 (h12157, h12169, h12188): "a German knee arthritis study from 2005", "an
        # Australian trial": with "a"/"an" a study is one study only when told by its year or
        # its country (a topic alone, "is there a trial on knee arthritis?", names none)
        told = bool(years) or bool(set(wanted) & _country_words())
        indefinite = bool(_INDEFINITE.search(head[-80:]))
        if not (definite or acronym or reported or (indefinite and told)):
            continue
        pool = bool(_POOL_NOUN.search(m.group(1)))
        # every describing word must be held: a word no source holds ("the Korean stroke
        # trial") says the study may not be in the base at all, so nothing is guessed. A data
        # pool is told by its year alone (few are held)
        if not any(w not in table.conditions for w in wanted) and not (pool and years):
            continue
        holding = _holding(base, table, wanted, m.group(1))
        if not holding and words_after and comparators:
            # "the German back pain trial with sham and usual care arms": words after the noun
            # that name arms are read as arms (below), not as words a record must hold
            wanted = [w for w in _wanted(words_before, generic) if w in wanted]
            if any(w not in table.conditions for w in wanted):
                holding = _holding(base, table, wanted, m.group(1))
        if years:
            holding = [s for s in holding if getattr(base.sources[s], "year", None) in years]
        if len(holding) > 1 and conditions:
            # wave 15 (h12169): "For tiredness after cancer treatment, was there a UK trial
            # with weekly acupuncture?" - of the UK trials with weekly sessions, the one in
            # the condition the question names
            by_condition = [s for s in holding if set(_conditions(base, (s,))) & set(conditions)]
            holding = by_condition or holding
        if len(holding) > MAX_DESCRIBED:
            # wave 15 (h12188): "In the emergency room, does acupuncture work as well as the
            # painkiller drugs? there was an Australian trial" - too many Australian trials,
            # but one whose records hold the rest of the question
            holding = _by_question(text, holding, table, wanted, generic)
        if not holding or len(holding) > MAX_DESCRIBED:
            continue
        if len(holding) > 1 and comparators:
            # wave 14 (p11137): two German back pain RCTs, GERAC (Haake 2007: verum, sham,
            # conventional care) and ART (Brinkhaus 2006: minimal acupuncture, waiting list),
            # told apart by the arms the question names; arms no source had narrow nothing
            by_arms = [s for s in holding if set(comparators) <= _arms(base, s)]
            holding = by_arms or holding
        start = m.start() - len(words_before)
        end = m.end() + skip_year + (after.end() if after else 0)
        sources = tuple(sorted(holding))
        out.append(
            CitedStudy(text[start:end].strip(), sources, _conditions(base, sources), start, end)
        )
    taken = [(c.start, c.end) for c in out]
    for m in _ACRONYM_REPORTING.finditer(text):
        if any(a <= m.start() < b for a, b in (*skip, *taken)):
            continue
        word = tx.tokens(m.group(1))
        holding = [
            sid
            for sid, ws in table.words.items()
            if word and word[0] in ws and getattr(base.sources[sid], "kind", "") not in _BODY_KINDS
        ]
        if holding and len(holding) <= MAX_DESCRIBED:
            sources = tuple(sorted(holding))
            out.append(
                CitedStudy(m.group(1), sources, _conditions(base, sources), m.start(), m.end(1))
            )
    return out


_ACRONYM_REPORTING = re.compile(
    r"\b([A-Z][A-Z0-9-]{2,})\s+(?:showed|shows|has\s+shown|found|finds|proved|proves|"
    r"demonstrated|demonstrates|reported|reports|concluded|established|confirmed)\b"
)
"""A study told by its acronym alone and what it reported ("APEX showed acupuncture adds a lot",
wave 19, p13164): the sources whose records hold the acronym (a guideline body's acronym, "NICE
found", names its guideline elsewhere)."""
_BODY_KINDS = ("guideline", "coverage_policy")
