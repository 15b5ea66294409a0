# Scanning station: `make run` and `make test` install whatever is missing, then do their job.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Debian packages the station and its tests need (checked one by one; only missing ones are installed).
APT_PACKAGES := python3 python3-venv python3-dev build-essential \
	tesseract-ocr tesseract-ocr-vie tesseract-ocr-script-viet tesseract-ocr-eng tesseract-ocr-osd hunspell-vi \
	sane-utils libsane1 libsane-dev \
	poppler-utils qpdf ghostscript jbig2dec fonts-liberation2 fonts-dejavu-core \
	fonts-freefont-ttf fonts-noto-mono fonts-texgyre fonts-noto-core fonts-sil-charis \
	fonts-jetbrains-mono fonts-league-mono \
	softhsm2 opensc libsqlite3-0 postgresql \
	xvfb libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libfontconfig1 libdbus-1-3 chromium chromium-driver

.PHONY: run demo gui i18n test lint pytest bench fuzz system-deps venv clean run-server package-linux

run: system-deps venv i18n gui

# The desk application (PySide6); `python -m app` and `scanstation-gui` start the same.
gui:
	$(PY) -m app

# Qt translations are compiled at build time from resources/i18n/*.ts (never committed as .qm).
i18n: venv
	@for ts in resources/i18n/*.ts; do $(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

# The command-line demo flow: scan from the built-in virtual feeder.
demo:
	$(PY) -m app.cli.main scan --device demo --source adf --pages 4 -o demo.pdf --report demo-report.json
	@echo "Wrote demo.pdf (PDF/A-2b, searchable) and demo-report.json"

test: system-deps venv i18n lint pytest

lint: venv
	$(VENV)/bin/ruff check app server tests bench testkit
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# The desk's tests run apart from the others: QApplication is process-wide state, so no
# worker that runs a desk test runs anything else. Both runs use PYTEST_WORKERS processes
# (pytest-xdist; 0: in pytest's own process), each module whole in one worker so its fixtures
# (a server, a bundle build, a desk) are made once; many tests wait on child processes, servers
# and the network, so two workers beat one on 2 cores. Modules go out in collection order, the
# longest first (LONG_MODULES in tests/conftest.py).
PYTEST_WORKERS ?= 2
pytest: venv
	$(VENV)/bin/pytest -q -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder --ignore=tests/ui
	$(VENV)/bin/pytest -q -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder tests/ui

bench: system-deps venv
	$(PY) -m bench

# Property-based fuzzing of the package reader (tests/exchange/test_fuzz.py): 5 000 random
# cases for each of its two properties, 10 000 in all; `make test` runs a fixed sample of 60.
fuzz: venv
	HYPOTHESIS_PROFILE=fuzz $(VENV)/bin/pytest -q -p no:cacheprovider --timeout=0 tests/exchange/test_fuzz.py \
		--hypothesis-show-statistics

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

# The Linux bundle (PyInstaller, one folder: dist/scanstation) and its .deb (dist/*.deb);
# PyInstaller's work files and cache stay in build/. See installers/README.md.
package-linux: system-deps venv
	rm -rf dist/scanstation build/pyinstaller
	PYINSTALLER_CONFIG_DIR=build/pyinstaller/cache $(VENV)/bin/pyinstaller --noconfirm \
		--log-level WARN --distpath dist --workpath build/pyinstaller installers/linux/scanstation.spec
	$(PY) installers/linux/build_deb.py --bundle dist/scanstation --out dist

# Each main screen of the desk as PNG in docs/screenshots (Vietnamese, demo data in a temporary
# catalog), drawn by a real X server (Xvfb) so the pictures look like the desktop.
.PHONY: screenshots
screenshots: system-deps venv i18n
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m app.ui.screenshots --out docs/screenshots

# The central catalog server with a local PostgreSQL in ./.pgdata (demo; prints an enrollment code).
# STORAGE=s3: blobs and partial uploads in a local SeaweedFS (./.pgdata/seaweed) instead of files.
STORAGE ?= file
run-server: system-deps venv
	$(PY) -m server demo --folder .pgdata --port 8080 --storage $(STORAGE)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache demo.pdf demo-report.json
