"""The survey's pieces on pages whose views stay untouched: the case pages' offer for the viewer, and the IKM
table of an agency (statistics page, dashboard)."""

from django import template

from skm.ikm import DEFINITION, SMALL_SAMPLE, SMALL_SAMPLE_WARNING, ikm_table, suggestions_for_staff
from skm.selectors import survey_offer as offer_for

register = template.Library()


@register.simple_tag
def survey_offer(case, user):
    return offer_for(case, user)


@register.simple_tag
def ikm_summary(agency, first_year=None, last_year=None) -> dict:
    """The IKM rows of an agency (the years from `first_year` to `last_year` when given), its definition."""
    rows = [
        row
        for row in ikm_table(agency)
        if (first_year is None or row.year >= first_year) and (last_year is None or row.year <= last_year)
    ]
    return {
        "rows": rows,
        "definition": DEFINITION,
        "small_sample": any(row.small_sample for row in rows),
        "warning": SMALL_SAMPLE_WARNING % {"n": SMALL_SAMPLE},
    }


@register.simple_tag
def survey_suggestions(agency) -> list[dict]:
    """For the auditors' dashboard only: the suggestions without case or person."""
    return suggestions_for_staff(agency)
