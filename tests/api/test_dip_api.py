"""The register's API contract (issue 18): the public DIP list and detail (published items only), the staff's draft,
publish and withdraw with the house's error mapping, and the DIK list whose consequence test only the agency's
staff read."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dip import services
from dip.models import DipItem, ItemState

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def payload(world, **over):
    return {
        "unit": world.pelaksana.pk,
        "title": "Laporan Keuangan Dinas Kesehatan Semester I 2026",
        "summary": "Laporan realisasi anggaran dan neraca semester pertama.",
        "category": "berkala",
        "responsible": "Sekretaris Dinas Kesehatan",
        "made_on": "2026-07-15",
        "made_at": "Kota Contoh",
        "format": "softcopy",
        "retention": "10 tahun",
        "tags": ["keuangan", "lra"],
        "year": 2026,
        "links": [{"name": "Portal anggaran", "url": "https://anggaran.example.go.id/lra"}],
        **over,
    }


def make_item(world, title, category="setiap_saat", publish=True, unit=None):
    item = services.dip_item_create(
        actor=world.officer,
        unit=unit or world.pelaksana,
        data={
            "title": title,
            "summary": f"Ringkasan {title}",
            "category": category,
            "responsible": "Kepala Bidang",
            "format": "softcopy",
            "retention": "5 tahun",
        },
        files=[SimpleUploadedFile("berkas.pdf", PDF)],
    )
    if publish:
        services.dip_item_publish(item_id=item.pk, actor=world.officer)
    return item


def test_an_officer_drafts_by_json_and_the_utama_publishes_it(api, world):
    anonymous = api()
    assert anonymous.post("/api/v1/dip/", payload(world), format="json").status_code == 401
    created = api(world.pelaksana_officer).post("/api/v1/dip/", payload(world), format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["state"] == "draft" and body["unit"] == world.pelaksana.pk and body["agency"] == "diskominfo"
    assert body["documents"] == [
        {"name": "Portal anggaran", "url": "https://anggaran.example.go.id/lra", "is_link": True}
    ]
    pk = body["id"]
    assert anonymous.get(f"/api/v1/dip/{pk}/").status_code == 404
    assert anonymous.get("/api/v1/dip/").json()["count"] == 0
    assert api(world.outsider).get(f"/api/v1/dip/{pk}/").status_code == 404
    assert api(world.auditor).get(f"/api/v1/dip/{pk}/").json()["state"] == "draft"  # staff read drafts
    # A Pelaksana officer does not publish; an auditor neither; the Utama's officer does.
    publish = f"/api/v1/dip/{pk}/transitions/publish/"
    assert api(world.pelaksana_officer).post(publish, {}, format="json").status_code == 403
    assert api(world.auditor).post(publish, {}, format="json").status_code == 403
    assert api(world.outsider).post(publish, {}, format="json").status_code == 404
    published = api(world.officer).post(publish, {"note": "Diperiksa"}, format="json")
    assert published.status_code == 200 and published.json()["state"] == "published"
    shown = anonymous.get(f"/api/v1/dip/{pk}/").json()
    for field in (
        "id", "title", "summary", "category", "unit", "responsible", "made_on", "format", "retention",
        "documents", "published_at", "updated_at", "next_update_due", "tags", "year", "made_at", "agency",
    ):  # fmt: skip
        assert field in shown, field
    assert shown["next_update_due"] is not None and shown["made_on"] == "2026-07-15"


def test_multipart_with_files_and_the_public_download_url(api, world):
    response = api(world.pelaksana_officer).post(
        "/api/v1/dip/",
        {
            **{k: v for k, v in payload(world).items() if k not in ("links", "tags")},
            "files": [SimpleUploadedFile("lra.pdf", PDF)],
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    doc = DipItem.objects.get(pk=pk).documents.get()
    services.dip_item_publish(item_id=pk, actor=world.officer)
    shown = api().get(f"/api/v1/dip/{pk}/").json()
    assert shown["documents"] == [
        {
            "name": "lra.pdf",
            "url": f"http://testserver/informasi/diskominfo/{pk}/dokumen/{doc.pk}/",
            "is_link": False,
        }
    ]


def test_errors_map_as_the_house_does(api, world):
    # Another unit's officer may not draft for this unit: 403 before the payload is looked at.
    other = api(world.outsider).post("/api/v1/dip/", payload(world, title=""), format="json")
    assert other.status_code == 403
    unparsable = api(world.outsider).post("/api/v1/dip/", payload(world, made_on="kemarin"), format="json")
    assert unparsable.status_code == 403
    assert (
        api(world.pelaksana_officer)
        .post("/api/v1/dip/", payload(world, made_on="kemarin"), format="json")
        .json()["errors"]["made_on"]
    )
    bad = api(world.pelaksana_officer).post(
        "/api/v1/dip/",
        payload(world, category="rahasia", retention="", update_interval_months=12),
        format="json",
    )
    assert bad.status_code == 400
    assert {"category", "retention", "update_interval_months"} <= set(bad.json()["errors"])
    draft = make_item(world, "Draf", publish=False)
    withdraw = f"/api/v1/dip/{draft.pk}/transitions/withdraw/"
    conflict = api(world.officer).post(withdraw, {"reason": "salah"}, format="json")
    assert conflict.status_code == 409 and conflict.json()["code"] == "invalid_transition"
    services.dip_item_publish(item_id=draft.pk, actor=world.officer)
    assert api(world.officer).post(withdraw, {"reason": " "}, format="json").status_code == 400
    done = api(world.officer).post(withdraw, {"reason": "Diganti"}, format="json")
    assert done.status_code == 200 and done.json()["state"] == ItemState.WITHDRAWN
    assert api().get(f"/api/v1/dip/{draft.pk}/").status_code == 404


def test_the_public_list_filters_and_searches_with_a_fixed_number_of_queries(
    api, world, django_assert_max_num_queries
):
    make_item(world, "Profil dinas kesehatan", category="berkala")
    make_item(world, "Rencana kerja anggaran", unit=world.utama)
    make_item(world, "Draf rahasia", publish=False)
    for n in range(5):
        make_item(world, f"Laporan kegiatan {n}")
    with django_assert_max_num_queries(4):
        page = api().get("/api/v1/dip/", {"agency": "diskominfo"}).json()
    assert page["count"] == 7 and "Draf rahasia" not in {r["title"] for r in page["results"]}
    berkala = api().get("/api/v1/dip/", {"category": "berkala"}).json()["results"]
    assert [r["title"] for r in berkala] == ["Profil dinas kesehatan"]
    assert berkala[0]["documents"][0]["url"].startswith("http://testserver/informasi/diskominfo/")
    by_unit = api().get("/api/v1/dip/", {"unit": world.utama.pk}).json()["results"]
    assert [r["title"] for r in by_unit] == ["Rencana kerja anggaran"]
    found = api().get("/api/v1/dip/", {"q": "anggaran rencana"}).json()["results"]
    assert [r["title"] for r in found] == ["Rencana kerja anggaran"]
    assert api().get("/api/v1/dip/", {"category": "rahasia"}).status_code == 400
    assert api().get("/api/v1/dip/", {"agency": "dinas-lain"}).json()["count"] == 0


@pytest.fixture
def dik(world):
    entry = services.dik_entry_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data={
            "title": "Dokumen penyelidikan pengadaan alat kesehatan",
            "document": "Berkas penyelidikan nomor 12/2026",
            "exempt_content": "Nama saksi dan temuan sementara",
            "ground": "a",
            "legal_basis": "Pasal 17 huruf a",
            "harm": "Saksi dapat diintimidasi",
            "public_interest": "Penegakan hukum lebih melindungi kepentingan umum",
            "agreement": "atasan",
            "agreed_by_name": "Sekretaris Daerah",
            "agreed_on": dt.date(2026, 3, 2),
            "period_until": dt.date(2030, 12, 31),
        },
    )
    services.dik_entry_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data={
            "title": "Draf pengecualian yang belum diputuskan",
            "document": "x",
            "exempt_content": "x",
            "ground": "h",
            "legal_basis": "x",
            "harm": "x",
            "public_interest": "x",
            "agreement": "atasan",
            "agreed_by_name": "x",
            "agreed_on": dt.date(2026, 3, 2),
            "permanent": True,
        },
    )
    return services.dik_entry_decide(
        entry_id=entry.pk, actor=world.head, sk_number="800/3/2026", sk_date=dt.date(2026, 3, 5)
    )


@pytest.mark.parametrize("who", [None, "citizen", "outsider"])
def test_the_public_dik_list_never_carries_the_test(api, world, dik, who):
    client = api(getattr(world, who) if who else None)
    rows = client.get("/api/v1/dik/", {"agency": "diskominfo"}).json()["results"]
    assert [r["title"] for r in rows] == ["Dokumen penyelidikan pengadaan alat kesehatan"]
    row = rows[0]
    assert row["ground"] == "a" and row["period_until"] == "2030-12-31" and row["sk_number"] == "800/3/2026"
    assert row["permanent"] is False and row["unit"] == world.pelaksana.pk
    for field in ("document", "exempt_content", "legal_basis", "harm", "public_interest", "agreed_by_name"):
        assert row[field] is None
    assert "Nama saksi" not in client.get("/api/v1/dik/").content.decode()


def test_the_agencys_staff_read_the_test_in_the_dik_list(api, world, dik):
    row = api(world.auditor).get("/api/v1/dik/", {"agency": "diskominfo"}).json()["results"][0]
    assert row["exempt_content"] == "Nama saksi dan temuan sementara"
    assert row["harm"] == "Saksi dapat diintimidasi" and row["agreement"] == "atasan"
