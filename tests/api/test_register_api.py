"""Issue 18's API contract for requests: respond `already_published` with `dip_item`, a DIK citation by id, and
the response output's `dip_item` (id, title, url); an objection's ground-b item."""

import pytest

from ppid import services as s
from tests.register_helpers import draft_item, in_force_dik, published_item


@pytest.fixture
def in_process(world, file_request):
    request = file_request(information_requested="Laporan keuangan Dinas Kesehatan semester pertama")
    s.information_request_process(request_id=request.pk, actor=world.officer)
    return request


def respond(api, world, request, **body):
    return api(world.officer).post(f"/api/v1/requests/{request.pk}/transitions/respond/", body, format="json")


def test_respond_already_published_completes_and_shows_the_item(api, world, in_process, settings):
    settings.SITE_URL = "https://ppid.contoh.go.id"
    item = published_item(world)
    res = respond(api, world, in_process, decision="already_published", dip_item=item.pk)
    assert res.status_code == 200, res.json()
    assert res.json()["state"] == "completed"
    shown = api(world.citizen).get(f"/api/v1/requests/{in_process.pk}/").json()["response"]
    assert shown["decision"] == "already_published"
    assert shown["dip_item"] == {
        "id": item.pk,
        "title": item.title,
        "url": f"https://ppid.contoh.go.id/informasi/{world.agency.slug}/{item.pk}/",
    }


@pytest.mark.parametrize("which", ["draft", "other_agency", "none"])
def test_respond_already_published_refuses_an_item_that_is_not_the_agencys_published_one(
    api, world, in_process, which
):
    if which == "draft":
        body = {"dip_item": draft_item(world).pk}
    elif which == "other_agency":
        item = published_item(world, unit=world.other_utama, actor=world.outsider, publisher=world.outsider)
        body = {"dip_item": item.pk}
    else:
        body = {}
    res = respond(api, world, in_process, decision="already_published", **body)
    assert res.status_code == 400
    assert "dip_item" in str(res.json())
    assert api(world.officer).get(f"/api/v1/requests/{in_process.pk}/").json()["state"] == "in_process"


def test_respond_citing_a_dik_entry_by_id(api, world, in_process):
    entry = in_force_dik(world)
    res = respond(api, world, in_process, decision="rejected", dik_entry=entry.pk)
    assert res.status_code == 200, res.json()
    shown = api(world.citizen).get(f"/api/v1/requests/{in_process.pk}/").json()["response"]
    assert shown["exemption_grounds"] == ["a"]
    assert (
        shown["dik_entry"]["title"] == entry.title and shown["dik_entry"]["sk_number"] == "188/12/PPID/2026"
    )


def test_the_request_list_reads_the_register_links_without_a_query_per_row(
    api, world, file_request, django_assert_max_num_queries
):
    item = published_item(world)
    for _ in range(3):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk, actor=world.officer, decision="already_published", dip_item=item.pk
        )
    client = api(world.officer)
    client.get("/api/v1/requests/")  # warm caches (memberships, settings)
    with django_assert_max_num_queries(30) as captured:
        client.get("/api/v1/requests/")
    few = len(captured.captured_queries)
    for _ in range(3):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk, actor=world.officer, decision="already_published", dip_item=item.pk
        )
    with django_assert_max_num_queries(few):
        client.get("/api/v1/requests/")


def test_a_ground_b_objection_shows_its_dip_item_or_its_absence(api, world):
    item = published_item(world)
    named = s.objection_file_periodic(
        requester=world.citizen,
        agency=world.agency,
        information="",
        reason="Tidak diperbarui",
        dip_item=item.pk,
    )
    absent = s.objection_file_periodic(
        requester=world.citizen,
        agency=world.agency,
        information="Laporan kinerja 2025",
        reason="Tidak ada di DIP",
        dip_item_absent=True,
    )
    client = api(world.citizen)
    first = client.get(f"/api/v1/objections/{named.pk}/").json()
    assert first["dip_item"]["id"] == item.pk and first["information"] == item.title
    assert first["dip_item_absent"] is False
    second = client.get(f"/api/v1/objections/{absent.pk}/").json()
    assert second["dip_item"] is None and second["dip_item_absent"] is True


def test_a_ground_b_objection_names_its_dip_item_through_the_api(api, world):
    item = published_item(world)
    client = api(world.citizen)
    res = client.post(
        "/api/v1/objections/",
        {"agency": world.agency.slug, "reason": "Belum diperbarui sejak Juli", "dip_item": item.pk},
        format="json",
    )
    assert res.status_code == 201, res.json()
    assert res.json()["dip_item"]["id"] == item.pk and res.json()["information"] == item.title
    # A draft (or another agency's item) is refused with the field named, and nothing is filed.
    draft = draft_item(world, title="Laporan Kinerja Draf")
    refused = client.post(
        "/api/v1/objections/",
        {"agency": world.agency.slug, "reason": "Tidak ada", "dip_item": draft.pk},
        format="json",
    )
    assert refused.status_code == 400 and "dip_item" in refused.json()["errors"]
    absent = client.post(
        "/api/v1/objections/",
        {
            "agency": world.agency.slug,
            "information": "Laporan kinerja 2025",
            "reason": "Tidak ada di DIP",
            "dip_item_absent": True,
        },
        format="json",
    )
    assert absent.status_code == 201 and absent.json()["dip_item_absent"] is True
    assert client.get("/api/v1/objections/").json()["count"] == 2
