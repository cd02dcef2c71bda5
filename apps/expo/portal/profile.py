"""A company's profile as plain data: the live values (snapshot), and what it becomes with a pending change.

The portal shows and edits the *effective* profile (live values with the pending change laid over them), the
review diff compares the baseline snapshot with it, and completeness is measured on it. Everything here works on
prefetched objects and dictionaries: no queries of its own.

A change's payload (JSON):
    shared: {website, email, phone, region}            replaced as a whole (present once the profile form was sent)
    translations: {lang: {name, short_name, ...}}      likewise
    logo: "replace" | "remove"                        the new file is ProfileChange.logo
    participations: {participation id: {highlights: {lang: text}, categories: [ids]}}
    products: {key: op} where key is a live product id or "n<hex>" for a new one, and op is
        {"op": "add", translations, categories, images: [{ref, path}]}
        {"op": "edit", translations?, categories?, images_added: [{ref, path}], images_removed: [live refs]}
        {"op": "delete"}
Image refs: "l<id>" for a live ProductImage, "p<hex>" for a pending file.
"""

import copy

from django.conf import settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TRANSLATED = ("name", "short_name", "city", "address", "summary", "profile")
SHARED = ("website", "email", "phone", "region")
PRODUCT_TRANSLATED = ("name", "description")


def empty_translations(fields):
    return {language: dict.fromkeys(fields, "") for language in LANGUAGES}


def _translations(obj, fields):
    values = empty_translations(fields)
    for row in obj.translations.all():
        if row.language_code in values:
            values[row.language_code] = {name: getattr(row, name) or "" for name in fields}
    return values


def participation_snapshot(participation):
    highlights = dict.fromkeys(LANGUAGES, "")
    for row in participation.translations.all():
        if row.language_code in highlights:
            highlights[row.language_code] = row.highlights or ""
    return {"highlights": highlights, "categories": sorted(c.pk for c in participation.categories.all())}


def product_snapshot(product):
    return {"translations": _translations(product, PRODUCT_TRANSLATED),
            "categories": sorted(c.pk for c in product.categories.all()),
            "images": [{"ref": f"l{image.pk}", "path": image.image.name} for image in product.images.all()]}


def company_snapshot(company, *, participations, products):
    """Live values of a company, its given participations and its products (prefetched)."""
    return {
        "shared": {name: getattr(company, name) or "" for name in SHARED},
        "translations": _translations(company, TRANSLATED),
        "logo": company.logo.name or "",
        "participations": {str(p.pk): participation_snapshot(p) for p in participations},
        "products": {str(p.pk): product_snapshot(p) for p in products},
    }


def product_effective(live, op):
    """One product as it will be after approval, with "status": live, added, edited or deleted."""
    if op is None:
        return {**copy.deepcopy(live), "status": "live"}
    if op["op"] == "add":
        return {"translations": op["translations"], "categories": op["categories"],
                "images": [{**image, "pending": True} for image in op.get("images", [])], "status": "added"}
    if op["op"] == "delete":
        return {**copy.deepcopy(live), "status": "deleted"}
    removed = set(op.get("images_removed", []))
    images = [image for image in live["images"] if image["ref"] not in removed]
    images += [{**image, "pending": True} for image in op.get("images_added", [])]
    return {"translations": op.get("translations", live["translations"]),
            "categories": op.get("categories", live["categories"]), "images": images, "status": "edited"}


def effective(snapshot, payload, *, logo_path=""):
    """The profile as it will be once the payload is approved."""
    state = copy.deepcopy(snapshot)
    for section in ("shared", "translations"):
        if section in payload:
            state[section] = copy.deepcopy(payload[section])
    if payload.get("logo") == "replace":
        state["logo"] = logo_path
    elif payload.get("logo") == "remove":
        state["logo"] = ""
    for key, values in payload.get("participations", {}).items():
        if key in state["participations"]:
            state["participations"][key].update(copy.deepcopy(values))
    ops = payload.get("products", {})
    products = {}
    for key, live in snapshot["products"].items():
        products[key] = product_effective(live, ops.get(key))
    for key, op in ops.items():
        if op["op"] == "add":
            products[key] = product_effective(None, op)
    state["products"] = products
    return state


def display_name(translations, language):
    """A name in this language, else in any language."""
    own = translations.get(language, {}).get("name", "")
    return own or next((values.get("name") for values in translations.values() if values.get("name")), "")


def _untouched_from_live(proposed, baseline, live):
    """Each proposed value, except where the exhibitor left the value it saw: there the live value, which an
    editor may have changed since the submission."""
    merged = dict(live)
    merged.update({name: live.get(name, value) if value == baseline.get(name) else value
                   for name, value in proposed.items()})
    return merged


def payload_merged(payload, *, baseline, live):
    """The payload to apply or show: profile fields the exhibitor did not touch keep their live values."""
    merged = copy.deepcopy(payload)
    if "shared" in payload:
        merged["shared"] = _untouched_from_live(payload["shared"], baseline.get("shared", {}), live["shared"])
    if "translations" in payload:
        merged["translations"] = {
            language: _untouched_from_live(values, baseline.get("translations", {}).get(language, {}),
                                           live["translations"].get(language, {}))
            for language, values in payload["translations"].items()}
    return merged
