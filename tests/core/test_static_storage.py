"""Production's static storage (apps.core.storage.StaticStorage) works a file's hashed URL out once per process."""

import json

import pytest

from apps.core.storage import StaticStorage


def test_a_static_url_is_worked_out_once_and_a_missing_file_still_fails(tmp_path, settings):
    settings.DEBUG = False
    (tmp_path / "staticfiles.json").write_text(json.dumps({"version": "1.1", "paths": {"css/site.css":
                                                                                       "css/site.0a1b2c.css"}}))
    storage = StaticStorage(location=str(tmp_path), base_url="/static/")

    assert storage.url("css/site.css") == "/static/css/site.0a1b2c.css"
    storage.hashed_files.clear()  # the manifest is not read again for a name this process knows
    assert storage.url("css/site.css") == "/static/css/site.0a1b2c.css"
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        storage.url("css/none.css")  # manifest_strict: a typo in a template fails, as with WhiteNoise's storage
