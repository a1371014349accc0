"""Demo tertial analyses for seed_demo."""

from est.periods import last_ended_tertial
from reports.tertial.compile import tertial_analysis_compile, tertial_analysis_ensure


def tertial_analyses_seed(municipalities) -> None:
    """Draft the analyses of the last completed tertial (seed_demo, after the pictures)."""
    tertial = last_ended_tertial()
    for municipality in municipalities:
        analysis, _created = tertial_analysis_ensure(municipality=municipality, tertial=tertial)
        tertial_analysis_compile(analysis_id=analysis.pk)
