from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts.forms import PasswordResetForm

from .common.forms import LoginForm
from .complaints import views as views_complaints
from .dashboard import urls as urls_dashboard
from .manage import urls as urls_staff
from .manage import views
from .notifications import views as views_notifications
from .objections import views as views_objections
from .requests import views as views_requests
from .stats import urls as urls_stats
from .work import views as views_work

app_name = "frontend"

urlpatterns = [
    path("", views.home, name="home"),
    path("notifikasi/", views_notifications.notification_list, name="notifications"),
    path(
        "notifikasi/tandai-dibaca/",
        views_notifications.notification_mark_all_read,
        name="notifications_mark_read",
    ),
    path("kerja/", views_work.work_home, name="work"),
    path("notifikasi/<int:pk>/buka/", views_notifications.notification_open, name="notification_open"),
    path("kalkulator-tenggat/", views.due_date_calculator, name="due_date"),
    path(
        "akun/masuk/",
        views_work.StaffAwareLoginView.as_view(
            template_name="accounts/login.html", authentication_form=LoginForm
        ),
        name="login",
    ),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/lupa-sandi/",
        views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=PasswordResetForm,
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("frontend:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "akun/lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "akun/sandi-baru/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("frontend:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "akun/sandi-baru/selesai/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("akun/daftar/", views.signup, name="signup"),
    path("akun/daftar/terkirim/", views.signup_done, name="signup_done"),
    path("akun/konfirmasi/<str:token>/", views.confirm_email, name="confirm_email"),
    path("akun/konfirmasi-ulang/", views.resend_confirmation, name="resend_confirmation"),
    path("akun/profil/", views.profile, name="profile"),
    path("kelola/", views.manage_home, name="manage"),
    path("kelola/<slug:agency>/pengaturan/", views.agency_settings, name="agency_settings"),
    path("kelola/<slug:agency>/unit/", views.unit_list, name="units"),
    path("kelola/<slug:agency>/unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("kelola/<slug:agency>/audit/", views.audit_trail, name="audit"),
    path("kelola/kalender/", views.holiday_list, name="holidays"),
    path("kelola/kalender/tambah/", views.holiday_edit, name="holiday_add"),
    path("kelola/kalender/<int:pk>/", views.holiday_edit, name="holiday_edit"),
    path("kelola/kalender/<int:pk>/hapus/", views.holiday_delete, name="holiday_delete"),
    # Information requests
    path("permohonan/", views_requests.request_list, name="request_list"),
    path("permohonan/baru/", views_requests.request_file, name="request_file"),
    path("permohonan/<int:pk>/", views_requests.request_detail, name="request_detail"),
    path("permohonan/<int:pk>/aksi/<slug:action>/", views_requests.request_action, name="request_action"),
    path("permohonan/<int:pk>/cabut/", views_requests.request_withdraw, name="request_withdraw"),
    path("permohonan/<int:pk>/nik/", views_requests.request_reveal_nik, name="request_reveal_nik"),
    path("permohonan/<int:pk>/surat/<slug:kind>/", views_requests.request_letter, name="request_letter"),
    path("permohonan/dokumen/<int:doc_pk>/", views_requests.request_document, name="request_document"),
    path("antrean/", views_requests.queue, name="queue"),
    path("antrean/catat/", views_requests.offline_intake, name="offline_intake"),
    # Objections (keberatan) and disputes (sengketa)
    path("permohonan/<int:pk>/keberatan/baru/", views_objections.objection_file, name="objection_file"),
    path(
        "permohonan/<int:pk>/keberatan/catat/", views_objections.objection_offline, name="objection_offline"
    ),
    path("keberatan/", views_objections.objection_queue, name="objection_queue"),
    path(
        "keberatan/informasi-berkala/",
        views_objections.objection_file_periodic,
        name="objection_file_periodic",
    ),
    path("keberatan/<int:pk>/", views_objections.objection_detail, name="objection_detail"),
    path(
        "keberatan/<int:pk>/aksi/<slug:action>/", views_objections.objection_action, name="objection_action"
    ),
    path("keberatan/<int:pk>/cabut/", views_objections.objection_withdraw, name="objection_withdraw"),
    path("keberatan/<int:pk>/surat/", views_objections.objection_letter, name="objection_letter"),
    path("keberatan/<int:pk>/tanda-terima/", views_objections.objection_receipt, name="objection_receipt"),
    path("keberatan/<int:pk>/sengketa/", views_objections.dispute_register, name="dispute_register"),
    path("keberatan/<int:pk>/sengketa/ubah/", views_objections.dispute_update, name="dispute_update"),
    path("keberatan/<int:pk>/sengketa/sidang/", views_objections.dispute_hearing, name="dispute_hearing"),
    # Service complaints (pengaduan)
    path("pengaduan/", views_complaints.complaint_list, name="complaint_list"),
    path("pengaduan/baru/", views_complaints.complaint_file, name="complaint_file"),
    path("pengaduan/terkirim/<str:token>/", views_complaints.complaint_filed, name="complaint_filed"),
    path(
        "pengaduan/terkirim/<str:token>/kode.txt",
        views_complaints.complaint_filed_code,
        name="complaint_filed_code",
    ),
    path("pengaduan/lacak/", views_complaints.complaint_track, name="complaint_track"),
    path(
        "pengaduan/lacak/aksi/<slug:action>/",
        views_complaints.complaint_track_action,
        name="complaint_track_action",
    ),
    path("pengaduan/antrean/", views_complaints.complaint_queue, name="complaint_queue"),
    path("pengaduan/<int:pk>/", views_complaints.complaint_detail, name="complaint_detail"),
    path(
        "pengaduan/<int:pk>/aksi/<slug:action>/", views_complaints.complaint_action, name="complaint_action"
    ),
    path(
        "pengaduan/<int:pk>/lampiran/<int:attachment_pk>/",
        views_complaints.complaint_attachment,
        name="complaint_attachment",
    ),
    path("permohonan/<int:pk>/alihkan/", views_complaints.request_to_complaint, name="request_to_complaint"),
]

urlpatterns += urls_stats.urlpatterns + urls_dashboard.urlpatterns + urls_staff.urlpatterns
