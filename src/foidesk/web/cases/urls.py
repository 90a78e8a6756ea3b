from django.urls import path

from foidesk.web.cases import statistics, views

app_name = "cases"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("cases/", views.case_list, name="list"),
    path("statistics/", statistics.statistics, name="statistics"),
    path("cases/new/", views.case_new, name="new"),
    path("cases/<str:reference>/", views.case_detail, name="detail"),
    path("cases/<str:reference>/parts/<int:position>/decision/", views.decision_edit, name="decision"),
    path("cases/<str:reference>/clock/", views.clock_event_new, name="clock"),
]
