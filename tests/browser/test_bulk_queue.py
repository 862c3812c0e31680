"""Issue 16 point 8 in Chromium: the unit head searches the queue, ticks two requests, previews a bulk assignment
(one can, one cannot and why), confirms, and reads the result; the queue then shows the new assignee."""

import pytest

from agencies.models import StaffRole
from audit.models import Event
from ppid import services as s
from ppid.events import REQUEST_ASSIGN
from tests.factories import make_staff
from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_bulk_assignment_with_its_preview(world, file_request, open_tab):
    second = make_staff(
        world.utama, StaffRole.OFFICER, username="petugas2", first_name="Dedi", last_name="Kurnia"
    )
    free = file_request(information_requested="Dokumen anggaran puskesmas")
    taken = file_request(information_requested="Dokumen anggaran sekolah")
    file_request(information_requested="Kontrak jalan")  # not found by the search
    s.information_request_claim(request_id=taken.pk, actor=world.officer)

    head = make_staff(world.utama, StaffRole.PPID, username="kepalautama")
    tab = log_in(open_tab(), "kepalautama")
    tab.goto("/antrean/")
    tab.page.get_by_role("searchbox", name="Cari").fill("anggaran")
    tab.follow(tab.main.get_by_role("button", name="Terapkan"))
    assert "2 permohonan" in tab.main.inner_text()
    tab.page.get_by_label(f"Pilih {free.registration_number}").check()
    tab.page.get_by_label(f"Pilih {taken.registration_number}").check()
    tab.page.get_by_label("Tindakan untuk permohonan terpilih").select_option("assign")
    tab.page.get_by_label("Petugas (untuk penugasan)").select_option(str(second.pk))
    tab.follow(tab.main.get_by_role("button", name="Pratinjau tindakan"))

    preview = tab.main.inner_text()
    assert "Pratinjau tindakan massal" in preview and "1 tidak dapat dijalankan" in preview
    assert "Ditugaskan kepada Dedi Kurnia." in preview
    assert "wajib disertai alasan" in preview  # the taken one needs a reason to move
    assert not Event.objects.filter(action=REQUEST_ASSIGN, actor=head).exists()

    tab.follow(tab.main.get_by_role("button", name="Konfirmasi dan jalankan"))
    assert "1 berhasil, 1 gagal" in tab.main.inner_text()
    tab.follow(tab.main.get_by_role("link", name="Kembali ke antrean"))
    assert (
        tab.page.get_by_role("searchbox", name="Cari").input_value() == "anggaran"
    )  # back to the same search
    row = tab.main.locator("tr", has_text=free.registration_number)
    assert "Dedi Kurnia" in row.inner_text()
    assert Event.objects.filter(action=REQUEST_ASSIGN, actor=head, object_id=str(free.pk)).count() == 1
