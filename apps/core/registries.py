"""Registries through which apps above core tell it what they have. Each is filled in an app's `ready()`.

- `health_details`: name -> callable() returning a JSON-able dict, shown under "details" in /healthz. A detail
  never changes the status; it must be cheap (indexed reads only), since load balancers poll /healthz.
- `demo_builders`: app label -> DemoBuilder, each app's part of the demo that `manage.py load_demo` builds and
  `reset_demo` rebuilds (apps.core.demo runs them). See DemoBuilder for what is called with what.

The public page caches have their registry next to them in apps.core.cache: page_cache_get(namespace), and the
page_cache_bumped signal. docs/architecture.md lists every registry and signal of the project.
"""

from collections.abc import Callable
from dataclasses import dataclass

health_details = {}
demo_builders = {}

DEMO_PAGES_ORDER = 30  # where core builds the site's CMS pages among the builders


def health_detail_register(name, provider):
    health_details[name] = provider


@dataclass(frozen=True)
class DemoBuilder:
    """One app's demo data.

    `build(*, author)` creates what is missing (running it again creates nothing) and returns how many records it
    created; `delete()` deletes what `build` makes and returns how many records it deleted. Either may instead
    return `(count, notes)`: notes are translated messages for whoever runs the command (e.g. a record kept because
    other content refers to it). Both run inside the command's transaction.

    `author` is the demo user who authors the pages and content (site.json's "pages_author"), or None for builders
    ordered before DEMO_PAGES_ORDER: those run before it exists (accounts creates it).
    Builders run by ascending `order` and are deleted in the reverse order.
    """

    label: str  # app label, e.g. "expo" (or "<app label>.<part>" for a later part); the report shows the app's name
    order: int
    build: Callable
    delete: Callable


def demo_builder_register(label, *, order, build, delete):
    demo_builders[label] = DemoBuilder(label=label, order=order, build=build, delete=delete)
    return demo_builders[label]
