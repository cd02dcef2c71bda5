"""Demo forums: see apps.core.demo (build/delete contract)."""


def build(*, author):
    return 0


def delete():
    return 0
