"""The measures' API routes, included under /api/v1/ by est.urls."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("measures", api.MeasureViewSet, basename="measure")

urlpatterns = router.urls
