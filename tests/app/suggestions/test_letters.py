"""Assignment letters printed for several suggestions into one PDF, read back as text."""
from datetime import date

from pypdf import PdfReader

from app.reports.assignment_letter import assignment_letters
from app.suggestions.handling import assign
from app.suggestions.ledger import register_suggestion
from app.suggestions.units import add_unit


def test_two_letters_in_one_pdf(store, deputies, tmp_path):
    with store.write("登记") as uow:
        unit = add_unit(uow, name="镇城建办")
        ids = [register_suggestion(uow, title=t, content="请尽快处理", lead_deputy_id=deputies["张三"],
                                   received_on=date(2026, 9, 20)) for t in ("修路", "路灯")]
        assign(uow, suggestion_ids=ids, lead_unit_id=unit, assigned_on=date(2026, 9, 28))
    path = assignment_letters(store, suggestion_ids=ids, path=tmp_path / "交办单.pdf",
                              today=date(2026, 9, 29))
    pages = [p.extract_text() for p in PdfReader(path).pages]
    text = "".join(pages)
    assert "2026-001" in text and "2026-002" in text and "镇城建办" in text
    # Mon 28 Sep 2026 → 29, 30 Sep, 8, 9 Oct and the make-up Saturday 10 Oct.
    assert "2026年10月10日" in text.replace(" ", "")
