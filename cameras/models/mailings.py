"""The monthly compliance mailings. (Data subject requests are shared: est.data_subjects.)"""

from django.contrib.gis.db import models
from django.utils import timezone

from est.models import Municipality


class ComplianceMailing(models.Model):
    """The monthly compliance e-mail of a municipality, so that it goes out once per month."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "month"], name="compliance_monthly"),
        ]
