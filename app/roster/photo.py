"""A deputy's photo, copied into the data folder by content; the deputy's `photo` column keeps
its SHA-256 alone (as the model says), and the dossier cover finds the file by that hash."""
from __future__ import annotations

from pathlib import Path

from app.attachments import attachment_path, store_file
from app.roster import RosterError

# The formats the dossier cover can find and print (app/dossier/loader.py looks for these).
PHOTO_EXTS = (".jpg", ".jpeg", ".png", ".bmp", ".gif")


def store_photo(data_dir: Path, source: Path) -> str:
    """Copy an image into the data folder; return the value for DeputyFields.photo (the SHA-256)."""
    source = Path(source)
    if source.suffix.lower() not in PHOTO_EXTS:
        kinds = "、".join(e.lstrip(".") for e in PHOTO_EXTS)
        raise RosterError(f"照片“{source.name}”不是图片文件：请选择 {kinds} 格式的图片")
    return store_file(data_dir, source).sha256


def photo_path(data_dir: Path, photo: str | None) -> Path | None:
    """The stored copy of a deputy's photo, or None when there is none or it is missing."""
    if not photo:
        return None
    for ext in PHOTO_EXTS:
        path = attachment_path(data_dir, photo, ext)
        if path.exists():
            return path
    return None
