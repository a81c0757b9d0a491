"""Copy RevMan 5's own numbers out of a RevMan 5 review file (.rm5) into a small JSON file.

Not run by the tests: it documents how ``sore_throat_CD000023.json`` was made from the stored
file (see README.md). Every number is copied as RevMan wrote it (full precision XML attributes of
the ANALYSES_AND_DATA section, which RevMan fills when it saves with CALCULATED_DATA="YES");
nothing is computed here. Usage::

    python extract_rm5.py REVIEW.rm5 OUT.json "provenance sentence"
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from typing import Any

TOTALS = ("EFFECT_SIZE", "CI_START", "CI_END", "TAU2", "CHI2", "DF", "P_CHI2", "I2", "Z", "P_Z",
          "WEIGHT")  # fmt: skip
SUBGROUP_TEST = ("Q", "P_Q", "I2_Q")
STUDY = ("EVENTS_1", "TOTAL_1", "EVENTS_2", "TOTAL_2", "EFFECT_SIZE", "SE", "CI_START",
         "CI_END", "WEIGHT")  # fmt: skip


def _num(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() and "." not in text and "E" not in text else value


def _studies(parent: ET.Element, names: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for d in parent.findall("DICH_DATA"):
        row: dict[str, Any] = {"study": names.get(d.get("STUDY_ID", ""), d.get("STUDY_ID"))}
        row.update({k.lower(): _num(d.attrib[k]) for k in STUDY})
        out.append(row)
    return out


def main(src: str, dst: str, provenance: str) -> None:
    root = ET.parse(src).getroot()
    names = {s.get("ID", ""): s.get("NAME", "") for s in root.iter("STUDY")}
    analyses = []
    for comp in root.iter("COMPARISON"):
        for o in comp.findall("DICH_OUTCOME"):
            a = o.attrib
            if a.get("ESTIMABLE") != "YES":
                continue
            entry: dict[str, Any] = {
                "id": a["ID"],
                "name": o.findtext("NAME"),
                "comparison": comp.findtext("NAME"),
                "method": a["METHOD"],
                "measure": a["EFFECT_MEASURE"],
                "random": a["RANDOM"] == "YES",
                "totals": {k.lower(): _num(a[k]) for k in TOTALS},
            }
            if a.get("SUBGROUPS") == "YES":
                entry["subgroup_test"] = {k.lower(): _num(a[k]) for k in SUBGROUP_TEST}
                entry["subgroups"] = [
                    {
                        "id": s.get("ID"),
                        "name": s.findtext("NAME"),
                        "totals": {k.lower(): _num(s.attrib[k]) for k in TOTALS},
                        "studies": _studies(s, names),
                    }
                    for s in o.findall("DICH_SUBGROUP")
                ]
            else:
                entry["studies"] = _studies(o, names)
            analyses.append(entry)
    doc = {"about": provenance, "revman_version": root.get("REVMAN_SUB_VERSION", "").strip(),
           "doi": root.get("DOI"), "analyses": analyses}  # fmt: skip
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=1, ensure_ascii=False)
        fh.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
