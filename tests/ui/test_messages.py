"""The core's error codes: each has a desk message, worded in Vietnamese with its parameters."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.catalog import State
from app.catalog.errors import Refused
from app.errors import StationError, UsageError
from app.scanner.base import ScanInterrupted
from app.signing.errors import PinRejected
from app.ui import i18n, messages

APP = Path(__file__).resolve().parents[2] / "app"


def _strings(node: ast.AST) -> Iterator[str]:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            yield sub.value


def raised_codes() -> dict[str, str]:
    """Every error code in the core (outside app/ui), found in the source, with where it is.

    A code is a string given as `code=` to a call, a class attribute `code = "..."`, or a value
    of a module-level table whose name ends in `_CODES`.
    """
    found: dict[str, str] = {}
    for path in sorted(APP.rglob("*.py")):
        if "ui" in path.relative_to(APP).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = f"{path.relative_to(APP.parent)}"
        for node in ast.walk(tree):
            values: list[ast.AST] = []
            if isinstance(node, ast.Call):
                values = [k.value for k in node.keywords if k.arg == "code"]
            elif isinstance(node, ast.ClassDef):
                values = [
                    item.value for item in node.body
                    if isinstance(item, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "code" for t in item.targets)
                ]
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith("_CODES") for t in node.targets
            ) and isinstance(node.value, ast.Dict):
                values = [v for v in node.value.values if v is not None]
            for value in values:
                for code in _strings(value):
                    found.setdefault(code, f"{where}:{getattr(value, 'lineno', 0)}")
    return found


@pytest.fixture
def vietnamese(qapp) -> Iterator[None]:
    i18n.install("vi")
    yield
    i18n.install("en")


def test_the_scan_finds_the_codes_of_each_area():
    codes = raised_codes()
    areas = {code.split(".")[0] for code in codes}
    assert {"state", "user", "backup", "scanner", "signing", "sync", "ocr", "package"} <= areas
    assert codes["state.transition"].startswith("app/catalog/policy.py")


def test_every_code_raised_in_the_core_has_a_desk_message():
    raised = raised_codes()
    missing = {code: where for code, where in raised.items() if code not in messages.codes()}
    assert missing == {}, "add these codes to app/ui/messages.py"
    unused = messages.codes() - set(raised)
    assert unused == set(), "these messages name codes the core no longer raises"


def test_every_message_keeps_its_parameters_in_vietnamese():
    """A translation that drops or renames a {parameter} would show the wrong text."""
    root = ET.parse(i18n.I18N_DIR / "scanstation_vi.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == "Messages")
    names = re.compile(r"\{\w+\}|%1")
    wrong = [
        m.findtext("source") for m in context.iter("message")
        if sorted(names.findall(m.findtext("source") or ""))
        != sorted(names.findall(m.findtext("translation") or ""))
    ]
    assert wrong == []


def test_a_state_error_is_worded_in_vietnamese_with_its_states(vietnamese):
    err = Refused("HS-1: cannot go from approved to approved.", code="state.transition",
                  params={"doc": "HS-1", "from": State.APPROVED, "to": State.APPROVED})
    text = messages.error_text(err)
    assert text == "HS-1 không thể chuyển từ “đã duyệt” sang “đã duyệt”."
    assert "approved" not in str(text) and "approved" in str(err)  # the CLI keeps English


def test_parameters_are_shown_the_vietnamese_way(vietnamese):
    err = ScanInterrupted("jam", pages_kept=1234, code="scanner.jammed")
    assert "1.234 trang" in messages.error_text(err)
    role = Refused("x", code="role.required", params={"user": "lan", "roles": ["supervisor"]})
    assert messages.error_text(role) == \
        "lan cần một trong các vai trò người kiểm tra để làm việc này."


def test_an_unknown_code_gets_a_generic_vietnamese_message_with_the_code(vietnamese, caplog):
    text = messages.error_text(StationError("Something new.", code="future.thing"))
    assert text == "Không thực hiện được thao tác (mã future.thing)."
    assert "future.thing" in caplog.text and "Something new." in caplog.text


def test_a_class_without_a_precise_code_gets_its_class_message(vietnamese):
    assert messages.error_text(UsageError("Bad option --x.")) == \
        "Thao tác này không được phép theo cách đã yêu cầu."


def test_signing_keeps_its_finer_vietnamese_text_when_only_the_class_is_known(vietnamese):
    err = PinRejected("Wrong password for a.p12.", "Sai mật khẩu của tệp a.p12.")
    assert messages.error_text(err) == "Sai mật khẩu của tệp a.p12."
    coded = PinRejected("Wrong PIN.", "Sai mã PIN.", code="signing.pin_wrong",
                        params={"label": "VNPT-CA", "tries": "final"})
    assert messages.error_text(coded).startswith(
        "Sai mã PIN của token 'VNPT-CA'; không thử lại tự động: chỉ còn một lần thử trước khi "
        "token bị khóa.")


def test_a_defect_is_named_not_shown_in_english(vietnamese):
    text = messages.error_text(KeyError("metadata"))
    assert text == "Đã xảy ra lỗi (KeyError). Chi tiết có trong nhật ký."
