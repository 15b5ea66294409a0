"""The corpus: deterministic for a seed, varied as documented, names match the truth."""

from __future__ import annotations

import numpy as np

from app.synth.corpus import corpus


def test_corpus_is_deterministic_for_a_seed() -> None:
    a = list(corpus(3, seed=4, dpi=60))
    b = list(corpus(3, seed=4, dpi=60))
    c = list(corpus(3, seed=5, dpi=60))
    assert [s.name for s in a] == [s.name for s in b]
    assert all(
        np.array_equal(x.image, y.image) and x.truth == y.truth for x, y in zip(a, b, strict=True)
    )
    assert [s.truth.text for s in a] != [s.truth.text for s in c]


def test_corpus_mix_and_names() -> None:
    samples = list(corpus(80, seed=1, dpi=30))
    assert len(samples) == 80
    truths = [s.truth for s in samples]
    assert 1 <= sum(t.blank for t in truths) <= 16
    assert {t.orientation for t in truths} == {0, 90, 180, 270}
    assert sum(t.orientation == 0 for t in truths) >= 56
    assert sum(abs(t.skew_deg) <= 5 for t in truths) >= 56
    assert any(abs(t.skew_deg) > 5 for t in truths)
    assert 0 < sum(s.name.endswith(("dark", "dark-blank")) for s in samples) < 80
    assert any(t.fields is not None for t in truths) and any(
        t.fields is None and not t.blank for t in truths
    )
    for k, s in enumerate(samples):
        assert s.name.startswith(f"p{k:04d}-skew{s.truth.skew_deg:+.1f}-o{s.truth.orientation}-")
        assert s.truth.blank == s.name.endswith("-blank") == (s.truth.text == "")
        assert s.image.dtype == np.uint8 and s.image.shape[2] == 3


def test_a_300_dpi_sample() -> None:
    s = next(corpus(1, seed=2, dpi=300))
    tl, tr, _, bl = (np.asarray(p) for p in s.truth.outline)
    assert abs(np.linalg.norm(tr - tl) - 2480) < 1e-6
    assert abs(np.linalg.norm(bl - tl) - 3508) < 1e-6
    assert s.truth.dpi == 300 and min(s.image.shape[:2]) > 2480
