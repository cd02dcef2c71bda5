"""Editors (the role, not only superusers) say who looks after which language."""

from apps.editorial.models import LanguageEditor


def test_an_editor_adds_a_language_editor(client, editor):
    client.force_login(editor)
    assert client.get("/en/admin/editorial/languageeditor/").status_code == 200

    response = client.post("/en/admin/editorial/languageeditor/add/", {"user": editor.pk, "language": "zh-hans"})

    assert response.status_code == 302
    assert LanguageEditor.objects.filter(user=editor, language="zh-hans").exists()
