"""With the demo township loaded, no screen's model data or texts and no default export shows an
unmasked 18-digit ID number; exported cells that look like formulas are written as text."""
import importlib
import re
import zipfile

import pytest

from app.demo import fill_demo
from app.package.export import export_package
from app.package.period import quarter
from app.roster.export import export_roster
from app.store import Store
from db.models.roster import Deputy
from ui.context import AppContext
from ui.pages import NAVIGATION
from ui.qt import QAbstractItemView, QLabel, QLineEdit, Qt, QtCore

FULL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
FORMULA_LIKE = ["=1+2", "+8613800000000", "-3", "@SUM(A1)", "\t制表符开头"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("演示") / "数据 文件夹"
    store = Store.open(folder, daily_backup=False)
    fill_demo(store)
    with store.write("写入像公式的文字") as uow:
        deputies = uow.session.query(Deputy).order_by(Deputy.id).limit(len(FORMULA_LIKE)).all()
        for deputy, text in zip(deputies, FORMULA_LIKE):
            deputy.work_unit_post = text
    yield store
    store.close()


def test_demo_has_full_ids_to_hide(demo):
    with demo.read() as session:
        numbers = [d.id_number for d in session.query(Deputy) if d.id_number]
    assert len(numbers) >= 20 and all(FULL_ID.fullmatch(n) for n in numbers)


def model_texts(model) -> list[str]:
    texts, root = [], QtCore.QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:   # a list model keeps columnCount private: one column
        columns = 1
    for r in range(model.rowCount(root)):
        for c in range(columns):
            index = model.index(r, c)
            for role in (Qt.DisplayRole, Qt.ToolTipRole, Qt.EditRole):
                value = model.data(index, role)
                if value is not None:
                    texts.append(str(value))
    for c in range(columns):
        texts.append(str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole)))
    return texts


def screen_texts(page) -> list[str]:
    texts = [w.text() for w in page.findChildren(QLabel)]
    texts += [w.text() for w in page.findChildren(QLineEdit)]
    models = {id(m): m for m in page.findChildren(QtCore.QAbstractItemModel)}
    models.update({id(v.model()): v.model() for v in page.findChildren(QAbstractItemView) if v.model()})
    for model in models.values():
        texts += model_texts(model)
    return texts


def existing_pages():
    keys = []
    for key, _ in NAVIGATION:
        try:
            importlib.import_module(f"ui.pages.{key}")
        except ModuleNotFoundError as exc:
            if exc.name != f"ui.pages.{key}":
                raise
            continue
        keys.append(key)
    return keys


@pytest.mark.parametrize("key", existing_pages())
def test_no_screen_shows_a_full_id(qtbot, demo, key):
    page = importlib.import_module(f"ui.pages.{key}").Page(AppContext(demo))
    qtbot.addWidget(page)
    page.show()
    leaks = [t for t in screen_texts(page) if FULL_ID.search(t)]
    assert leaks == []


def sheet_parts(path):
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name).decode("utf-8") for name in book.namelist()
                if name.startswith("xl/") and name.endswith(".xml")}


def exports(demo, folder):
    roster = folder / "代表名册.xlsx"
    export_roster(demo, path=roster)
    package = folder / "青山镇 2026 第三季度.xlsx"
    export_package(demo, out=package, period=quarter(2026, 3))
    return [roster, package]


def test_default_exports_hold_no_full_id_and_no_formula(demo, tmp_path):
    for path in exports(demo, tmp_path):
        parts = sheet_parts(path)
        text = "".join(parts.values())
        assert not FULL_ID.search(text), path.name
        for name, xml in parts.items():
            assert "<f>" not in xml and "<f " not in xml, f"{path.name}: formula in {name}"
        assert "=1+2" in text and "@SUM(A1)" in text, "formula-like text kept as text"
    assert not list(tmp_path.glob(".*")), "temporary files left beside the exports"
