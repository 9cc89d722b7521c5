"""Saving a printout or a workbook says where it went, and opens the file or its folder."""
from pathlib import Path

from ui.qt import QDesktopServices
from ui.widgets import saved


def test_the_notice_names_the_file_and_opens_it_or_its_folder(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "青山镇2026年第4季度数据包.xlsx"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())))
    for button in ("open_file", "open_folder"):
        box = saved.saved_box(None, path, what="数据包")
        qtbot.addWidget(box)
        assert f"数据包已保存到：\n{path}" == box.text()
        getattr(box, button).click()
        saved.act_on(box, path)
    assert opened == [path, tmp_path]
