"""FOI Desk's addresses and ``/bare/``: a Django view that does nothing but answer (the load baseline)."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bare/", bare), path("", include("foidesk.web.urls"))]
