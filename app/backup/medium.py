"""The backup set on a medium: header, keyed objects, manifests; writes that survive a kill."""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import io
import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from app.atomic import fsync_path, write_atomically
from app.backup import crypto
from app.backup.errors import DamagedBackup, NotABackup, TargetUnusable
from app.backup.manifest import Manifest
from app.catalog.audit import now
from app.errors import OutputError
from app.filelock import try_lock

# The set on the medium:
#
#     DIR/scanstation-backup/set.json          format, set id, scrypt salt and parameters, key check
#     DIR/scanstation-backup/objects/ab/<hmac> sealed files, named by a keyed hash of their SHA-256
#     DIR/scanstation-backup/manifests/<gen>   sealed manifests, one per kept generation
#     DIR/scanstation-backup/tmp/              objects being written (removed by the next run)
ROOT = "scanstation-backup"
HEADER = "set.json"
FORMAT = 1


@dataclass(frozen=True)
class BackupSet:
    """An opened backup set: where it is, its id and its keys.

    An object is written in tmp/, fsynced and renamed into place; a manifest is published (fsync,
    rename, fsync of its folder) only once every object it names is durable, and older generations
    are pruned only after that. So a kill at any moment leaves the previous generation whole.
    """

    root: Path
    id: str
    keys: crypto.Keys

    @property
    def objects(self) -> Path:
        return self.root / "objects"

    @property
    def manifests(self) -> Path:
        return self.root / "manifests"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    def object_path(self, name: str) -> Path:
        return self.objects / name[:2] / name

    def stored(self) -> dict[str, int]:
        """Every object on the medium, by name, with its size."""
        found: dict[str, int] = {}
        if not self.objects.is_dir():
            return found
        for sub in os.scandir(self.objects):
            if sub.is_dir():
                for item in os.scandir(sub.path):
                    if item.is_file():
                        found[item.name] = item.stat().st_size
        return found

    def generations(self) -> list[int]:
        """The published generations, oldest first."""
        if not self.manifests.is_dir():
            return []
        return sorted(int(p.name) for p in self.manifests.iterdir() if p.name.isdigit())

    def put(
        self, name: str, source: BinaryIO, size: int, progress: crypto.Progress, expect: str
    ) -> None:
        """Seal `size` bytes of `source` as object `name`, atomically, if they hash to `expect`.

        Raises DamagedBackup (and keeps nothing) when the bytes read do not match `expect`.
        """
        self._write(self.object_path(name), name, source, size, progress, expect)

    def read(self, name: str, sink: Callable[[bytes], object], progress: crypto.Progress) -> str:
        """Open object `name`, feeding its plaintext to `sink`; its SHA-256 (DamagedBackup)."""
        try:
            with self.object_path(name).open("rb") as handle:
                return crypto.unseal(handle, self.keys, name, sink, progress)
        except FileNotFoundError:
            raise DamagedBackup("the file is missing") from None

    def publish(self, manifest: Manifest) -> Path:
        """Seal and publish the manifest of a generation: the step that makes it exist."""
        raw = manifest.to_bytes()
        target = self.manifests / f"{manifest.generation:08d}"
        expect = hashlib.sha256(raw).hexdigest()
        self._write(target, _manifest_name(manifest.generation), io.BytesIO(raw), len(raw), _ignore,
                    expect)
        return target

    def manifest(self, generation: int) -> Manifest:
        """The manifest of `generation` (DamagedBackup when it does not open)."""
        parts: list[bytes] = []
        path = self.manifests / f"{generation:08d}"
        try:
            with path.open("rb") as handle:
                crypto.unseal(handle, self.keys, _manifest_name(generation), parts.append, _ignore)
        except FileNotFoundError:
            raise DamagedBackup(f"the manifest {path.name} is missing") from None
        return Manifest.from_bytes(b"".join(parts))

    def prune(self, keep: int) -> list[int]:
        """Drop all but the newest `keep` generations, then every object none of them names."""
        generations = self.generations()
        dropped = generations[:-keep] if keep else []
        for generation in dropped:
            (self.manifests / f"{generation:08d}").unlink()
        fsync_path(self.manifests)
        wanted: set[str] = set()
        for generation in self.generations():
            wanted.update(e.object for e in self.manifest(generation).files)
        for name in set(self.stored()) - wanted:
            self.object_path(name).unlink()
        return dropped

    def clear_tmp(self) -> None:
        """Remove what a stopped run left half written (never a published file)."""
        if self.tmp.is_dir():
            for item in self.tmp.iterdir():
                with contextlib.suppress(OSError):
                    item.unlink()

    def _write(
        self,
        target: Path,
        name: str,
        source: BinaryIO,
        size: int,
        progress: crypto.Progress,
        expect: str,
    ) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)
        part = self.tmp / f"{target.name}.{os.getpid()}.part"
        try:
            with part.open("wb") as out:
                digest = crypto.seal(source, size, out, self.keys, name, progress)
                out.flush()
                os.fsync(out.fileno())
            if digest != expect:
                raise DamagedBackup(f"the bytes read do not match the SHA-256 {expect}")
            target.parent.mkdir(parents=True, exist_ok=True)
            part.replace(target)
        except OSError as err:
            with contextlib.suppress(OSError):
                part.unlink()
            raise _unusable(self.root, err) from err
        except BaseException:
            with contextlib.suppress(OSError):
                part.unlink()
            raise
        fsync_path(target.parent)


def _ignore(count: int) -> None:
    """A progress callback for small writes nobody watches."""


def _manifest_name(generation: int) -> str:
    return f"manifest:{generation}"


def _unusable(where: Path, err: OSError) -> TargetUnusable:
    if err.errno == errno.ENOSPC:
        return TargetUnusable(
            f"The backup drive is full ({where}).",
            hint="Use a larger drive, or a new one for this backup set; nothing was lost.",
            code="backup.drive_full", params={"path": str(where)},
        )
    return TargetUnusable(
        f"Cannot write to the backup drive {where}: {err.strerror or err}",
        hint="Check that the drive is plugged in, not write-protected, and that you may write "
        "to it; then run the backup again. The previous backup on it is intact.",
        code="backup.write_failed", params={"path": str(where)},
    )


def check_target(folder: Path) -> None:
    """Raise TargetUnusable unless `folder` exists and can be written to."""
    if not folder.is_dir():
        raise TargetUnusable(
            f"The backup folder does not exist: {folder}",
            hint="Plug in the backup drive, or create the folder, then run the backup again.",
            code="backup.no_folder", params={"path": str(folder)},
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TargetUnusable(
            f"The backup folder is not writable: {folder}",
            hint="Choose a folder on a drive you may write to (not write-protected).",
            code="backup.not_writable", params={"path": str(folder)},
        )


def exists(folder: Path) -> bool:
    """Whether `folder` already holds a backup set."""
    return (folder / ROOT / HEADER).is_file()


def open_set(folder: Path, passphrase: str) -> BackupSet:
    """Open the backup set in `folder` (NotABackup, WrongPassphrase)."""
    root = folder / ROOT
    try:
        header = json.loads((root / HEADER).read_text(encoding="utf-8"))
        if header.get("format") != FORMAT:
            raise NotABackup(
                f"The backup set in {folder} has format {header.get('format')}.",
                hint="Use the program version that wrote it, or a newer one.",
            )
        salt = base64.b64decode(header["salt"])
        params = {k: int(header["scrypt"][k]) for k in ("n", "r", "p")}
        sealed = base64.b64decode(header["check"])
        set_id = str(header["id"])
    except FileNotFoundError:
        raise NotABackup(
            f"No backup set in {folder}.",
            hint=f"Choose the folder that holds the {ROOT} folder (usually the drive itself).",
            code="backup.no_set", params={"path": str(folder)},
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise NotABackup(f"The backup set's header in {folder} cannot be read ({err}).") from err
    keys = crypto.derive(passphrase, salt, params)
    crypto.confirm(keys, sealed)
    return BackupSet(root, set_id, keys)


def create_set(folder: Path, passphrase: str) -> BackupSet:
    """Start a new backup set in `folder`: a fresh salt and id; the passphrase is not stored."""
    crypto.check_passphrase(passphrase)
    root = folder / ROOT
    set_id = str(uuid.uuid4())
    salt = os.urandom(16)
    keys = crypto.derive(passphrase, salt, crypto.SCRYPT)
    header = {
        "format": FORMAT,
        "program": "scanstation",
        "id": set_id,
        "created_at": now(),
        "cipher": "AES-256-GCM, 1 MiB chunks",
        "kdf": "scrypt",
        "scrypt": crypto.SCRYPT,
        "salt": base64.b64encode(salt).decode(),
        "check": base64.b64encode(crypto.key_check(keys)).decode(),
    }
    raw = json.dumps(header, indent=1).encode()
    try:
        root.mkdir(exist_ok=True)
        write_atomically(root / HEADER, lambda out: _write_all(out, raw))
    except OSError as err:
        raise _unusable(folder, err) from err
    except OutputError as err:
        raise TargetUnusable(err.message, hint=err.hint, code=err.code, params=err.params) from err
    return BackupSet(root, set_id, keys)


def _write_all(out: BinaryIO, raw: bytes) -> None:
    out.write(raw)


def open_or_create(folder: Path, passphrase: str) -> BackupSet:
    """The backup set in `folder`, created on first use."""
    return open_set(folder, passphrase) if exists(folder) else create_set(folder, passphrase)


@contextlib.contextmanager
def writer_lock(folder: Path) -> Iterator[None]:
    """Hold the medium's writer lock: one backup at a time writes to a set (freed by a kill)."""
    root = folder / ROOT
    try:
        root.mkdir(exist_ok=True)
        handle: IO[bytes] = (root / "lock").open("ab")
    except OSError as err:
        raise _unusable(folder, err) from err
    with handle:
        try:
            try_lock(handle)
        except OSError:
            raise TargetUnusable(
                f"Another backup is writing to {folder} right now.",
                hint="Wait for it to finish, then run the backup again.",
                code="backup.busy", params={"path": str(folder)},
            ) from None
        yield


