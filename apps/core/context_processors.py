from django.conf import settings

from .branding import SITE_TAGLINE, site_name


def site_shell(request):
    return {
        "site_name": site_name(),
        "site_tagline": SITE_TAGLINE,
        "icp_filing": settings.ICP_FILING,
        "public_security_filing": settings.PUBLIC_SECURITY_FILING,
        "operator_email": settings.OPERATOR_EMAIL,
        "operator_phone": settings.OPERATOR_PHONE,
    }
