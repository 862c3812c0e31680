"""Demo service standard for `make run` (after seed_demo_register): the demo agency's maklumat, schedule, fees,
PPID profile and one small generated PDF per SOP, published once through the services. Idempotent: an agency
that has published a standard is left as it is."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand

from accounts.models import User
from agencies.models import Agency
from dip.demo import demo_pdf
from standards import services
from standards.models import SopKind, StandardVersion

DEMO_AGENCY = "diskominfo-jabar"
DEMO_PUBLISHER = "kepala"  # the PPID Utama's head


class Command(BaseCommand):
    help = "Publish the demo agency's service standard (maklumat, SOPs, schedule, fees, PPID), once."

    def handle(self, *args, **options):
        agency = Agency.objects.filter(slug=DEMO_AGENCY).first()
        actor = User.objects.filter(username=DEMO_PUBLISHER).first()
        if agency is None or actor is None:
            self.stdout.write("No demo agency as seed_demo creates it: no demo standard.")
            return
        if StandardVersion.objects.filter(standard__agency=agency).exists():
            self.stdout.write("Demo standard already published: left as it is.")
            return
        services.service_standard_update(
            actor=actor,
            agency=agency,
            data={
                "promise": (
                    "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai "
                    "standar layanan yang telah ditetapkan, dan apabila tidak menepati janji ini, kami siap "
                    "menerima sanksi sesuai peraturan perundang-undangan yang berlaku."
                ),
                "signatory_name": "Dr. Ir. Raden Suryadi, M.Si.",
                "signatory_position": "Kepala Dinas Komunikasi dan Informatika Provinsi Jawa Barat",
                "place": "Bandung",
                "signed_on": dt.date(2026, 1, 5),
                "service_days": "Senin sampai Jumat, kecuali hari libur nasional",
                "service_hours": "08.00 sampai 15.00 WIB (istirahat 12.00 sampai 13.00)",
                "desk_address": "Meja Layanan PPID, Jl. Tamansari No. 55, Bandung",
                "online_channels": (
                    "Formulir daring di situs ini\nppid@diskominfo.jabarprov.go.id\nWhatsApp 0811 2000 555"
                ),
                "ppid_profile": "PPID Utama Diskominfo Jawa Barat melayani permohonan informasi publik sejak 2011.",
                "ppid_structure": "Atasan PPID: Sekretaris Daerah. PPID Utama: Kepala Dinas Kominfo. "
                "PPID Pelaksana: setiap perangkat daerah.",
                "ppid_sk_number": "188.4/Kep.101-Diskominfo/2026",
                "ppid_sk_date": dt.date(2026, 1, 2),
            },
            ppid_sk_file=SimpleUploadedFile(
                "sk-ppid.pdf", demo_pdf("SK PPID", ["Keputusan tentang penunjukan PPID (contoh)."])
            ),
        )
        services.fee_item_add(
            actor=actor, agency=agency, name="Salinan cetak (fotokopi)", unit="per lembar", amount=500
        )
        services.fee_item_add(
            actor=actor, agency=agency, name="Salinan pada CD/DVD", unit="per keping", amount=10000
        )
        for number, kind in enumerate(SopKind, start=1):
            services.sop_document_set(
                actor=actor,
                agency=agency,
                kind=kind.value,
                sk_number=f"188.4/Kep.{110 + number}-Diskominfo/2026",
                sk_date=dt.date(2026, 1, 2),
                file=SimpleUploadedFile(
                    f"sop-{kind.value}.pdf", demo_pdf(str(kind.label), ["Contoh SOP demo."])
                ),
            )
        version = services.service_standard_publish(actor=actor, agency=agency)
        self.stdout.write(f"Demo standard published: version {version.number}.")
