"""What the PyInstaller bundle holds, shared by the Linux and Windows specs so they stay in step."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "installers" / "entry"
RESOURCES = ROOT / "resources"

# Executable name -> (entry script, console program?). Both land in one folder.
PROGRAMS: dict[str, tuple[Path, bool]] = {
    "scanstation": (ENTRY / "scanstation.py", True),
    "scanstation-gui": (ENTRY / "scanstation_gui.py", False),
}

# Modules imported only inside functions or by name (modulegraph misses them).
HIDDEN_IMPORTS = ["pkcs11._pkcs11"]

# The desk uses QtCore, QtGui and QtWidgets only; the rest of PySide6 and the test/dev tools
# that happen to sit in the build venv stay out (size, build time).
EXCLUDES = [
    "tkinter",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtLocation",
    "PySide6.QtPositioning",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtHttpServer",
    "PySide6.QtNetwork",
    "pydantic",
    "pydantic_core",
    "server",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "ocrmypdf",
    "pytest",
    "_pytest",
    "mypy",
    "IPython",
    "matplotlib",
]


# Qt plugins the desk uses, per plugin folder (file names without "lib" and extension):
# X11 (XWayland too) or Windows windows, offscreen for tests, ibus/compose input for
# Vietnamese typing (ibus-bamboo, ibus-unikey), the image formats it shows, portal file
# dialogs, the Windows styles. Wayland, EGLFS, VNC, the virtual keyboard, TLS and the GTK
# theme are left out (each pulls in Qt Quick/QML or a stack of system libraries).
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    "platforms": ("qxcb", "qoffscreen", "qminimal", "qwindows"),
    "xcbglintegrations": ("qxcb-egl-integration", "qxcb-glx-integration"),
    "platforminputcontexts": (
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    ),
    "platformthemes": ("qxdgdesktopportal",),
    "imageformats": ("qjpeg", "qgif", "qico", "qsvg"),
    "iconengines": ("qsvgicon",),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle"),
}
# Qt libraries only the dropped plugins need.
QT_UNUSED_LIBS = ("Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6VirtualKeyboard", "Qt6Wayland", "Qt6Wl",
                  "Qt6EglFS", "Qt6EglFs", "Qt6Network")


def keep_binary(dest: str) -> bool:
    """Whether a collected library (its path inside the bundle) belongs in the bundle."""
    path = Path(dest)
    name = path.name.removeprefix("lib")
    if name.startswith(QT_UNUSED_LIBS):
        return False
    parts = path.parts
    if "plugins" not in parts[:-1]:
        return True
    folder = parts[parts.index("plugins") + 1]
    stem = name.split(".")[0]
    return stem in QT_PLUGINS.get(folder, ())


def keep_data(dest: str) -> bool:
    """Whether a collected data file belongs in the bundle (Qt's translations: vi, en only)."""
    path = Path(dest)
    if "translations" in path.parts[:-1] and path.suffix == ".qm":
        return path.stem.endswith(("_vi", "_en"))
    return True


def translations() -> list[Path]:
    """Compile the desk's .ts files and return the .qm files (the bundle ships no .ts)."""
    from app.ui.i18n import compile_translations

    return compile_translations(RESOURCES / "i18n")


def metadata() -> list[tuple[str, str]]:
    """The dist-info of the libraries whose versions `scanstation doctor` reports."""
    from PyInstaller.utils.hooks import copy_metadata  # type: ignore[import-untyped]

    from app.doctor.bundle import PACKAGES

    pairs: list[tuple[str, str]] = []
    for name in PACKAGES:
        try:
            importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:  # python-sane on Windows, twain on Linux
            continue
        pairs += copy_metadata(name)
    return pairs


def datas() -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs; `resources/` sits where app/ finds it (parents[2])."""
    sys.path.insert(0, str(ROOT))
    pairs = [
        (str(RESOURCES / "profiles" / "*.json"), "resources/profiles"),
        (str(RESOURCES / "signing" / "trust"), "resources/signing/trust"),
        (str(RESOURCES / "icons" / "scanstation.svg"), "resources/icons"),
        (str(RESOURCES / "lexicon"), "resources/lexicon"),
    ]
    pairs += [(str(qm), "resources/i18n") for qm in translations()]
    return pairs + metadata()


def icon_png(out: Path, size: int = 256) -> Path:
    """The SVG icon drawn to a PNG (PyInstaller makes the Windows .ico from it with Pillow)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(RESOURCES / "icons" / "scanstation.svg")).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise OSError(f"could not write {out}")
    return out
