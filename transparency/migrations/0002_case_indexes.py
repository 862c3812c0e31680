"""Indexes on other apps' tables that the transparency reads need (the transparency app never changes those
apps' models). Plain SQL that PostgreSQL and SQLite both accept, idempotent with IF NOT EXISTS. Measured with
bench/stats.py (1,000,000 requests) and EXPLAIN ANALYZE; see the columns' reasons below.

- transparency_req_received: requests of an agency received in a period (every live figure, the summary
  refresh, the compliance cohort). The trailing columns make the compliance cohort one index-only scan
  (counts over unit, state, due date, notice, extension, and the id for "was it objected to": two queries of
  250 ms and 125 ms became one of 135 ms for 300,000 requests).
- transparency_req_open: open requests only, by due date: the overdue list and its count read a few index
  pages (index-only) however many closed requests there are; unit, state and day of receipt serve the unit
  filter, the paused-clock rule and the aging of open requests.
- transparency_obj_received, transparency_cmp_received: objections and complaints received in a period.
- transparency_cmp_open: open complaints only, with every clock, so that "overdue now" (verification,
  follow-up or resolution past its day) is counted and ordered from the index alone instead of visiting
  every open complaint's row (a bitmap heap scan over thousands of pages).

On a large production table, create them beforehand without blocking writes, e.g.
    CREATE INDEX CONCURRENTLY IF NOT EXISTS transparency_req_received ON ...;
and this migration then finds them and does nothing.
"""

from django.db import migrations

OPEN_REQUESTS = "state IN ('registered', 'awaiting_clarification', 'in_process')"
OPEN_COMPLAINTS = "state IN ('submitted', 'dispositioned', 'responded')"

INDEXES = [
    (
        "transparency_req_received",
        "ppid_informationrequest (agency_id, received_at, unit_id, state, due_date, responded_at, extended_at, id)",
    ),
    (
        "transparency_req_open",
        f"ppid_informationrequest (agency_id, due_date, unit_id, state, received_at) WHERE {OPEN_REQUESTS}",
    ),
    ("transparency_obj_received", "ppid_objection (agency_id, received_at)"),
    ("transparency_cmp_received", "complaints_complaint (agency_id, received_at)"),
    (
        "transparency_cmp_open",
        "complaints_complaint (agency_id, resolution_due, verify_due, followup_due, state, unit_id, id) "
        f"WHERE {OPEN_COMPLAINTS}",
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0001_initial"),
        ("ppid", "0003_dispute_disputehearing_objection_dispute_objection_and_more"),
        ("complaints", "0002_visitor_submission_once"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {target}",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, target in INDEXES
    ]
