"""The disclosure log in the admin: shown, never edited. Publishing and withdrawing go through
cases/publishing.py (audited); a published attachment's file is never replaced, so that what the
public downloaded is what the trail records (its SHA-256)."""

from __future__ import annotations

from django.contrib import admin

from foidesk.web.audit.admin import ReadOnlyAdmin, ReadOnlyInline
from foidesk.web.publication.models import Publication, PublishedAttachment


class AttachmentInline(ReadOnlyInline[PublishedAttachment, Publication]):
    model = PublishedAttachment
    fields = ("position", "title", "filename", "content_type", "size", "sha256")


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin[Publication]):
    list_display = ("reference", "title", "published_on", "is_published", "is_synthetic")
    list_filter = ("is_published", "is_synthetic")
    search_fields = ("reference", "title")
    inlines = [AttachmentInline]


@admin.register(PublishedAttachment)
class PublishedAttachmentAdmin(ReadOnlyAdmin[PublishedAttachment]):
    list_display = ("publication", "title", "filename", "size", "sha256")
    fields = ("publication", "position", "title", "filename", "content_type", "size", "sha256")
