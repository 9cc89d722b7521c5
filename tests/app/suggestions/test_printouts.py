"""Satisfaction forms and the ledger PDF read back as text; the CLI prints letters and the ledger."""
from datetime import date

import pytest
from pypdf import PdfReader

from app.cli import main
from app.reports.satisfaction_form import satisfaction_forms
from app.reports.suggestion_ledger import ledger_pdf
from app.suggestions.handling import assign
from app.suggestions.ledger import register_suggestion
from app.suggestions.replies import record_reply, record_satisfaction
from app.suggestions.units import add_unit
from db.models.roster import Deputy

ZHANG_ID, LI_ID = "420202198001010012", "42020219850505002X"


@pytest.fixture
def people(store):
    with store.write("测试代表") as uow:
        rows = [Deputy(name="张三", id_number=ZHANG_ID), Deputy(name="李四", id_number=LI_ID)]
        uow.session.add_all(rows)
        uow.session.flush()
        return [r.id for r in rows]


def _text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "")


def _no_id(text: str) -> None:
    for number in (ZHANG_ID, LI_ID):
        assert number[:6] not in text and number[-4:] not in text


def test_satisfaction_form_has_reply_and_a_row_per_deputy(store, people, tmp_path):
    zhang, li = people
    with store.write("准备") as uow:
        unit = add_unit(uow, name="镇城建办")
        sid = register_suggestion(uow, title="村道修缮", content="主干道破损", lead_deputy_id=zhang,
                                  cosigner_ids=[li], received_on=date(2026, 4, 20))
        assign(uow, suggestion_ids=[sid], lead_unit_id=unit, assigned_on=date(2026, 4, 28))
        reply = record_reply(uow, suggestion_id=sid, replied_on=date(2026, 5, 7), form="书面",
                             content="已安排施工队六月动工", answered_by="城建办刘主任")
        record_satisfaction(uow, reply_id=reply, votes={zhang: "满意", li: "基本满意"},
                            voted_on=date(2026, 5, 11))
    path = satisfaction_forms(store, suggestion_ids=[sid], path=tmp_path / "测评表.pdf",
                              today=date(2026, 5, 12))
    text = _text(path)
    assert "满意度测评表" in text and "2026-001" in text and "村道修缮" in text
    assert "已安排施工队六月动工" in text and "城建办刘主任" in text and "2026年5月7日" in text
    # A row per deputy (number, name, role, then the tick); one more √ is in the instructions.
    assert "1\n张三\n领衔\n√" in text and "2\n李四\n附议\n√" in text and text.count("√") == 3
    _no_id(text)


def test_ledger_pdf_repeats_its_header_on_every_page(store, people, tmp_path):
    zhang, _ = people
    with store.write("登记") as uow:
        for n in range(45):
            register_suggestion(uow, title=f"建议第{n + 1}件", content="", lead_deputy_id=zhang,
                                received_on=date(2026, 3, 2))
    path = ledger_pdf(store, path=tmp_path / "台账.pdf", today=date(2026, 3, 3))
    pages = [p.extract_text().replace(" ", "") for p in PdfReader(path).pages]
    assert len(pages) >= 2
    assert all("收到日期" in p and "答复期限" in p for p in pages)
    text = "".join(pages)
    assert "共45件" in text and "2026-001" in text and "2026-045" in text and "未交办45件" in text
    assert "2026.3.2" in text
    _no_id(text)


def test_cli_prints_letters_and_ledger(store, people, data_dir, tmp_path, capsys):
    zhang, _ = people
    with store.write("准备") as uow:
        unit = add_unit(uow, name="镇农业服务中心")
        ids = [register_suggestion(uow, title=t, content="", lead_deputy_id=zhang,
                                   received_on=date(2026, 6, 1)) for t in ("茶叶", "油茶")]
        assign(uow, suggestion_ids=ids, lead_unit_id=unit, assigned_on=date(2026, 6, 2))
    store.close()
    letters = tmp_path / "交办单.pdf"
    assert main(["--data-dir", str(data_dir), "suggestions", "letters", "--ids", "2026-001",
                 "2026-002", str(letters)]) == 0
    assert "镇农业服务中心" in _text(letters) and "2026-002" in _text(letters)
    assert main(["--data-dir", str(data_dir), "suggestions", "ledger-pdf", str(tmp_path / "台账.pdf")]) == 0
    assert "油茶" in _text(tmp_path / "台账.pdf")
    assert main(["--data-dir", str(data_dir), "suggestions", "letters", "--ids", "2026-009",
                 str(letters)]) == 2
    assert "2026-009" in capsys.readouterr().err
