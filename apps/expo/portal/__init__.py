"""The exhibitor self-service portal: members of a company edit its profile and products, and submit the changes
for an editor's review."""
