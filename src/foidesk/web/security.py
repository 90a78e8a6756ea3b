"""Response headers every page carries, beyond Django's own (settings.py sets those).

The Content-Security-Policy itself comes from django-csp (settings.CONTENT_SECURITY_POLICY): no inline
script or style anywhere, so templates load every script and stylesheet from /static/ and the brand
colour comes from /brand.css. This module adds the Permissions-Policy, which Django does not send.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

# Browser features the site never uses, switched off for it and anything it might embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
# A brand colour is a CSS hex colour and nothing else: it is written into a stylesheet.
BRAND_COLOUR = re.compile(r"#(?:[0-9A-Fa-f]{3}){1,2}")
DEFAULT_BRAND_COLOUR = "#0b2d6b"
BRAND_CSS_MAX_AGE = 60 * 60


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def brand_colour() -> str:
    """settings.FOIDESK_BRAND_COLOUR if it is a hex colour, else the default (fails closed)."""
    colour = str(settings.FOIDESK_BRAND_COLOUR)
    return colour if BRAND_COLOUR.fullmatch(colour) else DEFAULT_BRAND_COLOUR


@require_safe
def brand_css(request: HttpRequest) -> HttpResponse:
    """The authority's colour as a stylesheet (a style attribute would need 'unsafe-inline')."""
    response = HttpResponse(
        f":root {{ --brand: {brand_colour()}; }}\n", content_type="text/css; charset=utf-8"
    )
    response["Cache-Control"] = f"public, max-age={BRAND_CSS_MAX_AGE}"
    return response


@require_safe
def brand_icon(request: HttpRequest) -> HttpResponse:
    """The site's icon (a page with its corner turned) in the authority's colour, for the browser's tab."""
    colour = brand_colour()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<path d="M7 2h13l7 7v21H7z" fill="{colour}"/>'
        '<path d="M20 2v7h7" fill="#ffffff" fill-opacity="0.6"/>'
        '<path d="M11 15h12M11 19h12M11 23h8" stroke="#ffffff" stroke-width="2"/></svg>\n'
    )
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = f"public, max-age={BRAND_CSS_MAX_AGE}"
    return response
