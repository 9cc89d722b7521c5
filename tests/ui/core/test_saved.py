"""Saving a printout or a workbook says where it went, and opens the file or its folder."""
from pathlib import Path

from ui.qt import QDesktopServices
from ui.widgets import saved


def test_the_notice_names_the_file_and_opens_it_or_its_folder(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "青山镇2026年第4季度数据包.xlsx"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())))
    for button in ("open_file", "open_folder"):
        box = saved.show_saved(None, path, what="数据包")
        assert box.isVisible() and box.text() == f"数据包已保存到：\n{path}"
        getattr(box, button).click()              # answered: it acts and closes
        assert not box.isVisible()
    assert opened == [path, tmp_path]
