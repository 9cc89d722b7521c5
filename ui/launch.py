"""The program's entry: `deputydesk [--data-dir PATH] [--demo]`; a command or --self-test runs
the command line instead, without a window."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app import backup, settings
from app.lock import AlreadyOpenError
from app.paths import default_data_dir, demo_data_dir
from app.store import (DamagedDatabaseError, NewerDatabaseError, ReadOnlyLocationError, Store,
                       StoreError, newest_good_backup, recover_from_backup)


def is_command_line(argv: list[str]) -> bool:
    return "--self-test" in argv or any(not a.startswith("-") for a in _without_options(argv))


def _without_options(argv: list[str]) -> list[str]:
    # The value after --data-dir is not a command.
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        else:
            out.append(arg)
    return out


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="deputydesk", description="代表履职工作台")
    parser.add_argument("--data-dir", help="数据文件夹")
    parser.add_argument("--demo", action="store_true", help="打开演示数据（与正式数据分开）")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if is_command_line(argv):
        from app.cli import main as cli_main
        return cli_main(argv)
    args = parse_args(argv)
    from ui.qt import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("代表履职工作台")
    app.setOrganizationName("DeputyDesk")
    _dress(app)
    data_dir = Path(args.data_dir) if args.data_dir else (demo_data_dir() if args.demo else default_data_dir())
    store = open_store_interactively(data_dir)
    if store is None:
        return 1
    from ui.lock import ask_password_at_start, install_lock
    if not ask_password_at_start(store):
        store.close()
        return 0
    window = start_window(store, demo=args.demo)
    if window is None:
        store.close()
        return 0
    window.show()
    window.lock = install_lock(app, window, window.ctx)   # lives as long as the window
    code = app.exec()
    store.close()
    return code


def _dress(app) -> None:
    """The icon, and Qt's own Chinese texts (是/否 on message boxes, not Yes/No)."""
    from app.paths import resource_path
    from ui.qt import QIcon
    from ui.translations import install_chinese
    icon = resource_path("icons", "deputydesk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_chinese(app)


def open_store_interactively(data_dir: Path, parent=None) -> Store | None:
    """Open the data folder, explaining every refusal in Chinese; offers recovery from the
    newest good backup when the file is damaged."""
    from ui.qt import QMessageBox
    try:
        return Store.open(data_dir)
    except AlreadyOpenError as exc:
        QMessageBox.information(parent, "代表履职工作台已在运行", str(exc))
    except DamagedDatabaseError as exc:
        return _offer_recovery(data_dir, exc, parent)
    except (NewerDatabaseError, ReadOnlyLocationError, StoreError) as exc:
        QMessageBox.critical(parent, "无法打开数据", str(exc))
    return None


def _offer_recovery(data_dir: Path, exc: DamagedDatabaseError, parent) -> Store | None:
    """Offer the backups, each saying what it holds, the newest good one chosen: an empty backup
    from the first day is then never restored by mistake."""
    from ui.qt import QMessageBox
    good = newest_good_backup(data_dir)
    if good is None:
        QMessageBox.critical(parent, "数据文件已损坏", f"{exc}\n\n没有找到可用的备份，请联系技术支持。")
        return None
    backups = backup.list_backups(data_dir / "backups")
    items = [backup.describe(b) for b in backups]
    current = next(i for i, b in enumerate(backups) if b.path == good)
    text = choose_backup(parent, f"{exc}\n\n请选择要恢复的备份（已选中最近一个完好的备份）。"
                                 "损坏的文件将另存，不会删除。", items, current)
    if text is None:
        return None
    picked = backups[items.index(text)].path
    try:
        aside = recover_from_backup(data_dir, picked)
    except StoreError as err:
        QMessageBox.critical(parent, "未能恢复", str(err))
        return None
    kept = f"损坏的文件保存为 {aside.name}。" if aside else ""
    QMessageBox.information(parent, "已恢复", f"已从 {picked.name} 恢复。{kept}")
    return Store.open(data_dir)


def choose_backup(parent, message: str, items: list[str], current: int) -> str | None:
    from ui.qt import QDialog, QInputDialog, QLabel
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("从备份恢复")
    dialog.setLabelText(message)
    dialog.setComboBoxItems(items)
    dialog.setTextValue(items[current])
    for label in dialog.findChildren(QLabel):
        label.setWordWrap(True)
    dialog.setMinimumWidth(620)
    return dialog.textValue() if dialog.exec() == QDialog.Accepted else None


def start_window(store: Store, *, demo: bool = False):
    """The main window, after the first-run setup (or demo filling) when the folder is new."""
    from ui.context import AppContext
    from ui.first_run import FirstRunDialog
    from ui.main_window import MainWindow
    configured = settings.get(store, "township").configured
    if not configured and demo:
        from app.demo.service import fill_demo
        fill_demo(store)
    elif not configured and FirstRunDialog(store).exec() != FirstRunDialog.Accepted:
        return None
    if store.created:      # the first backup holds the filled folder, not an empty one
        store.daily_backup(today=date.today())
    return MainWindow(AppContext(store, demo=demo))


if __name__ == "__main__":
    sys.exit(main())
