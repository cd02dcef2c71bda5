"""Update the zh_Hans catalogue and fill translations from JSON files ({"msgid": "msgstr"}), then compile.

    .venv/bin/python scripts/messages_fill.py /tmp/tr/expo.json [more.json ...]

Runs `make messages`, drops makemessages' fuzzy guesses, writes the given translations into
locale/zh_Hans/LC_MESSAGES/django.po (plural entries get msgstr[0]), compiles, and prints the msgids still
untranslated. Serialised with a lock file, so several people (or helpers) can run it at once.
"""

import fcntl
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
ENTRY_MSGID = re.compile(r'^msgid ((?:".*"\n?)+)', re.M)


def _escape(value):
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _msgid(entry):
    match = ENTRY_MSGID.search(entry)
    if not match:
        return None
    raw = "".join(re.findall(r'"(.*)"', match.group(1)))
    return raw.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def _msgstr(entry):
    match = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', entry, re.M)
    return "".join(re.findall(r'"(.*)"', match.group(1))) if match else ""


def _fill(entry, value):
    replacement = f'msgstr[0] "{_escape(value)}"' if "msgid_plural" in entry else f'msgstr "{_escape(value)}"'
    pattern = r'^msgstr\[0\] ((?:".*"\n?)+)' if "msgid_plural" in entry else r'^msgstr ((?:".*"\n?)+)'
    entry = re.sub(pattern, lambda _m: replacement + "\n", entry, flags=re.M).rstrip("\n")
    entry = "\n".join(line for line in entry.split("\n") if not line.startswith("#|"))  # previous msgid
    return entry.replace("#, fuzzy\n", "").replace("#, fuzzy, ", "#, ")


def fill(translations):
    entries, missing = [], []
    for found in PO.read_text().split("\n\n"):
        key, entry = _msgid(found), found
        if key and key in translations:
            entry = _fill(found, translations[key])
        elif key and "#, fuzzy" in found:  # makemessages' guess from a similar msgid: not a translation
            entry = _fill(found, "")
            missing.append(key)
        elif key and not _msgstr(found):
            missing.append(key)
        entries.append(entry)
    PO.write_text("\n\n".join(entries).rstrip("\n") + "\n")
    return missing


def main(paths):
    translations = {}
    for path in paths:
        translations.update(json.loads(Path(path).read_text()))
    with open(ROOT / "var" / "messages.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run(["make", "-s", "messages"], cwd=ROOT, check=True)
        missing = fill(translations)
        subprocess.run([str(ROOT / ".venv/bin/python"), "manage.py", "compilemessages", "-l", "zh_Hans"],
                       cwd=ROOT, check=True, capture_output=True)
    print(f"untranslated ({len(missing)}):")
    for key in missing:
        print("  " + json.dumps(key, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
