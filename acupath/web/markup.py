"""A small, safe Markdown subset for answers: paragraphs, ``-`` lists, **bold**, `code`, and
citation markers ``[1]`` / ``[1, 2]`` turned into links to the numbered reference.

Everything is HTML-escaped first, so no text from a record or a question can inject markup.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")
_MARKERS = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")


def _marker(match: re.Match[str]) -> str:
    numbers = re.findall(r"\d+", match.group(1))
    links = ", ".join(
        f'<a href="#ref-{n}" class="cite" aria-label="reference {n}">{n}</a>' for n in numbers
    )
    return f"<sup>[{links}]</sup>"


def _inline(text: str) -> str:
    html = str(escape(text))
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _CODE.sub(r"<code>\1</code>", html)
    return _MARKERS.sub(_marker, html)


def render_markdown(text: str) -> Markup:
    """HTML for ``text`` (the subset above); safe to insert into a template."""
    out: list[str] = []
    in_list = False
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith(("- ", "* ")):
            flush()
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{_inline(line[2:])}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if not line:
            flush()
        else:
            paragraph.append(line)
    flush()
    if in_list:
        out.append("</ul>")
    return Markup("\n".join(out))
