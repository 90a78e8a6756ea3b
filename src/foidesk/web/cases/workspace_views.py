"""The staff workspace's lists: the overview, the case list (filters, pages, bulk assign, saved filters)
and "my work". Thin views over the selectors; writes go through services."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from foidesk.core.regime import Regime
from foidesk.core.workflow import Action
from foidesk.web.cases import permissions, selectors, services
from foidesk.web.cases.models import Channel, SavedFilter

SAVED_FILTER_NAME_MAX = 80


@require_safe
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "staff/overview.html",
        {
            "counts": selectors.case_counts(request.user, today),
            "urgent": selectors.urgent_rows(request.user, today),
            "today": today,
        },
    )


@require_safe
@login_required
@permission_required("cases.view_request", raise_exception=True)
def case_list(request: HttpRequest) -> HttpResponse:
    return _case_list_page(request, request.GET)


def _case_list_page(
    request: HttpRequest,
    params: QueryDict,
    *,
    assign_errors: list[str] | None = None,
    save_errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    case_filter = selectors.case_filter_from(params)
    page = selectors.case_page(
        selectors.filtered_cases(request.user, case_filter, today), params.get("page"), today
    )
    query = case_filter.query_string()
    return render(
        request,
        "staff/case_list.html",
        {
            "case_page": page,
            "rows": page.rows,
            "show": case_filter.show,
            "case_filter": case_filter,
            "filters": selectors.CASE_FILTERS,
            "filter_errors": case_filter.errors,
            "query": query,
            "tab_query": _without_show(case_filter),
            "officers": selectors.case_workers(),
            "regimes": [(r.value, r.name) for r in Regime],
            "channels": Channel.choices,
            "saved_filters": SavedFilter.objects.filter(user=request.user.pk or 0),
            "may_assign": request.user.has_perm("cases.change_request"),
            "assign_errors": assign_errors or [],
            "save_errors": save_errors or [],
            "today": today,
        },
        status=status,
    )


def _without_show(case_filter: selectors.CaseFilter) -> str:
    """The filter's query string without its tab, so the tabs keep the other choices."""
    return replace(case_filter, show="open").query_string()


@require_safe
@login_required
@permission_required("cases.view_request", raise_exception=True)
def my_work(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    page = selectors.case_page(selectors.my_work(request.user, today), request.GET.get("page"), today)
    return render(request, "staff/my_work.html", {"case_page": page, "rows": page.rows, "today": today})


# --- bulk assign -------------------------------------------------------------------------------------


@require_POST
@login_required
@permission_required("cases.change_request", raise_exception=True)
def cases_assign(request: HttpRequest) -> HttpResponse:
    """Assign every ticked case to one officer; cases the workflow refuses are listed, the rest assigned."""
    back = _list_params(request)
    officer = _officer_or_none(request.POST.get("officer", ""))
    references = request.POST.getlist("case")
    errors: list[str] = []
    if officer is None:
        errors.append("Choose the officer to assign the cases to.")
    if not references:
        errors.append("Tick at least one case to assign.")
    if errors:
        return _case_list_page(request, back, assign_errors=errors, status=400)
    assert officer is not None
    visible = selectors.cases_visible_to(request.user).filter(reference__in=references)
    cases = {case.reference: case for case in visible}
    assigned: list[str] = []
    for reference in references:
        case = cases.get(reference)
        if case is None:
            errors.append(f"{reference[:40]}: no case has that reference.")
            continue
        try:
            with transaction.atomic():
                permissions.action_check(request=case, action=Action.ASSIGN, actor=request.user)
                services.request_assign(request=case, officer=officer, actor=request.user)
        except services.CaseError as error:
            errors.append(f"{reference}: {error}")
        else:
            assigned.append(reference)
    name = officer.get_full_name() or officer.get_username()
    if assigned:
        count = len(assigned)
        messages.success(request, f"{count} case{'s' if count != 1 else ''} assigned to {name}.")
    if errors:
        return _case_list_page(request, back, assign_errors=errors)
    return HttpResponseRedirect(f"/staff/cases/?{back.urlencode()}" if back else "/staff/cases/")


def _officer_or_none(raw: str) -> User | None:
    if not raw.isdigit():
        return None
    return selectors.case_workers().filter(pk=int(raw)).first()


def _list_params(request: HttpRequest) -> QueryDict:
    """The case list's filter, carried through a POST in a hidden field, validated again."""
    raw = QueryDict(request.POST.get("filter", ""))
    query = QueryDict(selectors.case_filter_from(raw).query_string(), mutable=True)
    if raw.get("page", "").isdigit():
        query["page"] = raw["page"]
    return query


# --- saved filters -----------------------------------------------------------------------------------


@require_POST
@login_required
@permission_required("cases.view_request", raise_exception=True)
def saved_filter_new(request: HttpRequest) -> HttpResponse:
    """Save the current filter under a name (a name used before is replaced)."""
    raw = QueryDict(request.POST.get("filter", ""))
    case_filter = selectors.case_filter_from(raw)
    name = " ".join(request.POST.get("name", "").split())
    errors = list(case_filter.errors)
    if not name:
        errors.append("Give the filter a name.")
    elif len(name) > SAVED_FILTER_NAME_MAX:
        errors.append(f"Give the filter a name of at most {SAVED_FILTER_NAME_MAX} characters.")
    if errors:
        return _case_list_page(request, raw, save_errors=errors, status=400)
    assert isinstance(request.user, User)
    saved = saved_filter_save(user=request.user, name=name, case_filter=case_filter)
    messages.success(request, f"Filter “{saved.name}” saved.")
    return HttpResponseRedirect(saved.get_absolute_url())


@require_http_methods(["POST"])
@login_required
def saved_filter_delete(request: HttpRequest, filter_id: int) -> HttpResponse:
    deleted, _ = SavedFilter.objects.filter(pk=filter_id, user=request.user.pk or 0).delete()
    if deleted:
        messages.success(request, "Saved filter deleted.")
    return HttpResponseRedirect("/staff/cases/")


def saved_filter_save(*, user: User, name: str, case_filter: selectors.CaseFilter) -> SavedFilter:
    """A member of staff's own list setting: not case data, so not in the case audit trail."""
    saved, _ = SavedFilter.objects.update_or_create(
        user=user, name=name, defaults={"query": case_filter.query_string()}
    )
    return saved
