"""Body text of administrative documents: paragraphs and headings composed from templates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from app.synth import vocab


@dataclass(frozen=True)
class Block:
    """One unit of body text; `kind` says how it is set.

    para: justified, first line indented; italic: the same in italic; heading: bold,
    indented; centre: bold, centred; plain_centre: regular, centred.
    """

    text: str
    kind: str = "para"


@dataclass(frozen=True)
class Context:
    """What the prose is about: the document's year, topic and the area it covers."""

    year: int
    topic: str
    area: str  # "quận", "phường", ...


def pick(rng: np.random.Generator, items: tuple[str, ...]) -> str:
    return items[int(rng.integers(len(items)))]


def _slots(rng: np.random.Generator, ctx: Context) -> dict[str, str]:
    actor = pick(rng, vocab.ACTORS)
    day, month = int(rng.integers(1, 29)), int(rng.integers(1, 13))
    return {
        "Actor": actor,
        "Actor_lower": actor[0].lower() + actor[1:],
        "verb": pick(rng, vocab.VERBS),
        "object": pick(rng, vocab.OBJECTS),
        "manner": pick(rng, vocab.MANNERS),
        "topic": ctx.topic if rng.random() < 0.6 else pick(rng, vocab.TOPICS),
        "event": pick(rng, vocab.EVENTS),
        "year": str(ctx.year),
        "year5": str(ctx.year + 4),
        "y0": str(ctx.year - int(rng.integers(5, 30))),
        "deadline": f"{day:02d}/{month:02d}/{ctx.year}",
        "quarter": pick(rng, ("I", "II", "III", "IV")),
        "month": str(month),
        "count": str(int(rng.integers(3, 400))),
        "big": f"{int(rng.integers(1, 99))}.{int(rng.integers(0, 1000)):03d}",
        "pct": f"{int(rng.integers(60, 120))}",
        "area": ctx.area,
        "n": str(int(rng.integers(1, 3000))),
    }


def fill(template: str, rng: np.random.Generator, ctx: Context) -> str:
    """Fill a template's slots (two passes: a slot's value may hold slots itself)."""
    slots = _slots(rng, ctx)
    text = template.format(**slots).format(**slots)
    return text[0].upper() + text[1:]


def paragraph(rng: np.random.Generator, ctx: Context, sentences: int) -> str:
    return " ".join(fill(pick(rng, vocab.SENTENCES), rng, ctx) for _ in range(sentences))


def _reference(rng: np.random.Generator, ctx: Context) -> str:
    ref = fill(pick(rng, vocab.REFERENCES), rng, ctx)
    body = pick(rng, vocab.HIGHER_BODIES).format(province="thành phố", district="quận")
    day, month = int(rng.integers(1, 29)), int(rng.integers(1, 13))
    return f"{ref} ngày {day:02d}/{month:02d}/{ctx.year} của {body}"


_SHORT_NAMES = (("BAN THƯỜNG TRỰC", "Ban Thường trực"), ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
                ("ĐẢNG ỦY", "Đảng ủy"), ("VĂN PHÒNG", "Văn phòng"), ("PHÒNG", "Phòng"))


def _short_name(issuer: str) -> str:
    """How the body names itself in its prose: "Ban Thường trực", "Ban Thường vụ", ..."""
    return next((short for head, short in _SHORT_NAMES if issuer.startswith(head)),
                "Ban Thường vụ")


def opening(rng: np.random.Generator, ctx: Context, type_name: str, issuer: str) -> list[Block]:
    """The blocks that open a first page of a document of `type_name`."""
    short = _short_name(issuer)
    if type_name in ("QUYẾT ĐỊNH", "NGHỊ QUYẾT"):
        blocks = [Block(f"Căn cứ {_reference(rng, ctx)};", "italic")
                  for _ in range(int(rng.integers(2, 4)))]
        verb = "QUYẾT ĐỊNH:" if type_name == "QUYẾT ĐỊNH" else "QUYẾT NGHỊ:"
        blocks.append(Block(verb, "centre"))
        blocks += [Block(f"Điều {k}. {paragraph(rng, ctx, int(rng.integers(1, 3)))}")
                   for k in (1, 2)]
        blocks.append(Block("Điều 3. Văn phòng, các ban chuyên môn và các cá nhân có liên quan "
                            "chịu trách nhiệm thi hành Quyết định này./."))
        return blocks
    if type_name in ("CÔNG VĂN", "GIẤY MỜI"):
        recipient = pick(rng, ("Các tổ chức thành viên", "Ủy ban MTTQ các phường",
                               "Các ban chuyên môn", "Ủy ban nhân dân các phường"))
        blocks = [Block(f"Kính gửi: {recipient}", "plain_centre")]
        if type_name == "GIẤY MỜI":
            event = pick(rng, vocab.EVENTS)
            day, month = int(rng.integers(1, 29)), int(rng.integers(1, 13))
            return [*blocks,
                    Block(f"{short} trân trọng kính mời đại diện lãnh đạo đơn vị dự {event}."),
                    Block(f"Thời gian: 08 giờ 00 phút, ngày {day:02d}/{month:02d}/{ctx.year}."),
                    Block("Địa điểm: Hội trường tầng 3, trụ sở cơ quan.")]
        return [*blocks, Block(f"Thực hiện {_reference(rng, ctx)}, {short} đề nghị các đơn vị "
                               f"{pick(rng, vocab.VERBS)} {ctx.topic} như sau:")]
    noun = type_name.lower()
    return [Block(f"Thực hiện {_reference(rng, ctx)} về {ctx.topic}, {short} xây dựng {noun} "
                  f"như sau:")]


def stream(rng: np.random.Generator, ctx: Context, type_name: str | None = None) -> Iterator[Block]:
    """An endless run of body blocks: headings of the type's outline, paragraphs and bullets."""
    headings = vocab.HEADINGS.get(type_name or "", ())
    if not headings:
        headings = vocab.HEADINGS[pick(rng, tuple(vocab.HEADINGS))]
    k = int(rng.integers(len(headings)))
    while True:
        roll = rng.random()
        if roll < 0.15:
            yield Block(headings[k % len(headings)], "heading")
            k += 1
        elif roll < 0.35:
            yield Block("- " + paragraph(rng, ctx, 1))
        else:
            yield Block(paragraph(rng, ctx, int(rng.integers(1, 5))))
