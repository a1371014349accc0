"""The safety survey (trygghetsundersökning): a wave of the survey, the anonymous responses to
it, and the one-time codes printed on postal invitations.

A response keeps no IP address, no time of day and nothing else that could point at a
resident: only the answers, the optional background, the places avoided and the date.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.utils.translation import gettext_lazy as _

from est.models import Area, Municipality

from . import bank


class SurveyWaveQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the waves of the municipalities ``user`` may see, in every state."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def published(self):
        """Return the waves residents may answer or read the results of."""
        return self.filter(status__in=(SurveyWave.Status.OPEN, SurveyWave.Status.CLOSED))

    def before(self, wave):
        """Return the municipality's published waves that opened before ``wave``, newest first:
        the first is the one ``wave`` is compared with."""
        return (
            self.published()
            .filter(municipality_id=wave.municipality_id, opens_on__lt=wave.opens_on)
            .order_by("-opens_on")
        )


class SurveyWave(models.Model):
    """One round of the survey in a municipality: its questions and when it is open."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="survey_waves",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=200)
    questions = ArrayField(
        models.CharField(max_length=40), verbose_name=_("questions"), default=list
    )
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    requires_code = models.BooleanField(
        _("answers need a code from the invitation letter"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SurveyWaveQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_wave_closes_after_opening",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def bank_questions(self) -> list[bank.Question]:
        """Return the wave's questions from the bank, in the bank's order."""
        return bank.questions_of(self.questions)


class SurveyResponse(models.Model):
    """One resident's anonymous answers to a wave. ``answers`` maps a question's key to the list
    of answer keys given; a question left out was not answered."""

    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="responses")
    answers = models.JSONField(default=dict)
    age_band = models.CharField(max_length=8, blank=True, choices=bank.AGE_BANDS)
    gender = models.CharField(max_length=8, blank=True, choices=bank.GENDERS)
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    avoided_places = models.MultiPointField(srid=settings.STORAGE_SRID, null=True, blank=True)
    # The form's own random key: the same form sent twice is one response. It says nothing of
    # who sent it.
    submission_key = models.UUIDField(unique=True)
    submitted_on = models.DateField()

    class Meta:
        indexes = [models.Index(fields=["wave", "area"])]


class InvitationCode(models.Model):
    """A code printed on one postal invitation; it lets one response in, once. Which response
    used it is not kept, only that it is used."""

    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(max_length=12)
    used = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["wave", "code"], name="invitation_code_once_per_wave")
        ]
