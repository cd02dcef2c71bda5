"""Forum registration: places, waiting list, confirmations, attendee exports."""
