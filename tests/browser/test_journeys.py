"""Each role's main journey, end to end in Chromium (issue 9, "Must show").

Every page a journey reaches is checked by `Tab.check()` (tests/browser/conftest.py): axe-core finds no serious
or critical violation, and the page logs no JavaScript error and no console error. People log in through the
real login page; what a journey starts from is made through the real services, as the staff would have done.
"""

import re

import pytest

from tests.helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _iso(date) -> str:
    return date.isoformat()


def test_citizen_logs_in_files_a_request_and_sees_it_registered_with_its_due_date(world, open_tab):
    from ppid.models import InformationRequest
    from tests.factories import PASSWORD
    from workcalendar.calendar import compute_due_date

    tab = open_tab()
    page = tab.page
    tab.goto("/")
    tab.follow(tab.main.get_by_role("link", name="Masuk"))
    page.get_by_label("Nama pengguna atau e-mail").fill("pemohon")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    tab.follow(tab.main.get_by_role("button", name="Masuk"))

    tab.follow(tab.nav("Permohonan saya"))
    assert "Anda belum pernah mengajukan permohonan." in tab.text()
    tab.follow(tab.main.get_by_role("link", name="Ajukan permohonan baru"))
    agency = page.get_by_label("Badan publik yang dituju")
    assert agency.input_value() == str(world.agency.pk)  # the only agency is chosen already
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Laporan realisasi anggaran 2025")
    page.get_by_label("Tujuan penggunaan informasi").fill("Bahan liputan media warga")
    page.get_by_label("Cara memperoleh informasi").select_option(label="Salinan elektronik (softcopy)")
    page.get_by_label("Cara mendapatkan salinan informasi").select_option(label="E-mail")
    tab.follow(page.get_by_role("button", name="Kirim permohonan"))

    obj = InformationRequest.objects.get()
    expected = compute_due_date(start=obj.received_at, working_days=10, agency=world.agency).due_date
    assert obj.due_date == expected
    assert page.get_by_role("heading", level=1).inner_text() == f"Permohonan {obj.registration_number}"
    message = tab.messages.inner_text()
    assert obj.registration_number in message
    assert "paling lambat" in message
    assert page.locator(".status-line .badge-state").inner_text() == "Terdaftar"
    summary = page.locator("section[aria-labelledby=ringkasan-h]")
    assert summary.locator("time").nth(1).get_attribute("datetime") == _iso(expected)
    assert "pukul 23.59 WIB" in summary.inner_text()
    # The same request, with its deadline, in the citizen's own list.
    tab.follow(tab.nav("Permohonan saya"))
    row = tab.main.get_by_role("row").filter(has_text=obj.registration_number)
    assert row.locator("time").get_attribute("datetime") == _iso(expected)
    assert "Dalam batas waktu" in row.inner_text()


def test_officers_forward_process_extend_and_refuse_a_request(world, open_tab):
    from ppid.models import InformationRequest

    tab = open_tab()
    page = tab.page
    log_in(tab, "petugas")
    tab.follow(tab.nav("Antrean"))
    assert "0 permohonan" in tab.main.locator("p[role=status]").inner_text()

    obj = world.file_request()  # the citizen files while the officer has the queue open
    # live update: issue 7 -- the queue will show the new request without a reload; until then, reload.
    tab.reload()
    row = tab.main.get_by_role("row").filter(has_text=obj.registration_number)
    assert "Siti Rahmawati" in row.inner_text()
    assert "Terdaftar" in row.inner_text()
    tab.follow(row.get_by_role("link", name=obj.registration_number))

    forward = page.locator("#aksi-forward")
    forward.get_by_label("Teruskan ke unit").select_option(label="PPID Pelaksana Dinas Kesehatan")
    forward.get_by_label("Catatan").fill("Data bantuan sosial dikuasai unit ini.")
    tab.follow(forward.get_by_role("button", name="Teruskan"))
    assert "Permohonan diteruskan" in tab.messages.inner_text()
    assert (
        "PPID Pelaksana Dinas Kesehatan" in page.locator("section[aria-labelledby=ringkasan-h]").inner_text()
    )
    log_out(tab)

    # The Pelaksana officer takes it up from their own queue.
    log_in(tab, "pelaksana")
    tab.follow(tab.nav("Antrean"))
    tab.follow(tab.main.get_by_role("link", name=obj.registration_number))
    tab.follow(page.locator("#aksi-process").get_by_role("button", name="Mulai proses"))
    assert page.locator(".status-line .badge-state").inner_text() == "Sedang diproses"

    extend = page.locator("#aksi-extend")
    extend.get_by_label("Alasan perpanjangan").fill("Data masih dihimpun dari 27 kecamatan.")
    # The letter first, in a tab of its own: marked as a preview, and nothing happens to the request.
    posted = lambda r: r.request.method == "POST" and "/aksi/extend/" in r.url  # noqa: E731
    with page.context.expect_event("response", posted) as answer:
        with page.context.expect_page() as preview_tab:
            extend.get_by_role("button", name="Pratinjau surat").click()
    preview = answer.value
    assert preview.status == 200 and preview.headers["content-type"] == "application/pdf"
    preview_tab.value.close()
    assert not InformationRequest.objects.get(pk=obj.pk).extended
    assert (
        extend.get_by_label("Alasan perpanjangan").input_value() == "Data masih dihimpun dari 27 kecamatan."
    )
    tab.follow(extend.get_by_role("button", name="Perpanjang 7 hari kerja"))
    obj = InformationRequest.objects.get(pk=obj.pk)
    assert obj.extended
    summary = page.locator("section[aria-labelledby=ringkasan-h]")
    assert "Data masih dihimpun dari 27 kecamatan." in summary.inner_text()
    assert summary.locator("time").nth(1).get_attribute("datetime") == _iso(obj.due_date)
    assert page.locator("#aksi-extend").count() == 0  # once only

    respond = page.locator("#aksi-respond")
    respond.get_by_label("Keputusan").select_option(label="Ditolak")
    respond.get_by_label("h. mengungkap rahasia pribadi").check()
    respond.get_by_label("Ringkasan uji konsekuensi").fill(
        "Daftar memuat NIK dan alamat penerima; membukanya mengungkap rahasia pribadi."
    )
    tab.follow(respond.get_by_role("button", name="Simpan pemberitahuan tertulis"))
    assert "Pemberitahuan tertulis tersimpan." in tab.messages.inner_text()
    notice = page.locator("section[aria-labelledby=jawaban-h]")
    assert "Ditolak" in notice.inner_text()
    assert "h. mengungkap rahasia pribadi" in notice.inner_text()
    assert page.locator(".status-line .badge-state").inner_text() == "Sudah dijawab"
    assert InformationRequest.objects.get(pk=obj.pk).state == "responded"


def test_citizen_downloads_the_written_notice_and_objects_on_ground_a(world, open_tab):
    from io import BytesIO

    from pypdf import PdfReader

    from ppid.models import Objection

    obj = world.refused_request()
    tab = open_tab()
    page = tab.page
    log_in(tab, "pemohon")
    tab.follow(tab.nav("Permohonan saya"))
    tab.follow(tab.main.get_by_role("link", name=obj.registration_number))
    assert page.locator(".status-line .badge-state").inner_text() == "Sudah dijawab"

    pdf = tab.download(page.get_by_role("link", name=re.compile(r"^Pemberitahuan tertulis")))
    assert pdf.startswith(b"%PDF")
    assert tab.suggested_filename.startswith("pemberitahuan-tertulis-")
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert obj.registration_number in text

    tab.follow(tab.main.get_by_role("link", name="Ajukan keberatan"))
    ground = page.get_by_label("a. penolakan atas permohonan berdasarkan alasan pengecualian Pasal 17")
    assert (
        "Hari terakhir mengajukan"
        in page.locator("#" + ground.get_attribute("aria-describedby")).inner_text()
    )
    ground.check()
    page.get_by_label("Uraian keberatan").fill(
        "Nama penerima dan jumlah bantuan bukan rahasia pribadi; NIK dapat dihitamkan."
    )
    tab.follow(page.get_by_role("button", name="Kirim keberatan"))

    objection = Objection.objects.get()
    assert objection.grounds == ["a"]
    assert page.get_by_role("heading", level=1).inner_text() == f"Keberatan {objection.registration_number}"
    assert objection.registration_number in tab.messages.inner_text()
    assert page.locator(".status-line .badge-state").inner_text() == "Terdaftar"
    summary = page.locator("section[aria-labelledby=ringkasan-h]")
    assert summary.locator("time").nth(1).get_attribute("datetime") == _iso(objection.due_date)


def test_atasan_reviews_and_upholds_an_objection_with_reasons(world, open_tab):
    from ppid.models import Objection

    objection = world.objection()
    tab = open_tab()
    page = tab.page
    log_in(tab, "atasan")
    tab.follow(tab.nav("Keberatan"))
    row = tab.main.get_by_role("row").filter(has_text=objection.registration_number)
    assert "Siti Rahmawati" in row.inner_text()
    tab.follow(row.get_by_role("link", name=objection.registration_number))
    assert "Ditolak" in page.locator("aside").inner_text()  # the refusal being objected to, beside it

    tab.follow(page.locator("#aksi-review").get_by_role("button", name="Mulai periksa"))
    assert page.locator(".status-line .badge-state").inner_text() == "Sedang diperiksa Atasan PPID"
    decide = page.locator("#aksi-decide")
    decide.get_by_label("Keputusan PPID dikuatkan").check()
    decide.get_by_label("Alasan tertulis").fill(
        "Daftar memuat NIK dan alamat; pengecualian Pasal 17 huruf h tepat dan uji konsekuensi memadai."
    )
    tab.follow(decide.get_by_role("button", name="Simpan tanggapan"))

    objection = Objection.objects.get(pk=objection.pk)
    assert (objection.state, objection.outcome) == ("decided", "upheld")
    decision = page.locator("section[aria-labelledby=tanggapan-h]")
    assert "Keputusan PPID dikuatkan" in decision.inner_text()
    assert "uji konsekuensi memadai" in decision.inner_text()
    # The requester may now take it to the Komisi Informasi: the windows are shown.
    assert page.get_by_role("heading", name="Batas waktu tahap sengketa").is_visible()
    letter = tab.download(decision.get_by_role("link", name=re.compile("Surat tanggapan atas keberatan")))
    assert letter.startswith(b"%PDF")
    # Decided objections leave the queue.
    tab.follow(tab.nav("Keberatan"))
    assert "Tidak ada keberatan yang menunggu tanggapan." in tab.text()


def test_anonymous_complaint_is_verified_answered_tracked_and_rated(world, open_tab):
    from complaints.models import Complaint

    visitor = open_tab()
    page = visitor.page
    visitor.goto("/")
    visitor.follow(visitor.nav("Ajukan pengaduan"))
    assert "Pengaduan Anda otomatis anonim." in visitor.text()
    assert page.get_by_label("Badan publik yang diadukan").input_value() == str(world.agency.pk)
    page.get_by_label("Layanan yang diadukan").fill("Layanan informasi publik")
    page.get_by_label("Kategori").select_option(label="Pelayanan administrasi")
    page.get_by_label("Judul pengaduan").fill("Meja layanan PPID tutup pada jam layanan")
    page.get_by_label("Uraian kejadian").fill("Senin pukul 10.00 meja layanan kosong dan tidak ada petugas.")
    visitor.follow(page.get_by_role("button", name="Kirim pengaduan"))
    codes = page.locator(".code-list dd")
    number, code = codes.nth(0).inner_text(), codes.nth(1).inner_text()
    complaint = Complaint.objects.get()
    assert (complaint.tracking_number, complaint.anonymous, complaint.reporter_id) == (number, True, None)

    staff = open_tab()
    log_in(staff, "admin")
    staff.follow(staff.nav("Pengaduan"))
    row = staff.main.get_by_role("row").filter(has_text=number)
    assert "Anonim" in row.inner_text()
    staff.follow(row.get_by_role("link", name=number))
    verify = staff.page.locator("#aksi-verify")
    verify.get_by_label("Teruskan ke unit").select_option(label="PPID Pelaksana Dinas Kesehatan")
    staff.follow(verify.get_by_role("button", name="Verifikasi dan teruskan"))
    assert "diverifikasi dan diteruskan" in staff.messages.inner_text()
    log_out(staff)

    log_in(staff, "pelaksana")
    staff.follow(staff.nav("Pengaduan"))
    staff.follow(staff.main.get_by_role("link", name=number))
    respond = staff.page.locator("#aksi-respond")
    respond.get_by_label("Tindak lanjut untuk pelapor").fill(
        "Jadwal piket meja layanan diperbaiki; sejak hari ini selalu ada dua petugas."
    )
    staff.follow(respond.get_by_role("button", name="Kirim tindak lanjut"))
    assert "Tindak lanjut terkirim" in staff.messages.inner_text()

    visitor.follow(visitor.nav("Lacak pengaduan"))
    page.get_by_label("Nomor pelacakan").fill(number)
    page.get_by_label("Kode rahasia").fill(code)
    visitor.follow(page.get_by_role("button", name="Tampilkan pengaduan"))
    assert "selalu ada dua petugas" in visitor.text()
    confirm = page.locator("#aksi-confirm")
    confirm.get_by_label("5 — Sangat puas").check()
    confirm.get_by_label("Komentar (tidak wajib)").fill("Terima kasih, sudah lebih baik.")
    visitor.follow(confirm.get_by_role("button", name="Terima dan kirim penilaian"))
    assert "Pengaduan selesai dan penilaian Anda tersimpan." in visitor.messages.inner_text()
    assert page.locator(".status-line .badge-state").inner_text() == "Selesai"
    complaint.refresh_from_db()
    assert (complaint.state, complaint.rating) == ("completed", 5)


def test_auditor_reads_administration_audit_trail_and_queue_without_acting(world, open_tab):
    obj = world.refused_request()
    tab = open_tab()
    page = tab.page
    log_in(tab, "auditor")

    tab.follow(tab.nav("Kelola"))
    card = tab.main.locator(".card", has_text=world.agency.name)
    assert card.get_by_role("link", name="Pengaturan").count() == 0  # the administrator's, not the auditor's
    tab.follow(card.get_by_role("link", name="Jejak audit"))
    trail = tab.text()
    for action in ("request.registered", "request.forward", "request.process", "request.respond"):
        assert action in trail
    assert "pelaksana" in trail

    tab.follow(tab.nav("Kelola"))
    tab.follow(tab.main.get_by_role("link", name="Unit PPID dan staf"))
    assert "PPID Pelaksana Dinas Kesehatan" in tab.text()

    tab.follow(tab.nav("Antrean"))
    assert page.get_by_role("link", name="Catat permohonan luring").count() == 0
    tab.follow(tab.main.get_by_role("link", name=obj.registration_number))
    assert "Ditolak" in page.locator("section[aria-labelledby=jawaban-h]").inner_text()
    assert page.get_by_role("heading", name="Tindakan").count() == 0  # read-only
    assert page.get_by_text("Lihat NIK lengkap").count() == 0
    assert page.get_by_role("link", name="Catat keberatan luring").count() == 0
