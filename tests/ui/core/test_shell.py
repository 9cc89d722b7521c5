"""The shell a user meets: first-run setup, the main window and its pages, settings."""
from datetime import date

from app import audit, recycle, settings
from db.models.roster import Deputy
from ui.context import AppContext
from ui.first_run import FirstRunDialog
from ui.main_window import MainWindow, PlaceholderPage
from ui.navigation import NAVIGATION
from ui.qt import QAction, QDialogButtonBox, QKeySequence, QMessageBox, Qt


def test_first_run_setup_saves_the_township(qtbot, store):
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.name.insert("青山镇")
    qtbot.keyClicks(form.code, "421281103000")
    form.county.insert("崇阳县")
    form.term.setValue(18)
    assert form.term_label.text() == "第十八届"
    form.secretary.insert("王秀英")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.result() == FirstRunDialog.Accepted
    township = settings.get(store, "township")
    assert (township.name, township.code, township.county, township.term, township.secretary) == (
        "青山镇", "421281103000", "崇阳县", 18, "王秀英")
    assert audit.entries(store)[0].label == "首次使用设置（青山镇）"


def test_first_run_refuses_a_bad_code_and_saves_nothing(qtbot, store):
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.form.name.insert("青山镇")
    qtbot.keyClicks(dialog.form.code, "4212")
    dialog.form.county.insert("崇阳县")
    dialog.save()
    assert "12 位数字" in dialog.error.text()
    assert dialog.result() != FirstRunDialog.Accepted
    assert not settings.get(store, "township").configured


def configured(store):
    settings.update(store, "township", settings.Township(name="青山镇", code="421281103000",
                                                         county="崇阳县", term=18), label="设置")
    return store


def test_main_window_opens_every_navigation_page(qtbot, store):
    configured(store).daily_backup(today=date.today())    # a filled folder's first backup
    window = MainWindow(AppContext(store))
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["首页", "代表名册", "代表小组", "活动记录", "意见建议", "履职档案", "数据交换", "统计", "设置"]
    for row, (key, _title) in enumerate(NAVIGATION):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.page(key)
    assert not isinstance(window.page("settings"), PlaceholderPage)
    assert "青山镇" in window.windowTitle()
    assert str(store.db_path) in window.file_label.text()
    assert "最近备份：2" in window.backup_label.text()
    assert str(store.data_dir) in window.about_text()


def test_window_size_is_remembered(qtbot, store):
    window = MainWindow(AppContext(configured(store)))
    qtbot.addWidget(window)
    window.show()
    window.resize(640, 480)
    window.close()
    again = MainWindow(AppContext(store))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 480)


def test_settings_page_saves_rules(qtbot, store):
    window = MainWindow(AppContext(configured(store)))
    qtbot.addWidget(window)
    page = window.page("settings")
    page.rules_form.editor("reply_working_days").setValue(7)
    page.save_rules()
    assert settings.get(store, "rules").reply_working_days == 7


def test_recycle_tab_restores_a_deleted_record(qtbot, store, monkeypatch):
    with store.write("新增代表（张三）") as uow:
        deputy = Deputy(name="张三")
        uow.session.add(deputy)
        uow.session.flush()
        recycle.move_to_bin(uow, deputy, what="代表 张三")
    window = MainWindow(AppContext(configured(store)))
    qtbot.addWidget(window)
    tab = window.page("settings").recycle
    tab.reload()
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    tab.restore_selected()
    assert tab.model.rowCount() == 0
    assert recycle.bin_items(store) == []


def test_backups_tab_restores_the_chosen_backup(qtbot, store, monkeypatch):
    window = MainWindow(AppContext(configured(store)))
    qtbot.addWidget(window)
    tab = window.page("settings").backups
    tab.backup_now()
    settings.update(store, "township", settings.Township(name="改过的名字", code="421281103000",
                                                         county="崇阳县", term=18), label="改名")
    tab.reload()
    tab.table.selectRow(0)   # newest first: the manual backup with 青山镇
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    tab.restore_selected(confirm=False)
    assert settings.get(store, "township").name == "青山镇"
    assert any(b.reason == "before-restore" for b in tab.model.visible_rows())


def test_settings_can_be_opened_on_the_backups_tab(qtbot, store):
    window = MainWindow(AppContext(configured(store)))
    qtbot.addWidget(window)
    window.ctx.go("settings", tab="backups")
    page = window.page("settings")
    assert window.stack.currentWidget() is page
    assert page.tabs.tabText(page.tabs.currentIndex()) == "备份与恢复"


def test_f1_opens_the_guide_at_the_page_on_screen(qtbot, store, monkeypatch):
    from ui.guide import GuideDialog
    shown = []
    monkeypatch.setattr(GuideDialog, "exec", lambda self: shown.append(
        (self.pages.currentItem().text(), self.text.toPlainText())))
    window = MainWindow(AppContext(configured(store)))
    qtbot.addWidget(window)
    window.show_page("suggestions")
    [guide] = [a for a in window.findChildren(QAction) if a.text() == "使用指南(&G)"]
    assert guide.shortcut() == QKeySequence(Qt.Key_F1)
    guide.trigger()
    [(title, text)] = shown
    assert title == "意见建议"
    assert "5 个工作日内答复" in text


def test_rules_tab_refuses_an_unknown_level_and_keeps_the_rules(qtbot, store, monkeypatch):
    from ui.qt import QMessageBox
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    window = MainWindow(AppContext(configured(store)))
    qtbot.addWidget(window)
    page = window.page("settings")
    assert page.rules_form.editor("subsidy_levels_county_city").text() == "市、县"
    assert page.rules_form.editor("min_levels_city").text() == "市"
    page.rules_form.editor("subsidy_levels_county_city").setText("市、区")
    page.save_rules()
    assert warnings and "“区”不是代表层级" in warnings[0]
    assert settings.get(store, "rules").subsidy_levels_county_city == "市、县"


def test_settings_page_sets_the_yearly_duties(qtbot, store):
    window = MainWindow(AppContext(configured(store)))
    qtbot.addWidget(window)
    form = window.page("settings").rules_form
    visits = form.editor("household_visits_month")
    assert visits.suffix() == " 月底前" and (visits.minimum(), visits.maximum()) == (1, 12)
    visits.setValue(13)                      # no thirteenth month: the box stops at December
    form.editor("reception_households").setValue(6)
    form.editor("overdue_flag_working_days").setValue(3)
    window.page("settings").save_rules()
    rules = settings.get(store, "rules")
    assert (rules.household_visits_month, rules.reception_households,
            rules.overdue_flag_working_days) == (12, 6, 3)
