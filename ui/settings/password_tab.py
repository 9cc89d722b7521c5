"""设置 → 开启密码: set, change or remove the opening password and the idle lock minutes."""
from __future__ import annotations

from app import access
from ui.qt import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                   QVBoxLayout, QWidget)


def _secret() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.Password)
    return field


class PasswordTab(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx
        self.state = QLabel()
        self.current, self.new, self.repeat = _secret(), _secret(), _secret()
        self.idle = QSpinBox()
        self.idle.setRange(0, access.MAX_IDLE_MINUTES)
        self.idle.setSuffix(" 分钟")
        self.idle.setSpecialValueText("不自动锁定")
        self.save_button = QPushButton("设置密码")
        self.remove_button = QPushButton("取消密码")
        self.idle_button = QPushButton("保存锁定时间")
        self.save_button.clicked.connect(self.save_password)
        self.remove_button.clicked.connect(self.remove_password)
        self.idle_button.clicked.connect(self.save_idle)
        self.message = QLabel()
        self._layout()
        self.reload()

    def _layout(self) -> None:
        note = QLabel("开启密码防止他人在这台共用电脑上打开或查看数据。密码只保存为不可还原的校验值。"
                      "忘记密码时：关闭本程序，打开 Windows 的“命令提示符”，进入程序所在文件夹，"
                      "输入 deputydesk-cli password-reset --yes 后回车即可清除密码，数据不受影响，"
                      "此操作会记入操作日志。密码不加密数据文件本身，请同时保管好数据文件夹和备份。")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("当前状态", self.state)
        form.addRow("当前密码", self.current)
        form.addRow("新密码", self.new)
        form.addRow("再输入一次", self.repeat)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel("无操作多久后自动锁定"))
        idle_row.addWidget(self.idle)
        idle_row.addWidget(self.idle_button)
        idle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addLayout(idle_row)
        layout.addWidget(QLabel("锁定后窗口内容被遮住，输入开启密码即可继续（未保存的内容不会丢失）；"
                                "也可以随时按 Ctrl+L 立即锁定。仅在设置了开启密码时生效。"))
        layout.addWidget(self.message)
        layout.addStretch(1)

    def reload(self) -> None:
        now = access.status(self.ctx.store)
        self.has_password = now.has_password
        self.state.setText("已设置开启密码" if now.has_password else "未设置开启密码")
        self.current.setEnabled(now.has_password)
        self.remove_button.setEnabled(now.has_password)
        self.remove_button.setToolTip("" if now.has_password else "还没有设置开启密码，无需取消")
        self.save_button.setText("修改密码" if now.has_password else "设置密码")
        self.idle.setValue(now.idle_minutes)
        for field in (self.current, self.new, self.repeat):
            field.clear()

    def _run(self, action, done: str) -> None:
        if self.ctx.attempt(self, lambda: action() or True, title="开启密码") is not None:
            self.reload()
            self.message.setText(done)

    def save_password(self) -> None:
        done = "密码已修改。" if self.has_password else "密码已设置，下次打开程序时需要输入。"
        self._run(lambda: access.set_password(self.ctx.store, current=self.current.text(),
                                              new=self.new.text(), repeat=self.repeat.text()), done)

    def remove_password(self) -> None:
        self._run(lambda: access.remove_password(self.ctx.store, current=self.current.text()),
                  "已取消开启密码。")

    def save_idle(self) -> None:
        minutes = self.idle.value()
        self._run(lambda: access.set_idle_minutes(self.ctx.store, minutes),
                  f"已保存：{minutes} 分钟无操作后自动锁定。" if minutes else "已保存：不自动锁定。")
