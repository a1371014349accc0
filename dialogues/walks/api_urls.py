"""The safety walks' API routes, included under /api/v1/ by est.urls."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("walks", api.WalkViewSet, basename="walk")
router.register("walk-findings", api.FindingViewSet, basename="walk-finding")
router.register("walk-audits", api.StretchAuditViewSet, basename="walk-audit")
router.register("finding-categories", api.FindingCategoryViewSet, basename="finding-category")

urlpatterns = router.urls
