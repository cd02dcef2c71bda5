"""Editors (the role, not only superusers) say who looks after which language."""

from apps.editorial.models import LanguageEditor


def test_an_editor_adds_a_language_editor(client, editor):
    client.force_login(editor)
    assert client.get("/en/admin/editorial/languageeditor/").status_code == 200

    response = client.post("/en/admin/editorial/languageeditor/add/", {"user": editor.pk, "language": "zh-hans"})

    assert response.status_code == 302
    assert LanguageEditor.objects.filter(user=editor, language="zh-hans").exists()


def test_the_queue_writes_valid_html_datetimes(client, editor):
    import re

    from tests.factories import ArticleFactory

    ArticleFactory(author=editor, state="review", number=5)
    client.force_login(editor)

    html = client.get("/en/admin/").content.decode()

    values = re.findall(r'<time datetime="([^"]+)"', html)
    assert values and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value) for value in values)
