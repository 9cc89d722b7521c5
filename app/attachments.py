"""Attachments kept in the data folder under their SHA-256, so a file survives the original being
moved or deleted and the same file is stored once (shared by activities and suggestions)."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20
IMAGE_EXTS = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"})


class AttachmentError(ValueError):
    """A file could not be attached; str() says which file and why, in Chinese."""


@dataclass(frozen=True)
class AttachmentInfo:
    sha256: str
    ext: str              # lower case with the dot, e.g. ".jpg"; "" when the file had none
    original_name: str
    size: int
    path: Path            # where the stored copy lives

    @property
    def is_image(self) -> bool:
        return self.ext in IMAGE_EXTS


def attachment_path(data_dir: Path, sha256: str, ext: str) -> Path:
    return Path(data_dir) / "attachments" / sha256[:2] / f"{sha256}{ext}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def store_file(data_dir: Path, source_path: Path) -> AttachmentInfo:
    """Copy a file into <data_dir>/attachments/ab/abcdef….ext; storing it again changes nothing."""
    source = Path(source_path)
    if not source.is_file():
        raise AttachmentError(f"附件文件不存在或不是文件：{source}")
    try:
        sha = file_sha256(source)
        ext = source.suffix.lower()
        target = attachment_path(data_dir, sha, ext)
        if not (target.exists() and target.stat().st_size == source.stat().st_size):
            _copy_atomically(source, target)
        return AttachmentInfo(sha, ext, source.name, target.stat().st_size, target)
    except OSError as exc:
        raise AttachmentError(f"无法保存附件 {source.name}：{exc.strerror or exc}") from None


def _copy_atomically(source: Path, target: Path) -> None:
    # A copy cut short (power loss, full disk) must never sit under the final name.
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out, open(source, "rb") as inp:
            shutil.copyfileobj(inp, out, CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def stored_path(data_dir: Path, *, sha256: str, ext: str) -> Path | None:
    """The stored copy, or None when it is missing from the data folder."""
    path = attachment_path(data_dir, sha256, ext)
    return path if path.exists() else None
