"""The photo on the deputy form: chosen from Pictures (or the Desktop), shown as a thumbnail,
saved with the deputy, shown again when the form reopens, and removable."""
from __future__ import annotations

import hashlib

import pytest
from PIL import Image

from app.roster.deputies import load_form
from tests.app.roster.helpers import add
from ui.context import AppContext
from ui.qt import QFileDialog, QMessageBox
from ui.roster import photo_box
from ui.roster.deputy_dialog import DeputyDialog


@pytest.fixture
def ctx(store):
    return AppContext(store)


def _dialog(qtbot, ctx, **kwargs):
    dialog = DeputyDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _picture(path):
    Image.new("RGB", (250, 350), (30, 90, 200)).save(path)
    return path


def test_new_deputy_saved_with_the_chosen_photo(qtbot, ctx, store, tmp_path, monkeypatch):
    source = _picture(tmp_path / "王五.png")
    asked = {}

    def fake_open(parent, title, folder, filters):
        asked.update(title=title, folder=folder)
        return str(source), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    dialog = _dialog(qtbot, ctx)
    assert dialog.photo.thumb.text() == "无照片" and not dialog.photo.remove_button.isEnabled()
    dialog.photo.choose_button.click()
    assert asked == {"title": "选择代表照片", "folder": photo_box.start_folder()}
    thumb = dialog.photo.thumb.pixmap()
    assert not thumb.isNull() and thumb.height() <= photo_box.THUMB_H
    dialog.name.setText("王五")
    dialog.save()
    assert dialog.result() == 1
    assert load_form(store, deputy_id=dialog.saved_id).fields.photo == \
        hashlib.sha256(source.read_bytes()).hexdigest()


def test_reopened_form_shows_the_photo_and_removing_it_clears_it(qtbot, ctx, store, tmp_path):
    deputy_id = add(store, "张三")
    first = _dialog(qtbot, ctx, deputy_id=deputy_id)
    first.photo.use_file(_picture(tmp_path / "zhang.jpg"))
    first.save()
    again = _dialog(qtbot, ctx, deputy_id=deputy_id)
    assert not again.photo.thumb.pixmap().isNull() and again.photo.remove_button.isEnabled()
    again.photo.remove_button.click()
    assert again.photo.thumb.text() == "无照片"
    again.save()
    assert load_form(store, deputy_id=deputy_id).fields.photo is None


def test_a_file_that_is_not_a_picture_is_refused_and_the_form_keeps_no_photo(
        qtbot, ctx, tmp_path, monkeypatch):
    other = tmp_path / "名单.xlsx"
    other.write_bytes(b"x")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(other), "")))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    dialog = _dialog(qtbot, ctx)
    dialog.photo.choose()
    assert shown and "照片“名单.xlsx”不是图片文件" in shown[0]
    assert dialog.photo.photo is None


def test_start_folder_is_pictures_else_desktop(monkeypatch, tmp_path):
    pictures, desktop = tmp_path / "图片", tmp_path / "桌面"
    desktop.mkdir()
    places = {photo_box.QtCore.QStandardPaths.PicturesLocation: str(pictures),
              photo_box.QtCore.QStandardPaths.DesktopLocation: str(desktop)}
    monkeypatch.setattr(photo_box.QtCore.QStandardPaths, "writableLocation", staticmethod(places.get))
    assert photo_box.start_folder() == str(desktop)      # no Pictures folder on this PC
    pictures.mkdir()
    assert photo_box.start_folder() == str(pictures)
