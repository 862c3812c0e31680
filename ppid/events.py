"""Every action code of requests, objections and disputes, defined once: the constants the services write to the
audit trail and notify with, the words pages show for them (registered with `audit.actions`) and the notification
texts (registered with `notifications.messages`), both from `PPIDConfig.ready`. Kinds that are only notifications
(`*_ARRIVED`, `REQUEST_FORWARDED_TO_YOU`) have a text and no label. The full NIK shown on a request is
`accounts.events.PERSONAL_DATA_VIEWED`, the same code as on a profile. Messages carry case numbers and dates only,
never personal data."""

from django.utils.translation import gettext_lazy as _

REQUEST_REGISTERED = "request.registered"
REQUEST_ARRIVED = "request.arrived"
REQUEST_PROCESS = "request.process"
REQUEST_FORWARD = "request.forward"
REQUEST_FORWARDED_TO_YOU = "request.forwarded_to_you"
REQUEST_ASK_CLARIFICATION = "request.ask_clarification"
REQUEST_CLARIFY = "request.clarify"
REQUEST_EXTEND = "request.extend"
REQUEST_RESPOND = "request.respond"
REQUEST_NOTICE_RECEIPT = "request.notice_receipt"
REQUEST_PAYMENT = "request.payment"
REQUEST_HANDOVER = "request.handover"
REQUEST_COMPLETE = "request.complete"
REQUEST_AUTO_COMPLETE = "request.auto_complete"
REQUEST_WITHDRAW = "request.withdraw"
REQUEST_CONVERT_TO_COMPLAINT = "request.convert_to_complaint"
DOCUMENT_DOWNLOADED = "document.downloaded"
OBJECTION_REGISTERED = "objection.registered"
OBJECTION_ARRIVED = "objection.arrived"
OBJECTION_REVIEW = "objection.review"
OBJECTION_DECIDE = "objection.decide"
OBJECTION_DECISION_RECEIPT = "objection.decision_receipt"
OBJECTION_WITHDRAW = "objection.withdraw"
DISPUTE_REGISTERED = "dispute.registered"
DISPUTE_UPDATED = "dispute.updated"
DISPUTE_HEARING = "dispute.hearing"

# Assignment (issue 16 point 2): one audit code per case type, and the notifications to the new and former assignee.
REQUEST_ASSIGN = "request.assign"
REQUEST_ASSIGNED_TO_YOU = "request.assigned_to_you"
REQUEST_UNASSIGNED_FROM_YOU = "request.unassigned_from_you"
OBJECTION_ASSIGN = "objection.assign"
OBJECTION_ASSIGNED_TO_YOU = "objection.assigned_to_you"
OBJECTION_UNASSIGNED_FROM_YOU = "objection.unassigned_from_you"

LABELS = {
    REQUEST_REGISTERED: _("Permohonan didaftarkan"),
    REQUEST_PROCESS: _("Mulai diproses"),
    REQUEST_FORWARD: _("Diteruskan ke unit lain"),
    REQUEST_ASK_CLARIFICATION: _("Klarifikasi diminta"),
    REQUEST_CLARIFY: _("Klarifikasi dijawab"),
    REQUEST_EXTEND: _("Batas waktu diperpanjang"),
    REQUEST_RESPOND: _("Pemberitahuan tertulis diberikan"),
    REQUEST_NOTICE_RECEIPT: _("Tanggal pemberitahuan diterima pemohon dicatat"),
    REQUEST_PAYMENT: _("Pembayaran biaya dicatat"),
    REQUEST_HANDOVER: _("Penyerahan informasi dicatat"),
    REQUEST_COMPLETE: _("Selesai"),
    REQUEST_AUTO_COMPLETE: _("Selesai otomatis"),
    REQUEST_WITHDRAW: _("Dicabut oleh pemohon"),
    REQUEST_CONVERT_TO_COMPLAINT: _("Dialihkan menjadi pengaduan"),
    DOCUMENT_DOWNLOADED: _("Dokumen diunduh"),
    OBJECTION_REGISTERED: _("Keberatan didaftarkan"),
    OBJECTION_REVIEW: _("Keberatan mulai diperiksa Atasan PPID"),
    OBJECTION_DECIDE: _("Atasan PPID menanggapi keberatan"),
    OBJECTION_DECISION_RECEIPT: _("Tanggal tanggapan Atasan diterima pemohon dicatat"),
    OBJECTION_WITHDRAW: _("Keberatan dicabut oleh pemohon"),
    DISPUTE_REGISTERED: _("Sengketa di Komisi Informasi dicatat"),
    DISPUTE_UPDATED: _("Perkembangan sengketa dicatat"),
    DISPUTE_HEARING: _("Sidang sengketa dicatat"),
}

# Issue 18: granted response files offered to the register as a draft DIP item (recorded on the item, so no case
# timeline lists it).
REQUEST_ADDED_TO_DIP = "request.added_to_dip"
LABELS[REQUEST_ADDED_TO_DIP] = _("Berkas jawaban diusulkan ke DIP")

# Assignment (issue 16 point 2).
LABELS |= {
    REQUEST_ASSIGN: _("Penugasan petugas diubah"),
    OBJECTION_ASSIGN: _("Penugasan petugas diubah"),
}

MESSAGES = {
    REQUEST_REGISTERED: _("Permohonan %(case)s terdaftar."),
    REQUEST_ARRIVED: _("Permohonan baru %(case)s masuk ke antrean unit Anda."),
    REQUEST_FORWARD: _("Permohonan %(case)s diteruskan ke unit lain."),
    REQUEST_FORWARDED_TO_YOU: _("Permohonan %(case)s diteruskan ke unit Anda."),
    REQUEST_PROCESS: _("Permohonan %(case)s sedang diproses."),
    REQUEST_ASK_CLARIFICATION: _("Petugas meminta klarifikasi atas permohonan %(case)s."),
    REQUEST_CLARIFY: _("Pemohon menjawab klarifikasi permohonan %(case)s."),
    REQUEST_EXTEND: _("Batas waktu permohonan %(case)s diperpanjang."),
    REQUEST_RESPOND: _("Permohonan %(case)s sudah dijawab dengan pemberitahuan tertulis."),
    REQUEST_COMPLETE: _("Permohonan %(case)s selesai."),
    REQUEST_AUTO_COMPLETE: _("Permohonan %(case)s selesai otomatis."),
    REQUEST_WITHDRAW: _("Permohonan %(case)s dicabut."),
    REQUEST_CONVERT_TO_COMPLAINT: _("Permohonan %(case)s dialihkan menjadi pengaduan."),
    OBJECTION_REGISTERED: _(
        "Keberatan %(case)s terdaftar. Atasan PPID wajib menanggapi paling lambat %(due)s. Tanda terima keberatan "
        "dapat diunduh di halaman keberatan."
    ),
    OBJECTION_ARRIVED: _("Keberatan baru %(case)s menunggu tanggapan Atasan PPID."),
    OBJECTION_REVIEW: _("Keberatan %(case)s sedang diperiksa Atasan PPID."),
    OBJECTION_DECIDE: _("Atasan PPID sudah menanggapi keberatan %(case)s."),
    OBJECTION_WITHDRAW: _("Keberatan %(case)s dicabut."),
    DISPUTE_REGISTERED: _("Sengketa atas keberatan %(case)s tercatat di Komisi Informasi."),
}

# Assignment (issue 16 point 2).
MESSAGES |= {
    REQUEST_ASSIGNED_TO_YOU: _("Permohonan %(case)s ditugaskan kepada Anda."),
    REQUEST_UNASSIGNED_FROM_YOU: _("Permohonan %(case)s tidak lagi ditugaskan kepada Anda."),
    OBJECTION_ASSIGNED_TO_YOU: _("Keberatan %(case)s ditugaskan kepada Anda."),
    OBJECTION_UNASSIGNED_FROM_YOU: _("Keberatan %(case)s tidak lagi ditugaskan kepada Anda."),
}

# The Atasan's order carried out (issue 16 point 6): the obligation a granted objection opens, and its compliance.
ORDER_OPENED = "order.opened"
ORDER_COMPLIED = "order.complied"
ORDER_FILE_DOWNLOADED = "order.file_downloaded"
# To the staff of the unit that must comply (and the PPID Utama's) when the Atasan's decision opens an order.
ORDER_OPENED_FOR_UNIT = "order.opened_for_unit"
# To the same staff when the Atasan decides without an order (upheld, inadmissible).
OBJECTION_DECIDED_FOR_UNIT = "objection.decided_for_unit"

LABELS |= {
    ORDER_OPENED: _("Kewajiban pelaksanaan putusan Atasan PPID dibuka"),
    ORDER_COMPLIED: _("Putusan Atasan PPID dilaksanakan"),
    ORDER_FILE_DOWNLOADED: _("Berkas pelaksanaan putusan diunduh"),
}

MESSAGES |= {
    ORDER_OPENED_FOR_UNIT: _(
        "Atasan PPID menerima keberatan %(case)s: unit Anda wajib melaksanakan putusannya paling lambat %(due)s."
    ),
    OBJECTION_DECIDED_FOR_UNIT: _("Atasan PPID sudah menanggapi keberatan %(case)s atas perkara unit Anda."),
    ORDER_COMPLIED: _("Putusan Atasan PPID atas keberatan %(case)s sudah dilaksanakan."),
}

# Contributions across units (permintaan bahan, issue 16 point 4). Recorded on the contribution, never on the
# request, so no case timeline (the requester's least of all) lists them; their reasons are for staff only.
CONTRIBUTION_ASK = "contribution.ask"
CONTRIBUTION_ANSWER = "contribution.answer"
CONTRIBUTION_DECLINE = "contribution.decline"
CONTRIBUTION_ATTACH = "contribution.attach"
CONTRIBUTION_FILE_DOWNLOADED = "contribution.file_downloaded"
CONTRIBUTION_ASKED_OF_YOU = "contribution.asked_of_you"

LABELS |= {
    CONTRIBUTION_ASK: _("Bahan diminta dari unit lain"),
    CONTRIBUTION_ANSWER: _("Permintaan bahan dijawab"),
    CONTRIBUTION_DECLINE: _("Permintaan bahan ditolak"),
    CONTRIBUTION_ATTACH: _("Berkas bahan dilampirkan ke jawaban"),
    CONTRIBUTION_FILE_DOWNLOADED: _("Berkas bahan diunduh"),
}

MESSAGES |= {
    CONTRIBUTION_ASKED_OF_YOU: _(
        "Unit Anda dimintai bahan untuk permohonan %(number)s, paling lambat %(due)s."
    ),
    CONTRIBUTION_ANSWER: _("Unit %(unit)s menjawab permintaan bahan untuk permohonan %(number)s."),
    CONTRIBUTION_DECLINE: _("Unit %(unit)s menolak permintaan bahan untuk permohonan %(number)s."),
}

# Approval before issue (issue 16 point 5): recorded on the draft, never on the request, so no case timeline (the
# requester's included) lists them; the head is told a draft waits, the drafter of the decision.
REQUEST_DRAFT_SUBMITTED = "request.draft_submitted"
REQUEST_DRAFT_WAITING = "request.draft_waiting"
REQUEST_DRAFT_APPROVED = "request.draft_approved"
REQUEST_DRAFT_RETURNED = "request.draft_returned"
REQUEST_DRAFT_SUPERSEDED = "request.draft_superseded"

LABELS |= {
    REQUEST_DRAFT_SUBMITTED: _("Rancangan surat diajukan untuk persetujuan"),
    REQUEST_DRAFT_APPROVED: _("Rancangan surat disetujui dan diterbitkan"),
    REQUEST_DRAFT_RETURNED: _("Rancangan surat dikembalikan kepada petugas"),
    REQUEST_DRAFT_SUPERSEDED: _("Rancangan surat digantikan surat yang diterbitkan langsung"),
}

MESSAGES |= {
    REQUEST_DRAFT_WAITING: _("Rancangan surat permohonan %(case)s menunggu persetujuan Anda."),
    REQUEST_DRAFT_APPROVED: _("Rancangan surat permohonan %(case)s disetujui dan sudah diterbitkan."),
    REQUEST_DRAFT_RETURNED: _(
        "Rancangan surat permohonan %(case)s dikembalikan kepada Anda untuk diperbaiki."
    ),
}
