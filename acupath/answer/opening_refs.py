"""Reference numbering for the opening: the sources of the screening rules an opening cites
are numbered after (or among) the answer's existing references."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from acupath.answer.models import Answer, RecordUse, Reference
from acupath.evidence.loader import EvidenceBase


class _Refs:
    """Numbers the opening's sources after (or among) the answer's existing references."""

    def __init__(self, answer: Answer, base: EvidenceBase) -> None:
        self.base = base
        self.refs: list[Reference] = list(answer.references)
        self.records: list[RecordUse] = list(answer.records_used)

    def marker(self, sources: Sequence[str], record: str, kind: str) -> str:
        nums: list[int] = []
        for sid in sources:
            if sid not in self.base.sources:
                continue
            use = RecordUse(record, kind, sid, None)
            if all((r.id, r.source) != (record, sid) for r in self.records):
                self.records.append(use)
            found = next((r for r in self.refs if r.id == sid), None)
            if found is None:
                src = self.base.sources[sid]
                found = Reference(
                    len(self.refs) + 1, sid, src.citation(), src.doi, src.pmid, src.link(),
                    src.year, src.checked, (use,),
                )  # fmt: skip
                self.refs.append(found)
            elif all(r.id != record for r in found.records):
                idx = self.refs.index(found)
                self.refs[idx] = dataclasses.replace(found, records=(*found.records, use))
                found = self.refs[idx]
            nums.append(found.number)
        nums = sorted(set(nums))
        return " [" + ", ".join(str(n) for n in nums) + "]" if nums else ""
