"""The Sign screen: a token of the SoftHSM2 module, its certificate, signing chosen documents."""

from __future__ import annotations

import re
from pathlib import Path

from pkcs11 import TokenFlag

from app.catalog.models import State
from app.ui import i18n
from app.ui.sign_view import SignView
from testkit.catalog import make_station_pdf
from testkit.softhsm import SOFTHSM, SOON_DAYS
from tests.fixtures.tokens import ORG, PIN, SOON_TOKEN, TOKEN
from tests.ui.conftest import HOSO, PASSWORD, document_meta, settle
from tests.ui.token_flags import pin_state


def _approved(desk, tmp_path: Path, count: int) -> list[str]:
    """`count` station PDF/A documents, filed by lan and approved by hung; mai signs."""
    session = desk.session
    session.sign_in("lan", PASSWORD)
    hoso = session.create_hoso(HOSO)
    codes = []
    for number in range(count):
        pdf = make_station_pdf(tmp_path / f"doc{number}.pdf", seed=number + 1)
        meta = document_meta(1) | {"codeNumber": str(20 + number)}
        doc = session.catalog.add_document(pdf, meta, "lan", hoso=hoso.file_code,
                                           page_texts=[""])
        session.catalog.set_state(doc.doc_code, State.INDEXED, "lan")
        session.catalog.set_state(doc.doc_code, State.APPROVED, "hung")
        codes.append(doc.doc_code)
    session.sign_in("mai", PASSWORD)
    return codes


def _view(qtbot, desk, token: str = "", key: str = "") -> SignView:
    i18n.install("vi")
    desk.prefs.set_token(SOFTHSM, token, key)
    view = SignView(desk)
    qtbot.addWidget(view)
    view.refresh()
    settle(qtbot)
    return view


def _pick(view: SignView, token: str, key: str) -> None:
    picker = view.picker
    picker.tokens.setCurrentIndex(
        [picker.tokens.itemData(i).label for i in range(picker.tokens.count())].index(token))
    picker.certificates.setCurrentIndex(
        [picker.certificates.itemData(i).label
         for i in range(picker.certificates.count())].index(key))


def test_the_token_and_certificate_are_picked_from_what_is_plugged_in(qtbot, desk, pki,
                                                                        tmp_path):
    _approved(desk, tmp_path, 1)
    view = _view(qtbot, desk)
    picker = view.picker
    entry = picker.module_entry()
    assert entry is not None and str(entry.module) == SOFTHSM
    assert picker.modules.currentText() == f"SoftHSM — {SOFTHSM}"
    labels = [picker.tokens.itemData(i).label for i in range(picker.tokens.count())]
    assert {TOKEN, SOON_TOKEN} <= set(labels)
    _pick(view, TOKEN, "rsa")
    token = picker.token()
    assert token is not None
    assert picker.tokens.currentText() == (
        f"{TOKEN} — SoftHSM project {token.model}, số sê-ri {token.serial}")
    certs = [picker.certificates.itemData(i).label for i in range(picker.certificates.count())]
    assert certs[-1] == "expired" and set(certs) == {"rsa", "ec", "expired"}  # no encipher key
    rsa = pki.certs["rsa"]
    details = picker.details.text().splitlines()
    assert details[0] == f"Người giữ: Văn thư (rsa), {ORG}"
    assert details[1] == "Cấp bởi: Test Root CA"
    assert details[2] == f"Số sê-ri: {rsa.serial_number:x}"
    assert details[3] == (f"Hiệu lực từ {rsa.not_valid_before_utc:%d/%m/%Y} "
                          f"đến {rsa.not_valid_after_utc:%d/%m/%Y}")
    assert re.fullmatch(r"Còn 36[45] ngày", details[4])
    assert picker.warning.text() == "" and view.sign_button.isEnabled()
    choice = picker.choice()
    assert choice is not None and choice.cert_serial == f"{rsa.serial_number:x}"


def test_a_certificate_near_its_end_warns_and_an_ended_one_is_refused(qtbot, desk, pki,
                                                                        tmp_path):
    """The certificate is shown with its days left."""
    _approved(desk, tmp_path, 1)
    view = _view(qtbot, desk, SOON_TOKEN, "soon")
    picker = view.picker
    cert = picker.certificate()
    assert cert is not None and cert.label == "soon"  # the settings' choice is selected again
    until = f"{pki.soon_certs['soon'].not_valid_after_utc:%d/%m/%Y}"
    assert picker.warning.text() == (
        f"Chứng thư số này chỉ còn {SOON_DAYS} ngày (đến {until}): hãy liên hệ nhà cung cấp "
        "chứng thư số để gia hạn kịp thời.")
    assert f"Còn {SOON_DAYS} ngày" in picker.details.text()
    assert view.sign_button.isEnabled()  # a warning, not a refusal
    _pick(view, SOON_TOKEN, "expired")
    ended = f"{pki.soon_certs['expired'].not_valid_after_utc:%d/%m/%Y}"
    assert picker.warning.text() == (
        f"Chứng thư số này đã hết hạn ngày {ended}: không thể ký văn bản bằng chứng thư này. "
        "Hãy liên hệ nhà cung cấp chứng thư số để gia hạn.")
    assert not view.sign_button.isEnabled()
    assert "ngày" not in picker.details.text().splitlines()[-1]  # no "days left" once ended


def test_only_the_chosen_documents_are_signed_and_a_wrong_pin_changes_nothing(
    qtbot, desk, pki, tmp_path
):
    codes = _approved(desk, tmp_path, 3)
    view = _view(qtbot, desk, TOKEN, "rsa")
    assert view.table.rowCount() == 3 and view.chosen_rows() == [0, 1, 2]
    assert view.chosen_label.text() == "Đã chọn 3/3"
    view.none_button.click()
    assert view.chosen_rows() == [] and not view.sign_button.isEnabled()
    view.all_button.click()
    asked: list[str] = []

    def wrong(request):
        asked.append(request.token_label)
        return "000000"

    view.ask_pin = wrong
    view.sign_button.click()
    settle(qtbot, timeout=60000)
    assert asked == [TOKEN]  # asked once, never retried
    assert view.message.text().startswith(f"Sai mã PIN của token '{TOKEN}'")
    assert "token báo chỉ còn ít lần thử" in view.message.text()  # SoftHSM2's count-low flag
    assert {desk.session.document(c).state for c in codes} == {State.APPROVED}
    item = view.table.item(1, 0)
    assert item is not None
    item.setCheckState(item.checkState().Unchecked)  # the clerk leaves the second one out
    assert view.chosen_label.text() == "Đã chọn 2/3"
    view.ask_pin = lambda request: PIN
    view.sign_button.click()
    settle(qtbot, timeout=60000)
    assert view.message.text() == "Đã ký 2/2."
    states = [desk.session.document(c).state for c in codes]
    assert states == [State.SIGNED, State.APPROVED, State.SIGNED]
    result = view.table.item(0, 2)
    assert result is not None and result.text() == "đã ký"
    assert desk.prefs.token() == (SOFTHSM, TOKEN, "rsa")  # the choice is kept for next time
    view.refresh()
    settle(qtbot)
    assert [d.doc_code for d in view.documents] == [codes[1]]


def test_a_driver_file_that_does_not_load_and_the_typed_fallback(qtbot, desk, pki, tmp_path):
    _approved(desk, tmp_path, 1)
    view = _view(qtbot, desk)
    bogus = tmp_path / "vnptca_p11_v8.so"
    bogus.write_bytes(b"\x7fELF not really")
    view.picker.refresh(bogus)  # what «Chọn tệp thư viện khác…» does with the chosen file
    settle(qtbot)
    assert view.picker.modules.currentText().endswith("không nạp được")
    assert view.picker.details.text().startswith("Không nạp được thư viện này:")
    assert view.picker.choice() is None and not view.sign_button.isEnabled()
    view.picker.advanced.setChecked(True)  # typing stays possible, as the advanced way
    assert not view.sign_button.isEnabled()  # not without a token label
    view.picker.module.setText(SOFTHSM)
    view.picker.label.setText(TOKEN)
    view.picker.key.setText("ec")
    assert view.sign_button.isEnabled()
    view.ask_pin = lambda request: PIN
    view.sign_button.click()
    settle(qtbot, timeout=60000)
    assert view.message.text() == "Đã ký 1/1."


def _files(desk, codes: list[str]) -> list[tuple[State, int, bytes]]:
    """Each document's state, number of versions and newest file's bytes."""
    session = desk.session
    docs = [session.document(c) for c in codes]
    return [(d.state, len(d.files), session.file_of(d).read_bytes()) for d in docs]


def test_a_locked_token_says_who_unblocks_it_and_nothing_is_lost(qtbot, desk, pki, tmp_path):
    codes = _approved(desk, tmp_path, 2)
    view = _view(qtbot, desk, TOKEN, "rsa")  # read while the token was still usable
    before = _files(desk, codes)
    asked: list[str] = []

    def pin(request):
        asked.append(request.token_label)
        return PIN

    view.ask_pin = pin
    told = (f"Token {TOKEN} đã bị khóa do nhập sai mã PIN quá số lần cho phép. Chưa có văn bản "
            "nào được ký hay bị thay đổi. Hãy nhờ người quản lý token của cơ quan (người giữ mã "
            "SO PIN hoặc PUK) mở khóa token, hoặc liên hệ nhà cung cấp chứng thư số; sau đó ký "
            "lại.")
    with pin_state(TOKEN, TokenFlag.USER_PIN_LOCKED):
        view.sign_button.click()
        settle(qtbot, timeout=60000)
        assert asked == []  # a locked token is never offered a PIN
        assert view.message.text() == told
        assert _files(desk, codes) == before
        assert view.chosen_rows() == [0, 1]  # the signer's choice is kept for after the unblock
        view.picker.refresh()  # the token list says so too, and Sign waits
        settle(qtbot)
        assert view.picker.problem().startswith(f"Token {TOKEN} đã bị khóa")
        assert "mở khóa" in view.picker.problem()
        assert view.picker.warning.text() == view.picker.problem()
        assert not view.sign_button.isEnabled()
    view.picker.refresh()  # unblocked: «Look again», then sign
    settle(qtbot)
    assert view.picker.problem() == "" and view.sign_button.isEnabled()
    view.sign_button.click()
    settle(qtbot, timeout=60000)
    assert asked == [TOKEN] and view.message.text() == "Đã ký 2/2."
    assert {desk.session.document(c).state for c in codes} == {State.SIGNED}


def test_the_last_pin_try_is_announced_before_and_after_a_wrong_pin(qtbot, desk, pki, tmp_path):
    codes = _approved(desk, tmp_path, 1)
    before = _files(desk, codes)
    with pin_state(TOKEN, TokenFlag.USER_PIN_FINAL_TRY):
        view = _view(qtbot, desk, TOKEN, "rsa")
        last = ("Token báo chỉ còn một lần thử mã PIN: nhập sai thêm một lần nữa token sẽ bị "
                "khóa. Hãy nhập mã PIN thật cẩn thận.")
        assert view.picker.warning.text() == last and view.sign_button.isEnabled()
        warned: list[str] = []

        def wrong(request):
            warned.append(request.warning_vi)
            return "000000"

        view.ask_pin = wrong
        view.sign_button.click()
        settle(qtbot, timeout=60000)
        assert warned == ["chỉ còn một lần thử trước khi token bị khóa"]  # in the PIN prompt
        assert view.message.text() == (
            f"Sai mã PIN của token '{TOKEN}'; không thử lại tự động: chỉ còn một lần thử trước "
            "khi token bị khóa. Hãy kiểm tra mã PIN rồi ký lại: token sẽ bị khóa sau vài lần "
            "nhập sai.")
        assert _files(desk, codes) == before
