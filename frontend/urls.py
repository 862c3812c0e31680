"""Every page's route, in the one `frontend` namespace: each area's package lists its own (url names are flat,
`frontend:<name>`, whichever package a page is in)."""

from .accounts import urls as accounts
from .common import urls as common
from .complaints import urls as complaints
from .dashboard import urls as dashboard
from .dip import urls as dip
from .letters import urls as letters
from .manage import urls as manage
from .notifications import urls as notifications
from .objections import urls as objections
from .requests import urls as requests
from .skm import urls as skm
from .standards import urls as standards
from .stats import urls as stats
from .work import urls as work

app_name = "frontend"

urlpatterns = [
    *common.urlpatterns,
    *accounts.urlpatterns,
    *work.urlpatterns,
    *notifications.urlpatterns,
    *manage.urlpatterns,
    *requests.urlpatterns,
    *objections.urlpatterns,
    *complaints.urlpatterns,
    *stats.urlpatterns,
    *dashboard.urlpatterns,
    *letters.urlpatterns,
    *dip.urlpatterns,
    *standards.urlpatterns,
    *skm.urlpatterns,
]
