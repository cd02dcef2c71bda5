"""1:1 meetings at the expo: exhibitors open time windows on the expo's days, visitors (signed in, with or without
a company) ask for a slot, the exhibitor accepts, declines or proposes another free slot.

What it owns: availability per company and expo day (`Availability`: window, slot length, booth or a named
meeting table), meeting requests (`MeetingRequest`) with their status and the slot they hold, the exhibitor
portal's meeting pages, the visitor's slot picker and "My meetings", the notifications of each step, the reminder
the day before (beat), confirmed meetings in the personal agenda (apps.accounts.agenda), editors' lists and CSV.

Design notes
- Slots are computed from an availability's window; a request stores the start it holds. "No slot is booked
  twice" is a partial unique constraint on (company, start) over active requests (requested, proposed,
  accepted); the booking service also locks the availability row so overlaps of different lengths are refused.
- Times are Beijing time (Asia/Shanghai), as the expo runs there, whatever the site's time zone setting.
- Editions, days and booths come from apps.expo.selectors; no expo model is imported.
- Message bodies are private to both parties: editors see them only with `meetings.read_meeting_message`.
"""
