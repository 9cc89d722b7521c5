"""File chores of printing for the screens: a scratch folder for previews, saving a copy atomically."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from app.dossier import DossierError


def scratch_pdf(name: str) -> Path:
    """A fresh path in a private temporary folder, for a preview the user may then save."""
    return Path(tempfile.mkdtemp(prefix="deputy-desk-print-")) / name


def save_copy(source: Path, target: Path) -> Path:
    """Copy a printed PDF to where the user chose; a failed copy leaves any old file intact."""
    target = Path(target)
    if not target.parent.is_dir():
        raise DossierError(f"保存位置不存在：{target.parent}")
    handle, temp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=target.parent)
    os.close(handle)
    try:
        shutil.copyfile(source, temp)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise DossierError(f"无法保存到 {target}：{exc.strerror or exc}") from None
    return target
