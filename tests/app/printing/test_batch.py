"""One PDF of many dossiers: contents page, a bookmark per deputy, page counts per dossier, cancel."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.printing import Document, PrintCancelled, render_pdf
from app.progress import SilentProgress

NAMES = ["张三", "李堃", "王喆"]


def _batch(names: list[str], pages_each: int = 2) -> Document:
    doc = Document(title="履职档案汇编", header_text="示例镇人大主席团")
    doc.contents()
    for name in names:
        doc.section(f"{name}履职档案")
        doc.add_title(f"{name}代表履职档案")
        doc.heading("一、基本情况")
        doc.key_values([("姓名", name), ("届次", "第十八届")])
        doc.heading("二、活动情况")
        doc.bookmark("活动情况", level=1)
        for page in range(pages_each - 1):
            doc.paragraph("参加代表小组活动并发言。" * 20)
            doc.page_break()
        doc.paragraph("本年度无其他记录。")
    return doc


def _text(reader: PdfReader, index: int) -> str:
    return " ".join(reader.pages[index].extract_text().split())


class CancelAfter(SilentProgress):
    def __init__(self, steps: int) -> None:
        super().__init__()
        self.steps, self.seen = steps, []

    def step(self, done: int, total: int, message: str) -> None:
        self.seen.append((done, total, message))
        if len(self.seen) >= self.steps:
            self.cancelled = True


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> PdfReader:
    path = render_pdf(_batch(NAMES), tmp_path_factory.mktemp("batch") / "all.pdf")
    return PdfReader(io.BytesIO(path.read_bytes()))


def test_each_dossier_is_numbered_on_its_own(batch):
    # Page 1 is the contents; then three dossiers of two pages each.
    assert len(batch.pages) == 7
    assert "第 1 页 共 1 页" in _text(batch, 0)
    for first in (1, 3, 5):
        assert "第 1 页 共 2 页" in _text(batch, first)
        assert "第 2 页 共 2 页" in _text(batch, first + 1)
    assert "李堃代表履职档案" in _text(batch, 3)


def test_contents_lists_each_dossier_with_its_first_page(batch):
    contents = _text(batch, 0)
    assert "目 录" in contents or "目　录" in contents
    assert "汇编页码" in contents
    assert "1 张三履职档案 2" in contents
    assert "2 李堃履职档案 4" in contents
    assert "3 王喆履职档案 6" in contents


def test_the_contents_page_numbers_are_the_ones_the_footers_show(batch):
    # A reader looking for 李堃 at page 4 of the contents finds "汇编第 4 页" at the foot of the
    # first page of 李堃's dossier, beside its own "第 1 页 共 2 页".
    for index in range(len(batch.pages)):
        assert _text(batch, index).endswith(f"汇编第 {index + 1} 页")
    assert "第 1 页 共 2 页 汇编第 4 页" in _text(batch, 3) and "李堃代表履职档案" in _text(batch, 3)


def test_a_single_document_has_no_batch_numbers(tmp_path):
    doc = Document(title="一份档案")
    doc.paragraph("正文")
    reader = PdfReader(io.BytesIO(render_pdf(doc, tmp_path / "one.pdf").read_bytes()))
    assert "汇编" not in _text(reader, 0)


def test_bookmarks_lead_to_each_deputy(batch):
    top = [item for item in batch.outline if not isinstance(item, list)]
    assert [item.title for item in top] == ["张三履职档案", "李堃履职档案", "王喆履职档案"]
    assert [batch.get_destination_page_number(item) for item in top] == [1, 3, 5]
    children = batch.outline[1]
    assert isinstance(children, list) and children[0].title == "活动情况"


def test_progress_counts_dossiers(tmp_path):
    progress = SilentProgress()
    render_pdf(_batch(NAMES, pages_each=1), tmp_path / "p.pdf", progress=progress)
    assert progress.last[0] == progress.last[1] == 3


def test_cancel_between_dossiers_leaves_no_file(tmp_path):
    target = tmp_path / "all.pdf"
    progress = CancelAfter(steps=2)
    with pytest.raises(PrintCancelled):
        render_pdf(_batch(NAMES * 5, pages_each=1), target, progress=progress)
    assert [msg for _, _, msg in progress.seen] == ["正在排版：张三履职档案", "正在排版：李堃履职档案"]
    assert list(Path(tmp_path).iterdir()) == []


def test_document_without_sections_counts_all_pages(tmp_path):
    doc = Document(title="统计表")
    doc.paragraph("第一页")
    doc.page_break()
    doc.paragraph("第二页")
    doc.page_break()
    doc.paragraph("第三页")
    reader = PdfReader(io.BytesIO(render_pdf(doc, tmp_path / "s.pdf").read_bytes()))
    assert len(reader.pages) == 3
    for index in range(3):
        assert _text(reader, index).endswith(f"第{['一', '二', '三'][index]}页 第 {index + 1} 页 共 3 页")
