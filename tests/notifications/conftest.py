import pytest


@pytest.fixture
def fault_proxy(smtp_server):
    """A proxy in front of the recording server that breaks the transactions of armed addresses (faults.py)."""
    from .faults import FaultProxy

    proxy = FaultProxy(smtp_server.port)
    yield proxy
    proxy.stop()


@pytest.fixture
def smtp_settings(settings, smtp_server):
    """This process sends through the loopback SMTP server too."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return smtp_server
