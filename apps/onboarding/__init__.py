"""Joining the platform without an invitation.

The app owns the way in for a company that nobody invited: a visitor signs up (an inactive account until the
emailed, signed link is followed), then creates a company (unverified, the visitor its administrator) or asks to
join one that exists. Editors decide in the admin: they verify or reject a new company and approve or decline a
join request, and the user hears of every decision by email and in the inbox, in their language. The join
dashboard (/<lang>/join/status/) shows where each of the user's companies and requests stands.

Records: `Signup` (an account waiting for its address to be confirmed), `CompanyApplication` (a company created
here, waiting for verification), `JoinRequest`. Verification itself is the company's `verified_at`, set by
apps.companies.services.company_verify; invitations (apps.expo.portal.invitations) work as before.
"""
