"""`--self-test`: what support asks a user to run. Without a window and without touching the
user's data, checks each part the program needs and prints 通过 or the step that failed."""
from __future__ import annotations

import importlib
import json
import pkgutil
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import app
from app.paths import default_data_dir, install_dir, is_frozen, is_portable, resource_path

# The libraries each step needs are imported inside it: a library missing from a broken
# bundle then fails its own step with a message instead of the whole self-test.

# Written into the bundle by build.spec: the modules found by discovery at build time, so the
# frozen program can prove that pkgutil discovery still finds every one of them.
MANIFEST = "bundle_manifest.json"
DISCOVERED = ("db.models", "app.cli", "app.demo")
REQUIRED_RESOURCES = (
    ("fonts", "wqy-microhei.ttc"), ("fonts", "uming-cn.ttf"), ("fonts", "hanaminb-extb.ttf"),
    ("fonts", "LICENSE-wqy-microhei.txt"), ("fonts", "LICENSE-arphic.txt"),
    ("fonts", "LICENSE-hanazono.txt"), ("holidays", "cn_notices.toml"),
    ("icons", "deputydesk.png"),
)
SAMPLE_TEXT = "青山镇人大主席团：代表履职登记、意见建议办理。生僻字“𠮷”。"
SAMPLE_ROWS = [["姓名", "身份证号", "代表小组"],
               ["张三", "110101199003070011", "第一代表小组"],
               ["李四（女）", "42128119851201002X", "第二 代表小组"]]


class SelfTestFailure(Exception):
    """A check found something wrong; the message says what, in Chinese."""


@dataclass
class Workspace:
    """The temporary folder of one run (its path has Chinese and a space, like office PCs)."""

    folder: Path | None = None
    store: Store | None = None
    notes: dict[str, str] = field(default_factory=dict)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


@dataclass(frozen=True)
class Step:
    title: str
    run: Callable[[Workspace], str]  # returns a short detail for the printout


def make_temp_folder(ws: Workspace) -> str:
    # Locked-down office PCs sometimes redirect %TEMP% somewhere unwritable: say so plainly.
    try:
        ws.folder = Path(tempfile.mkdtemp(prefix="代表履职 自检-"))
    except OSError as exc:
        raise SelfTestFailure(f"无法在临时文件夹 {tempfile.gettempdir()} 中新建文件夹：{exc}") from None
    return str(ws.folder)


def check_resources(ws: Workspace) -> str:
    from db import migrate

    missing = [str(resource_path(*parts)) for parts in REQUIRED_RESOURCES
               if not resource_path(*parts).is_file()]
    if missing:
        raise SelfTestFailure("缺少程序文件：" + "；".join(missing))
    head = migrate.head_revision()
    if not head:
        raise SelfTestFailure(f"数据库结构脚本不完整：{migrate.SCRIPTS}")
    return f"字体、许可证、节假日数据、图标齐全；数据库结构版本 {head}"


def discovered_modules(package: str) -> list[str]:
    pkg = importlib.import_module(package)
    return sorted(info.name for info in pkgutil.iter_modules(pkg.__path__))


def check_modules(ws: Workspace) -> str:
    expected = _manifest().get("modules", {})
    counts = []
    for package in DISCOVERED:
        found = discovered_modules(package)
        lost = sorted(set(expected.get(package, [])) - set(found))
        if lost:
            raise SelfTestFailure(f"{package} 中找不到模块：{'、'.join(lost)}")
        if package != "app.demo" and not found:
            raise SelfTestFailure(f"{package} 中一个模块也没有找到")
        for name in found:
            importlib.import_module(f"{package}.{name}")
        counts.append(f"{package} {len(found)} 个")
    return "已加载 " + "，".join(counts)


def _manifest() -> dict:
    path = install_dir() / MANIFEST
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def open_database(ws: Workspace) -> str:
    from app.store import Store
    from db import migrate

    ws.store = Store.open(ws.folder / "自检 数据", daily_backup=False)
    current = migrate.current_revision(ws.store.engine)
    if current != migrate.head_revision():
        raise SelfTestFailure(f"数据库结构未升级到最新版本（当前 {current}）")
    return f"{ws.store.db_path}（结构版本 {current}）"


def write_and_read(ws: Workspace) -> str:
    from sqlalchemy import func, select

    from app import settings
    from db.models.core import AuditEntry

    if ws.store is None:
        raise SelfTestFailure("数据库未打开")
    label = "自检（写入乡镇信息）"
    written = settings.Township(name="自检镇", code="421281103000", county="自检县", term=18,
                                chair="张三", secretary="李四")
    with ws.store.write(label) as uow:
        settings.save(uow, "township", written)
    with ws.store.read() as session:
        read_back = settings.load(session, "township")
        audited = session.scalar(select(func.count()).select_from(AuditEntry)
                                 .where(AuditEntry.label == label))
    if read_back != written:
        raise SelfTestFailure(f"读回的乡镇信息与写入的不同：{read_back}")
    if audited != 1:
        raise SelfTestFailure(f"操作记录应有 1 条“{label}”，实际 {audited} 条")
    return "乡镇信息写入、读回一致，操作记录 1 条"


def render_chinese_pdf(ws: Workspace) -> str:
    from app.printing import Document, default_fontset, render_pdf

    fonts = default_fontset()
    body = fonts.font_name("body")
    lacking = [ch for ch in SAMPLE_TEXT if not fonts.has_glyph(fonts.font_for_char(body, ch), ch)]
    if lacking:
        raise SelfTestFailure(f"字体缺少这些字：{''.join(lacking)}")
    doc = Document(title="代表履职工作台自检")
    doc.add_title("代表履职工作台 自检页")
    doc.paragraph(SAMPLE_TEXT)
    doc.table(SAMPLE_ROWS[0], SAMPLE_ROWS[1:])
    path = render_pdf(doc, ws.folder / "自检 打印.pdf")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise SelfTestFailure(f"生成的 PDF 文件不完整：{path}")
    if b"/FontFile2" not in data:
        raise SelfTestFailure("PDF 中没有嵌入中文字体")
    return f"{len(data) // 1024} KB，正文字体 {fonts.roles['body'].path.name}"


def write_and_read_workbook(ws: Workspace) -> str:
    import openpyxl
    from python_calamine import CalamineWorkbook

    path = ws.folder / "自检 表格.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "代表名册"
    for row in SAMPLE_ROWS:
        sheet.append(row)
    for cell in sheet["B"]:
        cell.number_format = "@"  # ID numbers stay text, as in the county packages
    sheet.append(["日期", date(2026, 3, 5), ""])
    book.save(path)
    if not zipfile.is_zipfile(path):
        raise SelfTestFailure(f"写出的 Excel 文件不是有效的 xlsx：{path}")
    # calamine reads packages in the program, openpyxl writes them: check the pair.
    # Closed at once: Windows cannot delete the temporary folder while the file is open.
    with CalamineWorkbook.from_path(str(path)) as read_back:
        rows = read_back.get_sheet_by_name("代表名册").to_python()
    if [list(r) for r in rows[:3]] != SAMPLE_ROWS:
        raise SelfTestFailure(f"读回的表格内容不同：{rows[:3]}")
    if rows[3][1] != date(2026, 3, 5):
        raise SelfTestFailure(f"读回的日期不对：{rows[3][1]!r}")
    return f"{path.stat().st_size // 1024} KB，中文和身份证号读回一致"


def export_and_read_package(ws: Workspace) -> str:
    from app.package.export import export_package
    from app.package.kinds import specs
    from app.package.period import quarter
    from app.package.reader import read_package
    from app.roster.deputies import create_deputy
    from app.roster.fields import DeputyFields

    if ws.store is None:
        raise SelfTestFailure("数据库未打开")
    create_deputy(ws.store, data=DeputyFields(name="张三", sex="男"))
    today = date.today()
    result = export_package(ws.store, out=ws.folder / "自检 数据包.xlsx",
                            period=quarter(today.year, (today.month - 1) // 3 + 1))
    package = read_package(result.path, specs=specs())
    if package.refusals:
        first = package.refusals[0]
        raise SelfTestFailure(f"读回的数据包有错误：{first.sheet} 第 {first.row} 行 {first.column}：{first.reason}")
    if package.meta.township_name != "自检镇" or package.sha256 != result.sha256:
        raise SelfTestFailure("读回的数据包说明与写入的不同")
    names = [v for rows in package.rows.values() for _, row in rows for v in row.values()]
    if "张三" not in names:
        raise SelfTestFailure("读回的数据包中没有写入的代表")
    rows = sum(result.sheets.values())
    return f"{result.path.stat().st_size // 1024} KB，{len(result.sheets)} 张表 {rows} 行，校验一致"


STEPS: tuple[Step, ...] = (
    Step("准备临时文件夹", make_temp_folder),
    Step("检查程序文件", check_resources),
    Step("加载各功能模块", check_modules),
    Step("创建临时数据库并升级结构", open_database),
    Step("写入并读取记录", write_and_read),
    Step("生成含中文的 PDF", render_chinese_pdf),
    Step("写入并读取 Excel 表格", write_and_read_workbook),
    Step("导出并读回数据包", export_and_read_package),
)


def run_steps(steps: tuple[Step, ...], *, say: Callable[[str], None]) -> list[dict]:
    """Run the steps in order, stopping at the first failure; one result dict per step run."""
    results: list[dict] = []
    ws = Workspace()
    try:
        for number, step in enumerate(steps, start=1):
            say(f"[{number}/{len(steps)}] {step.title}……")
            try:
                detail, ok = step.run(ws), True
            except Exception as exc:  # any failure is reported, never a traceback
                detail, ok = _explain(exc), False
            results.append({"step": number, "title": step.title, "ok": ok, "detail": detail})
            say(f"    {'正常' if ok else '失败'}：{detail}")
            if not ok:
                break
    finally:
        ws.close()
    return results


def _explain(exc: Exception) -> str:
    text = str(exc) or "（无说明）"
    return text if isinstance(exc, SelfTestFailure) else f"{text}（{type(exc).__name__}）"


def run_self_test(ctx) -> int:
    """Print each step and 通过, or the failing step; 0 when everything passed, else 1."""
    say = _quiet if ctx.as_json else _print
    say(f"代表履职工作台 自检（版本 {app.__version__}）")
    say(f"程序位置：{install_dir()}{'（打包版）' if is_frozen() else '（源代码）'}")
    say(f"数据文件夹：{default_data_dir()}{'（便携模式）' if is_portable() else ''}（自检不改动其中数据）")
    results = run_steps(STEPS, say=say)
    failed = next((r for r in results if not r["ok"]), None)
    verdict = "通过" if failed is None else (
        f"未通过：第 {failed['step']} 步“{failed['title']}”失败。请把以上内容发给技术支持。")
    if ctx.as_json:
        ctx.emit({"ok": failed is None, "version": app.__version__, "steps": results,
                  "failed_step": failed["title"] if failed else None}, "")
    else:
        say(f"自检{verdict}")
    return 0 if failed is None else 1


def _print(text: str) -> None:
    print(text, flush=True)


def _quiet(text: str) -> None:
    pass  # --json prints one object at the end instead
