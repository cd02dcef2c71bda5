"""Write an approved ProfileChange into the live company, its participations and products (inside the caller's
transaction). Pending files are copied from the private storage to their live folders in the public one; the caller
deletes the obsolete ones after commit."""

import os

from apps.companies.models import Company, Product, ProductCategory, ProductImage
from apps.expo.models import Participation
from apps.expo.search_index import PRODUCT
from apps.expo.services import company_index
from apps.search.services import index_now

from .profile import LANGUAGES, SHARED, TRANSLATED, payload_merged
from .selectors import company_snapshot_load
from .uploads import pending_read, pending_storage


def _translations_set(obj, values, fields):
    """Set the translations that have a name; drop those left without one (when another remains)."""
    kept = [language for language in LANGUAGES if values.get(language, {}).get("name", "").strip()]
    for language in kept:
        obj.set_current_language(language)
        for name in fields:
            setattr(obj, name, values[language].get(name, ""))
    obj.set_current_language(kept[0] if kept else LANGUAGES[0])
    obj.save()
    if kept:
        for language in obj.get_available_languages():
            if language not in kept:
                obj.delete_translation(language)


def _company(company, payload, change, obsolete):
    if "shared" in payload:
        for name in SHARED:
            setattr(company, name, payload["shared"].get(name, ""))
    if payload.get("logo") == "replace" and change.logo:
        if company.logo:
            obsolete.append(company.logo.name)
        company.logo.save(os.path.basename(change.logo.name), pending_read(change.logo.name), save=False)
        obsolete.append(change.logo.name)
    elif payload.get("logo") == "remove" and company.logo:
        obsolete.append(company.logo.name)
        company.logo = ""
    if "translations" in payload:
        _translations_set(company, payload["translations"], TRANSLATED)
    else:
        company.save()


def _participations(company, payload):
    for key, values in payload.get("participations", {}).items():
        participation = Participation.objects.filter(company=company, pk=int(key)).first()
        if participation is None:
            continue  # removed by an editor since
        for language in LANGUAGES:
            text = values["highlights"].get(language, "")
            if text or participation.has_translation(language):
                participation.set_current_language(language)
                participation.highlights = text
        participation.save()
        participation.categories.set(ProductCategory.objects.filter(pk__in=values.get("categories", [])))


def _images_add(product, entries, obsolete):
    position = max([image.position for image in product.images.all()], default=-1) + 1
    for offset, entry in enumerate(entries):
        if not pending_storage.exists(entry["path"]):
            continue
        image = ProductImage(product=product, position=position + offset)
        image.image.save(os.path.basename(entry["path"]), pending_read(entry["path"]), save=True)
        obsolete.append(entry["path"])


def _products(company, payload, obsolete):
    """Apply the product operations; returns the ids of the products deleted."""
    deleted = []
    next_position = max(company.products.values_list("position", flat=True), default=-1) + 1
    for key, op in payload.get("products", {}).items():
        if op["op"] == "add":
            product = Product(company=company, position=next_position)
            next_position += 1
            _translations_set(product, op["translations"], ("name", "description"))
            product.categories.set(ProductCategory.objects.filter(pk__in=op["categories"]))
            _images_add(product, op.get("images", []), obsolete)
            continue
        product = company.products.filter(pk=int(key)).first()
        if product is None:
            continue  # deleted since
        if op["op"] == "delete":
            obsolete += [image.image.name for image in product.images.all()]
            deleted.append(product.pk)
            product.delete()
            continue
        if "translations" in op:
            _translations_set(product, op["translations"], ("name", "description"))
            product.categories.set(ProductCategory.objects.filter(pk__in=op["categories"]))
        removed = [int(ref[1:]) for ref in op.get("images_removed", [])]
        for image in product.images.filter(pk__in=removed):
            obsolete.append(image.image.name)
            image.delete()
        _images_add(product, op.get("images_added", []), obsolete)
    return deleted


def change_apply(change):
    """Apply the change's payload; returns storage paths to delete once the transaction has committed."""
    company = Company.objects.select_for_update().get(pk=change.company_id)
    payload = payload_merged(change.payload, baseline=change.baseline, live=company_snapshot_load(company))
    obsolete = []
    _company(company, payload, change, obsolete)
    _participations(company, payload)
    deleted = _products(company, payload, obsolete)
    company_index(company=company)
    index_now(PRODUCT, *deleted)  # a deleted product leaves the site search with the change
    return obsolete
