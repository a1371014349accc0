"""The survey's API routes, included under /api/v1/ by est.urls."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("survey-waves", api.WaveViewSet, basename="survey-wave")

urlpatterns = router.urls
