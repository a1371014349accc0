"""A developer's database from before the migrations were squashed goes on with its data."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection


def recorded() -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations WHERE app IN ('est', 'reports')")
        return set(cursor.fetchall())


def record_only(*rows):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app IN ('est', 'reports')")
        for app, name in rows:
            cursor.execute(
                "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, now())",
                [app, name],
            )


NEW = {("est", "0001_initial"), ("reports", "0001_initial"), ("reports", "0002_kept_counts")}


@pytest.mark.django_db
def test_a_fresh_database_is_left_as_it_is():
    before = recorded()
    call_command("adopt_squashed_migrations")
    assert recorded() == before >= NEW


@pytest.mark.django_db
def test_a_database_at_the_end_of_the_old_history_gets_the_new_names():
    record_only(
        ("est", "0001_initial"),
        ("est", "0002_area_kinds_intervention_comparison"),
        ("reports", "0001_initial"),
        ("reports", "0013_incident_day_counts"),
        ("reports", "0014_incident_position_time"),
    )
    call_command("adopt_squashed_migrations")
    assert recorded() == NEW


@pytest.mark.django_db
def test_a_database_part_way_through_the_old_history_is_refused_with_a_sentence():
    record_only(("est", "0001_initial"), ("reports", "0008_incident_cells"))
    with pytest.raises(CommandError, match="part-way"):
        call_command("adopt_squashed_migrations")
    assert recorded() == {("est", "0001_initial"), ("reports", "0008_incident_cells")}
