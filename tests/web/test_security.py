"""Headers on every page type (web/security.py, settings.CONTENT_SECURITY_POLICY), over real HTTP."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "src/foidesk/web/templates"
PUBLIC_PAGES = [
    "/disclosure-log/",
    "/disclosure-log/?q=taser",
    "/disclosure-log/?q=nothing+matches+xylophone",
    "/disclosure-log/an-entry/",
    "/disclosure-log/feed.atom",
    "/disclosure-log/no-such-entry/",
    "/make-a-request/",
    "/cookies/",
    "/accessibility/",
    "/sitemap.xml",
    "/api/v1/docs",
    "/api/v1/explorer",
    "/api/v1/openapi.json",
    "/api/v1/disclosures?q=taser",
    "/staff/sign-in/",
    "/brand.css",
    "/favicon.svg",
    "/healthz",
]


def _directives(header: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_has_a_strict_csp_and_a_permissions_policy(client: Client, url: str) -> None:
    PublicationFactory(slug="an-entry", title="Taser use")
    response = client.get(url)
    assert response.status_code in (200, 404)
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "*" not in policy
    directives = _directives(policy)
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"] and directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"] and directives["object-src"] == ["'none'"]
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_pages_carry_no_inline_script_or_style_and_the_api_docs_no_third_party_script(client: Client) -> None:
    PublicationFactory(slug="an-entry")
    for url in PUBLIC_PAGES:
        body = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")", body), url
        assert "<style" not in body and " style=" not in body, url
        assert "cdn" not in body.lower() and "https://" not in re.sub(r'href="https://[^"]*"', "", body), url
    docs = client.get("/api/v1/explorer").content.decode()
    assert '<html lang="en-GB">' in docs and "/static/ninja/swagger-ui-bundle.js" in docs


def test_no_template_has_inline_script_or_style() -> None:
    for template in TEMPLATES.rglob("*.html"):
        if "email" in template.parts:
            continue  # e-mail bodies, not pages
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")", text), template
        assert "<style" not in text and "style=" not in text, template


def test_the_brand_colour_comes_from_a_stylesheet_and_only_a_hex_colour_gets_in(
    client: Client, settings: Any
) -> None:
    settings.FOIDESK_BRAND_COLOUR = "#123abc"
    assert client.get("/brand.css").content.decode().strip() == ":root { --brand: #123abc; }"
    settings.FOIDESK_BRAND_COLOUR = "red; } body { background: url(https://evil.example/) "
    css = client.get("/brand.css").content.decode()
    assert "evil" not in css and "#0b2d6b" in css
    assert '<link rel="stylesheet" href="/brand.css">' in client.get("/cookies/").content.decode()


def test_the_tab_icon_is_drawn_in_the_brand_colour_and_the_browsers_own_request_for_it_is_sent_there(
    client: Client, settings: Any
) -> None:
    settings.FOIDESK_BRAND_COLOUR = "#123abc"
    icon = client.get("/favicon.svg")
    assert icon.status_code == 200 and icon["Content-Type"] == "image/svg+xml"
    assert 'fill="#123abc"' in icon.content.decode() and "<script" not in icon.content.decode()
    settings.FOIDESK_BRAND_COLOUR = 'red" onload="alert(1)'
    assert 'fill="#0b2d6b"' in client.get("/favicon.svg").content.decode()
    assert client.get("/favicon.ico")["Location"] == "/favicon.svg"
    link = '<link rel="icon" href="/favicon.svg" type="image/svg+xml">'
    for page in ("/cookies/", "/staff/sign-in/"):
        assert link in client.get(page).content.decode()


def test_hsts_is_sent_when_the_setting_asks_over_https(client: Client, settings: Any) -> None:
    assert "Strict-Transport-Security" not in client.get("/cookies/", secure=True).headers
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # SecurityMiddleware reads its settings when it is loaded: a new client loads it afresh.
    header = Client().get("/cookies/", secure=True).headers["Strict-Transport-Security"]
    assert header == "max-age=31536000; includeSubDomains"
