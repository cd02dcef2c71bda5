"""Admin of profile changes (review with diff) and invitations."""
