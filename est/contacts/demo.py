"""Demo contacts for Arboga and Kungsör. The numbers are from the series the Swedish Post and
Telecom Authority keeps for fiction, so nobody real is called."""

from .models import Contact

#: municipality code -> (kind, name, title, phone, e-mail, how to reach)
CONTACTS = {
    code: [
        (
            Contact.Kind.SECURITY_COORDINATOR,
            "Sara Samordnare",
            "Säkerhetssamordnare, Västra Mälardalens Kommunalförbund",
            "08-465 004 10",
            "samordnare@example.se",
            "Vardagar 8–16",
        ),
        (
            Contact.Kind.POLICE_OFFICER,
            "Per Polis",
            "Kommunpolis, lokalpolisområde Köping",
            "08-465 004 20",
            "kommunpolis@example.se",
            "Via polisens växel 114 14, be att få tala med kommunpolisen",
        ),
    ]
    for code in ("1984", "1960")
}


def contacts_seed(municipalities) -> None:
    """Give each demo municipality without contacts the demo contacts."""
    for municipality in municipalities:
        if Contact.objects.filter(municipality=municipality).exists():
            continue
        Contact.objects.bulk_create(
            Contact(
                municipality=municipality,
                kind=kind,
                name=name,
                title=title,
                phone=phone,
                email=email,
                how_to_reach=how,
                position=position,
            )
            for position, (kind, name, title, phone, email, how) in enumerate(
                CONTACTS.get(municipality.code, [])
            )
        )
