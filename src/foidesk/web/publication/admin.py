from __future__ import annotations

from django.contrib import admin

from foidesk.web.publication.models import Publication, PublishedAttachment


class AttachmentInline(admin.TabularInline[PublishedAttachment, Publication]):
    model = PublishedAttachment
    extra = 0
    readonly_fields = ("sha256", "size")


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin[Publication]):
    list_display = ("reference", "title", "published_on", "is_published", "is_synthetic")
    list_filter = ("is_published", "is_synthetic")
    search_fields = ("reference", "title")
    inlines = [AttachmentInline]
