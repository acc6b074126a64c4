"""The editorial back office: roles, the review-and-publish workflow, revisions, the editor."""
