"""The zip's parts: declared sizes and compression ratios are judged from the directory before
anything is unpacked, and every part is unpacked as a stream that stops as soon as it grows past
the size it declares (a reader trusting the directory would otherwise unpack without end)."""
from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from app.workbook_guard.limits import MB, Limits
from app.workbook_guard.refusal import WorkbookRefused

MAX_RATIO = 100                 # xlsx XML compresses ~10-20x; far more is a bomb
RATIO_FLOOR = 8 * MB            # small parts may compress well; don't judge them
MAX_PARTS = 10_000
CHUNK = 1 << 20                 # bytes unpacked at a time
_LOCAL = struct.Struct("<4s22xHH")   # a local header: signature, then the name's and extra field's lengths


def check_sizes(zf: zipfile.ZipFile, limits: Limits, name: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        raise WorkbookRefused(f"文件 {name} 含有 {len(infos)} 个部件，远多于任何 Excel 工作簿，疑似恶意文件，已拒绝")
    total = sum(i.file_size for i in infos)
    if total > limits.total_bytes:
        raise WorkbookRefused(f"文件 {name} 解压后有 {total // MB} MB，超过{limits.what}的上限 "
                              f"{limits.total_bytes // MB} MB，已拒绝（可能是恶意压缩文件，或夹带了无关的内容）")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise WorkbookRefused(f"文件 {name} 中的 {info.filename} 压缩比异常"
                                  f"（{info.file_size // max(info.compress_size, 1)} 倍），疑似恶意压缩文件，已拒绝")


def unpacked(path: Path, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The part's bytes a chunk at a time, never more than it declares (CRCs are left to the readers)."""
    if info.flag_bits & 0x1:
        raise WorkbookRefused(f"文件 {name} 的内容设有密码（已加密），请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise WorkbookRefused(f"文件 {name} 中的 {info.filename} 使用了 Excel 不用的压缩方式，无法读取")
    with open(path, "rb") as fh:
        fh.seek(info.header_offset)
        signature, name_len, extra_len = _LOCAL.unpack(fh.read(_LOCAL.size).ljust(_LOCAL.size, b"\0"))
        if signature != b"PK\x03\x04":
            raise WorkbookRefused(f"文件 {name} 已损坏（{info.filename} 的位置不对），可能是复制或下载中断，请重新获取")
        fh.seek(name_len + extra_len, 1)
        raw = _raw(fh, info.compress_size)
        if info.compress_type == zipfile.ZIP_STORED:
            if info.compress_size != info.file_size:
                raise WorkbookRefused(f"文件 {name} 中的 {info.filename} 大小前后不一，文件已损坏或被改动过，已拒绝")
            yield from raw
            return
        yield from _inflate(raw, info, name)


def _raw(fh, size: int) -> Iterator[bytes]:
    while size > 0:
        block = fh.read(min(size, CHUNK))
        if not block:
            return
        size -= len(block)
        yield block


def _inflate(raw: Iterator[bytes], info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    inflater, produced = zlib.decompressobj(-zlib.MAX_WBITS), 0
    try:
        for block in raw:
            while block and not inflater.eof:
                out = inflater.decompress(block, CHUNK)
                block = inflater.unconsumed_tail
                produced += len(out)
                if produced > info.file_size:
                    raise WorkbookRefused(f"文件 {name} 中的 {info.filename} 解压后比它声明的 {info.file_size} 字节大，"
                                          "文件被改动过或是恶意文件，已拒绝")
                yield out
    except zlib.error:
        raise WorkbookRefused(f"文件 {name} 中的 {info.filename} 无法解压，文件已损坏") from None
    if not inflater.eof or produced != info.file_size:
        raise WorkbookRefused(f"文件 {name} 中的 {info.filename} 不完整，文件已损坏，可能是复制或下载中断，请重新获取")
