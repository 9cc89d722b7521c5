"""On a real Windows PC, printouts use 仿宋, 黑体, 楷体 and 宋体 from C:\\Windows\\Fonts, and a printed
dossier carries them embedded, so it prints the same on a PC without them."""
from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile

from app.printing import FontFace
from app.printing.fonts import default_fontset, windows_fontset
from app.reports.dossier_batch import print_dossiers
from db.models.roster import Deputy
from tests.app.dossier.sample import build

FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
FANGSONG, HEITI, SONGTI, KAITI = (FONTS / n for n in ("simfang.ttf", "simhei.ttf", "simsun.ttc",
                                                      "simkai.ttf"))
# Name characters from the CJK Extension A block: 宋体 has them, 仿宋 (the body text) is expected
# not to (checked below, not assumed), so 宋体 prints them.
RARE = "䶮㛃㶲䒟"


def postscript_name(path: Path) -> str:
    return TTFontFile(str(path), subfontIndex=0).name.decode("ascii")


def has_char(path: Path, char: str) -> bool:
    return ord(char) in TTFontFile(str(path), subfontIndex=0).charToGlyph


def embedded_fonts(pdf: Path) -> dict[str, bool]:
    """Each font the PDF uses (without the subset prefix 'AAAAAA+' or a collection's '-0'),
    and whether its glyphs are inside the file (what pdffonts shows as emb)."""
    found: dict[str, bool] = {}
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            name = re.sub(r"-\d+$", "", str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1])
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[name] = found.get(name, True) and embedded
    return found


def test_the_four_chinese_office_fonts_are_installed():
    missing = [p.name for p in (FANGSONG, HEITI, SONGTI, KAITI) if not p.is_file()]
    assert not missing, (f"{FONTS} 中没有 {'、'.join(missing)}：请安装简体中文补充字体"
                         "（docs/windows-build.md 第一部分第 4 步）")


def test_windows_fonts_take_the_official_roles():
    fonts = windows_fontset()
    assert fonts is not None
    assert fonts.roles["body"] == FontFace(FANGSONG) and fonts.roles["table"] == FontFace(FANGSONG)
    assert fonts.roles["heading"] == FontFace(HEITI)
    assert fonts.roles["subheading"] == FontFace(KAITI)
    assert fonts.fallbacks[0] == FontFace(SONGTI)
    assert default_fontset().roles["body"] == FontFace(FANGSONG)   # chosen over the bundled fonts


@pytest.fixture
def rare_char():
    """A name character 宋体 has and 仿宋 lacks, so the body text falls back to 宋体 for it."""
    for char in RARE:
        if has_char(SONGTI, char) and not has_char(FANGSONG, char):
            return char
    raise AssertionError(f"宋体应含有、仿宋应缺少 {RARE} 中的某个字，实际不是这样")


def test_a_printed_dossier_embeds_the_windows_fonts(store, tmp_path, rare_char):
    ids = build(store)
    name = f"王{rare_char}"
    with store.write(f"修改代表姓名（{name}）") as uow:
        uow.session.get(Deputy, ids["王五"]).name = name
    target = tmp_path / "打印 文件" / f"{name} 履职档案.pdf"
    target.parent.mkdir()
    pdf = print_dossiers(store, deputy_ids=[ids["王五"], ids["张三"]], year=2026, target=target,
                         today=date(2026, 11, 22)).paths[0]
    fonts = embedded_fonts(pdf)
    for path in (FANGSONG, HEITI, KAITI, SONGTI):
        assert postscript_name(path) in fonts, f"{path.name} 没有用在档案里：{sorted(fonts)}"
    not_embedded = [font for font, embedded in fonts.items() if not embedded]
    assert not not_embedded, f"这些字体没有嵌入 PDF：{not_embedded}"
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert name in text and "张三" in text
