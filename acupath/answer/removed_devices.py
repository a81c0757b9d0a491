"""A device the question says was taken out is no device now (wave 7).

"ICD insertion 2019, explanted in 2024; no device now", "pacemaker removed in 2022", "had a
stimulator but it was taken out last year": the device is ``past`` (shown, not screened).
The device stays when the question says it was put back or replaced ("removed and replaced
with a new one", "box changed", "re-implanted", "upgraded"), when the removal is only planned
or possible ("due to be removed", "may need to be taken out"), or when a part of it is named as
removed ("lead removed", "battery removed": the device itself remains).

Clinic policy: the screen's device rules (electroacupuncture and a pacemaker, needles near a
device) are for a device in the body; one that has been taken out creates neither risk."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from acupath.answer.described_devices import described_devices
from acupath.answer.timing import FUTURE

_REMOVED = re.compile(
    r"\b(?:explanted|removed|taken out|took (?:it|them) out|extracted|came out|out now|"
    r"no longer (?:has|have|in)|no device(?: now| in situ)?|device free)\b"
)
_PART = re.compile(r"\b(?:lead|leads|battery|batteries|wire|wires)\b")
"""A part of the device: only when named before the removal is it what was removed ("lead
removed": the device stays); after it, it is the removal's story ("explanted (lead infection)";
wave 17, h14066)."""
_KEEP_DENIED = re.compile(
    # wave 17 (h14066 "explanted ..., now no device, not re-implanted"): a putting back denied
    r"\b(?:not|never|no|nor|without|n['’]t)\s+(?:(?:been|being|yet|ever|a|an|the|had|got|"
    r"it|them|was|were)\s+){0,2}$"
)
_KEPT = re.compile(
    r"\b(?:replac\w*|new (?:one|device|box|generator)|changed|re\s*implant\w*|re\s*inserted|"
    r"upgraded|swapped|put back|re\s*sited|moved|relocated|still (?:in|has|have)|"
    r"generator change|"
    r"due to|going to|to be|will be|may|might|could|should|needs? to|planned|plan to|"
    r"considering|wants? to|booked)\b"
)
_BETWEEN = re.compile(
    # only the device's own story may stand between it and the removal: "ICD insertion 2019,
    # explanted", "pacemaker, which was removed", "a stimulator but it was taken out"
    r"(?:[\s,()-]|\b(?:insertion|inserted|implanted|implant|fitted|placed|put in|in|on|at|"
    r"(?:19|20)\d\d|was|were|is|has been|had been|got|it|which|that|then|later|but|and|"
    r"subsequently|since|the|device|box|years?|months?|weeks?|ago|for|of|\d+|after|a|an|"
    r"infection|pocket|infected|she|he|they|her|his|had|got|"
    # wave 15 (h12114 "a pacemaker fitted for a while after heart surgery but they took it out")
    r"while|temporary|temporarily|heart|surgery|operation|op)\b)*"
)
_SENTENCE = re.compile(r"[.!?;\n]")
# wave 15 (h12121 "Cochlear implant candidate - assessment only, NOT implanted yet"): a device
# the patient is only assessed or waiting for is not in the body yet; the words must follow the
# device with only its own story between ("candidate", "assessment only") or name it as what is
# awaited ("awaiting a pacemaker", "on the waiting list for a cochlear implant"). Clinic policy,
# as a removed device: the screen's device rules are for a device in the body.
_PENDING_AFTER = re.compile(
    r"(?:[\s,()-]|\b(?:candidate|assessment|assessed|assessing|work\s*up|only|referral|referred|"
    r"is|was|it|but|and|still|being|has|have|been|at this stage)\b)*"
    r"\b(?:candidate|not\s+(?:yet\s+)?(?:implanted|fitted|inserted|put in|in place|had|done)"
    r"(?:\s+yet)?)\b"
)
_PENDING_BEFORE = re.compile(
    r"\b(?:awaiting|waiting for|waiting list for|wait list for|candidate for|assessed for|"
    r"being assessed for|assessment for|referred for|due to have|due to get|booked (?:in )?for|"
    r"going to have|going to get|will have|will get|getting|may need|might need|considering)"
    r"\s+(?:(?:a|an|the|my|his|her|their|new)\s+)?$"
)


def _kept(after: str, start: int, end: int) -> bool:
    """Whether the words after a device (up to 30 characters past its removal word, which
    spans ``start:end``) keep it: a replacement, a putting back not denied, a planned removal,
    or a part named before the removal."""
    if _PART.search(after[:start]):
        return True
    return any(
        not _KEEP_DENIED.search(after[max(0, k.start() - 30) : k.start()])
        for k in _KEPT.finditer(after[: end + 30])
    )


def removed_devices(mentions: Sequence[Any], folded: str, past: str) -> list[Any]:
    """``mentions`` with each device the question says was taken out set to ``past``; a device
    said in everyday words (:mod:`.described_devices`, wave 11) is added first."""
    mentions = described_devices(mentions, folded)
    out = []
    starts = sorted(m.start for m in mentions if m.kind == "device")
    for m in mentions:
        if m.kind == "device" and not m.negated:
            end = _SENTENCE.search(folded, m.end)
            # the device's own sentence up to the next device, and the next sentence when it
            # only says there is none now
            stop = min([end.start() if end else len(folded), *(s for s in starts if s > m.start)])
            after = folded[m.end : stop]
            nxt = _SENTENCE.search(folded, stop + 1) if end else None
            following = folded[stop : nxt.start() if nxt else len(folded)][:60]
            removed = _REMOVED.search(after)
            if removed and not _BETWEEN.fullmatch(after[: removed.start()]):
                removed = None  # "pacemaker, gallbladder removed": another thing was removed
            removed = removed or re.search(r"\bno device\b", following)
            if removed and not _kept(after, removed.start(), removed.end()):
                m = dataclasses.replace(m, status=past, detail={**m.detail, "removed": True})
            elif _PENDING_AFTER.match(after) or _PENDING_BEFORE.search(
                folded[max(0, m.start - 40) : m.start]
            ):
                m = dataclasses.replace(m, status=FUTURE, detail={**m.detail, "pending": True})
        out.append(m)
    return out
