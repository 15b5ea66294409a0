"""No module outside app/ui imports Qt (the equivalent of an import-linter contract)."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
QT = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_ui_imports_qt():
    offenders = [
        str(path.relative_to(APP))
        for path in APP.rglob("*.py")
        if "ui" not in path.relative_to(APP).parts[:1]
        and any(name.split(".")[0] in QT for name in _imports(path))
    ]
    assert offenders == []


def test_the_core_never_imports_the_ui():
    offenders = [
        str(path.relative_to(APP))
        for path in APP.rglob("*.py")
        if path.relative_to(APP).parts[0] not in ("ui", "__main__.py")
        and any(name == "app.ui" or name.startswith("app.ui.") for name in _imports(path))
    ]
    assert offenders == []
