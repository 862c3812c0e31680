"""Every action code of service complaints, defined once: the constants the services write and notify with, the
words pages show (registered with `audit.actions`) and the notification texts (registered with
`notifications.messages`), both from `ComplaintsConfig.ready`. `COMPLAINT_ARRIVED` and
`COMPLAINT_AWAITS_VERIFICATION` are only notifications."""

from django.utils.translation import gettext_lazy as _

COMPLAINT_SUBMITTED = "complaint.submitted"
COMPLAINT_AWAITS_VERIFICATION = "complaint.awaits_verification"
COMPLAINT_VERIFY = "complaint.verify"
COMPLAINT_ARRIVED = "complaint.arrived"
COMPLAINT_ARCHIVE = "complaint.archive"
COMPLAINT_RESPOND = "complaint.respond"
COMPLAINT_REOPEN = "complaint.reopen"
COMPLAINT_CONFIRM = "complaint.confirm"
COMPLAINT_AUTO_CLOSE = "complaint.auto_close"
COMPLAINT_ESCALATED = "complaint.escalated"
COMPLAINT_LAPOR_LINKED = "complaint.lapor_linked"
COMPLAINT_CONVERTED = "complaint.converted"

# Assignment (issue 16 point 2): the audit code, and the notifications to the new and former assignee.
COMPLAINT_ASSIGN = "complaint.assign"
COMPLAINT_ASSIGNED_TO_YOU = "complaint.assigned_to_you"
COMPLAINT_UNASSIGNED_FROM_YOU = "complaint.unassigned_from_you"

LABELS = {
    COMPLAINT_SUBMITTED: _("Pengaduan diterima"),
    COMPLAINT_VERIFY: _("Diverifikasi dan diteruskan ke unit"),
    COMPLAINT_ARCHIVE: _("Diarsipkan"),
    COMPLAINT_RESPOND: _("Tindak lanjut disampaikan"),
    COMPLAINT_REOPEN: _("Dibuka kembali oleh pelapor"),
    COMPLAINT_CONFIRM: _("Diterima dan dinilai oleh pelapor"),
    COMPLAINT_AUTO_CLOSE: _("Ditutup otomatis"),
    COMPLAINT_ESCALATED: _("Dilaporkan ke Ombudsman"),
    COMPLAINT_LAPOR_LINKED: _("Nomor SP4N-LAPOR! dicatat"),
    COMPLAINT_CONVERTED: _("Dialihkan menjadi permohonan informasi"),
}

# Assignment (issue 16 point 2).
LABELS |= {COMPLAINT_ASSIGN: _("Penugasan petugas diubah")}

MESSAGES = {
    COMPLAINT_SUBMITTED: _("Pengaduan %(case)s diterima."),
    COMPLAINT_AWAITS_VERIFICATION: _("Pengaduan baru %(case)s menunggu verifikasi."),
    COMPLAINT_VERIFY: _("Pengaduan %(case)s diteruskan ke unit yang berwenang."),
    COMPLAINT_ARRIVED: _("Pengaduan %(case)s didisposisikan ke unit Anda."),
    COMPLAINT_ARCHIVE: _("Pengaduan %(case)s diarsipkan."),
    COMPLAINT_RESPOND: _("Unit menindaklanjuti pengaduan %(case)s."),
    COMPLAINT_REOPEN: _("Pelapor membuka kembali pengaduan %(case)s."),
    COMPLAINT_CONFIRM: _("Pengaduan %(case)s selesai dan dinilai pelapor."),
    COMPLAINT_AUTO_CLOSE: _("Pengaduan %(case)s ditutup otomatis."),
}

# Assignment (issue 16 point 2).
MESSAGES |= {
    COMPLAINT_ASSIGNED_TO_YOU: _("Pengaduan %(case)s ditugaskan kepada Anda."),
    COMPLAINT_UNASSIGNED_FROM_YOU: _("Pengaduan %(case)s tidak lagi ditugaskan kepada Anda."),
}
