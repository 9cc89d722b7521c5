"""Photos are copied into the data folder under their SHA-256 and survive the original's deletion."""
import hashlib
from datetime import date

from app.activities.entry import create_activity
from app.activities.files import attach_files
from app.activities.inputs import ActivityInput
from app.activities.reading import get_activity
from app.attachments import stored_path, store_file


def test_photo_survives_deleting_the_original(store, data_dir, tmp_path):
    photo = tmp_path / "现场 照片.JPG"
    photo.write_bytes(b"\xff\xd8fake jpeg bytes")
    digest = hashlib.sha256(b"\xff\xd8fake jpeg bytes").hexdigest()
    activity = create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 5, 5),
                                                     organiser="presidium", duration_hours=4))
    attach_files(store, activity_id=activity.activity_id, paths=[photo])
    photo.unlink()
    with store.read() as session:
        (row,) = get_activity(session, activity.activity_id).attachments
    assert (row.sha256, row.ext, row.original_name) == (digest, ".jpg", "现场 照片.JPG")
    kept = stored_path(data_dir, sha256=row.sha256, ext=row.ext)
    assert kept == data_dir / "attachments" / digest[:2] / f"{digest}.jpg"
    assert kept.read_bytes() == b"\xff\xd8fake jpeg bytes"


def test_storing_the_same_file_twice_keeps_one_copy(data_dir, tmp_path):
    scan = tmp_path / "签到表.pdf"
    scan.write_bytes(b"%PDF-1.4 sign-in")
    first, second = store_file(data_dir, scan), store_file(data_dir, scan)
    assert first.path == second.path and first.size == 16
    assert [p.name for p in (data_dir / "attachments").rglob("*") if p.is_file()] == [first.path.name]


def test_removing_attachments_unlinks_them_and_keeps_the_stored_file(store, data_dir, tmp_path):
    import pytest
    from app.activities import ActivityError
    from app.activities.files import remove_attachments
    scan, photo = tmp_path / "签到表.pdf", tmp_path / "现场.jpg"
    scan.write_bytes(b"%PDF-1.4 scan")
    photo.write_bytes(b"\xff\xd8 photo")
    made = [create_activity(store, ActivityInput(kind="视察", start_date=date(2026, 5, d), organiser="presidium",
                                                 duration_hours=4)).activity_id for d in (5, 6)]
    scan_id, photo_id = attach_files(store, activity_id=made[0], paths=[scan, photo])
    with pytest.raises(ActivityError, match="要移除的附件不属于该活动"):
        remove_attachments(store, activity_id=made[1], attachment_ids=[scan_id])
    remove_attachments(store, activity_id=made[0], attachment_ids=[scan_id])
    with store.read() as session:
        assert [a.original_name for a in get_activity(session, made[0]).attachments] == ["现场.jpg"]
    assert stored_path(data_dir, sha256=hashlib.sha256(b"%PDF-1.4 scan").hexdigest(), ext=".pdf") is not None
