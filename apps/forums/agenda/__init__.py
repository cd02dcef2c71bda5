"""Personal agendas (starred sessions), change alerts, and the schedule exports (iCal, JSON)."""
