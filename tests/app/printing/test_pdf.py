"""The printed PDF: text, page footer, embedded subset fonts, repeated table header, rare characters."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.printing import Document, PrintError, format_date_cn, render_pdf

TOWNSHIP = "示例镇人大主席团"
LONG_BODY = "本年度该代表积极参加代表小组活动，认真走访选民，收集并反映群众意见建议。" * 12


def _reader(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def _page_text(reader: PdfReader, index: int) -> str:
    return " ".join(reader.pages[index].extract_text().split())


def _fonts(reader: PdfReader) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory) -> Path:
    doc = Document(title="履职档案", header_text=TOWNSHIP)
    doc.add_title("张三代表履职档案")
    doc.heading("一、基本情况")
    doc.key_values([("姓名", "张三"), ("性别", "男"), ("代表层级", "县、乡镇")])
    doc.heading("二、履职情况")
    doc.paragraph(LONG_BODY)
    doc.paragraph(f"填表日期：{format_date_cn(dt.date(2026, 11, 22))}", style="plain")
    return render_pdf(doc, tmp_path_factory.mktemp("pdf") / "two.pdf")


def test_two_page_document_has_title_body_header_and_page_footer(two_pages):
    reader = _reader(two_pages)
    assert len(reader.pages) == 2
    first, second = _page_text(reader, 0), _page_text(reader, 1)
    assert "张三代表履职档案" in first
    assert "一、基本情况" in first and "县、乡镇" in first
    assert "本年度该代表积极参加代表小组活动" in first
    assert TOWNSHIP in first and TOWNSHIP in second
    assert "第 1 页 共 2 页" in first
    assert "第 2 页 共 2 页" in second
    assert "2026年11月22日" in second


def test_every_font_is_embedded_as_a_subset(two_pages):
    fonts = _fonts(_reader(two_pages))
    assert fonts, "no fonts found"
    for name, font in fonts.items():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"
        # A subset font's name carries a six-letter tag: AAAAAA+UMingCN.
        tag, _, _ = name.lstrip("/").partition("+")
        assert len(tag) == 6 and tag.isupper(), f"{name} is not a subset"


def test_long_table_repeats_its_header_on_the_next_page(tmp_path):
    doc = Document(title="活动记录", header_text=TOWNSHIP)
    rows = [[f"2026年3月{day}日", "走访选民", f"第{day}次走访", "出席"] for day in range(1, 61)]
    doc.table(["活动日期", "活动类型", "主题", "出勤"], rows, widths=[2, 1.5, 4, 1],
              aligns=["center", "center", "left", "center"])
    reader = _reader(render_pdf(doc, tmp_path / "table.pdf"))
    assert len(reader.pages) >= 2
    for index in range(len(reader.pages)):
        assert "活动日期 活动类型 主题 出勤" in _page_text(reader, index)
    assert "第60次走访" in _page_text(reader, len(reader.pages) - 1)


def test_rare_name_characters_print_from_a_font_that_has_them(tmp_path):
    doc = Document(title="名册")
    doc.table(["姓名", "备注"], [["李堃", "县代表"], ["王喆", "乡镇代表"], ["吉𠮷祥", "乡镇代表"]])
    doc.paragraph("代表赵赟、吉𠮷祥参加了活动。")
    reader = _reader(render_pdf(doc, tmp_path / "rare.pdf"))
    text = _page_text(reader, 0)
    for name in ("李堃", "王喆", "吉𠮷祥", "赵赟"):
        assert name in text
    # 𠮷 (U+20BB7) is in no main font: it must come from the Extension B fallback.
    assert any("HanaMinB" in name or "SimSun-ExtB" in name for name in _fonts(reader))


def test_failed_render_leaves_the_previous_file_intact(tmp_path):
    target = tmp_path / "dossier.pdf"
    target.write_bytes(b"%PDF-previous")
    doc = Document(title="坏文档")
    doc.paragraph("有一张不存在的照片")
    doc.image(tmp_path / "missing.jpg")
    with pytest.raises(PrintError, match="missing.jpg"):
        render_pdf(doc, target)
    assert target.read_bytes() == b"%PDF-previous"
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.pdf"]


def test_render_replaces_an_existing_file(tmp_path):
    target = tmp_path / "dossier.pdf"
    target.write_bytes(b"old")
    doc = Document(title="新文档")
    doc.paragraph("新的内容")
    render_pdf(doc, target)
    assert "新的内容" in _page_text(_reader(target), 0)


def test_missing_folder_is_named(tmp_path):
    doc = Document(title="x")
    with pytest.raises(PrintError, match="保存位置不存在"):
        render_pdf(doc, tmp_path / "nowhere" / "a.pdf")


def test_photo_is_scaled_to_fit_its_box(tmp_path):
    from PIL import Image as PILImage

    photo = tmp_path / "photo.png"
    PILImage.new("RGB", (300, 600), "red").save(photo)  # 1:2, taller than the 35×49 mm box
    doc = Document(title="照片")
    doc.image(photo, max_width_mm=35, max_height_mm=49)
    reader = _reader(render_pdf(doc, tmp_path / "photo.pdf"))
    images = reader.pages[0].images
    assert len(images) == 1 and images[0].image.size == (300, 600)
    flowable_heights = [
        round(float(op[0][3]) / 72 * 25.4, 1)
        for op in reader.pages[0].get_contents().operations
        if op[1] == b"cm" and float(op[0][0]) > 50
    ]
    assert 49.0 in flowable_heights  # drawn 24.5 mm wide and 49 mm tall
