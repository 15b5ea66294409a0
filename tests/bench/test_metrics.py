"""The benches' order-free CER: words aligned, not sorted, so that only order makes the gap."""

from __future__ import annotations

from bench.metrics import cer

PRINTED = ("ỦY BAN MTTQ VIỆT NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 05/HD-MTTQ-BTT\n"
           "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
           "Tổ chức tốt các hoạt động hướng về cơ sở nhằm phát huy sức mạnh của các tầng lớp")
LINES = PRINTED.splitlines()
LENGTH = len(" ".join(PRINTED.split()))


def _gap(read: str) -> int:
    return cer(PRINTED, read, ordered=True)[0] - cer(PRINTED, read)[0]


def test_the_same_words_in_another_order_are_no_error() -> None:
    for read in ("\n".join(reversed(LINES)), "\n".join(LINES[1::2] + LINES[0::2]),
                 # the two header columns read as one line, the right one first
                 f"{LINES[1]} {LINES[0]}\n" + "\n".join(LINES[2:])):
        assert cer(PRINTED, read) == (0, LENGTH)
        assert cer(PRINTED, read, ordered=True)[0] > 0


def test_a_misread_word_counts_its_edits_once() -> None:
    assert cer(PRINTED, PRINTED.replace("hướng", "hưởng")) == (1, LENGTH)
    # a misread first word of a line read out of place still goes back to its line
    moved = LINES[3:] + LINES[:3]
    moved[-2] = moved[-2].replace("CỘNG", "CÔNG")
    assert cer(PRINTED, "\n".join(moved))[0] == 1
    # a repeated word ("VIỆT NAM" twice, "các" twice) pairs within its own line
    swapped = "\n".join([LINES[1], LINES[0], *LINES[2:]]).replace("tầng", "tâng")
    assert cer(PRINTED, swapped)[0] == 1


def test_a_missing_or_extra_word_counts_its_characters_and_a_space() -> None:
    assert cer(PRINTED, PRINTED.replace(" Lưu:", "")) == (len("Lưu:") + 1, LENGTH)
    assert cer(PRINTED, PRINTED + "\n`")[0] == 2
    assert cer(PRINTED, "") == (LENGTH, LENGTH)


def test_a_word_run_together_or_split_counts_the_space() -> None:
    assert cer(PRINTED, PRINTED.replace("VIỆT NAM\n", "VIỆTNAM\n", 1))[0] == 1
    assert cer(PRINTED, "\n".join(reversed(LINES)).replace("nhằm", "nh ằm"))[0] == 1


def test_only_order_makes_the_gap() -> None:
    assert _gap(PRINTED.replace("hướng", "hưởng")) == 0
    noisy = PRINTED.replace("hướng", "hưởng").replace("Lưu", "Luu") + " ˆ"
    assert _gap(noisy) == 0
    assert _gap("\n".join(reversed(noisy.splitlines()))) > 0


def test_without_diacritics_marks_are_no_error() -> None:
    read = "\n".join(reversed(LINES)).replace("hướng", "huong")
    assert cer(PRINTED, read, diacritics=False) == (0, LENGTH)
