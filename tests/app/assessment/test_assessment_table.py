"""The printed 履职考评表: the scores before the year is settled, ranks and grades after; each
deputy's name on one line of its cell, three characters or four."""
from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from app.assessment.settlement import settle_year
from app.reports.assessment import print_assessment
from db.models.roster import Deputy
from tests.app.dossier.sample import build

NAMES = {"张三": "张三丰", "李四": "欧阳娜娜", "王五": "王五"}


def _lines(path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [line.replace(" ", "") for page in reader.pages for line in page.extract_text().splitlines()]


def test_names_of_three_and_four_characters_stay_on_one_line(store, tmp_path):
    ids = build(store)
    with store.write("改名") as uow:
        for old, new in NAMES.items():
            uow.session.get(Deputy, ids[old]).name = new
    for settled in (False, True):
        if settled:
            settle_year(store, year=2026, today=date(2027, 1, 5))
        lines = _lines(print_assessment(store, year=2026, path=tmp_path / f"{settled}.pdf",
                                        made_on=date(2027, 1, 5)))
        for name in NAMES.values():
            assert any(name in line for line in lines), (settled, name, lines)
        # No line holds only part of a name (the rest wrapped below it).
        for name in ("张三丰", "欧阳娜娜"):
            assert not any(line.endswith(name[:-1]) or line.startswith(name[-1:] + "第") for line in lines)


def test_settled_table_gives_rank_and_grade(store, tmp_path):
    build(store)
    before = "".join(_lines(print_assessment(store, year=2026, path=tmp_path / "a.pdf",
                                             made_on=date(2027, 1, 5))))
    assert "2026年度考评尚未确定：以下为截至12月31日的得分，不评定等次，不排名" in before
    assert "名次" not in before and "序号" in before
    settle_year(store, year=2026, today=date(2027, 1, 5))
    after = "".join(_lines(print_assessment(store, year=2026, path=tmp_path / "b.pdf",
                                            made_on=date(2027, 1, 5))))
    assert "2026年度履职考评经主席团于2027年1月5日确定" in after
    assert "其中优秀0人，称职1人，基本称职0人，不称职2人" in after
    assert "名次" in after and "等次" in after
    assert "1张三第一代表小组" in after and "2李四第一代表小组" in after
