"""What the beacon counts: signed item names (so it never counts a made-up company or product, without a query)
and which requests are a person's page view (GET, no prefetch, no robot's user agent)."""

import re

from django.core import signing

from . import counters

SALT = "expo.figures.beacon"
ROBOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|preview|scan|monitor|lighthouse|pagespeed|headless|phantom|selenium|"
    r"puppeteer|playwright|curl|wget|python|java/|go-http|okhttp|httpclient|libwww|scrapy|node-fetch|axios|"
    r"facebookexternalhit|embedly|bingpreview|whatsapp|telegram", re.IGNORECASE)
PREFETCH_HEADERS = ("Purpose", "Sec-Purpose", "X-Purpose", "X-Moz")


def item_sign(*, company_id, product_id=None):
    """The signed value a page puts into the beacon's URL for a company's profile or one of its products."""
    item = f"c{company_id}" + (f"p{product_id}" if product_id else "")
    return signing.Signer(salt=SALT).sign(item)


def item_read(value):
    """(company id, kind, item) of a signed value; ValueError when it is not one we signed."""
    try:
        item = signing.Signer(salt=SALT).unsign(value)
    except signing.BadSignature:
        raise ValueError("bad signature") from None
    match = re.fullmatch(r"c(\d{1,12})(?:p(\d{1,12}))?", item)
    if match is None:
        raise ValueError("bad item")
    return int(match[1]), (counters.PRODUCT if match[2] else counters.PROFILE), item


def is_person(request):
    """Whether a request looks like a person's browser loading the page (not a robot, not a prefetch)."""
    agent = request.headers.get("User-Agent", "")
    if not agent or ROBOTS.search(agent):
        return False
    return not any("prefetch" in request.headers.get(name, "").lower()
                   or "prerender" in request.headers.get(name, "").lower() for name in PREFETCH_HEADERS)
