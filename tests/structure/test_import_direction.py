"""Imports between apps run one way (docs/architecture.md): core <- accounts <- companies <- notifications <- the
feature apps. Every module's imports are read with ast, at the top level and inside functions.

- An app imports nothing from an app above it.
- A feature app reaches another feature app only through its `selectors` and `services` (never its models,
  views or private helpers).
- Other apps use notifications only through its public modules (services, selectors, audience, registry): its
  models (the outbox) are its own.
- search sits between notifications and the feature apps; they use it only through registry, services and
  selectors (its index tables are its own).
- editorial (the editors' desk) sits above search; the feature apps use it only through its registry.
- No app probes for another with `except ImportError`, nor with `hasattr()` on something imported from it.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
APPS = ROOT / "apps"
LAYERS = {"core": 0, "accounts": 1, "companies": 2, "notifications": 3, "search": 3.5, "editorial": 3.7}
FEATURE_LAYER = 4
PUBLIC_MODULES = {"selectors", "services"}  # what one feature app may use of another
NOTIFICATIONS_PUBLIC = {"services", "selectors", "audience", "registry"}  # what other apps may use of notifications
SEARCH_PUBLIC = {"registry", "services", "selectors"}  # what feature apps may use of search (never its models)
EDITORIAL_PUBLIC = {"registry"}  # what feature apps may use of the editors' desk (apps/editorial)


def layer(app):
    return LAYERS.get(app, FEATURE_LAYER)


def app_modules():
    for path in sorted(APPS.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        relative = path.relative_to(ROOT).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield path, parts


def imported_names(path, parts):
    """The absolute dotted names a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = parts if path.name == "__init__.py" else parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if node.module is None or node.level:
                for alias in node.names:  # `from . import services`: the name may be a module
                    yield node.lineno, f"{module}.{alias.name}"
            else:
                for alias in node.names:
                    yield node.lineno, f"{module}.{alias.name}"


def violation(source_app, target):
    parts = target.split(".")
    if parts[0] != "apps" or len(parts) < 2:
        return None
    target_app = parts[1]
    if target_app == source_app:
        return None
    if layer(target_app) > layer(source_app):
        return f"{source_app} (lower) imports {target_app} (higher)"
    if target_app == "notifications" and (len(parts) < 3 or parts[2] not in NOTIFICATIONS_PUBLIC):
        return f"{source_app} reaches into {'.'.join(parts[:3])} (not a public module of notifications)"
    if target_app == "search" and (len(parts) < 3 or parts[2] not in SEARCH_PUBLIC):
        return f"{source_app} reaches into {'.'.join(parts[:3])} (not a public module of search)"
    if target_app == "editorial" and (len(parts) < 3 or parts[2] not in EDITORIAL_PUBLIC):
        return f"{source_app} reaches into {'.'.join(parts[:3])} (not a public module of editorial)"
    both_features = layer(source_app) == FEATURE_LAYER and layer(target_app) == FEATURE_LAYER
    if both_features and (len(parts) < 3 or parts[2] not in PUBLIC_MODULES):
        return f"feature app {source_app} reaches into {'.'.join(parts[:3])}"
    return None


def test_imports_run_one_way():
    found = []
    for path, parts in app_modules():
        source_app = parts[1] if len(parts) > 1 else None
        if source_app is None:
            continue
        for lineno, name in imported_names(path, parts):
            problem = violation(source_app, name)
            if problem:
                found.append(f"{path.relative_to(ROOT)}:{lineno}: {problem} ({name})")
    assert found == [], "\n".join(sorted(set(found)))


def test_no_app_probes_for_another_with_import_errors():
    found = []
    for path, _parts in app_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                if names & {"ImportError", "ModuleNotFoundError"}:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def hasattr_probes(source, own_app):
    """Lines where `hasattr(name, ...)` asks about a name imported from another app."""
    tree = ast.parse(source)
    foreign = set()
    for node in ast.walk(tree):
        module = (node.module or "") if isinstance(node, ast.ImportFrom) and not node.level else ""
        if module.startswith("apps.") and module.split(".")[1] != own_app:
            foreign.update(alias.asname or alias.name for alias in node.names)
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "hasattr"
            and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in foreign]


def test_no_app_probes_another_with_hasattr():
    found = []
    for path, parts in app_modules():
        if len(parts) > 1:
            found += [f"{path.relative_to(ROOT)}:{line}" for line in hasattr_probes(path.read_text(), parts[1])]
    assert found == []


def test_the_checker_sees_a_forbidden_edge():
    assert violation("companies", "apps.expo.models.Participation")
    assert violation("forums", "apps.news.revisions.diff")
    assert violation("core", "apps.notifications.render.absolute")
    assert violation("expo", "apps.news.selectors.articles_for") is None
    assert violation("expo", "apps.companies.models.Company") is None
    assert violation("forums", "apps.notifications.models.Event")
    assert violation("news", "apps.notifications.render.absolute")
    assert violation("forums", "apps.notifications.selectors.event_count") is None
    assert violation("trading", "apps.notifications.registry.Kind") is None
    assert violation("notifications", "apps.notifications.models.Event") is None
    assert violation("search", "apps.news.models.Article")
    assert violation("news", "apps.search.models.Document")
    assert violation("expo", "apps.search.backends.ranked")
    assert violation("news", "apps.search.registry.Source") is None
    assert violation("trading", "apps.search.services.index_on_commit") is None
    assert violation("search", "apps.notifications.registry.Kind") is None
    probe = "from apps.companies.models import Company\nfrom .models import Forum\n"
    assert hasattr_probes(probe + "hasattr(Company, 'x')\nhasattr(Forum, 'y')\n", "forums") == [3]
