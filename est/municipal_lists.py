"""A municipality's own list of names (the categories of walks' findings, the themes of
dialogues): the defaults, created when first needed, and the coordinator's changes (add,
rename, reorder, retire). The model has ``municipality``, ``code``, ``name``, ``position`` and
``active``; each feature passes its model, its defaults and its messages."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.text import slugify


@dataclass(frozen=True)
class MunicipalList:
    """One kind of list: its model, its defaults as (code, name) and its two messages
    (``unnamed``; ``taken`` with ``%(name)s``), translated when shown."""

    model: type
    defaults: tuple
    unnamed: str
    taken: str
    fallback_code: str


def list_items(kind: MunicipalList, municipality):
    """Return ``municipality``'s items of ``kind`` in its order, retired ones too; a
    municipality without any gets the defaults first, named in the site's language."""
    items = kind.model.objects.filter(municipality=municipality)
    if not items.exists():
        try:
            with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
                kind.model.objects.bulk_create(
                    kind.model(
                        municipality=municipality, code=code, name=str(name), position=number
                    )
                    for number, (code, name) in enumerate(kind.defaults, start=1)
                )
        except IntegrityError:
            pass  # another request created them at the same moment
    return items.order_by("position", "name")


def _name_errors(kind: MunicipalList, municipality, name: str, *, current=None) -> dict:
    name = name.strip()
    if not name:
        return {"name": str(kind.unnamed)}
    taken = kind.model.objects.filter(municipality=municipality, name__iexact=name)
    if current is not None:
        taken = taken.exclude(pk=current.pk)
    if taken.exists():
        return {"name": str(kind.taken) % {"name": name}}
    return {}


@transaction.atomic
def list_item_add(kind: MunicipalList, *, municipality, name: str):
    """Add an item named ``name`` at the end of ``municipality``'s list and return it."""
    items = list_items(kind, municipality)
    if errors := _name_errors(kind, municipality, name):
        raise ValidationError(errors)
    base = slugify(name)[:30] or kind.fallback_code
    code, number = base, 1
    while items.filter(code=code).exists():
        number += 1
        code = f"{base}-{number}"
    last = items.order_by("-position").first()
    return kind.model.objects.create(
        municipality=municipality,
        code=code,
        name=name.strip(),
        position=(last.position + 1) if last else 1,
    )


@transaction.atomic
def list_item_update(kind: MunicipalList, *, item, name: str, position: int, active: bool):
    """Rename, move or retire (``active`` False) ``item`` and return it."""
    if errors := _name_errors(kind, item.municipality, name, current=item):
        raise ValidationError(errors)
    item.name = name.strip()
    item.position = position
    item.active = active
    item.save(update_fields=["name", "position", "active"])
    return item
