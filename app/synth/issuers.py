"""Issuing bodies (Front, People's Committee, Party), their numbering, dates and signers."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import numpy as np

from app.synth import vocab
from app.synth.prose import pick


@dataclass(frozen=True)
class Issuer:
    """A body that issues documents, with how its numbers and date lines are written."""

    parent: str  # "" when the body has no parent line
    name: str
    place: str  # the place name of its date line
    code: str  # the issuer part of the number: "MTTQ-BTT", "UBND", "QU", ...
    party: bool  # Party-style header and numbering (HD 36-HD/VPTW)
    area: str  # "quận", "phường", ...


_DEPARTMENTS = (("PHÒNG NỘI VỤ", "NV"), ("PHÒNG VĂN HÓA VÀ THÔNG TIN", "VHTT"),
                ("VĂN PHÒNG HĐND VÀ UBND", "VP"), ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "TCKH"))
_PARTY_COMMITTEE = {"quận": ("QUẬN ỦY", "QU"), "huyện": ("HUYỆN ỦY", "HU"),
                    "thành phố": ("THÀNH ỦY", "TU")}
_FAMILIES = ("mttq", "mttq_ward", "ubnd_ward", "department", "party", "party_ward")
_FAMILY_WEIGHTS = (0.35, 0.2, 0.12, 0.08, 0.15, 0.1)


def pick_issuer(rng: np.random.Generator) -> Issuer:
    loc = vocab.LOCALITIES[int(rng.integers(len(vocab.LOCALITIES)))]
    ward = pick(rng, loc.wards)
    district = f"{loc.kind} {loc.name}".upper()
    ward_full = f"{loc.ward_kind} {ward}".upper()
    family = _FAMILIES[int(rng.choice(len(_FAMILIES), p=_FAMILY_WEIGHTS))]
    if family == "mttq":
        return Issuer(f"ỦY BAN MTTQ VIỆT NAM {loc.province.upper()}",
                      f"BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM {district}",
                      loc.name, "MTTQ-BTT", False, loc.kind)
    if family == "mttq_ward":
        return Issuer(f"ỦY BAN MTTQ VIỆT NAM {district}",
                      f"BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM {ward_full}",
                      ward, "MTTQ-BTT", False, loc.ward_kind)
    if family == "ubnd_ward":
        return Issuer(f"ỦY BAN NHÂN DÂN {district}", f"ỦY BAN NHÂN DÂN {ward_full}",
                      ward, "UBND", False, loc.ward_kind)
    if family == "department":
        name, code = _DEPARTMENTS[int(rng.integers(len(_DEPARTMENTS)))]
        return Issuer(f"ỦY BAN NHÂN DÂN {district}", name, loc.name, code, False, loc.kind)
    if family == "party":
        committee, code = _PARTY_COMMITTEE[loc.kind]
        return Issuer(f"ĐẢNG BỘ {loc.province.upper()}", f"{committee} {loc.name.upper()}",
                      loc.name, code, True, loc.kind)
    return Issuer(f"ĐẢNG BỘ {district}", f"ĐẢNG ỦY {ward_full}", ward, "ĐU", True,
                  loc.ward_kind)


def number(issuer: Issuer, n: int, type_name: str) -> str:
    """Số và ký hiệu: "2242/KH-MTTQ-BTT", "15/MTTQ-BTT" (công văn) or Party "40-HD/QU"."""
    _, abbr, party_abbr = vocab.DOC_TYPES[type_name]
    if issuer.party:
        return f"{n}-{party_abbr}/{issuer.code}"
    return f"{n}/{abbr}-{issuer.code}" if abbr else f"{n}/{issuer.code}"


def is_party(number_text: str) -> bool:
    """Party numbers put the type before the slash: "40-HD/VPTW"."""
    return re.fullmatch(r"\d+-[^/]+/.+", number_text) is not None


def date_line(place: str, issued: datetime.date) -> str:
    """ "Cầu Giấy, ngày 05 tháng 01 năm 2020": days below 10 and months 1-2 get a leading 0."""
    month = f"{issued.month:02d}" if issued.month < 3 else str(issued.month)
    return f"{place}, ngày {issued.day:02d} tháng {month} năm {issued.year}"


def signer_titles(issuer_name: str, party: bool, rng: np.random.Generator) -> tuple[str, ...]:
    """The capitalised lines above a signature, e.g. ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH")."""
    deputy = rng.random() < 0.3
    if party:
        body = "T/M ĐẢNG ỦY" if issuer_name.startswith("ĐẢNG ỦY") else "T/M BAN THƯỜNG VỤ"
        return (body, "PHÓ BÍ THƯ" if deputy else "BÍ THƯ")
    if issuer_name.startswith("BAN THƯỜNG TRỰC"):
        return ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") if deputy else ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH")
    if issuer_name.startswith("ỦY BAN NHÂN DÂN"):
        return ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") if deputy else ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    head = "CHÁNH VĂN PHÒNG" if issuer_name.startswith("VĂN PHÒNG") else "TRƯỞNG PHÒNG"
    return (f"KT. {head}", f"PHÓ {head}") if deputy else (head,)


def person(rng: np.random.Generator) -> str:
    return " ".join(pick(rng, names) for names in
                    (vocab.FAMILY_NAMES, vocab.MIDDLE_NAMES, vocab.GIVEN_NAMES))
