"""Display formatting of evidence records. The core keeps full precision; this rounds for people."""

from __future__ import annotations

from acupath.evidence.schemas import Finding


def number(value: float) -> str:
    """Print a published number as published: no trailing zeros added or dropped beyond 4 places."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def estimate(f: Finding) -> str:
    """``0.17 (95% CI 0.11 to 0.22)``, ``8.6%`` or the verdict of a categorical finding."""
    if f.measure == "categorical":
        return f.verdict or ""
    if f.estimate is None:
        return ""
    if f.measure == "proportion":
        text = f"{number(f.estimate * 100)}%"
    else:
        text = number(f.estimate)
        if f.unit:
            text += f" {f.unit}"
    if f.ci_lower is not None and f.ci_upper is not None:
        lo, hi = f.ci_lower, f.ci_upper
        level = number(f.ci_level * 100)
        if f.measure == "proportion":
            text += f" ({level}% CI {number(lo * 100)}% to {number(hi * 100)}%)"
        else:
            text += f" ({level}% CI {number(lo)} to {number(hi)})"
    return text


def certainty(f: Finding) -> str:
    """E.g. ``low (acupath's GRADE rating)`` or ``moderate (Cochrane SoF table 3)``."""
    level = f.certainty.replace("_", " ")
    if f.certainty_basis == "source":
        return f"{level} ({f.certainty_source})"
    if f.certainty_basis == "acupath":
        down = [d.domain.replace("_", " ") for d in f.certainty_domains if d.downgrade]
        why = f"; rated down for {', '.join(down)}" if down else ""
        return f"{level} (acupath's GRADE rating{why})"
    if f.certainty_basis == "not_ratable":
        return f"not ratable: {f.certainty_reason}"
    return level
