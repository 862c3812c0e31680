"""The anonymous reporter's one-time code can be copied, downloaded and printed, with a warning that it is
shown once; the download follows the page's once-only rule (issue 13, point 15)."""

import re

from django.urls import reverse

from complaints import services as c
from complaints.models import Complaint

from .test_complaint_pages import FILE, at, filing_data, shown_code


def _file(client, world):
    return client.post(FILE, filing_data(world, anonymous="True")).url


def _download_url(html: str) -> str:
    return re.search(r'href="(/pengaduan/terkirim/[^"]+/kode\.txt)"', html).group(1)


def test_the_filed_page_offers_copy_download_and_print_with_a_shown_once_warning(client, world):
    with at(2026, 7, 6, 10, 0):
        filed_url = _file(client, world)
        html = client.get(filed_url).content.decode()
    code = shown_code(html)
    assert "Simpan sekarang: salin, unduh, atau cetak halaman ini sebelum menutupnya." in html
    assert "Salin nomor dan kode" in html and "Cetak halaman ini" in html  # shown by tools.js
    assert "Unduh nomor dan kode (berkas teks)" in html
    assert "/static/frontend/tools.js" in html
    assert code in re.search(r'data-copy-text="([^"]+)"', html).group(1)


def test_the_download_holds_the_number_and_the_code_while_the_page_may_still_show_it(client, world):
    with at(2026, 7, 6, 10, 0):
        filed_url = _file(client, world)
        html = client.get(filed_url).content.decode()
        download = client.get(_download_url(html))
    complaint = Complaint.objects.get()
    code = shown_code(html)
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/plain")
    assert "attachment" in download["Content-Disposition"] and ".txt" in download["Content-Disposition"]
    assert "no-store" in download["Cache-Control"]
    text = download.content.decode()
    assert f"Nomor pelacakan: {complaint.tracking_number}" in text
    assert f"Kode rahasia: {code}" in text
    assert "hanya ditampilkan sekali" in text
    assert c.complaint_track(tracking_number=complaint.tracking_number, code=code) == complaint
    # Downloading neither uses up the page's showing nor prolongs it.
    with at(2026, 7, 6, 10, 1):
        assert client.get(_download_url(html)).status_code == 200


def test_after_a_reload_the_download_no_longer_gives_the_code(client, world):
    with at(2026, 7, 6, 10, 0):
        filed_url = _file(client, world)
        html = client.get(filed_url).content.decode()
        code = shown_code(html)
        assert shown_code(client.get(filed_url).content.decode()) is None  # a reload: shown once
        late = client.get(_download_url(html), follow=True)
    assert code not in late.content.decode()
    assert late.redirect_chain[-1][0] == filed_url
    assert "hanya ditampilkan sekali" in late.content.decode()


def test_the_download_expires_with_the_page_and_never_reaches_another_session(client, world):
    from django.test import Client

    with at(2026, 7, 6, 10, 0):
        filed_url = _file(client, world)
        token = filed_url.rstrip("/").split("/")[-1]
        download_url = reverse("frontend:complaint_filed_code", args=[token])
        other = Client().get(download_url)
        assert other.status_code == 302 and other["Location"] == filed_url
    with at(2026, 7, 6, 10, 11):
        late = client.get(download_url)
    assert late.status_code == 302
    assert client.get("/pengaduan/terkirim/bukan-token/kode.txt").status_code == 404


def test_the_download_in_english(client, world):
    with at(2026, 7, 6, 10, 0):
        filed_url = _file(client, world)
        client.cookies["django_language"] = "en"
        html = client.get(filed_url).content.decode()
        text = client.get(_download_url(html)).content.decode()
    assert "Tracking number:" in text and "Secret code:" in text


# --- "Use my location" on the complaint form (issue 13, point 16) -----------------------------------------------
def test_the_complaint_form_offers_use_my_location_and_keeps_the_fields_as_a_fallback(client, world):
    html = client.get(FILE).content.decode()
    button = re.search(r"<button[^>]*data-geolocate[^>]*>([^<]+)</button>", html)
    assert button is not None and button.group(1) == "Gunakan lokasi saya"
    tag = button.group(0)
    # Hidden until tools.js finds the browser's geolocation; it fills the two fields, which stay for typing.
    assert " hidden " in tag
    assert 'data-latitude="id_latitude"' in tag and 'data-longitude="id_longitude"' in tag
    assert 'name="latitude"' in html and 'name="longitude"' in html
    assert "Izin lokasi tidak diberikan. Isi lintang dan bujur sendiri" in tag
    assert "/static/frontend/tools.js" in html
    # No map service: nothing loaded from elsewhere.
    assert not re.search(r'(src|href)="https?://', html)


def test_use_my_location_in_english(client, world):
    client.cookies["django_language"] = "en"
    html = client.get(FILE).content.decode()
    assert ">Use my location</button>" in html
    assert "Location permission was not given." in html
