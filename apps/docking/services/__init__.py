"""Writes of Supply & Demand. Each service is one transaction and checks the user's right itself; cached public
pages go stale once it commits.

Requirement: draft (requirement_create / requirement_update) → in review (requirement_submit) → open
(requirement_approve, by an editor; or back to draft with a note, requirement_return) → closed
(requirement_close, or by itself at the deadline) / awarded (response_decide) / cancelled (requirement_cancel).
Response: received → shortlisted / declined / awarded by the poster, or withdrawn by the supplier.
"""

from .attachments import attachment_add, attachment_delete, attachment_files_delete  # noqa: F401
from .events import event_save  # noqa: F401
from .requirements import (  # noqa: F401
    requirement_approve,
    requirement_cancel,
    requirement_close,
    requirement_create,
    requirement_delete,
    requirement_return,
    requirement_submit,
    requirement_update,
)
from .responses import outcome_agree, response_create, response_decide, response_withdraw, thread_post  # noqa: F401
