# Scanning station: `make run` and `make test` install whatever is missing, then do their job.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Debian packages the station and its tests need (checked one by one; only missing ones are installed).
APT_PACKAGES := python3 python3-venv python3-dev build-essential \
	tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd \
	sane-utils libsane1 libsane-dev \
	poppler-utils qpdf ghostscript fonts-liberation2 \
	softhsm2 opensc libsqlite3-0

.PHONY: run demo test lint pytest bench system-deps venv clean

run: system-deps venv demo

# Until the desk UI exists, `make run` runs the demo flow: scan from the built-in virtual feeder.
demo:
	$(PY) -m app scan --device demo --source adf --pages 4 -o demo.pdf --report demo-report.json
	@echo "Wrote demo.pdf (PDF/A-2b, searchable) and demo-report.json"

test: system-deps venv lint pytest

lint: venv
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/mypy

pytest: venv
	$(VENV)/bin/pytest -q

bench: system-deps venv
	$(PY) -m bench

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

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache demo.pdf demo-report.json
