"""Uploads never outlive a failed filing: the filing path removes what it wrote when its transaction fails, and
a sweep removes what a crash left behind (files with no row, past a grace period) and keeps every file that
has a row."""

import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from complaints import services as c
from complaints.models import ComplaintAttachment
from ppid import services as s
from ppid.models import RequestDocument

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


class DatabaseDown(Exception):
    pass


def pdf(name="kuasa.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_MEDIA_ROOT = root
    settings.MEDIA_ROOT = root
    return root


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def crash_after_files(monkeypatch, module, name):
    """The next audit write (after the files are stored, before commit) fails like a crashing database."""

    def crash(*args, **kwargs):
        raise DatabaseDown("server closed the connection unexpectedly")

    monkeypatch.setattr(module, name, crash)


def test_a_failed_filing_leaves_no_uploaded_file(world, file_request, media, monkeypatch):
    import ppid.services.requests as requests_module

    crash_after_files(monkeypatch, requests_module, "audit_record")
    with pytest.raises(DatabaseDown):
        file_request(documents=[("power_of_attorney", pdf())])
    assert RequestDocument.objects.count() == 0
    assert files_under(media) == []


def test_a_failed_response_leaves_no_response_file(world, file_request, media, monkeypatch):
    import ppid.services.requests as requests_module

    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    crash_after_files(monkeypatch, requests_module, "audit_record")
    with pytest.raises(DatabaseDown):
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            files=[pdf("jawaban.pdf")],
            decision="granted",
            exemption_grounds=[],
            provided_information="Dokumen anggaran terlampir.",
        )
    assert RequestDocument.objects.count() == 0
    assert files_under(media) == []


def test_a_failed_complaint_leaves_no_attachment(world, media, monkeypatch):
    crash_after_files(monkeypatch, c, "_audit")
    with pytest.raises(DatabaseDown):
        c.complaint_file(
            reporter=world.citizen,
            agency=world.agency,
            title="Pungli",
            description="d",
            category="other",
            attachments=[pdf("bukti.pdf")],
        )
    assert ComplaintAttachment.objects.count() == 0
    assert files_under(media) == []


def _age(path: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_the_sweep_removes_old_orphans_and_keeps_every_file_with_a_row(world, file_request, media):
    request = file_request(documents=[("power_of_attorney", pdf())])
    complaint, _code = c.complaint_file(
        reporter=None,
        agency=world.agency,
        title="Pungli",
        description="d",
        category="other",
        anonymous=True,
        attachments=[pdf("bukti.pdf")],
    )
    kept = [Path(request.documents.get().file.path), Path(complaint.attachments.get().file.path)]
    orphan = media / "requests" / "crashed" / "0123456789abcdef"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(PDF)
    fresh_orphan = media / "complaints" / "in-flight" / "fedcba9876543210"
    fresh_orphan.parent.mkdir(parents=True)
    fresh_orphan.write_bytes(PDF)
    for path in [*kept, orphan]:
        _age(path, 72)  # old enough to be swept, if it had no row
    _age(fresh_orphan, 0.1)  # perhaps a filing still in its transaction: within the grace period

    call_command("sweep_orphan_files")

    assert files_under(media) == sorted([*kept, fresh_orphan])
    assert not orphan.parent.exists()  # the empty folder goes too
    request.documents.get().file.open("rb").close()  # the kept files still open
