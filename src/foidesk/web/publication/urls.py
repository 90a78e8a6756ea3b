from django.urls import path

from foidesk.web.publication import views
from foidesk.web.publication.feeds import DisclosureLogFeed, TopicFeed

app_name = "publication"

urlpatterns = [
    path("", views.disclosure_log, name="log"),
    path("feed.atom", DisclosureLogFeed(), name="feed"),
    path("topic.atom", TopicFeed(), name="topic-feed"),
    path("<slug:slug>/", views.disclosure_entry, name="entry"),
    path(
        "<slug:slug>/files/<int:attachment_id>/<str:filename>", views.attachment_download, name="attachment"
    ),
]
