from django.urls import path

from . import agreement_views, public_views, views

urlpatterns = [
    # The public site, in Swedish words residents search for.
    path("medborgarloften/", public_views.PublicIndex.as_view(), name="public_pledge_index"),
    path(
        "medborgarloften/bilagor/<int:pk>/",
        public_views.public_attachment,
        name="public_attachment",
    ),
    path(
        "medborgarloften/<municipality:code>/",
        public_views.PublicYear.as_view(),
        name="public_pledges",
    ),
    path(
        "medborgarloften/<municipality:code>/<int:year>/",
        public_views.PublicYear.as_view(),
        name="public_pledge_year",
    ),
    path(
        "medborgarloften/<municipality:code>/<int:year>/version/<int:version>/",
        public_views.PublicVersion.as_view(),
        name="public_pledge_version",
    ),
    path(
        "medborgarloften/<municipality:code>/<int:year>/pdf/",
        public_views.public_pdf,
        name="public_pledge_pdf",
    ),
]

urlpatterns += [
    # Staff pages.
    path("pledges/", views.PledgeList.as_view(), name="pledge_list"),
    path("pledges/comments/", views.CommentQueue.as_view(), name="comment_queue"),
    path("pledges/comments/<int:pk>/", views.CommentModerate.as_view(), name="comment_moderate"),
    path("pledges/<municipality:code>/new/", views.PledgeCreate.as_view(), name="pledge_create"),
    path("pledges/<int:pk>/", views.PledgeDetail.as_view(), name="pledge_detail"),
    path("pledges/<int:pk>/edit/", views.PledgeUpdate.as_view(), name="pledge_update"),
    path("pledges/<int:pk>/publish/", views.PledgePublish.as_view(), name="pledge_publish"),
    path("pledges/<int:pk>/follow-up/", views.PledgeFollowUp.as_view(), name="pledge_follow_up"),
    path("pledges/<int:pk>/correct/", views.PledgeCorrect.as_view(), name="pledge_correct"),
    path("pledges/<int:pk>/discard/", views.PledgeDiscard.as_view(), name="pledge_discard"),
    path(
        "pledges/<int:pk>/focus-areas/new/",
        views.FocusAreaCreate.as_view(),
        name="focus_area_create",
    ),
    path("focus-areas/<int:pk>/edit/", views.FocusAreaUpdate.as_view(), name="focus_area_update"),
    path("focus-areas/<int:pk>/delete/", views.FocusAreaDelete.as_view(), name="focus_area_delete"),
    path(
        "focus-areas/<int:pk>/activities/new/",
        views.ActivityCreate.as_view(),
        name="activity_create",
    ),
    path("activities/<int:pk>/edit/", views.ActivityUpdate.as_view(), name="activity_update"),
    path("activities/<int:pk>/delete/", views.ActivityDelete.as_view(), name="activity_delete"),
    path(
        "activities/<int:pk>/progress/new/",
        views.ProgressCreate.as_view(),
        name="progress_create",
    ),
    path(
        "agreements/<municipality:code>/",
        agreement_views.AgreementList.as_view(),
        name="agreement_list",
    ),
    path(
        "agreements/<municipality:code>/new/",
        agreement_views.AgreementCreate.as_view(),
        name="agreement_create",
    ),
    path(
        "agreements/<int:pk>/edit/",
        agreement_views.AgreementUpdate.as_view(),
        name="agreement_update",
    ),
    path(
        "agreements/<int:pk>/commitments/new/",
        agreement_views.CommitmentSave.as_view(),
        name="commitment_create",
    ),
    path(
        "agreements/<int:pk>/commitments/<int:commitment>/",
        agreement_views.CommitmentSave.as_view(),
        name="commitment_update",
    ),
]
