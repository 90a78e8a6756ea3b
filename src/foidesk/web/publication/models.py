"""The public disclosure log: what has been published, frozen as it was published.

A Publication is a snapshot taken when a response is published: the request as asked, the
answer per part, the exemptions relied on and copies of the released files. The public site
reads nothing else, so nothing on a case that is not yet published can reach it.
"""

from __future__ import annotations

from django.db import models


class PublicationQuerySet(models.QuerySet["Publication"]):
    def published(self) -> PublicationQuerySet:
        return self.filter(is_published=True)


class Publication(models.Model):
    reference = models.CharField(max_length=40, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    regime = models.CharField(max_length=10, default="foia")
    request_text = models.TextField(
        help_text="The request as the requester asked it, with personal details removed."
    )
    response_text = models.TextField(
        blank=True, help_text="The response, as sent, without the requester's details."
    )
    parts = models.JSONField(
        default=list,
        blank=True,
        help_text='Each part as published: {"label", "text", "outcome", "answer", "exemptions"}.',
    )
    topics = models.JSONField(default=list, blank=True)
    outcomes = models.JSONField(default=list, blank=True)
    exemptions = models.JSONField(default=list, blank=True, help_text='Codes such as "s.40(2)".')
    received_on = models.DateField(null=True, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(db_index=True)
    is_published = models.BooleanField(default=True)
    withdrawn_reason = models.TextField(blank=True)
    is_synthetic = models.BooleanField(default=False, help_text="Demonstration data, not a real response.")
    points_to = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="pointed_from",
        help_text="Earlier publications this response directs the reader to (s.21).",
    )
    related = models.JSONField(
        null=True,
        blank=True,
        help_text="References of related entries, found when it was published (null: not yet looked for).",
    )
    attachments_text = models.TextField(
        blank=True,
        default="",
        editable=False,
        help_text="The words of the published files, for search (filled after publication).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["is_published", "-published_on"], name="pub_published_idx")]
        permissions = [("publish_response", "Can publish a response to the disclosure log")]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return f"/disclosure-log/{self.slug}/"


def attachment_path(instance: PublishedAttachment, filename: str) -> str:
    return f"published/{instance.publication.slug}/{filename}"


class PublishedAttachment(models.Model):
    """A released file, copied at publication time after it passed the release gate."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=attachment_path, max_length=300)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class LogVersion(models.Model):
    """One row: a number the database raises on every write to the log (an entry published, withdrawn,
    republished or re-indexed; its files; the earlier answers it points to), by triggers of migration
    0006, whoever writes. Entry pages are cached under it (page_cache.py): a page rendered before a
    change is never served after it."""

    generation = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"log version {self.generation}"


class SearchEntry(models.Model):
    """PostgreSQL: a published entry's narrow search row (migration 0007), kept in step with the entry by a
    trigger, whoever writes it: its id, publication date, filter values and, in a ``document`` tsvector
    column Django does not model, the entry's ``search_vector``. A search walks and tests these ~0.8 KB
    rows, with their own GIN index, instead of the 1.9 KB rows of the log itself, and counts its filters
    from them. Empty on SQLite, whose FTS5 index is already narrow."""

    id = models.BigIntegerField(primary_key=True)
    published_on = models.DateField()
    topics = models.JSONField(default=list)
    outcomes = models.JSONField(default=list)
    exemptions = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"search entry {self.pk}"
