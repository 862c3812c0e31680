"""The service standards: who may edit and publish, the public reads only the latest published version, the
maklumat's deadlines follow the agency's settings, the large-print page, and the audio made offline."""

import datetime as dt
import io
import shutil
import wave

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from agencies.errors import NotFound
from audit.models import Event
from standards import services
from standards.models import SopKind
from tests.register_helpers import PDF

MAKLUMAT = {
    "promise": "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai standar.",
    "signatory_name": "Dr. Ahmad Subarjo",
    "signatory_position": "Kepala Dinas Komunikasi dan Informatika",
    "place": "Bandung",
    "signed_on": dt.date(2026, 1, 5),
    "service_days": "Senin sampai Jumat",
    "service_hours": "08.00 sampai 15.00 WIB",
    "desk_address": "Jl. Merdeka 1, Bandung",
    "online_channels": "ppid.example.id\nppid@example.id",
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path / "private"


def publish(world, actor=None, **over):
    actor = actor or world.admin
    services.service_standard_update(actor=actor, agency=world.agency, data={**MAKLUMAT, **over})
    return services.service_standard_publish(actor=actor, agency=world.agency)


def test_administrators_and_the_ppid_head_edit_others_are_refused_or_never_see_it(world):
    services.service_standard_update(actor=world.head, agency=world.agency, data={"promise": "Janji"})
    for staff in (world.officer, world.auditor, world.atasan):
        with pytest.raises(PermissionDenied):
            services.service_standard_update(actor=staff, agency=world.agency, data={"promise": "x"})
    for stranger in (world.outsider, world.citizen):
        with pytest.raises(NotFound):
            services.service_standard_publish(actor=stranger, agency=world.agency)
    assert Event.objects.filter(action="standards.saved").count() == 1


def test_publishing_needs_the_maklumat_contents_and_numbers_each_version(world, client):
    services.service_standard_update(actor=world.admin, agency=world.agency, data={"promise": "Janji"})
    with pytest.raises(ValidationError) as exc:
        services.service_standard_publish(actor=world.admin, agency=world.agency)
    assert "signatory_name" in exc.value.message_dict
    assert client.get("/standar-layanan/diskominfo/").status_code == 404  # nothing published yet
    first = publish(world)
    second = publish(world, actor=world.head, promise="Janji yang diperbarui.")
    assert (first.number, second.number) == (1, 2) and second.published_by == world.head
    assert Event.objects.filter(action="standards.published").count() == 2
    page = client.get("/standar-layanan/diskominfo/").content.decode()
    assert "Janji yang diperbarui." in page and "Dr. Ahmad Subarjo" in page


def test_the_public_never_reads_the_draft(world, client):
    publish(world)
    services.service_standard_update(
        actor=world.admin, agency=world.agency, data={"promise": "Draf rahasia baru"}
    )
    page = client.get("/standar-layanan/diskominfo/maklumat/").content.decode()
    assert "Draf rahasia baru" not in page and "sanggup menyelenggarakan" in page


def test_fees_start_with_free_electronic_copies_and_sops_are_pdf_with_their_sk(world, client):
    services.fee_item_add(
        actor=world.admin, agency=world.agency, name="Fotokopi", unit="per lembar", amount=500
    )
    with pytest.raises(ValidationError):
        services.sop_document_set(
            actor=world.admin,
            agency=world.agency,
            kind=SopKind.REQUEST,
            sk_number="1",
            sk_date=dt.date(2026, 1, 2),
            file=SimpleUploadedFile("sop.pdf", b"not a pdf"),
        )
    services.sop_document_set(
        actor=world.admin,
        agency=world.agency,
        kind=SopKind.OBJECTION,
        sk_number="SK 12/2026",
        sk_date=dt.date(2026, 1, 2),
        file=SimpleUploadedFile("sop.pdf", PDF),
    )
    draft_sop = services.sop_document_set(
        actor=world.admin,
        agency=world.agency,
        kind=SopKind.REQUEST,
        sk_number="SK 11/2026",
        sk_date=dt.date(2026, 1, 2),
        file=SimpleUploadedFile("sop.pdf", PDF),
    )
    version = publish(world)
    page = client.get("/standar-layanan/diskominfo/").content.decode()
    assert "Gratis" in page and "Rp500" in page and "per lembar" in page
    assert "SK 12/2026" in page and "SOP penanganan keberatan" in page
    url = f"/standar-layanan/diskominfo/berkas/{draft_sop.file_id}/"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    # A file the published version does not name (a newer draft upload) is not public.
    newer = services.sop_document_set(
        actor=world.admin,
        agency=world.agency,
        kind=SopKind.REQUEST,
        sk_number="SK 13/2026",
        sk_date=dt.date(2026, 2, 2),
        file=SimpleUploadedFile("sop2.pdf", PDF),
    )
    assert client.get(f"/standar-layanan/diskominfo/berkas/{newer.file_id}/").status_code == 404
    assert client.get(f"/standar-layanan/dinas-lain/berkas/{draft_sop.file_id}/").status_code == 404
    assert version.number == 1


def test_the_maklumat_deadlines_follow_the_agency_setting(world, client):
    publish(world)
    page = client.get("/standar-layanan/diskominfo/maklumat/").content.decode()
    assert "10 hari kerja</strong> — pemberitahuan tertulis" in page
    assert "10 hari kerja</strong> — setelah pemberitahuan tertulis" in page
    world.agency.auto_complete_working_days = 21
    world.agency.save()
    page = client.get("/standar-layanan/diskominfo/maklumat/").content.decode()
    assert "21 hari kerja</strong> — setelah pemberitahuan tertulis" in page
    assert "7 hari kerja</strong> — perpanjangan" in page and "14 hari kerja" in page


def test_the_large_print_page_is_one_column_without_tables(world, client):
    services.fee_item_add(
        actor=world.admin, agency=world.agency, name="Fotokopi", unit="per lembar", amount=500
    )
    publish(world)
    page = client.get("/standar-layanan/diskominfo/maklumat/cetak-besar/").content.decode()
    assert "<table" not in page and 'class="large-print"' in page
    assert "<h1" in page and "<h2" in page and "Rp500" in page and "30 hari kerja" in page


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_the_audio_is_made_offline_as_a_wav_of_a_plausible_length(world, client):
    publish(world)
    response = client.get("/standar-layanan/diskominfo/maklumat/audio/maklumat.wav")
    assert response.status_code == 200 and response["Content-Type"] == "audio/wav"
    data = b"".join(response.streaming_content)
    with wave.open(io.BytesIO(data)) as wav:
        seconds = wav.getnframes() / wav.getframerate()
    from standards.selectors import maklumat_text

    words = len(maklumat_text(world.agency, world.agency.service_standard.versions.first().content).split())
    # At 150 words a minute, give or take the voice's pauses and long numbers.
    assert words / 4.0 < seconds < words / 1.2, (words, seconds)


def test_without_espeak_the_audio_page_says_so_and_the_rest_works(world, client, monkeypatch):
    publish(world)
    monkeypatch.setattr("standards.audio.shutil.which", lambda name: None)
    page = client.get("/standar-layanan/diskominfo/maklumat/audio/").content.decode()
    assert "belum tersedia" in page and "<audio" not in page
    assert client.get("/standar-layanan/diskominfo/maklumat/audio/maklumat.wav").status_code == 404
    assert client.get("/standar-layanan/diskominfo/maklumat/").status_code == 200


def test_the_admin_page_saves_the_draft_and_publishes_it_others_are_refused(world, client):
    client.force_login(world.officer)
    assert client.get("/kelola/diskominfo/standar-layanan/").status_code == 403
    client.force_login(world.outsider)
    assert client.get("/kelola/diskominfo/standar-layanan/").status_code == 404
    client.force_login(world.admin)
    url = "/kelola/diskominfo/standar-layanan/"
    empty = client.post(url, {"bagian": "publish"})
    assert "Draf belum dapat diumumkan" in empty.content.decode()
    data = {f"s-{k}": (v.isoformat() if isinstance(v, dt.date) else v) for k, v in MAKLUMAT.items()}
    assert client.post(url, {"bagian": "main", **data}).status_code == 302
    assert client.post(url, {"bagian": "publish"}).status_code == 302
    assert "Dr. Ahmad Subarjo" in client.get("/standar-layanan/diskominfo/maklumat/").content.decode()
    assert "Versi 1" in client.get(url).content.decode()


def test_the_demo_standard_is_seeded_once(db, settings, tmp_path):
    from django.core.management import call_command

    from standards.models import StandardVersion

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo_standards")
    call_command("seed_demo_standards")
    version = StandardVersion.objects.get()
    assert (
        version.number == 1
        and len(version.content["sops"]) == 5
        and version.content["fees"][0]["amount"] == 0
    )
