"""Fit a trial protocol to one patient's screen: drop, replace or one-side points; drop techniques.

For each selected point of the protocol the adapter asks three questions:

1. Is the point excluded outright (listed in ``excluded_points``)?
2. Which sides lie in an excluded region (``left_arm`` blocks the left side of LI4; a midline
   point in an excluded region is blocked altogether)?
3. If nothing is left, may the protocol replace it (``substitution: same_role``)? The first
   pool point that is *safe* takes its place: the same role, itself allowed for this patient and
   not yet used, lying in the same body region as the point it replaces or an adjacent one
   (clinic policy, ``acupath/data/policy/substitution.yaml``), and carrying no atlas caution
   that the replaced point did not carry. If no pool point is safe, the point is dropped and
   the plan says why. (In early pregnancy the lumbar points are excluded; upper-back points such
   as BL20 carry a pneumothorax caution the lumbar points lack, so they never stand in.)

Technique: electroacupuncture excluded by the screen turns an electro protocol into manual
needling at the same points (a reported deviation); an auricular protocol cannot run when ear
needling or semi-permanent needles are excluded. The result records every deviation in words
so the plan and its STRICTA item 1c can say how far treatment departs from the trial.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from acupath.care import points as atlas
from acupath.care import vocabulary as vocab
from acupath.care.intake import ConditionEntry
from acupath.care.protocols import Protocol, ProtocolPoint
from acupath.care.screening import ScreenResult
from acupath.evidence.loader import DATA_DIR, read_yaml_list

ADJACENCY_FILE = DATA_DIR / "policy" / "substitution.yaml"


@functools.cache
def adjacent_regions() -> dict[str, frozenset[str]]:
    """Region -> regions counted as adjacent for substitution (clinic policy file)."""
    out: dict[str, frozenset[str]] = {}
    for raw in read_yaml_list(ADJACENCY_FILE):
        region = str(raw["region"])
        for name in (region, *raw.get("adjacent", [])):
            if name not in vocab.REGIONS:
                raise ValueError(f"{ADJACENCY_FILE.name}: unknown region {name!r}")
        out[region] = frozenset(raw.get("adjacent", []))
    return out


def _intended_regions(point: ProtocolPoint, facts: atlas.PointFacts) -> tuple[str, ...]:
    """Where the protocol needles the point: its own ``region`` if given, else the atlas's."""
    if point.region:
        return vocab.parse_site(point.region).regions
    return facts.regions


def substitution_problem(
    original: ProtocolPoint,
    original_facts: atlas.PointFacts,
    candidate: ProtocolPoint,
    candidate_facts: atlas.PointFacts,
) -> str | None:
    """Why ``candidate`` may not replace ``original`` (None when it may).

    Same role is given by the pool; this checks region (same or adjacent) and cautions (none
    that the original lacks, judged where each point is needled).
    """
    home = set(_intended_regions(original, original_facts))
    near = set(home)
    adjacency = adjacent_regions()
    for region in home:
        near |= adjacency.get(region, frozenset())
    where = set(_intended_regions(candidate, candidate_facts))
    if not where or not where <= near:
        return (
            f"{candidate_facts.code} lies in {', '.join(sorted(where)) or 'no fixed region'}, "
            f"not in or next to {', '.join(sorted(home))}"
        )
    before = atlas.caution_kinds_at(original_facts.code, home)
    after = atlas.caution_kinds_at(candidate_facts.code, where)
    new = sorted(after - before)
    if new:
        kinds = ", ".join(new)
        return f"{candidate_facts.code} carries a {kinds} caution that {original_facts.code} lacks"
    return None


@dataclass(frozen=True)
class PlannedPoint:
    """One point of the plan, with the sides to needle and what the atlas cautions about it."""

    code: str
    name: str
    role: str
    sides: tuple[str, ...]
    needles: int
    regions: tuple[str, ...] = ()
    depth: str | None = None
    usual_depth: str | None = None
    cautions: tuple[str, ...] = ()
    replaces: str | None = None
    note: str | None = None
    substitution: str | None = None
    """Why this point stands in for ``replaces`` (same role, region, no new caution)."""

    def as_dict(self) -> dict[str, Any]:
        """Plain form for JSON."""
        return {
            "code": self.code,
            "name": self.name,
            "role": self.role,
            "sides": list(self.sides),
            "needles": self.needles,
            "regions": list(self.regions),
            "depth": self.depth,
            "usual_depth": self.usual_depth,
            "cautions": list(self.cautions),
            "replaces": self.replaces,
            "note": self.note,
            "substitution": self.substitution,
        }


@dataclass(frozen=True)
class Adaptation:
    """A protocol fitted to a screen."""

    protocol: Protocol
    technique: str
    points: tuple[PlannedPoint, ...]
    deviations: tuple[str, ...]
    usable: bool
    kept_fraction: float
    """Share of the protocol's selected points filled (kept, or replaced within its role)."""
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def needles_per_session(self) -> int:
        """Insertions per session implied by the planned points and sides."""
        return sum(p.needles * len(p.sides) for p in self.points)

    @property
    def has_points(self) -> bool:
        """Whether the plan names any point."""
        return bool(self.points)


def _placement(
    point: ProtocolPoint, entry: ConditionEntry | None
) -> tuple[tuple[str, ...], str | None]:
    """Regions and side where a pseudo-point (ASHI) is placed, if known."""
    if point.site_from_condition and entry is not None and entry.site:
        site = vocab.parse_site(entry.site)
        return site.regions, site.side
    if point.region:
        site = vocab.parse_site(point.region)
        return site.regions, site.side
    return (), None


def _allowed_sides(
    point: ProtocolPoint, entry: ConditionEntry | None, screen: ScreenResult
) -> tuple[atlas.PointFacts, tuple[str, ...], tuple[str, ...]]:
    """(facts, regions, sides still allowed). Empty sides means the point cannot be used."""
    facts = atlas.facts(point.code)
    if facts.code in screen.excluded_points:
        return facts, facts.regions, ()
    regions = facts.regions
    fixed_side: str | None = None
    if facts.code == "ASHI" or not regions:
        regions, fixed_side = _placement(point, entry)
    probe = atlas.PointFacts(
        code=facts.code,
        name=facts.name,
        regions=regions,
        midline=facts.midline,
        caution_kinds=facts.caution_kinds,
        caution_texts=facts.caution_texts,
        auricular=facts.auricular,
    )
    blocked = atlas.sides_blocked(probe, screen.excluded_sites())
    if facts.midline:
        return facts, regions, () if blocked else ("midline",)
    if point.laterality == "affected_side":
        side = fixed_side or (vocab.parse_site(entry.site).side if entry and entry.site else None)
        if side is not None:
            return facts, regions, () if side in blocked else (side,)
        return facts, regions, tuple(s for s in ("left", "right") if s not in blocked)
    if fixed_side is not None:
        return facts, regions, () if fixed_side in blocked else (fixed_side,)
    free = tuple(s for s in ("left", "right") if s not in blocked)
    if point.laterality == "single":
        return facts, regions, ("single",) if len(free) == 2 else free
    return facts, regions, free


def _depth(point: ProtocolPoint, protocol: Protocol) -> str | None:
    """The trial's depth for the point; the atlas's usual depth is reported separately."""
    return point.depth or protocol.depth


def _planned(
    point: ProtocolPoint,
    facts: atlas.PointFacts,
    regions: tuple[str, ...],
    sides: tuple[str, ...],
    protocol: Protocol,
    *,
    pregnant: bool,
    replaces: str | None = None,
    substitution: str | None = None,
) -> PlannedPoint:
    """A protocol point as planned for this patient (``replaces``: the excluded point)."""
    return PlannedPoint(
        code=facts.code,
        name=facts.name,
        role=point.role,
        sides=sides,
        needles=point.needles,
        regions=regions,
        depth=_depth(point, protocol),
        usual_depth=facts.depth,
        cautions=atlas.caution_texts(facts, pregnant=pregnant),
        replaces=replaces,
        note=point.note,
        substitution=substitution,
    )


def adapt(protocol: Protocol, screen: ScreenResult, entry: ConditionEntry | None) -> Adaptation:
    """Fit ``protocol`` to ``screen`` for the condition ``entry`` (see the module docstring)."""
    excluded_tech = set(screen.excluded_techniques)
    pregnant = any(f.family == "pregnancy" for f in screen.findings)
    deviations: list[str] = []
    problems: list[str] = []
    technique = protocol.technique
    usable = True
    if technique == "electro" and "electro" in excluded_tech:
        technique = "manual"
        deviations.append(
            "Electrical stimulation dropped because screening excluded electroacupuncture; the "
            "same points are needled manually."
        )
    if protocol.technique == "auricular":
        blocked = {"auricular", "semi_permanent_needles"} & excluded_tech
        if blocked:
            usable = False
            problems.append(
                "This ear-needling protocol cannot be used: screening excluded "
                + ", ".join(sorted(blocked))
                + "."
            )

    planned: list[PlannedPoint] = []
    used: set[str] = set()
    selected = protocol.selected_points()
    for point in selected:
        facts, regions, sides = _allowed_sides(point, entry, screen)
        if sides:
            used.add(facts.code)
            if not facts.midline and len(sides) == 1 and point.laterality == "bilateral":
                deviations.append(f"{facts.code} needled on the {sides[0]} side only.")
            planned.append(_planned(point, facts, regions, sides, protocol, pregnant=pregnant))
            continue
        replacement = None
        rejected: list[str] = []
        if protocol.substitution == "same_role":
            for candidate in protocol.pool(point.role):
                c_facts, c_regions, c_sides = _allowed_sides(candidate, entry, screen)
                if not c_sides or c_facts.code in used:
                    continue
                problem = substitution_problem(point, facts, candidate, c_facts)
                if problem is not None:
                    rejected.append(problem)
                    continue
                replacement = (candidate, c_facts, c_regions, c_sides)
                break
        if replacement is not None:
            candidate, c_facts, c_regions, c_sides = replacement
            used.add(c_facts.code)
            why = (
                f"{c_facts.code} replaces {facts.code}, which is excluded for this patient: "
                f"another {point.role} point the trial allowed, in the same or an adjacent region "
                f"({', '.join(_intended_regions(candidate, c_facts))}), with no caution "
                f"{facts.code} lacks."
            )
            planned.append(
                _planned(
                    candidate,
                    c_facts,
                    c_regions,
                    c_sides,
                    protocol,
                    pregnant=pregnant,
                    replaces=facts.code,
                    substitution=why,
                )
            )
            deviations.append(why)
        else:
            if protocol.substitution == "same_role":
                why = (
                    "no allowed point of the same role in the same or an adjacent region without "
                    "a new caution remains"
                )
                if rejected:
                    why += (
                        " ("
                        + "; ".join(rejected[:3])
                        + ("; ..." if len(rejected) > 3 else "")
                        + ")"
                    )
            else:
                why = "the protocol is standardised, so no substitute is offered"
            deviations.append(f"{facts.code} is excluded for this patient and left out ({why}).")

    for rc in protocol.role_counts:
        have = sum(1 for p in planned if p.role == rc.role)
        if have < rc.at_least:
            problems.append(
                f"Only {have} {rc.role} point(s) remain; the trial required at least {rc.at_least}."
            )
            usable = False
    # Share of the trial's point slots this plan fills: kept points and same-role replacements.
    fraction = len(planned) / len(selected) if selected else 0.0
    if selected and not planned:
        usable = False
        problems.append("Every point of this protocol is excluded for this patient.")
    return Adaptation(
        protocol=protocol,
        technique=technique,
        points=tuple(planned),
        deviations=tuple(deviations),
        usable=usable,
        kept_fraction=fraction,
        problems=tuple(problems),
    )
