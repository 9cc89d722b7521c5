"""One look for every page, on the demo township in a 1366×768 window (the smallest office
screen): every table column has a header, the tabs fit without scroll arrows, no form field runs
across the window, the toolbars are the shared one with at most one highlighted action, and
表彰奖励 is found on the roster."""
import pytest

from app.demo import fill_demo
from app.store import Store
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.navigation import NAVIGATION
from ui.qt import (QApplication, QFormLayout, QPushButton, QTableView, QTabWidget, QToolBar, Qt)
from ui.widgets.forms import widest
from ui.widgets.toolbar import ToolBar


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("演示") / "数据 文件夹", daily_backup=False)
    fill_demo(store)
    yield store
    store.close()


@pytest.fixture
def window(qtbot, demo):
    window = MainWindow(AppContext(demo, demo=True))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    # The demo store outlives the window: its news must not reach a window already gone.
    window.ctx.changed.disconnect()


def every_tab_shown(window, key):
    """Show the page, then each tab of each tab widget on it in turn (tables built on first look)."""
    window.show_page(key)
    page = window.page(key)
    QApplication.processEvents()
    yield page
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield page


@pytest.mark.parametrize("key", [k for k, _ in NAVIGATION])
def test_every_column_of_every_table_has_a_header(window, key):
    missing = []
    for page in every_tab_shown(window, key):
        for table in page.findChildren(QTableView):
            model = table.model()
            if model is None:
                continue
            for column in range(model.columnCount()):
                title = model.headerData(column, Qt.Horizontal, Qt.DisplayRole)
                if not table.isColumnHidden(column) and not str(title or "").strip():
                    missing.append((type(table.parent()).__name__, column))
    assert missing == []


@pytest.mark.parametrize("key", [k for k, _ in NAVIGATION])
def test_tabs_fit_a_1366_by_768_screen(window, key):
    for page in every_tab_shown(window, key):
        for tabs in page.findChildren(QTabWidget):
            if tabs.isVisible():
                bar = tabs.tabBar()
                needed = sum(bar.tabRect(i).width() for i in range(bar.count()))
                assert needed <= tabs.width(), [bar.tabText(i) for i in range(bar.count())]
    assert window.page(key).width() <= 1366


@pytest.mark.parametrize("key", [k for k, _ in NAVIGATION])
def test_no_form_field_runs_across_the_window(window, key):
    for page in every_tab_shown(window, key):
        for form in page.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.FieldRole)
                field = item.widget() if item is not None else None
                if field is not None and field.isVisible() and widest(field):
                    assert field.width() <= widest(field), (key, type(field).__name__, field.width())


@pytest.mark.parametrize("key", [k for k, _ in NAVIGATION])
def test_toolbars_are_one_kind_with_at_most_one_main_action(window, key):
    page = window.page(key)
    assert page.findChildren(QToolBar) == []                 # no flat text toolbar
    for bar in page.findChildren(ToolBar):
        assert len(bar.main_buttons()) <= 1
        assert all(isinstance(b, QPushButton) and not b.isFlat() for b in bar.buttons)


def test_list_pages_have_a_toolbar_with_their_main_action_highlighted(window):
    mains = {}
    for key in ("roster", "groups", "activities", "suggestions", "dossiers", "statistics", "exchange"):
        window.show_page(key)
        bars = [bar for bar in window.page(key).findChildren(ToolBar) if bar.isVisible()]
        mains[key] = [b.text() for bar in bars for b in bar.main_buttons()][:1]
    assert mains == {"roster": ["新增代表"], "groups": ["新增小组"], "activities": ["新增活动"],
                     "suggestions": ["登记…"], "dossiers": ["预览"], "statistics": ["打印统计表…"],
                     "exchange": ["导出数据包…"]}


def test_statistics_tables_are_listed_down_the_left(window, qtbot):
    page = window.page("statistics")
    window.show_page("statistics")
    qtbot.waitUntil(lambda: page.stats is not None)
    assert page.tabs.count() >= 12
    assert page.findChildren(QTabWidget) == []
    lister = page.tabs.list
    bottom = lister.visualItemRect(lister.item(page.tabs.count() - 1)).bottom()
    assert bottom <= lister.viewport().height()              # every table's name in sight
    page.tabs.setCurrentIndex(3)
    assert page.tabs.stack.currentIndex() == 3


def test_awards_are_kept_with_the_roster(window, qtbot, monkeypatch):
    from ui.roster import awards
    activities = window.page("activities")
    assert "表彰奖励" not in [activities.congress.tabText(i) for i in range(activities.congress.count())]
    roster = window.page("roster")
    roster.table.selectRow(0)
    name = roster.selected().name
    opened = []
    monkeypatch.setattr(awards.AwardsDialog, "exec", lambda self: opened.append(self) or 0)
    [button] = [b for b in roster.toolbar.buttons if b.text() == "表彰奖励…"]
    qtbot.mouseClick(button, Qt.LeftButton)
    [dialog] = opened
    qtbot.addWidget(dialog)
    assert dialog.tab.deputy.currentText().startswith(name)


@pytest.mark.parametrize("key", [k for k, _ in NAVIGATION])
def test_a_greyed_out_button_says_why(window, key):
    for page in every_tab_shown(window, key):
        greyed = [b.text() for b in page.findChildren(QPushButton)
                  if b.isVisible() and not b.isEnabled() and not b.toolTip().strip()]
        assert greyed == [], key


CLOSERS = ("取消", "关闭", "退出", "Cancel", "Close")
SLOW = ("预览", "打印…", "打印考评表…", "预览所选代表的档案")     # PDFs of every deputy: not here


@pytest.mark.parametrize("key", [k for k, _ in NAVIGATION])
def test_every_dialog_a_toolbar_opens_can_be_closed(window, key, monkeypatch, qtbot):
    """Each toolbar button on each tab pressed with the first row selected: whatever dialog it
    opens has a 取消 or 关闭 button, and Esc closes it without saving."""
    from ui.qt import QDialog, QFileDialog, QMessageBox, QTableView
    seen = []

    def exec_(dialog) -> int:
        if isinstance(dialog, QMessageBox):
            return QMessageBox.No
        dialog.show()
        closers = [b.text() for b in dialog.findChildren(QPushButton)
                   if b.isVisible() and b.isEnabled() and b.text().split("(")[0].strip() in CLOSERS]
        assert closers, type(dialog).__name__
        qtbot.keyClick(dialog, Qt.Key_Escape)
        assert not dialog.isVisible(), type(dialog).__name__
        seen.append(type(dialog).__name__)
        return QDialog.Rejected
    monkeypatch.setattr(QDialog, "exec", exec_)
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: ""))
    for name in ("question", "information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *_a, **_k: QMessageBox.No))
    for page in every_tab_shown(window, key):
        for table in page.findChildren(QTableView):
            if table.isVisible() and table.model() is not None and table.model().rowCount():
                table.selectRow(0)
        for bar in page.findChildren(ToolBar):
            for button in bar.buttons:
                if bar.isVisible() and button.isVisible() and button.isEnabled() and button.text() not in SLOW:
                    qtbot.mouseClick(button, Qt.LeftButton)
    print(key, sorted(set(seen)))
