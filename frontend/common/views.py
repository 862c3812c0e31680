"""The site-wide pages: the home page, the due-date calculator and the language switch."""

from django.shortcuts import render

from accounts import services as account_services
from dip.links import item_public_url
from dip.selectors import latest_serta_merta
from workcalendar.calendar import compute_due_date

from .forms import DueDateForm

# How many serta merta items the home page lists (the register has the rest).
HOME_SERTA_MERTA = 5


def home(request):
    """The site's home: the visitor's rights and, first, the latest serta merta information (Pasal 10), which open
    pages also receive live (`dip.live`)."""
    serta_merta = [(item, item_public_url(item)) for item in latest_serta_merta(limit=HOME_SERTA_MERTA)]
    return render(request, "frontend/home.html", {"serta_merta": serta_merta})


def due_date_calculator(request):
    form = DueDateForm(request.GET or None)
    result = None
    if request.GET and form.is_valid():
        result = compute_due_date(
            start=form.cleaned_data["start"],
            working_days=form.cleaned_data["working_days"],
            agency=form.cleaned_data["agency"],
            party=form.cleaned_data["party"] or "agency",
        )
    return render(request, "frontend/due_date.html", {"form": form, "result": result})


def set_language(request):
    """Django's language switch; a logged-in user's notifications follow the choice too."""
    from django.views.i18n import set_language as django_set_language

    response = django_set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        account_services.user_set_language(user=request.user, language=request.POST.get("language", ""))
    return response
