"""The bench's dev faces (neither split's): every Vietnamese letter in every face and family."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fontTools.ttLib import TTFont

from app.synth import fonts
from app.synth.fonts import vietnamese_letters
from app.synth.splits import DEV_SPLITS, SPLITS, kinds, split_sample
from app.synth.variants import (
    DEV_FACES,
    DEV_LEAGUEMONO_FACES,
    DEV_MONO_FACES,
    DEV_MONO_SETS,
    DEV_NOTOMONO_FACES,
    FACES,
    font_path,
    pick_variant,
    render_variant,
)


def _advance(path: Path) -> float:
    """A monospace face's advance a letter, in em (to the hundredth)."""
    font = TTFont(str(path), lazy=True)
    return round(float(font["hmtx"]["a"][0]) / font["head"].unitsPerEm, 2)


@pytest.mark.parametrize("faces", DEV_FACES)
@pytest.mark.parametrize("family", ["serif", "sans", "mono"])
def test_every_vietnamese_letter_has_a_glyph(faces: str, family: str) -> None:
    for face in ("regular", "bold", "italic", "bolditalic"):
        path = font_path(faces, family, face)
        assert path.is_file(), f"{path} missing: apt-get install fonts-texgyre fonts-freefont-ttf"
        cmap = TTFont(str(path), lazy=True).getBestCmap()
        missing = "".join(sorted(c for c in vietnamese_letters() | set("0123456789/-:;,.")
                                 if ord(c) not in cmap))
        assert missing == "", f"{faces} {family} {face} lacks {missing}"


def test_dev_faces_are_no_splits_faces() -> None:
    assert not set(DEV_FACES) & set(FACES)
    files = {font_path(f, fam, "regular") for f in FACES for fam in ("serif", "sans", "mono")}
    assert not files & {font_path(f, fam, "regular") for f in DEV_FACES
                        for fam in ("serif", "sans", "mono")}


@pytest.mark.parametrize("faces", DEV_FACES)
def test_a_dev_page_renders(faces: str) -> None:
    page, _ = render_variant(np.random.default_rng([43, 1]), dpi=100, faces=faces)
    assert page.fields is not None and page.fields.number in page.text
    assert (page.image < 128).any()


def test_tuning_faces_never_type_in_the_held_out_monospace() -> None:
    # the held-out split's typewriter face is Liberation Mono; the tuning sets' "mono" family
    # (DejaVu set, typewriter sets) must be set in other faces
    held_out = font_path("liberation", "mono", "regular")
    tuning = {font_path(f, "mono", face) for f in FACES if f != "liberation"
              for face in ("regular", "bold", "italic", "bolditalic")}
    assert held_out.name == "LiberationMono-Regular.ttf"
    assert all("LiberationMono" not in path.name for path in tuning)


@pytest.mark.parametrize("family", sorted({f for s in DEV_SPLITS.values() for f in s.families}))
def test_a_dev_split_family_has_every_vietnamese_letter_and_no_split_uses_it(
        family: str) -> None:
    for face in fonts.FACES:
        path = fonts.font_path(family, face)
        assert path.is_file(), f"{path} missing: apt-get install fonts-noto-core fonts-sil-charis"
    assert fonts.missing_letters(family) == {}
    assert all(family not in split.families for split in SPLITS.values())


@pytest.mark.parametrize("name", sorted(DEV_SPLITS))
def test_a_dev_split_draws_its_own_kinds_in_the_held_out_layout_variant(name: str) -> None:
    split = DEV_SPLITS[name]
    assert split.variant == SPLITS["heldout"].variant
    assert split.seed not in {s.seed for s in SPLITS.values()}
    assert split.seed not in {s.seed for s in DEV_SPLITS.values() if s is not split}
    sample = split_sample(0, split, dpi=100)
    assert sample.name.split("-")[2] in kinds(split) and not sample.truth.blank


def test_the_dev_mono_face_has_every_vietnamese_letter_and_no_split_uses_it() -> None:
    # the held-out set with its "mono" family in JetBrains Mono, a sans monospace
    paths = {font_path(DEV_MONO_FACES, "mono", face) for face in fonts.FACES}
    assert all(p.is_file() and p.name.startswith("JetBrainsMono-") for p in paths), \
        "apt-get install fonts-jetbrains-mono"
    for path in paths:
        cmap = TTFont(str(path), lazy=True).getBestCmap()
        assert not [c for c in vietnamese_letters() | set("0123456789/-:;,.") if ord(c) not in cmap]
    assert DEV_MONO_FACES not in FACES and DEV_MONO_FACES not in DEV_FACES
    used = {font_path(f, fam, face) for f in (*FACES, *DEV_FACES)
            for fam in ("serif", "sans", "mono") for face in fonts.FACES}
    assert not paths & used
    assert all("jetbrains-mono" not in s.families for s in SPLITS.values())


def test_the_second_dev_mono_face_is_noto_sans_mono_never_drawn_as_the_held_out_mono_is() -> None:
    # the held-out set with its "mono" family in Noto Sans Mono, another sans monospace; the
    # tuning split sets it only with a typewriter's ink (the "notomono" set) or as the DejaVu
    # set's "mono", drawn at 0.9 of the held-out scale; the other families stay Liberation
    paths = {font_path(DEV_NOTOMONO_FACES, "mono", face) for face in fonts.FACES}
    assert all(p.is_file() and p.name.startswith("NotoSansMono-") for p in paths), \
        "apt-get install fonts-noto-mono"
    for path in paths:
        cmap = TTFont(str(path), lazy=True).getBestCmap()
        assert not [c for c in vietnamese_letters() | set("0123456789/-:;,.") if ord(c) not in cmap]
    assert DEV_NOTOMONO_FACES not in FACES and DEV_NOTOMONO_FACES not in DEV_FACES
    assert {f for f in (*FACES, *DEV_FACES) for face in fonts.FACES
            if font_path(f, "mono", face) in paths} == {"dejavu", "notomono"}
    for family in ("serif", "sans"):
        liberation = font_path("liberation", family, "bold")
        assert font_path(DEV_NOTOMONO_FACES, family, "bold") == liberation
    assert not paths & {font_path(DEV_MONO_FACES, "mono", face) for face in fonts.FACES}


def test_the_third_dev_mono_face_is_league_mono_which_no_split_draws() -> None:
    # the held-out set with its "mono" family in League Mono, a Helvetica-like sans monospace;
    # no split and no other dev set uses it; no italic: italic is set upright
    paths = {face: font_path(DEV_LEAGUEMONO_FACES, "mono", face) for face in fonts.FACES}
    assert all(p.is_file() and p.name.startswith("LeagueMono-") for p in paths.values()), \
        "apt-get install fonts-league-mono"
    assert (paths["italic"], paths["bolditalic"]) == (paths["regular"], paths["bold"])
    for path in paths.values():
        cmap = TTFont(str(path), lazy=True).getBestCmap()
        assert not [c for c in vietnamese_letters() | set("0123456789/-:;,.") if ord(c) not in cmap]
    assert DEV_LEAGUEMONO_FACES not in FACES and DEV_LEAGUEMONO_FACES not in DEV_FACES
    used = {font_path(f, fam, face) for f in (*FACES, *DEV_FACES)
            for fam in ("serif", "sans", "mono") for face in fonts.FACES}
    others = {font_path(f, "mono", face) for f in DEV_MONO_SETS if f != DEV_LEAGUEMONO_FACES
              for face in fonts.FACES}
    assert not set(paths.values()) & (used | others)
    assert all("league" not in family for s in (*SPLITS.values(), *DEV_SPLITS.values())
               for family in s.families)
    for family in ("serif", "sans"):
        liberation = font_path("liberation", family, "bold")
        assert font_path(DEV_LEAGUEMONO_FACES, family, "bold") == liberation


@pytest.mark.parametrize("faces", DEV_MONO_SETS)
def test_a_dev_mono_page_is_a_held_out_mono_page_but_for_the_face(faces: str) -> None:
    seed = next(s for s in range(100)
                if pick_variant(np.random.default_rng([s, 0])).family == "mono")
    held, v = render_variant(np.random.default_rng([seed, 0]), dpi=100)
    dev, w = render_variant(np.random.default_rng([seed, 0]), dpi=100, faces=faces)
    assert v == w and v.family == "mono" and w.ink == "even"
    assert dev.fields == held.fields
    # JetBrains Mono and Noto Sans Mono advance 0.6 em a letter, as Liberation Mono does: the
    # same line breaks; League Mono's 0.71 em breaks the lines elsewhere (the same fields)
    assert (dev.text == held.text) == (_advance(font_path(faces, "mono", "regular"))
                                       == _advance(font_path("liberation", "mono", "regular")))
    assert dev.image.shape == held.image.shape and (dev.image != held.image).any()
