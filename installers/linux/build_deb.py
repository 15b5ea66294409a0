"""Build scanstation_VERSION_ARCH.deb from the PyInstaller bundle (dist/scanstation)."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = Path("opt/scanstation")
PROGRAMS = ("scanstation", "scanstation-gui")
# What the station runs or reads that no library link names: the OCR program with the
# Vietnamese models (vie, and the script model that reads typewritten lines again), and the
# Liberation fonts of the signature box and the separator sheets.
RUN_TIME = ("tesseract-ocr (>= 4.1)", "tesseract-ocr-vie", "tesseract-ocr-script-viet",
            "fonts-liberation2")
RECOMMENDS = (
    "opensc", "pcscd", "sane-utils", "jbig2dec", "desktop-file-utils", "hicolor-icon-theme",
)
SUGGESTS = ("tesseract-ocr-eng", "softhsm2")
DESCRIPTION = """\
document scanning station for the Vietnam Fatherland Front offices
 Scans paper records (SANE scanners, folders or the built-in demo feeder),
 finds and straightens each page, reads it with Tesseract (Vietnamese) and
 writes a searchable PDF/A-2b. It files documents in a local catalog, signs
 them with PKCS#11 tokens (PAdES) and sends them to the central server.
 .
 Commands: scanstation (command line), scanstation-gui (desk application).
 User data stays in ~/.local/share/scanstation; removing the package keeps it."""


def run(cmd: Sequence[str | Path], cwd: str | Path | None = None) -> str:
    """Run a build tool; its stdout, or exit with its stderr."""
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        sys.exit(f"error: {Path(cmd[0]).name} failed:\n{done.stderr.strip()}")
    return done.stdout


def bundle_version(bundle: Path) -> str:
    """The version the bundle reports (`scanstation --version`)."""
    out = run([bundle / "scanstation", "--version"], cwd=tempfile.gettempdir())
    match = re.fullmatch(r"scanstation (\S+)\s*", out)
    if match is None:
        sys.exit(f"error: unexpected `scanstation --version` output: {out!r}")
    return match.group(1)


def elf_files(root: Path) -> list[Path]:
    """Every ELF executable or library under `root` (symlinks not followed)."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def library_depends(stage: Path) -> str:
    """The Debian packages the bundle's libraries link to, as dpkg-shlibdeps computes them.

    Libraries inside the bundle are private (-l); those the system must provide are mapped
    to their packages with version bounds from the packages' symbols files.
    """
    elves = elf_files(stage / PREFIX)
    private = sorted({f"-l{path.parent}" for path in elves})
    with tempfile.TemporaryDirectory(prefix="shlibdeps-") as work:
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            "Source: scanstation\n\nPackage: scanstation\nArchitecture: any\n"
        )
        out = run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *private, *elves],
            cwd=work,
        )
    match = re.search(r"^shlibs:Depends=(.*)$", out, re.MULTILINE)
    if match is None:
        sys.exit("error: dpkg-shlibdeps found no library dependencies")
    return match.group(1)


def stage_tree(bundle: Path, stage: Path) -> None:
    """Lay out /opt/scanstation, the /usr/bin links, the desktop entry and the icon."""
    shutil.copytree(bundle, stage / PREFIX, symlinks=True)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in PROGRAMS:
        (bin_dir / name).symlink_to(Path("/") / PREFIX / name)
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(HERE / "scanstation.desktop", apps / "scanstation.desktop")
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(
        stage / PREFIX / "_internal" / "resources" / "icons" / "scanstation.svg",
        icons / "scanstation.svg",
    )


def control(version: str, arch: str, installed_kib: int, depends: str) -> str:
    """The DEBIAN/control text; there are no maintainer scripts (user data is never touched)."""
    return (
        f"Package: scanstation\nVersion: {version}\nArchitecture: {arch}\n"
        "Maintainer: Scanstation team <scanstation@localhost>\n"
        f"Installed-Size: {installed_kib}\nSection: graphics\nPriority: optional\n"
        f"Depends: {', '.join(RUN_TIME)}, {depends}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\nSuggests: {', '.join(SUGGESTS)}\n"
        f"Description: {DESCRIPTION}\n"
    )


def build(bundle: Path, out_dir: Path, compression: str) -> Path:
    """Stage the tree, write DEBIAN/control and build the package; return its path."""
    if not (bundle / "scanstation").is_file():
        sys.exit(f"error: no bundle in {bundle}; build it first: make package-linux")
    version = bundle_version(bundle)
    arch = run(["dpkg", "--print-architecture"]).strip()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="scanstation-deb-", dir=out_dir) as work:
        stage = Path(work) / "root"
        stage_tree(bundle, stage)
        (stage / "DEBIAN").mkdir()
        size = sum(p.lstat().st_size for p in stage.rglob("*")) // 1024 + 1
        depends = library_depends(stage)
        (stage / "DEBIAN" / "control").write_text(control(version, arch, size, depends))
        deb = out_dir / f"scanstation_{version}_{arch}.deb"
        run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", stage, deb])
    return deb


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build_deb.py [--bundle DIR] [--out DIR] [--compression TYPE]."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=Path("dist/scanstation"))
    parser.add_argument("--out", type=Path, default=Path("dist"))
    parser.add_argument("--compression", choices=("xz", "zstd", "gzip"), default="xz")
    args = parser.parse_args(argv)
    print(build(args.bundle.resolve(), args.out.resolve(), args.compression))
    return 0


if __name__ == "__main__":
    sys.exit(main())
