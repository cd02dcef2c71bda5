"""Who may see and do what with contact requests.

- leads.manage_leads (a Company): its members use its leads pages in the exhibitor portal (list, detail, status and
  notes, export). Editors do not: they have the admin. The views read a request only within the company of
  the URL, so a request of another company, or an unknown one, answers 404.
- The admin: editors may view every request (`leads.view_lead`, given to the Editors role in
  apps/accounts/roles.py, so the admin's checks read the cached permissions and no group); reading the message
  and the notes there needs the
  model permission `leads.read_lead_message`, which no role holds by default (superusers do, as every permission).
"""

import rules

from .selectors import member_companies


@rules.predicate
def is_member(user, company):
    """A member of the company (the user's companies are read once per user object)."""
    if company is None or not user.is_authenticated:
        return False
    return any(own.pk == company.pk for own in member_companies(user=user))

rules.add_perm("leads.manage_leads", is_member)
