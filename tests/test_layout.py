"""The repository's layout rules: every module opens with a one-line docstring."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "server", "bench", "testkit", "tests")
LINE_LENGTH = 100  # ruff's line-length (pyproject.toml), the quotes included


def _modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def _problem(path: Path) -> str | None:
    """What is wrong with `path`'s module docstring, or None.

    An empty `__init__.py` (a package marker with nothing in it) needs none.
    """
    source = path.read_text(encoding="utf-8")
    if path.name == "__init__.py" and not source.strip():
        return None
    tree = ast.parse(source, filename=str(path))
    docstring = ast.get_docstring(tree, clean=False)
    if docstring is None:
        return "no module docstring"
    if "\n" in docstring:
        return "a module docstring of more than one line"
    node = tree.body[0]
    line = source.splitlines()[node.lineno - 1]
    if node.end_lineno != node.lineno or len(line) > LINE_LENGTH:
        return f"a module docstring longer than one line of {LINE_LENGTH} characters"
    return None


def test_every_module_has_a_one_line_docstring() -> None:
    checked = 0
    found = []
    for path in _modules():
        relative = path.relative_to(ROOT).as_posix()
        checked += 1
        problem = _problem(path)
        if problem:
            found.append(f"{relative}: {problem}")
    assert checked > 300, "the walk found too few modules"
    assert found == [], "\n".join(found)


def test_the_rule_catches_what_it_should(tmp_path: Path) -> None:
    cases = {
        "one.py": ('"""One line."""\n', None),
        "empty/__init__.py": ("", None),
        "none.py": ("x = 1\n", "no module docstring"),
        "two.py": ('"""Two\nlines."""\n', "a module docstring of more than one line"),
        "long.py": (f'"""{"x" * 95}."""\n', "a module docstring longer than one line"),
        "blank/__init__.py": ("import os\n", "no module docstring"),
    }
    for name, (source, expected) in cases.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        problem = _problem(path)
        assert (problem is None) if expected is None else (problem or "").startswith(expected), name
