"""`backup verify`: read every kept generation back, check each file's SHA-256, name damage."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.backup import medium
from app.backup.errors import DamagedBackup
from app.backup.manifest import Manifest
from app.backup.progress import Meter, Report, each


@dataclass(frozen=True)
class Damage:
    """One damaged file: what it held (catalog paths), the file on the medium, what is wrong."""

    paths: tuple[str, ...]
    file: Path
    why: str


@dataclass(frozen=True)
class VerifyReport:
    """What verification found."""

    set_id: str
    generations: tuple[int, ...]
    manifests: dict[int, Manifest]  # the generations whose manifest opened
    good: tuple[int, ...]  # generations whose every file checks out
    damaged: tuple[Damage, ...]
    files: int
    bytes: int
    seconds: float = field(compare=False)
    cpu_seconds: float = field(compare=False, default=0.0)  # this process's CPU time

    @property
    def ok(self) -> bool:
        return not self.damaged and bool(self.good)

    @property
    def newest_good(self) -> Manifest | None:
        return self.manifests[self.good[-1]] if self.good else None


def verify(
    folder: Path,
    passphrase: str,
    *,
    report: Report | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> VerifyReport:
    """Decrypt and re-hash every file of every kept generation against its manifest."""
    backup_set = medium.open_set(folder, passphrase)
    started, cpu = time.perf_counter(), time.process_time()  # the reading, not the key
    generations = tuple(backup_set.generations())
    manifests: dict[int, Manifest] = {}
    damaged: list[Damage] = []
    for generation in generations:
        try:
            manifests[generation] = backup_set.manifest(generation)
        except DamagedBackup as err:
            path = backup_set.manifests / f"{generation:08d}"
            damaged.append(Damage((f"manifest of generation {generation}",), path, err.message))
    wanted: dict[str, list[tuple[int, str, str, int]]] = {}
    for generation, manifest in manifests.items():
        for entry in manifest.files:
            wanted.setdefault(entry.object, []).append(
                (generation, entry.path, entry.sha256, entry.size)
            )
    meter = Meter(
        total=sum(uses[0][3] for uses in wanted.values()), report=report, cancelled=cancelled
    )
    bad_generations = set(generations) - set(manifests)

    def check(item: tuple[str, list[tuple[int, str, str, int]]]) -> str:
        meter.step(item[1][0][1])
        return _check(backup_set, item[0], item[1][0][2], meter)

    ordered = sorted(wanted.items(), key=lambda item: item[1][0][1])
    for (name, uses), why in zip(ordered, each(check, ordered), strict=True):
        if why:
            damaged.append(Damage(tuple(sorted({u[1] for u in uses})), backup_set.object_path(name),
                                  why))
            bad_generations.update(u[0] for u in uses)
    return VerifyReport(
        set_id=backup_set.id,
        generations=generations,
        manifests=manifests,
        good=tuple(g for g in generations if g not in bad_generations),
        damaged=tuple(damaged),
        files=len(wanted),
        bytes=meter.done,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu,
    )


def _check(backup_set: medium.BackupSet, name: str, sha256: str, meter: Meter) -> str:
    """What is wrong with object `name` ("" when it opens and hashes to `sha256`)."""
    try:
        digest = backup_set.read(name, _discard, meter.add)
    except DamagedBackup as err:
        return err.message
    except OSError as err:
        return f"cannot be read: {err.strerror or err}"
    return "" if digest == sha256 else "its content does not match the manifest's SHA-256"


def _discard(piece: bytes) -> None:
    """Verification only reads."""
