"""`make screenshots` cannot rot: its script renders one screen, offscreen, to a real picture."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def test_the_screenshot_script_renders_the_sign_in_screen(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "app.ui.screenshots", "--only", "sign-in", "--ocr", "none",
         "--out", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    picture = QImage(str(tmp_path / "sign-in.png"))
    assert picture.width() >= 300 and picture.height() >= 100
    colours = {picture.pixel(x, y) for x in range(0, picture.width(), 7)
               for y in range(0, picture.height(), 7)}
    assert len(colours) > 20  # text and fields were drawn, not an empty window
    assert [p.name for p in tmp_path.iterdir()] == ["sign-in.png"]
