"""Answer Markdown to safe HTML, with citation markers ``[1]`` / ``[1, 2]`` linked to references.

CommonMark is rendered by markdown-it-py with raw HTML disabled, so no text from a record or a
question can inject markup; the citation markers, which CommonMark leaves as literal text, are
then turned into links to the numbered reference on the page.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markupsafe import Markup

_MARKERS = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")
_MD = MarkdownIt("commonmark", {"html": False})


def _marker(match: re.Match[str]) -> str:
    numbers = re.findall(r"\d+", match.group(1))
    links = ", ".join(
        f'<a href="#ref-{n}" class="cite" aria-label="reference {n}">{n}</a>' for n in numbers
    )
    return f"<sup>[{links}]</sup>"


def render_markdown(text: str) -> Markup:
    """HTML for ``text``; safe to insert into a template."""
    return Markup(_MARKERS.sub(_marker, _MD.render(text)))
