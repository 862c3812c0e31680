from django.db import migrations


def mark_estimates(apps, schema_editor):
    """Seeded days that are still the library's estimate (2027 Idul Fitri, Idul Adha) say so in their decree."""
    from workcalendar.seed import ESTIMATE_DECREE_PREFIX, ESTIMATE_SUFFIX, SOURCE_PREFIX

    Holiday = apps.get_model("workcalendar", "Holiday")
    for holiday in Holiday.objects.filter(
        agency=None, source__startswith=SOURCE_PREFIX, name__endswith=ESTIMATE_SUFFIX
    ).exclude(decree__startswith=ESTIMATE_DECREE_PREFIX):
        holiday.decree = ESTIMATE_DECREE_PREFIX + holiday.decree
        holiday.save(update_fields=["decree"])


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0002_seed_holidays_2024_2027")]
    operations = [migrations.RunPython(mark_estimates, migrations.RunPython.noop)]
