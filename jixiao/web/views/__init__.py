"""The views, one module per page family; each module exposes `router`."""

from jixiao.web.views import api, auth, data, findings, home, indicators, log, report, settings

VIEWS = [auth.router, home.router, settings.router, data.router, findings.router, indicators.router,
         report.router, log.router, api.router]
