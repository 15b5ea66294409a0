"""What is plugged in: modules, tokens and certificates read without a PIN; expiry warnings."""

from __future__ import annotations

import datetime
from pathlib import Path

from app.doctor import Context, Status, devices
from app.signing.certs import EXPIRY_WARNING_DAYS
from app.signing.plugged import plugged_in, signing_certificates
from testkit.softhsm import SOFTHSM, SOON_DAYS
from tests.fixtures.tokens import ORG, SOON_TOKEN, TOKEN, Pki

MODULE = Path(SOFTHSM)


def test_the_chosen_module_lists_its_tokens_and_signing_certificates(
    pki: Pki, soon_token: dict
) -> None:
    first = plugged_in(MODULE)[0]
    assert first.module == MODULE and first.vendor == "SoftHSM" and not first.error
    tokens = {t.label: t for t in first.tokens}
    assert {TOKEN, SOON_TOKEN} <= set(tokens)
    office = tokens[TOKEN]
    assert office.manufacturer == "SoftHSM project" and office.serial and office.status == "ready"
    certs = signing_certificates(office)
    assert [c.label for c in certs][-1] == "expired"  # usable ones first; never the encipher one
    assert {c.label for c in certs} == {"rsa", "ec", "expired"}
    rsa = next(c for c in certs if c.label == "rsa")
    assert rsa.holder == "Văn thư (rsa)" and rsa.holder_org == ORG
    assert rsa.issuer_name == "Test Root CA"
    assert rsa.serial == f"{pki.certs['rsa'].serial_number:x}"
    assert 363 <= rsa.days_left() <= 365 and not rsa.expires_soon()


def test_a_certificate_near_its_end_and_an_ended_one(soon_token: dict) -> None:
    token = next(t for m in plugged_in(MODULE) for t in m.tokens if t.label == SOON_TOKEN)
    soon, ended = signing_certificates(token)
    assert soon.label == "soon" and soon.days_left() == SOON_DAYS < EXPIRY_WARNING_DAYS
    assert soon.expires_soon() and soon.problem() is None  # still signs, with a warning
    assert ended.label == "expired" and ended.days_left() < 0 and not ended.expires_soon()
    refusal = ended.problem()
    assert refusal is not None
    assert f"đã hết hạn ngày {ended.not_after:%d/%m/%Y}" in refusal.message_vi
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=SOON_DAYS + 1)
    assert soon.problem(later) is not None  # the day after its end it is refused too


def test_a_module_that_does_not_load_is_listed_with_the_reason(tmp_path: Path) -> None:
    bogus = tmp_path / "viettel-ca_v6.so"
    bogus.write_bytes(b"\x7fELF not really")
    first = plugged_in(bogus)[0]
    assert first.vendor == "Viettel-CA" and first.tokens == ()
    assert "Không nạp được thư viện PKCS#11" in first.error_vi


def test_the_doctor_warns_before_the_chosen_certificate_ends(
    tmp_path: Path, soon_token: dict
) -> None:
    ctx = Context(tmp_path, pkcs11_module=MODULE, token_label=SOON_TOKEN, key_label="soon")
    result = devices.check_tokens(ctx)
    assert result.status is Status.WARN
    assert f"chỉ còn {SOON_DAYS} ngày" in result.detail.vi and "gia hạn" in result.fix.vi
    ended = devices.check_tokens(
        Context(tmp_path, pkcs11_module=MODULE, token_label=SOON_TOKEN, key_label="expired"))
    assert ended.status is Status.WARN and "đã hết hạn" in ended.detail.vi
    unchosen = devices.check_tokens(Context(tmp_path, pkcs11_module=MODULE, token_label=TOKEN))
    assert unchosen.status is Status.OK  # the office token's best certificate has a year left
