"""A category tree read in one go (the categories with their translations), resolved in memory."""

from dataclasses import dataclass, field


@dataclass
class CategoryTree:
    """Categories that point at their `parent_id`, with parents and children resolved in memory."""

    categories: list
    by_pk: dict = field(default_factory=dict)
    by_slug: dict = field(default_factory=dict)

    def __post_init__(self):
        self.by_pk = {category.pk: category for category in self.categories}
        self.by_slug = {category.slug: category for category in self.categories}
        for category in self.categories:
            category.child_list = [c for c in self.categories if c.parent_id == category.pk]

    def roots(self):
        return [category for category in self.categories if category.parent_id is None]

    def ancestors(self, category):
        """The category's parents from the top down, ending with the category itself."""
        chain = []
        while category is not None:
            chain.insert(0, category)
            category = self.by_pk.get(category.parent_id)
        return chain

    def descendant_ids(self, category):
        ids = [category.pk]
        for child in category.child_list:
            ids += self.descendant_ids(child)
        return ids

    def choices(self):
        """(slug, label) in tree order, children indented below their parent."""
        rows = []

        def walk(nodes, depth):
            for node in nodes:
                rows.append((node.slug, "\u2003" * depth + str(node)))
                walk(node.child_list, depth + 1)

        walk(self.roots(), 0)
        return rows
