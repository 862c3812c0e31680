"""The request pages' side of the register (issue 18): suggestions as a citizen types (published items of the chosen
agency only, rate-limited, and without JavaScript), the officers' matches, granted files offered to the DIP, and
ground b naming a berkala item."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dip import services as dip_services
from ppid import services as s
from tests.register_helpers import draft_item, published_item

URL = reverse("frontend:request_dip_suggestions")


def test_suggestions_show_only_published_items_of_the_chosen_agency(client, world):
    shown = published_item(world)
    draft_item(world, title="Laporan keuangan rahasia draf semester")
    withdrawn = published_item(world, title="Laporan keuangan lama semester")
    dip_services.dip_item_withdraw(item_id=withdrawn.pk, actor=world.officer, reason="Diganti")
    other = published_item(
        world,
        unit=world.other_utama,
        actor=world.outsider,
        publisher=world.outsider,
        title="Laporan keuangan Dinas Lain semester",
    )
    res = client.get(URL, {"agency": world.agency.pk, "q": "laporan keuangan semester"})
    html = res.content.decode()
    assert res.status_code == 200
    assert "Mungkin informasi ini sudah tersedia" in html and shown.title in html
    assert f'href="/informasi/{world.agency.slug}/{shown.pk}/"' in html
    assert "rahasia draf" not in html and withdrawn.title not in html and other.title not in html
    assert client.get(URL, {"agency": "x", "q": "laporan keuangan"}).content.decode().strip() == ""


def test_suggestions_are_rate_limited(client, world, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "dip_suggest": "2/10min"}
    published_item(world)
    codes = [
        client.get(URL, {"agency": world.agency.pk, "q": "laporan keuangan"}).status_code for _ in range(3)
    ]
    assert codes == [200, 200, 429]


def test_cek_dip_without_javascript_keeps_what_was_typed_and_files_nothing(client, world):
    item = published_item(world)
    client.force_login(world.citizen)
    res = client.post(
        reverse("frontend:request_file"),
        {"agency": world.agency.pk, "information_requested": "laporan keuangan semester", "cek_dip": "1"},
    )
    html = res.content.decode()
    assert res.status_code == 200 and item.title in html and "laporan keuangan semester</textarea>" in html
    assert not world.citizen.information_requests.exists()


def test_the_officer_sees_matches_and_searches_the_register_the_citizen_does_not(client, world, file_request):
    item = published_item(world)
    other = published_item(world, title="Rencana Kerja Tahunan 2026", summary="Renja dinas")
    request = file_request(information_requested="Laporan keuangan semester pertama")
    s.information_request_process(request_id=request.pk, actor=world.officer)
    client.force_login(world.officer)
    page = client.get(reverse("frontend:request_detail", args=[request.pk])).content.decode()
    assert "Informasi yang mungkin sudah tersedia di DIP" in page and item.title in page
    assert "Jawab: sudah diumumkan" in page
    found = client.get(
        reverse("frontend:request_detail", args=[request.pk]), {"dip_q": "Renja"}
    ).content.decode()
    assert other.title in found
    client.force_login(world.citizen)
    mine = client.get(reverse("frontend:request_detail", args=[request.pk])).content.decode()
    assert "Informasi yang mungkin sudah tersedia di DIP" not in mine


def test_the_respond_form_picks_an_item_from_a_search_and_completes(client, world, file_request):
    item = published_item(world, title="Rencana Kerja Tahunan 2026", summary="Renja dinas")
    request = file_request(information_requested="Dokumen perencanaan")
    s.information_request_process(request_id=request.pk, actor=world.officer)
    client.force_login(world.officer)
    res = client.post(
        reverse("frontend:request_action", args=[request.pk, "respond"]),
        {"respond-decision": "already_published", "respond-dip_item": item.pk, "respond-fee_amount": 0},
    )
    assert res.status_code == 302
    request.refresh_from_db()
    assert request.state == "completed" and request.response.dip_item == item


def test_granted_files_are_offered_and_the_page_links_the_draft(client, world, file_request):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from letters.rendering import html_to_pdf

    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    s.information_request_respond(
        request_id=request.pk,
        actor=world.officer,
        decision="granted",
        provided_information="Salinan DPA 2025",
        files=[SimpleUploadedFile("dpa.pdf", html_to_pdf("<p>NIK 3273015505900001</p>"))],
    )
    client.force_login(world.officer)
    detail = reverse("frontend:request_detail", args=[request.pk])
    assert "Tambahkan ke DIP" in client.get(detail).content.decode()
    url = reverse("frontend:request_add_to_dip", args=[request.pk])
    form = client.get(url).content.decode()
    assert "Salinan DPA 2025" in form  # the summary, pre-filled from what was provided
    doc = s.publishable_files(request)[0]
    data = {
        "title": "DPA Dinas Kesehatan 2025",
        "summary": "Salinan DPA 2025",
        "responsible": "Sekretaris",
        "format": "softcopy",
        "retention": "5 tahun",
        "documents": [doc.pk],
        "redaction_confirmed": "on",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400 and "memuat angka berbentuk NIK" in refused.content.decode()
    client.force_login(world.citizen)
    assert client.get(url).status_code == 404
    assert "Tambahkan ke DIP" not in client.get(detail).content.decode()


def test_ground_b_names_a_berkala_item_of_the_agency_only(world):
    setiap_saat = published_item(world, category="setiap_saat", title="Prosedur layanan")
    other = published_item(world, unit=world.other_utama, actor=world.outsider, publisher=world.outsider)
    for item in (setiap_saat, other):
        with pytest.raises(ValidationError) as exc:
            s.objection_file_periodic(
                requester=world.citizen, agency=world.agency, information="x", reason="y", dip_item=item.pk
            )
        assert "dip_item" in exc.value.message_dict


def test_the_objection_page_shows_the_item_or_its_absence(client, world):
    item = published_item(world)
    named = s.objection_file_periodic(
        requester=world.citizen,
        agency=world.agency,
        information="",
        reason="Belum diperbarui",
        dip_item=item.pk,
    )
    absent = s.objection_file_periodic(
        requester=world.citizen,
        agency=world.agency,
        information="LKIP 2025",
        reason="Tidak ada",
        dip_item_absent=True,
    )
    client.force_login(world.atasan)
    page = client.get(reverse("frontend:objection_detail", args=[named.pk])).content.decode()
    assert f'href="/informasi/{world.agency.slug}/{item.pk}/"' in page
    assert (
        "tidak tercantum dalam DIP"
        in client.get(reverse("frontend:objection_detail", args=[absent.pk])).content.decode()
    )
    client.force_login(world.citizen)
    form = client.get(reverse("frontend:objection_file_periodic")).content.decode()
    assert item.title in form and "Tidak tercantum dalam DIP" in form
