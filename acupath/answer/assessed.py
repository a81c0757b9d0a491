"""A complaint a clinician has already assessed: the intake's ``conditions[].evaluated``.

The screen refers back pain in a patient with a cancer history for a physician's assessment
(AHCPR 1994 Table 1: a history of cancer is a red flag for spinal metastasis) and, once the
assessment is recorded (``evaluated: true``), turns that derived red flag into a caution
(``back_pain_after_cancer_assessed``). A question often says the assessment has happened:
"investigated - MRI clear, oncology happy", "his GP examined him and found nothing sinister",
"bone scan negative". This module reads such statements so Ask can pass them on.

Because reading an assessment makes the screen less cautious, the grammar is strict:

* an investigation with a reassuring result ("MRI clear", "scan came back normal", "work-up: no
  mets"), or a clinician with a clearing verb ("oncology happy", "GP found nothing sinister",
  "the spinal team ruled out anything serious", "red flags excluded");
* a pending or planned assessment ("MRI booked", "awaiting the scan", "not yet seen") is none,
  and so is a clear result while more work-up is under way ("scan clear but the GP still wants
  bloods");
* an assessment dated in the past ("a clear scan last year", "MRI normal in 2019", "two years
  ago") is none: the pain being asked about may be newer than it (the cautious reading);
* an abnormal result never matches (the result words are reassuring ones only).

Red flags stated in the question still refer: ``evaluated`` never overrides a listed red flag.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Assessment(NamedTuple):
    """One statement that the complaint was assessed: its words, where, and how (a test, a
    clinician, or red flags excluded)."""

    words: str
    start: int
    end: int
    by: str


_TEST = (
    r"(?:mri|mri scan|ct|ct scan|pet|pet-ct|pet ct|bone scan|scans?|x-?rays?|imaging|"
    r"investigations?|work-?up|bloods|blood tests?|tests)"
)
_TEST_SITE = (
    r"(?:\s+(?:(?:of|for)\s+(?:the\s+|her\s+|his\s+|my\s+)?)?"
    r"(?:whole\s+)?(?:spine|back|neck|pelvis|l-?spine|c-?spine|t-?spine|lumbar spine|"
    r"cervical spine|thoracic spine|lumbar|lower back)(?:\s+pain)?)?"
)
_REASSURING = (
    r"(?:clear|all clear|normal|nad|unremarkable|negative|reassuring|fine|ok|okay|"
    r"nothing (?:sinister|serious|worrying|abnormal|of concern|significant)(?: found| seen)?|"
    r"no (?:mets|metastas[ie]s|recurrence|spread|sinister|serious|bony|bone)"
    r"(?: (?:cause|lesions?|mets|metastas[ie]s|disease|involvement|pathology))?|"
    r"no (?:cause|red flags?|abnormality|fracture|cord compression)(?: found| seen)?|"
    r"(?:only )?(?:mild )?degenerative (?:change|changes|disc disease)(?: only)?|"
    # wave 22 (h21125 "chronic LBP ... evaluated, MRI degenerative"): a case note's bare
    # result word; never with more found beside it ("degenerative and a lesion")
    r"(?:only )?(?:mild )?degenerative(?: only)?(?!\s+(?:and|with|plus|but|also|&)\b)(?=\s*"
    r"(?:[.;,)(\n]|$|\(|\d\)|[a-z]{1,3}\)))|"
    r"wear and tear(?: only)?)"
)
_LINK = r"(?:\s*(?:was|were|is|are|came back|come back|showed|shows|show|found|:|-|–|—|=)\s*|\s+)"
_CLINICIAN = (
    r"(?:(?:her|his|my|their|the|our)\s+)?(?:gp|doctor|doc|oncologist|oncology(?: team)?|"
    r"consultant|surgeon|spinal team|spinal surgeons?|orthopaedics|orthopedics|ortho team|"
    r"specialist|physician|rheumatologist|rheumatology|neurologist|neurosurgeon|"
    r"medical team|treating team|clinical team)"
)
_CLEARS = (
    r"(?:\s+(?:is|are|was|were|has|have|had)|'s|’s)?\s*(?:been\s+)?(?:very\s+|quite\s+)?"
    r"(?:(?:happy|satisfied|reassured|content)(?!\s+to\b)|"
    r"(?:examined|checked|assessed|reviewed|seen)\s+(?:it|her|him|me|them|the back|his back|"
    r"her back|my back)?\s*(?:and\s+)?(?:found|says?|said)\s+nothing|"
    r"found nothing|"
    r"cleared (?:it|her|him|me|them|the back pain)|"
    r"ruled out (?:anything )?(?:serious|sinister|mets|metastas[ie]s|recurrence|spread)|"
    r"excluded (?:anything )?(?:serious|sinister|mets|metastas[ie]s|recurrence|spread)|"
    r"signed (?:it|her|him|me) off|"
    r"said (?:it'?s|it is|it was) (?:fine|ok|okay|mechanical|muscular|benign|nothing serious))"
)
_BY_CLINICIAN = r"(?:seen|assessed|examined|reviewed|checked|investigated)\s+by\s+" + _CLINICIAN
"""A complaint seen by a clinician ("assessed by oncology"), before what they found."""
_SEEN_BY = (
    _BY_CLINICIAN + r"\s*,?\s*(?:who|and|,)?\s*(?:found|said|says|saw)\s+(?:nothing|no)\s+"
    r"(?:sinister|serious|worrying|abnormal|of concern|red flags?|cause|mets|recurrence)"
)
_REVIEW_VERB = r"(?:reviewed|assessed|examined|imaged|investigated|scanned)"
_REVIEWED = (
    _CLINICIAN + rf"\s+(?:has\s+|have\s+|had\s+)?{_REVIEW_VERB}(?:\s+and\s+{_REVIEW_VERB})?"
    r"[^.;:\n]{0,80}?\s*[:\-–—]\s*(?:(?:degenerative|mechanical|muscular)\s+only,?\s*)?"
    + _REASSURING
)
"""A clinician's review with its finding after a colon or dash ("Oncologist has reviewed and
imaged the back pain: degenerative only, no mets"); a finding that is not reassuring, or none
("GP has examined the back: will arrange MRI"), is no assessment (wave 9)."""
_JUDGED_AS = (
    _BY_CLINICIAN + r"\s+(?:as|to be)\s+(?:(?:simple|purely|just|only)\s+)?"
    r"(?:mechanical|musculoskeletal|muscular|degenerative|benign|non-?specific)"
)
"""A clinician's finding named outright ("assessed by oncology as mechanical", wave 9, p8106)."""
_JUDGED_STABLE = (
    _BY_CLINICIAN + r"\s*,?\s*(?:and|who\s+(?:said|says|found|judged)|who\s+(?:said|says)\s+"
    r"(?:it|the\s+\w+)\s+(?:is|was|'s))\s+(?:(?:is|was|remains|deemed|found|judged|considered|"
    r"felt\s+to\s+be|said\s+to\s+be)\s+)?(?:it\s+(?:is|was)\s+)?stable"
)
"""A clinician's assessment that found the lesion or pain stable ("old vertebral collapse,
assessed by oncology and stable", "seen by the spinal team who said it is stable"; wave 14,
p11021). "unstable" never matches (the word boundary), and a pending assessment is none."""
_FLAGS_EXCLUDED = (
    r"red flags?\s+(?:have been\s+|were\s+|was\s+|all\s+)?"
    r"(?:excluded|ruled out|screened (?:and|&) negative|negative|checked (?:and|&) clear)"
)
_PATTERN = re.compile(
    rf"\b(?:(?P<test>{_TEST}{_TEST_SITE}){_LINK}(?:(?:all|completely|totally)\s+)?{_REASSURING}"
    rf"|(?P<who>{_CLINICIAN}){_CLEARS}"
    rf"|(?P<seen>{_SEEN_BY})"
    rf"|(?P<reviewed>{_REVIEWED})"
    rf"|(?P<judged>{_JUDGED_AS})"
    rf"|(?P<stable>{_JUDGED_STABLE})"
    rf"|(?P<flags>{_FLAGS_EXCLUDED}))\b",
    re.IGNORECASE,
)
_PENDING = re.compile(
    r"\b(?:await\w*|waiting|pending|booked|due|planned|scheduled|going to|will|not yet|"
    r"hasn'?t|has not|haven'?t|have not|never|no one|nobody|before|until|if|when)\b",
    re.IGNORECASE,
)
_DATED = re.compile(
    r"\b(?:last year|years? ago|(?:a|one|two|three|four|five|\d+) years? (?:ago|back)|"
    r"in (?:19|20)\d\d|previously|previous|old scan|at diagnosis|before (?:the|this|her|his|my) "
    r"(?:new |current )?pain)\b",
    re.IGNORECASE,
)
# wave 22 (h21125): an item marker of a lettered or numbered list ("(a)", "(b)", "2)", "(ii)")
# ends a clause too: "(c) previous left mastectomy" dates the cancer, not the scan of item (a)
_CLAUSE_END = re.compile(
    r"[.;!?\n]|\bbut\b|\bhowever\b|\balthough\b|\(\s*(?:[a-h]|\d{1,2}|i{1,3}|iv|v|vi{1,3})\s*\)|"
    r"(?<![\w(])(?:[a-h]|\d{1,2}|i{1,3}|iv|vi{0,3})\)",
    re.IGNORECASE,
)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: from the last clause end before it to the next."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


_STILL_INVESTIGATING = re.compile(
    r"\b(?:still\s+(?:wants?|needs?|investigating|being investigated|awaiting|waiting)|"
    r"wants?\s+(?:more\s+|further\s+|some\s+)?(?:bloods|blood tests|tests|a scan|an? mri|"
    r"a ct|imaging|x-?rays?)|further\s+(?:tests|investigations?|imaging)|referred\s+for|"
    r"await\w*|pending)\b",
    re.IGNORECASE,
)
"""Work-up still under way anywhere in the question ("scan clear but the GP still wants
bloods"): the assessment is not finished, so none is read (the cautious reading)."""


def assessments(text: str) -> list[Assessment]:
    """The statements in ``text`` that its complaint has been assessed and found clear."""
    if _STILL_INVESTIGATING.search(text):
        return []
    out: list[Assessment] = []
    for match in _PATTERN.finditer(text):
        lo, hi = _clause(text, match.start(), match.end())
        lead = text[lo : match.start()]
        if _PENDING.search(lead) or _PENDING.search(match.group(0)):
            continue  # "awaiting the MRI, which should be clear", "GP will check it"
        if _DATED.search(text[lo:hi]):
            continue  # a clear scan from before the pain asked about assesses nothing now
        how = (
            "test"
            if match.group("test")
            else "clinician"
            if match.group("who")
            or match.group("seen")
            or match.group("reviewed")
            or match.group("judged")
            or match.group("stable")
            else "flags"
        )
        out.append(Assessment(match.group(0), match.start(), match.end(), how))
    return out
