"""The public site: residents read published pledges only, without logging in."""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from dialogues.pledges.models import Comment
from dialogues.pledges.services import (
    activity_progress_add,
    pledge_correct,
    pledge_follow_up,
    pledge_publish,
    pledge_update,
)
from est.pdf import pdf_render
from tests.dialogues.pledges.conftest import pledge_draft
from tests.pdf_text import pdf_text

DAY = datetime.date(2026, 3, 10)


def test_resident_reads_the_current_pledges_with_progress_in_words(client, arboga_pledge, police):
    activity = arboga_pledge.focus_areas.get().activities.get()
    activity_progress_add(
        activity=activity, on=DAY, text="Dialog på Stora torget.", status="under_way", by=police
    )
    response = client.get("/medborgarloften/1984/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Medborgarlöften 2026, Arboga" in page
    assert "Narkotika i centrummiljön" in page
    assert "Pågår sedan 10 mars 2026" in page
    assert "Dialog på Stora torget." in page
    assert "0 av 1 aktivitet klar (0 %)" in page
    assert "Minst två dialogtillfällen" in page


def test_drafts_are_never_public(client, arboga_draft, arboga_pledge, coordinator):
    draft_2027 = pledge_draft(arboga_draft.municipality, coordinator, year=2027)
    pledge_update(pledge=draft_2027, introduction="Hemligt utkast om 2027.")
    assert client.get("/medborgarloften/1984/2027/").status_code == 404
    assert client.get("/medborgarloften/1984/2027/pdf/").status_code == 404
    page = client.get("/medborgarloften/1984/").content.decode()
    assert "Hemligt utkast" not in page
    assert "2027" not in page


def test_a_municipality_without_published_pledges_is_a_404(client, arboga_draft, kungsor):
    assert client.get("/medborgarloften/1984/").status_code == 404
    assert client.get("/medborgarloften/1960/").status_code == 404
    assert client.get("/medborgarloften/0000/").status_code == 404
    assert "Arboga" not in client.get("/medborgarloften/").content.decode()


def test_earlier_years_and_their_follow_up_are_listed(client, arboga, coordinator):
    earlier = pledge_publish(pledge=pledge_draft(arboga, coordinator, year=2025), by=coordinator)
    pledge_follow_up(pledge=earlier, text="Tre dialoger genomfördes under 2025.", by=coordinator)
    pledge_publish(pledge=pledge_draft(arboga, coordinator, year=2026), by=coordinator)
    page = client.get("/medborgarloften/1984/").content.decode()
    assert "Medborgarlöften 2026, Arboga" in page
    assert 'href="/medborgarloften/1984/2025/"' in page
    page_2025 = client.get("/medborgarloften/1984/2025/").content.decode()
    assert "Tre dialoger genomfördes under 2025." in page_2025
    assert "Uppföljning av 2025" in page_2025


def test_a_correction_shows_a_note_and_links_the_earlier_version(
    client, arboga_pledge, coordinator
):
    correction = pledge_correct(pledge=arboga_pledge, note="Rättat slutdatum.", by=coordinator)
    pledge_update(pledge=correction, introduction="Rättad inledning.")
    # Until it is published, residents see version 1.
    assert "Rättad inledning" not in client.get("/medborgarloften/1984/").content.decode()
    pledge_publish(pledge=correction, by=coordinator)
    page = client.get("/medborgarloften/1984/").content.decode()
    assert "Rättad inledning." in page
    assert re.search(r"Rättad \d+ \w+ 20\d\d\.", page)
    assert "Rättat slutdatum." in page
    assert 'href="/medborgarloften/1984/2026/version/1/"' in page
    earlier = client.get("/medborgarloften/1984/2026/version/1/").content.decode()
    assert "Medborgarlöfte för Arboga 2026." in earlier
    assert "tidigare version" in earlier
    assert client.get("/medborgarloften/1984/2026/version/3/").status_code == 404


def test_the_pdf_is_swedish_a4_and_holds_the_focus_areas(client, arboga, coordinator):
    pledge = pledge_draft(arboga, coordinator, focus_areas=["Bedrägerier mot äldre", "Trafik"])
    pledge_publish(pledge=pledge, by=coordinator)
    response = client.get("/medborgarloften/1984/2026/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Bedrägerier mot äldre" in text
    assert "Trafik" in text
    assert "Medborgarlöften 2026, Arboga" in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (210, 297)


def test_the_pdf_is_made_from_the_html_with_lang_sv(arboga_pledge):
    from dialogues.pledges.pdf import pledge_html

    html = pledge_html(arboga_pledge)
    assert '<html lang="sv">' in html
    assert "Narkotika i centrummiljön" in html


def test_the_pdf_is_tagged_titled_and_in_the_readers_language(client, arboga_pledge):
    swedish = client.get("/medborgarloften/1984/2026/pdf/").content
    reader = PdfReader(io.BytesIO(swedish))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    assert reader.metadata.title == "Medborgarlöften 2026, Arboga"
    assert "Publicerad" in pdf_text(swedish)
    client.cookies["django_language"] = "en"
    english = client.get("/medborgarloften/1984/2026/pdf/").content
    reader = PdfReader(io.BytesIO(english))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.title == "Citizen pledges 2026, Arboga"
    assert "Published on" in pdf_text(english)


def test_the_pdf_is_rendered_once_until_what_it_shows_changes(
    client, arboga_pledge, police, monkeypatch
):
    renders = []

    def counted_pdf_render(*args, **kwargs):
        renders.append(args[0])
        return pdf_render(*args, **kwargs)

    monkeypatch.setattr("dialogues.pledges.pdf.pdf_render", counted_pdf_render)
    first = client.get("/medborgarloften/1984/2026/pdf/")
    second = client.get("/medborgarloften/1984/2026/pdf/")
    assert len(renders) == 1
    assert second.content == first.content
    activity = arboga_pledge.focus_areas.get().activities.get()
    activity_progress_add(
        activity=activity, on=DAY, text="Dialog på Stora torget.", status="under_way", by=police
    )
    third = client.get("/medborgarloften/1984/2026/pdf/")
    assert len(renders) == 2
    assert "Dialog på Stora torget." in pdf_text(third.content)
    client.get("/medborgarloften/1984/2026/pdf/")
    assert len(renders) == 2


def test_a_resident_comments_and_it_waits_for_moderation(client, arboga_pledge):
    response = client.post(
        "/medborgarloften/1984/2026/",
        {"display_name": "Anna i Nyby", "body": "När blir nästa dialog?", "website": ""},
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.display_name, comment.status) == ("Anna i Nyby", Comment.Status.PENDING)
    assert "När blir nästa dialog?" not in client.get("/medborgarloften/1984/").content.decode()


def test_the_honeypot_catches_robots_silently(client, arboga_pledge):
    response = client.post(
        "/medborgarloften/1984/2026/",
        {"display_name": "Bot", "body": "Köp billigt", "website": "http://spam.example"},
    )
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_a_sender_is_rate_limited(client, arboga_pledge):
    data = {"display_name": "Någon", "body": "Fråga", "website": ""}
    for _ in range(5):
        assert client.post("/medborgarloften/1984/2026/", data).status_code == 302
    typed = {**data, "body": "Varför lyser inte lamporna vid skolan?"}
    response = client.post("/medborgarloften/1984/2026/", typed)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Försök igen om en timme" in page
    assert "Varför lyser inte lamporna vid skolan?" in page
    assert Comment.objects.count() == 5


@pytest.mark.parametrize("data", [{"display_name": "", "body": "x"}, {"display_name": "A"}])
def test_an_incomplete_comment_is_shown_again_with_errors(client, arboga_pledge, data):
    response = client.post("/medborgarloften/1984/2026/", data)
    assert response.status_code == 400
    assert "Något behöver rättas" in response.content.decode()
    assert not Comment.objects.exists()


def _comment(client, data, forwarded_for):
    return client.post(
        "/medborgarloften/1984/2026/",
        data,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    ).status_code


def test_the_rate_limit_counts_senders_behind_the_proxy_apart(client, arboga_pledge, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    data = {"display_name": "Någon", "body": "Fråga", "website": ""}
    # A sender who writes a header of their own still counts by the address the proxy saw.
    statuses = [_comment(client, data, f"1.1.1.{n}, 198.51.100.1") for n in range(6)]
    assert statuses == [302] * 5 + [429]
    assert _comment(client, data, "198.51.100.2") == 302


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(client, arboga_pledge):
    data = {"display_name": "Någon", "body": "Fråga", "website": ""}
    statuses = [_comment(client, data, f"198.51.100.{n}") for n in range(6)]
    assert statuses == [302] * 5 + [429]


def test_attachments_are_streamed_by_a_view_not_served_from_media(
    client, arboga_pledge, coordinator, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    update = activity_progress_add(
        activity=arboga_pledge.focus_areas.get().activities.get(),
        on=DAY,
        text="Minnesanteckningar.",
        status="done",
        attachment=SimpleUploadedFile("minnesanteckningar.pdf", b"%PDF-1.4 demo"),
        by=coordinator,
    )
    page = client.get("/medborgarloften/1984/").content.decode()
    assert f'href="/medborgarloften/bilagor/{update.pk}/"' in page
    assert "/media/" not in page
    response = client.get(f"/medborgarloften/bilagor/{update.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 demo"
    assert response["Content-Type"] == "application/pdf"
    update.attachment.delete(save=False)
    assert client.get(f"/medborgarloften/bilagor/{update.pk}/").status_code == 404
    assert client.get("/medborgarloften/bilagor/999999/").status_code == 404


def test_the_public_page_links_to_the_tip_form(client, arboga, arboga_pledge):
    page = client.get("/medborgarloften/1984/").content.decode()
    assert 'href="/otrygga-platser/1984/tipsa/"' in page
