"""Font roles: Windows fonts when installed, bundled fonts otherwise; fallback for missing glyphs."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.printing import FontFace, FontSet, PrintError, resource_path
from app.printing.fonts import bundled_fontset, windows_fontset

BUNDLED = resource_path("fonts")


def _fake_windows(folder: Path, names: list[str]) -> Path:
    # Stand-ins for the Windows files: links to bundled fonts under the Windows names.
    sources = {"simfang.ttf": "uming-cn.ttf", "simhei.ttf": "wqy-microhei.ttc",
               "simsun.ttc": "uming-cn.ttf", "simkai.ttf": "uming-cn.ttf",
               "simsunb.ttf": "hanaminb-extb.ttf"}
    for name in names:
        (folder / name).symlink_to(BUNDLED / sources[name])
    return folder


def test_bundled_fonts_and_their_licences_are_in_resources():
    for name in ("wqy-microhei.ttc", "uming-cn.ttf", "hanaminb-extb.ttf", "README.md",
                 "LICENSE-arphic.txt", "LICENSE-wqy-microhei.txt", "LICENSE-hanazono.txt"):
        assert (BUNDLED / name).is_file(), name


def test_windows_fonts_take_the_official_roles(tmp_path):
    folder = _fake_windows(tmp_path, ["simfang.ttf", "simhei.ttf", "simsun.ttc", "simkai.ttf",
                                      "simsunb.ttf"])
    fonts = windows_fontset(folder)
    assert fonts is not None
    assert fonts.roles["body"] == FontFace(folder / "simfang.ttf")
    assert fonts.roles["heading"] == FontFace(folder / "simhei.ttf")
    assert fonts.roles["subheading"] == FontFace(folder / "simkai.ttf")
    assert fonts.roles["title"] == FontFace(folder / "simhei.ttf")
    assert FontFace(folder / "simsunb.ttf") in fonts.fallbacks


def test_windows_without_fangsong_uses_bundled_fonts(tmp_path):
    assert windows_fontset(_fake_windows(tmp_path, ["simhei.ttf", "simsun.ttc"])) is None


def test_bundled_set_prints_body_in_ming_and_headings_in_hei():
    fonts = bundled_fontset()
    assert fonts.roles["body"].path.name == "uming-cn.ttf"
    assert fonts.roles["title"].path.name == "wqy-microhei.ttc"


def test_missing_glyph_falls_back_to_a_font_that_has_it():
    fonts = bundled_fontset()
    heading = fonts.font_name("heading")
    assert fonts.font_for_char(heading, "堃") == heading
    fallback = fonts.font_for_char(heading, "𠮷")
    assert fallback != heading and fonts.has_glyph(fallback, "𠮷")


def test_character_no_font_has_keeps_the_main_font_and_logs(caplog):
    fonts = bundled_fontset()
    body = fonts.font_name("body")
    with caplog.at_level(logging.WARNING):
        assert fonts.font_for_char(body, "\U000E0100") == body  # a variation selector: no glyph
    assert "U+E0100" in caplog.text


def test_unknown_role_and_missing_file_are_named(tmp_path):
    with pytest.raises(PrintError, match="缺少用途"):
        FontSet(roles={"body": FontFace(BUNDLED / "uming-cn.ttf")})
    with pytest.raises(PrintError, match="不存在"):
        bundled_fontset().font_name("caption")
    broken = FontFace(tmp_path / "nope.ttf")
    fonts = FontSet(roles={role: broken for role in ("title", "heading", "subheading", "body", "table")})
    with pytest.raises(PrintError, match="nope.ttf"):
        fonts.font_name("body")
