"""A deputy's photo: stored by content in the data folder, kept as its SHA-256 on the deputy,
found again by the dossier cover and printed on it, even after the original file is gone."""
from __future__ import annotations

import hashlib
import io
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from app.dossier.loader import dossiers_for
from app.reports.dossier_batch import print_dossiers
from app.roster import RosterError
from app.roster.deputies import load_form, update_deputy
from app.roster.fields import DeputyFields
from app.roster.photo import photo_path, store_photo
from tests.app.roster.helpers import add


def _picture(path, colour=(200, 30, 30)):
    Image.new("RGB", (60, 84), colour).save(path)
    return path


def test_photo_is_stored_under_its_sha256_and_survives_the_original(store, data_dir, tmp_path):
    source = _picture(tmp_path / "张三 证件照.JPG")
    expected = hashlib.sha256(source.read_bytes()).hexdigest()
    photo = store_photo(data_dir, source)
    assert photo == expected                      # the column keeps the hash alone
    source.unlink()
    stored = photo_path(data_dir, photo)
    assert stored == data_dir / "attachments" / expected[:2] / f"{expected}.jpg"
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == expected


def test_a_file_that_is_not_a_picture_is_refused_by_name(data_dir, tmp_path):
    other = tmp_path / "简历.docx"
    other.write_bytes(b"not a picture")
    with pytest.raises(RosterError, match="照片“简历.docx”不是图片文件"):
        store_photo(data_dir, other)
    assert not (data_dir / "attachments").exists()


def test_no_photo_or_a_missing_file_gives_none(data_dir):
    assert photo_path(data_dir, None) is None
    assert photo_path(data_dir, "ab" * 32) is None


def _with_photo(store, data_dir, source) -> int:
    deputy_id = add(store, "张三")
    photo = store_photo(data_dir, source)
    update_deputy(store, deputy_id=deputy_id, data=DeputyFields(name="张三", photo=photo))
    assert load_form(store, deputy_id=deputy_id).fields.photo == photo
    return deputy_id


@pytest.mark.parametrize("name", ["photo.png", "照片.jpeg"])
def test_dossier_cover_finds_the_stored_photo(store, data_dir, tmp_path, name):
    source = _picture(tmp_path / name)
    deputy_id = _with_photo(store, data_dir, source)
    source.unlink()
    cover = dossiers_for(store, deputy_ids=[deputy_id], year=2026)[0].cover
    assert cover.photo is not None and cover.photo == photo_path(data_dir, load_form(
        store, deputy_id=deputy_id).fields.photo)


def test_dossier_pdf_prints_the_photo_on_its_cover(store, data_dir, tmp_path):
    deputy_id = _with_photo(store, data_dir, _picture(tmp_path / "photo.png"))
    result = print_dossiers(store, deputy_ids=[deputy_id], year=2026, target=tmp_path / "档案.pdf",
                            today=date(2026, 11, 22))
    first_page = PdfReader(io.BytesIO(result.paths[0].read_bytes())).pages[0]
    assert len(first_page.images) == 1
