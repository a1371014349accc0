from django.urls import path

from reports.council import (
    council_views,
    document_views,
    plan_item_views,
    plan_views,
    views,
    year_plan_views,
)

urlpatterns = [
    path("", council_views.CouncilIndex.as_view(), name="council_index"),
    path(
        "tertial/<int:pk>/priorities/new/", views.PriorityCreate.as_view(), name="priority_create"
    ),
    path("priorities/<int:pk>/delete/", views.PriorityDelete.as_view(), name="priority_delete"),
    path("<municipality:code>/", council_views.CouncilPage.as_view(), name="council"),
    path("<municipality:code>/plans/", plan_views.PlanList.as_view(), name="action_plan_list"),
    path(
        "<municipality:code>/plans/new/",
        plan_views.PlanCreate.as_view(),
        name="action_plan_create",
    ),
    path("plans/<int:pk>/", plan_views.PlanDetail.as_view(), name="action_plan"),
    path("plans/<int:pk>/pdf/", plan_views.PlanPdf.as_view(), name="action_plan_pdf"),
    path("plans/<int:pk>/goals/new/", plan_views.GoalCreate.as_view(), name="plan_goal_create"),
    path(
        "plans/<int:pk>/goals/<int:goal>/edit/",
        plan_item_views.GoalEdit.as_view(),
        name="plan_goal_edit",
    ),
    path(
        "plans/<int:pk>/goals/<int:goal>/remove/",
        plan_item_views.GoalRemove.as_view(),
        name="plan_goal_remove",
    ),
    path(
        "plans/<int:pk>/activities/<int:activity>/edit/",
        plan_item_views.ActivityEdit.as_view(),
        name="plan_activity_edit",
    ),
    path(
        "plans/<int:pk>/activities/<int:activity>/remove/",
        plan_item_views.ActivityRemove.as_view(),
        name="plan_activity_remove",
    ),
    path(
        "plans/<int:pk>/activities/new/",
        plan_views.ActivityCreate.as_view(),
        name="plan_activity_create",
    ),
    path(
        "plans/<int:pk>/activities/<int:activity>/status/",
        plan_views.ActivityStatusSet.as_view(),
        name="plan_activity_status",
    ),
    path("plans/years/<int:pk>/", year_plan_views.YearPlanDetail.as_view(), name="year_plan"),
    path("plans/years/<int:pk>/pdf/", year_plan_views.YearPlanPdf.as_view(), name="year_plan_pdf"),
    path(
        "plans/years/<int:pk>/adopt/",
        year_plan_views.YearPlanAdopt.as_view(),
        name="year_plan_adopt",
    ),
    path(
        "plans/years/<int:pk>/revise/",
        year_plan_views.YearPlanRevise.as_view(),
        name="year_plan_revise",
    ),
    path("plans/<int:pk>/adopt/", plan_views.PlanAdopt.as_view(), name="action_plan_adopt"),
    path("plans/<int:pk>/revise/", plan_views.PlanRevise.as_view(), name="action_plan_revise"),
    path(
        "<municipality:code>/minutes/",
        council_views.PublicMinutes.as_view(),
        name="council_public_minutes",
    ),
    path(
        "<municipality:code>/minutes/documents/<int:document>/",
        document_views.public_meeting_document,
        name="council_public_document",
    ),
    path(
        "<municipality:code>/members/new/",
        council_views.CouncilMemberCreate.as_view(),
        name="council_member_create",
    ),
    path(
        "<municipality:code>/members/<int:pk>/remove/",
        council_views.CouncilMemberRemove.as_view(),
        name="council_member_remove",
    ),
    path(
        "<municipality:code>/meetings/new/",
        council_views.MeetingCreate.as_view(),
        name="council_meeting_create",
    ),
    path("meetings/<int:pk>/", council_views.MeetingDetail.as_view(), name="council_meeting"),
    path(
        "meetings/<int:pk>/edit/", council_views.MeetingEdit.as_view(), name="council_meeting_edit"
    ),
    path(
        "meetings/<int:pk>/decisions/new/",
        council_views.DecisionCreate.as_view(),
        name="council_decision_create",
    ),
    path(
        "meetings/<int:pk>/decisions/<int:decision>/follow-up/",
        council_views.DecisionFollowUp.as_view(),
        name="council_decision_follow_up",
    ),
    path(
        "meetings/<int:pk>/documents/new/",
        document_views.MeetingDocumentAdd.as_view(),
        name="council_document_add",
    ),
    path(
        "meetings/<int:pk>/documents/<int:document>/",
        document_views.MeetingDocumentFile.as_view(),
        name="council_document",
    ),
    path(
        "meetings/<int:pk>/documents/<int:document>/remove/",
        document_views.MeetingDocumentRemove.as_view(),
        name="council_document_remove",
    ),
]
