"""The working group on a draft picture: the police and partner organisations the coordinator
names add observations and comments until the picture is published; the council reads
published pictures without sharing."""

import pytest

from est.roles import Role
from reports.situation.compile import situation_picture_ensure
from reports.situation.models import Observation, WorkingGroupMember
from reports.situation.observations import working_group_member_add
from reports.situation.workflow import situation_picture_publish
from tests.factories import OrganisationFactory, UserFactory
from tests.reports.helpers import PERIOD_START


@pytest.fixture
def officer(police, polisen):
    police.organisation = polisen
    police.save()
    return police


@pytest.fixture
def in_working_group(arboga, coordinator, polisen):
    return working_group_member_add(municipality=arboga, organisation=polisen, by=coordinator)


def observe(client, picture, text, kind="observation"):
    return client.post(f"/situation/{picture.pk}/observations/new/", {"kind": kind, "text": text})


def test_a_police_officer_adds_observations_to_a_draft_and_cannot_after_publication(
    client_for, officer, coordinator, picture, in_working_group
):
    client = client_for(officer)
    page = client.get(f"/situation/{picture.pk}/").content.decode()
    assert "Lägg till en iakttagelse" in page
    response = observe(client, picture, "Ungdomsgäng samlas vid stationen efter 22.")
    assert response.status_code == 302
    observe(client, picture, "Analysen missar stationen.", kind="comment")
    page = client.get(f"/situation/{picture.pk}/").content.decode()
    assert "Polisen Arboga" in page
    assert "Ungdomsgäng samlas vid stationen efter 22." in page
    assert "Analysen missar stationen." in page
    # The coordinator sees who added what.
    page = client_for(coordinator).get(f"/situation/{picture.pk}/").content.decode()
    assert officer.username in page or officer.get_full_name() in page

    situation_picture_publish(picture=picture, by=coordinator)
    client = client_for(officer)
    page = client.get(f"/situation/{picture.pk}/").content.decode()
    assert "Lägg till en iakttagelse" not in page
    response = observe(client, picture, "För sent.")
    assert response.status_code == 200
    assert "publicerad" in response.content.decode()
    assert "För sent." in response.content.decode()  # what was typed is kept
    assert Observation.objects.count() == 2


def test_working_group_members_never_change_the_coordinators_text(
    client_for, officer, picture, in_working_group
):
    client = client_for(officer)
    assert client.get(f"/situation/{picture.pk}/edit/").status_code == 403
    assert client.post(f"/situation/{picture.pk}/edit/", {"analysis": "x"}).status_code == 403
    assert client.post(f"/situation/{picture.pk}/publish/").status_code == 403


def test_a_partner_outside_the_working_group_reads_no_draft_and_adds_nothing(
    client_for, officer, picture
):
    client = client_for(officer)
    assert client.get(f"/situation/{picture.pk}/").status_code == 404
    assert observe(client, picture, "Hej").status_code == 404
    assert not Observation.objects.exists()


def test_a_housing_company_in_the_working_group_reads_its_municipalitys_drafts_only(
    client_for, arboga, kungsor, coordinator, picture
):
    company = OrganisationFactory(name="Arbogabostäder", kind="company")
    company.municipalities.add(arboga)
    staff = UserFactory(
        username="hanna", role=Role.REPORTER, organisation=company, municipalities=[arboga]
    )
    working_group_member_add(municipality=arboga, organisation=company, by=coordinator)
    kungsor_picture, _ = situation_picture_ensure(municipality=kungsor, period_start=PERIOD_START)
    client = client_for(staff)
    assert client.get(f"/situation/{picture.pk}/").status_code == 200
    assert client.get(f"/situation/{kungsor_picture.pk}/").status_code == 404
    assert observe(client, kungsor_picture, "Fel kommun").status_code == 404
    assert observe(client, picture, "Trapphus i Nybyn klottras varje helg.").status_code == 302
    assert Observation.objects.get().organisation == company


def test_the_council_reads_published_pictures_without_sharing_and_never_edits(
    client_for, council_member, coordinator, picture
):
    client = client_for(council_member)
    assert client.get(f"/situation/{picture.pk}/").status_code == 404  # a draft
    situation_picture_publish(picture=picture, by=coordinator)
    assert client.get(f"/situation/{picture.pk}/").status_code == 200
    assert client.get(f"/situation/{picture.pk}/pdf/").status_code == 200
    assert client.post(f"/situation/{picture.pk}/revise/").status_code == 403
    assert client.get(f"/situation/{picture.pk}/edit/").status_code == 403
    assert observe(client, picture, "x").status_code == 403
    assert not Observation.objects.exists()


def test_the_coordinator_names_and_removes_working_group_members(
    client_for, coordinator, outsider, arboga, polisen
):
    client = client_for(coordinator)
    assert client.post("/situation/working-group/1984/", {"organisation": "x"}).status_code == 200
    response = client.post("/situation/working-group/1984/", {"organisation": polisen.pk})
    assert response.status_code == 302
    page = client.get("/situation/working-group/1984/").content.decode()
    assert "Polisen Arboga" in page
    member = WorkingGroupMember.objects.get()
    client.logout()
    other = client_for(outsider)
    assert other.get("/situation/working-group/1984/").status_code == 404
    assert other.post(f"/situation/working-group/1984/{member.pk}/remove/").status_code == 404
    assert other.post(f"/situation/working-group/1960/{member.pk}/remove/").status_code == 404
    other.logout()
    client = client_for(coordinator)
    client.post(f"/situation/working-group/1984/{member.pk}/remove/")
    assert not WorkingGroupMember.objects.exists()


def test_an_organisation_of_another_municipality_cannot_be_named(client_for, coordinator, arboga):
    stranger = OrganisationFactory(name="Köpingsbostäder")
    response = client_for(coordinator).post(
        "/situation/working-group/1984/", {"organisation": stranger.pk}
    )
    assert response.status_code == 200
    assert not WorkingGroupMember.objects.exists()
