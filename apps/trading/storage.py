"""Attachments live outside MEDIA_ROOT: /media/ is served to anyone, while a draft's files are for staff only."""

from django.utils.deconstruct import deconstructible

from apps.core.storage import PrivateStorage


@deconstructible(path="apps.trading.storage.AttachmentStorage")
class AttachmentStorage(PrivateStorage):
    """The trading area of the private storage: TRADING_ATTACHMENT_ROOT, default "<media root>-private/trading".
    A class of its own keeps the name the migrations use."""

    def __init__(self):
        super().__init__("trading", setting="TRADING_ATTACHMENT_ROOT")


attachment_storage = AttachmentStorage()
