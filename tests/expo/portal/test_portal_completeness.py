"""Profile completeness per language, measured on the profile as it will be (live values + pending change)."""

from apps.expo.portal import selectors, services
from apps.expo.portal.completeness import completeness
from apps.expo.portal.profile import effective
from apps.expo.portal.uploads import image_check
from tests.support.files import image_upload


def _profile(company):
    return selectors.company_profile(selectors.company_by_slug(slug=company.slug))


def test_a_sparse_profile_lists_what_is_missing_in_each_language(company_a):
    result = _profile(company_a).completeness
    # name, summary and one product with name + description are given in both languages: 3 of 14 items.
    assert result["en"] == {"percent": 21, "missing": [
        "short_name", "profile", "city", "address", "logo", "website", "email", "phone", "region", "highlights",
        "categories"]}
    assert result["zh-hans"] == result["en"]


def test_chinese_only_texts_complete_chinese_but_not_english(company_a, member_a, rubber_category):
    participation = str(company_a.participations.get().pk)
    texts = {"name": "隆远轮胎", "short_name": "隆远", "city": "青岛", "address": "黄岛区", "summary": "轮胎",
             "profile": "<p>简介</p>"}
    blank = dict.fromkeys(texts, "") | {"name": "Longyuan Tyre"}
    services.profile_change_submit(company=company_a, user=member_a, logo=image_check(image_upload()), profile={
        "shared": {"website": "https://ly.example", "email": "a@ly.example", "phone": "1", "region": "shandong"},
        "translations": {"en": blank, "zh-hans": texts},
        "participations": {participation: {"highlights": {"en": "", "zh-hans": "新品"},
                                           "categories": [rubber_category.pk]}}})
    result = _profile(company_a).completeness
    assert result["zh-hans"] == {"percent": 100, "missing": []}
    assert result["en"]["missing"] == ["short_name", "summary", "profile", "city", "address", "highlights"]


def test_a_product_to_be_deleted_does_not_count():
    state = effective({"shared": {}, "translations": {}, "logo": "", "participations": {}, "products": {
        "1": {"translations": {"en": {"name": "Tyre", "description": "Radial"}}, "categories": [], "images": []}}},
        {"products": {"1": {"op": "delete"}}})
    assert "product" in completeness(state)["en"]["missing"]
    assert "highlights" not in completeness(state)["en"]["missing"]  # no coming participation: not asked
