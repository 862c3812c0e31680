"""Objections on ground b without a request (UU 14/2008 Pasal 35(1)b): the request becomes optional, and every
objection records its unit (the request's, filled here for existing rows) so scoping no longer goes through
the request."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_units(apps, schema_editor):
    Objection = apps.get_model("ppid", "Objection")
    InformationRequest = apps.get_model("ppid", "InformationRequest")
    units = dict(
        InformationRequest.objects.filter(objections__isnull=False).values_list("pk", "unit_id").distinct()
    )
    for pk, request_id in Objection.objects.filter(unit__isnull=True).values_list("pk", "request_id"):
        Objection.objects.filter(pk=pk).update(unit_id=units[request_id])


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0006_cuti_bersama_by_party"),
        ("ppid", "0007_notice_contents"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="objection",
            name="information",
            field=models.TextField(blank=True, verbose_name="informasi berkala yang tidak disediakan"),
        ),
        migrations.AddField(
            model_name="objection",
            name="requester_address",
            field=models.TextField(blank=True, verbose_name="alamat"),
        ),
        migrations.AddField(
            model_name="objection",
            name="requester_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
        ),
        migrations.AddField(
            model_name="objection",
            name="requester_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="nama pemohon"),
        ),
        migrations.AddField(
            model_name="objection",
            name="requester_occupation",
            field=models.CharField(blank=True, max_length=100, verbose_name="pekerjaan"),
        ),
        migrations.AddField(
            model_name="objection",
            name="requester_phone",
            field=models.CharField(blank=True, max_length=30, verbose_name="telepon"),
        ),
        migrations.AddField(
            model_name="objection",
            name="requester_type",
            field=models.CharField(
                blank=True,
                choices=[
                    ("individual", "Perorangan"),
                    ("group", "Kelompok orang"),
                    ("legal_entity", "Badan hukum"),
                ],
                max_length=16,
                verbose_name="jenis pemohon",
            ),
        ),
        migrations.AddField(
            model_name="objection",
            name="unit",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="objections",
                to="agencies.unit",
                verbose_name="unit",
            ),
        ),
        migrations.RunPython(fill_units, migrations.RunPython.noop),
    ]
