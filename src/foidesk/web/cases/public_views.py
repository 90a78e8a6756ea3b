"""The public's way in: the request form at /make-a-request/, then its confirmation (post-redirect-get)."""

from __future__ import annotations

import secrets

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from foidesk.web.cases import services
from foidesk.web.cases.forms import PublicRequestForm
from foidesk.web.cases.models import Request

# The confirmation's address carries the reference signed, so that only the sender's browser (which
# was redirected there) can show it; it says nothing but the reference and the due date.
RECEIPT_SALT = "foidesk.public-request-receipt"
RECEIPT_MAX_AGE_SECONDS = 24 * 3600


@require_http_methods(["GET", "POST"])
def make_a_request(request: HttpRequest) -> HttpResponse:
    form = PublicRequestForm(request.POST or None, initial={"submission": secrets.token_urlsafe(24)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case, _created = services.public_request_submit(
            token=data["submission"], name=data["name"], email=data["email"], text=data["request"]
        )
        receipt = signing.dumps(case.reference, salt=RECEIPT_SALT)
        return HttpResponseRedirect(reverse("make-a-request-received", args=[receipt]))
    return render(request, "public/make_a_request.html", {"form": form})


@require_safe
def request_received(request: HttpRequest, receipt: str) -> HttpResponse:
    try:
        reference = signing.loads(receipt, salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE_SECONDS)
    except signing.BadSignature as error:
        raise Http404("No such confirmation.") from error
    case = Request.objects.filter(reference=reference).first()
    if case is None:
        raise Http404("No such confirmation.")
    return render(request, "public/request_received.html", {"case": case})
