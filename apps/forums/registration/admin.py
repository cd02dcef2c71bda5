"""Admin of registrations."""
