"""What a profile change changes: rows of old and new values per language, for the editor's review and for the
exhibitor's own view of the pending change."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.companies.regions import Region
from apps.core.diff import inline_diff
from apps.expo.models import Participation

from . import selectors
from .forms import LANGUAGE_LABELS
from .profile import LANGUAGES, SHARED, TRANSLATED, effective, payload_merged

LABELS = {"name": _("Name"), "short_name": _("Short name"), "city": _("City / province"), "address": _("Address"),
          "summary": _("Summary"), "profile": _("Company profile"), "website": _("Website"),
          "email": _("Contact email"), "phone": _("Contact phone"), "region": _("Region"),
          "highlights": _("Exhibit highlights"), "categories": _("Exhibit categories"),
          "description": _("Description")}
LONG = {"summary", "profile", "highlights", "description"}


def _row(name, old, new):
    old, new = old or "", new or ""
    changed = old != new
    return {"name": name, "label": LABELS.get(name, name), "old": old, "new": new, "changed": changed,
            "diff": inline_diff(old, new) if changed and name in LONG else None}


def _languages(old, new, fields):
    return [{"code": language, "label": LANGUAGE_LABELS[language],
             "rows": [_row(name, old.get(language, {}).get(name), new.get(language, {}).get(name)) for name in fields]}
            for language in LANGUAGES]


def _names(ids, names):
    return ", ".join(names.get(pk, f"#{pk}") for pk in ids)


def change_diff(change):
    """The review of one change: sections of rows, each row with old, new and whether it changed."""
    live = selectors.company_snapshot_load(change.company)
    # The profile shown as it is now (an editor may have edited it since the submission) and as it will be.
    baseline = {**change.baseline, "shared": live["shared"], "translations": live["translations"], "logo": live["logo"]}
    payload = payload_merged(change.payload, baseline=change.baseline, live=live)
    new = effective(baseline, payload, logo_path=change.logo.name if change.logo else "")
    regions = dict(Region.choices)
    result = {"company": change.company, "has_profile": "translations" in payload, "logo": None,
              "participations": [], "products": []}
    if "translations" in payload:
        result["languages"] = _languages(baseline["translations"], new["translations"], TRANSLATED)
        result["shared"] = [_row(name, regions.get(baseline["shared"].get(name), baseline["shared"].get(name))
                                 if name == "region" else baseline["shared"].get(name),
                                 regions.get(new["shared"].get(name), new["shared"].get(name))
                                 if name == "region" else new["shared"].get(name)) for name in SHARED]
    if payload.get("logo"):
        result["logo"] = {"old": baseline.get("logo", ""), "new": new["logo"], "action": payload["logo"]}
    category_ids = set()
    for values in list(payload.get("participations", {}).values()) + list(payload.get("products", {}).values()):
        category_ids.update(values.get("categories", []))
    for key in payload.get("participations", {}):
        category_ids.update(baseline["participations"].get(key, {}).get("categories", []))
    for key in payload.get("products", {}):
        category_ids.update(baseline["products"].get(key, {}).get("categories", []))
    names = selectors.category_names(category_ids)
    participations = {str(p.pk): p for p in Participation.objects.filter(
        pk__in=[int(k) for k in payload.get("participations", {})]).select_related("edition")
        .prefetch_related("edition__translations")}
    for key, values in payload.get("participations", {}).items():
        old = baseline["participations"].get(key, {"highlights": {}, "categories": []})
        result["participations"].append({
            "edition": str(participations[key].edition) if key in participations else f"#{key}",
            "languages": [{"code": lang, "label": LANGUAGE_LABELS[lang],
                           "rows": [_row("highlights", old["highlights"].get(lang), values["highlights"].get(lang))]}
                          for lang in LANGUAGES],
            "categories": _row("categories", _names(old["categories"], names), _names(values["categories"], names)),
        })
    for key, op in payload.get("products", {}).items():
        result["products"].append(_product(key, op, baseline["products"].get(key), new["products"].get(key), names))
    return result


def _product(key, op, old, new, names):
    from .profile import display_name

    empty = {"translations": {}, "categories": [], "images": []}
    old, new = old or empty, new or empty
    shown = new if op["op"] != "delete" else old
    item = {"key": key, "op": op["op"], "name": display_name(shown["translations"], get_language()),
            "languages": [], "categories": None, "images_added": [], "images_removed": []}
    if op["op"] != "delete":
        item["languages"] = _languages(old["translations"], new["translations"], ("name", "description"))
        item["categories"] = _row("categories", _names(old["categories"], names), _names(new["categories"], names))
        live = {image["ref"]: image["path"] for image in old["images"]}
        item["images_added"] = [image["path"] for image in op.get("images", []) + op.get("images_added", [])]
        item["images_removed"] = [live[ref] for ref in op.get("images_removed", []) if ref in live]
    return item
