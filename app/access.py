"""Who may look at the data on a shared office PC: the optional opening password (scrypt),
the idle lock time, and the audit entries for views of full ID numbers."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from app.uow import UnitOfWork
from db.models.core import Setting

KEY = "access"
MIN_LENGTH = 6
MAX_LENGTH = 128
MAX_IDLE_MINUTES = 240
DEFAULT_IDLE_MINUTES = 10
# scrypt cost: about 50 ms on an office PC, 16 MiB of memory.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1


class AccessError(ValueError):
    """A refused password change; str() is the Chinese reason."""


@dataclass(frozen=True)
class AccessConfig:
    """What is stored under the `access` setting. The password itself is never stored."""
    salt: str = ""            # hex
    digest: str = ""          # hex scrypt output
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    idle_minutes: int = DEFAULT_IDLE_MINUTES   # 0: never lock by itself

    @property
    def has_password(self) -> bool:
        return bool(self.salt and self.digest)


@dataclass(frozen=True)
class AccessStatus:
    has_password: bool
    idle_minutes: int


# -- storage -----------------------------------------------------------------------------------
def load(session: Session) -> AccessConfig:
    row = session.get(Setting, KEY)
    try:
        data = json.loads(row.value) if row else {}
    except ValueError:
        data = {}
    known = AccessConfig.__dataclass_fields__
    return AccessConfig(**{k: v for k, v in data.items() if k in known})


def _save(uow: UnitOfWork, config: AccessConfig, *, summary: str) -> None:
    uow.session.merge(Setting(key=KEY, value=json.dumps(asdict(config))))
    # The trail says what happened, never the salt or the hash.
    uow.record(action="update", entity="setting", summary=summary)


def status(store) -> AccessStatus:
    with store.read() as session:
        config = load(session)
    return AccessStatus(has_password=config.has_password, idle_minutes=config.idle_minutes)


# -- hashing -----------------------------------------------------------------------------------
def _hash(password: str, *, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=32)


def _hashed(password: str, base: AccessConfig) -> AccessConfig:
    salt = os.urandom(16)
    digest = _hash(password, salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return AccessConfig(salt=salt.hex(), digest=digest.hex(), n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                        idle_minutes=base.idle_minutes)


def matches(config: AccessConfig, password: str) -> bool:
    if not config.has_password:
        return True
    digest = _hash(password, salt=bytes.fromhex(config.salt), n=config.n, r=config.r, p=config.p)
    return hmac.compare_digest(digest, bytes.fromhex(config.digest))


def verify_password(store, password: str) -> bool:
    """True when the password opens the data (or when no password is set)."""
    with store.read() as session:
        return matches(load(session), password)


def check_new_password(new: str, repeat: str) -> None:
    if len(new) < MIN_LENGTH:
        raise AccessError(f"新密码至少 {MIN_LENGTH} 个字符，现在只有 {len(new)} 个。")
    if len(new) > MAX_LENGTH:
        raise AccessError(f"新密码最多 {MAX_LENGTH} 个字符。")
    if new.strip() != new:
        raise AccessError("新密码的开头或结尾不能是空格。")
    if new != repeat:
        raise AccessError("两次输入的新密码不一致，请重新输入。")


# -- changes -----------------------------------------------------------------------------------
def set_password(store, *, current: str, new: str, repeat: str) -> None:
    """Set or change the opening password; changing needs the current one."""
    check_new_password(new, repeat)
    with store.write("设置开启密码") as uow:
        config = load(uow.session)
        if config.has_password and not matches(config, current):
            raise AccessError("当前密码不正确，密码未修改。")
        summary = "修改开启密码" if config.has_password else "设置开启密码"
        uow.label = summary
        _save(uow, _hashed(new, config), summary=summary)


def remove_password(store, *, current: str) -> None:
    """Stop asking for a password at opening; needs the current one."""
    with store.write("取消开启密码") as uow:
        config = load(uow.session)
        if not config.has_password:
            raise AccessError("还没有设置开启密码。")
        if not matches(config, current):
            raise AccessError("当前密码不正确，密码未取消。")
        _save(uow, AccessConfig(idle_minutes=config.idle_minutes), summary="取消开启密码")


def reset_password(store, *, by: str) -> bool:
    """The forgotten-password way: clear the password without knowing it. Only reachable from
    the command line on the data folder itself; written to the audit trail. False if none was
    set, and then nothing is written."""
    if not status(store).has_password:
        return False
    with store.write("重置（清除）开启密码") as uow:
        config = load(uow.session)
        _save(uow, AccessConfig(idle_minutes=config.idle_minutes),
              summary=f"忘记密码后清除开启密码（{by}）")
    return True


def set_idle_minutes(store, minutes: int) -> None:
    if not isinstance(minutes, int) or not 0 <= minutes <= MAX_IDLE_MINUTES:
        raise AccessError(f"自动锁定时间应为 0 到 {MAX_IDLE_MINUTES} 分钟（0 表示不自动锁定）。")
    with store.write(f"修改自动锁定时间（{minutes} 分钟）") as uow:
        config = load(uow.session)
        _save(uow, AccessConfig(**{**asdict(config), "idle_minutes": minutes}),
              summary=f"自动锁定时间 {config.idle_minutes} → {minutes} 分钟")


# -- privacy trail -----------------------------------------------------------------------------
def record_full_id_view(store, *, deputy_uuid: str, name: str) -> None:
    """Leave an audit entry each time someone reveals a deputy's full ID number."""
    with store.write(f"查看完整身份证号（{name}）") as uow:
        uow.record(action="view", entity="deputy", entity_uuid=deputy_uuid,
                   summary=f"查看了 {name} 的完整身份证号")
