"""No number is ever written into a template: every figure in an answer comes from a record."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import acupath.answer

TEMPLATE_MODULES = ["compose", "sections", "voice", "phrasing", "audience", "followups"]


def _string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", TEMPLATE_MODULES)
def test_no_digit_in_any_template_string(module: str) -> None:
    path = Path(acupath.answer.__file__).parent / f"{module}.py"
    offenders = [
        (line, text)
        for line, text in _string_constants(path)
        # regular expressions and format specs may name digits; prose may not
        if re.search(r"\d", text) and not re.search(r"\\d|\[\d|:\.\d|\{\d|^\d+$", text)
    ]
    assert offenders == []
