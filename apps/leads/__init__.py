"""Contact requests to exhibitors ("leads"): the public "Contact this exhibitor" form of a company exhibiting at
the expo, its double opt-in for anonymous senders, the exhibitor portal's list of a company's requests (status,
private notes, CSV export since the last export) and the editors' overview in the admin.

What it owns: `Lead` (one request: the exhibitor, the expo edition, an optional product, who wrote and what, its
status and the exhibitor's notes, when it was confirmed and last exported), its notifications, its demo part and
`selectors.lead_counts_by_day` for the exhibitor figures.

Design notes
- An anonymous sender's request stays unconfirmed, invisible to the exhibitor, until the signed link mailed to the
  address is followed (tokens.py); a signed-in user's request is confirmed at once, with the account's name and
  address. The form answers the same for every address, so it tells nothing about who has an account.
- Only members of the lead's company see it (rules.py): a request of another company answers 404 whatever is
  asked of it. Editors see every request in the admin, but the message and the notes only with the permission
  `leads.read_lead_message`, which no role holds by default (granted to a moderator when needed). For the same
  reason the inbox entry of a new request carries no message body (inbox rows are stored in the outbox, which
  editors may read); the exhibitors' email carries it, rendered only when sent.
"""
