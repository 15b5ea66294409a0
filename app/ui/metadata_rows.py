"""A document's metadata as the desk shows it: the profile's labels and order, code names, dates."""

from __future__ import annotations

from collections.abc import Mapping

from app.catalog.profiles import FieldSpec, Level, Profile
from app.ui.i18n import show_date


def shown_value(spec: FieldSpec | None, value: object) -> str:
    """One value in words: a code by its name, a list joined, a date as dd/mm/yyyy."""
    values = value if isinstance(value, list | tuple) else [value]
    names = dict(spec.codes) if spec else {}
    words = []
    for one in values:
        text = str(one)
        if spec and spec.type in ("date", "partialDate"):
            text = show_date(text)
        words.append(names.get(text, text))
    return ", ".join(words)


def labelled_rows(profile: Profile, level: Level, metadata: Mapping[str, object]
                  ) -> list[tuple[str, str]]:
    """(label, value) for every field set, in the profile's order; unknown tags last, by tag."""
    specs = profile.fields(level)
    known = {spec.tag for spec in specs}
    rows = [(spec.label, shown_value(spec, metadata[spec.tag])) for spec in specs
            if metadata.get(spec.tag) not in (None, "", [])]
    rows += [(tag, shown_value(None, metadata[tag])) for tag in sorted(metadata)
             if tag not in known and metadata[tag] not in (None, "", [])]
    return rows
