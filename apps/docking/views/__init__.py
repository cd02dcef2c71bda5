"""Views of Supply & Demand, thin (permission → selector/service → render), served under the apphook's page:
`public` (board, requirement, event, attachments), `portal` (a company's own requirements at mine/) and
`responses` (answering, deciding, the thread). Whatever a user may not see answers 404."""
