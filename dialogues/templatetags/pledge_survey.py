"""The template tag through which a pledge's follow-up (its public page and PDF) says what the
last safety survey said."""

from django import template

from dialogues.pledges.survey_results import pledge_survey_said

register = template.Library()


@register.inclusion_tag("dialogues/pledges/_pledge_survey.html", takes_context=True)
def pledge_survey(context, pledge):
    """Render what the last survey up to ``pledge``'s year said (nothing when none closed)."""
    return {"said": pledge_survey_said(pledge), "document": context.get("document", False)}
