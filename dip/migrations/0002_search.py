# A placeholder the register's search fills (issue 18 point 4): the migrations after it depend on this name.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("dip", "0001_initial")]

    operations: list = []
