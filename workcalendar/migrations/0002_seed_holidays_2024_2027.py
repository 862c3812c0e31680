"""Seed national holidays and cuti bersama for 2024-2027 from the `holidays` package.

They are data: administrators correct them when the year's SKB changes, and load later years with
`manage.py seed_holidays --year N`.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from workcalendar.seed import seed_holidays

    seed_holidays(apps.get_model("workcalendar", "Holiday"), years=range(2024, 2028))


class Migration(migrations.Migration):
    dependencies = [("workcalendar", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
