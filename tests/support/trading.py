"""Form data of the trading admin, for the tests that post a notice through it."""


def notice_form(center, **values):
    """The add/change form of a fees notice in `center` with one empty attachment row; `values` override."""
    form = {
        "center": center.pk, "kind": "fees", "title": "Storage fees", "body": "<p>New storage fees.</p>",
        "issue_date": "", "effective_from_0": "2026-12-01", "effective_from_1": "09:00:00",
        "effective_until_0": "", "effective_until_1": "", "supersedes": "", "prevailing_language": "zh-hans",
        "attachments-TOTAL_FORMS": "1", "attachments-INITIAL_FORMS": "0", "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000", "attachments-0-language": "", "attachments-0-position": "0",
    }
    form.update(values)
    return form
