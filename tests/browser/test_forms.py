"""Forms in a real browser: the request form works with the keyboard alone, with the focus visible at every
step, and a refused submission keeps what was typed and says what is wrong, in Indonesian.

Every page reached is checked with axe-core and for JavaScript errors, as in test_journeys.py.
"""

import pytest

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What has the focus, and whether a sighted keyboard user can see it: an outline of at least 2px, on screen.
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name") || "",
    type: el.getAttribute("type") || "", cls: el.className || "",
    text: (el.innerText || "").trim().slice(0, 60),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
    outlineColor: style.outlineColor,
    onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
      && box.bottom <= window.innerHeight && box.right <= window.innerWidth,
  };
}"""
FOCUS_OUTLINE = "rgb(240, 180, 0)"  # app.css: 3px solid #f0b400 on :focus


def _focused(page) -> dict:
    return page.evaluate(FOCUSED)


def _assert_focus_visible(focused: dict) -> None:
    assert focused["outlineStyle"] != "none", f"no visible focus on {focused}"
    assert focused["outlineWidth"] >= 2, f"focus outline too thin on {focused}"
    assert focused["outlineColor"] == FOCUS_OUTLINE, f"unexpected focus colour on {focused}"
    assert focused["onScreen"], f"focused element is off screen: {focused}"


def _tab_to(page, predicate, *, limit: int = 25) -> dict:
    """Press Tab until the focused element matches; every stop on the way must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        _assert_focus_visible(focused)
        if predicate(focused):
            return focused
    raise AssertionError(f"Tab never reached the element; last focus: {focused}")


def test_request_form_is_filled_and_sent_with_the_keyboard_alone(world, open_tab):
    from ppid.models import InformationRequest

    tab = open_tab()
    page = tab.page
    log_in(tab, "pemohon")
    tab.goto("/permohonan/baru/")

    # The first Tab reaches the skip link, shown on screen while focused; Enter jumps to the content.
    page.keyboard.press("Tab")
    skip = _focused(page)
    assert skip["text"] == "Langsung ke isi"
    _assert_focus_visible(skip)
    page.keyboard.press("Enter")
    assert _focused(page)["id"] == "main"

    # From the content, the profile link, then the fields in their visual order.
    assert _tab_to(page, lambda f: f["tag"] == "a", limit=1)["text"] == "Periksa profil"
    order = []
    while True:
        focused = _tab_to(page, lambda f: True, limit=1)
        if focused["tag"] == "button":
            break
        order.append(focused["name"])
        if focused["name"] == "information_requested":
            page.keyboard.type("Notulen rapat koordinasi penanganan banjir 2025")
        elif focused["name"] == "purpose":
            page.keyboard.type("Bahan tulisan di media komunitas")
        elif focused["name"] == "obtain_method":
            page.keyboard.type("S")  # type-ahead in a closed <select>: the first "Salinan ..." option
        elif focused["name"] == "delivery_method":
            page.keyboard.type("E")
    assert order == [
        "agency",
        "unit",
        "information_requested",
        "purpose",
        "obtain_method",
        "delivery_method",
        "power_of_attorney",
        "legal_entity_deed",
    ]
    assert focused["text"] == "Kirim permohonan"
    assert page.get_by_label("Badan publik yang dituju").input_value() == str(world.agency.pk)
    assert page.get_by_label("Cara memperoleh informasi").input_value() == "softcopy"
    assert page.get_by_label("Cara mendapatkan salinan informasi").input_value() == "email"

    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab.check()
    obj = InformationRequest.objects.get()
    assert (obj.information_requested, obj.purpose) == (
        "Notulen rapat koordinasi penanganan banjir 2025",
        "Bahan tulisan di media komunitas",
    )
    assert (obj.obtain_method, obj.delivery_method, obj.unit) == ("softcopy", "email", world.utama)
    assert page.get_by_role("heading", level=1).inner_text() == f"Permohonan {obj.registration_number}"
    assert page.locator(".status-line .badge-state").inner_text() == "Terdaftar"


def test_refused_request_keeps_the_input_and_explains_in_indonesian(world, open_tab):
    from audit.models import Event
    from ppid.models import InformationRequest

    tab = open_tab()
    page = tab.page
    log_in(tab, "pemohon")
    tab.goto("/permohonan/baru/")
    events_before = Event.objects.count()
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Notulen rapat anggaran 2025")
    page.get_by_label("Cara memperoleh informasi").select_option("hardcopy")
    page.get_by_label("Cara mendapatkan salinan informasi").select_option("post")
    tab.follow(page.get_by_role("button", name="Kirim permohonan"))  # the purpose is left empty

    message = "Tuliskan tujuan penggunaan informasi (UU 14/2008 Pasal 4 ayat 3)."
    summary = page.get_by_role("alert")
    assert "Periksa kembali isian Anda" in summary.inner_text()
    assert f"Tujuan penggunaan informasi: {message}" in summary.inner_text()
    # The summary's link takes the focus to the field.
    summary.get_by_role("link").click()
    assert _focused(page)["id"] == "id_purpose"
    purpose = page.get_by_label("Tujuan penggunaan informasi")
    assert purpose.get_attribute("aria-invalid") == "true"
    assert page.locator("#id_purpose_error").inner_text() == message
    assert "id_purpose_error" in purpose.get_attribute("aria-describedby").split()
    # What was typed and chosen is still there.
    assert (
        page.get_by_label("Rincian informasi yang dibutuhkan").input_value() == "Notulen rapat anggaran 2025"
    )
    assert page.get_by_label("Cara memperoleh informasi").input_value() == "hardcopy"
    assert page.get_by_label("Cara mendapatkan salinan informasi").input_value() == "post"
    assert page.get_by_label("Badan publik yang dituju").input_value() == str(world.agency.pk)
    # Nothing was saved, nothing was audited.
    assert InformationRequest.objects.count() == 0
    assert Event.objects.count() == events_before

    purpose.fill("Bahan diskusi warga")
    tab.follow(page.get_by_role("button", name="Kirim permohonan"))
    obj = InformationRequest.objects.get()
    assert (obj.information_requested, obj.obtain_method, obj.delivery_method) == (
        "Notulen rapat anggaran 2025",
        "hardcopy",
        "post",
    )
    assert page.get_by_role("heading", level=1).inner_text() == f"Permohonan {obj.registration_number}"
