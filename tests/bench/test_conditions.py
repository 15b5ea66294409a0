"""The geometry bench's page conditions: face and paper drawn again as the split drew them."""

from __future__ import annotations

from dataclasses import replace

from app.synth.splits import SPLITS, split_sample
from bench.geometry import Truth, conditions


def _truth(index: int, split: str) -> Truth:
    s = split_sample(index, SPLITS[split])
    _, _, kind, _, bed = s.name.split("-")
    return Truth(s.name, kind, bed, s.truth.orientation, [], s.truth.blank, "", s.truth.dpi)


def test_a_page_is_labelled_with_its_kind_lid_turn_face_and_paper() -> None:
    truth = _truth(1, "heldout")
    labels = dict(label.split("=") for label in conditions(truth, 1, "heldout"))
    assert labels["kind"] == truth.kind and labels["bed"] == truth.bed
    assert labels["turned"] == ("no" if truth.orientation == 0 else "yes")
    assert labels["face"] in SPLITS["heldout"].families
    assert labels["face×kind"] == f"{labels['face']}/{truth.kind}"
    assert labels["paper"] in ("white", "tinted")


def test_a_corpus_drawn_otherwise_gives_no_face_or_paper() -> None:
    truth = _truth(1, "tuning")
    other = replace(truth, kind="blank" if truth.kind != "blank" else "table")
    assert [label.split("=")[0] for label in conditions(other, 1, "tuning")] == [
        "kind", "bed", "turned"]
