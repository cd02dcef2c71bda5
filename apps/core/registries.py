"""Registries through which apps above core tell it what they have. Each is filled in an app's `ready()`.

- `health_details`: name -> callable() returning a JSON-able dict, shown under "details" in /healthz. A detail
  never changes the status; it must be cheap (indexed reads only), since load balancers poll /healthz.
"""

health_details = {}


def health_detail_register(name, provider):
    health_details[name] = provider
