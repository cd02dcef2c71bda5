"""What the expo tells exhibitors: their profile change approved or rejected, invitations, profile reminders."""


def register():
    pass
