"""The exhibitor portal's views: `profile` (dashboard, profile, products, pending change) and `invitations`."""
