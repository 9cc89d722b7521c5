"""With the demo township loaded, no screen's model data or texts, no printout's text and no
default export shows an unmasked 18-digit ID number; exported cells that look like formulas are
written as text. The deputy's own form is the one exception, and each look at it is audited."""
import html
import importlib
import pkgutil
import re
import zipfile

import pytest
from pypdf import PdfReader

import app.reports
from app.demo import fill_demo
from app.store import Store
from db.models.core import AuditEntry
from db.models.roster import Deputy
from tests.faults.printouts import EXPORTS, HELPERS, PRINTOUTS, demo_ids
from ui.context import AppContext
from ui.navigation import NAVIGATION
from ui.roster.deputy_dialog import DeputyDialog
from ui.qt import QAbstractItemView, QLabel, QLineEdit, Qt, QtCore

# An ID number stands on its own: 18 digits inside a longer run of letters and digits (a sheet's
# SHA-256 in the package's 说明 sheet, say) are not one.
FULL_ID = re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])")
MASKED_ID = re.compile(r"\d{4}\*{10}\d{3}[\dX]")
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
            importlib.import_module(f"ui.{key}.page")
        except ModuleNotFoundError as exc:
            if exc.name != f"ui.{key}.page":
                raise
            continue
        keys.append(key)
    return keys


@pytest.mark.parametrize("key", existing_pages())
def test_no_screen_shows_a_full_id(qtbot, demo, key):
    page = importlib.import_module(f"ui.{key}.page").Page(AppContext(demo))
    qtbot.addWidget(page)
    page.show()
    leaks = [t for t in screen_texts(page) if FULL_ID.search(t)]
    assert leaks == []


def sheet_parts(path):
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name).decode("utf-8") for name in book.namelist()
                if name.startswith("xl/") and name.endswith(".xml")}


def sheet_text(parts: dict[str, str]) -> str:
    # openpyxl writes non-ASCII text as character references (&#38738;): read it as text.
    return html.unescape("".join(parts.values()))


def test_default_exports_hold_no_full_id_and_no_formula(demo, tmp_path):
    with demo.read() as session:
        names = [d.name for d in session.query(Deputy)]
    for name, write in EXPORTS.items():
        write(demo, tmp_path / name)
        parts = sheet_parts(tmp_path / name)
        text = sheet_text(parts)
        assert any(n in text for n in names), f"{name}: no deputy read back"
        assert not FULL_ID.search(text), name
        for part, xml in parts.items():
            assert "<f>" not in xml and "<f " not in xml, f"{name}: formula in {part}"
    roster = sheet_text(sheet_parts(tmp_path / "代表名册.xlsx"))
    assert "=1+2" in roster and "@SUM(A1)" in roster, "formula-like text kept as text"
    assert MASKED_ID.search(roster), "the roster shows IDs masked"
    assert not list(tmp_path.glob(".*")), "temporary files left beside the exports"


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_every_report_module_is_in_the_scan():
    modules = {m.name for m in pkgutil.iter_modules(app.reports.__path__)}
    covered = set(PRINTOUTS) | HELPERS
    assert modules - covered == set(), "a printout the privacy scan does not render yet"


@pytest.fixture(scope="module")
def printed(demo, tmp_path_factory):
    """Each report module's PDFs, as extracted text by file name, rendered once for the module."""
    folder, ids = tmp_path_factory.mktemp("打印"), demo_ids(demo)
    texts = {}
    for module, make in PRINTOUTS.items():
        paths = make(demo, ids, folder)
        texts[module] = {p.name: pdf_text(p) for p in paths}
    return ids, texts


@pytest.mark.parametrize("module", sorted(PRINTOUTS))
def test_no_printout_shows_a_full_id(demo, printed, module):
    with demo.read() as session:
        numbers = [d.id_number for d in session.query(Deputy) if d.id_number]
    texts = printed[1][module]
    assert texts, f"{module} printed nothing"
    for name, text in texts.items():
        assert "青山镇" in text or "第一代表小组" in text, f"{name}: no text read back"
        assert FULL_ID.findall(text) == [], name
        # A number wrapped across two lines of a narrow cell still counts.
        flat = re.sub(r"\s", "", text)
        assert [n for n in numbers if n in flat] == [], name


def test_dossiers_show_the_id_masked(demo, printed):
    ids, texts = printed
    text = texts["dossier_batch"]["档案汇编.pdf"]
    with demo.read() as session:
        number = session.get(Deputy, ids.deputies[0]).id_number
    assert f"{number[:4]}**********{number[-4:]}" in text and number not in text


def test_the_deputy_form_shows_the_full_number_and_audits_the_view(qtbot, demo):
    with demo.read() as session:
        deputy = session.query(Deputy).filter(Deputy.id_number.is_not(None)).order_by(Deputy.id).first()
        deputy_id, number, uuid, name = deputy.id, deputy.id_number, deputy.uuid, deputy.name
        seen = session.query(AuditEntry).filter_by(action="view", entity_uuid=uuid).count()
    dialog = DeputyDialog(AppContext(demo), deputy_id=deputy_id)
    qtbot.addWidget(dialog)
    assert dialog.id_number.text() == number
    with demo.read() as session:
        views = session.query(AuditEntry).filter_by(action="view", entity_uuid=uuid).all()
        assert len(views) == seen + 1
        assert (views[-1].entity, views[-1].summary) == ("deputy", f"查看了 {name} 的完整身份证号")


# -- the audit trail and the import previews ------------------------------------------------------
def _text_of_trail(store) -> str:
    with store.read() as session:
        return "\n".join(f"{e.label} {e.summary} {e.before or ''} {e.after or ''}"
                         for e in session.query(AuditEntry))


@pytest.fixture
def county_edits_an_id(store, tmp_path):
    """A package carrying full numbers in which 张三's number was changed, while it was changed
    here too: a conflict over an ID number, and a plain change of 李四's."""
    from app.package.importer import preview_import
    from tests.app.package.helpers import IDS, edit_cell, export_q3, find_row, township_with_roster
    township_with_roster(store)
    pkg = export_q3(store, tmp_path / "包.xlsx", full_ids=True).path
    edit_cell(pkg, "代表名册", row=find_row(pkg, "代表名册", "姓名", "张三"), header="身份证号", value=IDS[3])
    edit_cell(pkg, "代表名册", row=find_row(pkg, "代表名册", "姓名", "李四"), header="身份证号", value="110105194912310011")
    with store.write("修改代表（张三）") as uow:
        deputy = uow.session.query(Deputy).filter_by(name="张三").one()
        deputy.id_number = "110105194912310062"
    return pkg, preview_import


def test_the_package_preview_shows_conflicting_ids_masked(store, county_edits_an_id, capsys, data_dir):
    import json
    from app.cli import main as cli
    pkg, preview_import = county_edits_an_id
    preview = preview_import(store, pkg)
    diffs = [d for c in preview.changes for d in c.diffs if d.header == "身份证号"]
    assert len(diffs) == 2, "both ID changes are shown"
    assert ("1101**********0062", "1101**********0054") in [(d.local, d.incoming) for d in diffs]
    assert not FULL_ID.search(json.dumps(preview.as_dict(), ensure_ascii=False, default=str))
    store.close()
    assert cli(["--data-dir", str(data_dir), "--json", "package", "import", "--dry-run", str(pkg)]) == 0
    out = capsys.readouterr().out
    assert "1101**********0054" in out and not FULL_ID.search(out)


def test_the_audit_trail_holds_no_full_id(store, county_edits_an_id, tmp_path):
    from app.package.importer import apply_import as apply_package
    from app.roster.importer import apply_import as apply_roster
    from tests.faults.rosters import rows, write_roster
    pkg, preview_import = county_edits_an_id
    conflicts = {c.uuid for c in preview_import(store, pkg).conflicts}
    apply_package(store, pkg, choices={("代表名册", u): "package" for u in conflicts})
    apply_roster(store, path=write_roster(tmp_path / "名册.xlsx", rows(6)))
    with store.read() as session:
        numbers = [d.id_number for d in session.query(Deputy) if d.id_number]
    trail = _text_of_trail(store)
    assert "身份证号" in trail and len(numbers) >= 6
    assert FULL_ID.findall(trail) == []


def test_the_roster_import_preview_shows_no_full_id(store, tmp_path):
    from app.roster.importer import preview_import
    from tests.faults.rosters import configure_township, rows, write_roster
    configure_township(store)
    table = rows(4)
    table[1][5] = "421281198305160225"            # a wrong check digit: refused, and named masked
    preview = preview_import(store, path=write_roster(tmp_path / "名册.xlsx", table))
    refusal, = preview.refused
    assert refusal.value == "4212**********0225" and refusal.row == 3
    shown = [str(preview.summary()), *(c for i in preview.items for c in i.changes),
             *(f"{r.value} {r.reason}" for r in preview.refused)]
    assert not [t for t in shown if FULL_ID.search(t)]
