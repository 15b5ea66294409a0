"""Commands that succeed print nothing on stderr (no library warnings): stderr is for problems."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANSTATION = [sys.executable, "-c", "import sys; from app.cli.main import main; sys.exit(main())"]


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["devices"],
        ["catalog", "init", "--org-name", "Ủy ban MTTQ phường Thử", "--org-code",
         "000.00.00.G09", "--catalog", "{tmp}/catalog"],
        ["scan", "--device", "sane:test:0", "--source", "flatbed", "--dpi", "75", "--no-ocr",
         "--jobs", "1", "-o", "{tmp}/scan.pdf"],
    ],
    ids=["version", "devices", "catalog-init", "scan"],
)
def test_a_successful_command_leaves_stderr_empty(args, sane_device, tmp_path):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    env = {**os.environ, "PYTHONWARNINGS": "default"}  # show every warning, as once per place
    done = subprocess.run(
        [*SCANSTATION, *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
