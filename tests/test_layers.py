"""Dependencies point one way: ui → app → db. Nothing below ui/ imports Qt, ui/ never reaches
past app/ into db/, and app/'s packages import each other without cycles."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_and_no_ui_imports_in_app_or_db():
    offenders = []
    for package in ("app", "db"):
        for path in (ROOT / package).rglob("*.py"):
            for name in imported_modules(path):
                if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui"):
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_ui_never_imports_db():
    offenders = [f"{p.relative_to(ROOT)} imports {n}" for p in (ROOT / "ui").rglob("*.py")
                 for n in imported_modules(p) if n.split(".")[0] == "db"]
    assert offenders == []


def app_package(module: str) -> str:
    """app.suggestions.ledger → app.suggestions; app.store → app.store."""
    return ".".join(module.split(".")[:2])


def test_app_packages_import_each_other_without_cycles():
    # app.store is infrastructure every feature uses: were it to import a feature (or two features
    # each other), neither could be understood, loaded or tested without the other.
    needs: dict[str, set[str]] = {}
    for path in (ROOT / "app").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for name in imported_modules(path):
            if name.startswith("app.") and app_package(name) != app_package(module):
                needs.setdefault(app_package(module), set()).add(app_package(name))

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            here = todo.pop()
            if here == goal:
                return True
            if here not in seen:
                seen.add(here)
                todo.extend(needs.get(here, ()))
        return False
    cycles = sorted(f"{a} ⇄ {b}" for a in needs for b in needs[a] if reaches(b, a))
    assert cycles == []


def test_db_does_not_import_app():
    offenders = [f"{p.relative_to(ROOT)} imports {n}" for p in (ROOT / "db").rglob("*.py")
                 for n in imported_modules(p) if n.split(".")[0] == "app"]
    assert offenders == []


def test_loading_every_app_module_loads_no_qt():
    code = ("import importlib, pkgutil, sys, app, db\n"
            "for pkg in (app, db):\n"
            "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
            "        if m.name.endswith('__main__') or m.name.startswith('db.migrations'):\n"
            "            continue\n"
            "        importlib.import_module(m.name)\n"
            "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken'))))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_ui_compares_vocabulary_words_by_their_names_in_app():
    # A state, a vote, an attendance … is a stored word; the screens take it from app.vocabulary,
    # so a renamed word cannot leave a screen comparing against (or colouring by) the old one.
    from app import vocabulary
    words = {m.value for e in vars(vocabulary).values()
             if isinstance(e, type) and issubclass(e, vocabulary.Vocabulary) for m in e if not m.value.isascii()}
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Compare, ast.Dict)):
                quoted = {id(c) for s in ast.walk(node) if isinstance(s, ast.JoinedStr) for c in ast.walk(s)}
                found = [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and n.value in words
                         and id(n) not in quoted]       # words inside a sentence are just text
                offenders += [f"{path.relative_to(ROOT)}:{node.lineno} {w}" for w in found]
    assert offenders == []


# Shared infrastructure any screen or CLI command may use directly. Everything else comes through
# the capability's face, app/<capability>/service.py; a capability kept in one module
# (app/backup.py, app/access.py …) is its own face.
SHARED = {
    "app",                  # the version number
    "app.cn",               # Chinese numerals, dates and name order
    "app.store",            # the open data folder and its errors
    "app.progress",         # progress and cancel for long work
    "app.paths",            # where data and resources live
    "app.settings",         # township information and rule parameters
    "app.vocabulary",       # the fixed vocabularies
    "app.text_rules",       # length and character rules for any text
    "app.pinyin_search",    # finding a name by its pinyin
    "app.printing",         # the printout document, its fonts and errors
    "app.uow",              # the audit trail's action names
    "app.cli",              # the launcher hands a command line to the CLI front end
}


def app_modules_used(path: Path) -> set[str]:
    """Full names of the app modules a file imports from (`from app import backup` → app.backup)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "app":
            for alias in node.names:
                sub = ROOT.joinpath(*node.module.split("."), alias.name)
                is_module = sub.with_suffix(".py").exists() or sub.is_dir()
                names.add(f"{node.module}.{alias.name}" if is_module else node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.split(".")[0] == "app")
    return names


def is_face_or_shared(module: str) -> bool:
    parts = module.split(".")
    if module in SHARED or ".".join(parts[:2]) in SHARED:
        return True
    if len(parts) == 2 and (ROOT / "app" / f"{parts[1]}.py").exists():
        return True
    return len(parts) == 3 and parts[2] == "service"


def test_screens_and_cli_call_each_capability_through_its_service():
    files = [*(ROOT / "ui").rglob("*.py"), *(ROOT / "app" / "cli").rglob("*.py")]
    offenders = sorted(f"{p.relative_to(ROOT)} imports {m}" for p in files for m in app_modules_used(p)
                       if not is_face_or_shared(m))
    assert offenders == []
