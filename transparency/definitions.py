"""What every published figure means. Each figure of transparency.statistics has an entry here, keyed by its
dotted path in the output (``requests.response_time.median``); a key covers everything under it unless a
longer key says otherwise. Written in Indonesian; translated through gettext like every user-facing text."""

from django.utils.translation import gettext_lazy as _

COHORT = _(
    "Dihitung atas perkara yang diterima dalam periode menurut tanggal penerimaan di zona waktu badan publik "
    "(WIB, WITA, atau WIT). Status, keputusan, dan hasil adalah keadaan pada waktu perhitungan yang tertera. "
    "Angka per unit memakai unit yang memegang perkara saat ini (setelah diteruskan, bila ada)."
)

DEFINITIONS = {
    "period": (_("Periode"), COHORT),
    # -- information requests ------------------------------------------------------------------------------
    "requests.received": (
        _("Permohonan diterima"),
        _("Jumlah permohonan informasi publik yang diterima dalam periode, dari semua saluran."),
    ),
    "requests.by_state": (
        _("Permohonan menurut status"),
        _("Jumlah permohonan yang diterima dalam periode menurut statusnya saat ini."),
    ),
    "requests.pending": (
        _("Permohonan belum dijawab"),
        _(
            "Permohonan yang diterima dalam periode dan belum mendapat pemberitahuan tertulis: berstatus "
            "terdaftar, sedang diproses, atau menunggu klarifikasi pemohon."
        ),
    ),
    "requests.pending_past_due": (
        _("Belum dijawab melewati batas waktu"),
        _(
            "Bagian dari permohonan yang belum dijawab yang batas waktu pemberitahuan tertulisnya (10 hari kerja, "
            "atau 17 bila diperpanjang) sudah lewat. Permohonan yang tenggatnya berhenti selama menunggu "
            "klarifikasi tidak dihitung."
        ),
    ),
    "requests.answered": (
        _("Permohonan sudah dijawab"),
        _(
            "Permohonan yang diterima dalam periode dan sudah mendapat pemberitahuan tertulis (Pasal 22 ayat 7)."
        ),
    ),
    "requests.completed": (
        _("Permohonan selesai"),
        _("Permohonan yang diterima dalam periode dan berstatus selesai."),
    ),
    "requests.withdrawn": (
        _("Permohonan dicabut"),
        _("Permohonan yang diterima dalam periode lalu dicabut pemohon atau dialihkan menjadi pengaduan."),
    ),
    "requests.by_channel": (
        _("Permohonan menurut saluran"),
        _("Jumlah permohonan yang diterima dalam periode menurut saluran penerimaannya."),
    ),
    "requests.decisions": (
        _("Keputusan atas permohonan"),
        _("Jumlah pemberitahuan tertulis atas permohonan yang diterima dalam periode, menurut keputusannya."),
    ),
    "requests.granted_whole_or_part": (
        _("Dikabulkan seluruhnya atau sebagian"),
        _(
            "Jumlah permohonan yang diputus diterima seluruhnya atau diterima sebagian (Perki 1/2021 Pasal 56)."
        ),
    ),
    "requests.answered_from_register": (
        _("Dijawab dari DIP"),
        _(
            "Jumlah permohonan yang dijawab dengan pemberitahuan bahwa informasinya sudah diumumkan dalam Daftar "
            "Informasi Publik (keputusan 'Informasi sudah diumumkan', UU 14/2008 Pasal 22 ayat 7); permohonan "
            "itu selesai saat dijawab."
        ),
    ),
    "requests.refusal_grounds": (
        _("Alasan penolakan"),
        _(
            "Untuk permohonan yang ditolak: berapa kali setiap alasan pengecualian UU 14/2008 Pasal 17 (huruf a "
            "sampai j) disebut. Satu penolakan dapat menyebut lebih dari satu alasan, sehingga jumlahnya dapat "
            "melebihi jumlah penolakan."
        ),
    ),
    "requests.partial_grounds": (
        _("Alasan pengecualian pada pemberian sebagian"),
        _(
            "Untuk permohonan yang diterima sebagian: berapa kali setiap alasan pengecualian Pasal 17 disebut "
            "untuk bagian yang dihitamkan."
        ),
    ),
    "requests.response_time": (
        _("Waktu menjawab"),
        _(
            "Hari kerja dari penerimaan permohonan sampai pemberitahuan tertulis, dihitung dengan kalender hari "
            "kerja badan publik: hari penerimaan adalah hari ke-0; Sabtu, Minggu, libur nasional, dan cuti "
            "bersama (kecuali badan publik menghitungnya sebagai hari kerja) dilewati. Hanya permohonan yang "
            "sudah dijawab. Jeda menunggu klarifikasi tidak dikurangkan."
        ),
    ),
    "requests.response_time.median": (
        _("Median waktu menjawab"),
        _(
            "Nilai tengah waktu menjawab dalam hari kerja, metode peringkat terdekat: setelah diurutkan, nilai "
            "ke-⌈N/2⌉ dari N permohonan yang sudah dijawab. Kosong bila belum ada yang dijawab."
        ),
    ),
    "requests.response_time.p90": (
        _("Persentil ke-90 waktu menjawab"),
        _(
            "Waktu menjawab dalam hari kerja yang tidak dilampaui oleh 90% permohonan yang sudah dijawab "
            "(metode peringkat terdekat: nilai ke-⌈0,9 × N⌉ setelah diurutkan)."
        ),
    ),
    "requests.response_time.max": (
        _("Waktu menjawab terlama"),
        _("Waktu menjawab terlama dalam hari kerja di antara permohonan yang sudah dijawab."),
    ),
    "requests.response_time.within_10": (
        _("Dijawab dalam 10 hari kerja"),
        _("Jumlah permohonan yang pemberitahuan tertulisnya terbit paling lambat hari kerja ke-10."),
    ),
    "requests.response_time.within_10_share": (
        _("Bagian yang dijawab dalam 10 hari kerja"),
        _(
            "Dijawab dalam 10 hari kerja dibagi (permohonan yang sudah dijawab + permohonan yang belum dijawab "
            "padahal sudah lebih dari 10 hari kerja sejak diterima). Bagian 0–100% (dalam data unduhan: "
            "pecahan 0 sampai 1); kosong bila penyebutnya nol. Permohonan yang dicabut tidak dihitung."
        ),
    ),
    "requests.response_time.within_17": (
        _("Dijawab dalam 17 hari kerja"),
        _(
            "Jumlah permohonan yang diperpanjang yang pemberitahuan tertulisnya terbit paling lambat hari kerja "
            "ke-17 (10 hari ditambah perpanjangan 7 hari kerja, Pasal 22 ayat 8). Permohonan yang tidak "
            "diperpanjang tidak dihitung."
        ),
    ),
    "requests.response_time.within_17_share": (
        _("Bagian yang dijawab dalam 17 hari kerja"),
        _(
            "Dijawab dalam 17 hari kerja dibagi (permohonan diperpanjang yang sudah dijawab + permohonan "
            "diperpanjang yang belum dijawab padahal sudah lebih dari 17 hari kerja sejak diterima). Kosong bila "
            "penyebutnya nol."
        ),
    ),
    "requests.response_time.bands": (
        _("Waktu menjawab menurut kelas"),
        _(
            "Jumlah permohonan yang sudah dijawab menurut kelas waktu menjawab: 0–5, 6–10, 11–17, dan >17 hari kerja."
        ),
    ),
    "requests.response_time.by_decision": (
        _("Waktu menjawab menurut keputusan"),
        _("Jumlah, median, persentil ke-90, dan waktu terlama (hari kerja) menurut jenis keputusan."),
    ),
    "requests.extensions": (
        _("Perpanjangan waktu"),
        _(
            "Jumlah permohonan yang diterima dalam periode yang batas waktunya diperpanjang (Pasal 22 ayat 8)."
        ),
    ),
    "requests.notice_timeliness": (
        _("Ketepatan waktu pemberitahuan tertulis"),
        _(
            "Permohonan menurut batas waktunya sendiri (10 hari kerja, atau 17 bila diperpanjang): tepat waktu, "
            "terlambat (dijawab sesudahnya, atau belum dijawab dan sudah lewat), belum jatuh tempo, atau tidak "
            "berlaku (dicabut tanpa jawaban)."
        ),
    ),
    "requests.extension_share": (
        _("Bagian yang diperpanjang"),
        _("Perpanjangan waktu dibagi permohonan diterima. Kosong bila tidak ada permohonan."),
    ),
    # -- objections -----------------------------------------------------------------------------------------
    "objections.received": (
        _("Keberatan masuk"),
        _(
            "Jumlah keberatan kepada Atasan PPID (UU 14/2008 Pasal 35) yang diterima dalam periode, menurut "
            "tanggal penerimaan keberatan."
        ),
    ),
    "objections.by_state": (
        _("Keberatan menurut status"),
        _("Jumlah keberatan yang diterima dalam periode menurut statusnya saat ini."),
    ),
    "objections.by_ground": (
        _("Keberatan menurut alasan"),
        _(
            "Berapa kali setiap alasan keberatan Pasal 35 ayat 1 (huruf a sampai g) disebut. Satu keberatan "
            "dapat menyebut beberapa alasan."
        ),
    ),
    "objections.by_outcome": (
        _("Tanggapan atas keberatan"),
        _(
            "Jumlah keberatan yang sudah ditanggapi menurut tanggapannya: diterima, atau keputusan PPID dikuatkan."
        ),
    ),
    "objections.settled_by_agreement": (
        _("Diselesaikan secara musyawarah"),
        _("Jumlah keberatan yang diselesaikan dengan kesepakatan (Pasal 35 ayat 2)."),
    ),
    "objections.response_timeliness": (
        _("Ketepatan waktu tanggapan"),
        _(
            "Tepat waktu: ditanggapi paling lambat pada batas 30 hari kerja (Pasal 36). Terlambat: ditanggapi "
            "setelahnya, atau belum ditanggapi padahal batasnya lewat. Belum jatuh tempo: belum ditanggapi dan "
            "batasnya belum lewat. Keberatan yang dicabut tidak dihitung."
        ),
    ),
    "objections.on_time_share": (
        _("Bagian keberatan ditanggapi tepat waktu"),
        _("Tepat waktu dibagi (tepat waktu + terlambat). Kosong bila penyebutnya nol."),
    ),
    # -- disputes -------------------------------------------------------------------------------------------
    "disputes.filed": (
        _("Sengketa di Komisi Informasi"),
        _(
            "Jumlah permohonan penyelesaian sengketa informasi yang diajukan ke Komisi Informasi dalam periode "
            "(menurut tanggal diterima KI), dengan badan publik ini sebagai termohon."
        ),
    ),
    "disputes.by_result": (
        _("Putusan sengketa"),
        _(
            "Sengketa yang diajukan dalam periode menurut hasil terakhirnya: dikabulkan, dikabulkan sebagian, "
            "ditolak, selesai melalui mediasi, dicabut, atau belum diputus (pending)."
        ),
    ),
    "disputes.mediation": (
        _("Hasil mediasi"),
        _(
            "Sengketa yang diajukan dalam periode menurut hasil mediasi: berhasil, gagal, tanpa mediasi (none: "
            "sudah diputus tanpa hasil mediasi), atau belum ada hasil (pending: belum diputus)."
        ),
    ),
    "disputes.decided": (
        _("Sengketa sudah diputus"),
        _("Jumlah sengketa yang diajukan dalam periode dan sudah memiliki tanggal putusan Komisi Informasi."),
    ),
    "disputes.complied": (
        _("Putusan dilaksanakan"),
        _(
            "Jumlah sengketa yang diajukan dalam periode dan putusannya sudah dicatat dilaksanakan badan publik."
        ),
    ),
    "disputes.appeals": (
        _("Gugatan ke pengadilan"),
        _(
            "Jumlah sengketa yang diajukan dalam periode dan putusan KI-nya diajukan keberatan ke pengadilan "
            "(UU 14/2008 Pasal 47), menurut pengadilan: PTUN atau Pengadilan Negeri."
        ),
    ),
    "disputes.court_decisions_received": (
        _("Putusan pengadilan diterima"),
        _("Jumlah sengketa yang diajukan dalam periode dan putusan pengadilannya sudah diterima."),
    ),
    "disputes.kasasi_filed": (
        _("Kasasi"),
        _("Jumlah sengketa yang diajukan dalam periode dan diajukan kasasi ke Mahkamah Agung (Pasal 50)."),
    ),
    # -- complaints -----------------------------------------------------------------------------------------
    "complaints.received": (
        _("Pengaduan diterima"),
        _(
            "Jumlah pengaduan pelayanan publik yang diterima dalam periode, termasuk yang anonim dan yang rahasia "
            "(hanya dihitung, isinya tidak pernah dipublikasikan)."
        ),
    ),
    "complaints.by_category": (
        _("Pengaduan menurut kategori"),
        _("Jumlah pengaduan yang diterima dalam periode menurut kategori layanan."),
    ),
    "complaints.by_state": (
        _("Pengaduan menurut status"),
        _("Jumlah pengaduan yang diterima dalam periode menurut statusnya saat ini."),
    ),
    "complaints.anonymous": (
        _("Pengaduan anonim"),
        _("Jumlah pengaduan yang diterima dalam periode dengan identitas pelapor dirahasiakan."),
    ),
    "complaints.confidential": (
        _("Pengaduan rahasia"),
        _("Jumlah pengaduan yang diterima dalam periode yang isinya tidak dipublikasikan."),
    ),
    "complaints.verification": (
        _("Verifikasi tepat waktu"),
        _(
            "Tepat waktu: diverifikasi dan didisposisikan (atau diarsipkan) paling lambat pada batas verifikasi "
            "(bawaan 3 hari kerja). Terlambat: setelahnya, atau belum padahal batasnya lewat. Belum jatuh tempo: "
            "belum diverifikasi dan batasnya belum lewat. Bagian tepat waktu: tepat waktu dibagi (tepat waktu + "
            "terlambat)."
        ),
    ),
    "complaints.followup": (
        _("Tindak lanjut unit tepat waktu"),
        _(
            "Untuk pengaduan yang didisposisikan ke unit: tindak lanjut terakhir terbit paling lambat pada batas "
            "tindak lanjut (bawaan 5 hari kerja). Pengaduan yang dibuka kembali dinilai atas batas yang baru. "
            "Tidak berlaku: tidak pernah didisposisikan, atau diarsipkan sebelum ditindaklanjuti."
        ),
    ),
    "complaints.resolution": (
        _("Penyelesaian tepat waktu"),
        _(
            "Tepat waktu: selesai paling lambat pada batas penyelesaian (bawaan 60 hari kalender, UU 25/2009 "
            "Pasal 50). Terlambat: selesai setelahnya, atau belum selesai padahal batasnya lewat. Pengaduan yang "
            "diarsipkan: tidak berlaku."
        ),
    ),
    "complaints.rating": (
        _("Penilaian pelapor"),
        _(
            "Penilaian 1 sampai 5 yang diberikan pelapor saat menyelesaikan pengaduan: jumlah penilaian, "
            "rata-rata (dua desimal; kosong bila belum ada), dan sebaran per nilai."
        ),
    ),
    # -- compliance (auditors) ------------------------------------------------------------------------------
    "compliance.on_time_rate": (
        _("Tingkat ketepatan waktu"),
        _(
            "Permohonan yang dijawab paling lambat pada batas waktunya (termasuk perpanjangan dan jeda yang "
            "tercatat) dibagi (permohonan yang sudah dijawab + permohonan belum dijawab yang sudah melewati "
            "batas), untuk permohonan yang diterima sejak tanggal awal yang dipilih."
        ),
    ),
    "compliance.overdue": (
        _("Terlambat saat ini"),
        _(
            "Perkara terbuka yang batas waktunya sudah lewat pada waktu perhitungan, dan lamanya dalam hari kerja "
            "sesudah batas itu."
        ),
    ),
    "compliance.aging": (
        _("Umur perkara terbuka"),
        _("Permohonan yang belum dijawab menurut hari kerja sejak diterima: 0–5, 6–10, 11–17, >17."),
    ),
    "compliance.extension_rate": (
        _("Tingkat perpanjangan"),
        _("Permohonan diperpanjang dibagi permohonan diterima sejak tanggal awal yang dipilih."),
    ),
    "compliance.objection_rate": (
        _("Tingkat keberatan"),
        _("Permohonan yang diajukan keberatan dibagi permohonan diterima sejak tanggal awal yang dipilih."),
    ),
    "compliance.contributions_late": (
        _("Bahan dijawab terlambat"),
        _(
            "Permintaan bahan kepada unit itu yang dijawab sesudah batas waktu internalnya berakhir (pukul 23.59 "
            "waktu badan publik), ditambah yang belum dijawab padahal batas itu sudah lewat. Permintaan yang "
            "ditolak tidak dihitung."
        ),
    ),
    "compliance.dip_published": (
        _("Informasi publik diumumkan"),
        _(
            "Butir Daftar Informasi Publik unit itu yang sedang diumumkan (tidak termasuk draf dan yang ditarik), "
            "dan berapa di antaranya informasi berkala."
        ),
    ),
    "compliance.dip_berkala_overdue": (
        _("Informasi berkala lewat jadwal pembaruan"),
        _(
            "Informasi berkala yang diumumkan tetapi tanggal pembaruan berikutnya (paling lama 6 bulan sesudah "
            "diumumkan atau diperbarui, UU 14/2008 Pasal 9 ayat 4) sudah lewat pada hari perhitungan, menurut "
            "waktu badan publik."
        ),
    ),
}


def definition_for(path: str) -> str | None:
    """The id of the definition that covers a dotted figure path: the longest key that is a prefix of it."""
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        key = ".".join(parts[:end])
        if key in DEFINITIONS:
            return key
    return None


def rendered(keys=None) -> dict[str, dict[str, str]]:
    """The definitions (all, or those whose id starts with one of `keys`) in the active language."""
    return {
        key: {"label": str(label), "definition": str(text)}
        for key, (label, text) in DEFINITIONS.items()
        if keys is None or any(key == k or key.startswith(f"{k}.") for k in keys)
    }
