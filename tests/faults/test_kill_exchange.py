"""SIGKILL at random points of a roster import, a roster export and a data-package export and
import (20 runs each, fixed seeds): all or nothing in the database, and at an export's target
either the previous file, intact, or the complete new one — never a partial file."""
import hashlib
import random
import sys
from datetime import date

import pytest
from openpyxl import load_workbook

from app.package import export as package_export
from app.package import importer as package_import
from app.package.period import quarter
from app.roster.export import export_roster
from app.roster.importer import apply_import
from app.store import Store
from tests.faults.harness import (DB, child_duration, count, integrity, kill_during, put_back,
                                  save_state)
from tests.faults.rosters import configure_township, rows, write_roster

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")
RUNS = 20
PEOPLE = 20
DEPUTIES = "SELECT count(*) FROM deputy"


def open_quietly(data_dir):
    return Store.open(data_dir, daily_backup=False)


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """The empty township and the same township after importing the roster, as files."""
    base = tmp_path_factory.mktemp("状态")
    roster = write_roster(base / "名册 2026.xlsx", rows(PEOPLE))
    folder = base / "数据"
    with open_quietly(folder) as store:
        configure_township(store)
    empty = base / "empty.db"
    save_state(folder, empty)
    with open_quietly(folder) as store:
        apply_import(store, path=roster, on=date(2026, 3, 2))
    full = base / "full.db"
    save_state(folder, full)
    return roster, empty, full


@pytest.fixture
def folders(states, data_dir):
    roster, empty, full = states
    put_back(empty, data_dir)
    return data_dir, roster, empty, full


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def killed_repeatedly(seed, act, *, reset, check, prepare=None):
    """Time one whole run in a child, then kill 20 runs at random moments within it."""
    prepare = prepare or (lambda: open_quietly(FOLDER[0]))
    reset()
    duration = child_duration(prepare, act)
    rng = random.Random(seed)
    finished = []
    # The very start and long after the end for certain, random moments between: on a loaded
    # machine every random kill could otherwise land on one side.
    delays = [0.0, duration * 5] + [rng.uniform(0, duration * 2) for _ in range(RUNS - 2)]
    for delay in delays:
        reset()
        finished.append(kill_during(prepare, act, delay=delay))
        check()
    assert not all(finished), "no kill landed inside the operation"


FOLDER: list = []


@pytest.fixture(autouse=True)
def _folder(data_dir):
    FOLDER[:] = [data_dir]
    yield


def test_kill_during_roster_import(folders):
    data_dir, roster, empty, _ = folders
    seen = set()

    def act(store):
        apply_import(store, path=roster, on=date(2026, 3, 2))
        store.close()

    def check():
        assert integrity(data_dir / DB) == "ok"
        n = count(data_dir / DB, DEPUTIES)
        assert n in (0, PEOPLE), f"{n} deputies: a partial import"
        seen.add(n)
    killed_repeatedly(404, act, reset=lambda: put_back(empty, data_dir), check=check)
    assert seen == {0, PEOPLE}
    open_quietly(data_dir).close()


def test_kill_during_roster_export_keeps_the_previous_file(folders, tmp_path):
    data_dir, _, _, full = folders
    target = tmp_path / "导出" / "代表名册.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"previous export")
    previous = sha(target)

    def act(store):
        export_roster(store, path=target)
        store.close()

    def check():
        if sha(target) == previous:
            return
        sheet = load_workbook(target, read_only=True).active   # a complete workbook
        assert sum(1 for _ in sheet.iter_rows()) >= PEOPLE
    put_back(full, data_dir)
    killed_repeatedly(505, act, reset=lambda: None, check=check)
    leftovers = [p.name for p in target.parent.iterdir() if p != target]
    assert all(name.startswith(".导出-") for name in leftovers)


def test_kill_during_package_export_keeps_the_previous_file(folders, tmp_path):
    data_dir, _, _, full = folders
    target = tmp_path / "报送" / "青山镇 2026 第一季度.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"previous package")
    previous = sha(target)
    exports = "SELECT count(*) FROM exchange_log"

    def act(store):
        package_export.export_package(store, out=target, period=quarter(2026, 1))
        store.close()

    def check():
        assert integrity(data_dir / DB) == "ok"
        assert count(data_dir / DB, DEPUTIES) == PEOPLE
        if sha(target) != previous:
            load_workbook(target, read_only=True)
    put_back(full, data_dir)
    killed_repeatedly(606, act, reset=lambda: None, check=check)
    assert count(data_dir / DB, exports) <= RUNS + 1


def test_kill_during_package_import(folders, tmp_path):
    data_dir, _, empty, full = folders
    package = tmp_path / "青山镇 2026 第一季度.xlsx"
    put_back(full, data_dir)
    with open_quietly(data_dir) as store:
        package_export.export_package(store, out=package, period=quarter(2026, 1))
    seen = set()

    def act(store):
        package_import.apply_import(store, package)
        store.close()

    def check():
        assert integrity(data_dir / DB) == "ok"
        n = count(data_dir / DB, DEPUTIES)
        assert n in (0, PEOPLE), f"{n} deputies: a partial import"
        seen.add(n)
    killed_repeatedly(707, act, reset=lambda: put_back(empty, data_dir), check=check)
    assert seen == {0, PEOPLE}
