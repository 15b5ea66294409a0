"""The extraction bench's command line: help and unknown options run nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.extract import cli


@pytest.mark.parametrize("argv", [["--help"], ["--bogus"], ["--dev", "--dev-mono"],
                                  ["--dev-mono", "--dev-notomono"],
                                  ["--dev-notomono", "--dev-leaguemono"]])
def test_help_and_bad_options_exit_before_any_run(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        cli(argv)
    assert stop.value.code == (0 if argv == ["--help"] else 2)
    out = capsys.readouterr()
    assert "python -m bench.extract" in out.out + out.err
    assert list(tmp_path.iterdir()) == []  # no output folder made, nothing read or rendered
