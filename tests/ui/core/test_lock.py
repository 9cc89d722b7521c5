"""The opening prompt, the idle lock over the open windows, and the password settings tab."""
import pytest

from app import access
from ui.context import AppContext
from ui.lock import LockController, PasswordDialog, ask_password_at_start, install_lock
from ui.qt import QApplication, QDialog, QLabel, QLineEdit, QMessageBox, QWidget
from ui.settings.password_tab import PasswordTab

PASSWORD = "青山镇秘书2026"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def protected(store):
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    access.set_idle_minutes(store, 5)
    return store


@pytest.fixture
def window(qtbot):
    w = QWidget()
    w.resize(500, 300)
    secret = QLineEdit(w)
    secret.setText("未保存的内容")
    w.secret = secret
    qtbot.addWidget(w)
    w.show()
    return w


def test_no_password_means_no_prompt(store):
    assert ask_password_at_start(store)


def test_prompt_refuses_a_wrong_password_then_opens(qtbot, protected):
    dialog = PasswordDialog(protected)
    qtbot.addWidget(dialog)
    dialog.password.insert("不对的密码")
    dialog.try_open()
    assert dialog.result() != QDialog.Accepted
    assert dialog.message.text() == "密码不正确，请重新输入。"
    assert dialog.password.text() == ""
    dialog.reject()                      # Escape / close box do not get past it
    assert dialog.result() != QDialog.Rejected or not dialog.quit_requested
    dialog.password.insert(PASSWORD)
    dialog.try_open()
    assert dialog.result() == QDialog.Accepted


def test_idle_time_locks_covers_the_window_and_unlocks_with_the_password(qtbot, protected, window):
    clock = Clock()
    controller = LockController(QApplication.instance(), window, AppContext(protected), clock=clock)
    clock.now += 4 * 60
    controller.check()
    assert not controller.locked
    clock.now += 61
    controller.check()
    assert controller.locked
    [cover] = [c for c in controller._covers if c.parentWidget() is window]    # each open window has one
    assert cover.isVisible() and cover.geometry() == window.rect()
    assert cover.findChild(QLabel).text() == "已锁定"
    window.grab().save("/tmp/locked-window.png")
    dialog = controller.dialog
    dialog.password.insert("错误的密码")
    dialog.try_open()
    assert controller.locked
    dialog.password.insert(PASSWORD)
    dialog.try_open()
    assert not controller.locked
    assert window.secret.text() == "未保存的内容"     # the open form kept its text


def test_activity_resets_the_idle_count(qtbot, protected, window):
    clock = Clock()
    controller = LockController(QApplication.instance(), window, AppContext(protected), clock=clock)
    clock.now += 4 * 60
    qtbot.keyClick(window.secret, "a")
    clock.now += 2 * 60
    controller.check()
    assert not controller.locked


def test_no_locking_without_a_password_or_with_zero_minutes(qtbot, store, window):
    clock = Clock()
    ctx = AppContext(store)
    controller = LockController(QApplication.instance(), window, ctx, clock=clock)
    clock.now += 10_000
    controller.check()
    assert not controller.locked
    access.set_password(store, current="", new=PASSWORD, repeat=PASSWORD)
    access.set_idle_minutes(store, 0)
    controller.check()
    assert not controller.locked
    access.set_idle_minutes(store, 1)
    controller.check()
    assert controller.locked
    controller.dialog.password.insert(PASSWORD)
    controller.dialog.try_open()


def test_ctrl_l_locks_at_once(qtbot, protected, window):
    controller = install_lock(QApplication.instance(), window, AppContext(protected))
    controller.action.trigger()
    assert controller.locked
    controller.dialog.password.insert(PASSWORD)
    controller.dialog.try_open()
    assert not controller.locked


def test_password_tab_sets_changes_and_removes(qtbot, store, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    tab = PasswordTab(AppContext(store))
    qtbot.addWidget(tab)
    assert tab.state.text() == "未设置开启密码" and not tab.current.isEnabled()
    tab.new.insert(PASSWORD)
    tab.repeat.insert(PASSWORD + "x")
    tab.save_password()
    assert warnings == ["两次输入的新密码不一致，请重新输入。"]
    assert not access.status(store).has_password
    assert tab.new.text() == PASSWORD            # a refusal keeps what was typed
    tab.repeat.setText(PASSWORD)
    tab.save_password()
    assert tab.state.text() == "已设置开启密码" and tab.save_button.text() == "修改密码"
    assert access.verify_password(store, PASSWORD)
    tab.idle.setValue(20)
    tab.save_idle()
    assert access.status(store).idle_minutes == 20
    tab.show()
    tab.resize(640, 420)
    tab.grab().save("/tmp/password-tab.png")
    tab.current.insert("错的")
    tab.remove_password()
    assert warnings[-1] == "当前密码不正确，密码未取消。"
    tab.current.setText(PASSWORD)
    tab.remove_password()
    assert not access.status(store).has_password
    assert tab.message.text() == "已取消开启密码。"
