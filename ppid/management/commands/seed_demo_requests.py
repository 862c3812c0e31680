"""Demo information requests in several states, through the real services. Runs once, on a database
without requests."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency, Unit
from ppid import services
from ppid.models import InformationRequest

from ..demo_workspace import seed_workspace

DEMO_PEOPLE = ["pemohon", "pemohon2", "petugas", "kepala", "pelaksana", "kepala_dinkes", "pelaksana_disdik"]


class Command(BaseCommand):
    help = "Create a few demo information requests (after seed_demo), once: nothing happens if any request exists."

    def handle(self, *args, **options):
        if InformationRequest.objects.exists():
            self.stdout.write("Demo requests already present: left as they are.")
            return
        agency = Agency.objects.filter(slug="diskominfo-jabar").first()
        people = {u.username: u for u in User.objects.filter(username__in=DEMO_PEOPLE)}
        units = {u.code: u for u in Unit.objects.filter(agency=agency)}
        dinkes = units.get("DINKES")
        if agency is None or len(people) < len(DEMO_PEOPLE) or not {"PPID", "DINKES", "DISDIK"} <= set(units):
            self.stdout.write("No demo agency as seed_demo creates it: no demo requests.")
            return
        # The demo addresses receive nothing: their notifications stay in the bell, and the run log is not
        # buried under a hundred lines of e-mail printed by the console backend.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            with transaction.atomic():
                self._create(agency, people, dinkes)
                workspace = seed_workspace(agency=agency, units=units, people=people)
        self.stdout.write(
            self.style.SUCCESS(
                f"{4 + workspace} demo information requests and 2 objections created (their e-mails not sent)."
            )
        )

    def _create(self, agency, people, dinkes):
        pemohon, pemohon2, petugas = people["pemohon"], people["pemohon2"], people["petugas"]
        common = {"agency": agency, "obtain_method": "softcopy", "delivery_method": "email"}
        services.information_request_file(
            requester=pemohon,
            information_requested="Rencana kerja dan anggaran Diskominfo tahun 2026",
            purpose="Bahan kajian kebijakan anggaran daerah",
            **common,
        )
        forwarded = services.information_request_file(
            requester=pemohon2,
            information_requested="Data jumlah tenaga kesehatan per kabupaten/kota 2025",
            purpose="Penelitian skripsi",
            **common,
        )
        services.information_request_forward(
            request_id=forwarded.pk, actor=petugas, unit=dinkes, note="Data dikuasai Dinas Kesehatan"
        )
        answered = services.information_request_file(
            requester=pemohon,
            information_requested="Daftar penerima beasiswa daerah 2025 beserta NIK",
            purpose="Pengawasan penyaluran beasiswa",
            **common,
        )
        services.information_request_process(request_id=answered.pk, actor=petugas)
        services.information_request_respond(
            request_id=answered.pk,
            actor=petugas,
            decision="partially_granted",
            exemption_grounds=["h"],
            consequence_test="NIK dan alamat penerima adalah data pribadi; membukanya merugikan penerima.",
            provided_information="Daftar nama penerima per sekolah dan jumlah beasiswa.",
            redactions="Kolom NIK dan alamat dihitamkan (Pasal 17 huruf h).",
        )
        if agency.approval_before_issue:  # the officer's notice waits for the head, who issues it
            services.information_request_approve(request_id=answered.pk, actor=people["kepala"])
        walk_in = services.information_request_register_offline(
            officer=petugas,
            agency=agency,
            channel="walk_in",
            received_at=timezone.now() - dt.timedelta(days=1),
            requester={
                "requester_type": "individual",
                "name": "Pak Darto",
                "nik": "3273011203850003",
                "address": "Jl. Braga No. 5, Bandung",
                "phone": "0812-1111-2222",
            },
            information_requested="Jadwal pelayanan pengaduan di kantor Diskominfo",
            purpose="Keperluan pribadi",
            obtain_method="view",
            delivery_method="pickup",
        )
        services.information_request_process(request_id=walk_in.pk, actor=petugas)
        # Two objections for the Atasan's queue: one to the partial grant (ground a), and one on ground b that
        # needs no request (UU 14/2008 Pasal 35(1)b): periodic information that Dinas Kesehatan does not publish.
        services.objection_file(
            requester=pemohon,
            request_id=answered.pk,
            grounds=["a"],
            reason="Nama sekolah penerima tidak termasuk data pribadi; mohon daftar lengkap tanpa NIK.",
        )
        services.objection_file_periodic(
            requester=pemohon2,
            agency=agency,
            unit=dinkes,
            information="Laporan keuangan Dinas Kesehatan tahun anggaran 2025",
            reason="Laporan keuangan wajib diumumkan setiap tahun, tetapi tidak ada di laman PPID Dinas Kesehatan.",
        )
