"""The public's way in: the request form at /make-a-request/."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from foidesk.web.cases import services
from foidesk.web.cases.forms import PublicRequestForm
from foidesk.web.cases.models import Channel


@require_http_methods(["GET", "POST"])
def make_a_request(request: HttpRequest) -> HttpResponse:
    form = PublicRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = services.request_open(
            text=data["request"],
            requester_name=data["name"],
            requester_email=data["email"],
            received_on=timezone.localdate(),
            channel=Channel.WEB,
            actor=None,
        )
        return render(request, "public/request_received.html", {"case": case}, status=201)
    return render(request, "public/make_a_request.html", {"form": form})
