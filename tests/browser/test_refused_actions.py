"""A refused action is read where its button is (issue 13): the page opens at the form, with the error above the
button, not somewhere off screen at the top or the bottom of a long page."""

import pytest
from django.utils import timezone

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_publishing_the_report_without_its_sections_is_refused_in_view(world, open_tab):
    last_year = timezone.localdate().year - 1
    tab = log_in(open_tab(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True), "admin")
    tab.goto(f"/dasbor/{world.agency.slug}/laporan/{last_year}/")
    publish = tab.main.locator("section[aria-labelledby=publish-h]")
    tab.follow(publish.get_by_role("button", name="Terbitkan laporan"))
    error = publish.get_by_role("alert")
    assert "Bagian A" in error.inner_text()
    # On the screen as the page opens, and above the button that was pressed.
    assert 0 <= error.bounding_box()["y"] < 812
    assert (
        error.bounding_box()["y"]
        < publish.get_by_role("button", name="Terbitkan laporan").bounding_box()["y"]
    )

    # A success is read in the message at the top.
    tab.page.get_by_label("A. Kebijakan pelayanan informasi publik").fill("Satu meja layanan.")
    tab.page.get_by_label("B. Pelaksanaan pelayanan informasi publik").fill(
        "Layanan daring setiap hari kerja."
    )
    tab.follow(tab.main.get_by_role("button", name="Simpan teks laporan"))
    box = tab.messages.bounding_box()  # relative to the screen as it is shown
    assert "tersimpan" in tab.messages.inner_text() and 0 <= box["y"] < 812
