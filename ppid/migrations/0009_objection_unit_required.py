"""The second step of 0008 (in its own transaction: PostgreSQL will not alter a table with the pending FK
checks of 0008's data update): every objection has a unit; the request is optional for ground b."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ppid", "0008_objection_without_request"),
    ]

    operations = [
        migrations.AlterField(
            model_name="objection",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="objections",
                to="agencies.unit",
                verbose_name="unit",
            ),
        ),
        migrations.AlterField(
            model_name="objection",
            name="request",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="objections",
                to="ppid.informationrequest",
            ),
        ),
        migrations.AddConstraint(
            model_name="objection",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("request__isnull", False),
                    models.Q(
                        models.Q(("information", ""), _negated=True),
                        models.Q(("requester_name", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="objection_request_or_information",
            ),
        ),
    ]
