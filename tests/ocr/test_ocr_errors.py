"""The bench's OCR errors by kind: each kind found on a read text made from the printed one."""

from __future__ import annotations

from bench.metrics import cer
from bench.ocr_errors import KINDS, by_kind, classify

PRINTED = ("ỦY BAN MTTQ VIỆT NAM QUẬN\nSố: 05/HD-MTTQ-BTT\nNơi nhận:\n- Như trên;\n"
           "- Lưu: VT.\nTổ chức tốt các hoạt động hướng về cơ sở nhằm phát huy sức mạnh")


def _kinds(read: str) -> dict[str, int]:
    return {k: v for k, v in by_kind(classify(PRINTED, read)).items() if v}


def test_the_same_words_in_another_order_are_no_error() -> None:
    lines = PRINTED.splitlines()
    assert classify(PRINTED, "\n".join(reversed(lines))) == []
    assert by_kind([]) == dict.fromkeys(KINDS, 0)


def test_each_kind_is_told_apart() -> None:
    read = (PRINTED.replace("VIỆT NAM", "VIỆTNAM").replace("05/", "65/")
            .replace("hướng", "hưởng").replace("trên;", "trên,").replace("Như", "NHƯ")
            .replace("VT.", "VF.").replace("nhằm", "nh ằm").replace("Lưu:", "")
            + "\n`... >k")
    assert _kinds(read) == {"run together": 1, "digits": 1, "diacritics": 1, "punctuation": 1,
                            "case": 2, "letters": 1, "split": 1, "missing": 5, "debris": 8}


def test_the_edits_are_the_order_free_distance_when_no_word_moves() -> None:
    kept = PRINTED.replace("hướng", "hưởng")
    assert sum(by_kind(classify(PRINTED, kept)).values()) == cer(PRINTED, kept)[0] == 1
    moved = kept.replace("Lưu:", "Ưu:") + " ˆ"
    assert sum(by_kind(classify(PRINTED, moved)).values()) == 5 == cer(PRINTED, moved)[0]


def test_an_empty_read_is_all_missing() -> None:
    kinds = _kinds("")
    assert list(kinds) == ["missing"]
    assert kinds["missing"] == len(" ".join(PRINTED.split())) + 1
