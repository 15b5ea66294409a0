"""PKCS#11 tokens: list them and their certificates; open one signing session with one PIN entry."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

import pkcs11
from cryptography import x509
from pkcs11 import Attribute, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11
from pyhanko.sign.pkcs11 import PKCS11Signer

from .certs import CertificateInfo, to_asn1
from .errors import (
    PinRejected,
    SigningCancelled,
    SigningChoiceError,
    TokenError,
    TokenLocked,
    TokenRemoved,
)
from .modules import choose_module

if TYPE_CHECKING:
    from pkcs11._pkcs11 import lib as P11Lib  # noqa: N812

# PKCS#11 modules keep process-wide state and many are not thread-safe (SoftHSM2 aborts the
# process when two threads list slots at once): one thread at a time in the library, from a
# listing's start to its end and from a session's login to its close.
OWNER = threading.RLock()

# python-pkcs11 errors that mean the token or its session is gone.
GONE = (
    p11.DeviceRemoved,
    p11.TokenNotPresent,
    p11.SessionClosed,
    p11.SessionHandleInvalid,
    p11.DeviceError,
    p11.UserNotLoggedIn,
)


@dataclass(frozen=True)
class PinRequest:
    """What the PIN prompt shows: the token and what it reports about remaining tries."""

    token_label: str
    warning: str = ""
    warning_vi: str = ""


class PinPrompter(Protocol):
    """Asks the user for the PIN once; returns None if the user cancels. Never stores it."""

    def __call__(self, request: PinRequest) -> str | None: ...


@dataclass(frozen=True)
class TokenInfo:
    """One token as listed to the user."""

    label: str
    manufacturer: str
    model: str
    serial: str
    status: str
    certificates: tuple[CertificateInfo, ...]
    tries: str = "unknown"  # what the token says of its PIN tries: see tries_code


def tries_left(flags: TokenFlag) -> tuple[str, str]:
    """What the token says about the PIN tries left (PKCS#11 gives flags, not a count)."""
    if flags & TokenFlag.USER_PIN_LOCKED:
        return "the token is locked", "token đã bị khóa"
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return (
            "one try is left before the token locks",
            "chỉ còn một lần thử trước khi token bị khóa",
        )
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return (
            "the token reports that few tries are left before it locks",
            "token báo chỉ còn ít lần thử trước khi bị khóa",
        )
    return (
        "the token does not report how many tries are left",
        "token không cho biết còn bao nhiêu lần thử",
    )


def tries_code(flags: TokenFlag) -> str:
    """The PIN tries left as a code for the desk to word: locked, final, low or unknown."""
    for flag, code in ((TokenFlag.USER_PIN_LOCKED, "locked"),
                       (TokenFlag.USER_PIN_FINAL_TRY, "final"),
                       (TokenFlag.USER_PIN_COUNT_LOW, "low")):
        if flags & flag:
            return code
    return "unknown"


def _locked(label: str) -> TokenLocked:
    return TokenLocked(
        f"The token {label!r} is locked: too many wrong PINs.",
        f"Token {label!r} đã bị khóa do nhập sai mã PIN quá số lần cho phép.",
        hint="Unlock it with the CA's tool and the SO PIN/PUK, or ask the CA for help.",
        code="signing.token_locked", params={"label": label},
    )


def _load(module: Path | None) -> P11Lib:
    path = choose_module(module)
    try:
        return pkcs11.lib(str(path))
    except (OSError, RuntimeError, p11.PKCS11Error) as err:
        raise TokenError(
            f"Cannot load the PKCS#11 module {path}: {err}",
            f"Không nạp được thư viện PKCS#11 {path}: {err}",
            hint="Reinstall the token's driver, or choose the module that matches this token.",
            code="signing.module_load", params={"path": str(path)},
        ) from err


def _certificates(session: pkcs11.Session) -> list[tuple[x509.Certificate, CertificateInfo]]:
    found = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            cert = x509.load_der_x509_certificate(obj[Attribute.VALUE])
        except ValueError:
            continue
        label = obj[Attribute.LABEL] or ""
        key_id = bytes(obj[Attribute.ID] or b"")
        found.append((cert, CertificateInfo.of(cert, label, key_id)))
    return found


def _text(value: object) -> str:
    return str(value or "").strip()


def _initialised_tokens(lib: P11Lib) -> list[pkcs11.Token]:
    tokens = [slot.get_token() for slot in lib.get_slots(token_present=True)]
    return [t for t in tokens if t.flags & TokenFlag.TOKEN_INITIALIZED]


def list_tokens(module: Path | None) -> list[TokenInfo]:
    """Every token in the module's slots, with its certificates (read without a PIN)."""
    with OWNER:
        return _list_tokens(module)


def _list_tokens(module: Path | None) -> list[TokenInfo]:
    lib = _load(module)
    tokens = []
    for token in _initialised_tokens(lib):
        with token.open() as session:
            certs = tuple(info for _, info in _certificates(session))
        status = (
            tries_left(token.flags)[0]
            if token.flags
            & (
                TokenFlag.USER_PIN_LOCKED
                | TokenFlag.USER_PIN_FINAL_TRY
                | TokenFlag.USER_PIN_COUNT_LOW
            )
            else "ready"
        )
        tokens.append(
            TokenInfo(
                label=_text(token.label),
                manufacturer=_text(token.manufacturer_id),
                model=_text(token.model),
                serial=_text(
                    token.serial.decode("ascii", "replace")
                    if isinstance(token.serial, bytes)
                    else token.serial
                ),
                status=status,
                certificates=certs,
                tries=tries_code(token.flags),
            )
        )
    return tokens


class TokenSession:
    """One logged-in session on one token; a context manager. The PIN is asked once, never kept."""

    def __init__(
        self,
        module: Path | None,
        token_label: str,
        prompter: PinPrompter,
        *,
        key_label: str | None = None,
        cert_serial: str | None = None,
        pss: bool = False,
    ) -> None:
        self._module = module
        self._label = token_label
        self._prompter = prompter
        self._key_label = key_label
        self._cert_serial = cert_serial
        self._pss = pss
        self._session: pkcs11.Session | None = None
        self._signer: PKCS11Signer | None = None
        self._info: CertificateInfo | None = None
        self._owned = False

    def __enter__(self) -> TokenSession:
        OWNER.acquire()  # released by close(), in the same thread: the session's one owner
        self._owned = True
        try:
            token = self._find_token(_load(self._module))
            session = self._login(token)
            try:
                self._choose(session)
            except BaseException:
                with contextlib.suppress(p11.PKCS11Error):
                    session.close()
                raise
        except BaseException:
            self._release()
            raise
        self._session = session
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """End the session (also what a pulled-out token amounts to)."""
        session, self._session, self._signer = self._session, None, None
        try:
            if session is not None:
                with contextlib.suppress(p11.PKCS11Error):
                    session.close()
        finally:
            self._release()

    def _release(self) -> None:
        if self._owned:
            self._owned = False
            OWNER.release()

    @property
    def signer(self) -> PKCS11Signer:
        if self._signer is None:
            raise TokenRemoved(
                "The token session is closed.",
                "Phiên làm việc với token đã đóng.",
                hint="Insert the token and sign the remaining documents again.",
                code="signing.token_removed",
            )
        return self._signer

    @property
    def certificate(self) -> CertificateInfo:
        assert self._info is not None, "use the session inside `with`"
        return self._info

    @property
    def raw_session(self) -> pkcs11.Session | None:
        """The python-pkcs11 session (tests close it to simulate a pulled-out token)."""
        return self._session

    def _find_token(self, lib: P11Lib) -> pkcs11.Token:
        tokens = _initialised_tokens(lib)
        for token in tokens:
            if _text(token.label) == self._label:
                return token
        labels = ", ".join(repr(_text(t.label)) for t in tokens) or "none"
        raise SigningChoiceError(
            f"No token labelled {self._label!r} is plugged in (tokens present: {labels}).",
            f"Không thấy token có nhãn {self._label!r} (token đang cắm: {labels}).",
            hint="Plug in the office token, or list tokens with `scanstation tokens`.",
            code="signing.no_token", params={"label": self._label, "present": labels},
        )

    def _login(self, token: pkcs11.Token) -> pkcs11.Session:
        if token.flags & TokenFlag.USER_PIN_LOCKED:
            raise _locked(self._label)
        warning, warning_vi = ("", "")
        if token.flags & (TokenFlag.USER_PIN_FINAL_TRY | TokenFlag.USER_PIN_COUNT_LOW):
            warning, warning_vi = tries_left(token.flags)
        pin = self._prompter(PinRequest(self._label, warning, warning_vi))
        if pin is None:
            raise SigningCancelled("PIN entry cancelled.", "Đã hủy nhập mã PIN.",
                                   code="signing.cancelled")
        try:
            return token.open(user_pin=pin)
        except p11.UserAlreadyLoggedIn:
            return token.open()  # this application holds another logged-in session
        except p11.PinLocked:
            raise _locked(self._label) from None
        except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange):
            flags = self._flags_now(token)
            if flags & TokenFlag.USER_PIN_LOCKED:
                raise _locked(self._label) from None
            left, left_vi = tries_left(flags)
            raise PinRejected(
                f"Wrong PIN for the token {self._label!r}; it was not retried: {left}.",
                f"Sai mã PIN của token {self._label!r}; không thử lại tự động: {left_vi}.",
                hint="Check the PIN and sign again. A token locks after a few wrong PINs.",
                code="signing.pin_wrong",
                params={"label": self._label, "tries": tries_code(flags)},
            ) from None
        finally:
            del pin

    def _flags_now(self, token: pkcs11.Token) -> TokenFlag:
        lib = _load(self._module)
        for fresh in _initialised_tokens(lib):
            if _text(fresh.label) == self._label:
                return TokenFlag(fresh.flags)
        return TokenFlag(token.flags)

    def _choose(self, session: pkcs11.Session) -> None:
        found = _certificates(session)
        if self._key_label is not None:
            picked = [c for c in found if c[1].label == self._key_label]
        elif self._cert_serial is not None:
            picked = [c for c in found if c[1].matches_serial(self._cert_serial)]
        else:
            picked = [c for c in found if not c[1].is_ca and c[1].problem() is None]
        if len(picked) != 1:
            what = "matches" if len(picked) == 0 else "several match"
            names = "; ".join(f"{i.label!r} serial {i.serial}" for _, i in found if not i.is_ca)
            raise SigningChoiceError(
                f"Choose one signing certificate on {self._label!r}: {what} ({names or 'none'}).",
                f"Hãy chọn một chứng thư số trên token {self._label!r} ({names or 'không có'}).",
                hint="Give --key-label or --cert-serial; `scanstation tokens` lists them.",
                code="signing.choose_certificate", params={"label": self._label},
            )
        cert, info = picked[0]
        problem = info.problem()
        if problem is not None:
            raise problem
        chain = [to_asn1(c) for c, i in found if i.is_ca]
        self._signer = PKCS11Signer(
            session,
            signing_cert=to_asn1(cert),
            ca_chain=chain,
            key_id=info.key_id or None,
            key_label=None if info.key_id else info.label,
            prefer_pss=self._pss,
            # many tokens (and SoftHSM2) only offer raw CKM_ECDSA: hash on the host
            use_raw_mechanism=info.algorithm.startswith("EC-"),
        )
        self._info = info
