"""The papers of a council meeting: added by the coordinator (checked by content, stored on disk
or in object storage), read by those who see the meeting, public only with public minutes, and
404 for another municipality's users and for anyone else."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reports.council.council import council_meeting_create
from reports.council.documents import meeting_document_add
from reports.council.meetings import MeetingDocument

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def meeting(arboga, coordinator):
    return council_meeting_create(
        municipality=arboga, by=coordinator, held_on=datetime.date(2026, 2, 10)
    )


@pytest.fixture
def paper(meeting, coordinator):
    return meeting_document_add(
        meeting=meeting,
        by=coordinator,
        title="Polisens rapport",
        file=SimpleUploadedFile("rapport.pdf", PDF, content_type="application/pdf"),
    )


def test_the_coordinator_adds_a_paper_and_council_members_open_it(
    client_for,
    coordinator,
    council_member,
    meeting,
    media_storage,
    django_capture_on_commit_callbacks,
):
    client = client_for(coordinator)
    url = f"/council/meetings/{meeting.pk}/documents/new/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"title": "Dagordning", "file": SimpleUploadedFile("dagordning.pdf", PDF)}
    )
    assert response.status_code == 302
    document = MeetingDocument.objects.get()
    assert media_storage.holds(document.file.name)
    page = client_for(council_member).get(f"/council/meetings/{meeting.pk}/").content.decode()
    assert "Dagordning" in page
    response = client_for(council_member).get(
        f"/council/meetings/{meeting.pk}/documents/{document.pk}/"
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    client = client_for(coordinator)  # the same test client, logged in as another again
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/council/meetings/{meeting.pk}/documents/{document.pk}/remove/")
    assert response.status_code == 302
    assert not MeetingDocument.objects.exists()
    assert not media_storage.holds(document.file.name)


def test_a_file_that_is_not_what_its_name_says_is_refused_and_the_title_kept(
    client_for, coordinator, meeting
):
    response = client_for(coordinator).post(
        f"/council/meetings/{meeting.pk}/documents/new/",
        {"title": "Bilagor", "file": SimpleUploadedFile("bilaga.pdf", b"MZ\x90\x00 not a pdf")},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bilagor" in page
    assert "PDF" in page
    response = client_for(coordinator).post(
        f"/council/meetings/{meeting.pk}/documents/new/",
        {"title": "Skript", "file": SimpleUploadedFile("skript.exe", PDF)},
    )
    assert response.status_code == 200
    assert not MeetingDocument.objects.exists()


def test_council_members_read_papers_but_never_add_or_remove_them(
    client_for, council_member, meeting, paper
):
    client = client_for(council_member)
    assert client.get(f"/council/meetings/{meeting.pk}/documents/new/").status_code == 403
    response = client.post(f"/council/meetings/{meeting.pk}/documents/{paper.pk}/remove/")
    assert response.status_code == 403
    assert MeetingDocument.objects.filter(pk=paper.pk).exists()


def test_another_municipalitys_papers_are_404_and_public_only_with_public_minutes(
    client, client_for, outsider, coordinator, meeting, paper
):
    other = client_for(outsider)
    for path in (
        f"/council/meetings/{meeting.pk}/documents/{paper.pk}/",
        f"/council/meetings/{meeting.pk}/documents/new/",
    ):
        assert other.get(path).status_code == 404, path
    assert (
        other.post(f"/council/meetings/{meeting.pk}/documents/{paper.pk}/remove/").status_code
        == 404
    )
    public = f"/council/1984/minutes/documents/{paper.pk}/"
    assert client.get(public).status_code == 404
    assert "Polisens rapport" not in client.get("/council/1984/minutes/").content.decode()
    meeting.minutes = "Rådet gick igenom polisens rapport."
    meeting.minutes_public = True
    meeting.save()
    assert "Polisens rapport" in client.get("/council/1984/minutes/").content.decode()
    response = client.get(public)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    # The paper under another municipality's code does not exist.
    assert client.get(f"/council/1982/minutes/documents/{paper.pk}/").status_code == 404
