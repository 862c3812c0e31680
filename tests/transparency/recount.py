"""A random mix of cases written straight into the tables, and a plain recount of the figures: a loop over
every case in Python using the models' own properties and WorkingCalendar.working_days_between, one case at a
time. Deliberately naive and independent of transparency.facts/statistics, so it can catch their mistakes."""

import datetime as dt
import math
import random
from collections import Counter
from fractions import Fraction
from zoneinfo import ZoneInfo

import time_machine

from agencies.models import StaffRole
from complaints.models import Complaint
from ppid.models import (
    OPEN_OBJECTION_STATES,
    Dispute,
    InformationRequest,
    Objection,
    RequestResponse,
)
from tests.factories import make_agency, make_staff
from workcalendar.calendar import WorkingCalendar

UTC = dt.UTC


def build(world, *, seed=7, requests=160, complaints=60):
    """Cases of Diskominfo (WIB) and of a WITA agency that counts cuti bersama as working days and pauses the
    clock during clarification, received from mid-December 2025 to early May 2026, at any hour (some just
    around local midnight)."""
    rng = random.Random(seed)
    wita, wita_utama, wita_pelaksana = make_agency(
        name="Kota Makassar",
        slug="makassar",
        time_zone="Asia/Makassar",
        cuti_bersama_agency_working_day=True,
        pause_on_clarification=True,
    )
    wita_officer = make_staff(wita_utama, StaffRole.OFFICER, username="petugas-mks")
    places = [
        (world.agency, [world.utama, world.pelaksana], world.officer),
        (wita, [wita_utama, wita_pelaksana], wita_officer),
    ]
    start = dt.datetime(2025, 12, 15, tzinfo=UTC)
    span = int((dt.datetime(2026, 5, 4, 1, tzinfo=UTC) - start).total_seconds())
    states = [
        "registered",
        "in_process",
        "awaiting_clarification",
        "responded",
        "completed",
        "completed",
        "withdrawn",
    ]
    made = []
    latest = dt.datetime(2026, 5, 4, 2, tzinfo=UTC)  # nothing after the moment of the figures
    for i in range(requests):
        agency, units, officer = rng.choice(places)
        received = start + dt.timedelta(seconds=rng.randrange(span))
        if i % 9 == 0:  # just before or after local midnight
            local = received.astimezone(agency.tzinfo)
            received = dt.datetime.combine(
                local.date(), dt.time(23, 59), tzinfo=agency.tzinfo
            ) + dt.timedelta(minutes=rng.choice([0, 2]))
        state = rng.choice(states)
        local_day = received.astimezone(agency.tzinfo).date()
        due = local_day + dt.timedelta(days=rng.randrange(10, 25))
        extended = received + dt.timedelta(days=3) if rng.random() < 0.2 else None
        responded = None
        if state in ("responded", "completed"):
            responded = received + dt.timedelta(days=rng.randrange(0, 40), hours=rng.randrange(0, 20))
            responded = min(responded, latest)
        request = InformationRequest.objects.create(
            agency=agency,
            unit=rng.choice(units),
            requester=world.citizen,
            submitted_by=world.citizen,
            requester_type="individual",
            requester_name="Siti",
            requester_address="Jl. Contoh No. 1, Bandung",
            information_requested="Data",
            purpose="Penelitian",
            obtain_method="softcopy",
            delivery_method="email",
            channel=rng.choice(["online", "online", "walk_in", "email", "post"]),
            received_at=received,
            registration_number=f"R-{i}",
            registration_year=local_day.year,
            registration_sequence=i + 1,
            state=state,
            due_date=due,
            original_due_date=due,
            extended_at=extended,
            responded_at=responded,
            completed_at=responded + dt.timedelta(days=1) if state == "completed" else None,
        )
        if responded is not None:
            decision = rng.choice(
                ["granted", "granted", "partially_granted", "rejected", "not_held", "not_documented"]
            )
            grounds = (
                rng.sample("abcdefghij", rng.randrange(1, 3))
                if decision in ("rejected", "partially_granted")
                else []
            )
            RequestResponse.objects.create(
                request=request,
                decision=decision,
                exemption_grounds=grounds,
                responded_by=officer,
                responded_at=responded,
            )
            if rng.random() < 0.35:
                made.append((request, officer, responded))
    for i, (request, officer, responded) in enumerate(made):
        filed = min(responded + dt.timedelta(days=rng.randrange(1, 20)), latest)
        state = rng.choice(["registered", "under_review", "decided", "decided", "withdrawn"])
        decided = min(filed + dt.timedelta(days=rng.randrange(1, 50)), latest) if state == "decided" else None
        objection = Objection.objects.create(
            agency=request.agency,
            unit=request.unit,
            request=request,
            requester=world.citizen,
            submitted_by=world.citizen,
            received_at=filed,
            registration_number=f"O-{i}",
            registration_year=2026,
            registration_sequence=i + 1,
            grounds=rng.sample("abcdefg", rng.randrange(1, 3)),
            reason="Keberatan",
            state=state,
            due_date=filed.astimezone(request.agency.tzinfo).date() + dt.timedelta(days=42),
            decided_at=decided,
            outcome=rng.choice(["granted", "upheld"]) if decided else "",
            settled_by_agreement=bool(decided) and rng.random() < 0.3,
        )
        if decided and rng.random() < 0.6:
            filed_on = min(decided.date() + dt.timedelta(days=rng.randrange(1, 10)), latest.date())
            Dispute.objects.create(
                objection=objection,
                agency=request.agency,
                commission="KI",
                ki_register_number=f"KI-{i}",
                filed_on=filed_on,
                mediation_result=rng.choice(["", "agreed", "failed"]),
                result=rng.choice(["", "requester_won", "partial", "agency_won", "settled", "withdrawn"]),
                decision_on=filed_on + dt.timedelta(days=20) if rng.random() < 0.5 else None,
                complied_on=filed_on + dt.timedelta(days=30) if rng.random() < 0.3 else None,
                appeal_court=rng.choice(["", "", "ptun", "pn"]),
                kasasi_filed_on=filed_on + dt.timedelta(days=60) if rng.random() < 0.1 else None,
                recorded_by=officer,
            )
    for i in range(complaints):
        agency, units, _officer = rng.choice(places)
        received = start + dt.timedelta(seconds=rng.randrange(span))
        local_day = received.astimezone(agency.tzinfo).date()
        state = rng.choice(["submitted", "dispositioned", "responded", "completed", "archived"])
        dispositioned = received + dt.timedelta(days=rng.randrange(0, 8)) if state != "submitted" else None
        if state == "archived" and rng.random() < 0.5:
            dispositioned = None
        responded = (
            dispositioned + dt.timedelta(days=rng.randrange(0, 12))
            if state in ("responded", "completed") and dispositioned
            else None
        )
        completed = (
            min(responded + dt.timedelta(days=rng.randrange(0, 80)), latest)
            if state == "completed" and responded
            else None
        )
        Complaint.objects.create(
            agency=agency,
            unit=rng.choice(units) if dispositioned else None,
            tracking_number=f"C-{i}",
            registration_year=2026,
            registration_sequence=i + 1,
            anonymous=rng.random() < 0.3,
            confidential=rng.random() < 0.2,
            title="Aduan",
            description="Uraian",
            category=rng.choice(["health", "permits", "education", "other"]),
            received_at=received,
            state=state,
            verify_due=local_day + dt.timedelta(days=5),
            resolution_due=local_day + dt.timedelta(days=60),
            followup_due=local_day + dt.timedelta(days=rng.randrange(6, 14)) if dispositioned else None,
            dispositioned_at=dispositioned,
            archived_at=received + dt.timedelta(days=rng.randrange(0, 9)) if state == "archived" else None,
            responded_at=responded,
            completed_at=completed,
            rating=rng.randrange(1, 6) if completed and rng.random() < 0.7 else None,
        )
    return wita


def _day(moment, tz: ZoneInfo) -> dt.date:
    return moment.astimezone(tz).date()


def _rank(values, fraction: Fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * fraction)) - 1]


def _share(a, b):
    return round(a / b, 4) if b else None


def recount_requests(agencies, unit, start, end, at):
    """The figures that matter, one case at a time."""
    ids = [a.pk for a in agencies]
    received = Counter()
    wd, over10, over17 = [], 0, 0
    wd_ext, over17_ext = [], 0
    decisions, refusal, partial = Counter(), Counter(), Counter()
    past_due = extended = 0
    with time_machine.travel(at, tick=False):
        for r in InformationRequest.objects.filter(agency_id__in=ids).select_related("agency"):
            tz = r.agency.tzinfo
            day = _day(r.received_at, tz)
            if not start <= day <= end or (unit is not None and r.unit_id != unit.pk):
                continue
            calendar = WorkingCalendar(r.agency)
            received[r.state] += 1
            extended += r.extended_at is not None
            past_due += r.is_overdue
            if r.is_open:
                age = calendar.working_days_between(day, _day(at, tz))
                over10 += age > 10
                over17 += age > 17
                over17_ext += age > 17 and r.extended_at is not None
            if r.responded_at is not None:
                wd.append(calendar.working_days_between(day, _day(r.responded_at, tz)))
                if r.extended_at is not None:
                    wd_ext.append(wd[-1])
            response = RequestResponse.objects.filter(request=r).first()
            if response is not None:
                decisions[response.decision] += 1
                target = {"rejected": refusal, "partially_granted": partial}.get(response.decision)
                for letter in response.exemption_grounds if target is not None else []:
                    target[letter] += 1
    objections, timeliness, grounds, outcomes = 0, Counter(), Counter(), Counter()
    with time_machine.travel(at, tick=False):
        for o in Objection.objects.filter(agency_id__in=ids).select_related("agency", "request"):
            tz = o.agency.tzinfo
            if not start <= _day(o.received_at, tz) <= end or (
                unit is not None and o.request.unit_id != unit.pk
            ):
                continue
            objections += 1
            grounds.update(o.grounds)
            if o.outcome:
                outcomes[o.outcome] += 1
            if o.state == "withdrawn":
                timeliness["not_applicable"] += 1
            elif o.decided_at is not None:
                timeliness["on_time" if _day(o.decided_at, tz) <= o.due_date else "late"] += 1
            elif o.state in OPEN_OBJECTION_STATES and _day(at, tz) > o.due_date:
                timeliness["late"] += 1
            else:
                timeliness["pending"] += 1
    disputes = Counter(
        d.result or "pending"
        for d in Dispute.objects.filter(agency_id__in=ids).select_related("objection__request")
        if start <= d.filed_on <= end and (unit is None or d.objection.request.unit_id == unit.pk)
    )
    answered = len(wd)
    return {
        "received": sum(received.values()),
        "by_state": +received,
        "pending_past_due": past_due,
        "answered": answered,
        "decisions": +decisions,
        "refusal_grounds": +refusal,
        "partial_grounds": +partial,
        "extensions": extended,
        "response_time": {
            "median": _rank(wd, Fraction(1, 2)),
            "p90": _rank(wd, Fraction(9, 10)),
            "max": max(wd) if wd else None,
            "within_10_share": _share(sum(d <= 10 for d in wd), answered + over10),
            "within_17_share": _share(sum(d <= 17 for d in wd_ext), len(wd_ext) + over17_ext),
        },
        "objections": {
            "received": objections,
            "by_ground": +grounds,
            "by_outcome": +outcomes,
            "response_timeliness": +timeliness,
        },
        "disputes": +disputes,
    }


def recount_complaints(agencies, unit, start, end, at):
    ids = [a.pk for a in agencies]
    out = {k: Counter() for k in ("category", "state", "verification", "followup", "resolution", "rating")}
    for c in Complaint.objects.filter(agency_id__in=ids).select_related("agency"):
        tz = c.agency.tzinfo
        today = _day(at, tz)
        if not start <= _day(c.received_at, tz) <= end or (unit is not None and c.unit_id != unit.pk):
            continue
        out["category"][c.category] += 1
        out["state"][c.state] += 1
        acted = c.dispositioned_at or c.archived_at
        if acted is not None:
            verification = "on_time" if _day(acted, tz) <= c.verify_due else "late"
        else:
            verification = "late" if today > c.verify_due else "pending"
        if c.followup_due is None:
            followup = "not_applicable"
        elif c.state == "dispositioned":
            followup = "late" if today > c.followup_due else "pending"
        elif c.responded_at is not None:
            followup = "on_time" if _day(c.responded_at, tz) <= c.followup_due else "late"
        else:
            followup = "not_applicable"
        if c.state == "archived":
            resolution = "not_applicable"
        elif c.completed_at is not None:
            resolution = "on_time" if _day(c.completed_at, tz) <= c.resolution_due else "late"
        else:
            resolution = "late" if today > c.resolution_due else "pending"
        out["verification"][verification] += 1
        out["followup"][followup] += 1
        out["resolution"][resolution] += 1
        if c.rating:
            out["rating"][str(c.rating)] += 1
    return {key: +counter for key, counter in out.items()}
