"""The seats list shows a county seat whose term nobody has said as 届次未填, and lets the
secretary say it."""
from app.roster.levels import SeatInput
from app.roster.seats import add_level, deputy_seats
from tests.app.roster.helpers import add
from ui.context import AppContext
from ui.roster.status_dialog import StatusDialog


def test_an_unknown_term_is_shown_and_can_be_said(qtbot, store, tmp_path):
    deputy_id = add(store, "周九", levels=("乡镇",))
    add_level(store, deputy_id=deputy_id, seat=SeatInput("县", None, "第一选区"))
    dialog = StatusDialog(AppContext(store), deputy_id=deputy_id, name="周九")
    qtbot.addWidget(dialog)
    shown = [dialog.seats.item(i).text() for i in range(dialog.seats.count())]
    assert shown[0].startswith("县级代表（届次未填）  第一选区  在任")
    assert shown[1].startswith("第十八届 乡镇级代表")
    dialog.resize(700, 420)
    dialog.grab().save(str(tmp_path / "seats.png"))
    dialog.level.setCurrentText("县")
    dialog.term.setValue(17)
    dialog.add()
    assert [(s.level, s.term) for s in deputy_seats(store, deputy_id=deputy_id)] == [("县", 17), ("乡镇", 18)]
    assert dialog.seats.item(0).text().startswith("第十七届 县级代表")
