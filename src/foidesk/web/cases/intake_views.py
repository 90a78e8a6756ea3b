"""The inbox: messages received by email, uploading an .eml, and one message with its files.

Thin views over web/cases/intake.py: every one asks its permission check (case work only) and
answers 403 with its message to a role that may not receive requests (a publisher, say).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import filesizeformat
from django.views.decorators.http import require_http_methods, require_safe

from foidesk.web.cases.intake import inbound_email_receive, intake_check
from foidesk.web.cases.models import InboundEmail
from foidesk.web.cases.permissions import NotPermitted
from foidesk.web.forms import GovukFormMixin

INBOX_PAGE_SIZE = 50

View = Callable[..., HttpResponseBase]


def intake_required(view: View) -> View:
    """Sign-in, then the service's permission check: a role that may not receive email gets 403 and why."""

    @wraps(view)
    def checked(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        try:
            intake_check(request.user)
        except NotPermitted as error:
            return render(request, "staff/inbox_forbidden.html", {"reason": str(error)}, status=403)
        return view(request, *args, **kwargs)

    return login_required(checked)


class EmailUploadForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Email file",
        help_text="An email saved as an .eml file (in Outlook: File, Save As, or drag it to a folder).",
        error_messages={
            "required": "Choose an .eml file to upload.",
            "empty": "The file is empty: save the email again and upload it.",
        },
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit: int = settings.FOIDESK_MAX_EMAIL_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                f"The file is larger than {filesizeformat(limit)}: the most an email may be."
            )
        return upload


@require_safe
@intake_required
def inbox(request: HttpRequest) -> HttpResponse:
    page = Paginator(InboundEmail.objects.select_related("request", "uploaded_by"), INBOX_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "staff/inbox.html", {"page": page})


@require_http_methods(["GET", "POST"])
@intake_required
def inbox_upload(request: HttpRequest) -> HttpResponse:
    # Bound on every POST, even an empty one: "no file chosen" is an error to show, not a blank form.
    form = EmailUploadForm(request.POST, request.FILES) if request.method == "POST" else EmailUploadForm()
    kept: InboundEmail | None = None
    if form.is_bound and form.is_valid():
        upload: UploadedFile = form.cleaned_data["file"]
        inbound = inbound_email_receive(
            raw=upload.read(), source=InboundEmail.Source.UPLOAD, actor=request.user
        )
        if inbound.status == InboundEmail.ParseStatus.OPENED and inbound.request is not None:
            messages.success(
                request,
                f"Case {inbound.request.reference} opened from the email. Check the parts FOI Desk found.",
            )
            return HttpResponseRedirect(inbound.request.get_absolute_url())
        if inbound.status == InboundEmail.ParseStatus.IGNORED:
            messages.warning(request, inbound.error)
            return HttpResponseRedirect(_inbound_url(inbound))
        kept = inbound
        form.add_error(
            "file", f"The email could not be opened as a case. {inbound.error} The message has been kept."
        )
    return render(request, "staff/inbox_upload.html", {"form": form, "kept": kept})


@require_safe
@intake_required
def inbox_message(request: HttpRequest, inbound_id: int) -> HttpResponse:
    inbound = get_object_or_404(InboundEmail.objects.select_related("request", "uploaded_by"), pk=inbound_id)
    return render(request, "staff/inbox_message.html", {"inbound": inbound})


@require_safe
@intake_required
def inbox_raw(request: HttpRequest, inbound_id: int) -> FileResponse:
    inbound = get_object_or_404(InboundEmail, pk=inbound_id)
    return FileResponse(
        inbound.raw.open("rb"),
        as_attachment=True,
        filename=f"message-{inbound.pk}.eml",
        content_type="message/rfc822",
    )


@require_safe
@intake_required
def inbox_attachment(request: HttpRequest, inbound_id: int, position: int) -> FileResponse:
    """An attachment as it arrived, always as a download: never shown in the browser, whatever it claims."""
    inbound = get_object_or_404(InboundEmail, pk=inbound_id)
    if not 1 <= position <= len(inbound.attachments):
        raise Http404("No such attachment on this message.")
    attachment = inbound.attachments[position - 1]
    return FileResponse(
        default_storage.open(attachment["path"], "rb"),
        as_attachment=True,
        filename=attachment["filename"],
        content_type="application/octet-stream",
    )


def _inbound_url(inbound: InboundEmail) -> str:
    return f"/staff/inbox/{inbound.pk}/"
