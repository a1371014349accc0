"""Template tags through which the pledge pages and their PDF show what the citizen dialogues
said, without the pledges' views knowing of the dialogues (``dialogues.dialogue``)."""

from django import template
from django.conf import settings

from dialogues.dialogue.responses import focus_area_themes, pledge_dialogues

register = template.Library()


@register.inclusion_tag("dialogues/dialogue/_focus_area_themes.html", takes_context=True)
def focus_area_dialogue_themes(context, focus_area):
    """Render the dialogue themes that led to ``focus_area`` (nothing when none did)."""
    return {
        "rows": focus_area_themes(focus_area),
        "municipality": focus_area.pledge.municipality,
        "minimum": settings.OPEN_DATA_MIN_COUNT,
        "document": context.get("document", False),
    }


@register.inclusion_tag("dialogues/dialogue/_pledge_dialogues.html", takes_context=True)
def pledge_dialogues_said(context, pledge):
    """Render what the last dialogues up to ``pledge``'s year said (nothing when none)."""
    return {
        "said": pledge_dialogues(pledge),
        "municipality": pledge.municipality,
        "minimum": settings.OPEN_DATA_MIN_COUNT,
        "document": context.get("document", False),
    }
