"""Sync fixtures: the test signer, one real server process per module, stations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures.serverproc import ServerProcess, start_server
from tests.fixtures.signing import PdfSigner, make_signer


@pytest.fixture(scope="session")
def signer(tmp_path_factory: pytest.TempPathFactory) -> PdfSigner:
    return make_signer(tmp_path_factory.mktemp("ca"))


@pytest.fixture(scope="session")
def pdfs(signer: PdfSigner, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A one-page scan and its signed copy."""
    return signer.pair(tmp_path_factory.mktemp("pdf"), "ke-hoach")


@pytest.fixture(scope="module")
def server(signer: PdfSigner, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    running = start_server(tmp_path_factory.mktemp("server"), signer.root_pem)
    yield running
    running.stop()
