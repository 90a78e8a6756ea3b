"""The disclosure log as an Atom feed and a sitemap."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Atom1Feed

from foidesk.web.publication.models import Publication
from foidesk.web.publication.selectors import published_entries, topic_entries

FEED_LENGTH = 50
MAX_TOPIC_LENGTH = 100


def _log_title() -> str:
    from django.conf import settings

    return f"{settings.FOIDESK_AUTHORITY_NAME}: disclosure log"


class _EntryItems:
    """How an entry reads in a feed."""

    def item_title(self, item: Publication) -> str:
        return f"{item.title} ({item.reference})"

    def item_description(self, item: Publication) -> str:
        return item.summary

    def item_link(self, item: Publication) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Publication) -> dt.datetime:
        return dt.datetime.combine(item.published_on, dt.time(9, 0), tzinfo=dt.UTC)


class DisclosureLogFeed(_EntryItems, Feed[Publication, None]):
    feed_type = Atom1Feed
    link = "/disclosure-log/"
    subtitle = "Responses to freedom of information requests, newest first."

    def title(self) -> str:
        return _log_title()

    def items(self) -> QuerySet[Publication]:
        return published_entries().order_by("-published_on", "-id")[:FEED_LENGTH]


class TopicFeed(_EntryItems, Feed[Publication, str]):
    """The entries under one topic (``?topic=stop and search``): follow a subject, not the whole log.
    A topic no published entry has is a 404, so the address cannot be used to probe for others."""

    feed_type = Atom1Feed
    subtitle = "Responses to freedom of information requests on one topic, newest first."

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> str:
        topic = request.GET.get("topic", "").strip()
        if not topic or "\x00" in topic or len(topic) > MAX_TOPIC_LENGTH:
            raise Http404("No published entry has that topic.")
        if not topic_entries(topic).exists():
            raise Http404("No published entry has that topic.")
        return topic

    def title(self, obj: str) -> str:
        return f"{_log_title()}: {obj}"

    def link(self, obj: str) -> str:
        return f"/disclosure-log/?{urlencode({'topic': obj})}"

    def items(self, obj: str) -> QuerySet[Publication]:
        return topic_entries(obj).order_by("-published_on", "-id")[:FEED_LENGTH]


class DisclosureLogSitemap(Sitemap[Publication]):
    changefreq = "monthly"
    limit = 10_000

    def items(self) -> QuerySet[Publication]:
        return published_entries().order_by("id").only("slug", "updated_at")

    def lastmod(self, item: Publication) -> dt.datetime:
        return item.updated_at
