"""A file the user saves appears whole or not at all; the old one survives any failure."""
import errno

import pytest

from app.savefile import SaveError, save_atomically


def test_the_finished_file_replaces_the_old_one(tmp_path):
    target = tmp_path / "台账 2026.xlsx"
    target.write_bytes(b"old")
    save_atomically(target, lambda temp: temp.write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["台账 2026.xlsx"]


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "磁盘空间不足"), (errno.EACCES, "正在 Excel 或 WPS 中打开")])
def test_a_failed_write_keeps_the_old_file_and_says_what_to_do(tmp_path, code, words):
    target = tmp_path / "名册.xlsx"
    target.write_bytes(b"old")

    def half(temp):
        temp.write_bytes(b"partial")
        raise OSError(code, "failure")
    with pytest.raises(SaveError, match=words):
        save_atomically(target, half)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["名册.xlsx"]
