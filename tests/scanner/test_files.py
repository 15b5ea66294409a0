"""Reading image and PDF files as pages; every input is generated here."""

from __future__ import annotations

import io

import numpy as np
import pikepdf
import pytest
from PIL import Image

from app.errors import InputError
from app.scanner.files import MAX_PIXELS, natural_sort_key, read_files
from app.scanner.recovery import RecoveryFolder


@pytest.fixture
def store(tmp_path):
    return RecoveryFolder(tmp_path / "store")


def _noise(size, mode="RGB", seed=0):
    rng = np.random.default_rng(seed)
    shape = (size[1], size[0], 3) if mode == "RGB" else (size[1], size[0])
    return Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8), mode)


def _read(paths, store, **kw):
    return list(read_files(paths, store, fallback_dpi=kw.pop("fallback_dpi", 150), **kw))


def test_jpeg_with_dpi(tmp_path, store):
    path = tmp_path / "a.jpg"
    _noise((60, 40)).save(path, dpi=(240, 240), quality=95)
    (page,) = _read([path], store)
    assert (page.dpi, page.mode, page.source, page.index) == (240.0, "color", "file", 0)
    with Image.open(page.path) as im:
        assert im.format == "PNG" and im.mode == "RGB" and im.size == (60, 40)


def test_png_without_dpi_uses_fallback(tmp_path, store):
    path = tmp_path / "a.png"
    original = _noise((30, 20))
    original.save(path)
    (page,) = _read([path], store, fallback_dpi=123)
    assert page.dpi == 123
    with Image.open(page.path) as im:
        assert np.array_equal(np.asarray(im), np.asarray(original))  # lossless


def test_png_dpi_is_tidied(tmp_path, store):
    path = tmp_path / "a.png"
    _noise((10, 10)).save(path, dpi=(200, 200))  # pHYs stores 7874 px/m = 199.9996 dpi
    assert _read([path], store)[0].dpi == 200.0


def test_multipage_tiff(tmp_path, store):
    path = tmp_path / "scan.tif"
    frames = [_noise((50, 70), "L", seed=i) for i in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300))
    pages = _read([path], store)
    assert [p.index for p in pages] == [0, 1, 2]
    assert {(p.dpi, p.mode) for p in pages} == {(300.0, "gray")}
    for page, frame in zip(pages, frames, strict=True):
        with Image.open(page.path) as im:
            assert np.array_equal(np.asarray(im), np.asarray(frame))


@pytest.mark.parametrize(
    ("image", "mode", "saved"),
    [
        (Image.new("P", (8, 8), 3), "color", "RGB"),
        (Image.new("CMYK", (8, 8), (0, 255, 0, 0)), "color", "RGB"),
        (Image.new("RGBA", (8, 8), (255, 0, 0, 0)), "color", "RGB"),
        (Image.new("1", (8, 8), 1), "lineart", "1"),
        (Image.new("L", (8, 8), 7), "gray", "L"),
    ],
)
def test_colour_modes(tmp_path, store, image, mode, saved):
    path = tmp_path / "x.tif"
    image.save(path)
    (page,) = _read([path], store)
    assert page.mode == mode
    with Image.open(page.path) as im:
        assert im.mode == saved
        if image.mode == "RGBA":  # transparent pixels land on white paper
            assert im.getpixel((0, 0)) == (255, 255, 255)


def test_16_bit_grey_becomes_8_bit(tmp_path, store):
    path = tmp_path / "deep.png"
    arr = np.full((4, 4), 65535, dtype=np.uint16)
    arr[0, 0] = 0
    Image.fromarray(arr).save(path)
    (page,) = _read([path], store)
    with Image.open(page.path) as im:
        assert im.mode == "L" and im.getextrema() == (0, 255)
    assert page.mode == "gray"


def _image_pdf(path, images, dpi):
    pdf = pikepdf.new()
    for img in images:
        w_pt, h_pt = img.width * 72 / dpi, img.height * 72 / dpi
        stream = pikepdf.Stream(pdf, img.tobytes())
        stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        stream.Width, stream.Height, stream.BitsPerComponent = img.width, img.height, 8
        stream.ColorSpace = pikepdf.Name.DeviceRGB
        content = f"q {w_pt} 0 0 {h_pt} 0 0 cm /Im0 Do Q".encode()
        page = pdf.add_blank_page(page_size=(w_pt, h_pt))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=stream))
        page.Contents = pdf.make_stream(content)
    pdf.save(path)


def test_pdf_of_scans_keeps_each_image_and_its_dpi(tmp_path, store):
    images = [_noise((170, 220), seed=1), _noise((85, 110), seed=2)]
    path = tmp_path / "scans.pdf"
    _image_pdf(path, images[:1], dpi=200)
    pages = _read([path], store)
    assert [p.dpi for p in pages] == [200.0]
    with Image.open(pages[0].path) as im:
        assert np.array_equal(np.asarray(im), np.asarray(images[0]))


def test_pillow_pdf_dpi_recovered(tmp_path, store):
    path = tmp_path / "pillow.pdf"
    frames = [_noise((300, 150), "L", seed=i) for i in range(2)]
    frames[0].save(path, save_all=True, append_images=frames[1:], resolution=150)
    pages = _read([path], store)
    assert [(p.dpi, p.mode) for p in pages] == [(150.0, "gray"), (150.0, "gray")]
    with Image.open(pages[1].path) as im:
        assert im.size == (300, 150)


def test_text_pdf_is_rendered_at_300_dpi(tmp_path, store):
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(72, 36))
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(b"BT /F1 20 Tf 4 10 Td (Hi) Tj ET")
    path = tmp_path / "text.pdf"
    pdf.save(path)
    (page_out,) = _read([path], store)
    assert page_out.dpi == 300.0
    with Image.open(page_out.path) as im:
        assert im.size == (300, 150)
        assert np.asarray(im.convert("L")).min() < 64  # some dark text was drawn


def test_natural_order():
    names = ["page10.png", "Page2.png", "page1.png", "page1b.png", "cover.png"]
    assert sorted(names, key=natural_sort_key) == [
        "cover.png",
        "page1.png",
        "page1b.png",
        "Page2.png",
        "page10.png",
    ]


def test_pages_from_several_files_in_order(tmp_path, store):
    a, b = tmp_path / "a.png", tmp_path / "b.jpg"
    _noise((5, 5)).save(a)
    _noise((6, 6)).save(b)
    pages = _read([a, b], store)
    assert [p.index for p in pages] == [0, 1]


# --- bad input: each raises InputError naming the file and saves nothing for it ---


def _bad_png_truncated(path):
    buf = io.BytesIO()
    _noise((200, 200)).save(buf, format="PNG")
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])


def _bad_jpeg_truncated(path):
    buf = io.BytesIO()
    _noise((200, 200)).save(buf, format="JPEG")
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])


def _bad_tiff_last_frame(path):
    frames = [_noise((64, 64), seed=i) for i in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_adobe_deflate")
    with Image.open(path) as im:
        im.seek(2)
        offset = im.tag_v2[273][0]  # type: ignore[attr-defined]  # StripOffsets: where the last frame's data starts
    data = bytearray(path.read_bytes())
    data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def _encrypted_pdf(path):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner"))


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("missing.png", None, "does not exist"),
        ("empty.jpg", lambda p: p.write_bytes(b""), "empty"),
        ("cut.png", _bad_png_truncated, "damaged"),
        ("cut.jpg", _bad_jpeg_truncated, "damaged"),
        ("frames.tif", _bad_tiff_last_frame, "damaged"),
        ("notes.png", lambda p: p.write_bytes(b"just some text, not a picture"), "not a supported"),
        ("anim.gif", lambda p: Image.new("RGB", (4, 4)).save(p), "GIF image"),
        ("locked.pdf", _encrypted_pdf, "qpdf --decrypt"),
        (
            "broken.pdf",
            lambda p: p.write_bytes(b"%PDF-1.7\n\x00garbage\x00" * 3),
            "not a readable PDF",
        ),
    ],
)
def test_bad_input(tmp_path, store, name, make, words):
    path = tmp_path / name
    if make is not None:
        make(path)
    with pytest.raises(InputError) as info:
        _read([path], store)
    assert str(path) in str(info.value) and words in str(info.value)
    assert store.pages() == []


def test_decompression_bomb(tmp_path, store):
    path = tmp_path / "big.png"
    Image.new("L", (300, 300)).save(path)
    with pytest.raises(InputError, match="too large") as info:
        _read([path], store, max_pixels=10_000)
    assert str(path) in str(info.value) and store.pages() == []
    assert Image.MAX_IMAGE_PIXELS != 10_000  # Pillow's global limit is put back


def test_a_page_over_the_default_cap_is_refused_before_decoding(tmp_path, store):
    """14000×14000 took 2.4 GB to clean up: the cap (64 M pixels) keeps a page under 1 GB."""
    path = tmp_path / "huge.png"
    Image.new("1", (8001, 8000), 1).save(path)  # small on disk, 64,008,000 pixels
    with pytest.raises(InputError) as info:
        _read([path], store)
    assert str(path) in str(info.value) and f"at most {MAX_PIXELS:,} pixels" in str(info.value)
    assert "300 dpi" in info.value.hint and store.pages() == []


def test_pdf_page_too_large_to_render(tmp_path, store):
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(7200, 7200))  # 100 × 100 in at 300 dpi
    path = tmp_path / "poster.pdf"
    pdf.save(path)
    with pytest.raises(InputError, match="over the limit"):
        _read([path], store)
    assert store.pages() == []


def test_bad_file_after_good_file_keeps_the_good_pages(tmp_path, store):
    good, bad = tmp_path / "1.png", tmp_path / "2.png"
    _noise((5, 5)).save(good)
    bad.write_bytes(b"")
    pages = read_files([good, bad], store, fallback_dpi=100)
    assert next(pages).index == 0
    with pytest.raises(InputError, match=r"2\.png"):
        next(pages)
    assert len(store.pages()) == 1
