"""Forums: the forums of an expo with their rooms, topics, sessions and speakers.

Editors edit a draft programme; the public reads only released versions (snapshot.py, ScheduleRelease) with their
changelog. Owns the public programme pages under the Forums page's apphook (by day, day x room grid, forum,
session and speaker pages), personal agendas with change alerts and schedule exports (agenda/: iCal, JSON),
forum registration with places and a waiting list (registration/), and the forum sessions shown on a company's
page.
"""
