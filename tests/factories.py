"""factory_boy factories with small shapes in SWEREF 99 TM (metres), far from any real place."""

import datetime
import json

import factory
from django.contrib.gis.geos import GEOSGeometry, Polygon

from est.models import Area, Certification, Municipality, Organisation, User
from est.roles import Role


def square(x: float, y: float, side: float) -> GEOSGeometry:
    """Return a square MultiPolygon in SWEREF 99 TM with its south-west corner at x, y."""
    x1, y1 = x + side, y + side
    return GEOSGeometry(
        f"MULTIPOLYGON((({x} {y}, {x1} {y}, {x1} {y1}, {x} {y1}, {x} {y})))", srid=3006
    )


def drawn_outline(*corners: tuple[float, float]) -> str:
    """Return what the map widget posts for an outline through ``corners`` (SWEREF 99 TM,
    closed automatically): a MultiPolygon in GeoJSON, in WGS 84."""
    polygon = Polygon([*corners, corners[0]], srid=3006)
    polygon.transform(4326)
    return json.dumps(
        {"type": "MultiPolygon", "coordinates": [json.loads(polygon.geojson)["coordinates"]]}
    )


def drawn(x0, y0, x1, y1) -> str:
    """Return what the map widget posts for a rectangle given in SWEREF 99 TM."""
    return drawn_outline((x0, y0), (x1, y0), (x1, y1), (x0, y1))


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{9000 + n}")
    name = factory.Sequence(lambda n: f"Testkommun {n}")
    # Each municipality a 10 km square, side by side along the x axis; after 20 the row starts
    # again further north, so that any number of them stays inside Sweden's grid.
    boundary = factory.Sequence(
        lambda n: square(400_000 + n % 20 * 20_000, 6_400_000 + n // 20 % 40 * 20_000, 10_000)
    )


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Område {n}")
    kind = Area.Kind.DISTRICT
    boundary = factory.LazyAttribute(
        lambda area: square(*area.municipality.boundary.extent[:2], 1_000)
    )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.DEPARTMENT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.se")
    first_name = factory.Sequence(lambda n: f"Förnamn{n}")
    role = Role.REPORTER
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def certified(self, create, extracted, **kwargs):
        """Reporters are certified from 15 January 2025 to the end of 2099, unless
        ``certified=False``."""
        if create and extracted is not False and self.role == Role.REPORTER:
            Certification.objects.get_or_create(
                user=self,
                defaults={
                    "certified_on": datetime.date(2025, 1, 15),
                    "expires_on": datetime.date(2099, 12, 31),
                },
            )

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.add(*extracted)
        self.save()
