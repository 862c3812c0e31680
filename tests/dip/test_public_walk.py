"""The public walk (issue 18, must show): an anonymous visitor GETs every route the URL resolver has, with its
path parameters filled from the seeded register (agency slug, item, document and DIK entry ids), plus the
register's feeds, exports, searches and API endpoints, and never reads a draft, a withdrawn item, a revision not
yet published, a DIK entry's consequence test, a draft DIK entry, or who drafted and published.

The routes are enumerated, not listed: routes merged later (the API, staff pages) are walked too."""

import itertools
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from dip import services
from tests.register_helpers import PDF, decide, item_data, publish

SECRETS = {
    "draft title": "Zamrud Rahasia Draf",
    "draft document": "dokumen-zamrud-draf.pdf",
    "withdrawn title": "Safir Ditarik",
    "withdrawal reason": "Alasan Penarikan Safir",
    "pending revision": "Kecubung Belum Terbit",
    "pending document": "lampiran-kecubung-belum-terbit.pdf",
    "test document": "Berkas Uji Giok",
    "test exempt content": "Isi Dikecualikan Giok",
    "test legal basis": "Analisis Hukum Giok",
    "test harm": "Akibat Rahasia Giok",
    "test public interest": "Pertimbangan Publik Giok",
    "draft DIK": "Mutiara Draf Pengecualian",
}
# Routes an anonymous GET cannot do anything with or that need no walking (files served by other means).
SKIP = re.compile(r"^/(static|media)/")


def _routes(patterns, prefix=""):
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, route)
        elif isinstance(p, URLPattern):
            yield route


PARAM = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def _fill(route: str, values: dict[str, list[str]]) -> list[str]:
    """Every path `route` gives with the candidate values of its parameters (a regex's anchors dropped)."""
    if "format" in route:  # DRF's format suffixes: the same views again
        return []
    template = route.replace("^", "").replace("$", "").replace("\\", "")
    names = [m.group(2) or m.group(3) for m in PARAM.finditer(template)]
    choices = [values.get(name, values["*"]) for name in names]
    paths = []
    for combo in itertools.islice(itertools.product(*choices), 60):
        it = iter(combo)
        paths.append("/" + PARAM.sub(lambda _m, it=it: str(next(it)), template).lstrip("/"))
    return paths


@pytest.fixture
def seeded(world):
    published = publish(world, files=[SimpleUploadedFile("lra.pdf", PDF)])
    draft = services.dip_item_create(
        actor=world.pelaksana_officer,
        unit=world.pelaksana,
        data=item_data(title=SECRETS["draft title"], summary=SECRETS["draft title"]),
        files=[SimpleUploadedFile(SECRETS["draft document"], PDF)],
    )
    withdrawn = publish(world, title=SECRETS["withdrawn title"], summary="Ditarik.")
    services.dip_item_withdraw(item_id=withdrawn.pk, actor=world.officer, reason=SECRETS["withdrawal reason"])
    revised = publish(world, title="Profil Dinas", summary="Profil.", category="setiap_saat")
    services.dip_item_update(
        item_id=revised.pk, actor=world.pelaksana_officer, data={"title": SECRETS["pending revision"]}
    )
    services.dip_document_add(
        item_id=revised.pk,
        actor=world.pelaksana_officer,
        files=[SimpleUploadedFile(SECRETS["pending document"], PDF)],
    )
    in_force = decide(
        world,
        document=SECRETS["test document"],
        exempt_content=SECRETS["test exempt content"],
        legal_basis=SECRETS["test legal basis"],
        harm=SECRETS["test harm"],
        public_interest=SECRETS["test public interest"],
    )
    draft_dik = services.dik_entry_create(
        actor=world.officer, unit=world.utama, data={**_dik(), "title": SECRETS["draft DIK"]}
    )
    items = [published, draft, withdrawn, revised]
    docs = [d.pk for i in items for d in i.documents.all()]
    ids = [i.pk for i in items] + [in_force.pk, draft_dik.pk]
    return {
        "agency": ["diskominfo"],
        "slug": ["diskominfo"],
        "pk": ids,
        "id": ids,
        "item_pk": ids,
        "doc_pk": docs,
        "document_pk": docs,
        "entry_pk": [in_force.pk, draft_dik.pk],
        "year": ["2026"],
        "*": ["1", "diskominfo"],
    }


def _dik():
    from tests.register_helpers import dik_data

    return dik_data()


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


EXTRA = [
    "/informasi/feed/",
    "/informasi/diskominfo/feed/",
    "/informasi/diskominfo/dip.csv",
    "/informasi/diskominfo/dip.json",
    "/informasi/diskominfo/dikecualikan/",
    "/api/v1/dip/",
    "/api/v1/dip/?agency=diskominfo",
    "/api/v1/dik/",
    "/api/v1/dik/?agency=diskominfo",
]


def test_no_public_route_shows_what_is_not_public(client, seeded):
    paths = set(EXTRA)
    for route in _routes(get_resolver().url_patterns):
        paths.update(p for p in _fill(route, seeded) if not SKIP.match(p))
    # Searches for the secrets' own words, on the register and the API (the page repeats the word searched, never
    # a secret's whole phrase).
    for word in ("zamrud", "safir", "kecubung", "giok", "mutiara", "draf"):
        for base in ("/informasi/", "/informasi/diskominfo/", "/api/v1/dip/"):
            paths.add(f"{base}?q={word}")
    for pk in seeded["pk"]:
        paths.add(f"/api/v1/dip/{pk}/")
        paths.add(f"/api/v1/dik/{pk}/")
    walked, found = 0, []
    for path in sorted(paths):
        response = client.get(path)
        walked += 1
        body = _body(response)
        found += [(path, what) for what, secret in SECRETS.items() if secret.lower() in body.lower()]
    assert walked > 100
    assert not found, found
    # The walk did reach the register: the published item's page is among the paths and answers.
    assert client.get(f"/informasi/diskominfo/{seeded['pk'][0]}/").status_code == 200
