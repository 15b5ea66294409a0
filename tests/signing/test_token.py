"""Tokens on SoftHSM2: listing, the PIN (asked once, never kept), certificate checks, PKCS#12."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pkcs11 import TokenFlag

from app.signing.errors import (
    CertificateRejected,
    PinRejected,
    SigningCancelled,
    SigningChoiceError,
    TokenLocked,
)
from app.signing.modules import WINDOWS_MODULES, candidate_paths, choose_module
from app.signing.pkcs12 import Pkcs12Key
from app.signing.token import PinRequest, TokenSession, list_tokens, tries_left
from testkit.softhsm import SOFTHSM
from tests.fixtures.tokens import PIN, TOKEN, Pki

MODULE = Path(SOFTHSM)


class CountingPrompter:
    """Returns a fixed answer and counts the calls."""

    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.requests: list[PinRequest] = []

    def __call__(self, request: PinRequest) -> str | None:
        self.requests.append(request)
        return self.answer


def test_tokens_list_their_certificates(pki: Pki) -> None:
    tokens = {t.label: t for t in list_tokens(MODULE)}
    certs = {c.label: c for c in tokens[TOKEN].certificates}
    assert set(certs) == {"rsa", "ec", "expired", "encipher"}
    rsa = certs["rsa"]
    assert rsa.algorithm == "RSA-2048" and certs["ec"].algorithm == "EC-secp256r1"
    assert rsa.key_usage == ("digital_signature", "content_commitment")
    assert "Test Root CA" in rsa.issuer and rsa.serial == f"{pki.certs['rsa'].serial_number:x}"
    assert rsa.not_before < rsa.not_after


def test_wrong_pin_is_asked_once_and_reported(pki: Pki, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "999999"
    prompter = CountingPrompter(wrong)
    with pytest.raises(PinRejected) as caught, TokenSession(MODULE, TOKEN, prompter):
        pass
    assert len(prompter.requests) == 1
    message = str(caught.value)
    assert "Wrong PIN" in message and "not retried" in message
    assert "tries" in message  # what the token reports (SoftHSM: the COUNT_LOW flag)
    assert "Sai mã PIN" in caught.value.message_vi
    assert caught.value.exit_code == 4
    for text in (message, repr(caught.value), caplog.text, caught.value.message_vi):
        assert wrong not in text
    # the right PIN still works afterwards and never shows up either
    with TokenSession(MODULE, TOKEN, CountingPrompter(PIN), key_label="rsa") as session:
        assert session.certificate.label == "rsa"
    assert PIN not in caplog.text


def test_cancelled_prompt(pki: Pki) -> None:
    with pytest.raises(SigningCancelled), TokenSession(MODULE, TOKEN, CountingPrompter(None)):
        pass


def test_tries_left_reads_the_token_flags() -> None:
    assert "locked" in tries_left(TokenFlag.USER_PIN_LOCKED)[0]
    assert "one try" in tries_left(TokenFlag.USER_PIN_FINAL_TRY)[0]
    assert "few tries" in tries_left(TokenFlag.USER_PIN_COUNT_LOW)[0]
    assert "does not report" in tries_left(TokenFlag.LOGIN_REQUIRED)[0]


def test_locked_token_is_reported_without_asking_for_the_pin() -> None:
    """SoftHSM2 never locks a token, so a stand-in token reports CKF_USER_PIN_LOCKED."""

    class LockedToken:
        flags = TokenFlag.USER_PIN_LOCKED | TokenFlag.TOKEN_INITIALIZED

    prompter = CountingPrompter(PIN)
    session = TokenSession(MODULE, TOKEN, prompter)
    with pytest.raises(TokenLocked, match="locked"):
        session._login(LockedToken())  # type: ignore[arg-type]
    assert prompter.requests == []


@pytest.mark.parametrize(
    ("label", "expected"), [("expired", "expired"), ("encipher", "not for signing")]
)
def test_unfit_certificates_are_refused(pki: Pki, label: str, expected: str) -> None:
    with (
        pytest.raises(CertificateRejected, match=expected),
        TokenSession(MODULE, TOKEN, CountingPrompter(PIN), key_label=label),
    ):
        pass


def test_choice_by_serial_and_unknown_token(pki: Pki) -> None:
    serial = f"{pki.certs['ec'].serial_number:X}"
    with TokenSession(MODULE, TOKEN, CountingPrompter(PIN), cert_serial=serial) as session:
        assert session.certificate.label == "ec"
    with pytest.raises(SigningChoiceError, match="No token labelled"):
        TokenSession(MODULE, "nope", CountingPrompter(PIN)).__enter__()


def test_module_choice_and_probing(tmp_path: Path) -> None:
    assert choose_module(MODULE) == MODULE
    with pytest.raises(SigningChoiceError, match="not found"):
        choose_module(tmp_path / "missing.so")
    windows = [p.name for p in candidate_paths("win32")]
    assert "vnptca_p11_v10.dll" in windows and "bit4xpki.dll" in windows
    assert set(WINDOWS_MODULES) <= set(windows)
    assert "opensc-pkcs11.so" in [p.name for p in candidate_paths("linux")]


def test_pkcs12_password_once(pki: Pki) -> None:
    wrong = CountingPrompter("nope")
    with pytest.raises(PinRejected, match="Wrong password"), Pkcs12Key(pki.pkcs12_path, wrong):
        pass
    assert len(wrong.requests) == 1
    with Pkcs12Key(pki.pkcs12_path, CountingPrompter(pki.pkcs12_password)) as key:
        assert key.certificate.algorithm == "RSA-2048"


def test_tokens_listed_and_used_from_several_threads_at_once_never_crash(pki: Pki) -> None:
    """SoftHSM2 aborts the whole process when two threads list its slots at once (the desk's
    health check beside the token picker did it in CI): one thread at a time goes in. Run in
    a child process, since a regression kills the process rather than failing a test."""
    script = f"""
import threading
from pathlib import Path
from app.signing.token import TokenSession, list_tokens

def lister():
    for _ in range(15):
        assert list_tokens(Path({SOFTHSM!r}))

def signer():
    for _ in range(5):
        with TokenSession(Path({SOFTHSM!r}), {TOKEN!r}, lambda request: {PIN!r},
                          key_label="rsa") as token:
            assert token.certificate.label == "rsa"

threads = [threading.Thread(target=lister) for _ in range(3)]
threads.append(threading.Thread(target=signer))
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
