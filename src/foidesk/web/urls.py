"""Addresses of FOI Desk (../shared/DESIGN.md, "Addresses")."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView

from foidesk.web import health
from foidesk.web.accounts import views as account_views
from foidesk.web.api.reference import api_reference
from foidesk.web.api.urls import api
from foidesk.web.cases.public_views import make_a_request, request_received
from foidesk.web.publication import views as public_views
from foidesk.web.publication.feeds import DisclosureLogSitemap
from foidesk.web.security import brand_css, brand_icon

# HTML for people, JSON under /api/ (web/errors.py).
handler400 = "foidesk.web.errors.bad_request"
handler403 = "foidesk.web.errors.permission_denied"
handler404 = "foidesk.web.errors.page_not_found"
handler500 = "foidesk.web.errors.server_error"

admin.site.site_header = "FOI Desk administration"
admin.site.site_title = "FOI Desk"

urlpatterns = [
    path("", RedirectView.as_view(url="/disclosure-log/", permanent=False)),
    path("disclosure-log/", include("foidesk.web.publication.urls")),
    path("make-a-request/", make_a_request, name="make-a-request"),
    path("make-a-request/received/<str:receipt>/", request_received, name="make-a-request-received"),
    path("cookies/", public_views.cookies, name="cookies"),
    path("accessibility/", public_views.accessibility, name="accessibility"),
    path("sitemap.xml", sitemap, {"sitemaps": {"disclosure-log": DisclosureLogSitemap}}, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
    path("brand.css", brand_css, name="brand-css"),
    path("favicon.svg", brand_icon, name="brand-icon"),
    path("favicon.ico", RedirectView.as_view(url="/favicon.svg", permanent=True)),
    path("staff/sign-in/", account_views.SignInView.as_view(), name="sign-in"),
    path("staff/sign-in/code/", account_views.sign_in_code, name="sign-in-code"),
    path("staff/sign-out/", account_views.sign_out, name="sign-out"),
    path("staff/account/two-factor/", account_views.two_factor, name="account-two-factor"),
    path("staff/account/password/", account_views.PasswordChangeView.as_view(), name="account-password"),
    path("staff/", include("foidesk.web.cases.urls")),
    path("api/v1/docs", api_reference, name="api-reference"),
    path("api/v1/", api.urls),
    # The admin signs in and out through the staff pages (two-factor, lockout, audit).
    path("admin/login/", account_views.admin_sign_in),
    path("admin/logout/", account_views.sign_out),
    path("admin/password_change/", RedirectView.as_view(url="/staff/account/password/", permanent=False)),
    path("admin/", admin.site.urls),
]
