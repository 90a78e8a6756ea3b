"""The disclosure log as an Atom feed and a sitemap."""

from __future__ import annotations

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.utils.feedgenerator import Atom1Feed

from foidesk.web.publication.models import Publication
from foidesk.web.publication.selectors import published_entries

FEED_LENGTH = 50


class DisclosureLogFeed(Feed[Publication, None]):
    feed_type = Atom1Feed
    link = "/disclosure-log/"
    subtitle = "Responses to freedom of information requests, newest first."

    def title(self) -> str:
        from django.conf import settings

        return f"{settings.FOIDESK_AUTHORITY_NAME}: disclosure log"

    def items(self) -> QuerySet[Publication]:
        return published_entries().order_by("-published_on", "-id")[:FEED_LENGTH]

    def item_title(self, item: Publication) -> str:
        return f"{item.title} ({item.reference})"

    def item_description(self, item: Publication) -> str:
        return item.summary

    def item_link(self, item: Publication) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Publication) -> dt.datetime:
        return dt.datetime.combine(item.published_on, dt.time(9, 0), tzinfo=dt.UTC)


class DisclosureLogSitemap(Sitemap[Publication]):
    changefreq = "monthly"
    limit = 10_000

    def items(self) -> QuerySet[Publication]:
        return published_entries().order_by("id").only("slug", "updated_at")

    def lastmod(self, item: Publication) -> dt.datetime:
        return item.updated_at
