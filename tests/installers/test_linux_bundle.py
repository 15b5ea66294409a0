"""The Linux bundle and .deb: built once, then run outside the source tree as a user would."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from app import __version__
from app.synth.document import render_page

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "installers" / "linux" / "scanstation.spec"
BUILD_DEB = ROOT / "installers" / "linux" / "build_deb.py"

pytestmark = [
    pytest.mark.skipif(
        not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
        reason="the Linux package is built on Debian",
    ),
    # The first test also waits for the PyInstaller build (its own limit: 900 s); on a busy
    # machine that passed the suite's 300 s and ended the whole run.
    pytest.mark.timeout(1800),
]


@dataclass(frozen=True)
class Bundle:
    """The built bundle, the symlinked bin/ a user runs it from, and a clean environment."""

    folder: Path
    bin: Path
    env: dict[str, str]
    cwd: Path
    build_seconds: float


def run(
    cmd: list[str | Path], timeout: float, env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=timeout, check=False,
        env=env, cwd=cwd,
    )


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """Build the bundle with PyInstaller into a temporary folder (its cache too)."""
    base = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(base / "cache")}
    started = time.monotonic()
    done = run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", base / "dist", "--workpath", base / "work", SPEC],
        timeout=900, env=env, cwd=ROOT,
    )
    build_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-3000:]
    folder = base / "dist" / "scanstation"
    bin_dir = base / "bin"  # like /usr/bin in the .deb: symlinks into the bundle
    bin_dir.mkdir()
    for name in ("scanstation", "scanstation-gui"):
        (bin_dir / name).symlink_to(folder / name)
    # A decoy `app` package first on PYTHONPATH and in the working folder: the bundle must
    # run its own copy, never one from the environment or the current folder.
    decoy = base / "elsewhere"
    (decoy / "app").mkdir(parents=True)
    (decoy / "app" / "__init__.py").write_text('__version__ = "decoy"\nraise SystemExit(97)\n')
    (base / "home").mkdir()
    clean = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(base / "home"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(decoy),
        "SANE_CONFIG_DIR": os.environ["SANE_CONFIG_DIR"],  # the SANE test backend only
    }
    return Bundle(folder, bin_dir, clean, decoy, build_seconds)


@pytest.fixture(scope="session")
def deb(bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb made from the bundle (zstd: the fastest to build)."""
    out = tmp_path_factory.mktemp("deb")
    done = run(
        [sys.executable, BUILD_DEB, "--bundle", bundle.folder, "--out", out,
         "--compression", "zstd"],
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return Path(done.stdout.strip())


def in_bundle(
    bundle: Bundle, *args: str | Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the bundle's `scanstation` through its symlink, in the clean environment."""
    return run([bundle.bin / "scanstation", *args], timeout, env=bundle.env, cwd=bundle.cwd)


def test_version_answers_from_the_bundle(bundle: Bundle) -> None:
    """--version answers with the real version (not the decoy's), and nothing on stderr.
    (Its start-up time is a `make bench` figure: BENCH_BUNDLE=… python -m bench timing.)"""
    print(f"\nPyInstaller build: {bundle.build_seconds:.1f} s")
    done = in_bundle(bundle, "--version", timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == f"scanstation {__version__}"
    assert done.stderr == ""


def test_doctor_passes_from_the_bundle(bundle: Bundle) -> None:
    done = in_bundle(bundle, "doctor", timeout=180)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "Kiểm tra trạm số hóa" in done.stdout
    assert "Tesseract" in done.stdout
    assert "Kết quả:" in done.stdout


def test_convert_a_demo_page_to_searchable_pdfa(bundle: Bundle, tmp_path: Path) -> None:
    """The bundle's worker processes (forkserver) and Tesseract turn a page into PDF/A-2b."""
    page = render_page(np.random.default_rng(7), dpi=300)
    png = tmp_path / "trang 1.png"
    Image.fromarray(page.image).save(png, dpi=(300, 300))
    out = tmp_path / "hồ sơ.pdf"
    done = in_bundle(bundle, "convert", png, "-o", out, "--jobs", "2", timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    check = run(["qpdf", "--check", out], timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    with pikepdf.open(out) as pdf:
        meta = pdf.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("2", "B")
        assert len(pdf.pages) == 1
    text = run(["pdftotext", out, "-"], timeout=60).stdout
    found = set(unicodedata.normalize("NFC", text).lower().split())
    words = {w for w in page.text.lower().split() if re.fullmatch(r"\w{4,}", w)}
    share = len(words & found) / len(words)
    assert share > 0.8, f"only {share:.0%} of the printed words are in the text layer"


def test_desk_starts_from_the_bundle(bundle: Bundle) -> None:
    """scanstation-gui loads Qt, its plugins and the translations and stays up (offscreen)."""
    env = {**bundle.env, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [bundle.bin / "scanstation-gui"], env=env, cwd=bundle.cwd,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert proc.poll() is None, proc.communicate(timeout=10)[1][-3000:]
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=10)
    assert "Traceback" not in err, err[-3000:]


@pytest.fixture(scope="session")
def deb_tree(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package unpacked: its files, and its control files in DEBIAN/."""
    root = tmp_path_factory.mktemp("deb-tree")
    for action, folder in (("-x", root), ("-e", root / "DEBIAN")):
        done = run(["dpkg-deb", action, deb, folder], timeout=300)
        assert done.returncode == 0, done.stderr
    return root


def test_deb_control_declares_the_run_time_packages(deb: Path, deb_tree: Path) -> None:
    """Depends names what the bundle needs at run time; no maintainer script exists at all."""
    fields = run(["dpkg-deb", "-f", deb, "Package", "Version", "Depends"], timeout=60).stdout
    control = dict(line.split(": ", 1) for line in fields.strip().splitlines())
    assert control["Package"] == "scanstation"
    assert control["Version"] == __version__
    depends = {d.strip().split(" ")[0] for d in control["Depends"].split(",")}
    assert {"tesseract-ocr", "tesseract-ocr-vie", "fonts-liberation2", "libsane1",
            "libxcb-cursor0", "libxkbcommon-x11-0", "libegl1"} <= depends
    assert "softhsm2" not in depends
    assert {p.name for p in (deb_tree / "DEBIAN").iterdir()} <= {"control", "md5sums"}


def test_deb_installs_under_opt_with_a_desktop_entry(deb: Path, deb_tree: Path) -> None:
    """Files under /opt/scanstation and /usr only (no user data), links, entry, icon."""
    listing = run(["dpkg-deb", "-c", deb], timeout=120).stdout
    paths = [line.split()[5] for line in listing.splitlines()]
    assert all(p.startswith(("./opt/scanstation/", "./usr/")) or p in {"./", "./opt/"}
               for p in paths)
    assert not [p for p in paths if re.search(r"/home/|/root/|\.local|/var/|/etc/", p)]
    for name in ("scanstation", "scanstation-gui"):
        link = (deb_tree / "usr" / "bin" / name).readlink()
        assert link == Path("/opt/scanstation") / name
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(deb_tree / "usr" / "share" / "applications" / "scanstation.desktop")
    desktop = entry["Desktop Entry"]
    assert (desktop["Type"], desktop["Exec"], desktop["Icon"]) == (
        "Application", "scanstation-gui", "scanstation")
    assert (deb_tree / "usr/share/icons/hicolor/scalable/apps/scanstation.svg").is_file()
    done = run([deb_tree / "opt" / "scanstation" / "scanstation", "--version"], timeout=30,
               cwd=deb_tree)
    assert done.stdout.strip() == f"scanstation {__version__}"
    print(f"\n.deb: {deb.stat().st_size / 2**20:.0f} MiB (zstd); "
          f"bundle: {dir_size(deb_tree / 'opt' / 'scanstation') / 2**20:.0f} MiB")


def dir_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*"))
