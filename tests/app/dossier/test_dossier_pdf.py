"""Dossiers printed from the hand-made sample: the facts in the PDF text, masked IDs, empty dossiers, batches."""
from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import event

from app.dossier import DossierError
from app.dossier.loader import choose_deputies, load_dossiers, year_period
from app.printing import PrintCancelled
from app.progress import SilentProgress
from app.reports.dossier_batch import print_dossiers
from tests.app.dossier.sample import build

FULL_ID = re.compile(r"\d{17}[\dXx]")
TODAY = date(2026, 11, 22)


@pytest.fixture
def sample(store):
    return build(store)


def _text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _print(store, ids, tmp_path, name="x.pdf", **kw):
    result = print_dossiers(store, deputy_ids=ids, year=2026, target=tmp_path / name, today=TODAY, **kw)
    return result.paths[0]


def test_known_deputy_shows_his_facts(store, sample, tmp_path):
    text = _text(_print(store, [sample["张三"]], tmp_path))
    assert "张三" in text and "2026年度" in text and "第一代表小组" in text
    # Four 2026 activities, all attended; the 2025 one and the deleted one are left out.
    assert "应参加各类活动4次，出席4次，请假0次，缺席0次，出席率100%" in text
    assert "农村人居环境整治" in text and "上年度活动" not in text and "已删除的活动" not in text
    assert "领衔提出意见建议2件，附议1件" in text
    assert "已办结（解决）" in text and "满意" in text   # 2026-001
    assert "办理中" in text                              # 2026-002: assigned, no reply
    assert "联系选民1人、帮扶户1户，本年度走访3次" in text
    assert "刘一" in text and "因病致困" in text
    assert "第十八届人民代表大会第五次会议" in text
    assert "年度履职报告" in text and "代表履职能力培训" in text
    # The year is not settled: his score so far, without a grade or a rank.
    assert "2026年度考评尚未确定（截至11月22日得分24分）" in text
    assert "等次" not in text and "排名" not in text and "称职" not in text


def test_leave_and_absence_shown_for_li(store, sample, tmp_path):
    text = _text(_print(store, [sample["李四"]], tmp_path))
    assert "应参加各类活动3次，出席1次，请假1次，缺席1次，出席率33%" in text
    assert "请假（外出务工）" in text and "缺席" in text
    assert "2026年度考评尚未确定（截至11月22日得分1分）" in text and "不称职" not in text


def test_only_masked_ids(store, sample, tmp_path):
    text = _text(_print(store, [sample["张三"]], tmp_path))
    assert "1101**********002X" in text
    assert not FULL_ID.search(text)
    assert "11010519491231002X" not in text


def test_deputy_without_records_gets_a_dossier_that_says_so(store, sample, tmp_path):
    text = _text(_print(store, [sample["王五"]], tmp_path))
    for what in ("活动记录", "人民代表大会会议记录", "意见建议记录", "联系选民和帮扶户记录",
                 "向选民述职记录", "学习培训记录", "表彰奖励及其他履职记录"):
        assert f"本年度暂无{what}" in text
    assert "2026年度暂无计分记录，考评尚未确定（截至11月22日得分0分）" in text
    assert "不称职" not in text and "排名" not in text


def test_batch_has_contents_and_a_bookmark_per_deputy(store, sample, tmp_path):
    with store.read() as session:
        ids = choose_deputies(session, group="第一代表小组")
    path = _print(store, ids, tmp_path, "group.pdf")
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    top = [item for item in reader.outline if not isinstance(item, list)]
    names = [item.title for item in top]
    assert sorted(names) == sorted(["张三代表履职档案", "李四代表履职档案", "王五代表履职档案"])
    contents = "".join(reader.pages[0].extract_text().split())
    assert "目录" in contents
    for item in top:
        first = reader.get_destination_page_number(item)
        assert item.title.removesuffix("代表履职档案") in "".join(reader.pages[first].extract_text().split())
        # The contents line gives the dossier's first page (1-based).
        assert f"{item.title}{first + 1}" in contents


def test_one_file_per_deputy(store, sample, tmp_path):
    result = print_dossiers(store, deputy_ids=[sample["张三"], sample["王五"]], year=2026,
                            target=tmp_path / "各人", per_file=True, today=TODAY)
    assert sorted(p.name for p in result.paths) == ["张三履职档案（2026年度）.pdf", "王五履职档案（2026年度）.pdf"]
    assert "本年度暂无活动记录" in _text(tmp_path / "各人" / "王五履职档案（2026年度）.pdf")


def test_cancel_leaves_no_file(store, sample, tmp_path):
    out = tmp_path / "打印"
    out.mkdir()
    progress = SilentProgress()
    progress.cancelled = True
    with pytest.raises(PrintCancelled):
        _print(store, list(sample.values()), out, "cancelled.pdf", progress=progress)
    assert list(out.iterdir()) == []


def test_unknown_group_or_name_refused(store, sample):
    with store.read() as session:
        with pytest.raises(DossierError, match="无此组"):
            choose_deputies(session, group="无此组")
        with pytest.raises(DossierError, match="赵六"):
            choose_deputies(session, names=["张三", "赵六"])


def test_batch_loading_does_not_grow_with_the_batch(store, sample):
    def queries_for(ids) -> int:
        seen = []
        listener = lambda *args: seen.append(1)  # noqa: E731
        event.listen(store.engine, "before_cursor_execute", listener)
        try:
            with store.read() as session:
                load_dossiers(session, deputy_ids=ids, period=year_period(2026))
        finally:
            event.remove(store.engine, "before_cursor_execute", listener)
        return len(seen)

    assert queries_for([sample["张三"]]) == queries_for(list(sample.values()))


def test_whole_term_dossier(store, sample, tmp_path):
    result = print_dossiers(store, deputy_ids=[sample["张三"]], year=None, target=tmp_path / "t.pdf",
                            today=TODAY)
    text = _text(result.paths[0])
    # From the first election (2021-12-20) to today: the 2025 activity and visit now count.
    assert "第十八届任期内" in text and "上年度活动" in text
    assert "应参加各类活动5次" in text
    # 2025 is over but was never settled: its score to its last day, no grade either.
    assert "2025年度考评尚未确定（截至12月31日得分" in text
    assert "2026年度考评尚未确定（截至11月22日得分24分）" in text and "等次" not in text
