"""How complete a company profile is, per language: a percentage and what is missing."""

from django.utils.translation import gettext_lazy as _

from .profile import LANGUAGES

LABELS = {
    "name": _("company name"),
    "short_name": _("short name"),
    "summary": _("summary"),
    "profile": _("company profile"),
    "city": _("city / province"),
    "address": _("address"),
    "logo": _("logo"),
    "website": _("website"),
    "email": _("contact email"),
    "phone": _("contact phone"),
    "region": _("region"),
    "product": _("at least one product with a name and a description"),
    "highlights": _("exhibit highlights for the coming expo"),
    "categories": _("exhibit categories for the coming expo"),
}
TRANSLATED_ITEMS = ("name", "short_name", "summary", "profile", "city", "address")
SHARED_ITEMS = ("website", "email", "phone", "region")


def _language_items(state, language, current_participation):
    texts = state["translations"].get(language, {})
    items = [(code, bool(texts.get(code, "").strip())) for code in TRANSLATED_ITEMS]
    items.append(("logo", bool(state["logo"])))
    items += [(code, bool(state["shared"].get(code))) for code in SHARED_ITEMS]
    items.append(("product", any(
        product["status"] != "deleted"
        and product["translations"].get(language, {}).get("name", "").strip()
        and product["translations"].get(language, {}).get("description", "").strip()
        for product in state["products"].values())))
    participation = state["participations"].get(str(current_participation)) if current_participation else None
    if participation is not None:
        items.append(("highlights", bool(participation["highlights"].get(language, "").strip())))
        items.append(("categories", bool(participation["categories"])))
    return items


def completeness(state, *, current_participation=None):
    """{language: {"percent": int, "missing": [item codes]}} of an effective profile (see profile.effective)."""
    result = {}
    for language in LANGUAGES:
        items = _language_items(state, language, current_participation)
        done = sum(1 for _code, ok in items if ok)
        result[language] = {"percent": round(100 * done / len(items)),
                            "missing": [code for code, ok in items if not ok]}
    return result


def missing_labels(codes):
    return [LABELS[code] for code in codes if code in LABELS]


def is_complete(result):
    return all(not values["missing"] for values in result.values())
