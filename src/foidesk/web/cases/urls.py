from django.urls import path

from foidesk.web.cases import (
    event_views,
    intake_views,
    records_views,
    release_views,
    review_views,
    statistics,
    views,
    workspace_views,
)

app_name = "cases"

urlpatterns = [
    path("", workspace_views.overview, name="overview"),
    path("cases/", workspace_views.case_list, name="list"),
    path("statistics/", statistics.statistics, name="statistics"),
    path("cases/new/", views.case_new, name="new"),
    path("cases/<str:reference>/", views.case_detail, name="detail"),
    path("cases/<str:reference>/parts/<int:position>/decision/", views.decision_edit, name="decision"),
    path("cases/<str:reference>/clock/", views.clock_event_new, name="clock"),
    path("cases/<str:reference>/parts/<int:position>/answers/new/", views.answer_new, name="answer-new"),
    path("cases/<str:reference>/parts/<int:position>/summaries/", views.summaries_check, name="summaries"),
    path("cases/<str:reference>/parts/", views.parts_edit, name="parts"),
    path("cases/<str:reference>/documents/", release_views.document_upload, name="document-upload"),
    path("cases/<str:reference>/answers/attach/", release_views.answers_attach_view, name="answers-attach"),
    path(
        "cases/<str:reference>/documents/<int:document_id>/", release_views.document_detail, name="document"
    ),
    path(
        "cases/<str:reference>/documents/<int:document_id>/download",
        release_views.document_download,
        name="document-download",
    ),
    path(
        "cases/<str:reference>/documents/<int:document_id>/<slug:action>",
        release_views.document_action,
        name="document-action",
    ),
    path("cases/<str:reference>/publish/", event_views.publish, name="publish"),
    path("cases/<str:reference>/events/<slug:event_slug>/", event_views.case_event, name="event"),
    path("mail/", event_views.sent_mail, name="sent-mail"),
    path("mail/<int:email_id>/", event_views.sent_mail_detail, name="sent-mail-detail"),
    path("mail/<int:email_id>/retry/", event_views.sent_mail_retry, name="sent-mail-retry"),
    path("cases/<str:reference>/letter.<slug:fmt>", release_views.letter, name="letter"),
    path("cases/<str:reference>/reviews/new/", review_views.review_new, name="review-new"),
    path("cases/<str:reference>/reviews/<int:review_id>/", review_views.review_detail, name="review"),
    path("cases/<str:reference>/appeals/new/", review_views.appeal_new, name="appeal-new"),
    path("cases/<str:reference>/appeals/<int:appeal_id>/", review_views.appeal_detail, name="appeal"),
    path("inbox/", intake_views.inbox, name="inbox"),
    path("inbox/upload/", intake_views.inbox_upload, name="inbox-upload"),
    path("inbox/<int:inbound_id>/", intake_views.inbox_message, name="inbox-message"),
    path("inbox/<int:inbound_id>/raw", intake_views.inbox_raw, name="inbox-raw"),
    path(
        "inbox/<int:inbound_id>/attachments/<int:position>",
        intake_views.inbox_attachment,
        name="inbox-attachment",
    ),
    path("my-work/", workspace_views.my_work, name="my-work"),
    path("assignments/", workspace_views.cases_assign, name="assign"),
    path("saved-filters/", workspace_views.saved_filter_new, name="saved-filter-new"),
    path(
        "saved-filters/<int:filter_id>/delete",
        workspace_views.saved_filter_delete,
        name="saved-filter-delete",
    ),
    path("cases/<str:reference>/parts/<int:position>/records/", records_views.records_list, name="records"),
    path(
        "cases/<str:reference>/parts/<int:position>/answers/<int:answer_id>/",
        views.answer_detail,
        name="answer",
    ),
]
