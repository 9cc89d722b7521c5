"""Signing a package again after its sheets were filled in by hand (the county's answers on a reply
package): the sheets are hashed as they now read and the 说明 sheet gets their hashes and a new
signature, so the receiver, who refuses a package changed under its signature, can take it."""
from __future__ import annotations

from pathlib import Path

from app.package import INFO_SHEET, PackageError, keys
from app.package import info as I
from app.package.digest import seal
from app.package.info import SheetInfo
from app.package.kinds import specs
from app.package.reader import read_package
from app.package.xlsx import rewrite_rows
from app.savefile import save_atomically


def sign_package(store, path: Path, *, out: Path | None = None) -> Path:
    """Sign `path` (or a signed copy at `out`) with this computer's key; the result is read back and
    checked before it replaces anything."""
    with store.read() as session:
        key = keys.load(session).hmac_key
    if not key:
        raise PackageError("本机没有设置签名密钥，无法签名：请先在“数据交换”的设置中填写县里下发的签名密钥")
    path, out = Path(path), Path(out or path)
    pkg = read_package(path, specs=specs())
    if pkg.refusals:
        first = pkg.refusals[0]
        raise PackageError(f"数据包中有无法识别的单元格（工作表“{first.sheet}”第 {first.row} 行“{first.column}”列："
                           f"{first.reason}），请先改正再签名")
    meta = pkg.meta
    meta.sheets = [SheetInfo(s.name, pkg.read_counts.get(s.name, s.rows), pkg.read_hashes.get(s.name, s.sha256))
                   for s in meta.sheets]
    meta.signature = seal(key, meta.seal_fields())
    infos = {s.name: s for s in meta.sheets}
    save_atomically(out, lambda temp: _save_checked(path, temp, infos, meta.signature, key))
    return out


def _new_info(row: list, infos: dict[str, SheetInfo], signature: str) -> list | None:
    label, _rows, sha = row
    if label == I.SIGNATURE:
        return [label, signature, sha]
    if label in infos and sha:
        return [label, infos[label].rows, infos[label].sha256]
    return None


def _save_checked(path: Path, temp: Path, infos: dict[str, SheetInfo], signature: str, key: str) -> None:
    rewrite_rows(path, temp, INFO_SHEET, 3, lambda row: _new_info(row, infos, signature))
    read_package(temp, specs=specs(), key=key)    # refuses a package whose new signature does not hold
