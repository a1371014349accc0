"""Whom residents reach in each municipality: the local police officer, the security
coordinator and others, with how to reach them. Shown on the public contacts page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Contact(models.Model):
    """One person or function residents can turn to, with their public work contact details."""

    class Kind(models.TextChoices):
        POLICE_OFFICER = "police_officer", _("Local police officer")
        SECURITY_COORDINATOR = "security_coordinator", _("Security coordinator")
        OTHER = "other", _("Other")

    municipality = models.ForeignKey(
        "est.Municipality",
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("who"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    how_to_reach = models.CharField(
        _("how to reach"),
        max_length=300,
        blank=True,
        help_text=_("For example telephone hours, or where to find them."),
    )
    position = models.PositiveSmallIntegerField(_("position in the list"), default=0)

    class Meta:
        ordering = ["municipality", "position", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name

    @property
    def phone_link(self) -> str:
        """Return the phone number as a tel: address (digits and a leading +)."""
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        return f"tel:{digits}"
