"""Per-sheet SHA-256 over cell values (survives a re-save that keeps values) and the HMAC seal."""
from __future__ import annotations

import hashlib
import hmac

from app.package.columns import canonical


def sheet_hash(headers: list[str], rows: list[list]) -> str:
    h = hashlib.sha256()
    h.update("\x1f".join(headers).encode("utf-8"))
    for row in rows:
        h.update(b"\x1e")
        h.update("\x1f".join(canonical(v) for v in row).encode("utf-8"))
    return h.hexdigest()


def seal(key: str, fields: list[tuple[str, str]]) -> str:
    """HMAC-SHA256 of the 说明 facts and sheet hashes, in order."""
    text = "\n".join(f"{k}={v}" for k, v in fields)
    return hmac.new(key.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()


def seal_matches(key: str, fields: list[tuple[str, str]], signature: str) -> bool:
    return hmac.compare_digest(seal(key, fields), signature or "")


def file_sha256(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
