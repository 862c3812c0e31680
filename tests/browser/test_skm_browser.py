"""Issue 19 point 2 in Chromium: a citizen completes her answered request, fills the satisfaction survey from the
request page (nine radio groups, a missing answer refused in Indonesian), cannot fill it twice, and the auditor
sees the unit's IKM on the dashboard."""

import pytest

from tests.helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_completes_and_rates_then_the_auditor_sees_the_ikm(world, open_tab):
    from ppid import services

    obj = world.file_request()
    services.information_request_process(request_id=obj.pk, actor=world.head)
    services.information_request_respond(
        request_id=obj.pk,
        actor=world.head,
        decision="granted",
        provided_information="Data bantuan sosial 2025.",
    )

    tab = log_in(open_tab(), "pemohon")
    page = tab.page
    tab.goto(f"/permohonan/{obj.pk}/").check()
    assert page.locator("#skm-h").count() == 0  # not before the request is completed
    tab.follow(page.locator("#aksi-complete").get_by_role("button", name="Tandai selesai"))
    assert page.locator(".status-line .badge-state").inner_text() == "Selesai"
    offer = page.locator("section[aria-labelledby=skm-h]")
    assert "anonim" in offer.inner_text()
    tab.check()
    tab.follow(offer.get_by_role("link", name="Isi survei kepuasan"))
    tab.check()

    groups = page.locator("form.survey fieldset")
    assert groups.count() == 9
    for n in range(9):
        if n == 2:
            continue  # "Waktu penyelesaian" left out on purpose
        groups.nth(n).get_by_label("Sangat sesuai").check()
    tab.follow(page.get_by_role("button", name="Kirim survei"))
    assert (
        "3. Waktu penyelesaian: Pilih salah satu dari empat jawaban."
        in page.locator(".error-summary").inner_text()
    )
    tab.check()
    page.locator("form.survey fieldset").nth(2).get_by_label("Sesuai", exact=True).check()
    page.get_by_label("Saran dan masukan (tidak wajib)").fill("Pelayanan cepat.")
    tab.follow(page.get_by_role("button", name="Kirim survei"))
    assert "survei Anda sudah kami terima" in tab.messages.inner_text()
    assert "sudah diisi" in page.locator("section[aria-labelledby=skm-h]").inner_text()
    tab.check()
    tab.goto(f"/survei/request/{obj.pk}/").check()
    assert "sudah diisi" in tab.main.inner_text()
    log_out(tab)

    # (8 × 4 + 3) / 9 × 25 = 97.22, grade A; the unit is the PPID Utama.
    log_in(tab, "auditor")
    tab.goto(f"/dasbor/{world.agency.slug}/").check()
    ikm = page.locator("section[aria-labelledby=ikm-h]")
    text = ikm.inner_text()
    assert "Indeks Kepuasan Masyarakat" in text
    row = ikm.locator("tbody tr").filter(has_text=world.utama.name)
    assert "97.22" in row.inner_text() or "97,22" in row.inner_text()
    assert "A (Sangat baik)" in row.inner_text()
    assert obj.registration_number not in text and "Siti" not in text
    tab.finish()
