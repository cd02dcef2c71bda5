"""The pages of contact requests: public.py (the form and its confirmation link), portal.py (the exhibitor
portal's list, detail and export)."""
