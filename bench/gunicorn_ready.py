"""gunicorn config used by the bench: log when a worker has loaded the application.

servers.start_gunicorn waits for one such line per worker before anything is measured; otherwise a worker still
importing Django (about 2 s of CPU here) would slow down the first URL measured.
"""

READY = "bench: worker ready"


def post_worker_init(worker):
    worker.log.info(f"{READY} (pid {worker.pid})")
