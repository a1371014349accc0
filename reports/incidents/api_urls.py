"""The incident API's routes, included under /api/v1/ by est.urls."""

from rest_framework.routers import SimpleRouter

from reports.incidents import api

router = SimpleRouter()
router.register("incidents", api.IncidentViewSet, basename="incident")
router.register("incident-categories", api.CategoryViewSet, basename="incident-category")

urlpatterns = router.urls
