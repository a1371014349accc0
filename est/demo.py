"""Demo data: Arboga and Kungsör with areas, organisations and one user per role.

Apps add their own demo data with ``register_seeder()`` from their AppConfig.ready(); the
``seed_demo`` command runs the shared part first, then every registered seeder. Every step is
safe to run twice.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils.module_loading import import_string

from est.projections import WGS84

from .contacts.demo import contacts_seed
from .models import Area, Municipality, Organisation, User
from .municipalities import as_multipolygon, municipalities_load
from .roles import Role
from .training.demo import trainings_seed

ARBOGA, KUNGSOR = "1984", "1960"
DEMO_PASSWORD_SUFFIX = "-demo-2026"  # noqa: S105 - demo logins are printed on purpose

#: (municipality code, name, kind, lon, lat, radius in metres): real places, drawn as circles.
AREAS = [
    (ARBOGA, "Centrum", Area.Kind.CENTRE, 15.8405, 59.3935, 450),
    (ARBOGA, "Ekbacken", Area.Kind.HOUSING_ESTATE, 15.8220, 59.3990, 400),
    (ARBOGA, "Nyby", Area.Kind.DISTRICT, 15.8560, 59.3880, 450),
    (ARBOGA, "Gäddgårdsskolan", Area.Kind.SCHOOL, 15.8330, 59.3870, 250),
    (ARBOGA, "Strandvägen och ån", Area.Kind.PARK, 15.8480, 59.3960, 300),
    (KUNGSOR, "Centrum", Area.Kind.CENTRE, 16.0960, 59.4225, 400),
    (KUNGSOR, "Kungsudden", Area.Kind.PARK, 16.1080, 59.4180, 350),
    (KUNGSOR, "Malmberga", Area.Kind.HOUSING_ESTATE, 16.0860, 59.4290, 400),
    (KUNGSOR, "Valskog", Area.Kind.DISTRICT, 15.9470, 59.4390, 600),
]

#: (name, kind, municipality codes)
ORGANISATIONS = [
    ("Arboga kommun, kultur- och fritidsförvaltningen", Organisation.Kind.DEPARTMENT, [ARBOGA]),
    ("Arboga kommun, barn- och utbildningsförvaltningen", Organisation.Kind.DEPARTMENT, [ARBOGA]),
    ("Arboga Bostäder AB", Organisation.Kind.COMPANY, [ARBOGA]),
    ("Arboga kommun, tekniska förvaltningen", Organisation.Kind.DEPARTMENT, [ARBOGA]),
    ("Kungsörs kommun, tekniska förvaltningen", Organisation.Kind.DEPARTMENT, [KUNGSOR]),
    ("Kungsörs KommunFastigheter AB", Organisation.Kind.COMPANY, [KUNGSOR]),
    ("Västra Mälardalens Kommunalförbund", Organisation.Kind.DEPARTMENT, [ARBOGA, KUNGSOR]),
    ("Polisen, lokalpolisområde Köping", Organisation.Kind.POLICE, [ARBOGA, KUNGSOR]),
    ("Securitas, Västra Mälardalen", Organisation.Kind.GUARD_COMPANY, [ARBOGA, KUNGSOR]),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: Role
    organisation: str
    municipalities: tuple[str, ...]

    @property
    def password(self) -> str:
        return self.username + DEMO_PASSWORD_SUFFIX


USERS = [
    DemoUser("rapportor", "Rut", "Rapportör", Role.REPORTER, "Arboga Bostäder AB", (ARBOGA,)),
    DemoUser(
        "vaktare",
        "Vilhelm",
        "Väktare",
        Role.REPORTER,
        "Securitas, Västra Mälardalen",
        (ARBOGA, KUNGSOR),
    ),
    DemoUser(
        "kungsor",
        "Kim",
        "Kungsörsson",
        Role.REPORTER,
        "Kungsörs KommunFastigheter AB",
        (KUNGSOR,),
    ),
    DemoUser(
        "samordnare",
        "Sara",
        "Samordnare",
        Role.COORDINATOR,
        "Västra Mälardalens Kommunalförbund",
        (ARBOGA, KUNGSOR),
    ),
    DemoUser(
        "polis",
        "Per",
        "Polis",
        Role.POLICE,
        "Polisen, lokalpolisområde Köping",
        (ARBOGA, KUNGSOR),
    ),
    DemoUser(
        "politiker",
        "Pia",
        "Politiker",
        Role.COUNCIL,
        "Arboga kommun, kultur- och fritidsförvaltningen",
        (ARBOGA,),
    ),
    DemoUser(
        "gatuchef",
        "Gustav",
        "Gatuchef",
        Role.MEASURE_OWNER,
        "Arboga kommun, tekniska förvaltningen",
        (ARBOGA,),
    ),
    DemoUser(
        "admin",
        "Ada",
        "Administratör",
        Role.ADMINISTRATOR,
        "Västra Mälardalens Kommunalförbund",
        (ARBOGA, KUNGSOR),
    ),
    DemoUser(
        "dataskydd",
        "Dan",
        "Dataskyddsombud",
        Role.DATA_PROTECTION_OFFICER,
        "Västra Mälardalens Kommunalförbund",
        (ARBOGA, KUNGSOR),
    ),
]

#: The dotted paths of the functions that add an app's demo data; each gets the list of demo
#: municipalities. Paths, not functions: a demo module imports what it seeds through (analyses,
#: PDFs, pandas), and every process would load all that at start-up for a command it rarely runs.
SEEDERS: list[str] = []
_SEEDER_ORDER: dict[str, int] = {}


def register_seeder(seeder: str, *, order: int = 100) -> None:
    """Add the function at the dotted path ``seeder`` to what seed_demo runs after the shared
    demo data, in ``order`` (then in the order of registration): a seeder that gathers other
    apps' data comes after theirs."""
    _SEEDER_ORDER[seeder] = order
    SEEDERS.append(seeder)
    SEEDERS.sort(key=_SEEDER_ORDER.__getitem__)


def seeders() -> list[Callable[[list[Municipality]], None]]:
    """Return the registered seeders, imported, in the order they run."""
    return [import_string(path) for path in SEEDERS]


def _circle(lon: float, lat: float, radius: float, srid: int):
    """Return a circle of ``radius`` metres around lon/lat as a MultiPolygon in ``srid``."""
    centre = Point(lon, lat, srid=WGS84).transform(srid, clone=True)
    return as_multipolygon(centre.buffer(radius, quadsegs=8))


@transaction.atomic
def demo_seed() -> list[Municipality]:
    """Create the shared demo data where it is missing and return Arboga and Kungsör."""
    if Municipality.objects.filter(code__in=[ARBOGA, KUNGSOR]).count() != 2:
        municipalities_load()
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=[ARBOGA, KUNGSOR])}
    for code, name, kind, lon, lat, radius in AREAS:
        municipality = municipalities[code]
        Area.objects.get_or_create(
            municipality=municipality,
            name=name,
            defaults={
                "kind": kind,
                "boundary": _circle(lon, lat, radius, municipality.boundary.srid),
            },
        )
    organisations = {}
    for name, kind, codes in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
        organisation.municipalities.add(*(municipalities[code] for code in codes))
        organisations[name] = organisation
    for demo in USERS:
        user, created = User.objects.get_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "email": f"{demo.username}@example.se",
                "role": demo.role,
                "organisation": organisations[demo.organisation],
                "is_staff": demo.role == Role.ADMINISTRATOR,
                "is_superuser": demo.role == Role.ADMINISTRATOR,
            },
        )
        if created:
            user.set_password(demo.password)
            user.save(update_fields=["password"])
        user.municipalities.add(*(municipalities[code] for code in demo.municipalities))
    demo_municipalities = [municipalities[ARBOGA], municipalities[KUNGSOR]]
    trainings_seed(demo_municipalities)
    contacts_seed(demo_municipalities)
    return demo_municipalities
