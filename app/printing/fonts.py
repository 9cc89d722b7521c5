"""Which TrueType font prints each role (title, heading, body, table) and which ones fill missing glyphs."""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource_path
from app.printing import tounicode
from app.printing.errors import PrintError

__all__ = ["FontFace", "FontSet", "ROLES", "resource_path", "default_fontset"]

log = logging.getLogger(__name__)
tounicode.install()

ROLES = ("title", "heading", "subheading", "body", "table")


@dataclass(frozen=True)
class FontFace:
    """One face of a TrueType file (a .ttc holds several; index picks one)."""

    path: Path
    index: int = 0

    @property
    def name(self) -> str:
        # A stable PDF font name per file and face, so one file registers once.
        stem = "".join(ch for ch in self.path.stem if ch.isalnum())
        return f"DD-{stem}-{self.index}"


_lock = threading.Lock()
_registered: dict[FontFace, TTFont] = {}


def register(face: FontFace) -> TTFont:
    """Register a face with reportlab once per process and return it."""
    with _lock:
        font = _registered.get(face)
        if font is None:
            try:
                font = TTFont(face.name, str(face.path), subfontIndex=face.index)
            except Exception as exc:
                raise PrintError(f"字体文件无法使用：{face.path}（{exc}）") from exc
            pdfmetrics.registerFont(font)
            _registered[face] = font
        return font


@dataclass
class FontSet:
    """Faces per role plus an ordered list of faces tried for characters the role's face lacks."""

    roles: dict[str, FontFace]
    fallbacks: list[FontFace] = field(default_factory=list)

    def __post_init__(self) -> None:
        missing = [role for role in ROLES if role not in self.roles]
        if missing:
            raise PrintError(f"字体设置缺少用途：{'、'.join(missing)}")
        self._cmaps: dict[str, dict[int, int]] = {}
        self._choice: dict[tuple[str, str], str] = {}

    def font_name(self, role: str) -> str:
        """The registered PDF font name printing this role."""
        face = self.roles.get(role)
        if face is None:
            raise PrintError(f"字体用途“{role}”不存在，可用：{'、'.join(ROLES)}")
        return self._ensure(face)

    def all_names(self) -> list[str]:
        return list(dict.fromkeys(self._ensure(f) for f in [*self.roles.values(), *self.fallbacks]))

    def has_glyph(self, font_name: str, char: str) -> bool:
        return ord(char) in self._cmaps[font_name]

    def font_for_char(self, main: str, char: str) -> str:
        """The font that prints char: main when it has the glyph, else the first fallback that has it."""
        key = (main, char)
        chosen = self._choice.get(key)
        if chosen is None:
            chosen = self._pick(main, char)
            self._choice[key] = chosen
        return chosen

    def _pick(self, main: str, char: str) -> str:
        if ord(char) in self._cmaps[main]:
            return main
        for face in self.fallbacks:
            name = self._ensure(face)
            if ord(char) in self._cmaps[name]:
                return name
        log.warning("没有字体包含字符 %r (U+%04X)，仍用 %s 打印", char, ord(char), main)
        return main

    def _ensure(self, face: FontFace) -> str:
        if face.name not in self._cmaps:
            self._cmaps[face.name] = register(face).face.charToGlyph
        return face.name


def _windows_fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def windows_fontset(folder: Path | None = None) -> FontSet | None:
    """The installed Chinese Windows fonts, or None when 仿宋, 黑体 or 宋体 is missing."""
    folder = folder or _windows_fonts_dir()
    fang, hei, song = folder / "simfang.ttf", folder / "simhei.ttf", folder / "simsun.ttc"
    if not (fang.is_file() and hei.is_file() and song.is_file()):
        return None
    kai = folder / "simkai.ttf"
    title = folder / "FZXBSJW.TTF"  # 方正小标宋, often installed in government offices
    roles = {
        "title": FontFace(title if title.is_file() else hei),
        "heading": FontFace(hei),
        "subheading": FontFace(kai if kai.is_file() else hei),
        "body": FontFace(fang),
        "table": FontFace(fang),
    }
    extra = [folder / "simsunb.ttf", resource_path("fonts", "hanaminb-extb.ttf")]
    fallbacks = [FontFace(song), FontFace(hei)] + [FontFace(p) for p in extra if p.is_file()]
    return FontSet(roles=roles, fallbacks=fallbacks)


def bundled_fontset() -> FontSet:
    """The freely licensed fonts shipped under resources/fonts/."""
    hei = FontFace(resource_path("fonts", "wqy-microhei.ttc"), 0)
    ming = FontFace(resource_path("fonts", "uming-cn.ttf"))
    extb = FontFace(resource_path("fonts", "hanaminb-extb.ttf"))
    for face in (hei, ming, extb):
        if not face.path.is_file():
            raise PrintError(f"缺少字体文件：{face.path}")
    roles = {"title": hei, "heading": hei, "subheading": ming, "body": ming, "table": ming}
    return FontSet(roles=roles, fallbacks=[ming, hei, extb])


_default: FontSet | None = None


def default_fontset() -> FontSet:
    """Windows fonts when installed, else the bundled ones; chosen once per process."""
    global _default
    if _default is None:
        _default = windows_fontset() or bundled_fontset()
    return _default
