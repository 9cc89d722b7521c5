"""What a file really is, from its first bytes: an encrypted or old-format Excel file, a CSV or a
web page renamed to .xlsx, something else entirely, or a zip cut short."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from app.workbook_guard.refusal import WorkbookRefused

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"     # the container of .xls and of encrypted .xlsx
_HTML = re.compile(rb"<\s*(!doctype\s+html|html|head|body|table|meta)\b", re.IGNORECASE)


def check_kind(path: Path) -> None:
    """Refuse anything that is not a complete zip (an .xlsx is one), naming what it is instead."""
    if not path.exists():
        raise WorkbookRefused(f"找不到文件 {path}")
    with open(path, "rb") as fh:
        head = fh.read(8)
        rest = fh.read(4 * 1024 * 1024 if head == OLE_MAGIC else 4096)
    name = path.name
    if not head:
        raise WorkbookRefused(f"文件 {name} 是空的（0 字节），不是 Excel 工作簿")
    if head == OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in rest:
            raise WorkbookRefused(f"文件 {name} 设有打开密码（已加密），请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入")
        raise WorkbookRefused(f"文件 {name} 是旧版 Excel 97-2003（.xls）格式，请另存为 .xlsx 后再导入")
    if not head.startswith(b"PK"):
        text = _text(head + rest)
        if text is not None and _HTML.search(text.encode("utf-8", "replace")):
            raise WorkbookRefused(f"文件 {name} 是网页（HTML）而不是 Excel 工作簿，只是扩展名被改成了 .xlsx；"
                                  "请在 Excel 或 WPS 中打开它，再“另存为” Excel 工作簿 (.xlsx)")
        if text is not None:
            raise WorkbookRefused(f"文件 {name} 是文本（如 CSV）而不是 Excel 工作簿，只是扩展名被改成了 .xlsx")
        raise WorkbookRefused(f"文件 {name} 不是 Excel 工作簿（.xlsx）")
    if not zipfile.is_zipfile(path):
        raise WorkbookRefused(f"文件 {name} 不完整（结尾缺失），可能是复制或下载中断，请重新获取")


def _text(head: bytes) -> str | None:
    """The head decoded, if it is text (a cut multi-byte character at the end is no objection)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "replace")
    if b"\x00" in head:
        return None
    for encoding in ("utf-8", "gb18030"):
        try:
            return head.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:
                return head[:exc.start].decode(encoding)
    return None
